/* Export of stored tables as JSON Lines or CSV, events also as GDELT 2.0
 * Events rows, and a database summary. Formats: docs/formats.md. */
#include <jansson.h>
#include <string.h>

#include "csv.h"
#include "store.h"

/* A table as exported: its query, and for each column the field name. */
struct table {
	const char *name;
	const char *sql;
};

static const struct table tables[] = {
	{"articles",
	 "SELECT id, path, url, title, published, date_confidence, date_source, outlet, "
	 "byline, dateline, lang, text, paragraphs, sentences, ingested_at "
	 "FROM articles ORDER BY rowid"},
	{"sentences",
	 "SELECT a.id AS article_id, s.idx AS sentence_index, s.paragraph, s.start, "
	 "s.length, s.text FROM sentence_text s JOIN articles a ON a.rowid = s.article "
	 "ORDER BY s.article, s.idx"},
	{"events",
	 "SELECT a.id AS article_id, e.sentence_index, s.text AS sentence, e.date, e.source, "
	 "e.source_text, e.target, e.target_text, e.code, e.root, e.quad, e.goldstein, "
	 "e.negated, e.verb_text, e.issues, e.location FROM events e "
	 "JOIN articles a ON a.rowid = e.article "
	 "LEFT JOIN sentence_text s ON s.article = e.article AND s.idx = e.sentence_index "
	 "ORDER BY e.rowid"},
	{"quotes",
	 "SELECT a.id AS article_id, q.sentence_index, q.start, q.end, q.direct, "
	 "CAST(substr(CAST(a.text AS BLOB), q.byte_start + 1, q.byte_length) AS TEXT) AS text, "
	 "q.speaker, q.speaker_text, q.speaker_role, q.speaker_actor, q.verb, a.published, "
	 "a.outlet FROM quotes q JOIN articles a ON a.rowid = q.article ORDER BY q.rowid"},
	{"people",
	 "SELECT a.id AS article_id, p.idx AS person, p.name, p.name_key, p.title, p.role, "
	 "p.nationality, p.actor, p.gender, p.mentions, a.published, a.outlet "
	 "FROM people p JOIN articles a ON a.rowid = p.article ORDER BY p.article, p.idx"},
	{"copies",
	 "SELECT c.id AS article_id, o.id AS original_id, k.similarity, c.outlet, "
	 "o.outlet AS original_outlet, c.published, o.published AS original_published "
	 "FROM copies k JOIN articles c ON c.rowid = k.article "
	 "JOIN articles o ON o.rowid = k.original ORDER BY k.original, k.article"},
	{"stories",
	 "SELECT s.rowid AS story, s.first_date, s.last_date, s.title, a.id AS lead_id, "
	 "s.articles, s.outlets, (SELECT group_concat(x.id, ' ') FROM story_articles m "
	 "JOIN articles x ON x.rowid = m.article WHERE m.story = s.rowid) AS article_ids "
	 "FROM stories s LEFT JOIN articles a ON a.rowid = s.lead ORDER BY s.first_date, s.rowid"},
};

/* ---- GDELT 2.0 Events ---------------------------------------------------- */

/* CAMEO actor type and role codes: a 3-letter part of an actor code that is
 * one of these goes to ActorNType1-3, another one after the first part is
 * a known group (IGOUNO: type IGO, group UNO), the first part otherwise is
 * the country. A heuristic: dyad's actor codes carry no field marks. */
static const char *const actor_types[] = {
	"AGR", "AMN", "BUS", "CHR", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV",
	"HLH", "HRI", "IGO", "IMG", "INS", "IRC", "JUD", "LAB", "LEG", "MED", "MIL", "MNC",
	"MOD", "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "SEP", "SPY", "UAF", "UIS",
};

static bool is_actor_type(const char *p)
{
	for (size_t i = 0; i < DYAD_ARRAY_LEN(actor_types); i++)
		if (memcmp(p, actor_types[i], 3) == 0)
			return true;
	return false;
}

/* Print s with tabs and line breaks made spaces (they would break a row). */
static void tsv_field(FILE *out, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

/* The 10 actor columns of code with its words name. */
static void gdelt_actor(FILE *out, const char *code, const char *name)
{
	char country[4] = "", group[4] = "", type[3][4] = {"", "", ""};
	size_t n = code ? strlen(code) : 0, nt = 0;
	for (size_t i = 0; i + 3 <= n; i += 3) {
		const char *p = code + i;
		if (memcmp(p, "---", 3) == 0)
			continue;
		if (is_actor_type(p)) {
			if (nt < 3)
				memcpy(type[nt++], p, 3);
		} else if (i == 0) {
			memcpy(country, p, 3);
		} else if (!group[0]) {
			memcpy(group, p, 3);
		}
	}
	tsv_field(out, code);
	fputc('\t', out);
	tsv_field(out, name);
	/* country, known group, ethnic, religion 1 and 2, types 1-3 */
	fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", country, group, type[0], type[1], type[2]);
}

static void gdelt_row(sqlite3_stmt *st, FILE *out)
{
	const char *date = (const char *)sqlite3_column_text(st, 1);
	const char *code = (const char *)sqlite3_column_text(st, 6);
	const char *added = (const char *)sqlite3_column_text(st, 11);
	size_t clen = code ? strlen(code) : 0;
	fprintf(out, "%lld\t", (long long)sqlite3_column_int64(st, 0));
	if (date && strlen(date) >= 10) {
		int y = 0, m = 0, d = 0;
		sscanf(date, "%4d-%2d-%2d", &y, &m, &d);
		/* GDELT's own approximation of the fraction of the year */
		fprintf(out, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y,
			y + (m * 30 + d) / 365.0);
	} else {
		fputs("\t\t\t\t", out);
	}
	gdelt_actor(out, (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3));
	gdelt_actor(out, (const char *)sqlite3_column_text(st, 4),
		    (const char *)sqlite3_column_text(st, 5));
	/* IsRootEvent: the event is in the lead paragraph, as GDELT says */
	fprintf(out, "%d\t", sqlite3_column_int(st, 9) == 0 ? 1 : 0);
	tsv_field(out, code);
	fprintf(out, "\t%.*s\t%.*s\t%d\t", (int)(clen < 3 ? clen : 3), code ? code : "",
		(int)(clen < 2 ? clen : 2), code ? code : "", sqlite3_column_int(st, 7));
	if (sqlite3_column_type(st, 8) != SQLITE_NULL)
		fprintf(out, "%.1f", sqlite3_column_double(st, 8));
	/* NumMentions, NumSources, NumArticles; AvgTone, Actor1Geo and
	 * Actor2Geo (8 columns each) blank; of ActionGeo only the place's name
	 * as the sentence gives it (no gazetteer coordinates) */
	fprintf(out, "\t%lld\t%lld\t%lld\t", (long long)sqlite3_column_int64(st, 12),
		(long long)sqlite3_column_int64(st, 13), (long long)sqlite3_column_int64(st, 14));
	for (int i = 0; i < 18; i++)
		fputc('\t', out);
	tsv_field(out, (const char *)sqlite3_column_text(st, 15));
	for (int i = 0; i < 7; i++)
		fputc('\t', out);
	for (const char *p = added; p && *p; p++)  /* YYYYMMDDHHMMSS of the ISO time */
		if (*p >= '0' && *p <= '9')
			fputc(*p, out);
	fputc('\t', out);
	tsv_field(out, (const char *)sqlite3_column_text(st, 10));
	fputc('\n', out);
}

/* Finish an export whose last sqlite3_step() gave rc: finalize st and say
 * whether reading or writing failed. */
static int end_export(struct dyad_db *db, sqlite3_stmt *st, int rc, FILE *out,
		      struct dyad_err *err)
{
	int result = DYAD_OK;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		result = dyad_store_error(db, err, "reading");
	else if (ferror(out))
		result = dyad_error(err, DYAD_EIO, "cannot write the output");
	sqlite3_finalize(st);
	return result;
}

static int export_gdelt(struct dyad_db *db, FILE *out, struct dyad_err *err)
{
	sqlite3_stmt *st;
	/* An event is one row per story: the same actors and code in the
	 * articles of one story (copies included) are mentions of one event,
	 * counted as GDELT's NumMentions, NumSources (outlets), NumArticles.
	 * An article in no story is a story of its own. */
	if (sqlite3_prepare_v2(db->h,
			       "WITH ev AS (SELECT e.rowid AS id, e.article, e.source, e.target, "
			       "e.code, coalesce(m.story, -e.article) AS story, "
			       "coalesce(a.outlet, a.url, a.id) AS outlet FROM events e "
			       "JOIN articles a ON a.rowid = e.article "
			       "LEFT JOIN story_articles m ON m.article = e.article WHERE e.negated = 0), "
			       "g AS (SELECT min(id) AS id, count(*) AS mentions, count(DISTINCT outlet) "
			       "AS sources, count(DISTINCT article) AS articles FROM ev "
			       "GROUP BY story, source, target, code) "
			       "SELECT e.rowid, e.date, e.source, e.source_text, e.target, "
			       "e.target_text, e.code, e.quad, e.goldstein, s.paragraph, a.url, "
			       "a.ingested_at, g.mentions, g.sources, g.articles, e.location FROM g "
			       "JOIN events e ON e.rowid = g.id JOIN articles a ON a.rowid = e.article "
			       "LEFT JOIN sentences s ON s.article = e.article AND s.idx = "
			       "e.sentence_index ORDER BY e.rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !ferror(out))
		gdelt_row(st, out);
	return end_export(db, st, rc, out, err);
}

static json_t *column_json(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT: return json_real(sqlite3_column_double(st, i));
	case SQLITE_NULL: return json_null();
	default:
		return json_stringn((const char *)sqlite3_column_text(st, i),
				    (size_t)sqlite3_column_bytes(st, i));
	}
}

static void write_row(sqlite3_stmt *st, enum dyad_format format, FILE *out)
{
	int n = sqlite3_column_count(st);
	if (format == DYAD_FORMAT_CSV) {
		for (int i = 0; i < n; i++) {
			if (i)
				fputc(',', out);
			if (sqlite3_column_type(st, i) == SQLITE_FLOAT)
				fprintf(out, "%.3g", sqlite3_column_double(st, i));
			else if (sqlite3_column_type(st, i) != SQLITE_NULL)
				dyad_csv_field(out, (const char *)sqlite3_column_text(st, i));
		}
		fputs("\r\n", out);
		return;
	}
	json_t *o = json_object();
	for (int i = 0; i < n; i++)
		json_object_set_new(o, sqlite3_column_name(st, i), column_json(st, i));
	json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(4));
	fputc('\n', out);
	json_decref(o);
}

int dyad_export(struct dyad_db *db, const char *table, enum dyad_format format, FILE *out,
		struct dyad_err *err)
{
	const struct table *t = NULL;
	for (size_t i = 0; i < DYAD_ARRAY_LEN(tables); i++)
		if (strcmp(tables[i].name, table) == 0)
			t = &tables[i];
	if (!t)
		return dyad_error(err, DYAD_EINVAL, "unknown table '%s' (articles, sentences, "
				  "events, quotes, people, copies, stories)",
				  table);
	if (format == DYAD_FORMAT_GDELT) {
		if (strcmp(table, "events") != 0)
			return dyad_error(err, DYAD_EINVAL, "the gdelt format is for events only");
		return export_gdelt(db, out, err);
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, t->sql, -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	if (format == DYAD_FORMAT_CSV) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			fprintf(out, "%s%s", i ? "," : "", sqlite3_column_name(st, i));
		fputs("\r\n", out);
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		write_row(st, format, out);
		if (ferror(out))
			break;
	}
	return end_export(db, st, rc, out, err);
}

/* Print the rows of a two-column query as "  label  count" lines. */
static int print_counts(struct dyad_db *db, FILE *out, const char *title, const char *sql,
			struct dyad_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	fprintf(out, "%s\n", title);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(st, 0);
		fprintf(out, "  %-32s %lld\n", label ? label : "(unknown)",
			(long long)sqlite3_column_int64(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DYAD_OK : dyad_store_error(db, err, "reading");
}

int dyad_db_summary(struct dyad_db *db, FILE *out, struct dyad_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h,
			       "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), "
			       "(SELECT count(*) FROM articles WHERE published IS NOT NULL), "
			       "(SELECT min(published) FROM articles), (SELECT max(published) FROM articles), "
			       "(SELECT count(DISTINCT outlet) FROM articles)",
			       -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return dyad_store_error(db, err, "reading");
	}
	const char *from = (const char *)sqlite3_column_text(st, 3);
	const char *to = (const char *)sqlite3_column_text(st, 4);
	fprintf(out, "%s: %lld articles, %lld sentences, %lld outlets\n", db->path,
		(long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1),
		(long long)sqlite3_column_int64(st, 5));
	fprintf(out, "dated: %lld articles, from %s to %s\n", (long long)sqlite3_column_int64(st, 2),
		from ? from : "-", to ? to : "-");
	sqlite3_finalize(st);
	int rc = print_counts(db, out, "by year:",
			      "SELECT substr(published, 1, 4) y, count(*) FROM articles "
			      "GROUP BY y ORDER BY y", err);
	if (!rc)
		rc = print_counts(db, out, "by outlet:",
				  "SELECT outlet, count(*) c FROM articles GROUP BY outlet "
				  "ORDER BY c DESC, outlet LIMIT 20", err);
	if (!rc)
		rc = print_counts(db, out, "date source:",
				  "SELECT date_source, count(*) c FROM articles GROUP BY date_source "
				  "ORDER BY c DESC", err);
	if (!rc)
		rc = print_counts(db, out, "language:",
				  "SELECT lang, count(*) c FROM articles GROUP BY lang ORDER BY c DESC", err);
	if (!rc)
		rc = print_counts(db, out, "events by quad class (negated left out):",
				  "SELECT CASE quad WHEN 1 THEN '1 verbal cooperation' "
				  "WHEN 2 THEN '2 material cooperation' WHEN 3 THEN '3 verbal conflict' "
				  "WHEN 4 THEN '4 material conflict' ELSE 'not CAMEO' END q, count(*) "
				  "FROM events WHERE negated = 0 GROUP BY q ORDER BY q", err);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*), coalesce(sum(negated), 0), (SELECT value "
			       "FROM meta WHERE key = 'events_dict') FROM events", -1, &st,
			       NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return dyad_store_error(db, err, "reading");
	}
	const char *dict = (const char *)sqlite3_column_text(st, 2);
	fprintf(out, "events: %lld, of which %lld negated; dictionary: %s\n",
		(long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1),
		dict ? dict : "-");
	sqlite3_finalize(st);
	return DYAD_OK;
}
