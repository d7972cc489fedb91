/* Tests for src/segment.c: golden sentence cases from tests/data/segment.txt,
 * paragraphs, offsets, and tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "segment.h"

/* Read tests/data/segment.txt from the repository root or next to this file. */
static char *read_golden(void)
{
	const char *paths[2] = {"tests/data/segment.txt", NULL};
	char alt[1024];
	const char *f = __FILE__, *slash = strrchr(f, '/');
	if (slash) {
		snprintf(alt, sizeof(alt), "%.*s/../data/segment.txt",
			 (int)(slash - f), f);
		paths[1] = alt;
	}
	for (size_t i = 0; i < 2 && paths[i]; i++) {
		FILE *fp = fopen(paths[i], "rb");
		if (!fp)
			continue;
		struct dyad_buf b = DYAD_BUF_INIT;
		char chunk[4096];
		size_t k;
		while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			assert_int_equal(dyad_buf_add(&b, chunk, k), DYAD_OK);
		fclose(fp);
		return dyad_buf_detach(&b);
	}
	return NULL;
}

/* Sentence text with each run of white space turned into one space. */
static char *squeeze(const char *s, size_t n)
{
	char *r = malloc(n + 1);
	size_t k = 0;
	assert_non_null(r);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\t' || c == ' ') {
			if (k > 0 && r[k - 1] == ' ')
				continue;
			c = ' ';
		}
		r[k++] = c;
	}
	r[k] = '\0';
	return r;
}

/* Check one case; returns the number of mismatches, printing each. */
static int run_case(int no, const char *input, char **expect, size_t nexp)
{
	struct dyad_sentence *v;
	size_t nv, np;
	int bad = 0;
	assert_int_equal(dyad_sentences(input, strlen(input), &v, &nv, &np),
			 DYAD_OK);
	for (size_t i = 0; i < nv || i < nexp; i++) {
		const char *want = i < nexp ? expect[i] : "(none)";
		long para = -1;
		if (want[0] == '@') {
			char *end;
			para = strtol(want + 1, &end, 10);
			want = end + 1;
		}
		char *got = i < nv ? squeeze(input + v[i].off, v[i].len) : NULL;
		bool ok = got && strcmp(got, want) == 0 &&
			  (para < 0 || (long)v[i].paragraph == para);
		if (!ok) {
			fprintf(stderr, "case %d sentence %zu:\n  want [%s]\n  got  [%s]\n",
				no, i + 1, want, got ? got : "(none)");
			bad++;
		}
		free(got);
	}
	free(v);
	return bad;
}

static void test_golden_cases(void **state)
{
	(void)state;
	char *text = read_golden();
	assert_non_null(text);
	int ncases = 0, bad = 0;
	char *p = strstr(text, "=====\n");
	assert_non_null(p);
	while (p) {
		p += 6;
		char *sep = strstr(p, "\n-----\n");
		assert_non_null(sep);
		*sep = '\0';
		char *exp = sep + 7;
		char *next = strstr(exp, "=====\n");
		if (next)
			next[-1] = '\0'; /* end of the last expected line */
		char *lines[64];
		size_t nl = 0;
		for (char *q = exp; q && *q && nl < 64;) {
			char *e = strchr(q, '\n');
			if (e)
				*e = '\0';
			lines[nl++] = q;
			q = e ? e + 1 : NULL;
		}
		ncases++;
		bad += run_case(ncases, p, lines, nl);
		p = next;
	}
	free(text);
	assert_true(ncases >= 60);
	assert_int_equal(bad, 0);
}

static void test_paragraphs_and_offsets(void **state)
{
	(void)state;
	const char *t = "\n\n  One. Two.\n\n \t\nThree\nstill three.\n\n\n";
	struct dyad_sentence *v;
	size_t nv, np;
	assert_int_equal(dyad_sentences(t, strlen(t), &v, &nv, &np), DYAD_OK);
	assert_int_equal(nv, 3);
	assert_int_equal(np, 2);
	assert_int_equal(v[0].off, 4);
	assert_int_equal(v[0].len, 4);
	assert_memory_equal(t + v[1].off, "Two.", 4);
	assert_int_equal(v[1].paragraph, 0);
	assert_int_equal(v[2].paragraph, 1);
	assert_memory_equal(t + v[2].off, "Three\nstill three.", v[2].len);
	free(v);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	struct dyad_sentence *v;
	size_t nv, np = 99;
	assert_int_equal(dyad_sentences("", 0, &v, &nv, &np), DYAD_OK);
	assert_int_equal(nv, 0);
	assert_int_equal(np, 0);
	free(v);
	assert_int_equal(dyad_sentences(" \n\n\t \n", 6, &v, &nv, NULL), DYAD_OK);
	assert_int_equal(nv, 0);
	free(v);
}

/* Punctuation-only and invalid input must give sane spans, never crash. */
static void test_odd_input(void **state)
{
	(void)state;
	const char *cases[] = {
		".", "...", "?!?!", "\xE2\x80", "a.\xFF B.", "\"\"\"", ". . . .",
		"\xE2\x80\xA6\xE2\x80\xA6", "Mr.", "1.", "\n.\n", "\xE3\x80\x82",
	};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
		struct dyad_sentence *v;
		size_t nv, n = strlen(cases[i]);
		assert_int_equal(dyad_sentences(cases[i], n, &v, &nv, NULL), DYAD_OK);
		for (size_t k = 0; k < nv; k++) {
			assert_true(v[k].len > 0);
			assert_true(v[k].off + v[k].len <= n);
			if (k > 0)
				assert_true(v[k].off >= v[k - 1].off + v[k - 1].len);
		}
		free(v);
	}
}

/* Many sentences: the array grows and every sentence is found. */
static void test_many_sentences(void **state)
{
	(void)state;
	struct dyad_buf b = DYAD_BUF_INIT;
	for (int i = 0; i < 5000; i++)
		dyad_buf_printf(&b, "Sentence number %d is here. ", i);
	struct dyad_sentence *v;
	size_t nv;
	assert_int_equal(dyad_sentences(b.data, b.len, &v, &nv, NULL), DYAD_OK);
	assert_int_equal(nv, 5000);
	assert_memory_equal(b.data + v[4999].off, "Sentence number 4999 is here.",
			    v[4999].len);
	free(v);
	dyad_buf_release(&b);
}

/* Tokens of s joined by '|'. */
static char *tokens_of(const char *s)
{
	struct dyad_span *v;
	size_t nv;
	struct dyad_buf b = DYAD_BUF_INIT;
	assert_int_equal(dyad_tokens(s, strlen(s), &v, &nv), DYAD_OK);
	for (size_t i = 0; i < nv; i++) {
		if (i)
			dyad_buf_addc(&b, '|');
		dyad_buf_add(&b, s + v[i].off, v[i].len);
	}
	free(v);
	return dyad_buf_detach(&b);
}

static void check_tokens(const char *in, const char *want)
{
	char *got = tokens_of(in);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "tokens of [%s]:\n  want %s\n  got  %s\n", in, want,
			got);
	assert_string_equal(got, want);
	free(got);
}

static void test_tokens_words(void **state)
{
	(void)state;
	check_tokens("I don't know.", "I|don't|know|.");
	check_tokens("O’Brien said al-Qaeda and Lashkar-e-Taiba",
		     "O’Brien|said|al-Qaeda|and|Lashkar-e-Taiba");
	check_tokens("rock 'n' roll", "rock|'|n|'|roll");
	check_tokens("'Stop,' he said", "'|Stop|,|'|he|said");
	check_tokens("end -- start", "end|-|-|start");
	check_tokens("a - b", "a|-|b");
}

static void test_tokens_numbers(void **state)
{
	(void)state;
	check_tokens("3.5 percent of 1,000 in 2010.", "3.5|percent|of|1,000|in|2010|.");
	check_tokens("at 10:30, 19-year-old, 10th, 0.5%",
		     "at|10:30|,|19-year-old|,|10th|,|0.5|%");
	check_tokens("COVID-19 and F-16s", "COVID-19|and|F-16s");
	check_tokens("(1990-91)", "(|1990-91|)");
}

static void test_tokens_abbreviations(void **state)
{
	(void)state;
	check_tokens("the U.S. and Gen. Smith", "the|U.S.|and|Gen.|Smith");
	check_tokens("J. R. R. Tolkien", "J.|R.|R.|Tolkien");
	check_tokens("at 9 a.m. today", "at|9|a.m.|today");
	check_tokens("e.g. this", "e.g.|this");
	check_tokens("plan B.", "plan|B|.");
	check_tokens("It ended.", "It|ended|.");
	check_tokens("Wait... what…", "Wait|...|what|…");
}

static void test_tokens_urls_and_mail(void **state)
{
	(void)state;
	check_tokens("see https://example.org/a?b=1.",
		     "see|https://example.org/a?b=1|.");
	check_tokens("(www.example.com)", "(|www.example.com|)");
	check_tokens("mail info@example.org now", "mail|info@example.org|now");
	check_tokens("visit bbc.co.uk", "visit|bbc.co.uk");
}

static void test_tokens_unicode(void **state)
{
	(void)state;
	check_tokens("“Élysée” Ünal’s café", "“|Élysée|”|Ünal’s|café");
	check_tokens("Мирный договор подписан.", "Мирный|договор|подписан|.");
	check_tokens("وزیراعظم نے کہا", "وزیراعظم|نے|کہا");
	check_tokens("प्रधानमंत्री ने", "प्रधानमंत्री|ने");
	check_tokens("می\xE2\x80\x8Cخواهم", "می\xE2\x80\x8Cخواهم");
	check_tokens("政府は", "政|府|は");
	check_tokens("서울에서 회담", "서울에서|회담");
	check_tokens("a\xC2\xA0" "b", "a|b");
}

static void test_tokens_empty_and_invalid(void **state)
{
	(void)state;
	struct dyad_span *v;
	size_t nv;
	assert_int_equal(dyad_tokens("", 0, &v, &nv), DYAD_OK);
	assert_int_equal(nv, 0);
	free(v);
	assert_int_equal(dyad_tokens("  \n\t ", 5, &v, &nv), DYAD_OK);
	assert_int_equal(nv, 0);
	free(v);
	check_tokens("a\xFF" "b", "a|\xFF|b");
	check_tokens("\xE2\x80", "\xE2|\x80");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_cases),
		cmocka_unit_test(test_paragraphs_and_offsets),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_odd_input),
		cmocka_unit_test(test_many_sentences),
		cmocka_unit_test(test_tokens_words),
		cmocka_unit_test(test_tokens_numbers),
		cmocka_unit_test(test_tokens_abbreviations),
		cmocka_unit_test(test_tokens_urls_and_mail),
		cmocka_unit_test(test_tokens_unicode),
		cmocka_unit_test(test_tokens_empty_and_invalid),
	};
	return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
