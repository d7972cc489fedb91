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
};

/* Schema version this build writes; older databases are migrated on open. */
#define DYAD_SCHEMA_VERSION 1

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

#endif
