/* Timeline and article queries: entries that gather, per story (or per
 * original article when no stories are stored), the outlets, events, key
 * sentence and quotations. */
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "query_int.h"

/* Most events and quotations listed in one entry. */
#define ENTRY_EVENTS 12
#define ENTRY_QUOTES 5
#define STR_(x) #x
#define STR(x) STR_(x)

/* The per-entry statements, prepared once per query. ?1 is a JSON array of
 * the entry's article rowids. */
struct tl {
	struct q *q;
	sqlite3_stmt *outlets, *events, *sentence, *first, *quotes;
	struct qb evcond;  /* the event filter, on alias e */
	bool have_evcond;
};

static int prep(struct tl *t, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(t->q->db->h, sql, -1, st, NULL) != SQLITE_OK)
		return dyad_store_error(t->q->db, t->q->err, "preparing a timeline query");
	return DYAD_OK;
}

#define TEXT_OF(off, len) "CAST(substr(CAST(a.text AS BLOB), " off " + 1, " len ") AS TEXT)"

static int tl_prepare(struct tl *t)
{
	/* the events of the entry matching the filter, each (source, target,
	 * code) once, with its first sentence; the first value (the entry's
	 * article rowids as a JSON array) is bound again for each entry */
	struct qb b;
	qb_init(&b);
	qb_sql(&b, "SELECT e.source, e.target, e.code, e.goldstein, count(*) AS mentions, "
		   "min(e.rowid) AS first, e.article, e.sentence_index FROM events e "
		   "WHERE e.article IN (SELECT value FROM json_each(");
	qb_text(&b, "[]");
	qb_sql(&b, ")) AND e.negated = 0");
	qb_append(&b, &t->evcond);
	qb_sql(&b, " GROUP BY e.source, e.target, e.code ORDER BY first LIMIT " STR(ENTRY_EVENTS));
	t->events = qb_prepare(t->q, &b);
	qb_release(&b);
	if (!t->events)
		return t->q->err->rc ? t->q->err->rc : DYAD_EDB;
	int rc;
	if ((rc = prep(t, &t->outlets, "SELECT DISTINCT a.outlet FROM articles a WHERE a.rowid IN "
				       "(SELECT value FROM json_each(?1)) AND a.outlet IS NOT NULL "
				       "ORDER BY a.outlet")) ||
	    (rc = prep(t, &t->sentence, "SELECT " TEXT_OF("s.start", "s.length") " FROM sentences s "
					"JOIN articles a ON a.rowid = s.article WHERE s.article = ?1 "
					"AND s.idx = ?2")) ||
	    (rc = prep(t, &t->first, "SELECT " TEXT_OF("s.start", "s.length") " FROM sentences s "
				     "JOIN articles a ON a.rowid = s.article WHERE s.article = ?1 "
				     "ORDER BY s.idx LIMIT 1")))
		return rc;
	return prep(t, &t->quotes, "SELECT DISTINCT coalesce(q.speaker, q.speaker_text) AS speaker, "
		    TEXT_OF("q.byte_start", "q.byte_length") " AS quote, q.direct FROM quotes q "
		    "JOIN articles a ON a.rowid = q.article WHERE q.article IN (SELECT value "
		    "FROM json_each(?1)) ORDER BY q.direct DESC, q.article, q.start LIMIT "
		    STR(ENTRY_QUOTES));
}

static void tl_release(struct tl *t)
{
	sqlite3_finalize(t->outlets);
	sqlite3_finalize(t->events);
	sqlite3_finalize(t->sentence);
	sqlite3_finalize(t->first);
	sqlite3_finalize(t->quotes);
	qb_release(&t->evcond);
}

/* Step st (?1 bound to ids) into a new array of row objects. */
static json_t *rows_of(struct tl *t, sqlite3_stmt *st, const char *ids)
{
	json_t *a = json_array();
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, ids, -1, SQLITE_STATIC);
	while (a && sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_object();
		for (int i = 0; o && i < sqlite3_column_count(st); i++)
			if (json_object_set_new(o, sqlite3_column_name(st, i), q_col(st, i))) {
				json_decref(o);
				o = NULL;
			}
		if (!o || json_array_append_new(a, o)) {
			json_decref(a);
			a = NULL;
		}
	}
	sqlite3_reset(st);
	return a;
}

static json_t *text_of(sqlite3_stmt *st, sqlite3_int64 article, int idx)
{
	json_t *j = NULL;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, article);
	if (idx >= 0)
		sqlite3_bind_int(st, 2, idx);
	if (sqlite3_step(st) == SQLITE_ROW)
		j = q_col(st, 0);
	sqlite3_reset(st);
	return j ? j : json_null();
}

/* Fill entry row (with "_lead" rowid and "_ids" JSON array) with outlets,
 * events, sentence and quotes. */
static int tl_fill(struct tl *t, json_t *row, sqlite3_int64 lead, const char *ids)
{
	json_t *outlets = json_array(), *o = rows_of(t, t->outlets, ids);
	size_t i;
	json_t *v;
	json_array_foreach(o, i, v)
		json_array_append(outlets, json_object_get(v, "outlet"));
	json_decref(o);
	json_t *ev = rows_of(t, t->events, ids);
	json_t *sentence = NULL;
	json_array_foreach(ev, i, v) {
		const char *code = json_string_value(json_object_get(v, "code"));
		const struct dyad_cameo *c = code ? dyad_cameo_lookup(code) : NULL;
		json_object_set_new(v, "name", c ? json_string(c->name) : json_null());
		if (!sentence)
			sentence = text_of(t->sentence,
					   json_integer_value(json_object_get(v, "article")),
					   (int)json_integer_value(json_object_get(v, "sentence_index")));
		json_object_del(v, "first");
		json_object_del(v, "article");
		json_object_del(v, "sentence_index");
	}
	if (!sentence)
		sentence = text_of(t->first, lead, -1);
	json_t *quotes = rows_of(t, t->quotes, ids);
	if (!outlets || !ev || !quotes || json_object_set_new(row, "outlets", outlets) ||
	    json_object_set_new(row, "events", ev) || json_object_set_new(row, "sentence", sentence) ||
	    json_object_set_new(row, "quotes", quotes))
		return dyad_error(t->q->err, DYAD_ENOMEM, "out of memory");
	return DYAD_OK;
}

int dyad_query_timeline(struct q *q)
{
	static const char *const cols[] = {"date", "outlets", "articles", "title", "events",
					   "sentence", "quotes", "id", NULL};
	const char *dyad = q_get(q, "dyad"), *actor = q_get(q, "actor");
	const char *about = q_get(q, "about"), *text = q_get(q, "q"), *v;
	struct tl t = {.q = q};
	struct qb b;
	struct dyad_buf fts = DYAD_BUF_INIT;
	int rc;
	bool all = (v = q_get(q, "all")) && (!strcmp(v, "1") || !strcmp(v, "true"));
	if (v && strcmp(v, "0") && strcmp(v, "1") && strcmp(v, "true") && strcmp(v, "false"))
		return dyad_error(q->err, DYAD_EINVAL, "all: '%.64s' is not 0 or 1", v);
	if (!dyad && !actor && !about && !text)
		return dyad_error(q->err, DYAD_EINVAL,
				  "timeline: one of dyad, actor, about or q is needed");
	qb_init(&t.evcond);
	qb_init(&b);
	if ((dyad && (rc = q_cond_dyad(q, &t.evcond, "e.source", "e.target", dyad))))
		goto out;
	if (actor) {
		qb_sql(&t.evcond, " AND (1");
		if ((rc = q_cond_actor(q, &t.evcond, "e.source", "actor", actor)))
			goto out;
		qb_sql(&t.evcond, " OR 1");
		q_cond_actor(q, &t.evcond, "e.target", "actor", actor);
		qb_sql(&t.evcond, ")");
	}
	/* about and q are both text: both must match */
	if (about && text) {
		struct dyad_buf both = DYAD_BUF_INIT;
		dyad_buf_printf(&both, "%s %s", about, text);
		rc = q_fts(q, "about", both.data, &fts);
		dyad_buf_release(&both);
	} else if (about || text) {
		rc = q_fts(q, about ? "about" : "q", about ? about : text, &fts);
	} else {
		rc = DYAD_OK;
	}
	if (rc)
		goto out;
	/* the entries: matching articles (not copies) grouped by story */
	qb_sql(&b, "SELECT min(p) AS date, count(*) AS articles, r AS _lead, k AS _key "
		   "FROM (SELECT a.rowid AS r, a.published AS p, ");
	qb_sql(&b, q->folded ? "coalesce((SELECT sa.story * 2 FROM story_articles sa WHERE "
			       "sa.article = a.rowid), a.rowid * 2 + 1)"
			     : "a.rowid * 2 + 1");
	qb_sql(&b, " AS k FROM articles a WHERE 1");
	if (dyad || actor) {
		qb_sql(&b, " AND a.rowid IN (SELECT e.article FROM events e WHERE e.negated = 0");
		qb_append(&b, &t.evcond);
		qb_sql(&b, ")");
	}
	if (fts.len) {
		qb_sql(&b, " AND a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
		qb_text(&b, fts.data);
		qb_sql(&b, ")");
	}
	if ((rc = q_cond_dates(q, &b, "a.published")))
		goto out;
	if (q->folded && !all)
		qb_sql(&b, " AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.article = a.rowid)");
	qb_sql(&b, ") GROUP BY k ORDER BY min(p) IS NULL, min(p), min(r) LIMIT ");
	qb_int(&b, q->limit + 1);
	qb_sql(&b, " OFFSET ");
	qb_int(&b, q->offset);
	if ((rc = tl_prepare(&t)) || (rc = q_columns(q, cols)))
		goto out;
	sqlite3_stmt *st = qb_prepare(q, &b);
	if (!st) {
		rc = q->err->rc ? q->err->rc : DYAD_EDB;
		goto out;
	}
	/* entries' group: the story's articles, or the article and its copies */
	sqlite3_stmt *grp = NULL, *lead = NULL;
	if (sqlite3_prepare_v2(q->db->h,
			       "SELECT json_group_array(x) FROM (SELECT article AS x FROM "
			       "story_articles WHERE story = ?1 UNION SELECT ?2 UNION SELECT article "
			       "FROM copies WHERE original = ?2)", -1, &grp, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db->h, "SELECT a.title, a.id, s.first_date FROM articles a "
					 "LEFT JOIN stories s ON s.rowid = ?2 WHERE a.rowid = ?1",
			       -1, &lead, NULL) != SQLITE_OK) {
		rc = dyad_store_error(q->db, q->err, "preparing a timeline query");
		goto out_st;
	}
	int n = 0, step;
	bool more = false;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (n >= q->limit) {
			more = true;
			break;
		}
		sqlite3_int64 r = sqlite3_column_int64(st, 2), k = sqlite3_column_int64(st, 3);
		json_t *row = json_object();
		if (!row || json_array_append_new(q->rows, row)) {
			rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
			goto out_st;
		}
		n++;
		sqlite3_reset(grp);
		sqlite3_bind_int64(grp, 1, k % 2 == 0 ? k / 2 : -1);
		sqlite3_bind_int64(grp, 2, r);
		if (sqlite3_step(grp) != SQLITE_ROW) {
			rc = q_step_error(q, "reading a story");
			goto out_st;
		}
		sqlite3_reset(lead);
		sqlite3_bind_int64(lead, 1, r);
		sqlite3_bind_int64(lead, 2, k % 2 == 0 ? k / 2 : -1);
		json_t *title = json_null(), *id = json_null(), *date = q_col(st, 0);
		if (sqlite3_step(lead) == SQLITE_ROW) {
			json_decref(title);
			json_decref(id);
			title = q_col(lead, 0);
			id = q_col(lead, 1);
			if (sqlite3_column_type(lead, 2) != SQLITE_NULL) {
				json_decref(date);
				date = q_col(lead, 2);
			}
		}
		/* an entry counts its story's articles, copies included */
		json_t *ids = json_loads((const char *)sqlite3_column_text(grp, 0), 0, NULL);
		json_object_set_new(row, "date", date);
		json_object_set_new(row, "articles", json_integer((json_int_t)json_array_size(ids)));
		json_object_set_new(row, "title", title);
		json_object_set_new(row, "id", id);
		json_decref(ids);
		if ((rc = tl_fill(&t, row, r, (const char *)sqlite3_column_text(grp, 0))))
			goto out_st;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = q_step_error(q, "running the timeline query");
	else
		rc = q_set(q, "more", json_boolean(more));
out_st:
	sqlite3_finalize(grp);
	sqlite3_finalize(lead);
	sqlite3_finalize(st);
out:
	tl_release(&t);
	qb_release(&b);
	dyad_buf_release(&fts);
	return rc;
}

int dyad_query_article(struct q *q)
{
	static const char *const cols[] = {"id", "published", "outlet", "title", "url", "byline",
					   "text", "events", "quotes", "copy_of", "story", NULL};
	/* beyond the columns shown: date_source, date_confidence, dateline,
	 * lang, and the sentences' byte ranges (for highlighting) */
	const char *v = q_get(q, "id");
	if (!v)
		return dyad_error(q->err, DYAD_EINVAL, "article: id is needed");
	size_t n = strlen(v);
	bool hex = n == 16, dig = n > 0 && n <= 18;
	for (size_t i = 0; i < n; i++) {
		hex = hex && strchr("0123456789abcdefABCDEF", v[i]);
		dig = dig && v[i] >= '0' && v[i] <= '9';
	}
	if (!hex && !dig)
		return dyad_error(q->err, DYAD_EINVAL,
				  "id: '%.64s' is not an article id (16 hex digits) or number", v);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(q->db->h,
			       "SELECT a.rowid AS _r, a.id, a.published, a.outlet, a.title, a.url, "
			       "a.byline, a.text, a.date_source, a.date_confidence, a.dateline, "
			       "a.lang, (SELECT o.id FROM copies c JOIN articles o ON "
			       "o.rowid = c.original WHERE c.article = a.rowid) AS copy_of, "
			       "(SELECT story FROM story_articles WHERE article = a.rowid) AS story "
			       "FROM articles a WHERE a.id = ?1 OR a.rowid = ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(q->db, q->err, "preparing the article query");
	sqlite3_bind_text(st, 1, hex ? v : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, dig ? strtoll(v, NULL, 10) : -1);
	int rc = q_columns(q, cols);
	if (!rc && sqlite3_step(st) == SQLITE_ROW) {
		json_t *row = json_object();
		for (int i = 1; row && i < sqlite3_column_count(st); i++)
			json_object_set_new(row, sqlite3_column_name(st, i), q_col(st, i));
		sqlite3_int64 r = sqlite3_column_int64(st, 0);
		sqlite3_stmt *ev = NULL, *qu = NULL, *se = NULL;
		struct tl t = {.q = q};
		char ids[32];
		snprintf(ids, sizeof ids, "[%lld]", (long long)r);
		if (sqlite3_prepare_v2(q->db->h,
				       "SELECT e.sentence_index, e.date, e.source, e.source_text, e.code, "
				       "e.target, e.target_text, e.goldstein, e.quad, e.negated FROM "
				       "events e WHERE e.article IN (SELECT value FROM json_each(?1)) "
				       "ORDER BY e.sentence_index, e.rowid", -1, &ev, NULL) == SQLITE_OK &&
		    sqlite3_prepare_v2(q->db->h,
				       "SELECT q.sentence_index, coalesce(q.speaker, q.speaker_text) AS "
				       "speaker, q.speaker_role AS role, q.speaker_actor AS actor, "
				       "CAST(substr(CAST(a.text AS BLOB), q.byte_start + 1, "
				       "q.byte_length) AS TEXT) AS quote, q.direct, q.verb, q.speaker_text, "
				       "q.byte_start, q.byte_length FROM quotes q "
				       "JOIN articles a ON a.rowid = q.article WHERE q.article IN "
				       "(SELECT value FROM json_each(?1)) ORDER BY q.start", -1, &qu,
				       NULL) == SQLITE_OK &&
		    sqlite3_prepare_v2(q->db->h,
				       "SELECT idx, start, length FROM sentences WHERE article IN "
				       "(SELECT value FROM json_each(?1)) ORDER BY idx", -1, &se,
				       NULL) == SQLITE_OK) {
			json_t *e = rows_of(&t, ev, ids), *x;
			size_t i;
			json_array_foreach(e, i, x) {
				const char *code = json_string_value(json_object_get(x, "code"));
				const struct dyad_cameo *c = code ? dyad_cameo_lookup(code) : NULL;
				json_object_set_new(x, "name", c ? json_string(c->name) : json_null());
			}
			json_object_set_new(row, "events", e ? e : json_array());
			json_t *qq = rows_of(&t, qu, ids);
			json_object_set_new(row, "quotes", qq ? qq : json_array());
			json_t *ss = rows_of(&t, se, ids);
			json_object_set_new(row, "sentences", ss ? ss : json_array());
		} else {
			rc = dyad_store_error(q->db, q->err, "preparing the article query");
		}
		sqlite3_finalize(ev);
		sqlite3_finalize(qu);
		sqlite3_finalize(se);
		if (!row || json_array_append_new(q->rows, row))
			rc = rc ? rc : dyad_error(q->err, DYAD_ENOMEM, "out of memory");
	}
	sqlite3_finalize(st);
	if (!rc && json_array_size(q->rows) == 0)
		rc = dyad_error(q->err, DYAD_EINVAL, "id: no article '%.64s'", v);
	return rc ? rc : q_set(q, "more", json_false());
}
