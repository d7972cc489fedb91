/* dyad: public API of libdyad, the event-data library behind the `dyad` CLI.
 *
 * Conventions: functions return enum dyad_rc (DYAD_OK is 0); details of a
 * failure are kept on the struct dyad_err passed in and read with
 * dyad_errmsg(). The library never prints and never exits. Every allocating
 * call names the call that frees what it returns. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

#define DYAD_VERSION "0.1.0"

enum dyad_rc {
	DYAD_OK = 0,
	DYAD_ENOMEM,   /* out of memory */
	DYAD_EIO,      /* cannot read or write a file */
	DYAD_EPARSE,   /* input is malformed */
	DYAD_EDB,      /* the database refused an operation */
	DYAD_EINVAL,   /* a bad argument */
	DYAD_EEMPTY,   /* input holds nothing usable (empty file, no article text) */
	DYAD_EBINARY,  /* input is binary, not text */
	DYAD_ETOOBIG,  /* input exceeds a size limit */
	DYAD_ESKIP,    /* input is valid but not an article (a WARC request record...) */
};

/* Error detail of the last failed call that was given this struct. */
struct dyad_err {
	int rc;          /* enum dyad_rc of the failure, DYAD_OK when none */
	char msg[1024];  /* NUL-terminated message, "" when none */
};

/* Message of the last error kept in err ("" when none). */
DYAD_API const char *dyad_errmsg(const struct dyad_err *err);
/* Short fixed text for a return code ("out of memory", ...). */
DYAD_API const char *dyad_rcstr(int rc);

/* One cleaned article, as stored and exported. Every string is NUL-terminated
 * UTF-8 (NFC) from malloc(), or NULL where the field is unknown; free the
 * strings with dyad_article_release(). */
struct dyad_article {
	char *id;              /* stable id derived from content (16 hex digits) */
	char *path;            /* input file as given, plus "#N" for the Nth record */
	char *url;
	char *title;
	char *published;       /* YYYY-MM-DD, or NULL: never a guess */
	double date_confidence;/* 0 to 1; 0 when published is NULL */
	char *date_source;     /* "url", "meta", "json-ld", "time", "dateline", ... */
	char *outlet;
	char *byline;
	char *dateline;        /* "ISLAMABAD", "Washington, Oct 21" */
	char *lang;            /* ISO 639-1 code, or NULL */
	char *text;            /* body only; paragraphs separated by "\n\n" */
	int paragraphs;
	int sentences;
	char *ingested_at;     /* ISO 8601 UTC timestamp */
};

DYAD_API void dyad_article_release(struct dyad_article *a);

#ifdef __cplusplus
}
#endif
#endif
