/* Tests for src/html_text.c: flattening HTML to scraped plain text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_extract.h"

static char *flat(const char *html, const char *charset)
{
	char *out = NULL;
	size_t n = 0;
	struct dyad_err err = {0};
	assert_int_equal(dyad_html_to_text(html, strlen(html), charset, &out, &n, &err), DYAD_OK);
	assert_non_null(out);
	assert_int_equal(strlen(out), n);
	return out;
}

static void test_blocks_and_inline(void **state)
{
	(void)state;
	char *t = flat("<html><head><title>T</title><style>p{color:red}</style></head><body>"
		       "<h1>Floods  kill 20</h1>\n<p>First <b>bold</b>\n  and <a href=x>linked</a>"
		       " text.</p><p>Second.</p><div>one</div><div>two<br>three</div>"
		       "<ul><li>a</li><li>b</li></ul></body></html>", NULL);
	assert_string_equal(t, "Floods kill 20\n\nFirst bold and linked text.\n\nSecond.\n\n"
			       "one\ntwo\nthree\n\na\nb");
	free(t);
}

static void test_invisible_dropped(void **state)
{
	(void)state;
	char *t = flat("<body><script>var x = '<p>no</p>';</script><noscript>enable js</noscript>"
		       "<p>Kept.</p><template><p>tpl</p></template><svg><text>svg</text></svg>"
		       "<div hidden>hidden</div><div style=\"display: none\">gone</div>"
		       "<!-- a comment --><p>Also kept.</p></body>", NULL);
	assert_string_equal(t, "Kept.\n\nAlso kept.");
	free(t);
}

static void test_entities_and_utf8(void **state)
{
	(void)state;
	char *t = flat("<p>Caf&eacute; &amp; &#8220;bar&#8221;&nbsp;&lt;x&gt;</p>", NULL);
	assert_string_equal(t, "Caf\xC3\xA9 & \xE2\x80\x9C" "bar\xE2\x80\x9D <x>");
	free(t);
	/* a declared charset is honoured: Latin-1 e-acute becomes UTF-8 */
	t = flat("<p>Caf\xE9</p>", "ISO-8859-1");
	assert_string_equal(t, "Caf\xC3\xA9");
	free(t);
}

static void test_tables_and_empty(void **state)
{
	(void)state;
	char *t = flat("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", NULL);
	assert_string_equal(t, "a b\nc");
	free(t);
	t = flat("", NULL);
	assert_string_equal(t, "");
	free(t);
	t = flat("just text, no tags", NULL);
	assert_string_equal(t, "just text, no tags");
	free(t);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	/* nested blocks close their lines without piling up blank lines */
	size_t depth = 200;
	char *h = malloc(depth * 11 + 64);
	assert_non_null(h);
	char *p = h;
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "<div>");
	p += sprintf(p, "deep");
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "</div>");
	char *t = flat(h, NULL);
	assert_non_null(strstr(t, "deep"));
	free(t);
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_and_inline),
		cmocka_unit_test(test_invisible_dropped),
		cmocka_unit_test(test_entities_and_utf8),
		cmocka_unit_test(test_tables_and_empty),
		cmocka_unit_test(test_deep_nesting),
	};
	return cmocka_run_group_tests_name("html_text", tests, NULL, NULL);
}
