/* Tests for src/utf8.c: validation, decoding, repair (Windows-1252, U+FFFD),
 * space and control clean-up, NFC, and folding for matching. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void test_check(void **state)
{
	(void)state;
	assert_int_equal(dyad_utf8_check("", 0), 0);
	assert_int_equal(dyad_utf8_check("plain ascii text, long enough", 29), 29);
	assert_int_equal(dyad_utf8_check("caf\xC3\xA9", 5), 5);
	assert_int_equal(dyad_utf8_check("caf\xE9 au lait", 12), 3);
	assert_int_equal(dyad_utf8_check("0123456789abcdef\x80", 17), 16);
	assert_int_equal(dyad_utf8_check("\xC0\xAF", 2), 0);          /* overlong */
	assert_int_equal(dyad_utf8_check("a\xED\xA0\x80", 4), 1);     /* surrogate */
	assert_int_equal(dyad_utf8_check("\xF4\x90\x80\x80", 4), 0);  /* > U+10FFFF */
	assert_int_equal(dyad_utf8_check("\xF0\x9F\x98\x80", 4), 4);  /* emoji */
	assert_int_equal(dyad_utf8_check("ab\xE2\x80", 4), 2);        /* truncated */
	assert_int_equal(dyad_utf8_check("a\0b", 3), 3);              /* NUL is valid */
}

static void test_decode(void **state)
{
	(void)state;
	size_t len;
	assert_int_equal(dyad_utf8_decode("A", 1, &len), 'A');
	assert_int_equal(len, 1);
	assert_int_equal(dyad_utf8_decode("\xC3\xA9", 2, &len), 0xE9);
	assert_int_equal(len, 2);
	assert_int_equal(dyad_utf8_decode("\xE2\x80\x9C", 3, &len), 0x201C);
	assert_int_equal(len, 3);
	assert_int_equal(dyad_utf8_decode("\xF0\x9F\x98\x80", 4, &len), 0x1F600);
	assert_int_equal(len, 4);
	assert_int_equal(dyad_utf8_decode("\xE2\x80\x9C", 2, &len), -1);
	assert_int_equal(len, 1);
	assert_int_equal(dyad_utf8_decode("\x80", 1, &len), -1);
	assert_int_equal(dyad_utf8_decode("\xE0\x80\x80", 3, &len), -1);
	assert_int_equal(dyad_utf8_decode("", 0, &len), -1);
	assert_int_equal(len, 1);
}

/* Clean s (NUL-terminated unless n given) and compare with want. */
static void check_clean(const char *s, size_t n, const char *want,
			size_t want_bad)
{
	char *out;
	size_t outlen, bad = 99;
	assert_int_equal(dyad_utf8_clean(s, n, &out, &outlen, &bad), DYAD_OK);
	assert_string_equal(out, want);
	assert_int_equal(outlen, strlen(want));
	assert_int_equal(bad, want_bad);
	assert_int_equal(dyad_utf8_check(out, outlen), outlen);
	free(out);
}

static void test_clean_ascii_and_controls(void **state)
{
	(void)state;
	check_clean("Hello, world.", 13, "Hello, world.", 0);
	check_clean("", 0, "", 0);
	check_clean("a\r\nb\rc\n", 7, "a\nb\nc\n", 0);
	check_clean("tab\there\x01\x07\x1B[0m", 15, "tab\there[0m", 0);
	check_clean("nul\0byte", 8, "nulbyte", 0);
	check_clean("del\x7Fx", 5, "delx", 0);
	check_clean("\xEF\xBB\xBFstart", 8, "start", 0);
}

static void test_clean_spaces_and_invisibles(void **state)
{
	(void)state;
	check_clean("a\xC2\xA0" "b", 4, "a b", 0);                 /* NBSP */
	check_clean("a\xE2\x80\x89" "b\xE2\x80\xAF" "c\xE3\x80\x80" "d", 13,
		    "a b c d", 0);                                   /* thin, NNBSP, ideographic */
	check_clean("zero\xE2\x80\x8Bwidth", 12, "zerowidth", 0);  /* ZWSP */
	check_clean("co\xC2\xADop\xEF\xBB\xBF", 9, "coop", 0);     /* soft hyphen, inner BOM */
	check_clean("line\xE2\x80\xA8next", 11, "line\nnext", 0);
	check_clean("para\xE2\x80\xA9next", 11, "para\n\nnext", 0);
	/* ZWNJ is part of Persian spelling and stays. */
	check_clean("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE", 9,
		    "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE", 0);
}

static void test_clean_keeps_quotes_and_dashes(void **state)
{
	(void)state;
	const char *s = "\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s "
			"\xE2\x82\xAC" "5\xE2\x80\xA6";
	check_clean(s, strlen(s), s, 0);
}

static void test_clean_nfc(void **state)
{
	(void)state;
	/* e + combining acute -> é; Hangul jamo -> syllable. */
	check_clean("caf\x65\xCC\x81", 6, "caf\xC3\xA9", 0);
	check_clean("\xE1\x84\x80\xE1\x85\xA1", 6, "\xEA\xB0\x80", 0);
	/* Singletons and composition exclusions change; a decomposed Cyrillic
	 * letter composes. */
	check_clean("\xE2\x84\xAB \xE2\x84\xA6", 7, "\xC3\x85 \xCE\xA9", 0);
	check_clean("\xE0\xA5\x98", 3, "\xE0\xA4\x95\xE0\xA4\xBC", 0);
	check_clean("\xD0\xB8\xCC\x86", 4, "\xD0\xB9", 0);
	/* Primary composites outside Latin-1 are already NFC. */
	check_clean("\xD8\xA3 \xE1\xBA\xBF \xD0\xB9", 10,
		    "\xD8\xA3 \xE1\xBA\xBF \xD0\xB9", 0);
	/* Already NFC non-Latin text is unchanged. */
	const char *ur = "\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86";
	check_clean(ur, strlen(ur), ur, 0);
}

static void test_clean_invalid_becomes_fffd(void **state)
{
	(void)state;
	/* Mostly valid UTF-8 with one stray byte: not Windows-1252. */
	const char *s = "caf\xC3\xA9 na\xC3\xAFve \xFF end";
	check_clean(s, strlen(s), "caf\xC3\xA9 na\xC3\xAFve \xEF\xBF\xBD end", 1);
	check_clean("\xE2\x80", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2);
	check_clean("\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2);
}

static void test_clean_windows1252(void **state)
{
	(void)state;
	/* "“Café” – €5 naïve…" as Windows-1252 bytes. */
	const char *s = "\x93" "Caf\xE9\x94 \x96 \x80" "5 na\xEFve\x85";
	check_clean(s, strlen(s),
		    "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 "
		    "\xE2\x82\xAC" "5 na\xC3\xAFve\xE2\x80\xA6", 7);
	/* Latin-1 text with a non-breaking space and undefined 0x81. */
	check_clean("M\xFCller\xA0sagt\x81.", 13, "M\xC3\xBCller sagt.", 3);
	/* Windows-1252 decoded as Latin-1 then encoded: C1 controls repaired. */
	check_clean("\xC2\x93quoted\xC2\x94", 10,
		    "\xE2\x80\x9Cquoted\xE2\x80\x9D", 0);
}

static void test_clean_null_repaired_ok(void **state)
{
	(void)state;
	char *out;
	size_t outlen;
	assert_int_equal(dyad_utf8_clean("abc", 3, &out, &outlen, NULL), DYAD_OK);
	assert_string_equal(out, "abc");
	free(out);
}

static void check_fold(const char *s, const char *want)
{
	size_t n;
	char *f = dyad_utf8_fold(s, strlen(s), &n);
	assert_non_null(f);
	assert_string_equal(f, want);
	assert_int_equal(n, strlen(want));
	free(f);
}

static void test_fold(void **state)
{
	(void)state;
	check_fold("Prime Minister", "prime minister");
	check_fold("", "");
	check_fold("\xE2\x80\x9CYes,\xE2\x80\x9D he said \xE2\x80\x94 it\xE2\x80\x99s over\xE2\x80\xA6",
		   "\"yes,\" he said - it's over...");
	check_fold("\xE2\x80\x98" "a\xE2\x80\x99 \xE2\x80\x9E" "b\xE2\x80\x9F \xE2\x80\xB2\xE2\x80\xB3",
		   "'a' \"b\" '\"");
	check_fold("a\xE2\x80\x90" "b\xE2\x80\x91" "c\xE2\x80\x92" "d\xE2\x80\x93" "e\xE2\x80\x95" "f\xE2\x88\x92" "g",
		   "a-b-c-d-e-f-g");
	check_fold("CAF\xC3\x89", "caf\xC3\xA9");                /* accents kept */
	check_fold("Stra\xC3\x9F" "e", "strasse");               /* case folding */
	check_fold("\xEF\xAC\x81nal \xE2\x91\xA0", "final 1");   /* NFKC: ligature, circled */
	check_fold("\xEF\xBC\xA1\xEF\xBC\xA2", "ab");            /* fullwidth */
	check_fold("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91", "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1");
	check_fold("soft\xC2\xADhyphen", "softhyphen");
	/* Invalid input is repaired first: a lone high byte in ASCII reads as
	 * Windows-1252, one among valid UTF-8 becomes U+FFFD. */
	check_fold("bad\xFF" "byte", "bad\xC3\xBF" "byte");
	check_fold("Caf\xC3\xA9 \xFF", "caf\xC3\xA9 \xEF\xBF\xBD");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_clean_ascii_and_controls),
		cmocka_unit_test(test_clean_spaces_and_invisibles),
		cmocka_unit_test(test_clean_keeps_quotes_and_dashes),
		cmocka_unit_test(test_clean_nfc),
		cmocka_unit_test(test_clean_invalid_becomes_fffd),
		cmocka_unit_test(test_clean_windows1252),
		cmocka_unit_test(test_clean_null_repaired_ok),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
