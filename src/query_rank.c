/* Search ranking: FTS5's BM25 (title weighted) in one pass without a length
 * lookup for every match of a common word (the best by a bound from the
 * positions get their exact score) nor an article lookup (docs/query.md). */
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
	enum rank_run {
		RUN_SCAN,   /* the first call reads every match (one phrase) */
		RUN_ROWS,   /* a call per match, bounds */
		RUN_EXACT,  /* a call per match with its length */
	} want;                            /* how the matches are read */
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
	bool scanned;                      /* rank_scan() ran */
	bool keep_all;                     /* a filter follows: keep every match in cand */
	int ncol;
	sqlite3_int64 nrow;                /* articles indexed */
	struct pool_ent *cand;             /* every match (keep_all) */
	double *cand_freq;
	size_t ncand, cand_alloc;
	bool filter_set;                   /* rank_filter() read the filter's rows */
	bool scored;                       /* the pool holds exact scores */
};

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)user)++;
	return SQLITE_OK;
}

/* idf of a phrase in hit of nrow rows, as FTS5's bm25() (fts5_aux.c). */
static double rank_idf(sqlite3_int64 nrow, sqlite3_int64 hit)
{
	double idf = log(((double)nrow - (double)hit + 0.5) / ((double)hit + 0.5));
	return idf <= 0 ? 1e-6 : idf;
}

/* idf and avgdl exactly as FTS5's bm25() computes them (fts5_aux.c); with
 * one phrase, its idf and the choice of exact mode wait for rank_scan(). */
static int rank_prepare(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_state *s)
{
	sqlite3_int64 nrow = 0, ntok = 0;
	int rc;
	s->nphrase = api->xPhraseCount(fts);
	s->ncol = api->xColumnCount(fts);
	if (s->nphrase > RANK_MAX_PHRASES || api->xColumnCount(fts) > RANK_MAX_COLS)
		return SQLITE_RANGE;
	if ((rc = api->xRowCount(fts, &nrow)) || (rc = api->xColumnTotalSize(fts, -1, &ntok)))
		return rc;
	s->nrow = nrow;
	s->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	if (s->avgdl <= 0)
		s->avgdl = 1.0;
	s->ready = true;
	if (s->nphrase == 1) {
		/* its count and idf come from the scan (rank_scan()) */
		s->want = RUN_SCAN;
		return SQLITE_OK;
	}
	sqlite3_int64 fewest = nrow;
	for (int i = 0; i < s->nphrase; i++) {
		sqlite3_int64 hit = 0;
		if ((rc = api->xQueryPhrase(fts, i, &hit, count_cb)))
			return rc;
		if (hit < fewest)
			fewest = hit;
		s->idf[i] = rank_idf(nrow, hit);
	}
	/* every match holds every phrase: the rarest one bounds their number */
	if (fewest <= s->exact_max) {
		s->exact = true;
		s->cap = s->k;
	}
	s->want = s->exact ? RUN_EXACT : RUN_ROWS;
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

/* a is above b in the max-heap of candidates */
static bool ent_above(const struct pool_ent *a, const struct pool_ent *b)
{
	return ent_less(b, a);
}

/* Restore the heap h[0..n) below i: a min-heap of the pool (first =
 * ent_less) or a max-heap of the candidates (first = ent_above). Static
 * with constant functions: the compiler specialises each use. */
static void heap_sift_down(struct pool_ent *h, size_t n, size_t i,
			   bool (*first)(const struct pool_ent *, const struct pool_ent *))
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && first(&h[l], &h[m]))
			m = l;
		if (r < n && first(&h[r], &h[m]))
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
	heap_sift_down(s->pool, (size_t)s->n, 0, ent_less);
	return SQLITE_OK;
}

/* Add phrase p's hits in the current row to *freq (weighted by column) and
 * its last position + 1 per column to last. */
static int phrase_hits(const Fts5ExtensionApi *api, Fts5Context *fts, int p, int ncol,
		       double *freq, int *last)
{
	Fts5PhraseIter it;
	int col, off, rc;
	if ((rc = api->xPhraseFirst(fts, p, &it, &col, &off)))
		return rc;
	for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
		if (col >= ncol || col >= RANK_MAX_COLS)
			continue;
		*freq += col < (int)(sizeof col_weight / sizeof col_weight[0]) ? col_weight[col]
									    : 1.0;
		if (off + 1 > last[col])
			last[col] = off + 1;
	}
	return SQLITE_OK;
}

/* Keep match e (frequencies freq) among every match in cand, for
 * rank_filter(). SQLITE_OK or SQLITE_NOMEM. */
static int cand_add(struct rank_state *s, struct pool_ent *e, const double *freq)
{
	size_t np = (size_t)s->nphrase;
	if (s->ncand == s->cand_alloc) {
		size_t a = s->cand_alloc ? 2 * s->cand_alloc : 4096;
		struct pool_ent *c = realloc(s->cand, a * sizeof *c);
		if (c)
			s->cand = c;
		double *f = c ? realloc(s->cand_freq, a * (np ? np : 1) * sizeof *f) : NULL;
		if (!f)
			return SQLITE_NOMEM;
		s->cand_freq = f;
		s->cand_alloc = a;
	}
	e->slot = (int)s->ncand;
	memcpy(s->cand_freq + s->ncand * np, freq, np * sizeof *freq);
	s->cand[s->ncand++] = *e;
	return SQLITE_OK;
}

/* Match rowid with score bound (or exact score): into the pool, or into
 * cand when a filter is still to be applied. SQLITE_OK or SQLITE_NOMEM. */
static int rank_keep(struct rank_state *s, sqlite3_int64 rowid, double bound, const double *freq)
{
	struct pool_ent e = {.bound = bound, .rowid = rowid};
	if (s->keep_all)
		return cand_add(s, &e, freq);
	s->matches++;
	return pool_add(s, &e, freq);
}

/* A match by its positions: its bound (the length at least its last
 * position in each column) kept by rank_keep(). */
static int scan_emit(struct rank_state *s, sqlite3_int64 rowid, const double *freq,
		     const int *last)
{
	double len = 0;
	for (int c = 0; c < s->ncol && c < RANK_MAX_COLS; c++)
		len += last[c];
	return rank_keep(s, rowid, bm25(s, freq, len), freq);
}

/* xQueryPhrase callback, one phrase: the match into cand. */
static int scan_one_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
	struct rank_state *s = user;
	double freq = 0;
	int last[RANK_MAX_COLS] = {0};
	int rc = phrase_hits(api, fts, 0, s->ncol, &freq, last);
	if (rc)
		return rc;
	/* the idf is not known yet: bound holds the length till then */
	struct pool_ent e = {.rowid = api->xRowid(fts)};
	for (int c = 0; c < s->ncol && c < RANK_MAX_COLS; c++)
		e.bound += last[c];
	return cand_add(s, &e, &freq);
}

/* Every match of a one-phrase query, read with xQueryPhrase instead of one
 * SQL row (and one function call) per match, kept in cand. Their number
 * gives the idf; few of them: exact mode (s->want, cand emptied); else the
 * bounds go to the pool, or stay in cand for rank_filter(). */
static int rank_scan(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_state *s)
{
	int rc = api->xQueryPhrase(fts, 0, s, scan_one_cb);
	if (rc)
		return rc;
	s->idf[0] = rank_idf(s->nrow, (sqlite3_int64)s->ncand);
	if ((sqlite3_int64)s->ncand <= s->exact_max) {
		s->exact = true;
		s->cap = s->k;
		s->want = RUN_EXACT;
		s->ncand = 0;
		return SQLITE_OK;
	}
	for (size_t i = 0; i < s->ncand; i++)
		s->cand[i].bound = bm25(s, s->cand_freq + i, s->cand[i].bound);
	if (s->keep_all)
		return SQLITE_OK;
	for (size_t i = 0; i < s->ncand && !rc; i++) {
		s->matches++;
		rc = pool_add(s, &s->cand[i], s->cand_freq + i);
	}
	s->ncand = 0;
	return rc;
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

/* dyad_rank(articles_fts, state[, docsize]): the run the state asks for
 * (RUN_SCAN: the first call reads every match with rank_scan(); else per
 * match) gives each match its weighted term frequencies and its exact BM25
 * score when there are few matches (RUN_EXACT, with the match's %_docsize
 * blob), else an upper bound of it: the document is at least as long as
 * its last matched position in each column, and BM25 falls with length.
 * The best are kept in the state's pool (or all, with a filter to apply).
 * When the query was run in another form than the state needs, it fails
 * with s->again set. Returns 1. */
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		    int nval, sqlite3_value **val)
{
	struct rank_state *s = nval >= 1 ? sqlite3_value_pointer(val[0], "dyad_rank") : NULL;
	if (!s) {
		sqlite3_result_error(ctx, "dyad_rank: no state", -1);
		return;
	}
	int rc = SQLITE_OK;
	if (!s->ready && (rc = rank_prepare(api, fts, s)))
		goto fail;
	if (s->want == RUN_EXACT && nval < 2) {
		s->again = true;
		sqlite3_result_error(ctx, "dyad_rank: run again with lengths", -1);
		return;
	}
	if (s->want == RUN_SCAN) {
		/* every match is read: stop the query (q_rank() knows) */
		if (!s->scanned) {
			s->scanned = true;
			if ((rc = rank_scan(api, fts, s)))
				goto fail;
		}
		if (s->want == RUN_EXACT) {
			s->again = true;
			sqlite3_result_error(ctx, "dyad_rank: run again with lengths", -1);
		} else {
			sqlite3_result_error(ctx, "dyad_rank: every match read", -1);
		}
		return;
	}
	double freq[RANK_MAX_PHRASES] = {0};
	int last[RANK_MAX_COLS] = {0};
	for (int p = 0; p < s->nphrase; p++)
		if ((rc = phrase_hits(api, fts, p, s->ncol, &freq[p], last)))
			goto fail;
	if (s->want == RUN_ROWS) {
		rc = scan_emit(s, api->xRowid(fts), freq, last);
	} else {
		double len = docsize_total(sqlite3_value_blob(val[1]), sqlite3_value_bytes(val[1]));
		rc = rank_keep(s, api->xRowid(fts), bm25(s, freq, len), freq);
	}
	if (rc)
		goto fail;
	sqlite3_result_int(ctx, 1);
	return;
fail:
	s->rc = rc;
	sqlite3_result_error_code(ctx, rc);
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

/* Relative cost of a filter check by rowid (reading the article row: its
 * pages are seldom in SQLite's cache) and of one row of the filter read as
 * a set (an index range): measured on the bench's million articles, about
 * 6 us and 0.1 us. */
#ifndef RANK_LOOKUP_COST  /* -D to try other values */
#define RANK_LOOKUP_COST 60.0
#endif
#define RANK_SAMPLE 256


/* A bitmap of rowids 0..max, filled by the SQL function dyad_bitset. */
struct bitset {
	unsigned char *bits;
	sqlite3_int64 max;
};

/* dyad_bitset(bitset, rowid): sets rowid's bit; NULL. A function inside
 * the statement instead of a result row per rowid: a wide date range is
 * hundreds of thousands of rows, and each sqlite3_step() costs. */
static void bitset_fn(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct bitset *b = nval == 2 ? sqlite3_value_pointer(val[0], "dyad_bitset") : NULL;
	if (!b) {
		sqlite3_result_error(ctx, "dyad_bitset: no bitmap", -1);
		return;
	}
	sqlite3_int64 r = sqlite3_value_int64(val[1]);
	if (r >= 0 && r <= b->max)
		b->bits[r >> 3] |= (unsigned char)(1u << (r & 7));
}

/* Register dyad_bitset on the connection unless it is there (once: SQLite
 * refuses to redefine a function while statements run). */
static int bitset_register(struct q *q)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(q->db->h, "SELECT dyad_bitset(NULL, 0) WHERE 0", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_finalize(st);
		return DYAD_OK;
	}
	if (sqlite3_create_function(q->db->h, "dyad_bitset", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
				    NULL, bitset_fn, NULL, NULL) != SQLITE_OK)
		return dyad_store_error(q->db, q->err, "preparing a search");
	return DYAD_OK;
}

/* The rowids passing filter as a bitmap (*set, *max: its largest rowid), or
 * *set NULL when the rowids are too large for one. DYAD_OK or an error. */
static int filter_set(struct q *q, const struct qb *filter, unsigned char **set,
		      sqlite3_int64 *max)
{
	sqlite3_stmt *st = NULL;
	struct qb b;
	int rc = DYAD_OK;
	*set = NULL;
	*max = -1;
	if (sqlite3_prepare_v2(q->db->h, "SELECT max(rowid) FROM articles", -1, &st, NULL) !=
	    SQLITE_OK)
		return dyad_store_error(q->db, q->err, "preparing a search");
	if (sqlite3_step(st) == SQLITE_ROW)
		*max = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (*max < 0 || *max > ((sqlite3_int64)1 << 27))
		return DYAD_OK;  /* no room: checked row by row */
	if (!(*set = calloc((size_t)(*max / 8 + 1), 1)))
		return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
	struct bitset bs = {*set, *max};
	qb_init(&b);
	qb_sql(&b, "SELECT count(dyad_bitset(");
	qb_int(&b, 0);  /* the bitmap, bound below */
	qb_sql(&b, ", a.rowid)) FROM articles a WHERE 1");
	qb_append(&b, filter);
	if (!(rc = bitset_register(q)) && !(st = qb_prepare(q, &b)))
		rc = q->err->rc ? q->err->rc : DYAD_EDB;
	if (!rc) {
		sqlite3_bind_pointer(st, 1, &bs, "dyad_bitset", NULL);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = q_step_error(q, "reading the search conditions");
	}
	sqlite3_finalize(st);
	qb_release(&b);
	if (rc) {
		free(*set);
		*set = NULL;
	}
	return rc;
}

static bool in_set(const unsigned char *set, sqlite3_int64 max, sqlite3_int64 r)
{
	return r >= 0 && r <= max && ((set[r >> 3] >> (r & 7)) & 1);
}

/* The statement doc_length() reads with, in *ds. Returns DYAD_OK, else an
 * error with q->err set. */
static int doc_length_stmt(struct q *q, sqlite3_stmt **ds)
{
	if (sqlite3_prepare_v2(q->db->h, "SELECT sz FROM articles_fts_docsize WHERE id = ?", -1,
			       ds, NULL) != SQLITE_OK)
		return dyad_store_error(q->db, q->err, "preparing a search");
	return DYAD_OK;
}

/* The length of document rowid in *len, read from FTS5's %_docsize (a
 * small row) with ds (doc_length_stmt(); 0 when it has none). Returns
 * DYAD_OK, else an error with q->err set. */
static int doc_length(struct q *q, sqlite3_stmt *ds, sqlite3_int64 rowid, double *len)
{
	*len = 0;
	sqlite3_reset(ds);
	sqlite3_bind_int64(ds, 1, rowid);
	int step = sqlite3_step(ds);
	if (step == SQLITE_ROW)
		*len = docsize_total(sqlite3_column_blob(ds, 0), sqlite3_column_bytes(ds, 0));
	else if (step != SQLITE_DONE)
		return q_step_error(q, "reading document lengths");
	return DYAD_OK;
}

/* The k best matches passing filter from the kept matches and their bounds
 * (cand). They are taken by falling bound and given their exact scores
 * (doc_length(): cheap) into a heap; from it, by falling exact score, the
 * matches are checked against the filter (an article lookup, the costly
 * part) until k pass, which for a common word with a date range is about
 * k / (share passing) lookups. A match is taken from the heap once no bound
 * left can beat it (the order is then proven), or, after the pool's worth
 * of matches were scored, regardless (the ranking is then exact when
 * nothing left unchecked beats the k-th score: info says which). When a sample of checks shows the
 * filter selective enough that reading its rows as a set costs less than
 * the checks still to come, the set is read. Leaves the k best in the pool
 * with exact scores; s->matches is the number passing, or at least k + 1
 * when some were left unchecked. Returns DYAD_OK, else an error with
 * q->err set. */
static int rank_filter(struct q *q, struct rank_state *s, const struct qb *filter)
{
	sqlite3_stmt *st = NULL, *ds = NULL;
	unsigned char *set = NULL;
	sqlite3_int64 setmax = -1;
	struct pool_ent *ex = NULL;  /* scored, unchecked: a max-heap */
	size_t n = s->ncand, nex = 0, budget = (size_t)s->cap, scored = 0, looked = 0,
	       passed = 0, np = (size_t)s->nphrase;
	bool sampled = false, lost = false, bounds_exact = s->exact;  /* exact mode: scores already */
	struct qb b;
	int rc = DYAD_OK;
	s->cap = s->k;
	s->scored = true;
	qb_init(&b);
	qb_sql(&b, "SELECT 1 FROM articles a WHERE a.rowid = ");
	qb_int(&b, 0);
	qb_append(&b, filter);
	if (!(st = qb_prepare(q, &b))) {
		rc = q->err->rc ? q->err->rc : DYAD_EDB;
		goto out;
	}
	if ((rc = doc_length_stmt(q, &ds)))
		goto out;
	if (n && !(ex = malloc(n * sizeof *ex)))
		goto nomem;
	for (size_t i = n / 2; i-- > 0;)
		heap_sift_down(s->cand, n, i, ent_above);
	while (s->n < s->cap) {
		bool proven = nex && (!n || !ent_less(&ex[0], &s->cand[0]));
		if (!nex || (!proven && scored < budget)) {
			if (!n)
				break;  /* every match checked */
			struct pool_ent e = s->cand[0];
			s->cand[0] = s->cand[--n];
			heap_sift_down(s->cand, n, 0, ent_above);
			if (set && !in_set(set, setmax, e.rowid))
				continue;  /* checked for free: no score needed */
			if (!bounds_exact) {  /* the bound becomes the exact score */
				double len;
				if ((rc = doc_length(q, ds, e.rowid, &len)))
					goto out;
				e.bound = bm25(s, s->cand_freq + (size_t)e.slot * np, len);
			}
			scored++;
			/* sift up into the max-heap */
			size_t i = nex++;
			for (; i && ent_above(&e, &ex[(i - 1) / 2]); i = (i - 1) / 2)
				ex[i] = ex[(i - 1) / 2];
			ex[i] = e;
			continue;
		}
		lost |= !proven;  /* the order is the scored pool's from here */
		struct pool_ent e = ex[0];
		ex[0] = ex[--nex];
		heap_sift_down(ex, nex, 0, ent_above);
		bool pass;
		if (set) {
			pass = in_set(set, setmax, e.rowid);
		} else {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, e.rowid);
			int step = sqlite3_step(st);
			if (step != SQLITE_ROW && step != SQLITE_DONE) {
				rc = q_step_error(q, "checking the search conditions");
				goto out;
			}
			pass = step == SQLITE_ROW;
			looked++;
		}
		if (pass) {
			passed++;
			if (pool_add(s, &e, s->cand_freq + (size_t)e.slot * np))
				goto nomem;
		}
		if (set || sampled || looked != RANK_SAMPLE)
			continue;
		/* pass rate p: the checks still needed cost about
		 * (k + 1 - kept) / p lookups, the set p x rows */
		sampled = true;
		double p = ((double)passed + 1) / ((double)looked + 1);
		double checks = ((double)s->cap + 1 - (double)s->n) / p;
		if (checks > (double)(n + nex))
			checks = (double)(n + nex);
		if (p * (double)s->nrow >= checks * RANK_LOOKUP_COST)
			continue;
		sqlite3_reset(st);
		if ((rc = filter_set(q, filter, &set, &setmax)))
			goto out;
		s->filter_set = set != NULL;
	}
	/* exact when nothing left unchecked could beat the k-th (q_rank_filter) */
	s->exact = !lost || (!n && !nex);
	s->rejected = -1;
	if (n)
		s->rejected = s->cand[0].bound;
	if (nex && ex[0].bound > s->rejected)
		s->rejected = ex[0].bound;
	s->matches = (sqlite3_int64)passed;
	if ((n || nex) && s->matches <= s->k)
		s->matches = s->k + 1;  /* some left unchecked */
	goto out;
nomem:
	rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
out:
	sqlite3_finalize(st);
	sqlite3_finalize(ds);
	qb_release(&b);
	free(set);
	free(ex);
	return rc;
}

int q_rank(struct q *q, const struct qb *where, int k, int pool, int exact_max,
	   struct q_hit **hits, int *nhits, struct q_rank_info *info)
{
	return q_rank_filter(q, where, NULL, k, pool, exact_max, hits, nhits, info);
}

int q_rank_filter(struct q *q, const struct qb *where, const struct qb *filter, int k,
		  int pool, int exact_max, struct q_hit **hits, int *nhits,
		  struct q_rank_info *info)
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
	/* An FTS5 function cannot be an aggregate's argument (its column is
	 * then an aggregate's), so it is a subquery's column, kept from being
	 * flattened into the count() by its LIMIT. With one phrase, the first
	 * call reads every match through FTS5 and stops the query; with
	 * several, FTS5 intersects them faster than xQueryPhrase lists them, so
	 * a call per match. When there are few matches, the second run joins
	 * their lengths. The filter is never joined (a lookup of the article
	 * for every match): rank_filter() applies it to the best. */
	s->keep_all = filter && filter->sql.len;
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
		if (sqlite3_step(st) == SQLITE_ROW || (!run && s->scanned && !s->rc && !s->again))
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
	if (s->keep_all && (rc = rank_filter(q, s, filter)))
		goto out;
	/* the pool's exact scores: its documents' lengths read from FTS5's
	 * %_docsize table (a varint of tokens per column), as bm25() does */
	if (s->n && !s->exact && !s->scored && (rc = doc_length_stmt(q, &ds)))
		goto out;
	if (s->n && !(out = malloc((size_t)s->n * sizeof *out))) {
		rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		goto out;
	}
	/* in rowid order: neighbours share pages */
	if (s->n)
		qsort(s->pool, (size_t)s->n, sizeof *s->pool, ent_rowid_cmp);
	for (int i = 0; i < s->n && (s->exact || s->scored); i++) {
		out[i].rowid = s->pool[i].rowid;
		out[i].score = s->pool[i].bound;
	}
	for (int i = 0; i < s->n && !s->exact && !s->scored; i++) {
		double len;
		if ((rc = doc_length(q, ds, s->pool[i].rowid, &len)))
			goto out;
		out[i].rowid = s->pool[i].rowid;
		out[i].score = bm25(s, s->freq + (size_t)s->pool[i].slot * (size_t)s->nphrase, len);
	}
	if (s->n)
		qsort(out, (size_t)s->n, sizeof *out, hit_cmp);
	*nhits = s->n < k ? s->n : k;
	if (info) {
		info->matches = s->matches;
		info->filter_set = s->filter_set;
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
		free(s->cand);
		free(s->cand_freq);
	}
	free(s);
	free(out);
	return rc;
}
