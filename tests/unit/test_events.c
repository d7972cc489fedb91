/* Tests for src/events.c and the events of src/store.c and src/export.c:
 * dates, events stored with their words, exported as JSON, CSV and GDELT
 * rows, recoded from the stored sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "events.h"
#include "store.h"
#include "test_helpers.h"

static const char text[] = "The United States urged Pakistan to act against the militants.\n\n"
			   "Islamabad did not release the prisoners.";

static struct dyad_doc make_doc(void)
{
	struct dyad_doc d = {0};
	d.a.id = dyad_strdup("00000000000000ee");
	d.a.path = dyad_strdup("e.txt");
	d.a.url = dyad_strdup("https://example.org/a\tb");
	d.a.published = dyad_strdup("2016-03-03");
	d.a.text = dyad_strdup(text);
	d.a.ingested_at = dyad_strdup("2026-01-02T03:04:05Z");
	d.a.paragraphs = 2;
	d.a.sentences = 2;
	d.sent = calloc(2, sizeof *d.sent);
	d.sent[0] = (struct dyad_sentence){0, 62, 0};
	d.sent[1] = (struct dyad_sentence){64, (uint32_t)strlen(text) - 64, 1};
	d.events.ev = calloc(2, sizeof *d.events.ev);
	d.events.n = d.events.cap = 2;
	d.events.ev[0] = (struct dyad_event){.sentence = 0, .date = 20160303, .source = "USAGOV",
		.target = "PAK", .code = "1041", .src_off = 0, .src_len = 17, .tgt_off = 24,
		.tgt_len = 8, .verb_off = 18, .verb_len = 5};
	d.events.ev[1] = (struct dyad_event){.sentence = 1, .date = 20160301, .source = "PAKGOV",
		.target = "---", .code = "0841", .src_off = 0, .src_len = 9, .verb_off = 18,
		.verb_len = 7, .negated = true, .issues = "SECURITY"};
	return d;
}

static void test_ymd(void **state)
{
	(void)state;
	assert_int_equal(dyad_events_ymd("2016-03-03"), 20160303);
	assert_int_equal(dyad_events_ymd("2016-03-03T10:00:00Z"), 20160303);
	assert_int_equal(dyad_events_ymd("2016-13-03"), 0);
	assert_int_equal(dyad_events_ymd("2016/03/03"), 0);
	assert_int_equal(dyad_events_ymd("2016-3-3"), 0);
	assert_int_equal(dyad_events_ymd(NULL), 0);
}

static void test_event_json(void **state)
{
	(void)state;
	struct dyad_doc d = make_doc();
	json_t *o = dyad_event_json(&d.events.ev[0], text, 62);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "source_text")), "The United States");
	assert_string_equal(json_string_value(json_object_get(o, "target_text")), "Pakistan");
	assert_string_equal(json_string_value(json_object_get(o, "verb_text")), "urged");
	assert_string_equal(json_string_value(json_object_get(o, "root")), "10");
	assert_string_equal(json_string_value(json_object_get(o, "date")), "2016-03-03");
	assert_int_equal(json_integer_value(json_object_get(o, "quad")), 3);
	assert_true(json_real_value(json_object_get(o, "goldstein")) == -5.0);
	assert_true(json_is_null(json_object_get(o, "issues")));
	assert_true(json_is_null(json_object_get(o, "location")));
	json_decref(o);
	/* the place the coder found */
	struct dyad_event e = d.events.ev[0];
	snprintf(e.location, sizeof e.location, "Kabul");
	o = dyad_event_json(&e, text, 62);
	assert_string_equal(json_string_value(json_object_get(o, "location")), "Kabul");
	json_decref(o);
	/* a span past the sentence is null, never a read past it */
	e = d.events.ev[0];
	e.src_off = 60;
	o = dyad_event_json(&e, text, 62);
	assert_true(json_is_null(json_object_get(o, "source_text")));
	json_decref(o);
	dyad_doc_release(&d);
}

/* Export table in format to a string (malloc()ed). */
static char *export(struct dyad_db *db, enum dyad_format format)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	struct dyad_err err = {0};
	assert_int_equal(dyad_export(db, "events", format, f, &err), DYAD_OK);
	fclose(f);
	return out;
}

static int count_char(const char *s, char c)
{
	int n = 0;
	for (; *s && *s != '\n'; s++)
		n += *s == c;
	return n;
}

static void test_store_export_recode(void **state)
{
	(void)state;
	char *p = db_path();
	struct dyad_db *db;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(p, 0, &db, &err), DYAD_OK);
	struct dyad_doc d = make_doc();
	bool stored;
	assert_int_equal(dyad_store_begin(db, &err), DYAD_OK);
	assert_int_equal(dyad_store_put(db, &d, &stored, &err), DYAD_OK);
	assert_int_equal(dyad_store_commit(db, &err), DYAD_OK);

	char *out = export(db, DYAD_FORMAT_JSONL);
	assert_non_null(strstr(out, "{\"article_id\":\"00000000000000ee\",\"sentence_index\":0,"
				    "\"sentence\":\"The United States urged Pakistan to act against "
				    "the militants.\",\"date\":\"2016-03-03\",\"source\":\"USAGOV\","
				    "\"source_text\":\"The United States\",\"target\":\"PAK\","
				    "\"target_text\":\"Pakistan\",\"code\":\"1041\",\"root\":\"10\","
				    "\"quad\":3,\"goldstein\":-5.0,\"negated\":0,\"verb_text\":\"urged\","
				    "\"issues\":null,\"location\":null}\n"));
	assert_non_null(strstr(out, "\"negated\":1,\"verb_text\":\"release\",\"issues\":\"SECURITY\""));
	free(out);

	out = export(db, DYAD_FORMAT_CSV);
	assert_non_null(strstr(out, "article_id,sentence_index,sentence,date,source,source_text,"
				    "target,target_text,code,root,quad,goldstein,negated,verb_text,"
				    "issues,location\r\n"));
	assert_non_null(strstr(out, ",1041,10,3,-5,0,urged,,\r\n"));
	free(out);

	/* GDELT: the negated event is left out; 61 columns; the URL's tab is a space */
	out = export(db, DYAD_FORMAT_GDELT);
	assert_int_equal(count_char(out, '\t'), 60);
	assert_null(strchr(strchr(out, '\n') + 1, '\n'));  /* one row */
	assert_true(strncmp(out, "1\t20160303\t201603\t2016\t2016.", 28) == 0);
	assert_non_null(strstr(out, "\tUSAGOV\tThe United States\tUSA\t\t\t\t\tGOV\t\t\t"
				    "PAK\tPakistan\tPAK\t\t\t\t\t\t\t\t1\t1041\t104\t10\t3\t-5.0\t1\t1\t1\t"));
	assert_non_null(strstr(out, "\t20260102030405\thttps://example.org/a b\n"));
	free(out);
	struct dyad_err e2 = {0};
	assert_int_equal(dyad_export(db, "articles", DYAD_FORMAT_GDELT, stdout, &e2), DYAD_EINVAL);

	/* recode with the built-in dictionary: the hand-made events go */
	struct dyad_recode_stats st;
	assert_int_equal(dyad_recode(db, NULL, NULL, NULL, &st, &err), DYAD_OK);
	assert_int_equal(st.articles, 1);
	assert_int_equal(st.sentences, 2);
	assert_int_equal(st.removed, 2);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT count(*), (SELECT value FROM meta WHERE "
					    "key = 'events_dict') FROM events WHERE code = '1041'",
					    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	assert_string_equal((const char *)sqlite3_column_text(q, 1), "builtin");
	sqlite3_finalize(q);
	/* a missing dictionary stops it before anything is deleted */
	assert_int_equal(dyad_recode(db, "/nonexistent/dict", NULL, NULL, &st, &err), DYAD_EIO);
	dyad_db_close(db);
	dyad_doc_release(&d);
	db_remove(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ymd),
		cmocka_unit_test(test_event_json),
		cmocka_unit_test(test_store_export_recode),
	};
	return cmocka_run_group_tests_name("events", tests, NULL, NULL);
}
