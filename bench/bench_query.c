/* Query speed on a generated database: builds (once) a database of N
 * articles (default one million) with sentences, events, copies and stories
 * directly with SQL, then times stats, search, events and timeline queries
 * through dyad_query() and prints the database size.
 * usage: bench_query [--articles N] [--db PATH] [--rebuild]
 * (default PATH: $O/bench/query-<N>.db, O defaulting to "build") */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench_clock.h"
#include "bench_db.h"
#include "buf.h"
#include "cameo.h"
#include "query.h"
#include "store.h"

/* xorshift64*: a fixed seed gives the same database every time */
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ull;
}
static double unif(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

/* A vocabulary of made-up words, Zipf-like frequencies (index ~ u^3). */
#define VOCAB 8000
static char vocab[VOCAB][16];
static void make_vocab(void)
{
	static const char *const syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze",
					   "pa", "gu", "de", "fi", "ho", "ja", "be", "co", "ly",
					   "wu", "xe"};
	for (int i = 0; i < VOCAB; i++) {
		int a = i % 20, b = (i / 20) % 20, c = i / 400;
		snprintf(vocab[i], sizeof vocab[i], "%s%s%s", syl[a], syl[b], c ? syl[c % 20] : "");
	}
}
static const char *word(void)
{
	double u = unif();
	return vocab[(int)(VOCAB * u * u * u)];
}

static const char *const actors[] = {
	"USA", "USAGOV", "USAMIL", "PAK", "PAKGOV", "PAKMIL", "AFG", "AFGGOV", "AFGINS", "IND",
	"INDGOV", "CHN", "CHNGOV", "RUS", "RUSGOV", "GBR", "GBRGOV", "IRN", "IRNGOV", "SAU",
	"TUR", "FRA", "DEU", "JPN", "ISR", "PSE", "EGY", "UKR", "SYR", "IRQ", "IGOUNO", "NGO",
	"BGD", "LKA", "NPL", "QAT", "ARE", "KOR", "PRK", "BRA"};
static const char *const outlets[] = {
	"Potomac Wire", "Capital Courier", "Meridian Daily", "Frontier Sentinel",
	"The Karachi Ledger", "Kabul Observer", "South Asia Desk", "Harbor Times",
	"Northern Star", "Global Dispatch", "Evening Review", "Metro Post", "River Gazette",
	"Continental Herald", "Daily Ledger", "Morning Standard", "Atlas News", "Summit Report",
	"Valley Chronicle", "Coastal Tribune"};
#define N_ACTORS (sizeof actors / sizeof actors[0])
#define N_OUTLETS (sizeof outlets / sizeof outlets[0])

static int exec(struct dyad_db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench_query: %s: %s\n", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return 1;
	}
	return 0;
}

/* The indexes of migration 3 the generator drops while it inserts (see
 * docs/query.md). */
static const char *const extra_indexes =
	"CREATE INDEX IF NOT EXISTS events_dyad_cover ON events(source, target, date, negated, "
	"code, quad, goldstein, article);"
	"CREATE INDEX IF NOT EXISTS events_target ON events(target, source, date);";

static int generate(const char *path, long n)
{
	struct dyad_db *db;
	struct dyad_err err = {0};
	double t0 = bench_now(), c0 = bench_cpu();
	if (dyad_db_open(path, 0, &db, &err)) {
		fprintf(stderr, "bench_query: %s\n", dyad_errmsg(&err));
		return 1;
	}
	make_vocab();
	size_t ncameo;
	const struct dyad_cameo *cameo = dyad_cameo_table(&ncameo);
	/* bulk load: no journal safety, indexes afterwards */
	if (exec(db, "PRAGMA foreign_keys=OFF; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
		     "DROP INDEX events_dyad_cover; DROP INDEX events_target; DROP INDEX events_code;"
		     "DROP INDEX events_date;"
		     "DROP INDEX events_article; BEGIN"))
		goto fail;
	sqlite3_stmt *art, *sen, *ev, *cp, *sa, *st;
	if (sqlite3_prepare_v2(db->h, "INSERT INTO articles(rowid, id, path, title, published, "
				      "date_confidence, outlet, lang, text, paragraphs, sentences, "
				      "ingested_at) VALUES (?,?,?,?,?,1,?,'en',?,1,3,"
				      "'2026-01-01T00:00:00Z')", -1, &art, NULL) ||
	    sqlite3_prepare_v2(db->h, "INSERT INTO sentences VALUES (?,?,0,?,?)", -1, &sen, NULL) ||
	    sqlite3_prepare_v2(db->h, "INSERT INTO events(article, sentence_index, date, source, "
				      "source_text, target, target_text, code, root, quad, goldstein,"
				      " negated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", -1, &ev, NULL) ||
	    sqlite3_prepare_v2(db->h, "INSERT INTO copies VALUES (?,?,?)", -1, &cp, NULL) ||
	    sqlite3_prepare_v2(db->h, "INSERT INTO story_articles VALUES (?,?)", -1, &sa, NULL) ||
	    sqlite3_prepare_v2(db->h, "INSERT INTO stories VALUES (?,?,?,?,?,?,?)", -1, &st,
			       NULL)) {
		fprintf(stderr, "bench_query: %s\n", sqlite3_errmsg(db->h));
		goto fail;
	}
	struct dyad_buf text = DYAD_BUF_INIT, title = DYAD_BUF_INIT;
	char id[20], date[16], pathbuf[32];
	int story_size = 0;
	long story = 0, story_first = 0;
	for (long i = 1; i <= n; i++) {
		/* stories of 1-4 articles on one day; a tenth of articles copy the
		 * previous one of their story */
		bool copy = false;
		if (story_size == 0) {
			story++;
			story_first = i;
			story_size = 1 + (int)(next() % 4);
			long day = (long)(next() % (26 * 365));
			int y = 2000 + (int)(day / 365), doy = (int)(day % 365);
			snprintf(date, sizeof date, "%04d-%02d-%02d", y % 10000, 1 + doy / 31 % 12,
				 1 + doy % 28);
		} else {
			copy = next() % 3 == 0;
		}
		story_size--;
		dyad_buf_clear(&text);
		dyad_buf_clear(&title);
		for (int w = 0; w < 7; w++)
			dyad_buf_printf(&title, "%s%s", w ? " " : "", word());
		int starts[3], lens[3];
		const char *a1 = actors[next() % N_ACTORS], *a2 = actors[next() % N_ACTORS];
		for (int s = 0; s < 3; s++) {
			starts[s] = (int)text.len + (s ? 1 : 0);
			if (s)
				dyad_buf_addc(&text, ' ');
			size_t st0 = text.len;
			int words = 12 + (int)(next() % 10);
			for (int w = 0; w < words; w++) {
				if (w == 3 && next() % 500 == 0)
					dyad_buf_adds(&text, " safe havens");
				dyad_buf_printf(&text, "%s%s", w ? " " : "", word());
			}
			dyad_buf_printf(&text, " %s %s.", a1, a2);
			lens[s] = (int)(text.len - st0);
		}
		snprintf(id, sizeof id, "%016lx", (unsigned long)(i * 2654435761u));
		snprintf(pathbuf, sizeof pathbuf, "gen#%ld", i);
		sqlite3_bind_int64(art, 1, i);
		sqlite3_bind_text(art, 2, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 3, pathbuf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 4, title.data, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 5, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 6, outlets[next() % N_OUTLETS], -1, SQLITE_STATIC);
		sqlite3_bind_text(art, 7, text.data, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(art) != SQLITE_DONE)
			goto sqlfail;
		sqlite3_reset(art);
		for (int s = 0; s < 3; s++) {
			sqlite3_bind_int64(sen, 1, i);
			sqlite3_bind_int(sen, 2, s);
			sqlite3_bind_int(sen, 3, starts[s]);
			sqlite3_bind_int(sen, 4, lens[s]);
			if (sqlite3_step(sen) != SQLITE_DONE)
				goto sqlfail;
			sqlite3_reset(sen);
		}
		int nev = 1 + (int)(next() % 5);  /* 3 a article on average */
		for (int e = 0; e < nev; e++) {
			const struct dyad_cameo *c = &cameo[next() % ncameo];
			char root[3] = {c->code[0], c->code[1], 0};
			const char *src = e % 2 ? a2 : a1, *tgt = e % 2 ? a1 : a2;
			if (next() % 3 == 0)
				tgt = actors[next() % N_ACTORS];
			sqlite3_bind_int64(ev, 1, i);
			sqlite3_bind_int(ev, 2, e % 3);
			sqlite3_bind_text(ev, 3, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ev, 4, src, -1, SQLITE_STATIC);
			sqlite3_bind_text(ev, 5, src, -1, SQLITE_STATIC);
			sqlite3_bind_text(ev, 6, tgt, -1, SQLITE_STATIC);
			sqlite3_bind_text(ev, 7, tgt, -1, SQLITE_STATIC);
			sqlite3_bind_text(ev, 8, c->code, -1, SQLITE_STATIC);
			sqlite3_bind_text(ev, 9, root, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(ev, 10, dyad_cameo_quad(c->code));
			sqlite3_bind_double(ev, 11, c->goldstein);
			sqlite3_bind_int(ev, 12, next() % 20 == 0);
			if (sqlite3_step(ev) != SQLITE_DONE)
				goto sqlfail;
			sqlite3_reset(ev);
		}
		if (copy) {
			sqlite3_bind_int64(cp, 1, i);
			sqlite3_bind_int64(cp, 2, i - 1);
			sqlite3_bind_double(cp, 3, 0.9);
			if (sqlite3_step(cp) != SQLITE_DONE)
				goto sqlfail;
			sqlite3_reset(cp);
		}
		sqlite3_bind_int64(sa, 1, i);
		sqlite3_bind_int64(sa, 2, story);
		if (sqlite3_step(sa) != SQLITE_DONE)
			goto sqlfail;
		sqlite3_reset(sa);
		if (story_size == 0) {
			sqlite3_bind_int64(st, 1, story);
			sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 4, title.data, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 5, story_first);
			sqlite3_bind_int64(st, 6, i - story_first + 1);
			sqlite3_bind_int64(st, 7, i - story_first + 1);
			if (sqlite3_step(st) != SQLITE_DONE)
				goto sqlfail;
			sqlite3_reset(st);
		}
		if (i % 100000 == 0) {
			if (exec(db, "COMMIT; BEGIN"))
				goto fail;
			fprintf(stderr, "  %ld articles, %.0f s\n", i, bench_now() - t0);
		}
	}
	sqlite3_finalize(art);
	sqlite3_finalize(sen);
	sqlite3_finalize(ev);
	sqlite3_finalize(cp);
	sqlite3_finalize(sa);
	sqlite3_finalize(st);
	dyad_buf_release(&text);
	dyad_buf_release(&title);
	/* the full-text index in one statement, as dyad's writer does per
	 * transaction */
	if (exec(db, "COMMIT") || exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')") ||
	    exec(db, "CREATE INDEX events_code ON events(code);"
		     "CREATE INDEX events_date ON events(date);"
		     "CREATE INDEX events_article ON events(article);") ||
	    exec(db, extra_indexes) || exec(db, "ANALYZE; PRAGMA journal_mode=WAL"))
		goto fail;
	dyad_db_close(db);
	fprintf(stderr, "generated %ld articles in %.0f s (%.0f CPU s)\n", n, bench_now() - t0,
		bench_cpu() - c0);
	return 0;
sqlfail:
	fprintf(stderr, "bench_query: %s\n", sqlite3_errmsg(db->h));
fail:
	dyad_db_close(db);
	return 1;
}

struct bench {
	const char *what, *kind;
	struct dyad_param p[6];
	size_t n;
	double bar_ms;  /* the bar, 0 when none */
};

static const struct bench benches[] = {
	{"stats USA:PAK by month", "stats", {{"dyad", "USA:PAK"}, {"by", "month"}}, 2, 100},
	{"stats USAGOV:PAKGOV by week", "stats", {{"dyad", "USAGOV:PAKGOV"}, {"by", "week"}}, 2, 100},
	{"search \"safe havens\"", "search", {{"q", "\"safe havens\""}}, 1, 50},
	{"search \"safe havens\" 2010-2015", "search",
	 {{"q", "\"safe havens\""}, {"from", "2010"}, {"to", "2015"}}, 3, 50},
	{"search rare word", "search", {{"q", "wuxeco"}}, 1, 50},
	{"search mid word", "search", {{"q", "desami"}}, 1, 50},
	{"search common word", "search", {{"q", "kalo"}}, 1, 50},
	{"search common word 2010-2015", "search",
	 {{"q", "kalo"}, {"from", "2010"}, {"to", "2015"}}, 3, 50},
	{"search common word, 5% outlet", "search", {{"q", "kalo"}, {"outlet", "Harbor Times"}}, 2, 50},
	/* prefixes: FTS5 merges every term's list (no prefix index); no bar */
	{"search prefix wuxeco* (3 terms)", "search", {{"q", "wuxeco*"}}, 1, 0},
	{"search prefix wuxe* (20 terms)", "search", {{"q", "wuxe*"}}, 1, 0},
	{"search prefix kal* (40 terms, 28%)", "search", {{"q", "kal*"}}, 1, 0},
	{"events first page", "events", {{"limit", "50"}}, 1, 50},
	{"events USA->PAK root 10,11,13", "events",
	 {{"source", "USA"}, {"target", "PAK"}, {"root", "10,11,13"}}, 3, 50},
	{"events USA->PAK 2010-2012", "events",
	 {{"source", "USA"}, {"target", "PAK"}, {"from", "2010"}, {"to", "2012"}}, 4, 50},
	{"events target IRN", "events", {{"target", "IRN"}}, 1, 50},
	{"events root 19", "events", {{"root", "19"}}, 1, 50},
	{"events quad 4 outlet", "events", {{"quad", "4"}, {"outlet", "Potomac Wire"}}, 2, 50},
	{"timeline USA:PAK 50 entries", "timeline", {{"dyad", "USA:PAK"}}, 1, 0},
	{"dups first page", "dups", {{"limit", "50"}}, 1, 0},
};

int main(int argc, char **argv)
{
	long n = 1000000;
	const char *path = NULL;
	bool rebuild = false;
	char def[512];
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--articles") && i + 1 < argc)
			n = atol(argv[++i]);
		else if (!strcmp(argv[i], "--db") && i + 1 < argc)
			path = argv[++i];
		else if (!strcmp(argv[i], "--rebuild"))
			rebuild = true;
		else {
			fprintf(stderr, "usage: bench_query [--articles N] [--db PATH] [--rebuild]\n");
			return 2;
		}
	}
	if (n < 1)
		n = 1;
	if (!path) {
		const char *o = getenv("O");
		snprintf(def, sizeof def, "%s/bench/query-%ld.db", o && *o ? o : "build", n);
		path = def;
	}
	struct stat sb;
	if (rebuild || stat(path, &sb) != 0) {
		bench_remove_db(path);
		fprintf(stderr, "generating %ld articles into %s\n", n, path);
		if (generate(path, n))
			return 1;
	}
	struct dyad_db *db;
	struct dyad_err err = {0};
	if (dyad_db_open(path, DYAD_DB_READONLY, &db, &err)) {
		fprintf(stderr, "bench_query: %s\n", dyad_errmsg(&err));
		return 1;
	}
	stat(path, &sb);
	sqlite3_stmt *c;
	long long counts[3] = {0};
	if (sqlite3_prepare_v2(db->h, "SELECT (SELECT max(rowid) FROM articles), (SELECT max(rowid) "
				      "FROM events), (SELECT count(*) FROM copies)", -1, &c, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(c) == SQLITE_ROW)
			for (int i = 0; i < 3; i++)
				counts[i] = sqlite3_column_int64(c, i);
		sqlite3_finalize(c);
	}
	printf("query bench: %s, %.0f MB, %lld articles, %lld events, %lld copies\n", path,
	       (double)sb.st_size / 1e6, counts[0], counts[1], counts[2]);
	int failed = 0;
	for (size_t i = 0; i < sizeof benches / sizeof benches[0]; i++) {
		const struct bench *b = &benches[i];
		double best_wall = 1e9, best_cpu = 1e9;
		size_t rows = 0;
		/* first run warms the page cache; report the best of 5 */
		for (int r = 0; r < 6; r++) {
			json_t *res;
			double t = bench_now(), cpu = bench_cpu();
			if (dyad_query(db, b->kind, b->p, b->n, &res, &err)) {
				fprintf(stderr, "bench_query: %s: %s\n", b->what, dyad_errmsg(&err));
				dyad_db_close(db);
				return 1;
			}
			t = bench_now() - t;
			cpu = bench_cpu() - cpu;
			rows = json_array_size(json_object_get(res, "rows"));
			json_decref(res);
			if (r && t < best_wall)
				best_wall = t;
			if (r && cpu < best_cpu)
				best_cpu = cpu;
		}
		bool over = b->bar_ms > 0 && best_cpu * 1000 > b->bar_ms;
		failed += over;
		printf("  %-34s %8.1f ms wall %8.1f ms CPU  %4zu rows%s\n", b->what, best_wall * 1000,
		       best_cpu * 1000, rows,
		       b->bar_ms > 0 ? (over ? "  OVER the bar" : "  ok") : "");
	}
	dyad_db_close(db);
	return failed ? 1 : 0;
}
