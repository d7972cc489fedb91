/* The SQLite store: opening, schema migrations, the article writer.
 * Schema documented in docs/schema.md; keep the two in step. */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "schema_dups.h"
#include "schema_quotes.h"

/* Each migration takes the schema from version i to i + 1, in one
 * transaction. Append only: a released migration never changes. */
static const char *const migrations[] = {
	/* 0 -> 1: articles, their sentences, full-text index */
	"CREATE TABLE articles (\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  path TEXT NOT NULL,\n"
	"  url TEXT,\n"
	"  title TEXT,\n"
	"  published TEXT,\n"
	"  date_confidence REAL NOT NULL DEFAULT 0,\n"
	"  date_source TEXT,\n"
	"  outlet TEXT,\n"
	"  byline TEXT,\n"
	"  dateline TEXT,\n"
	"  lang TEXT,\n"
	"  text TEXT NOT NULL,\n"
	"  paragraphs INTEGER NOT NULL,\n"
	"  sentences INTEGER NOT NULL,\n"
	"  ingested_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX articles_published ON articles(published);\n"
	"CREATE INDEX articles_url ON articles(url);\n"
	"CREATE INDEX articles_outlet ON articles(outlet);\n"
	"CREATE TABLE sentences (\n"
	"  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,\n"
	"  idx INTEGER NOT NULL,\n"
	"  paragraph INTEGER NOT NULL,\n"
	"  start INTEGER NOT NULL,\n"
	"  length INTEGER NOT NULL,\n"
	"  PRIMARY KEY (article, idx)\n"
	") WITHOUT ROWID;\n"
	/* The sentence's text is a byte range of the article's: kept once. */
	"CREATE VIEW sentence_text AS SELECT s.article, s.idx, s.paragraph, s.start, s.length,\n"
	"  CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.length) AS TEXT) AS text\n"
	"  FROM sentences s JOIN articles a ON a.rowid = s.article;\n"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',\n"
	"  content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN\n"
	"  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);\n"
	"END;\n"
	"CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN\n"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, text)\n"
	"    VALUES ('delete', old.rowid, old.title, old.text);\n"
	"END;\n"
	"CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN\n"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, text)\n"
	"    VALUES ('delete', old.rowid, old.title, old.text);\n"
	"  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);\n"
	"END;\n",
	/* 1 -> 2: coded events, and a key-value table saying which dictionary
	 * coded them */
	"CREATE TABLE events (\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,\n"
	"  sentence_index INTEGER NOT NULL,\n"
	"  date TEXT,\n"
	"  source TEXT NOT NULL,\n"
	"  source_text TEXT,\n"
	"  target TEXT NOT NULL,\n"
	"  target_text TEXT,\n"
	"  code TEXT NOT NULL,\n"
	"  root TEXT NOT NULL,\n"
	"  quad INTEGER NOT NULL,\n"
	"  goldstein REAL,\n"
	"  negated INTEGER NOT NULL DEFAULT 0,\n"
	"  verb_text TEXT,\n"
	"  issues TEXT,\n"
	"  location TEXT\n"
	");\n"
	"CREATE INDEX events_dyad ON events(source, target, date);\n"
	"CREATE INDEX events_code ON events(code);\n"
	"CREATE INDEX events_date ON events(date);\n"
	"CREATE INDEX events_article ON events(article);\n"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n",
	/* 2 -> 3: people and quotations; near-duplicate copies and stories;
	 * indexes for the queries: a covering dyad index (stats and events
	 * read no table rows) and one for a target alone */
	DYAD_SCHEMA_QUOTES_V3 DYAD_SCHEMA_DUPS_V3
	"DROP INDEX events_dyad;\n"
	"CREATE INDEX events_dyad_cover ON events(source, target, date, negated, code, quad,\n"
	"  goldstein, article);\n"
	"CREATE INDEX events_target ON events(target, source, date);\n"
	"CREATE INDEX quotes_person ON quotes(person);\n",
	/* 3 -> 4: new articles are indexed by the writer, one statement per
	 * transaction (index_new_articles), no longer by a trigger per row:
	 * FTS5 writes its pending terms out as a new segment at every
	 * statement savepoint, so the trigger made one segment per article and
	 * the merging of them was a tenth of the ingest's time. */
	"DROP TRIGGER articles_ai;\n",
};

_Static_assert(DYAD_ARRAY_LEN(migrations) == DYAD_SCHEMA_VERSION,
	       "one migration per schema version");

int dyad_store_error(struct dyad_db *db, struct dyad_err *err, const char *what)
{
	return dyad_error(err, DYAD_EDB, "%s: %s: %s", db->path, what,
			  db->h ? sqlite3_errmsg(db->h) : "cannot open");
}

int dyad_store_exec(struct dyad_db *db, const char *sql, struct dyad_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = dyad_error(err, DYAD_EDB, "%s: %s", db->path, msg ? msg : "error");
		sqlite3_free(msg);
		return rc;
	}
	return DYAD_OK;
}

int dyad_store_begin(struct dyad_db *db, struct dyad_err *err)
{
	return dyad_store_exec(db, "BEGIN IMMEDIATE", err);
}

/* Add the articles stored since db->fts_from to the full-text index in one
 * statement, so FTS5 writes one segment for all of them. */
static int index_new_articles(struct dyad_db *db, struct dyad_err *err)
{
	if (!db->fts_from)
		return DYAD_OK;
	sqlite3_stmt *st = db->index_articles;
	sqlite3_bind_int64(st, 1, db->fts_from);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return dyad_store_error(db, err, "indexing the new articles' text");
	db->fts_from = 0;
	return DYAD_OK;
}

int dyad_store_commit(struct dyad_db *db, struct dyad_err *err)
{
	int rc = index_new_articles(db, err);
	return rc ? rc : dyad_store_exec(db, "COMMIT", err);
}

void dyad_store_rollback(struct dyad_db *db)
{
	db->fts_from = 0;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static int user_version(struct dyad_db *db, int *v, struct dyad_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading the schema version");
	int rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DYAD_OK : dyad_store_error(db, err, "reading the schema version");
}

static int migrate(struct dyad_db *db, struct dyad_err *err)
{
	int v, rc;
	if ((rc = dyad_store_begin(db, err)))
		return rc;
	if ((rc = user_version(db, &v, err)))
		goto fail;
	if (v > DYAD_SCHEMA_VERSION) {
		rc = dyad_error(err, DYAD_EDB, "%s: schema version %d is newer than this dyad "
				"understands (%d): upgrade dyad", db->path, v, DYAD_SCHEMA_VERSION);
		goto fail;
	}
	for (; v < DYAD_SCHEMA_VERSION; v++) {
		char sql[64];
		if ((rc = dyad_store_exec(db, migrations[v], err)))
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if ((rc = dyad_store_exec(db, sql, err)))
			goto fail;
	}
	return dyad_store_commit(db, err);
fail:
	dyad_store_rollback(db);
	return rc;
}

static int prepare(struct dyad_db *db, const char *sql, sqlite3_stmt **st, struct dyad_err *err)
{
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "preparing a statement");
	return DYAD_OK;
}

int dyad_db_open(const char *path, int flags, struct dyad_db **out, struct dyad_err *err)
{
	struct dyad_db *db = calloc(1, sizeof *db);
	if (!db || !(db->path = dyad_strdup(path))) {
		free(db);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	db->readonly = flags & DYAD_DB_READONLY;
	int oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = DYAD_OK;
	if (sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = dyad_store_error(db, err, "cannot open the database");
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 10000);
	/* Reads map the file instead of copying each page (queries on a big
	 * database spent a fifth of their time in pread); address space only,
	 * the kernel shares the pages between connections. */
	sqlite3_exec(db->h, "PRAGMA mmap_size=1073741824", NULL, NULL, NULL);
	if (db->readonly) {
		int v;
		if ((rc = user_version(db, &v, err)))
			goto fail;
		if (v != DYAD_SCHEMA_VERSION) {
			rc = dyad_error(err, DYAD_EDB, "%s: not a dyad database of this version "
					"(schema %d, expected %d)", path, v, DYAD_SCHEMA_VERSION);
			goto fail;
		}
	} else {
		/* WAL: readers (serve, export) go on while ingest writes, and a
		 * killed writer leaves the last committed state. NORMAL sync is
		 * safe against process crashes, the case that matters for batch
		 * runs; a power loss can cost the last transactions, never
		 * consistency. */
		/* A larger page cache and rarer checkpoints: the writer of a big
		 * ingest spends its time in SQLite, mostly on FTS5 index pages. */
		if ((rc = dyad_store_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
					  "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
					  "PRAGMA wal_autocheckpoint=8192; PRAGMA temp_store=MEMORY;",
					  err)) ||
		    (rc = migrate(db, err)) ||
		    (rc = prepare(db, "INSERT INTO articles(id, path, url, title, published, "
				  "date_confidence, date_source, outlet, byline, dateline, lang, text, "
				  "paragraphs, sentences, ingested_at) VALUES "
				  "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
				  &db->put_article, err)) ||
		    (rc = prepare(db, "INSERT INTO sentences(article, idx, paragraph, start, length) "
				  "VALUES (?,?,?,?,?)", &db->put_sentence, err)) ||
		    (rc = prepare(db, "INSERT INTO events(article, sentence_index, date, source, "
				  "source_text, target, target_text, code, root, quad, goldstein, negated, "
				  "verb_text, issues, location) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				  &db->put_event, err)) ||
		    (rc = prepare(db, "INSERT INTO articles_fts(rowid, title, text) "
				  "SELECT rowid, title, text FROM articles WHERE rowid >= ?",
				  &db->index_articles, err)))
			goto fail;
	}
	*out = db;
	return DYAD_OK;
fail:
	dyad_db_close(db);
	return rc;
}

void dyad_db_close(struct dyad_db *db)
{
	if (!db)
		return;
	sqlite3_finalize(db->put_article);
	sqlite3_finalize(db->put_sentence);
	sqlite3_finalize(db->has_article);
	sqlite3_finalize(db->put_event);
	sqlite3_finalize(db->index_articles);
	for (int i = 0; i < DYAD_STMT_MAX; i++)
		sqlite3_finalize(db->cached[i]);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

sqlite3_stmt *dyad_store_stmt(struct dyad_db *db, enum dyad_stmt_id id, const char *sql,
			      struct dyad_err *err)
{
	sqlite3_stmt *st = db->cached[id];
	if (!st) {
		if (prepare(db, sql, &db->cached[id], err))
			return NULL;
		return db->cached[id];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int dyad_store_put(struct dyad_db *db, const struct dyad_doc *doc, bool *stored, struct dyad_err *err)
{
	const struct dyad_article *a = &doc->a;
	sqlite3_stmt *st = db->put_article;
	bind_text(st, 1, a->id);
	bind_text(st, 2, a->path);
	bind_text(st, 3, a->url);
	bind_text(st, 4, a->title);
	bind_text(st, 5, a->published);
	sqlite3_bind_double(st, 6, a->date_confidence);
	bind_text(st, 7, a->date_source);
	bind_text(st, 8, a->outlet);
	bind_text(st, 9, a->byline);
	bind_text(st, 10, a->dateline);
	bind_text(st, 11, a->lang);
	bind_text(st, 12, a->text);
	sqlite3_bind_int(st, 13, a->paragraphs);
	sqlite3_bind_int(st, 14, a->sentences);
	bind_text(st, 15, a->ingested_at);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return dyad_store_error(db, err, "storing an article");
	*stored = sqlite3_changes(db->h) > 0;
	if (!*stored)
		return DYAD_OK;
	sqlite3_int64 row = sqlite3_last_insert_rowid(db->h);
	db->last_article = row;
	/* one writer: the rowids stored in a transaction are the highest */
	if (!db->fts_from)
		db->fts_from = row;
	if (sqlite3_get_autocommit(db->h) && (rc = index_new_articles(db, err)))
		return rc;
	st = db->put_sentence;
	for (int i = 0; i < a->sentences; i++) {
		const struct dyad_sentence *s = &doc->sent[i];
		sqlite3_bind_int64(st, 1, row);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_int(st, 3, (int)s->paragraph);
		sqlite3_bind_int(st, 4, (int)s->off);
		sqlite3_bind_int(st, 5, (int)s->len);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return dyad_store_error(db, err, "storing a sentence");
	}
	return dyad_store_events(db, row, a->text, doc->sent, (size_t)a->sentences, &doc->events,
				 err);
}

/* Bind s[off..off+len) of a sentence, NULL when empty or out of range. */
static void bind_span(sqlite3_stmt *st, int i, const char *s, uint32_t slen, uint32_t off,
		      uint32_t len)
{
	if (len == 0 || off > slen || len > slen - off)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s + off, (int)len, SQLITE_STATIC);
}

int dyad_store_events(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_sentence *sent, size_t nsent, const struct dyad_events *ev,
		      struct dyad_err *err)
{
	sqlite3_stmt *st = db->put_event;
	for (size_t i = 0; i < ev->n; i++) {
		const struct dyad_event *e = &ev->ev[i];
		if (e->sentence >= nsent)
			continue;  /* cannot happen with the coder's indexes; never trust it blindly */
		const char *s = text + sent[e->sentence].off;
		uint32_t slen = sent[e->sentence].len;
		char date[16];
		const struct dyad_cameo *c = dyad_cameo_lookup(e->code);
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int(st, 2, (int)e->sentence);
		if (e->date > 0) {
			snprintf(date, sizeof date, "%04d-%02d-%02d", (int)(e->date / 10000),
				 (int)(e->date / 100 % 100), (int)(e->date % 100));
			sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
		} else {
			sqlite3_bind_null(st, 3);
		}
		sqlite3_bind_text(st, 4, e->source, -1, SQLITE_STATIC);
		bind_span(st, 5, s, slen, e->src_off, e->src_len);
		sqlite3_bind_text(st, 6, e->target, -1, SQLITE_STATIC);
		bind_span(st, 7, s, slen, e->tgt_off, e->tgt_len);
		sqlite3_bind_text(st, 8, e->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, e->code, e->code[0] && e->code[1] ? 2 : 0, SQLITE_STATIC);
		sqlite3_bind_int(st, 10, dyad_cameo_quad(e->code));
		if (c)
			sqlite3_bind_double(st, 11, c->goldstein);
		else
			sqlite3_bind_null(st, 11);
		sqlite3_bind_int(st, 12, e->negated);
		bind_span(st, 13, s, slen, e->verb_off, e->verb_len);
		if (e->issues[0])
			sqlite3_bind_text(st, 14, e->issues, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 14);
		if (e->location[0])
			sqlite3_bind_text(st, 15, e->location, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 15);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc != SQLITE_DONE)
			return dyad_store_error(db, err, "storing an event");
	}
	return DYAD_OK;
}

int dyad_store_meta_set(struct dyad_db *db, const char *key, const char *value,
			struct dyad_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", -1,
			       &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "writing meta");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	bind_text(st, 2, value);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DYAD_OK : dyad_store_error(db, err, "writing meta");
}

char *dyad_store_meta_get(struct dyad_db *db, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = dyad_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}
