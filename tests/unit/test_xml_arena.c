/* Tests for src/xml_arena.c: pages extracted with libxml2's memory from the
 * per-thread arena give what malloc gives, in several threads, for a page
 * larger than the arena's first chunks; memory that crosses the arena's
 * scope is freed by the right owner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dyad.h"
#include "html_extract.h"
#include "xml_arena.h"

/* A page of n paragraphs, each with a link and a few inline elements, so
 * that its tree has many small nodes. */
static char *make_page(int n)
{
	struct dyad_buf b = DYAD_BUF_INIT;
	dyad_buf_adds(&b, "<!DOCTYPE html><html><head><title>Harbour Works Resume After "
			  "Storm | The Bay Ledger</title><meta property=\"article:published_time\" "
			  "content=\"2019-03-04T08:00:00Z\"></head><body><nav><a href=\"/\">Home</a>"
			  "<a href=\"/news\">News</a></nav><article><h1>Harbour Works Resume After "
			  "Storm</h1>");
	for (int i = 0; i < n; i++)
		dyad_buf_printf(&b,
				"<p>Crews returned to the eastern pier on day %d, the port authority "
				"said, after <b>the storm</b> had torn away <i>part</i> of the "
				"breakwater and flooded <a href=\"/x/%d\">the fuel depot</a> near "
				"the ferry terminal.</p>\n",
				i + 1, i);
	dyad_buf_adds(&b, "</article><footer>All rights reserved.</footer></body></html>");
	return dyad_buf_detach(&b);
}

/* The extraction of page as one string (text, title, date). */
static char *extract(const char *page)
{
	struct dyad_extract x = {0};
	struct dyad_err err = {0};
	assert_int_equal(dyad_html_extract(page, strlen(page), NULL, &x, &err), DYAD_OK);
	struct dyad_buf b = DYAD_BUF_INIT;
	dyad_buf_printf(&b, "%s|%s|%s", x.title ? x.title : "-", x.published ? x.published : "-",
			x.text ? x.text : "-");
	dyad_extract_release(&x);
	return dyad_buf_detach(&b);
}

static char *small_page, *large_page, *small_want, *large_want;

/* What malloc gives, before the arena is installed (it cannot be undone). */
static int setup(void **state)
{
	(void)state;
	small_page = make_page(12);
	large_page = make_page(20000);  /* about 5 MB: several chunks */
	small_want = extract(small_page);
	large_want = extract(large_page);
	return dyad_use_html_arena() == DYAD_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(small_page);
	free(large_page);
	free(small_want);
	free(large_want);
	return 0;
}

static void test_same_results(void **state)
{
	(void)state;
	assert_int_equal(dyad_use_html_arena(), DYAD_OK);  /* twice is harmless */
	for (int i = 0; i < 3; i++) {
		char *got = extract(large_page);
		assert_string_equal(got, large_want);
		free(got);
		/* the arena is reused from its start after a large page */
		got = extract(small_page);
		assert_string_equal(got, small_want);
		free(got);
	}
}

static void *worker(void *arg)
{
	int *bad = arg;
	for (int i = 0; i < 40; i++) {
		char *got = extract(i % 8 ? small_page : large_page);
		*bad += strcmp(got, i % 8 ? small_want : large_want) != 0;
		free(got);
	}
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	pthread_t t[3];
	int bad[3] = {0};
	for (int i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, &bad[i]), 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(bad[i], 0);
	}
}

static void test_memory_across_the_scope(void **state)
{
	(void)state;
	/* libxml2's memory from malloc, freed inside the scope: to free() (a
	 * leak or a bad free shows under the sanitizers) */
	char *before = (char *)xmlMemStrdup("allocated before");
	dyad_xml_arena_begin();
	char *inside = xmlMalloc(64);
	assert_non_null(inside);
	memset(inside, 'x', 64);
	char *grown = xmlRealloc(inside, 1000);  /* moves, keeping the bytes */
	assert_non_null(grown);
	assert_int_equal(grown[63], 'x');
	assert_string_equal(before, "allocated before");
	xmlFree(before);
	char *dup = xmlMemStrdup("in the arena");
	char *moved = xmlRealloc(dup, 10);  /* smaller: kept in place */
	assert_ptr_equal(moved, dup);
	assert_string_equal(moved, "in the arena");
	dyad_xml_arena_end();
	/* an arena block freed after the scope: nothing happens */
	xmlFree(grown);
	xmlFree(moved);
	/* outside the scope, plain malloc memory again */
	char *after = xmlMalloc(32);
	assert_non_null(after);
	xmlFree(after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_results),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_memory_across_the_scope),
	};
	return cmocka_run_group_tests_name("xml_arena", tests, setup, teardown);
}
