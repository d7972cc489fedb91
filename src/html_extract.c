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
#include "xml_arena.h"
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

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return ((unsigned)a * 67u + b) & 1023u;
}

void dyad_html_pairs_of(const char *s, struct dyad_html_pairs *g)
{
	memset(g, 0, sizeof *g);
	for (; s[0] && s[1]; s++) {
		unsigned h = pair_hash((unsigned char)s[0], (unsigned char)s[1]);
		g->bits[h >> 6] |= 1ull << (h & 63);
	}
}

bool dyad_html_has_sub(const char *s, const struct dyad_html_pairs *g, const char *const *list)
{
	for (; *list; list++) {
		unsigned h = pair_hash((unsigned char)(*list)[0], (unsigned char)(*list)[1]);
		if ((g->bits[h >> 6] >> (h & 63) & 1) && strstr(s, *list))
			return true;
	}
	return false;
}

static bool hidden_attrs(const xmlNode *n);

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
	if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
		return true;
	if (n->type != XML_ELEMENT_NODE)
		return false;
	/* By first letter: this runs on every element of every walk. */
	static const char *const by_s[] = {"script", "style", "svg", "select", NULL};
	static const char *const by_t[] = {"template", "title", "textarea", NULL};
	static const char *const by_m[] = {"meta", "math", "map", NULL};
	static const char *const by_o[] = {"option", "object", NULL};
	static const char *const by_i[] = {"iframe", "input", NULL};
	const char *t = dyad_html_tag(n);
	const char *const *list = NULL;
	switch (t[0]) {
	case 's': list = by_s; break;
	case 't': list = by_t; break;
	case 'm': list = by_m; break;
	case 'o': list = by_o; break;
	case 'i': list = by_i; break;
	case 'n': if (DYAD_TAG_IS(t, "noscript")) return true; break;
	case 'h': if (DYAD_TAG_IS(t, "head")) return true; break;
	case 'e': if (DYAD_TAG_IS(t, "embed")) return true; break;
	case 'c': if (DYAD_TAG_IS(t, "canvas")) return true; break;
	case 'b': if (DYAD_TAG_IS(t, "button")) return true; break;
	case 'v': if (DYAD_TAG_IS(t, "video")) return true; break;
	case 'a': if (DYAD_TAG_IS(t, "audio")) return true; break;
	case 'l': if (DYAD_TAG_IS(t, "link")) return true; break;
	default: break;
	}
	if (list && name_in(t, list))
		return true;
	return n->properties && hidden_attrs(n);
}

/* The hidden attribute or an inline style that hides n. */
static bool hidden_attrs(const xmlNode *n)
{
	/* One pass over the attributes for both "hidden" and "style". */
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		if (!an || ((an[0] | 0x20) != 'h' && (an[0] | 0x20) != 's'))
			continue;
		if (strcasecmp(an, "hidden") == 0)
			return true;
		if (strcasecmp(an, "style") != 0)
			continue;
		const xmlNode *t = a->children;
		const char *st = t && t->type == XML_TEXT_NODE ? (const char *)t->content : NULL;
		if (st && (strstr(st, "display:none") || strstr(st, "display: none") ||
			   strstr(st, "visibility:hidden") || strstr(st, "visibility: hidden")))
			return true;
	}
	return false;
}

int dyad_html_add_collapsed(struct dyad_buf *b, const char *s, size_t n)
{
	/* The output never outgrows the input: reserve once and write bytes
	 * straight into the buffer (this runs on every text node). */
	if (n == 0)
		return DYAD_OK;
	if (dyad_buf_grow(b, n))
		return DYAD_ENOMEM;
	char *d = b->data;
	size_t k = b->len;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			ws = true;
			i++;
		}
		if (ws) {
			if (k > 0 && d[k - 1] != ' ')
				d[k++] = ' ';
			continue;
		}
		d[k++] = (char)c;
	}
	b->len = k;
	d[k] = '\0';
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

/* See html_extract.h. On DYAD_EEMPTY x keeps the metadata that was found
 * (title, date...) with text NULL; the caller releases x whatever the result.
 * Safe to call from several threads at once. */
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
	/* libxml2 stops at a NUL byte, and the article may come after one (a
	 * stray NUL in a template): parse without them */
	struct dyad_buf nonul = DYAD_BUF_INIT;
	if (memchr(html, '\0', n)) {
		for (const char *p = html, *end = html + n; p < end;) {
			const char *z = memchr(p, '\0', (size_t)(end - p));
			const char *stop = z ? z : end;
			if (dyad_buf_add(&nonul, p, (size_t)(stop - p))) {
				dyad_buf_release(&nonul);
				return dyad_error(err, DYAD_ENOMEM, "out of memory reading an HTML page");
			}
			p = stop + (z != NULL);
		}
		html = nonul.data;
		n = nonul.len;
	}
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		   HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
	/* The handler is per thread in libxml2; put the caller's back after. */
	xmlGenericErrorFunc old = xmlGenericError;
	void *oldctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	dyad_xml_arena_begin();
	struct dyad_buf lean = DYAD_BUF_INIT, leaner = DYAD_BUF_INIT;
	if (dyad_html_drop_scripts(html, n, &lean)) {
		html = lean.data;
		n = lean.len;
	}
	const char *enc = pick_encoding(html, n, hints->charset);
	if (dyad_html_drop_attrs(html, n, &leaner)) {
		html = leaner.data;
		n = leaner.len;
	}
	htmlDocPtr doc = htmlReadMemory(html, (int)n, hints->url, enc, opts);
	if (!doc && hints->charset)
		doc = htmlReadMemory(html, (int)n, hints->url, NULL, opts);
	dyad_buf_release(&leaner);
	dyad_buf_release(&lean);
	dyad_buf_release(&nonul);
	xmlSetGenericErrorFunc(oldctx, old);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		dyad_xml_arena_end();
		return dyad_error(err, DYAD_EPARSE, "HTML page could not be parsed");
	}
	int rc = dyad_html_meta(doc, hints, x);
	char *text = NULL;
	if (rc == DYAD_OK)
		rc = dyad_html_body(doc, &text);
	xmlFreeDoc(doc);
	dyad_xml_arena_end();  /* nothing of libxml2's is kept past here */
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
