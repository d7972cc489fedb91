/* The SQLite store: schema and migrations, the article writer, readers. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <sqlite3.h>

#include "article.h"

/* Statements other modules prepare once per connection (dyad_store_stmt). */
enum dyad_stmt_id {
	DYAD_STMT_PUT_PERSON,
	DYAD_STMT_PUT_QUOTE,
	DYAD_STMT_PUT_SIGNATURE,
	DYAD_STMT_PUT_COPY,
	DYAD_STMT_PUT_STORY,
	DYAD_STMT_PUT_STORY_ARTICLE,
	DYAD_STMT_SPARE1,
	DYAD_STMT_SPARE2,
	DYAD_STMT_MAX
};

struct dyad_db {
	sqlite3 *h;
	char *path;              /* from malloc() */
	bool readonly;
	sqlite3_stmt *put_article; /* prepared once, reset after each use */
	sqlite3_stmt *put_sentence;
	sqlite3_stmt *has_article;
	sqlite3_stmt *put_event;
	sqlite3_stmt *index_articles;
	sqlite3_int64 last_article;  /* rowid of the article dyad_store_put last stored */
	/* first article stored in this transaction and not yet in the full-text
	 * index (0: none); dyad_store_commit indexes them */
	sqlite3_int64 fts_from;
	sqlite3_stmt *cached[DYAD_STMT_MAX]; /* dyad_store_stmt(), finalized on close */
};

/* Schema version this build writes; older databases are migrated on open. */
#define DYAD_SCHEMA_VERSION 4

/* Record SQLite's message for a failed call on db as err (copied at once:
 * the next call may overwrite it). Returns DYAD_EDB. */
int dyad_store_error(struct dyad_db *db, struct dyad_err *err, const char *what);

int dyad_store_exec(struct dyad_db *db, const char *sql, struct dyad_err *err);
int dyad_store_begin(struct dyad_db *db, struct dyad_err *err);
int dyad_store_commit(struct dyad_db *db, struct dyad_err *err);
void dyad_store_rollback(struct dyad_db *db);

/* Store doc with its sentences and events unless an article with its id is
 * there; *stored tells which (and db->last_article is then its rowid).
 * Call inside a transaction: the article is searchable once
 * dyad_store_commit has indexed it. Returns DYAD_OK or DYAD_EDB. */
int dyad_store_put(struct dyad_db *db, const struct dyad_doc *doc, bool *stored,
		   struct dyad_err *err);

/* Store the events ev of the article at rowid article, whose text and
 * sentences (nsent) give the actors' and verbs' words. Call inside a
 * transaction. Returns DYAD_OK or DYAD_EDB. */
int dyad_store_events(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_sentence *sent, size_t nsent, const struct dyad_events *ev,
		      struct dyad_err *err);

/* The statement id of db, prepared from sql on first use and kept until
 * dyad_db_close (the same id must always be given the same sql). Returns it
 * reset, bindings cleared, or NULL with err set (DYAD_EDB). */
sqlite3_stmt *dyad_store_stmt(struct dyad_db *db, enum dyad_stmt_id id, const char *sql,
			      struct dyad_err *err);

/* Set meta row key to value (NULL allowed). Returns DYAD_OK or DYAD_EDB. */
int dyad_store_meta_set(struct dyad_db *db, const char *key, const char *value,
			struct dyad_err *err);
/* Value of meta row key, malloc()ed (caller frees), or NULL when absent. */
char *dyad_store_meta_get(struct dyad_db *db, const char *key);

/* The meta key naming the dictionary that coded the stored events. */
#define DYAD_META_EVENTS_DICT "events_dict"

#endif
