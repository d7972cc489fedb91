/* Tests for src/buf.c: growth, NUL termination, detach. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void test_empty_is_terminated(void **state)
{
	(void)state;
	struct dyad_buf b = DYAD_BUF_INIT;
	assert_string_equal(b.data, "");
	assert_int_equal(b.len, 0);
	dyad_buf_release(&b);
}

static void test_grows_and_keeps_nul(void **state)
{
	(void)state;
	struct dyad_buf b = DYAD_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		assert_int_equal(dyad_buf_addc(&b, 'a' + i % 26), DYAD_OK);
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.data[1000], '\0');
	assert_int_equal(dyad_buf_printf(&b, "-%d-", 42), DYAD_OK);
	assert_string_equal(b.data + 1000, "-42-");
	dyad_buf_release(&b);
}

static void test_rtrim_and_detach(void **state)
{
	(void)state;
	struct dyad_buf b = DYAD_BUF_INIT;
	dyad_buf_adds(&b, "text \n\t ");
	dyad_buf_rtrim(&b);
	char *s = dyad_buf_detach(&b);
	assert_string_equal(s, "text");
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	free(s);
	s = dyad_buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_is_terminated),
		cmocka_unit_test(test_grows_and_keeps_nul),
		cmocka_unit_test(test_rtrim_and_detach),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
