/* Event coding around the coder: the dictionary of an ingest or a recode,
 * coding an article's sentences in order, events as JSON, and recode (all
 * stored events coded again from the stored sentences). */
#include "events.h"

#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "dict_builtin.h"
#include "quote.h"
#include "store.h"

#define RECODE_BATCH 256 /* articles per transaction */

int dyad_events_dict(struct dyad_dict *d, const char *path, struct dyad_err *err)
{
	dyad_dict_init(d);
	int rc = path ? dyad_dict_load(d, path, err) : dyad_dict_load_builtin(d, err);
	if (rc)
		dyad_dict_release(d);
	return rc;
}

void dyad_events_diags(const struct dyad_dict *d, dyad_diag_fn *fn, void *ud)
{
	if (!fn)
		return;
	const struct dyad_dict_diag *dg = d->diags.a;
	char msg[1024];
	for (size_t i = 0; i < d->diags.n; i++) {
		snprintf(msg, sizeof msg, "%s:%u: %s", dg[i].file ? dg[i].file : "?",
			 (unsigned)dg[i].line, dg[i].msg ? dg[i].msg : "");
		fn(ud, DYAD_OK, msg);
	}
	if (d->ndiag_dropped) {
		snprintf(msg, sizeof msg, "dictionary: %zu more problems not shown", d->ndiag_dropped);
		fn(ud, DYAD_OK, msg);
	}
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int32_t dyad_events_ymd(const char *iso)
{
	if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return 0;
	int y = digits(iso, 4), m = digits(iso + 5, 2), d = digits(iso + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	return y * 10000 + m * 100 + d;
}

int dyad_events_code(struct dyad_coder *c, const char *text, const struct dyad_sentence *sent,
		     size_t n, int32_t date, const struct dyad_people *people,
		     struct dyad_events *out, struct dyad_err *err)
{
	dyad_coder_article(c, date);
	for (size_t i = 0; people && i < people->n; i++) {
		const struct dyad_person *p = &people->p[i];
		/* a bad code from a dictionary is no reason to lose the article */
		if (p->actor[0] && p->kind == 0 &&
		    dyad_coder_person(c, p->name, strlen(p->name), p->actor) == DYAD_ENOMEM)
			return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		int rc = dyad_coder_sentence(c, text + sent[i].off, sent[i].len, (uint32_t)i, out, err);
		if (rc)
			return rc;
	}
	return DYAD_OK;
}

static json_t *span_json(const char *s, size_t slen, uint32_t off, uint32_t len)
{
	if (len == 0 || off > slen || len > slen - off)
		return json_null();
	return json_stringn(s + off, len);
}

json_t *dyad_event_json(const struct dyad_event *e, const char *s, size_t slen)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	const struct dyad_cameo *c = dyad_cameo_lookup(e->code);
	char date[16], root[3] = {0};
	if (e->date > 0)
		snprintf(date, sizeof date, "%04d-%02d-%02d", (int)(e->date / 10000),
			 (int)(e->date / 100 % 100), (int)(e->date % 100));
	if (e->code[0] && e->code[1])
		memcpy(root, e->code, 2);
	json_object_set_new(o, "sentence_index", json_integer(e->sentence));
	json_object_set_new(o, "sentence", json_stringn(s, slen));
	json_object_set_new(o, "date", e->date > 0 ? json_string(date) : json_null());
	json_object_set_new(o, "source", json_string(e->source));
	json_object_set_new(o, "source_text", span_json(s, slen, e->src_off, e->src_len));
	json_object_set_new(o, "target", json_string(e->target));
	json_object_set_new(o, "target_text", span_json(s, slen, e->tgt_off, e->tgt_len));
	json_object_set_new(o, "code", json_string(e->code));
	json_object_set_new(o, "root", json_string(root));
	json_object_set_new(o, "quad", json_integer(dyad_cameo_quad(e->code)));
	json_object_set_new(o, "goldstein", c ? json_real(c->goldstein) : json_null());
	json_object_set_new(o, "negated", json_integer(e->negated));
	json_object_set_new(o, "verb_text", span_json(s, slen, e->verb_off, e->verb_len));
	json_object_set_new(o, "issues", e->issues[0] ? json_string(e->issues) : json_null());
	json_object_set_new(o, "location", e->location[0] ? json_string(e->location) : json_null());
	return o;
}

/* ---- recode ------------------------------------------------------------- */

struct recode {
	struct dyad_db *db;
	const struct dyad_dict *dict;
	struct dyad_coder *coder;
	struct dyad_recode_stats *st;
	sqlite3_stmt *articles, *sentences;
	sqlite3_stmt *del[3];  /* the events, people and quotes of an article */
	struct dyad_sentence *sent;
	size_t cap;
	struct dyad_events ev;
	struct dyad_people people;
	struct dyad_quotes quotes;
};

/* Read the sentences of article row into r->sent; *n their count. */
static int read_sentences(struct recode *r, sqlite3_int64 row, size_t *n, struct dyad_err *err)
{
	sqlite3_stmt *st = r->sentences;
	sqlite3_bind_int64(st, 1, row);
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 256;
			struct dyad_sentence *p = realloc(r->sent, cap * sizeof *p);
			if (!p) {
				sqlite3_reset(st);
				return dyad_error(err, DYAD_ENOMEM, "out of memory");
			}
			r->sent = p;
			r->cap = cap;
		}
		r->sent[*n] = (struct dyad_sentence){
			.off = (uint32_t)sqlite3_column_int64(st, 0),
			.len = (uint32_t)sqlite3_column_int64(st, 1),
			.paragraph = (uint32_t)sqlite3_column_int64(st, 2),
		};
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DYAD_OK : dyad_store_error(r->db, err, "reading sentences");
}

/* Code one article again: its old events, people and quotations go (the
 * people's actor codes come from the dictionary, and the quotations'
 * speakers from the people), the new ones are stored. */
static int recode_article(struct recode *r, sqlite3_int64 row, const char *published,
			  const char *text, size_t tlen, struct dyad_err *err)
{
	size_t n;
	int rc = read_sentences(r, row, &n, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)  /* a corrupt row must not send the coder past the text */
		if (r->sent[i].off > tlen || r->sent[i].len > tlen - r->sent[i].off)
			return dyad_error(err, DYAD_EDB, "%s: article %lld: sentence %zu is "
					  "outside the text", r->db->path, (long long)row, i);
	for (int i = 0; i < 3; i++) {
		sqlite3_bind_int64(r->del[i], 1, row);
		rc = sqlite3_step(r->del[i]);
		sqlite3_reset(r->del[i]);
		if (rc != SQLITE_DONE)
			return dyad_store_error(r->db, err, "deleting events");
		if (i == 0)
			r->st->removed += (uint64_t)sqlite3_changes(r->db->h);
	}
	r->ev.n = 0;
	dyad_people_release(&r->people);  /* the finders overwrite what they are given */
	dyad_quotes_release(&r->quotes);
	int32_t ymd = dyad_events_ymd(published);
	if ((rc = dyad_people_find_at(text, r->sent, n, r->dict, ymd, &r->people, err)) ||
	    (rc = dyad_events_code(r->coder, text, r->sent, n, ymd, &r->people, &r->ev, err)) ||
	    (rc = dyad_quotes_find(text, r->sent, n, &r->people, &r->quotes, err)) ||
	    (rc = dyad_store_events(r->db, row, text, r->sent, n, &r->ev, err)) ||
	    (rc = dyad_store_people(r->db, row, text, &r->people, err)) ||
	    (rc = dyad_store_quotes(r->db, row, text, &r->quotes, err)))
		return rc;
	r->st->articles++;
	r->st->sentences += n;
	r->st->events += r->ev.n;
	for (size_t i = 0; i < r->ev.n; i++)
		r->st->negated += r->ev.ev[i].negated;
	return DYAD_OK;
}

/* One batch of articles after rowid *last, in one transaction; *done when
 * none was left. */
static int recode_batch(struct recode *r, sqlite3_int64 *last, bool *done, struct dyad_err *err)
{
	int rc = dyad_store_begin(r->db, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = r->articles;
	sqlite3_bind_int64(st, 1, *last);
	sqlite3_bind_int(st, 2, RECODE_BATCH);
	int step, n = 0;
	while (rc == DYAD_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 2);
		size_t tlen = (size_t)sqlite3_column_bytes(st, 2);
		rc = recode_article(r, *last, (const char *)sqlite3_column_text(st, 1),
				    text ? text : "", text ? tlen : 0, err);
		n++;
	}
	if (rc == DYAD_OK && step != SQLITE_DONE)
		rc = dyad_store_error(r->db, err, "reading articles");
	sqlite3_reset(st);
	if (rc == DYAD_OK)
		rc = dyad_store_commit(r->db, err);
	if (rc)
		dyad_store_rollback(r->db);
	*done = n == 0;
	return rc;
}

int dyad_recode(struct dyad_db *db, const char *dict, dyad_diag_fn *on_diag, void *ud,
		struct dyad_recode_stats *st, struct dyad_err *err)
{
	*st = (struct dyad_recode_stats){0};
	if (db->readonly)
		return dyad_error(err, DYAD_EINVAL, "%s: opened read-only", db->path);
	char *prev = dyad_store_meta_get(db, DYAD_META_EVENTS_DICT);
	if (prev) {
		snprintf(st->prev_dict, sizeof st->prev_dict, "%s", prev);
		free(prev);
	}
	struct dyad_dict d;
	int rc = dyad_events_dict(&d, dict, err);
	if (rc)
		return rc;
	dyad_events_diags(&d, on_diag, ud);
	struct recode r = {.db = db, .dict = &d, .st = st};
	if ((rc = dyad_coder_new(&d, &r.coder, err)))
		goto out;
	if (sqlite3_prepare_v2(db->h, "SELECT rowid, published, text FROM articles "
			       "WHERE rowid > ? ORDER BY rowid LIMIT ?", -1, &r.articles, NULL) ||
	    sqlite3_prepare_v2(db->h, "SELECT start, length, paragraph FROM sentences "
			       "WHERE article = ? ORDER BY idx", -1, &r.sentences, NULL) ||
	    sqlite3_prepare_v2(db->h, "DELETE FROM events WHERE article = ?", -1, &r.del[0], NULL) ||
	    sqlite3_prepare_v2(db->h, "DELETE FROM people WHERE article = ?", -1, &r.del[1], NULL) ||
	    sqlite3_prepare_v2(db->h, "DELETE FROM quotes WHERE article = ?", -1, &r.del[2], NULL)) {
		rc = dyad_store_error(db, err, "preparing a statement");
		goto out;
	}
	/* Events of articles deleted by hand are gone by the cascade; events
	 * with no article cannot exist, so batches by article cover all. */
	sqlite3_int64 last = 0;
	bool done = false;
	while (!rc && !done)
		rc = recode_batch(&r, &last, &done, err);
	if (!rc)
		rc = dyad_store_meta_set(db, DYAD_META_EVENTS_DICT, dict ? dict : "builtin", err);
out:
	sqlite3_finalize(r.articles);
	sqlite3_finalize(r.sentences);
	for (int i = 0; i < 3; i++)
		sqlite3_finalize(r.del[i]);
	free(r.sent);
	dyad_events_release(&r.ev);
	dyad_people_release(&r.people);
	dyad_quotes_release(&r.quotes);
	dyad_coder_free(r.coder);
	dyad_dict_release(&d);
	return rc;
}
