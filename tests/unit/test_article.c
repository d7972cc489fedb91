/* Tests for src/article.c: ids, the record-to-article pipeline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "article.h"

static void test_id_ignores_spacing(void **state)
{
	(void)state;
	char a[17], b[17], c[17];
	const char *x = "Officials met on Monday.\n\nThey agreed.";
	const char *y = "  Officials  met on\nMonday.\n\n\n They agreed. ";
	const char *z = "Officials met on Tuesday.\n\nThey agreed.";
	dyad_article_id(x, strlen(x), a);
	dyad_article_id(y, strlen(y), b);
	dyad_article_id(z, strlen(z), c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 16);
}

static void test_extract_text(void **state)
{
	(void)state;
	const char *s = "Pakistan and US resume strategic dialogue\n\n"
			"WASHINGTON: Officials from the two countries met on Monday to resume talks "
			"that had stalled for months, the State Department said.\n\n"
			"\"We will keep raising it at every meeting,\" the spokeswoman said. She gave no date.\n";
	struct dyad_article a = {0};
	struct dyad_err err = {0};
	assert_int_equal(dyad_article_extract(s, strlen(s), "t.txt", &a, &err), DYAD_OK);
	assert_string_equal(a.path, "t.txt");
	assert_non_null(a.text);
	assert_non_null(strstr(a.text, "We will keep raising it"));
	assert_null(strstr(a.text, "resume strategic dialogue\n"));
	assert_int_equal(a.paragraphs, 2);
	assert_int_equal(a.sentences, 3);
	assert_null(a.published);  /* no date evidence: never a guess */
	assert_true(a.date_confidence == 0.0);
	assert_int_equal(strlen(a.ingested_at), 20);
	dyad_article_release(&a);
	assert_int_equal(dyad_article_extract("", 0, "e.txt", &a, &err), DYAD_EEMPTY);
	assert_int_equal(dyad_article_extract("\0\1\2", 3, "b.bin", &a, &err), DYAD_EBINARY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_ignores_spacing),
		cmocka_unit_test(test_extract_text),
	};
	return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
