/* What an extractor (HTML or plain text) makes of one input document. */
#ifndef DYAD_EXTRACT_H
#define DYAD_EXTRACT_H

#include "dyad_int.h"

/* What the container told us about a document before its content was read
 * (JSONL fields, WARC and HTTP headers, the file name). Any field may be NULL.
 * Strings are borrowed: the extractor copies what it keeps. */
struct dyad_extract_hints {
	const char *url;        /* JSONL "url", WARC-Target-URI */
	const char *published;  /* JSONL "published" as given (any common date form) */
	const char *title;      /* JSONL "title" */
	const char *outlet;     /* JSONL "outlet" */
	const char *fetched;    /* WARC-Date (capture time, ISO 8601): an upper bound
	                           for the publication date, never the date itself */
	const char *last_modified; /* HTTP Last-Modified header, if any */
	const char *charset;    /* from an HTTP Content-Type header, if any */
	const char *filename;   /* input file name, a weak hint */
};

/* Extracted article fields. Strings are NUL-terminated UTF-8 from malloc(),
 * or NULL when unknown; dyad_extract_release() frees them. */
struct dyad_extract {
	char *url;
	char *title;            /* without the site-name suffix */
	char *published;        /* YYYY-MM-DD or NULL (never a guess) */
	double date_confidence; /* 0..1, 0 when published is NULL */
	char *date_source;      /* "input", "url", "meta", "json-ld", "time", "dateline", "byline", "text", "warc", ... */
	char *outlet;
	char *byline;
	char *dateline;
	char *lang;
	char *text;             /* body only: paragraphs separated by "\n\n", no
	                           leading or trailing white space; NULL if none */
};

void dyad_extract_release(struct dyad_extract *x);

#endif
