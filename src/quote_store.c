/* Writes an article's people and quotations rows (tables of
 * schema_quotes.h) inside the caller's transaction. Offsets go out both as
 * Unicode code points (start/end, as Python's text[start:end]) and bytes. */
#include <stdlib.h>
#include <string.h>

#include "quote.h"

/* Code-point position of byte offset target in text, walking on from the
 * cursor (*b bytes = *cp code points) so that increasing targets cost one
 * pass over the text; a target behind the cursor restarts from 0. */
static sqlite3_int64 cp_at(const char *text, size_t *b, sqlite3_int64 *cp, size_t target)
{
	if (target < *b) {
		*b = 0;
		*cp = 0;
	}
	while (*b < target && text[*b]) {
		if (((unsigned char)text[*b] & 0xC0) != 0x80)
			(*cp)++;
		(*b)++;
	}
	return *cp;
}

static int bind_text(sqlite3_stmt *st, int col, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, col);
	return sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

#define SQL_PUT_PERSON \
	"INSERT INTO people(article, idx, name, name_key, title, role, nationality, actor, " \
	"gender, mentions, first_start) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"

int dyad_store_people(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_people *p, struct dyad_err *err)
{
	if (!p || !p->n)
		return DYAD_OK;
	size_t b = 0;
	sqlite3_int64 cp = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct dyad_person *x = &p->p[i];
		sqlite3_stmt *st = dyad_store_stmt(db, DYAD_STMT_PUT_PERSON, SQL_PUT_PERSON, err);
		if (!st)
			return DYAD_EDB;
		char *key = dyad_people_name_key(x->name);
		if (!key)
			return dyad_error(err, DYAD_ENOMEM, "people: out of memory");
		char gender[2] = {x->gender, 0};
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, x->name);
		sqlite3_bind_text(st, 4, key, -1, SQLITE_STATIC);
		bind_text(st, 5, x->title);
		bind_text(st, 6, x->role);
		bind_text(st, 7, x->nationality);
		bind_text(st, 8, x->actor);
		bind_text(st, 9, gender);
		sqlite3_bind_int64(st, 10, x->mentions);
		sqlite3_bind_int64(st, 11, cp_at(text, &b, &cp, x->first_off));
		int rc = sqlite3_step(st);
		free(key);
		if (rc != SQLITE_DONE)
			return dyad_store_error(db, err, "cannot store a person");
	}
	return DYAD_OK;
}

#define SQL_PUT_QUOTE \
	"INSERT INTO quotes(article, sentence_index, start, end, byte_start, byte_length, " \
	"direct, speaker, speaker_text, speaker_role, speaker_actor, person, verb) " \
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"

int dyad_store_quotes(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_quotes *q, struct dyad_err *err)
{
	if (!q || !q->n)
		return DYAD_OK;
	size_t b = 0;
	sqlite3_int64 cp = 0;
	for (size_t i = 0; i < q->n; i++) {
		const struct dyad_quote *x = &q->q[i];
		sqlite3_stmt *st = dyad_store_stmt(db, DYAD_STMT_PUT_QUOTE, SQL_PUT_QUOTE, err);
		if (!st)
			return DYAD_EDB;
		sqlite3_int64 start = cp_at(text, &b, &cp, x->off);
		sqlite3_int64 end = cp_at(text, &b, &cp, (size_t)x->off + x->len);
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, x->sentence);
		sqlite3_bind_int64(st, 3, start);
		sqlite3_bind_int64(st, 4, end);
		sqlite3_bind_int64(st, 5, x->off);
		sqlite3_bind_int64(st, 6, x->len);
		sqlite3_bind_int(st, 7, x->direct);
		bind_text(st, 8, x->speaker);
		if (x->spk_len)
			sqlite3_bind_text(st, 9, text + x->spk_off, (int)x->spk_len, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 9);
		bind_text(st, 10, x->role);
		bind_text(st, 11, x->actor);
		if (x->person >= 0)
			sqlite3_bind_int64(st, 12, x->person);
		else
			sqlite3_bind_null(st, 12);
		bind_text(st, 13, x->verb);
		if (sqlite3_step(st) != SQLITE_DONE)
			return dyad_store_error(db, err, "cannot store a quotation");
	}
	return DYAD_OK;
}
