/* The SQLite store: schema and migrations, the article writer, readers. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <sqlite3.h>

#include "article.h"

struct dyad_db {
	sqlite3 *h;
	char *path;              /* from malloc() */
	bool readonly;
	sqlite3_stmt *put_article; /* prepared once, reset after each use */
	sqlite3_stmt *put_sentence;
	sqlite3_stmt *has_article;
	sqlite3_stmt *put_event;
};

/* Schema version this build writes; older databases are migrated on open. */
#define DYAD_SCHEMA_VERSION 2

/* Record SQLite's message for a failed call on db as err (copied at once:
 * the next call may overwrite it). Returns DYAD_EDB. */
int dyad_store_error(struct dyad_db *db, struct dyad_err *err, const char *what);

int dyad_store_exec(struct dyad_db *db, const char *sql, struct dyad_err *err);
int dyad_store_begin(struct dyad_db *db, struct dyad_err *err);
int dyad_store_commit(struct dyad_db *db, struct dyad_err *err);
void dyad_store_rollback(struct dyad_db *db);

/* Store doc with its sentences unless an article with its id is there;
 * *stored tells which. Call inside a transaction. Returns DYAD_OK or DYAD_EDB. */
int dyad_store_put(struct dyad_db *db, const struct dyad_doc *doc, bool *stored,
		   struct dyad_err *err);

/* Store the events ev of the article at rowid article, whose text and
 * sentences (nsent) give the actors' and verbs' words. Call inside a
 * transaction. Returns DYAD_OK or DYAD_EDB. */
int dyad_store_events(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_sentence *sent, size_t nsent, const struct dyad_events *ev,
		      struct dyad_err *err);

/* Set meta row key to value (NULL allowed). Returns DYAD_OK or DYAD_EDB. */
int dyad_store_meta_set(struct dyad_db *db, const char *key, const char *value,
			struct dyad_err *err);
/* Value of meta row key, malloc()ed (caller frees), or NULL when absent. */
char *dyad_store_meta_get(struct dyad_db *db, const char *key);

/* The meta key naming the dictionary that coded the stored events. */
#define DYAD_META_EVENTS_DICT "events_dict"

#endif
