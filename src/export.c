/* Export of stored tables as JSON Lines or CSV, and a database summary. */
#include <jansson.h>
#include <string.h>

#include "store.h"

/* A table as exported: its query, and for each column the field name. */
struct table {
	const char *name;
	const char *sql;
};

static const struct table tables[] = {
	{"articles",
	 "SELECT id, path, url, title, published, date_confidence, date_source, outlet, "
	 "byline, dateline, lang, text, paragraphs, sentences, ingested_at "
	 "FROM articles ORDER BY rowid"},
	{"sentences",
	 "SELECT a.id AS article_id, s.idx AS sentence_index, s.paragraph, s.start, "
	 "s.length, s.text FROM sentence_text s JOIN articles a ON a.rowid = s.article "
	 "ORDER BY s.article, s.idx"},
};

static void csv_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static json_t *column_json(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT: return json_real(sqlite3_column_double(st, i));
	case SQLITE_NULL: return json_null();
	default:
		return json_stringn((const char *)sqlite3_column_text(st, i),
				    (size_t)sqlite3_column_bytes(st, i));
	}
}

static void write_row(sqlite3_stmt *st, enum dyad_format format, FILE *out)
{
	int n = sqlite3_column_count(st);
	if (format == DYAD_FORMAT_CSV) {
		for (int i = 0; i < n; i++) {
			if (i)
				fputc(',', out);
			if (sqlite3_column_type(st, i) == SQLITE_FLOAT)
				fprintf(out, "%.3g", sqlite3_column_double(st, i));
			else if (sqlite3_column_type(st, i) != SQLITE_NULL)
				csv_field(out, (const char *)sqlite3_column_text(st, i));
		}
		fputs("\r\n", out);
		return;
	}
	json_t *o = json_object();
	for (int i = 0; i < n; i++)
		json_object_set_new(o, sqlite3_column_name(st, i), column_json(st, i));
	json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(4));
	fputc('\n', out);
	json_decref(o);
}

int dyad_export(struct dyad_db *db, const char *table, enum dyad_format format, FILE *out,
		struct dyad_err *err)
{
	const struct table *t = NULL;
	for (size_t i = 0; i < DYAD_ARRAY_LEN(tables); i++)
		if (strcmp(tables[i].name, table) == 0)
			t = &tables[i];
	if (!t)
		return dyad_error(err, DYAD_EINVAL, "unknown table '%s' (articles, sentences)", table);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, t->sql, -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	if (format == DYAD_FORMAT_CSV) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			fprintf(out, "%s%s", i ? "," : "", sqlite3_column_name(st, i));
		fputs("\r\n", out);
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		write_row(st, format, out);
		if (ferror(out))
			break;
	}
	int result = DYAD_OK;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		result = dyad_store_error(db, err, "reading");
	else if (ferror(out))
		result = dyad_error(err, DYAD_EIO, "cannot write the output");
	sqlite3_finalize(st);
	return result;
}

/* Print the rows of a two-column query as "  label  count" lines. */
static int print_counts(struct dyad_db *db, FILE *out, const char *title, const char *sql,
			struct dyad_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	fprintf(out, "%s\n", title);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(st, 0);
		fprintf(out, "  %-32s %lld\n", label ? label : "(unknown)",
			(long long)sqlite3_column_int64(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DYAD_OK : dyad_store_error(db, err, "reading");
}

int dyad_db_summary(struct dyad_db *db, FILE *out, struct dyad_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h,
			       "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), "
			       "(SELECT count(*) FROM articles WHERE published IS NOT NULL), "
			       "(SELECT min(published) FROM articles), (SELECT max(published) FROM articles), "
			       "(SELECT count(DISTINCT outlet) FROM articles)",
			       -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(db, err, "reading");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return dyad_store_error(db, err, "reading");
	}
	const char *from = (const char *)sqlite3_column_text(st, 3);
	const char *to = (const char *)sqlite3_column_text(st, 4);
	fprintf(out, "%s: %lld articles, %lld sentences, %lld outlets\n", db->path,
		(long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1),
		(long long)sqlite3_column_int64(st, 5));
	fprintf(out, "dated: %lld articles, from %s to %s\n", (long long)sqlite3_column_int64(st, 2),
		from ? from : "-", to ? to : "-");
	sqlite3_finalize(st);
	int rc = print_counts(db, out, "by year:",
			      "SELECT substr(published, 1, 4) y, count(*) FROM articles "
			      "GROUP BY y ORDER BY y", err);
	if (!rc)
		rc = print_counts(db, out, "by outlet:",
				  "SELECT outlet, count(*) c FROM articles GROUP BY outlet "
				  "ORDER BY c DESC, outlet LIMIT 20", err);
	if (!rc)
		rc = print_counts(db, out, "date source:",
				  "SELECT date_source, count(*) c FROM articles GROUP BY date_source "
				  "ORDER BY c DESC", err);
	if (!rc)
		rc = print_counts(db, out, "language:",
				  "SELECT lang, count(*) c FROM articles GROUP BY lang ORDER BY c DESC", err);
	return rc;
}
