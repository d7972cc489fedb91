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
#include <stdio.h>

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
	DYAD_ESKIP,    /* input is valid but not an article (a WARC 404 response...) */
	DYAD_END = -1, /* a reader has no more records (not an error) */
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

/* ---- Extraction without a database ---------------------------------- */

/* Clean one document data[0..n) (text or HTML, detected from its content;
 * name is a hint and the value of a->path, may be NULL) into *a, with its
 * sentences counted. Returns DYAD_OK, or DYAD_EEMPTY / DYAD_EBINARY /
 * DYAD_EPARSE / DYAD_ENOMEM with detail on err. Free *a with
 * dyad_article_release(). */
DYAD_API int dyad_article_extract(const char *data, size_t n, const char *name,
				  struct dyad_article *a, struct dyad_err *err);

/* ---- The database ---------------------------------------------------- */

struct dyad_db;

enum dyad_db_flags {
	DYAD_DB_READONLY = 1,  /* open an existing database read-only */
};

/* Open (creating and migrating when needed) the SQLite database at path.
 * Returns DYAD_OK and *out (close with dyad_db_close), or DYAD_EDB / DYAD_EIO
 * with detail on err. */
DYAD_API int dyad_db_open(const char *path, int flags, struct dyad_db **out,
			  struct dyad_err *err);
DYAD_API void dyad_db_close(struct dyad_db *db);

/* ---- Ingest ------------------------------------------------------------ */

/* Counts of an ingest run. */
struct dyad_ingest_stats {
	uint64_t files;       /* input files opened */
	uint64_t read;        /* records read (articles, JSONL lines, WARC pages) */
	uint64_t stored;      /* new articles stored */
	uint64_t duplicates;  /* articles already in the database */
	uint64_t skipped;     /* inputs or records not stored, all reasons */
	uint64_t skipped_by[16]; /* skipped, by enum dyad_rc of the reason */
	uint64_t bytes;       /* input bytes of the records read */
	uint64_t events;      /* events coded in the articles stored (negated ones too) */
	uint64_t coding_ns;   /* thread time spent coding events, all workers */
	uint64_t quotes;      /* quotations found in the articles stored */
	uint64_t people;      /* people found in the articles stored */
	uint64_t quotes_ns;   /* thread time spent on people and quotations, all workers */
	uint64_t copies;      /* articles in the database that copy another (after the run) */
	uint64_t stories;     /* stories in the database (after the run) */
	uint64_t dups_ns;     /* time spent finding copies and stories after the articles */
};

/* Called for every input or record that is skipped: rc is the reason
 * (enum dyad_rc), msg names the file, line or record and says why. Called
 * from one thread at a time. rc is DYAD_OK for a notice that skips nothing:
 * a dictionary problem as "FILE:LINE: message" (the line was fixed or
 * passed over; loading went on). */
typedef void dyad_diag_fn(void *ud, int rc, const char *msg);
/* Called now and then during a long ingest with the counts so far. */
typedef void dyad_progress_fn(void *ud, const struct dyad_ingest_stats *st);

struct dyad_ingest_opts {
	int jobs;                   /* worker threads; 0: one per core */
	dyad_diag_fn *on_diag;      /* may be NULL */
	dyad_progress_fn *on_progress; /* may be NULL */
	void *ud;                   /* passed to the callbacks */
	volatile int *stop;         /* when set non-zero, stop reading new input */
	const char *dict;           /* event dictionary (see dyad_recode); NULL: built-in */
	int no_quotes;              /* skip people and quotations (to measure their cost) */
	int no_events;              /* code no events (dyad_recode can code them later) */
	int no_dups;                /* do not look for copies and stories after the run */
};

/* Make libxml2 take the memory for the pages dyad parses from a per-thread
 * arena, freed at once after each page, instead of malloc and free for
 * each of the thousands of nodes of a page (15% of an ingest's
 * instructions); libxml2's other allocations stay malloc and free. This
 * sets libxml2's allocator for the whole process (xmlMemSetup): call it at
 * the start of the program, before any use of libxml2, and not in a program
 * that sets that allocator itself. The dyad command does. Returns DYAD_OK
 * or DYAD_ENOMEM. */
DYAD_API int dyad_use_html_arena(void);

/* Ingest the files and folders (recursively; "-" is standard input) in
 * paths[0..npaths) into db: detect each input's kind, cut it into records,
 * extract, segment, find the people and quotations, code the events of and
 * store the articles, one writer, opts->jobs workers; then mark the new
 * articles that copy stored ones and group them into stories.
 * Bad inputs are reported through on_diag and skipped; the rest goes on.
 * Returns DYAD_OK when the run completed (even with skipped inputs; see st),
 * or an error that stopped it (DYAD_EDB, DYAD_ENOMEM) with detail on err;
 * articles committed before such a stop stay stored. */
DYAD_API int dyad_ingest(struct dyad_db *db, const char *const *paths, size_t npaths,
			 const struct dyad_ingest_opts *opts,
			 struct dyad_ingest_stats *st, struct dyad_err *err);

/* ---- Events ------------------------------------------------------------ */

struct dyad_recode_stats {
	uint64_t articles, sentences; /* read and coded */
	uint64_t events;              /* events stored (negated ones too) */
	uint64_t negated;             /* of which negated */
	uint64_t removed;             /* events deleted before */
	char prev_dict[512];          /* dictionary that coded the old events, "" if unknown */
};

/* Delete and code again every stored event from the stored sentences (each
 * article dated by its published date), in batches of articles, one
 * transaction each. dict is a folder of dyad dictionary files, a TABARI
 * .project or a PETR_config.ini, or NULL for the built-in dictionary; its
 * problems go to on_diag (may be NULL) with rc DYAD_OK. Returns DYAD_OK
 * with *st filled, or DYAD_EIO / DYAD_EINVAL (dictionary), DYAD_EDB,
 * DYAD_ENOMEM with detail on err; batches committed before a failure stay. */
DYAD_API int dyad_recode(struct dyad_db *db, const char *dict, dyad_diag_fn *on_diag, void *ud,
			 struct dyad_recode_stats *st, struct dyad_err *err);

/* ---- Export ------------------------------------------------------------ */

enum dyad_format {
	DYAD_FORMAT_JSONL = 0,
	DYAD_FORMAT_CSV,
	DYAD_FORMAT_GDELT,  /* events only: GDELT 2.0 Events, tab-separated, 61 columns */
};

/* Write every row of table ("articles", "sentences", "events") to out in
 * format (GDELT: events only; negated events are left out of it). Returns
 * DYAD_OK, DYAD_EINVAL (unknown table or format), DYAD_EDB or DYAD_EIO. */
DYAD_API int dyad_export(struct dyad_db *db, const char *table, enum dyad_format format,
			 FILE *out, struct dyad_err *err);

/* Database summary: counts per table and outlet, date coverage; written as
 * text lines to out. */
DYAD_API int dyad_db_summary(struct dyad_db *db, FILE *out, struct dyad_err *err);

#ifdef __cplusplus
}
#endif
#endif
