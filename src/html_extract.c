/* Article extraction from HTML: parsing with libxml2, shared tree helpers,
 * and dyad_html_extract() which runs the metadata and body extractors. */
#include "html_extract.h"

#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_int.h"
#include "textclean.h"
#include "utf8.h"

const char *dyad_html_tag(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE && n->name ? (const char *)n->name : "";
}

const char *dyad_html_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (a->name && (a->name[0] | 0x20) == name[0] &&
		    strcasecmp((const char *)a->name, name) == 0) {
			const xmlNode *t = a->children;
			if (t && t->type == XML_TEXT_NODE && t->content)
				return (const char *)t->content;
			return "";
		}
	}
	return NULL;
}

/* Whether t is one of the NULL-terminated names; a switch on the first
 * letter keeps this off the profile (it runs on every element). */
static bool name_in(const char *t, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == t[0] && strcmp(t, *list) == 0)
			return true;
	return false;
}

bool dyad_html_invisible(const xmlNode *n)
{
	static const char *const tags[] = {
		"script", "style", "noscript", "template", "head", "title", "svg",
		"math", "iframe", "object", "embed", "canvas", "select", "option",
		"textarea", "button", "input", "video", "audio", "map", "meta", "link", NULL,
	};
	if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
		return true;
	if (n->type != XML_ELEMENT_NODE)
		return false;
	if (name_in(dyad_html_tag(n), tags))
		return true;
	if (!n->properties)
		return false;
	if (dyad_html_attr(n, "hidden"))
		return true;
	const char *st = dyad_html_attr(n, "style");
	if (st && (strstr(st, "display:none") || strstr(st, "display: none") ||
		   strstr(st, "visibility:hidden") || strstr(st, "visibility: hidden")))
		return true;
	return false;
}

int dyad_html_add_collapsed(struct dyad_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			ws = true;
			i++;
		}
		if (ws) {
			if (b->len > 0 && b->data[b->len - 1] != ' ' && dyad_buf_addc(b, ' '))
				return DYAD_ENOMEM;
			continue;
		}
		if (dyad_buf_addc(b, (char)c))
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

static int text_rec(const xmlNode *n, struct dyad_buf *b, size_t max, int depth)
{
	for (const xmlNode *c = n->children; c && b->len < max; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content &&
			    dyad_html_add_collapsed(b, (const char *)c->content,
						    strlen((const char *)c->content)))
				return DYAD_ENOMEM;
		} else if (c->type == XML_ELEMENT_NODE && !dyad_html_invisible(c) && depth < 200) {
			const char *t = dyad_html_tag(c);
			/* Block boundaries and <br> separate words. */
			bool block = strcmp(t, "br") == 0 || strcmp(t, "p") == 0 ||
				     strcmp(t, "div") == 0 || strcmp(t, "li") == 0 ||
				     strcmp(t, "td") == 0;
			if (block && b->len && b->data[b->len - 1] != ' ' && dyad_buf_addc(b, ' '))
				return DYAD_ENOMEM;
			if (text_rec(c, b, max, depth + 1))
				return DYAD_ENOMEM;
		}
	}
	return DYAD_OK;
}

int dyad_html_text(const xmlNode *n, struct dyad_buf *b, size_t max)
{
	size_t start = b->len;
	if (text_rec(n, b, max, 0))
		return DYAD_ENOMEM;
	/* Trim what was added. */
	size_t end = b->len;
	while (end > start && b->data[end - 1] == ' ')
		end--;
	dyad_buf_truncate(b, end);
	size_t lead = start;
	while (lead < b->len && b->data[lead] == ' ')
		lead++;
	if (lead > start) {
		memmove(b->data + start, b->data + lead, b->len - lead + 1);
		b->len -= lead - start;
	}
	return DYAD_OK;
}

/* The encoding to hand libxml2: the transport's charset, else none when the
 * page declares one (libxml2 reads <meta charset>), else UTF-8 when the bytes
 * are valid UTF-8 and Windows-1252 when not (libxml2 would assume Latin-1). */
static const char *pick_encoding(const char *html, size_t n, const char *hint)
{
	if (hint && *hint)
		return hint;
	size_t lim = n < 8192 ? n : 8192;
	for (size_t i = 0; i + 8 <= lim; i++) {
		if ((html[i] | 0x20) == 'c' && strncasecmp(html + i, "charset", 7) == 0)
			return NULL;
	}
	return dyad_utf8_check(html, n) == n ? "UTF-8" : "windows-1252";
}

/* libxml2 reports encoding trouble on its generic error channel even with
 * HTML_PARSE_NOERROR; the library must not print. */
static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* libxml2 and jansson set up global tables on first use; do it once so
 * that the extractor can run in many threads. */
static void init_once(void)
{
	xmlInitParser();
	json_object_seed(0);
}

/* See html_extract.h. On DYAD_EEMPTY x keeps the metadata that was found
 * (title, date...) with text NULL; the caller releases x whatever the result.
 * Safe to call from several threads at once. */
/* A meta row the page set above the story inside its container ("South
 * Asia Desk Published October 22, 2015 4 min read") may reach the body as
 * its first paragraph: drop up to three leading paragraphs that the line
 * classifier calls clutter. Works in place. */
static void drop_leading_clutter(char *text)
{
	for (int k = 0; k < 3; k++) {
		char *end = strstr(text, "\n\n");
		if (!end)
			return;
		if (dyad_clutter_line(text, (size_t)(end - text)) == DYAD_CLUTTER_NONE)
			return;
		memmove(text, end + 2, strlen(end + 2) + 1);
	}
}

int dyad_html_extract(const char *html, size_t n, const struct dyad_extract_hints *hints,
		      struct dyad_extract *x, struct dyad_err *err)
{
	static const struct dyad_extract_hints none;
	if (!hints)
		hints = &none;
	*x = (struct dyad_extract){0};
	if (!html || n == 0)
		return dyad_error(err, DYAD_EEMPTY, "empty HTML page");
	if (n > INT_MAX)
		return dyad_error(err, DYAD_ETOOBIG, "HTML page of %zu bytes is too big", n);
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_once);
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		   HTML_PARSE_NONET | HTML_PARSE_COMPACT;
	/* The handler is per thread in libxml2; put the caller's back after. */
	xmlGenericErrorFunc old = xmlGenericError;
	void *oldctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	htmlDocPtr doc = htmlReadMemory(html, (int)n, hints->url,
					pick_encoding(html, n, hints->charset), opts);
	if (!doc && hints->charset)
		doc = htmlReadMemory(html, (int)n, hints->url, NULL, opts);
	xmlSetGenericErrorFunc(oldctx, old);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		return dyad_error(err, DYAD_EPARSE, "HTML page could not be parsed");
	}
	int rc = dyad_html_meta(doc, hints, x);
	char *text = NULL;
	if (rc == DYAD_OK)
		rc = dyad_html_body(doc, &text);
	xmlFreeDoc(doc);
	if (rc != DYAD_OK) {
		free(text);
		dyad_extract_release(x);
		return dyad_error(err, rc, "out of memory extracting an HTML page");
	}
	if (!text || !*text) {
		/* The metadata found stays in x (the caller releases x in every
		 * case): a page without body text still has a title and a date. */
		free(text);
		return dyad_error(err, DYAD_EEMPTY, "no article text found in the HTML page");
	}
	drop_leading_clutter(text);
	x->text = text;
	size_t dl = dyad_text_dateline(text, strcspn(text, "\n"));
	x->dateline = dl ? dyad_strndup(text, dl) : NULL;
	return DYAD_OK;
}
