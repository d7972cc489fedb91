/* Tests for src/query.c and src/query_timeline.c: parameter checking, user
 * search text that cannot break FTS5, events/stats/search/timeline/quotes/
 * dups results on rows inserted directly, counting once per story. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "query.h"
#include "query_int.h"
#include "store.h"
#include "test_helpers.h"

/* Articles (rowid, published, outlet, title, text of sentences joined by
 * spaces, 2 sentences each), events, a copy (4 copies 3), a story of 3 and
 * 4 (and 5, same words), quotations. */
static const char *const fixture_sql =
	"INSERT INTO articles(rowid, id, path, title, published, outlet, lang, text, paragraphs,"
	" sentences, ingested_at) VALUES"
	" (1, '000000000000000a', 'a', 'Aid package', '2010-10-22', 'Potomac Wire', 'en',"
	"  'The United States gave aid to Pakistan. Officials met in Islamabad.', 1, 2, 'x'),"
	" (2, '000000000000000b', 'b', 'Demands', '2015-10-21', 'Capital Courier', 'en',"
	"  'Washington demanded action on safe havens. Pakistan rejected the demand.', 1, 2, 'x'),"
	" (3, '000000000000000c', 'c', 'Accusation', '2018-01-02', 'Meridian Daily', 'en',"
	"  'The president accused Pakistan over safe havens. Havens safe, he said.', 1, 2, 'x'),"
	" (4, '000000000000000d', 'd', 'Accusation (copy)', '2018-01-02', 'Kabul Observer', 'en',"
	"  'The president accused Pakistan over safe havens. Havens safe, he said.', 1, 2, 'x'),"
	" (5, '000000000000000e', 'e', 'Accused again', '2018-01-03', 'Potomac Wire', 'en',"
	"  'Trump accused Pakistan of lies. Islamabad answered.', 1, 2, 'x'),"
	" (6, '000000000000000f', 'f', 'Undated', NULL, 'Potomac Wire', 'en',"
	"  'India praised Afghanistan. Nothing else.', 1, 2, 'x');"
	/* rows inserted by hand are indexed by hand (dyad's writer does it at
	 * commit) */
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
	"INSERT INTO sentences(article, idx, paragraph, start, length) VALUES"
	" (1,0,0,0,39),(1,1,0,40,27),(2,0,0,0,42),(2,1,0,43,29),(3,0,0,0,48),(3,1,0,49,21),"
	" (4,0,0,0,48),(4,1,0,49,21),(5,0,0,0,31),(5,1,0,32,19),(6,0,0,0,26),(6,1,0,27,13);"
	"INSERT INTO events(article, sentence_index, date, source, source_text, target,"
	" target_text, code, root, quad, goldstein, negated) VALUES"
	" (1, 0, '2010-10-22', 'USA', 'The United States', 'PAK', 'Pakistan', '070', '07', 2, 7.0, 0),"
	" (2, 0, '2015-10-21', 'USAGOV', 'Washington', 'PAK', NULL, '100', '10', 3, -5.0, 0),"
	" (2, 1, '2015-10-21', 'PAKGOV', 'Pakistan', 'USA', NULL, '128', '12', 3, -4.0, 0),"
	" (2, 1, '2015-10-21', 'USA', NULL, 'PAK', NULL, '0231', '02', 1, 3.4, 1),"
	" (3, 0, '2018-01-02', 'USAGOV', 'The president', 'PAK', 'Pakistan', '112', '11', 3, -2.0, 0),"
	" (4, 0, '2018-01-02', 'USAGOV', 'The president', 'PAK', 'Pakistan', '112', '11', 3, -2.0, 0),"
	" (5, 0, '2018-01-03', 'USAGOV', 'Trump', 'PAKGOV', 'Pakistan', '112', '11', 3, -2.0, 0),"
	" (6, 0, NULL, 'IND', 'India', 'AFG', 'Afghanistan', '051', '05', 1, 3.4, 0);";

static const char *const fold_sql =
	"INSERT INTO copies(article, original, similarity) VALUES (4, 3, 0.97);"
	"INSERT INTO stories(rowid, first_date, last_date, title, lead, articles, outlets) VALUES"
	" (1, '2018-01-02', '2018-01-03', 'Accusation', 3, 3, 3);"
	"INSERT INTO story_articles(article, story) VALUES (3, 1), (4, 1), (5, 1);"
	"INSERT INTO quotes(rowid, article, sentence_index, start, end, byte_start, byte_length,"
	" direct, speaker, speaker_text, speaker_role, speaker_actor, person, verb) VALUES"
	" (1, 3, 1, 49, 60, 49, 11, 1, 'Donald Trump', 'he', 'president', 'USAGOV', NULL, 'said'),"
	" (2, 1, 1, 40, 67, 40, 27, 0, 'Hina Mendez', 'Mendez', 'official', 'PAKGOV', NULL, 'said'),"
	" (3, 4, 1, 49, 60, 49, 11, 1, 'Donald Trump', 'he', 'president', 'USAGOV', NULL, 'said');";

struct fx {
	char *path;
	struct dyad_db *db;
};

static struct dyad_db *open_fixture(struct fx *f, bool fold)
{
	struct dyad_err err = {0};
	f->path = db_path();
	assert_int_equal(dyad_db_open(f->path, 0, &f->db, &err), DYAD_OK);
	assert_int_equal(dyad_store_exec(f->db, fixture_sql, &err), DYAD_OK);
	if (fold)
		assert_int_equal(dyad_store_exec(f->db, fold_sql, &err), DYAD_OK);
	return f->db;
}

static void close_fixture(struct fx *f)
{
	dyad_db_close(f->db);
	db_remove(f->path);
}

/* Run kind with name, value, ... NULL; returns the result or NULL (rc and
 * message in *rc, err). */
static json_t *run(struct dyad_db *db, int *rc, struct dyad_err *err, const char *kind, ...)
{
	struct dyad_param p[16];
	size_t n = 0;
	va_list ap;
	va_start(ap, kind);
	const char *name;
	while ((name = va_arg(ap, const char *)) && n < 16) {
		p[n].name = name;
		p[n++].value = va_arg(ap, const char *);
	}
	va_end(ap);
	json_t *res = NULL;
	*rc = dyad_query(db, kind, p, n, &res, err);
	return res;
}


#define RUN_OK(db, ...) ({ \
	int rc_; struct dyad_err e_ = {0}; \
	json_t *r_ = run(db, &rc_, &e_, __VA_ARGS__, NULL); \
	if (rc_) fprintf(stderr, "query: %s\n", dyad_errmsg(&e_)); \
	assert_int_equal(rc_, DYAD_OK); r_; })

static size_t nrows(const json_t *res)
{
	return json_array_size(json_object_get(res, "rows"));
}

static const char *row_str(const json_t *res, size_t i, const char *key)
{
	return json_string_value(json_object_get(json_array_get(json_object_get(res, "rows"), i), key));
}

static json_int_t row_int(const json_t *res, size_t i, const char *key)
{
	return json_integer_value(json_object_get(json_array_get(json_object_get(res, "rows"), i), key));
}

/* Expect DYAD_EINVAL with a message naming what. */
static void expect_einval(struct dyad_db *db, const char *what, const char *kind,
			  const char *name, const char *value)
{
	int rc;
	struct dyad_err err = {0};
	json_t *res = run(db, &rc, &err, kind, name, value, NULL);
	if (rc != DYAD_EINVAL)
		fprintf(stderr, "%s %s=%s: rc %d (%s)\n", kind, name, value, rc, dyad_errmsg(&err));
	assert_int_equal(rc, DYAD_EINVAL);
	assert_null(res);
	if (!strstr(dyad_errmsg(&err), what))
		fprintf(stderr, "%s %s=%s: '%s'\n", kind, name, value, dyad_errmsg(&err));
	assert_non_null(strstr(dyad_errmsg(&err), what));
}

static void test_bad_parameters(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	static const char *const bad[][4] = {
		{"events", "from", "2010-13", "from"},     {"events", "from", "2010-02-30", "from"},
		{"events", "to", "201", "to"},             {"events", "to", "2010-1-1", "to"},
		{"events", "from", "2010-01-01x", "from"}, {"events", "source", "US A", "source"},
		{"events", "source", "USA;DROP", "source"}, {"events", "target", "USA,,PAK", "target"},
		{"events", "root", "0", "root"},           {"events", "root", "21", "root"},
		{"events", "root", "1x", "root"},          {"events", "code", "9", "code"},
		{"events", "code", "99999", "code"},       {"events", "code", "2a", "code"},
		{"events", "quad", "5", "quad"},           {"events", "limit", "0", "limit"},
		{"events", "limit", "1001", "limit"},      {"events", "limit", "ten", "limit"},
		{"events", "offset", "-1", "offset"},      {"events", "negated", "maybe", "negated"},
		{"events", "sort", "rank", "sort"},        {"events", "dyad", "USA", "dyad"},
		{"events", "dyad", "USA:PAK:X", "dyad"},   {"events", "dyad", ":", "dyad"},
		{"events", "speaker", "x", "speaker"},     {"stats", "by", "fortnight", "by"},
		{"search", "q", "\"open", "q"},            {"search", "q", "*** ---", "q"},
		{"search", "all", "perhaps", "all"},       {"dups", "id", "xyz", "id"},
		{"article", "id", "0000000000000099", "id"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_einval(db, bad[i][3], bad[i][0], bad[i][1], bad[i][2]);
	int rc;
	struct dyad_err err = {0};
	assert_null(run(db, &rc, &err, "nonsense", NULL));
	assert_int_equal(rc, DYAD_EINVAL);
	assert_null(run(db, &rc, &err, "events", "source", "USA", "source", "PAK", NULL));
	assert_int_equal(rc, DYAD_EINVAL);
	assert_non_null(strstr(dyad_errmsg(&err), "twice"));
	assert_null(run(db, &rc, &err, "stats", NULL));  /* dyad needed */
	assert_int_equal(rc, DYAD_EINVAL);
	assert_null(run(db, &rc, &err, "search", NULL));  /* q needed */
	assert_int_equal(rc, DYAD_EINVAL);
	/* the kinds and their parameters are listed */
	assert_non_null(dyad_query_params("events"));
	assert_null(dyad_query_params("nonsense"));
	assert_string_equal(dyad_query_kinds()[0], "search");
	close_fixture(&f);
}

/* Whatever a user types, FTS5 never sees syntax: a result or EINVAL. */
static void test_search_text_is_safe(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	static const char *const texts[] = {
		"AND", "OR NOT", "NEAR(safe havens)", "safe OR", "title:safe", "^safe", "safe*",
		"(havens", "havens)", "'; DROP TABLE articles; --", "a\"b\"c", "{safe}", "+safe -havens",
		"safe : havens", "\xc3\xa9t\xc3\xa9", "x* * **", "\"\"", "\"safe havens\" \"\"",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		int rc;
		struct dyad_err err = {0};
		json_t *res = run(db, &rc, &err, "search", "q", texts[i], NULL);
		if (rc != DYAD_OK && rc != DYAD_EINVAL)
			fprintf(stderr, "search '%s': %s\n", texts[i], dyad_errmsg(&err));
		assert_true(rc == DYAD_OK || rc == DYAD_EINVAL);
		json_decref(res);
		res = run(db, &rc, &err, "events", "q", texts[i], NULL);
		assert_true(rc == DYAD_OK || rc == DYAD_EINVAL);
		json_decref(res);
	}
	/* the table is still there */
	json_t *res = RUN_OK(db, "search", "q", "'; DROP TABLE articles; -- safe havens");
	json_decref(res);
	res = RUN_OK(db, "search", "q", "havens");
	assert_int_equal(nrows(res), 3);
	json_decref(res);
	close_fixture(&f);
}

static void test_events_filters(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	/* USA matches USAGOV; negated left out; date order */
	json_t *res = RUN_OK(db, "events", "source", "usa", "target", "PAK");
	assert_int_equal(nrows(res), 5);
	assert_string_equal(row_str(res, 0, "date"), "2010-10-22");
	assert_string_equal(row_str(res, 1, "source"), "USAGOV");
	assert_string_equal(row_str(res, 1, "name"), "Demand, not specified below");
	assert_string_equal(row_str(res, 1, "sentence"), "Washington demanded action on safe havens.");
	assert_string_equal(row_str(res, 1, "article_id"), "000000000000000b");
	assert_int_equal(row_int(res, 1, "mentions"), 1);
	assert_false(json_is_true(json_object_get(res, "more")));
	assert_int_equal(json_array_size(json_object_get(res, "columns")), 16);
	json_decref(res);
	res = RUN_OK(db, "events", "source", "USA", "negated", "1");
	assert_int_equal(nrows(res), 1);
	assert_string_equal(row_str(res, 0, "code"), "0231");
	json_decref(res);
	res = RUN_OK(db, "events", "source", "USA", "negated", "all");
	assert_int_equal(nrows(res), 6);
	json_decref(res);
	/* roots, codes (prefixes), quads, dates (to takes the whole period) */
	res = RUN_OK(db, "events", "root", "10,11");
	assert_int_equal(nrows(res), 4);
	json_decref(res);
	res = RUN_OK(db, "events", "code", "11");
	assert_int_equal(nrows(res), 3);
	json_decref(res);
	res = RUN_OK(db, "events", "quad", "1,2");
	assert_int_equal(nrows(res), 2);
	json_decref(res);
	res = RUN_OK(db, "events", "from", "2015-10", "to", "2018");
	assert_int_equal(nrows(res), 5);
	json_decref(res);
	res = RUN_OK(db, "events", "to", "2015-10-20");
	assert_int_equal(nrows(res), 1);
	json_decref(res);
	res = RUN_OK(db, "events", "actor", "AFG");
	assert_int_equal(nrows(res), 1);
	json_decref(res);
	res = RUN_OK(db, "events", "dyad", "PAK:USA");
	assert_int_equal(nrows(res), 1);
	json_decref(res);
	res = RUN_OK(db, "events", "outlet", "Potomac Wire", "sort", "-date");
	assert_int_equal(nrows(res), 3);
	assert_string_equal(row_str(res, 0, "date"), "2018-01-03");
	json_decref(res);
	res = RUN_OK(db, "events", "q", "\"safe havens\"");
	assert_int_equal(nrows(res), 4);
	json_decref(res);
	/* pages */
	res = RUN_OK(db, "events", "limit", "2", "offset", "1");
	assert_int_equal(nrows(res), 2);
	assert_true(json_is_true(json_object_get(res, "more")));
	assert_int_equal(json_integer_value(json_object_get(res, "offset")), 1);
	assert_string_equal(row_str(res, 0, "date"), "2010-10-22");  /* undated first */
	json_decref(res);
	close_fixture(&f);
}

static void test_events_once_per_story(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, true);
	/* 3, its copy 4 and 5 (same story) all say USAGOV accused PAK: one
	 * USAGOV>PAK 112 reported by 2 articles (3, 4) of 2 outlets; 5's
	 * USAGOV>PAKGOV is another event */
	json_t *res = RUN_OK(db, "events", "code", "112");
	assert_int_equal(nrows(res), 2);
	assert_string_equal(row_str(res, 0, "article_id"), "000000000000000c");
	assert_int_equal(row_int(res, 0, "mentions"), 2);
	assert_int_equal(row_int(res, 0, "articles"), 2);
	assert_int_equal(row_int(res, 0, "sources"), 2);
	assert_string_equal(row_str(res, 1, "target"), "PAKGOV");
	json_decref(res);
	res = RUN_OK(db, "events", "code", "112", "all", "1");
	assert_int_equal(nrows(res), 3);
	json_decref(res);
	/* paging over folded rows */
	res = RUN_OK(db, "events", "code", "112", "limit", "1", "offset", "1");
	assert_int_equal(nrows(res), 1);
	assert_string_equal(row_str(res, 0, "target"), "PAKGOV");
	assert_false(json_is_true(json_object_get(res, "more")));
	json_decref(res);
	close_fixture(&f);
}

static void test_stats(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	json_t *res = RUN_OK(db, "stats", "dyad", "USA:PAK", "by", "year");
	assert_int_equal(nrows(res), 3);
	assert_string_equal(row_str(res, 0, "period"), "2010");
	assert_int_equal(row_int(res, 0, "material_coop"), 1);
	assert_string_equal(row_str(res, 2, "period"), "2018");
	assert_int_equal(row_int(res, 2, "events"), 3);  /* no copies known: 3 */
	assert_int_equal(row_int(res, 2, "verbal_conflict"), 3);
	json_t *g = json_object_get(json_array_get(json_object_get(res, "rows"), 2), "goldstein");
	assert_true(json_number_value(g) > -2.01 && json_number_value(g) < -1.99);
	assert_string_equal(json_string_value(json_object_get(res, "by")), "year");
	json_decref(res);
	res = RUN_OK(db, "stats", "dyad", "USA:PAK", "by", "week");
	assert_string_equal(row_str(res, 0, "period"), "2010-10-18");  /* a Monday */
	json_decref(res);
	res = RUN_OK(db, "stats", "dyad", ":PAK", "by", "day", "quad", "3");
	assert_int_equal(nrows(res), 3);
	assert_string_equal(row_str(res, 0, "period"), "2015-10-21");
	json_decref(res);
	close_fixture(&f);
	/* with the copy and the story: the accusation counts once */
	db = open_fixture(&f, true);
	res = RUN_OK(db, "stats", "dyad", "USA:PAK", "by", "month");
	assert_string_equal(row_str(res, 2, "period"), "2018-01");
	assert_int_equal(row_int(res, 2, "events"), 2);
	assert_int_equal(row_int(res, 2, "mentions"), 3);
	json_decref(res);
	close_fixture(&f);
}

static void test_search(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, true);
	json_t *res = RUN_OK(db, "search", "q", "\"safe havens\"");
	/* 3 and its copy 4 are one story with 5: shown once */
	assert_int_equal(nrows(res), 2);
	if (!strstr(row_str(res, 0, "snippet"), "[safe havens]"))
		fprintf(stderr, "snippet: %s\n", row_str(res, 0, "snippet"));
	assert_non_null(strstr(row_str(res, 0, "snippet"), "[safe havens]"));
	json_decref(res);
	res = RUN_OK(db, "search", "q", "havens safe", "all", "1");
	assert_int_equal(nrows(res), 3);
	/* 3 and 4 say it twice, 2 once: 2 comes last */
	assert_string_equal(row_str(res, 2, "id"), "000000000000000b");
	json_decref(res);
	res = RUN_OK(db, "search", "q", "havens", "from", "2016", "to", "2018-01");
	assert_int_equal(nrows(res), 1);
	assert_int_equal(row_int(res, 0, "copies"), 1);
	json_decref(res);
	res = RUN_OK(db, "search", "q", "islam*", "outlet", "Potomac Wire");
	assert_int_equal(nrows(res), 2);
	json_decref(res);
	/* a prefix: the page's rows read in one statement, in rank order, the
	 * same as word by word; a title-only match shows the title */
	json_t *words = RUN_OK(db, "search", "q", "havens", "all", "1");
	res = RUN_OK(db, "search", "q", "haven*", "all", "1");
	assert_int_equal(nrows(res), 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(row_str(res, i, "id"), row_str(words, i, "id"));
		assert_non_null(strstr(row_str(res, i, "snippet"), "[havens]"));
	}
	json_decref(words);
	json_decref(res);
	res = RUN_OK(db, "search", "q", "accus*", "all", "1", "limit", "2");
	assert_int_equal(nrows(res), 2);
	json_decref(res);
	res = RUN_OK(db, "search", "q", "accusa*", "all", "1");
	assert_int_equal(nrows(res), 2);  /* titles of 3 and 4 only */
	assert_string_equal(row_str(res, 0, "snippet"), "[Accusation]");
	json_decref(res);
	close_fixture(&f);
}

/* Add an article (published date, outlet, title, text). */
static void add_article(struct dyad_db *db, sqlite3_int64 rowid, const char *date,
			const char *outlet, const char *title, const char *text)
{
	sqlite3_stmt *st;
	char id[20];
	snprintf(id, sizeof id, "%016llx", (unsigned long long)rowid + 0x1000);
	assert_int_equal(sqlite3_prepare_v2(db->h,
					    "INSERT INTO articles(rowid, id, path, title, published, "
					    "outlet, lang, text, paragraphs, sentences, ingested_at) "
					    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, 'en', ?6, 1, 1, 'x')",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, outlet, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	char sql[128];
	snprintf(sql, sizeof sql, "INSERT INTO articles_fts(rowid, title, text) "
		 "SELECT rowid, title, text FROM articles WHERE rowid = %lld", (long long)rowid);
	assert_int_equal(sqlite3_exec(db->h, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* -bm25(articles_fts, 2.0, 1.0) of rowid for fts (SQLite's own). */
static double sqlite_score(struct dyad_db *db, const char *fts, sqlite3_int64 rowid)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h,
					    "SELECT -bm25(articles_fts, 2.0, 1.0) FROM articles_fts "
					    "WHERE articles_fts MATCH ?1 AND rowid = ?2",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, rowid);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	double v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

static sqlite3_int64 id_rowid(const char *id)
{
	return (sqlite3_int64)strtoll(id, NULL, 16) - 0x1000;
}

static void test_search_ranking(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	/* same lengths: a title mention and a passing body mention; a word
	 * three times and once */
	add_article(db, 10, "2001-05-01", "Alpha", "Zebra crossing opened",
		    "The council opened a new road with lights near the school on a Monday.");
	add_article(db, 11, "2002-05-01", "Beta", "Road works done",
		    "The council opened a new road with a zebra near the school on a Monday.");
	add_article(db, 12, "2003-05-01", "Alpha", "Weekly notes here",
		    "Zebra after zebra after zebra crossed the river as the council met today.");
	add_article(db, 13, "2004-05-01", "Beta", "Weekly notes here",
		    "One zebra herd slowly crossed the wide river as the council met today.");
	json_t *res = RUN_OK(db, "search", "q", "zebra");
	assert_int_equal(nrows(res), 4);
	int pos[4];
	for (size_t i = 0; i < 4; i++) {
		sqlite3_int64 r = id_rowid(row_str(res, i, "id"));
		assert_true(r >= 10 && r <= 13);
		pos[r - 10] = (int)i;
		double want = sqlite_score(db, "\"zebra\"", r);
		double got = json_real_value(json_object_get(json_array_get(json_object_get(res,
											      "rows"), i),
							     "score"));
		assert_true(fabs(got - want) < 1e-9);
		if (i)  /* best first */
			assert_true(json_real_value(json_object_get(
					    json_array_get(json_object_get(res, "rows"), i - 1),
					    "score")) >= got);
	}
	assert_true(pos[0] < pos[1]);  /* title above a passing body mention */
	assert_true(pos[2] < pos[3]);  /* three times above once */
	assert_int_equal(pos[2], 0);
	json_decref(res);
	/* the conditions hold; the order within them too */
	res = RUN_OK(db, "search", "q", "zebra", "outlet", "Alpha");
	assert_int_equal(nrows(res), 2);
	assert_int_equal(id_rowid(row_str(res, 0, "id")), 12);
	assert_int_equal(id_rowid(row_str(res, 1, "id")), 10);
	json_decref(res);
	res = RUN_OK(db, "search", "q", "zebra", "from", "2002", "to", "2003");
	assert_int_equal(nrows(res), 2);
	assert_int_equal(id_rowid(row_str(res, 0, "id")), 12);
	assert_int_equal(id_rowid(row_str(res, 1, "id")), 11);
	json_decref(res);
	/* a phrase, a prefix and a word together: SQLite's scores again */
	res = RUN_OK(db, "search", "q", "\"the council\" zeb* monday");
	assert_int_equal(nrows(res), 2);
	for (size_t i = 0; i < 2; i++) {
		json_t *row = json_array_get(json_object_get(res, "rows"), i);
		double want = sqlite_score(db, "\"the council\" \"zeb\"* \"monday\"",
					   id_rowid(json_string_value(json_object_get(row, "id"))));
		assert_true(fabs(json_real_value(json_object_get(row, "score")) - want) < 1e-9);
	}
	json_decref(res);
	res = RUN_OK(db, "search", "q", "zebra", "limit", "1", "offset", "1");
	assert_int_equal(nrows(res), 1);
	assert_int_equal(id_rowid(row_str(res, 0, "id")), 10);
	json_decref(res);
	close_fixture(&f);
}

/* With more matches than exact_max the ranking bounds scores from
 * positions: many long articles with the word at their end, three short
 * ones with it in the title and the text. */
#define FILLERS 1100
static void test_search_rank_bound(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	struct dyad_err err = {0};
	assert_int_equal(dyad_store_exec(db, "BEGIN", &err), DYAD_OK);
	for (int i = 0; i < FILLERS; i++)
		add_article(db, 100 + i, "2005-01-01", "Filler", "Market report",
			    "Prices rose and fell across the week while traders waited for "
			    "the figures on trade and on the harvest, and then came the common.");
	add_article(db, 50, "2006-01-01", "Alpha", "Common ground", "A common plan, common aims.");
	add_article(db, 51, "2006-01-01", "Alpha", "Common cause", "The common good.");
	add_article(db, 52, "2006-01-01", "Alpha", "Common sense", "Common, common, common.");
	assert_int_equal(dyad_store_exec(db, "COMMIT", &err), DYAD_OK);
	struct q q = {.db = db, .err = &err};
	struct qb from;
	qb_init(&from);
	qb_sql(&from, " WHERE articles_fts MATCH ");
	qb_text(&from, "\"common\"");
	struct q_hit *hits;
	int n;
	struct q_rank_info info;
	assert_int_equal(q_rank(&q, &from, 3, 3, 0, &hits, &n, &info), DYAD_OK);
	assert_int_equal(n, 3);
	assert_int_equal(info.matches, FILLERS + 3);
	assert_true(info.exact);  /* the fillers' bound is below the third */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h,
					    "SELECT rowid, -bm25(articles_fts, 2.0, 1.0) AS s "
					    "FROM articles_fts WHERE articles_fts MATCH '\"common\"' "
					    "ORDER BY s DESC, rowid LIMIT 3",
					    -1, &st, NULL),
			 SQLITE_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(hits[i].rowid, sqlite3_column_int64(st, 0));
		assert_true(fabs(hits[i].score - sqlite3_column_double(st, 1)) < 1e-9);
	}
	sqlite3_finalize(st);
	free(hits);
	/* ten: seven fillers of equal score, which the bound cannot pick out:
	 * not exact, but every score is the exact one, best first */
	assert_int_equal(q_rank(&q, &from, 10, 10, 0, &hits, &n, &info), DYAD_OK);
	assert_int_equal(n, 10);
	assert_false(info.exact);
	for (int i = 0; i < n; i++) {
		assert_true(fabs(hits[i].score - sqlite_score(db, "\"common\"", hits[i].rowid)) <
			    1e-9);
		assert_true(i < 3 ? hits[i].rowid < 100 : hits[i].rowid >= 100);
		if (i)
			assert_true(hits[i - 1].score >= hits[i].score);
	}
	free(hits);
	/* few enough to read every length: exact, the fillers by rowid */
	assert_int_equal(q_rank(&q, &from, 10, 10, FILLERS + 3, &hits, &n, &info), DYAD_OK);
	assert_int_equal(n, 10);
	assert_true(info.exact);
	for (int i = 0; i < n; i++) {
		assert_true(fabs(hits[i].score - sqlite_score(db, "\"common\"", hits[i].rowid)) <
			    1e-9);
		assert_int_equal(hits[i].rowid, i < 3 ? hits[i].rowid : 100 + i - 3);
	}
	free(hits);
	/* every match in a pool that grows past its first allocation */
	assert_int_equal(q_rank(&q, &from, 2000, 2000, 0, &hits, &n, &info), DYAD_OK);
	assert_int_equal(n, FILLERS + 3);
	assert_true(info.exact);
	for (int i = 1; i < n; i++)
		assert_true(hits[i - 1].score > hits[i].score ||
			    (hits[i - 1].score == hits[i].score && hits[i - 1].rowid < hits[i].rowid));
	assert_true(fabs(hits[n - 1].score - sqlite_score(db, "\"common\"", hits[n - 1].rowid)) <
		    1e-9);
	free(hits);
	qb_release(&from);
	/* through the query: the same three first, the page goes on */
	json_t *res = RUN_OK(db, "search", "q", "common", "limit", "5");
	assert_int_equal(nrows(res), 5);
	assert_true(json_is_true(json_object_get(res, "more")));
	for (size_t i = 0; i < 3; i++)
		assert_true(id_rowid(row_str(res, i, "id")) < 100);
	json_decref(res);
	close_fixture(&f);
}

/* The best k by SQLite's own bm25() among the matches of fts whose article
 * passes cond (SQL on alias a): rowids into want[], scores into score[];
 * returns how many. */
static int sqlite_top(struct dyad_db *db, const char *fts, const char *cond, int k,
		      sqlite3_int64 *want, double *score)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT f.rowid, -bm25(articles_fts, 2.0, 1.0) AS s FROM articles_fts f "
		 "JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?1 AND %s "
		 "ORDER BY s DESC, f.rowid LIMIT %d",
		 cond, k);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		want[n] = sqlite3_column_int64(st, 0);
		score[n++] = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	return n;
}

/* q_rank_filter() on fts with the filter built by one of the conditions
 * below (0: outlet Alpha, 1: 2010-2019) against sqlite_top(): the same
 * hits when exact, else exact scores, best first, all passing. */
static void check_filtered(struct q *q, const char *fts, int cond, int k, int pool,
			   int exact_max, struct q_rank_info *info)
{
	static const char *const sql[] = {"a.outlet = 'Alpha'",
					  "a.published >= '2010-01-01' AND "
					  "a.published <= '2019-12-31'"};
	struct qb where, filter;
	qb_init(&where);
	qb_init(&filter);
	qb_sql(&where, " WHERE articles_fts MATCH ");
	qb_text(&where, fts);
	if (cond == 0) {
		qb_sql(&filter, " AND a.outlet = ");
		qb_text(&filter, "Alpha");
	} else {
		qb_sql(&filter, " AND a.published >= ");
		qb_text(&filter, "2010-01-01");
		qb_sql(&filter, " AND a.published <= ");
		qb_text(&filter, "2019-12-31");
	}
	struct q_hit *hits;
	int n;
	assert_int_equal(q_rank_filter(q, &where, &filter, k, pool, exact_max, &hits, &n, info),
			 DYAD_OK);
	sqlite3_int64 all[2000];
	double all_score[2000];
	int nall = sqlite_top(q->db, fts, sql[cond], 2000, all, all_score);
	assert_int_equal(n, nall < k ? nall : k);
	if (info->exact) {
		for (int i = 0; i < n; i++) {
			assert_int_equal(hits[i].rowid, all[i]);
			assert_true(fabs(hits[i].score - all_score[i]) < 1e-9);
		}
	}
	for (int i = 0; i < n; i++) {
		int at = -1;
		for (int j = 0; j < nall && at < 0; j++)
			if (all[j] == hits[i].rowid)
				at = j;
		assert_true(at >= 0);  /* it passes */
		assert_true(fabs(hits[i].score - all_score[at]) < 1e-9);
		if (i)
			assert_true(hits[i - 1].score >= hits[i].score);
	}
	free(hits);
	qb_release(&where);
	qb_release(&filter);
}

/* Conditions on the article (dates, outlet) with every way of reading the
 * matches: exact, bounds by one pass (one phrase) or per match (several),
 * the filter checked match by match or read as a set. */
#define VARIED 700
static void test_search_rank_filter(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, false);
	struct dyad_err err = {0};
	static const char *const pad[] = {"", "slow ", "slow grey ", "slow grey old ",
					  "slow grey old tired "};
	assert_int_equal(dyad_store_exec(db, "BEGIN", &err), DYAD_OK);
	int alpha = 0, alpha_ground = 0;
	for (int i = 0; i < VARIED; i++) {
		char date[16], title[64], text[256];
		snprintf(date, sizeof date, "%d-06-01", 2000 + i % 20);
		snprintf(title, sizeof title, "%s report %d", i % 5 ? "Market" : "Common", i % 13);
		snprintf(text, sizeof text,
			 "The %straders met %s and the common %s was %s for the week%s.",
			 pad[i % 5], i % 2 ? "early" : "late", i % 3 ? "ground" : "view",
			 i % 7 ? "common" : "rare", i % 4 ? "" : ", common as ever");
		bool is_alpha = i % 97 == 5;
		alpha += is_alpha;
		alpha_ground += is_alpha && i % 3;
		add_article(db, 100 + i, date, is_alpha ? "Alpha" : "Filler", title, text);
	}
	assert_int_equal(dyad_store_exec(db, "COMMIT", &err), DYAD_OK);
	struct q q = {.db = db, .err = &err};
	struct q_rank_info info;
	/* exact: every length read, the filter checked for the best only */
	check_filtered(&q, "\"common\"", 0, 10, 10, VARIED, &info);
	assert_true(info.exact);
	check_filtered(&q, "\"common\"", 1, 10, 10, VARIED, &info);
	assert_true(info.exact);
	/* bounds, a rare outlet: read as a set after the sample; all of them */
	check_filtered(&q, "\"common\"", 0, 10, 10, 0, &info);
	assert_true(info.filter_set);
	assert_true(info.exact);
	assert_int_equal(info.matches, alpha);
	/* bounds, half the dates: the pool's 20 best bounds scored, checked one
	 * by one by falling score until 10 pass; the rest left unchecked */
	check_filtered(&q, "\"common\"", 1, 10, 20, 0, &info);
	assert_false(info.filter_set);
	assert_int_equal(info.matches, 11);
	/* a pool as large as the matches: exact again */
	check_filtered(&q, "\"common\"", 1, 10, 2000, 0, &info);
	assert_true(info.exact);
	/* several phrases: a call per match, then the filter */
	check_filtered(&q, "\"common\" \"ground\"", 0, 10, 2000, 0, &info);
	assert_true(info.exact);
	assert_int_equal(info.matches, alpha_ground);
	check_filtered(&q, "\"common\" \"ground\"", 1, 10, 2000, 0, &info);
	assert_true(info.exact);
	check_filtered(&q, "\"the traders\" \"common\"", 1, 5, 30, 0, &info);
	/* nothing matches */
	check_filtered(&q, "\"zyzzyva\"", 1, 10, 10, 0, &info);
	assert_int_equal(info.matches, 0);
	/* through the query */
	json_t *res = RUN_OK(db, "search", "q", "common", "outlet", "Alpha", "limit", "100");
	assert_int_equal(nrows(res), alpha);
	for (int i = 0; i < alpha; i++)
		assert_string_equal(row_str(res, (size_t)i, "outlet"), "Alpha");
	json_decref(res);
	res = RUN_OK(db, "search", "q", "common", "from", "2012", "to", "2012", "limit", "100");
	assert_int_equal(nrows(res), VARIED / 20);
	for (int i = 0; i < VARIED / 20; i++)
		assert_true(strncmp(row_str(res, (size_t)i, "published"), "2012", 4) == 0);
	json_decref(res);
	close_fixture(&f);
}

static void test_timeline_quotes_dups(void **state)
{
	(void)state;
	struct fx f;
	struct dyad_db *db = open_fixture(&f, true);
	json_t *res = RUN_OK(db, "timeline", "dyad", "USA:PAK");
	/* 2010, 2015, the 2018 story (3 articles) */
	assert_int_equal(nrows(res), 3);
	assert_string_equal(row_str(res, 0, "date"), "2010-10-22");
	json_t *e2 = json_array_get(json_object_get(res, "rows"), 2);
	assert_int_equal(json_integer_value(json_object_get(e2, "articles")), 3);
	assert_int_equal(json_array_size(json_object_get(e2, "outlets")), 3);
	json_t *ev = json_object_get(e2, "events");
	assert_int_equal(json_array_size(ev), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 0), "name")),
			    "Accuse");
	assert_string_equal(json_string_value(json_object_get(e2, "sentence")),
			    "The president accused Pakistan over safe havens.");
	json_t *qs = json_object_get(e2, "quotes");
	assert_int_equal(json_array_size(qs), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(qs, 0), "quote")),
			    "Havens safe");
	json_decref(res);
	res = RUN_OK(db, "timeline", "about", "islamabad", "limit", "1");
	assert_int_equal(nrows(res), 1);
	assert_true(json_is_true(json_object_get(res, "more")));
	json_decref(res);
	res = RUN_OK(db, "quotes", "speaker", "mENDez");
	assert_int_equal(nrows(res), 1);
	assert_string_equal(row_str(res, 0, "quote"), "Officials met in Islamabad.");
	json_decref(res);
	res = RUN_OK(db, "quotes", "speaker", "trump");  /* the copy's is left out */
	assert_int_equal(nrows(res), 1);
	json_decref(res);
	res = RUN_OK(db, "quotes", "speaker", "trump", "all", "1");
	assert_int_equal(nrows(res), 2);
	json_decref(res);
	res = RUN_OK(db, "quotes", "speaker", "%");
	assert_int_equal(nrows(res), 0);
	json_decref(res);
	res = RUN_OK(db, "quotes", "actor", "USA", "from", "2018");
	assert_int_equal(nrows(res), 1);
	json_decref(res);
	res = RUN_OK(db, "dups");
	assert_int_equal(nrows(res), 1);
	assert_string_equal(row_str(res, 0, "original_id"), "000000000000000c");
	assert_string_equal(row_str(res, 0, "copy_outlet"), "Kabul Observer");
	json_decref(res);
	res = RUN_OK(db, "article", "id", "000000000000000d");
	assert_string_equal(row_str(res, 0, "copy_of"), "000000000000000c");
	assert_int_equal(row_int(res, 0, "story"), 1);
	json_decref(res);
	res = RUN_OK(db, "stories", "q", "trump");
	assert_int_equal(nrows(res), 1);
	json_decref(res);
	res = RUN_OK(db, "actors", "q", "PAK");
	assert_string_equal(row_str(res, 0, "actor"), "PAK");
	json_decref(res);
	close_fixture(&f);
}

/* The database is opened read-only: nothing a query does writes. */
static void test_read_only(void **state)
{
	(void)state;
	struct fx f;
	open_fixture(&f, true);
	dyad_db_close(f.db);
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(f.path, DYAD_DB_READONLY, &f.db, &err), DYAD_OK);
	json_t *res = RUN_OK(f.db, "timeline", "actor", "USA", "about", "safe");
	assert_true(nrows(res) > 0);
	json_decref(res);
	close_fixture(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_parameters),
		cmocka_unit_test(test_search_text_is_safe),
		cmocka_unit_test(test_events_filters),
		cmocka_unit_test(test_events_once_per_story),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_ranking),
		cmocka_unit_test(test_search_rank_bound),
		cmocka_unit_test(test_search_rank_filter),
		cmocka_unit_test(test_timeline_quotes_dups),
		cmocka_unit_test(test_read_only),
	};
	return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
