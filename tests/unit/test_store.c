/* Tests for src/store.c and src/export.c: schema, idempotent writes,
 * version checks, export formats. */
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

static char *db_path(void)
{
	char *p = tmp_file(".db", "", 0, 0);
	unlink(p);
	return p;
}

static void cleanup(char *p)
{
	char side[300];
	snprintf(side, sizeof side, "%s-wal", p);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", p);
	unlink(side);
	tmp_remove(p);
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
	cleanup(p);
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
	cleanup(p);
	/* garbage is refused with the path in the message */
	char *g = tmp_file(".db", "this is not a database, not at all, no", 38, 0);
	assert_int_equal(dyad_db_open(g, 0, &db, &err), DYAD_EDB);
	assert_non_null(strstr(err.msg, g));
	tmp_remove(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_is_idempotent),
		cmocka_unit_test(test_versions),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
