/* Tests for src/record.c: kind detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "record.h"

static enum dyad_kind kind(const char *s, const char *name)
{
	return dyad_kind_detect(s, strlen(s), name);
}

static void test_detects_by_content(void **state)
{
	(void)state;
	assert_int_equal(kind("WARC/1.0\r\nWARC-Type: warcinfo\r\n", NULL), DYAD_KIND_WARC);
	assert_int_equal(kind("\xef\xbb\xbf  {\"url\": \"x\"}\n", NULL), DYAD_KIND_JSONL);
	assert_int_equal(kind("<!DOCTYPE html><html><body>x</body></html>", "a.txt"), DYAD_KIND_HTML);
	assert_int_equal(kind("\n  <html lang=en><p>x", NULL), DYAD_KIND_HTML);
	assert_int_equal(kind("Talks resume\n\nISLAMABAD: Officials met.", NULL), DYAD_KIND_TEXT);
}

static void test_name_is_only_a_hint(void **state)
{
	(void)state;
	/* text that mentions a tag is still text */
	assert_int_equal(kind("The <p> tag was discussed.", "story.txt"), DYAD_KIND_TEXT);
	/* an HTML fragment named .html is HTML */
	assert_int_equal(kind("Hello <br> world <p>para", "frag.html"), DYAD_KIND_HTML);
	/* JSON content named .txt is JSON Lines */
	assert_int_equal(kind("{\"text\": \"x\"}", "x.txt"), DYAD_KIND_JSONL);
}

static void test_binary(void **state)
{
	(void)state;
	const char nul[] = "abc\0def";
	assert_int_equal(dyad_kind_detect(nul, sizeof nul - 1, NULL), DYAD_KIND_UNKNOWN);
	char ctrl[200];
	for (size_t i = 0; i < sizeof ctrl; i++)
		ctrl[i] = (char)(i % 2 ? 0x01 : 'a');
	assert_int_equal(dyad_kind_detect(ctrl, sizeof ctrl, NULL), DYAD_KIND_UNKNOWN);
	assert_string_equal(dyad_kind_name(DYAD_KIND_UNKNOWN), "binary");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detects_by_content),
		cmocka_unit_test(test_name_is_only_a_hint),
		cmocka_unit_test(test_binary),
	};
	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
