/* Tests for src/story.c: copies join their original's story, a report of
 * the same event in other words joins it too, the same topic weeks later
 * or other actors do not; counts, dates and titles; incremental updates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "story.h"
#include "test_helpers.h"

/* tests/data/dups/<name>.txt, from the repository root or this file's. */
static char *read_text(const char *name)
{
	char p[1024];
	snprintf(p, sizeof p, "tests/data/dups/%s.txt", name);
	FILE *fp = fopen(p, "rb");
	if (!fp) {
		const char *slash = strrchr(__FILE__, '/');
		snprintf(p, sizeof p, "%.*s/../data/dups/%s.txt", slash ? (int)(slash - __FILE__) : 1,
			 slash ? __FILE__ : ".", name);
		fp = fopen(p, "rb");
	}
	if (!fp)
		fail_msg("fixture %s not found", name);
	struct dyad_buf b = DYAD_BUF_INIT;
	int c;
	while ((c = fgetc(fp)) != EOF)
		dyad_buf_addc(&b, (char)c);
	fclose(fp);
	return dyad_buf_detach(&b);
}

static void exec(struct dyad_db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* Article row with title and text, outlet and date (NULL: undated), its
 * signature, and an event between the actors src and tgt (NULL: none). */
static void add_text(struct dyad_db *db, int row, const char *title, const char *t,
		     const char *outlet, const char *date, const char *src, const char *tgt)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, "INSERT INTO articles(rowid, id, path, title, "
					    "published, outlet, text, paragraphs, sentences, "
					    "ingested_at) VALUES (?1, 'id' || ?1, 'p', ?2, ?3, ?4, ?5, "
					    "1, 0, '2024-04-01T00:00:00Z')", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int(st, 1, row);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	if (date)
		sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, outlet, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	if (src) {
		char sql[512];
		snprintf(sql, sizeof sql, "INSERT INTO events(article, sentence_index, date, source, "
			 "target, code, root, quad) VALUES (%d, 0, %s%s%s, '%s', '%s', '040', '04', 1)",
			 row, date ? "'" : "", date ? date : "NULL", date ? "'" : "", src, tgt);
		exec(db, sql);
	}
	struct dyad_sig s;
	struct dyad_err err = {0};
	dyad_sig_compute(t, strlen(t), &s);
	assert_int_equal(dyad_store_signature(db, row, &s, &err), DYAD_OK);
}

/* The same from fixture name (also its title). */
static void add(struct dyad_db *db, int row, const char *name, const char *outlet,
		const char *date, const char *src, const char *tgt)
{
	char *t = read_text(name);
	add_text(db, row, name, t, outlet, date, src, tgt);
	free(t);
}

static sqlite3_int64 story_of(struct dyad_db *db, int row)
{
	sqlite3_stmt *st;
	sqlite3_int64 s = 0;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT story FROM story_articles WHERE "
					    "article = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert_true(s > 0);
	return s;
}

/* The story's "articles outlets first last title" row as one string. */
static void story_row(struct dyad_db *db, sqlite3_int64 id, char *out, size_t n)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT articles, outlets, first_date, last_date, "
					    "title, lead FROM stories WHERE rowid = ?", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, n, "%d %d %s %s %s %d", sqlite3_column_int(st, 0), sqlite3_column_int(st, 1),
		 (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
		 (const char *)sqlite3_column_text(st, 4), sqlite3_column_int(st, 5));
	sqlite3_finalize(st);
}

static int count(struct dyad_db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void update(struct dyad_db *db, bool rebuild, struct dyad_dups_stats *st)
{
	struct dyad_err err = {0};
	if (dyad_dups_update(db, rebuild, st, &err) || dyad_stories_update(db, rebuild, st, &err))
		fail_msg("%s", dyad_errmsg(&err));
}

static void test_stories(void **state)
{
	(void)state;
	char *path = db_path();
	struct dyad_db *db;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(path, 0, &db, &err), DYAD_OK);
	add(db, 1, "original", "Agency", "2024-03-05", "PAKGOV", "USAGOV");
	add(db, 2, "copy_credit", "Courier", "2024-03-06", "PAKGOV", "USAGOV");
	add(db, 3, "copy_trimmed", "Herald", NULL, NULL, NULL);  /* undated, no events */
	add(db, 4, "nocopy_same_event", "Times", "2024-03-07", "USA", "PAK");
	add(db, 5, "nocopy_same_topic", "Times", "2024-03-25", "PAK", "USA");
	add(db, 6, "nocopy_other", "Agency", "2024-03-05", "KEN", "KEN");
	struct dyad_dups_stats st = {0};
	update(db, false, &st);
	assert_int_equal(st.copies, 2);
	assert_int_equal(st.stories, 3);
	sqlite3_int64 s = story_of(db, 1);
	assert_int_equal(story_of(db, 2), s);
	assert_int_equal(story_of(db, 3), s);
	assert_int_equal(story_of(db, 4), s);
	assert_true(story_of(db, 5) != s);
	assert_true(story_of(db, 6) != s);
	char row[512];
	story_row(db, s, row, sizeof row);
	assert_string_equal(row, "4 4 2024-03-05 2024-03-07 original 1");
	story_row(db, story_of(db, 5), row, sizeof row);
	assert_string_equal(row, "1 1 2024-03-25 2024-03-25 nocopy_same_topic 5");
	/* Nothing new: the same. */
	update(db, false, &st);
	assert_int_equal(st.stories, 3);
	assert_int_equal(story_of(db, 2), s);

	/* Incremental: a new copy, published before the original, becomes the
	 * original of the family and the story's lead; nothing else moves. */
	add(db, 7, "copy_added", "Gazette", "2024-03-04", "USAMIL", "PAKMIL");
	update(db, false, &st);
	assert_int_equal(st.copies, 3);
	assert_int_equal(st.stories, 3);
	assert_int_equal(story_of(db, 7), s);
	story_row(db, s, row, sizeof row);
	assert_string_equal(row, "5 5 2024-03-04 2024-03-07 copy_added 7");
	assert_int_equal(count(db, "SELECT count(*) FROM story_articles"), 7);

	/* The same event in other words, same day, but no coded events: no
	 * actors to share, so a story of its own. */
	add_text(db, 8, "brief", "Pakistan and the United States will revive their border security "
		 "commission after a freeze of nearly two years, officials in Islamabad said on "
		 "Tuesday after talks between the interior minister and a visiting American "
		 "deputy secretary of state.", "Wire", "2024-03-05", NULL, NULL);
	update(db, false, &st);
	assert_int_equal(st.stories, 4);
	assert_true(story_of(db, 8) != s);
	story_row(db, story_of(db, 8), row, sizeof row);
	assert_string_equal(row, "1 1 2024-03-05 2024-03-05 brief 8");

	/* A rebuild gives the same grouping. */
	update(db, true, &st);
	assert_int_equal(st.stories, 4);
	s = story_of(db, 7);
	for (int r = 1; r <= 4; r++)
		assert_int_equal(story_of(db, r), s);
	story_row(db, s, row, sizeof row);
	assert_string_equal(row, "5 5 2024-03-04 2024-03-07 copy_added 7");
	assert_int_equal(count(db, "SELECT count(*) FROM stories WHERE articles = 0"), 0);
	assert_int_equal(count(db, "SELECT sum(articles) FROM stories"), 8);
	dyad_db_close(db);
	db_remove(path);
}

static void test_similar(void **state)
{
	(void)state;
	struct dyad_sig a, b, c;
	char *t = read_text("original");
	dyad_sig_compute(t, strlen(t), &a);
	free(t);
	t = read_text("nocopy_same_event");
	dyad_sig_compute(t, strlen(t), &b);
	free(t);
	t = read_text("nocopy_other");
	dyad_sig_compute(t, strlen(t), &c);
	free(t);
	assert_true(dyad_story_similar(&a, &b));
	assert_false(dyad_story_similar(&a, &c));
	dyad_sig_compute("", 0, &c);
	assert_false(dyad_story_similar(&c, &c));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stories),
		cmocka_unit_test(test_similar),
	};
	return cmocka_run_group_tests_name("story", tests, NULL, NULL);
}
