/* Tests for src/html_lean.c: the page libxml2 parses after the unread
 * attributes, long scripts and blank runs are dropped gives the same tree
 * but for them; odd markup is left as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_int.h"

static char *lean(const char *html)
{
	struct dyad_buf b = DYAD_BUF_INIT;
	if (!dyad_html_drop_attrs(html, strlen(html), &b)) {
		dyad_buf_release(&b);
		return NULL;
	}
	return dyad_buf_detach(&b);
}

static bool kept_name(const xmlNode *n, const char *a)
{
	static const char *const names[] = {
		"class", "id", "role", "itemprop", "rel", "type", "lang", "content", "property",
		"name", "http-equiv", "datetime", "pubdate", "title", "style", "hidden", "charset",
		NULL,
	};
	for (const char *const *p = names; *p; p++)
		if (strcmp(a, *p) == 0)
			return true;
	for (const char *const *p = dyad_html_date_attrs; *p; p++)
		if (strcmp(a, *p) == 0)
			return true;
	return strcmp(a, "href") == 0 && strcmp((const char *)n->name, "link") == 0;
}

/* Text with runs of blanks cut to one, as the lean page has it. */
static void squeeze(const char *s, char *out, size_t cap)
{
	size_t k = 0;
	bool prev = false;
	for (; *s && k + 1 < cap; s++) {
		bool b = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (!(b && prev))
			out[k++] = *s;
		prev = b;
	}
	out[k] = '\0';
}

/* Whether the lean tree b is the full tree a without the dropped
 * attributes and script text. */
static bool same_tree(const xmlNode *a, const xmlNode *b)
{
	for (; a || b; a = a->next, b = b->next) {
		if (!a || !b || a->type != b->type)
			return false;
		if (a->name && (!b->name || strcmp((const char *)a->name, (const char *)b->name)))
			return false;
		if (a->type == XML_TEXT_NODE) {
			char x[4096], y[4096];
			squeeze((const char *)a->content, x, sizeof x);
			squeeze((const char *)b->content, y, sizeof y);
			if (strcmp(x, y) != 0)
				return false;
		}
		if (a->type == XML_ELEMENT_NODE) {
			const xmlAttr *q = b->properties;
			for (const xmlAttr *p = a->properties; p; p = p->next) {
				if (!kept_name(a, (const char *)p->name) ||
				    (strcmp((const char *)p->name, "href") == 0 &&
				     !strstr((const char *)a->properties->children->content, "canonical")))
					continue;
				if (!q || strcmp((const char *)p->name, (const char *)q->name) ||
				    strcmp(dyad_html_attr(a, (const char *)p->name),
					   dyad_html_attr(b, (const char *)q->name)))
					return false;
				q = q->next;
			}
			if (q)
				return false;
		}
		/* a script's text is cut to its date keys */
		if (a->type == XML_ELEMENT_NODE && strcmp((const char *)a->name, "script") == 0)
			continue;
		if (!same_tree(a->children, b->children))
			return false;
	}
	return true;
}

static bool parses_the_same(const char *html)
{
	char *l = lean(html);
	if (!l)
		return false;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		   HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
	htmlDocPtr a = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", opts);
	htmlDocPtr b = htmlReadMemory(l, (int)strlen(l), NULL, "UTF-8", opts);
	bool same = a && b && same_tree(xmlDocGetRootElement(a), xmlDocGetRootElement(b));
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	free(l);
	return same;
}

static void test_drops_unread_attributes(void **state)
{
	(void)state;
	char *l = lean("<div class=\"story\" data-track=\"x\" onclick='go()' id=main>"
		       "<img src=\"a.jpg\" srcset=\"a.jpg 2x\" alt=\"A\" title=\"T\"></div>");
	assert_non_null(l);
	assert_string_equal(l, "<div class=\"story\" id=main><img title=\"T\"></div>");
	free(l);
}

static void test_keeps_dates_and_canonical(void **state)
{
	(void)state;
	char *l = lean("<link rel=\"canonical\" href=\"https://e.example/a\"><link href=\"/x.css\" rel=stylesheet>"
		       "<span data-published=\"2021-03-04\" data-id=\"7\">x</span>");
	assert_non_null(l);
	assert_string_equal(l, "<link rel=\"canonical\" href=\"https://e.example/a\"><link rel=stylesheet>"
			       "<span data-published=\"2021-03-04\">x</span>");
	free(l);
}

static void test_unquoted_value_before_slash(void **state)
{
	(void)state;
	/* the blank before "/>" ends the value: it must stay */
	char *l = lean("<link rel=canonical href=https://e.example/a/ /><p>x</p>");
	assert_non_null(l);
	assert_string_equal(l, "<link rel=canonical href=https://e.example/a/ /><p>x</p>");
	free(l);
}

static void test_markup_inside_values_comments_and_scripts(void **state)
{
	(void)state;
	/* a '>' inside a quoted value, tags in a comment and in a script
	 * are not tags */
	const char *html = "<p title=\"a > b\" src=x>one</p><!-- <p src=y> -->"
			   "<script type=\"application/ld+json\">{\"a\":\"<b src=z>\"}</script>";
	char *l = lean(html);
	assert_non_null(l);
	assert_string_equal(l, "<p title=\"a > b\">one</p><!-- <p src=y> -->"
			       "<script type=\"application/ld+json\">{\"a\":\"<b src=z>\"}</script>");
	free(l);
}

static void test_blank_runs_cut(void **state)
{
	(void)state;
	char *l = lean("<ul>\n    <li>a   b</li>\n    <li>c</li>\n</ul>");
	assert_non_null(l);
	assert_string_equal(l, "<ul>\n<li>a b</li>\n<li>c</li>\n</ul>");
	free(l);
}

static void test_odd_pages_left_alone(void **state)
{
	(void)state;
	/* an unclosed quote: libxml2 reads to the end, so the rest stays */
	char *l = lean("<p class=x>a</p><a href=\"open><p src=y>b</p>");
	assert_non_null(l);
	assert_string_equal(l, "<p class=x>a</p><a href=\"open><p src=y>b</p>");
	free(l);
	/* a NUL byte (UTF-16 and the like): nothing is done */
	struct dyad_buf b = DYAD_BUF_INIT;
	assert_false(dyad_html_drop_attrs("<\0p\0>\0", 6, &b));
	assert_int_equal(b.len, 0);
	dyad_buf_release(&b);
}

static void test_script_cut_to_date_keys(void **state)
{
	(void)state;
	char *l = lean("<script>var a = 1; window.s = {\"pubDate\": \"2019-05-01T10:00\", \"x\": 2};"
		       " more(); \"datePublished\":\"2019-05-02\"</script><p>t</p>");
	assert_non_null(l);
	assert_non_null(strstr(l, "\"pubDate\": \"2019-05-01T10:00"));
	assert_non_null(strstr(l, "\"datePublished\":\"2019-05-02\""));
	assert_null(strstr(l, "var a"));
	assert_non_null(strstr(l, "</script><p>t</p>"));
	free(l);
	/* a type spelt with character references may be JSON-LD: kept whole */
	l = lean("<script type=\"application&#x2F;ld&#x2B;json\">{\"headline\":\"h\"}</script>");
	assert_non_null(l);
	assert_non_null(strstr(l, "{\"headline\":\"h\"}"));
	free(l);
}

static void test_same_tree_on_a_messy_page(void **state)
{
	(void)state;
	const char *page =
		"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
		"<?xml version=\"1.0\"?>\n"
		"<HTML lang=en xmlns=\"http://www.w3.org/1999/xhtml\"><head>\n"
		"  <meta charset=\"utf-8\"><meta name=\"author\" content=\"Jo Bloggs\" data-x=1>\n"
		"  <title>  A   headline | Site </title>\n"
		"  <link rel=\"stylesheet\" href=\"/s.css\"><link rel=canonical href=https://e.example/a/ />\n"
		"  <style>p { color: red }</style>\n"
		"</head>\n<body class=\"page\" onload=\"init()\">\n"
		"<div id=\"top\" aria-label=\"Top\" data-a='1' data-date=\"2020-01-02\">\n"
		"   <a href=\"/\" target=_blank rel=\"home\">Home</a> &amp; <a href=/x>X</a>\n"
		"</div><!-- note <div src=1> -->\n"
		"<p class=lead @click=\"go\" :bind=x>First   paragraph, with  spaces.\n"
		"<p style=\"display:none\" hidden>Hidden</p>\n"
		"<table><tr><td width=10 class=c>cell<td>cell 2</table>\n"
		"<img src=a.jpg alt=\"An image > here\"/><br/>\n"
		"<svg viewBox=\"0 0 1 1\"><path d=\"M0 0L1 1\"/></svg>\n"
		"<p>2 < 3 and 4 > 1</p><p>Last</p>\n"
		"<script src=\"x.js\"></script><script>var y = '</div>';</script>\n"
		"</body></HTML>\n";
	assert_true(parses_the_same(page));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_drops_unread_attributes),
		cmocka_unit_test(test_keeps_dates_and_canonical),
		cmocka_unit_test(test_unquoted_value_before_slash),
		cmocka_unit_test(test_markup_inside_values_comments_and_scripts),
		cmocka_unit_test(test_blank_runs_cut),
		cmocka_unit_test(test_odd_pages_left_alone),
		cmocka_unit_test(test_script_cut_to_date_keys),
		cmocka_unit_test(test_same_tree_on_a_messy_page),
	};
	return cmocka_run_group_tests_name("html_lean", tests, NULL, NULL);
}
