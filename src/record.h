/* Input records: one article's raw bytes with what its container said of it,
 * and readers that cut files (plain or gzip) into records by kind. */
#ifndef DYAD_RECORD_H
#define DYAD_RECORD_H

#include "buf.h"
#include "extract.h"

/* Largest single record (one article, one JSONL line, one WARC block). */
#define DYAD_RECORD_MAX ((size_t)64 << 20)

enum dyad_kind {
	DYAD_KIND_UNKNOWN = 0,
	DYAD_KIND_TEXT,
	DYAD_KIND_HTML,
	DYAD_KIND_JSONL,
	DYAD_KIND_WARC,
};

/* Name of a kind ("text", "html", "jsonl", "warc"). */
const char *dyad_kind_name(enum dyad_kind k);

/* One input document. All strings are owned (malloc()) and freed by
 * dyad_record_release(); NULL where unknown. */
struct dyad_record {
	char *path;          /* the file as given, plus "#N" for the Nth record */
	char *data;          /* content bytes, NUL-terminated for convenience */
	size_t len;
	bool html;           /* data is HTML, else plain text */
	long line;           /* JSONL line number, else 0 */
	char *url, *published, *title, *outlet, *fetched, *last_modified, *charset;
};

void dyad_record_release(struct dyad_record *rec);
/* The record's container metadata as extractor hints (borrowing its strings). */
void dyad_record_hints(const struct dyad_record *rec, struct dyad_extract_hints *h);

/* Guess the kind of a document from its first bytes (and its name, a weak
 * hint; may be NULL). DYAD_KIND_UNKNOWN means binary data. */
enum dyad_kind dyad_kind_detect(const char *head, size_t n, const char *name);

struct dyad_reader;

/* Open path ("-" is standard input), plain or gzip. Returns DYAD_OK and a
 * reader in *out (free with dyad_reader_free), or DYAD_EIO / DYAD_ENOMEM. */
int dyad_reader_open(const char *path, struct dyad_reader **out,
		     struct dyad_err *err);
/* Read the next record into *rec (released first by the caller's
 * dyad_record_release when done). Returns DYAD_OK with a record; DYAD_ESKIP
 * at the end of the input (no record); or another code for a bad record or a
 * broken file, with err naming the file, line or record and the reason. After
 * a record error, reading goes on with the next record; after a broken file
 * (truncated gzip, read error), the next call returns DYAD_ESKIP. */
int dyad_reader_next(struct dyad_reader *r, struct dyad_record *rec,
		     struct dyad_err *err);
/* The kind detected for the file (valid after the first dyad_reader_next). */
enum dyad_kind dyad_reader_kind(const struct dyad_reader *r);
void dyad_reader_free(struct dyad_reader *r);

/* Parse one JSON Lines article object line[0..n) into rec (path and line
 * set by the caller). Returns DYAD_OK, DYAD_EPARSE or DYAD_EEMPTY. */
int dyad_jsonl_parse(const char *line, size_t n, struct dyad_record *rec,
		     struct dyad_err *err);

/* Parse one WARC record's header block hdr[0..n) (from "WARC/1.x" through the
 * blank line). Stores the Content-Length in *content_len and, when the record
 * is a response, fills rec's url and fetched; *is_response tells which. */
int dyad_warc_parse_header(const char *hdr, size_t n, size_t *content_len,
			   bool *is_response, struct dyad_record *rec,
			   struct dyad_err *err);
/* Turn a WARC response block (an HTTP response) body[0..n) into rec's data:
 * status must be 200, HTML content type, chunked and gzip transfer undone.
 * Returns DYAD_OK, DYAD_ESKIP (not a 200 HTML page) or DYAD_EPARSE. */
int dyad_warc_parse_http(const char *block, size_t n, struct dyad_record *rec,
			 struct dyad_err *err);

#endif
