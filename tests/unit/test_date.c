/* Tests for src/date.c: parsing, finding in text, URL dates, validity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "date.h"

static void expect_parse(const char *s, const char *want)
{
	struct dyad_date d = {0};
	char got[11] = "";
	bool ok = dyad_date_parse(s, strlen(s), &d);
	if (ok)
		dyad_date_format(&d, got);
	if (!want) {
		if (ok)
			fail_msg("'%s' parsed as %s, expected no date", s, got);
		return;
	}
	if (!ok)
		fail_msg("'%s' did not parse, expected %s", s, want);
	assert_string_equal(got, want);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(dyad_date_valid(2016, 2, 29));
	assert_false(dyad_date_valid(2015, 2, 29));
	assert_false(dyad_date_valid(2000, 4, 31));
	assert_true(dyad_date_valid(2000, 2, 29));
	assert_false(dyad_date_valid(1900, 2, 29));
	assert_false(dyad_date_valid(1899, 12, 31));
	assert_false(dyad_date_valid(2015, 13, 1));
}

static void test_parse_iso(void **state)
{
	(void)state;
	expect_parse("2015-10-21", "2015-10-21");
	expect_parse("2015-10-21T10:30:00+05:00", "2015-10-21");
	expect_parse(" 2015-10-21T10:30:00.000Z ", "2015-10-21");
	expect_parse("2015/10/21 10:30", "2015-10-21");
	expect_parse("20151021", "2015-10-21");
	expect_parse("2015-02-30", NULL);
	expect_parse("", NULL);
	expect_parse("yesterday", NULL);
}

static void test_parse_words(void **state)
{
	(void)state;
	expect_parse("21 October 2015", "2015-10-21");
	expect_parse("Oct. 21, 2015", "2015-10-21");
	expect_parse("Wednesday, October 21, 2015 10:30 AM", "2015-10-21");
	expect_parse("October 21st, 2015", "2015-10-21");
	expect_parse("Wed, 21 Oct 2015 07:28:00 GMT", "2015-10-21");
	expect_parse("21-Oct-2015", "2015-10-21");
	expect_parse("21. Oktober 2015", "2015-10-21");
	expect_parse("3. M\xc3\xa4rz 2016", "2016-03-03");
	expect_parse("1er d\xc3\xa9" "cembre 2014", "2014-12-01");
	expect_parse("21 de octubre de 2015", "2015-10-21");
	expect_parse("2015\xe5\xb9\xb4" "10\xe6\x9c\x88" "21\xe6\x97\xa5", "2015-10-21");
	expect_parse("October 2015", NULL);
}

static void test_parse_numeric(void **state)
{
	(void)state;
	expect_parse("21/10/2015", "2015-10-21");
	expect_parse("05/10/2015", "2015-10-05"); /* day first when ambiguous */
	expect_parse("10/21/2015", "2015-10-21"); /* month first when day first is impossible */
	expect_parse("21.10.2015", "2015-10-21");
	expect_parse("1445423400", "2015-10-21");
	expect_parse("Version 3 of 21/10/2015", NULL);
}

static void test_find(void **state)
{
	(void)state;
	const char *s = "The summit, held on Tuesday, 20 October 2015 in Geneva, ended.";
	struct dyad_date d;
	size_t off, len;
	assert_true(dyad_date_find(s, strlen(s), &d, &off, &len));
	assert_int_equal(d.y, 2015);
	assert_int_equal(d.m, 10);
	assert_int_equal(d.d, 20);
	assert_int_equal(off, strlen("The summit, held on Tuesday, "));
	assert_int_equal(len, strlen("20 October 2015"));
	const char *t = "Call 555 1234 or visit in May. 12 people came in 2015.";
	assert_false(dyad_date_find(t, strlen(t), &d, &off, &len));
	const char *u = "Posted Jan 5 2016 by staff";
	assert_true(dyad_date_find(u, strlen(u), &d, NULL, NULL));
	assert_int_equal(d.m, 1);
	assert_int_equal(d.d, 5);
}

static void test_url(void **state)
{
	(void)state;
	struct dyad_date d;
	char out[11];
	assert_true(dyad_date_from_url("https://example.com/news/2015/10/21/slug-here", &d));
	dyad_date_format(&d, out);
	assert_string_equal(out, "2015-10-21");
	assert_true(dyad_date_from_url("https://example.com/2016-03-04-story.html", &d));
	dyad_date_format(&d, out);
	assert_string_equal(out, "2016-03-04");
	assert_true(dyad_date_from_url("http://example.com/a/20170102/x", &d));
	dyad_date_format(&d, out);
	assert_string_equal(out, "2017-01-02");
	assert_false(dyad_date_from_url("https://example.com/2015/10/slug", &d));
	assert_false(dyad_date_from_url("https://example.com/story/123456789", &d));
	assert_false(dyad_date_from_url("https://20151021.example.com/x", &d));
	assert_false(dyad_date_from_url(NULL, &d));
	/* One-digit parts, but not a one-digit number that starts a slug. */
	assert_true(dyad_date_from_url("https://example.com/2019/1/5/story", &d));
	dyad_date_format(&d, out);
	assert_string_equal(out, "2019-01-05");
	assert_false(dyad_date_from_url("https://example.com/2023/10/3-questions-for-her", &d));
	/* A whole day-first segment. */
	assert_true(dyad_date_from_url("https://example.com/notes/29-10-2021", &d));
	dyad_date_format(&d, out);
	assert_string_equal(out, "2021-10-29");
	assert_false(dyad_date_from_url("https://example.com/notes/29-10-2021-extra", &d));
	assert_false(dyad_date_from_url("https://example.com/item-29-10-2021", &d));
}

static void test_cmp(void **state)
{
	(void)state;
	struct dyad_date a = {2015, 10, 21}, b = {2015, 11, 1};
	assert_true(dyad_date_cmp(&a, &b) < 0);
	assert_true(dyad_date_cmp(&b, &a) > 0);
	assert_int_equal(dyad_date_cmp(&a, &a), 0);
}

/* Day numbers and back: the epoch, leap days, century rules, dates before 1970. */
static void test_days(void **state)
{
	(void)state;
	assert_int_equal(dyad_date_days(1970, 1, 1), 0);
	assert_int_equal(dyad_date_days(2000, 3, 1) - dyad_date_days(2000, 2, 28), 2);
	assert_int_equal(dyad_date_days(1900, 3, 1) - dyad_date_days(1900, 2, 28), 1);
	assert_int_equal(dyad_date_days(1969, 12, 31), -1);
	for (long long z = -40000; z <= 60000; z += 37) {
		struct dyad_date d;
		dyad_date_from_days(z, &d);
		assert_true(dyad_date_valid(d.y, d.m, d.d) || d.y < 1900 || d.y > 2100);
		assert_int_equal(dyad_date_days(d.y, d.m, d.d), z);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),       cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_parse_words), cmocka_unit_test(test_parse_numeric),
		cmocka_unit_test(test_find),        cmocka_unit_test(test_url),
		cmocka_unit_test(test_cmp),         cmocka_unit_test(test_days),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
