/* Article extraction from an HTML page: body, title, date, byline, outlet. */
#ifndef DYAD_HTML_EXTRACT_H
#define DYAD_HTML_EXTRACT_H

#include "extract.h"

/* Extract the article of the HTML page html[0..n) (any encoding libxml2
 * knows; hints->charset when the transport said) into x. hints may be NULL.
 * Returns DYAD_OK, DYAD_EEMPTY (no article text found), DYAD_EPARSE or
 * DYAD_ENOMEM, with detail on err. */
int dyad_html_extract(const char *html, size_t n,
		      const struct dyad_extract_hints *hints,
		      struct dyad_extract *x, struct dyad_err *err);

/* Flatten the HTML page html[0..n) to plain text as a scraper would save it:
 * every visible text kept, block elements become lines. *out is malloc()ed
 * (caller frees). Returns DYAD_OK, DYAD_EPARSE or DYAD_ENOMEM. */
int dyad_html_to_text(const char *html, size_t n, const char *charset,
		      char **out, size_t *outlen, struct dyad_err *err);

#endif
