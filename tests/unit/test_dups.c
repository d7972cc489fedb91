/* Tests for src/dups.c: signatures, the written copies of tests/data/dups/
 * (reordered, new boilerplate, trimmed, credit line, paragraph added) and
 * non-copies on the same topic, LSH search, and the copies table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dups.h"
#include "test_helpers.h"

static const char *const copies[] = {
	"copy_reordered", "copy_boilerplate", "copy_trimmed", "copy_credit", "copy_added",
};
static const char *const others[] = {
	"nocopy_same_event", "nocopy_same_topic", "nocopy_other",
};

/* tests/data/dups/<name>.txt from the repository root or next to this file. */
static char *fixture(const char *name)
{
	char paths[2][1024];
	const char *f = __FILE__, *slash = strrchr(f, '/');
	snprintf(paths[0], sizeof paths[0], "tests/data/dups/%s.txt", name);
	snprintf(paths[1], sizeof paths[1], "%.*s/../data/dups/%s.txt",
		 slash ? (int)(slash - f) : 1, slash ? f : ".", name);
	for (int i = 0; i < 2; i++) {
		FILE *fp = fopen(paths[i], "rb");
		if (!fp)
			continue;
		struct dyad_buf b = DYAD_BUF_INIT;
		char chunk[4096];
		size_t k;
		while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
			assert_int_equal(dyad_buf_add(&b, chunk, k), DYAD_OK);
		fclose(fp);
		return dyad_buf_detach(&b);
	}
	fail_msg("fixture %s not found", name);
	return NULL;
}

static void sig_of(const char *name, struct dyad_sig *s)
{
	char *t = fixture(name);
	dyad_sig_compute(t, strlen(t), s);
	free(t);
}

static void sig_str(const char *t, struct dyad_sig *s)
{
	dyad_sig_compute(t, strlen(t), s);
}

/* Same shingles: the copy signature is equal (the topic signature weighs
 * capitalised words, so it may differ). */
static void assert_same_shingles(const struct dyad_sig *a, const struct dyad_sig *b)
{
	assert_int_equal(a->shingles, b->shingles);
	assert_true(a->simhash == b->simhash);
	assert_memory_equal(a->minhash, b->minhash, sizeof a->minhash);
}

static void test_normalised_words(void **state)
{
	(void)state;
	struct dyad_sig a, b, c;
	sig_str("The Minister's Visit, to ISLAMABAD -- on Tuesday: talks began!", &a);
	sig_str("the ministers visit to islamabad on tuesday talks began", &b);
	sig_str("the minister\xe2\x80\x99s visit\n\nto Islamabad (on) Tuesday; talks began.", &c);
	assert_int_equal(a.shingles, 6);  /* 9 words, 4 a shingle */
	assert_same_shingles(&a, &b);
	assert_same_shingles(&a, &c);
	assert_true(dyad_sig_jaccard(&a, &b) == 1.0);
	sig_str("the ministers visit to lahore on tuesday talks began", &c);
	assert_true(dyad_sig_jaccard(&a, &c) < 1.0);
}

static void test_empty_and_short(void **state)
{
	(void)state;
	struct dyad_sig e, s;
	sig_str("", &e);
	assert_int_equal(e.shingles, 0);
	sig_str(" ... -- !! ", &e);
	assert_int_equal(e.shingles, 0);
	assert_true(dyad_sig_jaccard(&e, &e) == 0);
	sig_str("Two words", &s);
	assert_int_equal(s.shingles, 1);
	struct dyad_dups_opts o;
	dyad_dups_opts_default(&o);
	assert_false(dyad_sig_is_copy(&s, &s, &o, NULL));  /* too short to call a copy */
	/* Non-ASCII letters are words, folded to lower case. */
	struct dyad_sig u, v;
	sig_str("\xc3\x89LYS\xc3\x89\x45 Palace statement \xc3\xa0 Paris today", &u);
	sig_str("\xc3\xa9lys\xc3\xa9\x65 palace statement \xc3\xa0 paris today", &v);
	assert_int_equal(u.shingles, 3);
	assert_same_shingles(&u, &v);
	/* Combining marks stay inside their word: "हिन्दी समाचार एजेंसी ने कहा" is 5 words. */
	sig_str("\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xa6\xe0\xa5\x80 "
		"\xe0\xa4\xb8\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\x9a\xe0\xa4\xbe\xe0\xa4\xb0 "
		"\xe0\xa4\x8f\xe0\xa4\x9c\xe0\xa5\x87\xe0\xa4\x82\xe0\xa4\xb8\xe0\xa5\x80 "
		"\xe0\xa4\xa8\xe0\xa5\x87 \xe0\xa4\x95\xe0\xa4\xb9\xe0\xa4\xbe", &u);
	assert_int_equal(u.shingles, 2);
}

/* Every written copy matches the original and each other; no same-topic
 * article matches anything. */
static void test_fixture_copies(void **state)
{
	(void)state;
	struct dyad_dups_opts o;
	dyad_dups_opts_default(&o);
	struct dyad_sig orig, c[DYAD_ARRAY_LEN(copies)], x[DYAD_ARRAY_LEN(others)];
	sig_of("original", &orig);
	for (size_t i = 0; i < DYAD_ARRAY_LEN(copies); i++)
		sig_of(copies[i], &c[i]);
	for (size_t i = 0; i < DYAD_ARRAY_LEN(others); i++)
		sig_of(others[i], &x[i]);
	for (size_t i = 0; i < DYAD_ARRAY_LEN(copies); i++) {
		double sim;
		if (!dyad_sig_is_copy(&orig, &c[i], &o, &sim))
			fail_msg("%s not found a copy (similarity %.2f)", copies[i], sim);
		assert_true(sim >= 0.8);
		for (size_t j = 0; j < DYAD_ARRAY_LEN(copies); j++)
			assert_true(dyad_sig_is_copy(&c[i], &c[j], &o, NULL));
		for (size_t j = 0; j < DYAD_ARRAY_LEN(others); j++)
			if (dyad_sig_is_copy(&c[i], &x[j], &o, &sim))
				fail_msg("%s taken for a copy of %s", others[j], copies[i]);
	}
	for (size_t j = 0; j < DYAD_ARRAY_LEN(others); j++) {
		assert_false(dyad_sig_is_copy(&orig, &x[j], &o, NULL));
		assert_true(dyad_sig_jaccard(&orig, &x[j]) < 0.1);
	}
	/* The trimmed copy: low Jaccard, but all of it is in the original. */
	assert_true(dyad_sig_jaccard(&orig, &c[2]) < 0.7);
	assert_true(dyad_sig_similarity(&orig, &c[2]) >= 0.8);
}

/* LSH over the fixtures finds exactly the 15 pairs of the family of six. */
static void test_pairs_fixtures(void **state)
{
	(void)state;
	struct dyad_dups_opts o;
	dyad_dups_opts_default(&o);
	struct dyad_sig s[1 + DYAD_ARRAY_LEN(copies) + DYAD_ARRAY_LEN(others)];
	size_t n = 0;
	sig_of("original", &s[n++]);
	for (size_t i = 0; i < DYAD_ARRAY_LEN(copies); i++)
		sig_of(copies[i], &s[n++]);
	for (size_t i = 0; i < DYAD_ARRAY_LEN(others); i++)
		sig_of(others[i], &s[n++]);
	struct dyad_dups_pair *p;
	size_t np;
	struct dyad_err err = {0};
	assert_int_equal(dyad_dups_pairs(s, n, NULL, &o, &p, &np, NULL, &err), DYAD_OK);
	assert_int_equal(np, 15);
	for (size_t k = 0; k < np; k++) {
		assert_true(p[k].a < p[k].b);
		assert_true(p[k].b <= DYAD_ARRAY_LEN(copies));
	}
	free(p);
	/* Only the pairs touching the query. */
	bool query[DYAD_ARRAY_LEN(s)] = {0};
	query[3] = true;
	assert_int_equal(dyad_dups_pairs(s, n, query, &o, &p, &np, NULL, &err), DYAD_OK);
	assert_int_equal(np, 5);
	for (size_t k = 0; k < np; k++)
		assert_true(p[k].a == 3 || p[k].b == 3);
	free(p);
	/* SimHash at its LSH radius finds the near-identical copies only: the
	 * reason it is not the default (docs/dups.md). */
	o.method = DYAD_DUPS_SIMHASH;
	assert_int_equal(dyad_dups_pairs(s, n, NULL, &o, &p, &np, NULL, &err), DYAD_OK);
	assert_true(np < 15);
	for (size_t k = 0; k < np; k++)
		assert_true(p[k].b <= DYAD_ARRAY_LEN(copies));
	free(p);
}

/* A generated set: random articles, and copies with a paragraph dropped,
 * a header added or words changed. */
static uint64_t rng = 88172645463325252u;
static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

static void gen_article(struct dyad_buf *b, uint32_t seed, int paras)
{
	uint64_t keep = rng;
	rng = seed * 0x9e3779b97f4a7c15u + 1;
	for (int p = 0; p < paras; p++) {
		for (int w = 0; w < 40; w++)
			dyad_buf_printf(b, "w%u ", next() % 3000);
		dyad_buf_adds(b, "\n\n");
	}
	rng = keep;
}

static void test_pairs_generated(void **state)
{
	(void)state;
	enum { N = 400 };
	struct dyad_sig *s = calloc(N, sizeof *s);
	int *of = calloc(N, sizeof *of);
	for (int i = 0; i < N; i++) {
		struct dyad_buf b = DYAD_BUF_INIT;
		of[i] = -1;
		if (i >= 40 && i % 4 == 0) {
			/* a copy of an earlier article: header, body, maybe trimmed */
			of[i] = (int)(next() % (uint32_t)(i / 2));
			while (of[of[i]] >= 0)
				of[i] = of[of[i]];
			dyad_buf_adds(&b, "Reprinted with permission of the wire service\n\n");
			gen_article(&b, (uint32_t)of[i], 8 - (int)(next() % 3));
		} else {
			gen_article(&b, (uint32_t)i, 8);
		}
		dyad_sig_compute(b.data, b.len, &s[i]);
		dyad_buf_release(&b);
	}
	struct dyad_dups_opts o;
	dyad_dups_opts_default(&o);
	struct dyad_dups_pair *p;
	size_t np, truth = 0, found = 0;
	struct dyad_err err = {0};
	assert_int_equal(dyad_dups_pairs(s, N, NULL, &o, &p, &np, NULL, &err), DYAD_OK);
	/* pairs in the same family (an original and its copies) */
	for (int i = 0; i < N; i++)
		for (int j = i + 1; j < N; j++) {
			int ri = of[i] >= 0 ? of[i] : i, rj = of[j] >= 0 ? of[j] : j;
			truth += ri == rj;
		}
	for (size_t k = 0; k < np; k++) {
		int ra = of[p[k].a] >= 0 ? of[p[k].a] : (int)p[k].a;
		int rb = of[p[k].b] >= 0 ? of[p[k].b] : (int)p[k].b;
		assert_int_equal(ra, rb);  /* precision 1 */
		found++;
	}
	assert_true(truth > 50);
	assert_true(found * 100 >= truth * 95);  /* recall at least 95% */
	free(p);
	free(s);
	free(of);
}

static void put_article(sqlite3 *h, int row, const char *published, const char *text)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO articles(rowid, id, path, published, "
					    "text, paragraphs, sentences, ingested_at, outlet, title) "
					    "VALUES (?, ?, 'x', ?, ?, 1, 0, '2024-01-01T00:00:00Z', "
					    "'outlet' || ?1, 'title ' || ?1)", -1, &st, NULL),
			 SQLITE_OK);
	char id[32];
	snprintf(id, sizeof id, "id%d", row);
	sqlite3_bind_int(st, 1, row);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	if (published)
		sqlite3_bind_text(st, 3, published, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void put_fixture(struct dyad_db *db, int row, const char *published, const char *name,
			bool with_sig)
{
	char *t = fixture(name);
	put_article(db->h, row, published, t);
	if (with_sig) {
		struct dyad_sig s;
		struct dyad_err err = {0};
		dyad_sig_compute(t, strlen(t), &s);
		assert_int_equal(dyad_store_signature(db, row, &s, &err), DYAD_OK);
	}
	free(t);
}

/* original of article row per the copies table, 0 when it is none */
static sqlite3_int64 original_of(struct dyad_db *db, int row)
{
	sqlite3_stmt *st;
	sqlite3_int64 o = 0;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT original, similarity FROM copies "
					    "WHERE article = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW) {
		o = sqlite3_column_int64(st, 0);
		assert_true(sqlite3_column_double(st, 1) >= 0.5);
		assert_true(sqlite3_column_double(st, 1) <= 1.0);
	}
	sqlite3_finalize(st);
	return o;
}

static void test_update_db(void **state)
{
	(void)state;
	char *path = db_path();
	struct dyad_db *db;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(path, 0, &db, &err), DYAD_OK);
	/* Published order differs from stored order: the original is the
	 * earliest published; undated articles come after dated ones. */
	put_fixture(db, 1, "2024-03-06", "copy_credit", true);
	put_fixture(db, 2, "2024-03-05", "original", true);
	put_fixture(db, 3, NULL, "copy_reordered", true);
	put_fixture(db, 4, "2024-03-05", "nocopy_same_event", true);
	put_fixture(db, 5, "2024-03-07", "copy_trimmed", true);
	put_fixture(db, 6, "2024-03-05", "nocopy_same_topic", true);
	struct dyad_dups_stats st = {0};
	assert_int_equal(dyad_dups_update(db, false, &st, &err), DYAD_OK);
	assert_int_equal(st.articles, 6);
	assert_int_equal(st.copies, 3);
	assert_int_equal(original_of(db, 1), 2);
	assert_int_equal(original_of(db, 2), 0);
	assert_int_equal(original_of(db, 3), 2);
	assert_int_equal(original_of(db, 4), 0);
	assert_int_equal(original_of(db, 5), 2);
	assert_int_equal(original_of(db, 6), 0);
	/* Nothing new: nothing changes. */
	assert_int_equal(dyad_dups_update(db, false, &st, &err), DYAD_OK);
	assert_int_equal(st.copies, 3);
	/* A new copy published earlier than the original takes its place, and
	 * the whole family now points at it. */
	put_fixture(db, 7, "2024-03-04", "copy_added", true);
	put_fixture(db, 8, "2024-03-04", "nocopy_other", true);
	assert_int_equal(dyad_dups_update(db, false, &st, &err), DYAD_OK);
	assert_int_equal(st.articles, 8);
	assert_int_equal(st.copies, 4);
	assert_int_equal(original_of(db, 7), 0);
	for (int r = 1; r <= 5; r++)
		if (r != 4)
			assert_int_equal(original_of(db, r), 7);
	assert_int_equal(original_of(db, 8), 0);
	/* An article stored without a signature is backfilled; a rebuild
	 * gives the same table. */
	put_fixture(db, 9, "2024-03-08", "copy_boilerplate", false);
	assert_int_equal(dyad_dups_update(db, true, &st, &err), DYAD_OK);
	assert_int_equal(st.articles, 9);
	assert_int_equal(st.copies, 5);
	assert_int_equal(original_of(db, 9), 7);
	assert_int_equal(original_of(db, 2), 7);
	dyad_db_close(db);
	db_remove(path);
}

static void test_day(void **state)
{
	(void)state;
	assert_int_equal(dyad_dups_day("1970-01-01"), 0);
	assert_int_equal(dyad_dups_day("2000-03-01") - dyad_dups_day("2000-02-28"), 2);
	assert_int_equal(dyad_dups_day("2024-01-01") - dyad_dups_day("2023-01-01"), 365);
	assert_int_equal(dyad_dups_day("2024"), DYAD_DAY_NONE);
	assert_int_equal(dyad_dups_day(NULL), DYAD_DAY_NONE);
	assert_int_equal(dyad_dups_day("2024-13-01"), DYAD_DAY_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalised_words),
		cmocka_unit_test(test_empty_and_short),
		cmocka_unit_test(test_fixture_copies),
		cmocka_unit_test(test_pairs_fixtures),
		cmocka_unit_test(test_pairs_generated),
		cmocka_unit_test(test_update_db),
		cmocka_unit_test(test_day),
	};
	return cmocka_run_group_tests_name("dups", tests, NULL, NULL);
}
