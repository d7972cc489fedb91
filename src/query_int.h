/* Internals of the query layer shared by query.c and query_<kind>.c: the
 * parsed parameters, an SQL builder with its bound values, row reading. */
#ifndef DYAD_QUERY_INT_H
#define DYAD_QUERY_INT_H

#include <stdbool.h>

#include "buf.h"
#include "query.h"
#include "store.h"

#define QB_MAX_BINDS 96

/* SQL text and the values bound to its '?' in order of appearance. */
struct qb {
	struct dyad_buf sql;
	int nb;
	struct {
		bool is_text;
		sqlite3_int64 i;
		char *s;  /* malloc()ed */
	} b[QB_MAX_BINDS];
	bool oom;      /* a value could not be kept: report ENOMEM */
};

/* One query being run. */
struct q {
	struct dyad_db *db;
	struct dyad_err *err;
	const struct dyad_param *p;
	size_t n;
	const char *kind;
	int limit, offset;
	bool folded;   /* copies or stories exist: count events once per story */
	json_t *res;   /* the result object */
	json_t *rows;  /* its "rows" (borrowed) */
};

/* Value of parameter name, NULL when absent or empty. */
const char *q_get(const struct q *q, const char *name);

void qb_init(struct qb *b);
void qb_release(struct qb *b);
void qb_sql(struct qb *b, const char *sql);
void qb_text(struct qb *b, const char *s);
void qb_int(struct qb *b, sqlite3_int64 i);
/* Append src's SQL and copies of its values to dst. */
void qb_append(struct qb *dst, const struct qb *src);
/* Prepare b on q's db and bind copies of its values (b may be released
 * before the statement). Returns the statement (caller finalizes) or NULL
 * with q->err set. */
sqlite3_stmt *qb_prepare(struct q *q, struct qb *b);

/* Append " AND (...)" conditions for parameters; each returns DYAD_OK or
 * DYAD_EINVAL with q->err naming the parameter. */
int q_cond_actor(struct q *q, struct qb *b, const char *col, const char *name,
		 const char *value);
int q_cond_dates(struct q *q, struct qb *b, const char *col);
int q_cond_codes(struct q *q, struct qb *b, const char *col, const char *quadcol);
/* value "SRC:TGT" on the columns scol, tcol. */
int q_cond_dyad(struct q *q, struct qb *b, const char *scol, const char *tcol,
		const char *value);
/* The FTS5 query for user text value of parameter name into out. */
int q_fts(struct q *q, const char *name, const char *value, struct dyad_buf *out);

/* The JSON value of column i of st. NULL only when memory is out. */
json_t *q_col(sqlite3_stmt *st, int i);
/* The current row of st as an object (keys: column names, but those
 * starting with '_'); NULL when memory is out. */
json_t *q_row(sqlite3_stmt *st);
/* A JSON string of s (NULL gives null), invalid UTF-8 replaced. */
json_t *q_str(const char *s);
/* Step st adding one row object per result row (keys: column names) to
 * q->rows, at most q->limit; sets "more". Returns DYAD_OK, DYAD_EDB,
 * DYAD_ENOMEM. */
int q_rows(struct q *q, sqlite3_stmt *st);
/* Set the result's "columns" to the NULL-terminated names. */
int q_columns(struct q *q, const char *const *names);
/* Record a failed step of st as err (FTS5 syntax -> DYAD_EINVAL). */
int q_step_error(struct q *q, const char *what);
/* Set key of the result object (steals v). */
int q_set(struct q *q, const char *key, json_t *v);

/* The events conditions of the parameters (source, target, actor when
 * with_actor_params; dyad, root, code, quad, from, to, outlet, q) on alias
 * e for events, a for articles. */
int q_event_conds(struct q *q, struct qb *b, bool with_actor_params);
/* Get a choice parameter: index of its value among choices (NULL-ended),
 * def when absent; DYAD_EINVAL naming the choices. */
int q_choice(struct q *q, const char *name, const char *const *choices, int def, int *out);

/* A ranked search match: articles rowid, score (higher is better). */
struct q_hit {
	sqlite3_int64 rowid;
	double score;
};
struct q_rank_info {
	sqlite3_int64 matches;  /* rows matching (with the conditions) */
	bool exact;             /* hits are the exact BM25 top k */
	bool filter_set;        /* the filter's rows were read as a set */
};
/* The best k matches of the search "SELECT ... FROM articles_fts f" +
 * where (" WHERE articles_fts MATCH ?", the query of q_fts(): an AND of
 * phrases; nothing else, since the matches are read through FTS5), by BM25
 * with the title weighted 2 (score = -bm25(articles_fts, 2.0, 1.0)), best
 * first, equal scores by rowid. When the rarest term has more than
 * exact_max matches, exact scores are computed only for the pool (>= k)
 * best by an upper bound (src/query_rank.c). On DYAD_OK *hits (malloc()ed,
 * caller frees; NULL when none) holds *nhits <= k hits; info (may be NULL)
 * is filled. Else DYAD_EDB, DYAD_ENOMEM, DYAD_EINVAL with q->err set. */
int q_rank(struct q *q, const struct qb *where, int k, int pool, int exact_max,
	   struct q_hit **hits, int *nhits, struct q_rank_info *info);
/* q_rank() keeping only the matches whose article passes filter (NULL or
 * empty: all): conditions " AND ..." on alias a for articles, checked
 * only for the matches that would make the k best (src/query_rank.c);
 * info->matches counts the matches passing, or is k + 1 when some were
 * left unchecked. */
int q_rank_filter(struct q *q, const struct qb *where, const struct qb *filter, int k,
		  int pool, int exact_max, struct q_hit **hits, int *nhits,
		  struct q_rank_info *info);
/* Up to this many matches (exact_max), every match's length is read
 * (joining FTS5's %_docsize, about 0.5 us a match on a million articles)
 * and the ranking is exact. */
#define Q_RANK_EXACT_MAX 30000

int dyad_query_stats(struct q *q);
int dyad_query_timeline(struct q *q);
int dyad_query_article(struct q *q);

#endif
