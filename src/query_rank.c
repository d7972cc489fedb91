/* Search ranking: FTS5's BM25 (title weighted) without a length lookup for
 * every match of a common word: the best few by a bound from the positions
 * get their exact score (docs/query.md, "Ranking"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dyad_int.h"
#include "query_int.h"

#define RANK_K1 1.2
#define RANK_B 0.75
#define RANK_MAX_PHRASES 32  /* q_fts() allows 32 terms */
#define RANK_MAX_COLS 8

/* Column weights (title, text): as bm25(articles_fts, 2.0, 1.0). */
static const double col_weight[] = {2.0, 1.0};

/* Shared by q_rank() and the auxiliary function for one query. */
struct rank_state {
	bool ready;                        /* idf and avgdl computed */
	bool exact;                        /* few matches: exact scores for all */
	bool again;                        /* run again with the lengths */
	int k;                             /* matches wanted */
	int exact_max;                     /* see Q_RANK_EXACT_MAX */
	int nphrase;
	double idf[RANK_MAX_PHRASES];
	double avgdl;
	sqlite3_int64 matches;             /* rows seen (passing the filters) */
	double rejected;                   /* best bound left out of the pool */
	int cap, n, alloc;                 /* the pool: a min-heap on (bound, -rowid) */
	struct pool_ent {
		double bound;
		sqlite3_int64 rowid;
		int slot;                  /* its frequencies: freq + slot * nphrase */
	} *pool;
	double *freq;
	int rc;                            /* first failure in the function */
};

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)user)++;
	return SQLITE_OK;
}

/* idf and avgdl exactly as FTS5's bm25() computes them (fts5_aux.c). */
static int rank_prepare(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_state *s)
{
	sqlite3_int64 nrow = 0, ntok = 0;
	int rc;
	s->nphrase = api->xPhraseCount(fts);
	if (s->nphrase > RANK_MAX_PHRASES || api->xColumnCount(fts) > RANK_MAX_COLS)
		return SQLITE_RANGE;
	if ((rc = api->xRowCount(fts, &nrow)) || (rc = api->xColumnTotalSize(fts, -1, &ntok)))
		return rc;
	s->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	if (s->avgdl <= 0)
		s->avgdl = 1.0;
	sqlite3_int64 fewest = nrow;
	for (int i = 0; i < s->nphrase; i++) {
		sqlite3_int64 hit = 0;
		if ((rc = api->xQueryPhrase(fts, i, &hit, count_cb)))
			return rc;
		if (hit < fewest)
			fewest = hit;
		double idf = log(((double)nrow - (double)hit + 0.5) / ((double)hit + 0.5));
		s->idf[i] = idf <= 0 ? 1e-6 : idf;
	}
	/* every match holds every phrase: the rarest one bounds their number */
	if (fewest <= s->exact_max) {
		s->exact = true;
		s->cap = s->k;
	}
	s->ready = true;
	return SQLITE_OK;
}

static double bm25(const struct rank_state *s, const double *freq, double len)
{
	double score = 0, norm = RANK_K1 * (1 - RANK_B + RANK_B * len / s->avgdl);
	for (int i = 0; i < s->nphrase; i++)
		score += s->idf[i] * freq[i] * (RANK_K1 + 1) / (freq[i] + norm);
	return score;
}

/* a ranks below b: lower bound, or equal bound and later row */
static bool ent_less(const struct pool_ent *a, const struct pool_ent *b)
{
	return a->bound < b->bound || (a->bound == b->bound && a->rowid > b->rowid);
}

static void sift_down(struct pool_ent *h, int n, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && ent_less(&h[l], &h[m]))
			m = l;
		if (r < n && ent_less(&h[r], &h[m]))
			m = r;
		if (m == i)
			return;
		struct pool_ent t = h[m];
		h[m] = h[i];
		h[i] = t;
		i = m;
	}
}

/* Keep e (frequencies freq) in the pool if it is among the best. Returns
 * SQLITE_OK or SQLITE_NOMEM. */
static int pool_add(struct rank_state *s, struct pool_ent *e, const double *freq)
{
	size_t np = (size_t)s->nphrase;
	if (s->n < s->cap) {
		if (s->n == s->alloc) {  /* grown as needed: K can be large */
			int a = s->alloc ? (s->alloc > s->cap / 2 ? s->cap : 2 * s->alloc)
					 : (s->cap < 1024 ? s->cap : 1024);
			struct pool_ent *pl = realloc(s->pool, (size_t)a * sizeof *pl);
			if (pl)
				s->pool = pl;
			double *fr = pl ? realloc(s->freq, (size_t)a * (np ? np : 1) * sizeof *fr)
					: NULL;
			if (!fr)
				return SQLITE_NOMEM;
			s->freq = fr;
			s->alloc = a;
		}
		int i = s->n++;
		e->slot = i;
		memcpy(s->freq + (size_t)i * np, freq, np * sizeof *freq);
		s->pool[i] = *e;
		while (i) {
			int p = (i - 1) / 2;
			if (!ent_less(&s->pool[i], &s->pool[p]))
				break;
			struct pool_ent t = s->pool[p];
			s->pool[p] = s->pool[i];
			s->pool[i] = t;
			i = p;
		}
		return SQLITE_OK;
	}
	if (!ent_less(&s->pool[0], e)) {
		if (e->bound > s->rejected)
			s->rejected = e->bound;
		return SQLITE_OK;
	}
	if (s->pool[0].bound > s->rejected)
		s->rejected = s->pool[0].bound;
	e->slot = s->pool[0].slot;  /* reuse the evicted entry's frequencies */
	memcpy(s->freq + (size_t)e->slot * np, freq, np * sizeof *freq);
	s->pool[0] = *e;
	sift_down(s->pool, s->n, 0);
	return SQLITE_OK;
}

/* Total token count from an FTS5 %_docsize blob: one varint per column. */
static double docsize_total(const unsigned char *p, int n)
{
	double total = 0;
	for (int i = 0; i < n;) {
		sqlite3_uint64 v = 0;
		int j = 0;
		while (i < n && j < 8 && (p[i] & 0x80)) {
			v = (v << 7) | (p[i++] & 0x7f);
			j++;
		}
		if (i < n)
			v = j == 8 ? (v << 8) | p[i++] : (v << 7) | p[i++];
		total += (double)v;
	}
	return total;
}

/* dyad_rank(articles_fts, state[, docsize]): per match, the weighted term
 * frequencies and its exact BM25 score when there are few matches (then the
 * match's %_docsize blob is needed: without it the function asks q_rank()
 * to run again with it), else an upper bound of it: the document is at
 * least as long as its last matched position in each column, and BM25 falls
 * with length. The best are kept in the state's pool. Returns 1. */
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		    int nval, sqlite3_value **val)
{
	struct rank_state *s = nval >= 1 ? sqlite3_value_pointer(val[0], "dyad_rank") : NULL;
	if (!s) {
		sqlite3_result_error(ctx, "dyad_rank: no state", -1);
		return;
	}
	int rc;
	if (!s->ready && (rc = rank_prepare(api, fts, s))) {
		s->rc = rc;
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	if (s->exact && nval < 2) {
		s->again = true;
		sqlite3_result_error(ctx, "dyad_rank: run again with lengths", -1);
		return;
	}
	struct pool_ent e = {0};
	double freq[RANK_MAX_PHRASES] = {0};
	int last[RANK_MAX_COLS] = {0}, ncol = api->xColumnCount(fts);
	for (int p = 0; p < s->nphrase; p++) {
		Fts5PhraseIter it;
		int col, off;
		if ((rc = api->xPhraseFirst(fts, p, &it, &col, &off))) {
			s->rc = rc;
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
			if (col >= ncol || col >= RANK_MAX_COLS)
				continue;
			freq[p] += col < (int)(sizeof col_weight / sizeof col_weight[0])
					     ? col_weight[col] : 1.0;
			if (off + 1 > last[col])
				last[col] = off + 1;
		}
	}
	double len = 0;
	if (s->exact) {
		len = docsize_total(sqlite3_value_blob(val[1]), sqlite3_value_bytes(val[1]));
	} else {
		for (int c = 0; c < ncol && c < RANK_MAX_COLS; c++)
			len += last[c];
	}
	e.bound = bm25(s, freq, len);
	e.rowid = api->xRowid(fts);
	s->matches++;
	if ((rc = pool_add(s, &e, freq))) {
		s->rc = rc;
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_int(ctx, 1);
}

/* Register dyad_rank on the connection unless it is there. */
static int rank_register(struct q *q)
{
	sqlite3 *h = q->db->h;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "SELECT dyad_rank(articles_fts, NULL) FROM articles_fts WHERE 0",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_finalize(st);
		return DYAD_OK;
	}
	fts5_api *api = NULL;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(q->db, q->err, "finding FTS5");
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2 ||
	    api->xCreateFunction(api, "dyad_rank", NULL, rank_fn, NULL) != SQLITE_OK)
		return dyad_error(q->err, DYAD_EDB, "cannot register the search ranking with FTS5");
	return DYAD_OK;
}

static int ent_rowid_cmp(const void *pa, const void *pb)
{
	const struct pool_ent *a = pa, *b = pb;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

static int hit_cmp(const void *pa, const void *pb)
{
	const struct q_hit *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

int q_rank(struct q *q, const struct qb *where, int k, int pool, int exact_max,
	   struct q_hit **hits, int *nhits, struct q_rank_info *info)
{
	struct rank_state *s = calloc(1, sizeof *s);
	struct q_hit *out = NULL;
	sqlite3_stmt *st = NULL, *ds = NULL;
	struct qb b;
	int rc;
	*hits = NULL;
	*nhits = 0;
	qb_init(&b);
	if (pool < k)
		pool = k;
	if (!s) {
		rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		goto out;
	}
	s->cap = pool;
	s->k = k;
	s->exact_max = exact_max;
	s->rejected = -1;
	if ((rc = rank_register(q)))
		goto out;
	/* A result column is computed only for rows passing every condition.
	 * An FTS5 function cannot be an aggregate's argument (its column is then
	 * an aggregate's), so it is a subquery's column, kept from being
	 * flattened into the count() by its LIMIT. The second run, when there
	 * are few matches, joins their lengths. */
	for (int run = 0; run < 2; run++) {
		qb_release(&b);
		qb_sql(&b, "SELECT count(r) FROM (SELECT dyad_rank(articles_fts, ");
		qb_int(&b, 0);  /* the state pointer, bound below */
		qb_sql(&b, run ? ", d.sz) AS r FROM articles_fts f JOIN articles_fts_docsize d "
				 "ON d.id = f.rowid"
			       : ") AS r FROM articles_fts f");
		qb_append(&b, where);
		qb_sql(&b, " LIMIT -1)");
		sqlite3_finalize(st);
		if (!(st = qb_prepare(q, &b))) {
			rc = q->err->rc ? q->err->rc : DYAD_EDB;
			goto out;
		}
		sqlite3_bind_pointer(st, 1, s, "dyad_rank", NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			break;
		if (s->again && !run) {
			s->again = false;
			continue;
		}
		if (s->rc == SQLITE_RANGE)
			rc = dyad_error(q->err, DYAD_EINVAL, "q: too many terms to rank");
		else if (s->rc == SQLITE_NOMEM)
			rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		else
			rc = q_step_error(q, "searching");
		goto out;
	}
	/* the pool's exact scores: its documents' lengths read from FTS5's
	 * %_docsize table (a varint of tokens per column), as bm25() does */
	if (s->n && !s->exact &&
	    sqlite3_prepare_v2(q->db->h, "SELECT sz FROM articles_fts_docsize WHERE id = ?", -1,
			       &ds, NULL) != SQLITE_OK) {
		rc = dyad_store_error(q->db, q->err, "preparing a search");
		goto out;
	}
	if (s->n && !(out = malloc((size_t)s->n * sizeof *out))) {
		rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		goto out;
	}
	/* in rowid order: neighbours share pages */
	if (s->n)
		qsort(s->pool, (size_t)s->n, sizeof *s->pool, ent_rowid_cmp);
	for (int i = 0; i < s->n && s->exact; i++) {
		out[i].rowid = s->pool[i].rowid;
		out[i].score = s->pool[i].bound;
	}
	for (int i = 0; i < s->n && !s->exact; i++) {
		double len = 0;
		sqlite3_reset(ds);
		sqlite3_bind_int64(ds, 1, s->pool[i].rowid);
		int step = sqlite3_step(ds);
		if (step == SQLITE_ROW)
			len = docsize_total(sqlite3_column_blob(ds, 0), sqlite3_column_bytes(ds, 0));
		else if (step != SQLITE_DONE) {
			rc = q_step_error(q, "reading document lengths");
			goto out;
		}
		out[i].rowid = s->pool[i].rowid;
		out[i].score = bm25(s, s->freq + (size_t)s->pool[i].slot * (size_t)s->nphrase, len);
	}
	if (s->n)
		qsort(out, (size_t)s->n, sizeof *out, hit_cmp);
	*nhits = s->n < k ? s->n : k;
	if (info) {
		info->matches = s->matches;
		/* exact when nothing left out could beat the k-th score kept */
		info->exact = s->exact || s->rejected < 0 ||
			      (s->n >= k && out[k - 1].score > s->rejected);
	}
	*hits = out;
	out = NULL;
	rc = DYAD_OK;
out:
	sqlite3_finalize(st);
	sqlite3_finalize(ds);
	qb_release(&b);
	if (s) {
		free(s->pool);
		free(s->freq);
	}
	free(s);
	free(out);
	return rc;
}
