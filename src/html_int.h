/* Internals of the HTML extractor shared by html_extract.c (parsing and
 * orchestration), html_meta.c (title, date, byline...) and html_body.c
 * (main-content selection). */
#ifndef DYAD_HTML_INT_H
#define DYAD_HTML_INT_H

#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "extract.h"

/* Tag name of an element node ("" for other nodes); libxml2's HTML parser
 * lower-cases names. */
const char *dyad_html_tag(const xmlNode *n);

/* Whether tag name t is the literal lit; the first byte is tested inline
 * because this runs on every element. */
#define DYAD_TAG_IS(t, lit) ((t)[0] == (lit)[0] && strcmp((t), (lit)) == 0)

/* Value of attribute name on n, borrowed from the tree, or NULL. */
const char *dyad_html_attr(const xmlNode *n, const char *name);

/* True for elements whose content is never visible text (script, style...). */
bool dyad_html_invisible(const xmlNode *n);

/* Append the visible text of the subtree n to b with white space (and
 * U+00A0) collapsed to single spaces; stops adding once b holds max bytes.
 * Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_html_text(const xmlNode *n, struct dyad_buf *b, size_t max);

/* Collapse white space in s[0..n) into b (appending), as dyad_html_text. */
int dyad_html_add_collapsed(struct dyad_buf *b, const char *s, size_t n);

/* The pairs of adjacent bytes of a string, hashed into 1024 bits: a word
 * whose first pair is absent cannot be a substring, which spares most
 * strstr() calls when testing class names against long word lists. */
struct dyad_html_pairs {
	uint64_t bits[16];
};

/* Fill *g with the pairs of the NUL-terminated s. */
void dyad_html_pairs_of(const char *s, struct dyad_html_pairs *g);

/* Whether one of the NULL-terminated list (words of two or more bytes) is a
 * substring of s; g holds the pairs of s. */
bool dyad_html_has_sub(const char *s, const struct dyad_html_pairs *g,
		       const char *const *list);

/* Fill title, published/date_source/date_confidence, url, outlet, byline and
 * lang of x from the document's metadata, before the body is pruned.
 * Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_html_meta(xmlDoc *doc, const struct dyad_extract_hints *hints,
		   struct dyad_extract *x);

/* Select the article body of doc (which it prunes) and write it to *text
 * (malloc()ed, paragraphs separated by "\n\n", NULL when nothing was
 * found). Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_html_body(xmlDoc *doc, char **text);

/* The data-* attributes that may hold a publication date (lower case,
 * NULL-terminated); html_meta.c reads them and dyad_html_drop_attrs keeps
 * them. */
extern const char *const dyad_html_date_attrs[];

/* Append to out the parts of the script text s[0..n) where a script
 * other than JSON-LD is searched for publication dates (html_meta.c), one
 * per line: the same search in them finds the same dates. Returns DYAD_OK
 * or DYAD_ENOMEM. */
int dyad_html_script_dates(const char *s, size_t n, struct dyad_buf *out);

/* Append to out the page html[0..n) without the bodies of long <script> and
 * <style> elements that hold no dates (libxml2 reads them a character at a
 * time, the extractors never). Returns true when something was dropped;
 * false (out holds at most a partial copy to release) when nothing was or
 * memory ran out: parse the page as it is. */
bool dyad_html_drop_scripts(const char *html, size_t n, struct dyad_buf *out);

/* Append to out the page html[0..n) without the attributes no extractor
 * reads (src, href but a <link>'s, srcset, data-* but dates, aria-*...) and
 * with scripts cut to what dyad_html_script_dates keeps,
 * found the way libxml2's tokenizer finds them, so that the tree it builds
 * differs only by the attributes left out. Returns false (out as before)
 * when the page is not plain enough to do it safely (a NUL byte, as in
 * UTF-16; an escape, as in ISO-2022 encodings) or memory ran out. */
bool dyad_html_drop_attrs(const char *html, size_t n, struct dyad_buf *out);


#endif
