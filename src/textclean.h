/* Cleaning of scraped plain text: from a page's visible text with all its
 * clutter to the article's title, dateline, byline, date and body. */
#ifndef DYAD_TEXTCLEAN_H
#define DYAD_TEXTCLEAN_H

#include "extract.h"

/* Kinds of clutter a line or paragraph can be. */
enum dyad_clutter {
	DYAD_CLUTTER_NONE = 0,   /* article text */
	DYAD_CLUTTER_PAYWALL,    /* paywall, metering, subscription offers, prices, log-in */
	DYAD_CLUTTER_SHARE,      /* share-button labels */
	DYAD_CLUTTER_RELATED,    /* also read / related / latest / don't miss headers */
	DYAD_CLUTTER_NAV,        /* previous/next, back to top, banners, navigation */
	DYAD_CLUTTER_READTIME,   /* "5 min read" */
	DYAD_CLUTTER_NEWSLETTER, /* newsletter and app boxes */
	DYAD_CLUTTER_COOKIE,     /* cookie and consent banners */
	DYAD_CLUTTER_COMMENTS,   /* comment sections */
	DYAD_CLUTTER_LEGAL,      /* disclaimers, copyright, syndication footers */
	DYAD_CLUTTER_FEEDID,     /* agency or feed id lines */
	DYAD_CLUTTER_CREDIT,     /* image credits and captions' credits */
	DYAD_CLUTTER_SHORTCODE,  /* CMS shortcodes */
};

/* Classify one line or paragraph s[0..n) (UTF-8, no newline) on its own.
 * The HTML extractor calls this on its candidate paragraphs too. */
enum dyad_clutter dyad_clutter_line(const char *s, size_t n);

/* Length of the dateline opening the paragraph t[0..n): "ISLAMABAD:",
 * "WASHINGTON (Reuters) -", "Washington, Oct 21 (IANS)", "KABUL, Afghanistan
 * —", "New Delhi:" give "ISLAMABAD", "WASHINGTON", "Washington, Oct 21",
 * "KABUL, Afghanistan", "New Delhi"; 0 when the paragraph has none. The
 * HTML extractor uses it on the first body paragraph too. */
size_t dyad_text_dateline(const char *t, size_t n);

/* Clean the scraped text s[0..n) (valid UTF-8) of one article into x: title
 * (first line only when it reads like a headline), byline, dateline, date
 * (with source and confidence), and the body with clutter removed.
 * hints may be NULL. Returns DYAD_OK, DYAD_EEMPTY (no article text left) or
 * DYAD_ENOMEM, with detail on err. */
int dyad_text_extract(const char *s, size_t n,
		      const struct dyad_extract_hints *hints,
		      struct dyad_extract *x, struct dyad_err *err);

#endif
