/* Tests for src/store.c and src/export.c: schema, idempotent writes,
 * version checks, migration from schema 1, export formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store.h"
#include "test_helpers.h"

static struct dyad_doc make_doc(const char *id, const char *text)
{
	struct dyad_doc d = {0};
	d.a.id = dyad_strdup(id);
	d.a.path = dyad_strdup("x.txt");
	d.a.title = dyad_strdup("Talks, \"resumed\"");
	d.a.published = dyad_strdup("2016-03-03");
	d.a.date_confidence = 0.9;
	d.a.date_source = dyad_strdup("meta");
	d.a.text = dyad_strdup(text);
	d.a.ingested_at = dyad_strdup("2026-01-01T00:00:00Z");
	d.a.paragraphs = 1;
	d.a.sentences = 2;
	d.sent = calloc(2, sizeof *d.sent);
	d.sent[0] = (struct dyad_sentence){0, 5, 0};
	d.sent[1] = (struct dyad_sentence){6, (uint32_t)strlen(text) - 6, 0};
	return d;
}

static void test_put_is_idempotent(void **state)
{
	(void)state;
	char *p = db_path();
	struct dyad_db *db;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(p, 0, &db, &err), DYAD_OK);
	struct dyad_doc d = make_doc("00000000000000aa", "Talks resumed in Islamabad.");
	bool stored;
	assert_int_equal(dyad_store_begin(db, &err), DYAD_OK);
	assert_int_equal(dyad_store_put(db, &d, &stored, &err), DYAD_OK);
	assert_true(stored);
	assert_int_equal(dyad_store_put(db, &d, &stored, &err), DYAD_OK);
	assert_false(stored);
	assert_int_equal(dyad_store_commit(db, &err), DYAD_OK);
	dyad_db_close(db);
	/* reopened read-only, the data and its full-text index are there */
	assert_int_equal(dyad_db_open(p, DYAD_DB_READONLY, &db, &err), DYAD_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h,
		"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'islamabad'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT text FROM sentence_text ORDER BY idx", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "Talks");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "resumed in Islamabad.");
	sqlite3_finalize(st);
	/* export: CSV quoting and JSON fields */
	char *out = tmp_file(".out", "", 0, 0);
	FILE *f = fopen(out, "w+");
	assert_int_equal(dyad_export(db, "articles", DYAD_FORMAT_CSV, f, &err), DYAD_OK);
	assert_int_equal(dyad_export(db, "articles", DYAD_FORMAT_JSONL, f, &err), DYAD_OK);
	assert_int_equal(dyad_export(db, "nosuch", DYAD_FORMAT_JSONL, f, &err), DYAD_EINVAL);
	rewind(f);
	char line[4096];
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line, "id,path,url,title,published,date_confidence,date_source,outlet,byline,"
			    "dateline,lang,text,paragraphs,sentences,ingested_at\r\n");
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line, "00000000000000aa,x.txt,,\"Talks, \"\"resumed\"\"\",2016-03-03,0.9,meta,,,,,"
			    "Talks resumed in Islamabad.,1,2,2026-01-01T00:00:00Z\r\n");
	assert_non_null(fgets(line, sizeof line, f));
	assert_non_null(strstr(line, "{\"id\":\"00000000000000aa\",\"path\":\"x.txt\",\"url\":null,"
				     "\"title\":\"Talks, \\\"resumed\\\"\",\"published\":\"2016-03-03\","
				     "\"date_confidence\":0.9,"));
	fclose(f);
	tmp_remove(out);
	dyad_db_close(db);
	dyad_doc_release(&d);
	db_remove(p);
}

static void test_versions(void **state)
{
	(void)state;
	char *p = db_path();
	struct dyad_db *db;
	struct dyad_err err = {0};
	/* read-only open of a file that is not a dyad database */
	assert_int_equal(dyad_db_open(p, DYAD_DB_READONLY, &db, &err), DYAD_EDB);
	assert_int_equal(dyad_db_open(p, 0, &db, &err), DYAD_OK);
	assert_int_equal(dyad_store_exec(db, "PRAGMA user_version = 99", &err), DYAD_OK);
	dyad_db_close(db);
	assert_int_equal(dyad_db_open(p, 0, &db, &err), DYAD_EDB);
	assert_non_null(strstr(err.msg, "newer"));
	db_remove(p);
	/* garbage is refused with the path in the message */
	char *g = tmp_file(".db", "this is not a database, not at all, no", 38, 0);
	assert_int_equal(dyad_db_open(g, 0, &db, &err), DYAD_EDB);
	assert_non_null(strstr(err.msg, g));
	tmp_remove(g);
}

/* Schema 1 as released (store.c's first migration), to test that such a
 * database migrates. */
static const char v1_sql[] =
	"CREATE TABLE articles (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" path TEXT NOT NULL, url TEXT, title TEXT, published TEXT,"
	" date_confidence REAL NOT NULL DEFAULT 0, date_source TEXT, outlet TEXT, byline TEXT,"
	" dateline TEXT, lang TEXT, text TEXT NOT NULL, paragraphs INTEGER NOT NULL,"
	" sentences INTEGER NOT NULL, ingested_at TEXT NOT NULL);"
	"CREATE INDEX articles_published ON articles(published);"
	"CREATE INDEX articles_url ON articles(url);"
	"CREATE INDEX articles_outlet ON articles(outlet);"
	"CREATE TABLE sentences (article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL,"
	" length INTEGER NOT NULL, PRIMARY KEY (article, idx)) WITHOUT ROWID;"
	"CREATE VIEW sentence_text AS SELECT s.article, s.idx, s.paragraph, s.start, s.length,"
	" CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.length) AS TEXT) AS text"
	" FROM sentences s JOIN articles a ON a.rowid = s.article;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
	" content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
	" INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;"
	"CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
	" INSERT INTO articles_fts(articles_fts, rowid, title, text)"
	" VALUES ('delete', old.rowid, old.title, old.text); END;"
	"INSERT INTO articles(id, path, text, paragraphs, sentences, ingested_at, published)"
	" VALUES ('00000000000000bb', 'v1.txt', 'The United States urged Pakistan to act.', 1, 1,"
	" '2026-01-01T00:00:00Z', '2016-03-03');"
	"INSERT INTO sentences VALUES (1, 0, 0, 0, 40);"
	"PRAGMA user_version = 1;";

static int64_t count(struct dyad_db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_migrate_v1(void **state)
{
	(void)state;
	char *p = db_path();
	sqlite3 *h;
	assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, v1_sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	struct dyad_db *db;
	struct dyad_err err = {0};
	/* read-only: a v1 database is refused until it is migrated */
	assert_int_equal(dyad_db_open(p, DYAD_DB_READONLY, &db, &err), DYAD_EDB);
	assert_int_equal(dyad_db_open(p, 0, &db, &err), DYAD_OK);
	assert_int_equal(count(db, "PRAGMA user_version"), DYAD_SCHEMA_VERSION);
	assert_int_equal(count(db, "SELECT count(*) FROM articles"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM events"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
			       "name IN ('events_dyad_cover', 'events_target', 'events_code', "
			       "'events_date')"), 4);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
			       "name IN ('people', 'quotes', 'signatures', 'copies', 'stories', "
			       "'story_articles')"), 6);
	/* events can be coded from the migrated articles, and go with them */
	struct dyad_recode_stats st;
	assert_int_equal(dyad_recode(db, NULL, NULL, NULL, &st, &err), DYAD_OK);
	assert_int_equal(st.articles, 1);
	assert_int_equal(count(db, "SELECT count(*) FROM events") , (int64_t)st.events);
	assert_int_equal(dyad_store_exec(db, "INSERT INTO events(article, sentence_index, source, "
					 "target, code, root, quad) VALUES (1, 0, 'USA', 'PAK', "
					 "'112', '11', 3)", &err), DYAD_OK);
	assert_int_equal(dyad_store_exec(db, "INSERT INTO quotes(article, sentence_index, start, "
					 "end, byte_start, byte_length, direct) VALUES "
					 "(1, 0, 0, 5, 0, 5, 1)", &err), DYAD_OK);
	assert_int_equal(dyad_store_exec(db, "DELETE FROM articles", &err), DYAD_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM events"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM quotes"), 0);
	dyad_db_close(db);
	db_remove(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_is_idempotent),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_migrate_v1),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
