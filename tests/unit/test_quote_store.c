/* Tests for src/quote_store.c: people and quotes rows, with code-point
 * and byte offsets, written inside a transaction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "quote.h"
#include "test_helpers.h"

/* "é" is two bytes: code-point and byte offsets differ after it. */
static const char text[] = "Foreign Minister Ana M\xC3\xA9ndez visited the caf\xC3\xA9.\n\n"
			   "\"We will reopen it,\" M\xC3\xA9ndez said.\n";

static sqlite3_int64 put_article(struct dyad_db *db)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h,
					    "INSERT INTO articles(id, path, text, paragraphs, sentences, "
					    "ingested_at) VALUES ('00000000000000aa', 'x.txt', ?1, 2, 2, "
					    "'2026-01-01T00:00:00Z')",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(db->h);
}

static void test_rows(void **state)
{
	(void)state;
	char *p = db_path();
	struct dyad_db *db;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(p, 0, &db, &err), DYAD_OK);
	struct dyad_sentence *sent;
	size_t nsent;
	struct dyad_people pe;
	struct dyad_quotes q;
	assert_int_equal(dyad_sentences(text, strlen(text), &sent, &nsent, NULL), DYAD_OK);
	assert_int_equal(dyad_people_find(text, sent, nsent, NULL, &pe, &err), DYAD_OK);
	assert_int_equal(dyad_quotes_find(text, sent, nsent, &pe, &q, &err), DYAD_OK);
	assert_int_equal(q.n, 1);
	assert_int_equal(dyad_store_begin(db, &err), DYAD_OK);
	sqlite3_int64 art = put_article(db);
	assert_int_equal(dyad_store_people(db, art, text, &pe, &err), DYAD_OK);
	assert_int_equal(dyad_store_quotes(db, art, text, &q, &err), DYAD_OK);
	assert_int_equal(dyad_store_commit(db, &err), DYAD_OK);

	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h,
					    "SELECT name, name_key, title, role, gender, mentions, "
					    "first_start, actor FROM people WHERE article = ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, art);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "Ana M\xC3\xA9ndez");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "ana m\xC3\xA9ndez");
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "Foreign Minister");
	assert_string_equal((const char *)sqlite3_column_text(st, 3), "Foreign Minister");
	assert_int_equal(sqlite3_column_type(st, 4), SQLITE_NULL);
	assert_int_equal(sqlite3_column_int(st, 5), 2);
	assert_int_equal(sqlite3_column_int(st, 6), 17);
	assert_int_equal(sqlite3_column_type(st, 7), SQLITE_NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);

	assert_int_equal(sqlite3_prepare_v2(db->h,
					    "SELECT start, end, byte_start, byte_length, direct, speaker, "
					    "speaker_text, speaker_role, person, verb, sentence_index, "
					    "substr(a.text, start + 1, end - start) "
					    "FROM quotes JOIN articles a ON a.rowid = quotes.article",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *qt = "We will reopen it,";
	size_t byte_start = (size_t)(strstr(text, qt) - text);
	assert_int_equal(sqlite3_column_int(st, 0), byte_start - 2); /* two "é" before it */
	assert_int_equal(sqlite3_column_int(st, 1), byte_start - 2 + strlen(qt));
	assert_int_equal(sqlite3_column_int(st, 2), byte_start);
	assert_int_equal(sqlite3_column_int(st, 3), strlen(qt));
	assert_int_equal(sqlite3_column_int(st, 4), 1);
	assert_string_equal((const char *)sqlite3_column_text(st, 5), "Ana M\xC3\xA9ndez");
	assert_string_equal((const char *)sqlite3_column_text(st, 6), "M\xC3\xA9ndez");
	assert_string_equal((const char *)sqlite3_column_text(st, 7), "Foreign Minister");
	assert_int_equal(sqlite3_column_int(st, 8), 0);
	assert_string_equal((const char *)sqlite3_column_text(st, 9), "said");
	assert_int_equal(sqlite3_column_int(st, 10), 1);
	/* SQLite's substr counts characters: the offsets select the quotation */
	assert_string_equal((const char *)sqlite3_column_text(st, 11), qt);
	sqlite3_finalize(st);

	/* nothing to write is no error */
	struct dyad_quotes none = {0};
	assert_int_equal(dyad_store_quotes(db, art, text, &none, &err), DYAD_OK);
	assert_int_equal(dyad_store_people(db, art, text, NULL, &err), DYAD_OK);

	dyad_quotes_release(&q);
	dyad_people_release(&pe);
	free(sent);
	dyad_db_close(db);
	db_remove(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
	};
	return cmocka_run_group_tests_name("quote_store", tests, NULL, NULL);
}
