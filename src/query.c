/* The query layer: parameter checking, a small SQL builder with bound
 * values, and the list queries (search, events, stats, quotes, people, dups,
 * actors, stories). Every statement is read-only and every user value is a
 * bound parameter. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "query_int.h"
#include "utf8.h"

/* ---- Parameters ---------------------------------------------------------- */

static int run_search(struct q *q);
static int run_events(struct q *q);
static int run_quotes(struct q *q);
static int run_people(struct q *q);
static int run_dups(struct q *q);
static int run_actors(struct q *q);
static int run_stories(struct q *q);

#define PAGE "limit", "offset"
static const char *const p_search[] = {"q", "from", "to", "outlet", "all", PAGE, NULL};
static const char *const p_events[] = {"source", "target", "actor", "dyad", "root", "code",
				       "quad", "from", "to", "outlet", "q", "negated", "all",
				       "sort", PAGE, NULL};
static const char *const p_stats[] = {"dyad", "by", "from", "to", "root", "code", "quad",
				      "outlet", NULL};
static const char *const p_timeline[] = {"dyad", "actor", "about", "q", "from", "to", "all",
					 PAGE, NULL};
static const char *const p_quotes[] = {"speaker", "actor", "q", "from", "to", "outlet", "all",
				       PAGE, NULL};
static const char *const p_people[] = {"q", "actor", PAGE, NULL};
static const char *const p_dups[] = {"id", "outlet", PAGE, NULL};
static const char *const p_actors[] = {"q", PAGE, NULL};
static const char *const p_article[] = {"id", NULL};
static const char *const p_stories[] = {"from", "to", "q", PAGE, NULL};

static const struct {
	const char *kind;
	const char *const *params;
	int (*run)(struct q *q);
} kinds[] = {
	{"search", p_search, run_search},       {"events", p_events, run_events},
	{"stats", p_stats, dyad_query_stats},          {"timeline", p_timeline, dyad_query_timeline},
	{"quotes", p_quotes, run_quotes},       {"people", p_people, run_people},
	{"dups", p_dups, run_dups},             {"actors", p_actors, run_actors},
	{"article", p_article, dyad_query_article}, {"stories", p_stories, run_stories},
};

static const char *const kind_names[] = {"search", "events", "stats", "timeline", "quotes",
					 "people", "dups", "actors", "article", "stories", NULL};

const char *const *dyad_query_kinds(void)
{
	return kind_names;
}

const char *const *dyad_query_params(const char *kind)
{
	for (size_t i = 0; i < DYAD_ARRAY_LEN(kinds); i++)
		if (kind && strcmp(kinds[i].kind, kind) == 0)
			return kinds[i].params;
	return NULL;
}

const char *q_get(const struct q *q, const char *name)
{
	for (size_t i = 0; i < q->n; i++)
		if (strcmp(q->p[i].name, name) == 0)
			return q->p[i].value && q->p[i].value[0] ? q->p[i].value : NULL;
	return NULL;
}

/* Longest value accepted for any parameter (bytes). */
#define MAX_VALUE 2048

static int check_params(struct q *q, const char *const *allowed)
{
	for (size_t i = 0; i < q->n; i++) {
		const char *name = q->p[i].name, *v = q->p[i].value;
		if (!name)
			return dyad_error(q->err, DYAD_EINVAL, "a parameter without a name");
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			ok = ok || strcmp(*a, name) == 0;
		if (!ok)
			return dyad_error(q->err, DYAD_EINVAL, "%s does not take parameter '%.64s'",
					  q->kind, name);
		for (size_t j = 0; j < i; j++)
			if (strcmp(q->p[j].name, name) == 0)
				return dyad_error(q->err, DYAD_EINVAL, "parameter %s given twice",
						  name);
		if (v && strlen(v) > MAX_VALUE)
			return dyad_error(q->err, DYAD_EINVAL, "%s: value longer than %d bytes",
					  name, MAX_VALUE);
		if (v && dyad_utf8_check(v, strlen(v)) != strlen(v))
			return dyad_error(q->err, DYAD_EINVAL, "%s: value is not valid UTF-8", name);
	}
	return DYAD_OK;
}

/* Integer value of name in [lo, hi] (def when absent). */
static int get_int(struct q *q, const char *name, long lo, long hi, long def, long *out)
{
	const char *v = q_get(q, name);
	*out = def;
	if (!v)
		return DYAD_OK;
	char *end;
	long x = strtol(v, &end, 10);
	if (!isdigit((unsigned char)v[0]) || *end || x < lo || x > hi)
		return dyad_error(q->err, DYAD_EINVAL, "%s: '%.64s' is not a number from %ld to %ld",
				  name, v, lo, hi);
	*out = x;
	return DYAD_OK;
}

/* Value of name among the NULL-terminated choices: index, or def when absent. */
int q_choice(struct q *q, const char *name, const char *const *choices, int def, int *out)
{
	const char *v = q_get(q, name);
	*out = def;
	if (!v)
		return DYAD_OK;
	for (int i = 0; choices[i]; i++)
		if (strcmp(v, choices[i]) == 0) {
			*out = i;
			return DYAD_OK;
		}
	struct dyad_buf b = DYAD_BUF_INIT;
	for (int i = 0; choices[i]; i++)
		dyad_buf_printf(&b, "%s%s", i ? ", " : "", choices[i]);
	int rc = dyad_error(q->err, DYAD_EINVAL, "%s: '%.64s' is not one of %s", name, v, b.data);
	dyad_buf_release(&b);
	return rc;
}

static const char *const bool_choices[] = {"0", "1", "false", "true", "no", "yes", NULL};

static int get_bool(struct q *q, const char *name, bool *out)
{
	int i;
	int rc = q_choice(q, name, bool_choices, 0, &i);
	*out = i % 2 == 1;
	return rc;
}

/* ---- SQL builder ------------------------------------------------------- */

void qb_init(struct qb *b)
{
	memset(b, 0, sizeof *b);
	dyad_buf_init(&b->sql);
}

void qb_release(struct qb *b)
{
	for (int i = 0; i < b->nb; i++)
		free(b->b[i].s);
	dyad_buf_release(&b->sql);
	qb_init(b);
}

void qb_sql(struct qb *b, const char *sql)
{
	if (dyad_buf_adds(&b->sql, sql))
		b->oom = true;
}

void qb_text(struct qb *b, const char *s)
{
	if (b->nb >= QB_MAX_BINDS) {
		b->oom = true;
		return;
	}
	b->b[b->nb].is_text = true;
	if (!(b->b[b->nb].s = dyad_strdup(s)))
		b->oom = true;
	b->nb++;
	qb_sql(b, "?");
}

void qb_int(struct qb *b, sqlite3_int64 i)
{
	if (b->nb >= QB_MAX_BINDS) {
		b->oom = true;
		return;
	}
	b->b[b->nb].is_text = false;
	b->b[b->nb].s = NULL;
	b->b[b->nb].i = i;
	b->nb++;
	qb_sql(b, "?");
}

sqlite3_stmt *qb_prepare(struct q *q, struct qb *b)
{
	sqlite3_stmt *st = NULL;
	if (b->oom) {
		dyad_error(q->err, DYAD_ENOMEM, "out of memory (or too many values) building a query");
		return NULL;
	}
	if (sqlite3_prepare_v2(q->db->h, b->sql.data, -1, &st, NULL) != SQLITE_OK) {
		dyad_store_error(q->db, q->err, "preparing a query");
		return NULL;
	}
	/* The layer promises never to write: check what SQLite says. */
	if (!sqlite3_stmt_readonly(st)) {
		sqlite3_finalize(st);
		dyad_error(q->err, DYAD_EINVAL, "refusing a statement that writes");
		return NULL;
	}
	for (int i = 0; i < b->nb; i++) {
		if (b->b[i].is_text)
			sqlite3_bind_text(st, i + 1, b->b[i].s, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i + 1, b->b[i].i);
	}
	return st;
}

int q_step_error(struct q *q, const char *what)
{
	const char *m = sqlite3_errmsg(q->db->h);
	if (m && strstr(m, "fts5"))
		return dyad_error(q->err, DYAD_EINVAL, "q: the search text is not understood (%s)", m);
	if (sqlite3_errcode(q->db->h) == SQLITE_INTERRUPT)
		return dyad_error(q->err, DYAD_EDB, "%s: interrupted (time limit)", what);
	return dyad_store_error(q->db, q->err, what);
}

/* ---- Conditions ------------------------------------------------------- */

/* Append "(col >= 'P' AND col < 'Q')" where Q follows every code with
 * prefix P. Codes are [A-Z0-9], so bumping the last byte is enough. */
static void prefix_range(struct qb *b, const char *col, const char *prefix)
{
	char hi[40];
	size_t n = strlen(prefix);
	memcpy(hi, prefix, n + 1);
	hi[n - 1]++;
	qb_sql(b, "(");
	qb_sql(b, col);
	qb_sql(b, " >= ");
	qb_text(b, prefix);
	qb_sql(b, " AND ");
	qb_sql(b, col);
	qb_sql(b, " < ");
	qb_text(b, hi);
	qb_sql(b, ")");
}

/* Split value at commas into at most max items of at most 32 bytes, each
 * checked by ok(); items go upper-cased into it[][33]. Returns the count or
 * -1 with err set. */
static int split_list(struct q *q, const char *name, const char *value, char it[][33], int max,
		      bool (*ok)(const char *))
{
	int n = 0;
	const char *s = value;
	for (;;) {
		const char *e = strchr(s, ',');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		while (len && s[0] == ' ')
			s++, len--;
		while (len && s[len - 1] == ' ')
			len--;
		if (n >= max || len == 0 || len > 32)
			goto bad;
		for (size_t i = 0; i < len; i++)
			it[n][i] = (char)toupper((unsigned char)s[i]);
		it[n][len] = '\0';
		if (!ok(it[n]))
			goto bad;
		n++;
		if (!e)
			return n;
		s = e + 1;
	}
bad:
	dyad_error(q->err, DYAD_EINVAL, "%s: '%.64s' is not a comma list of at most %d valid codes",
		   name, value, max);
	return -1;
}

static bool ok_actor(const char *s)
{
	for (; *s; s++)
		if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s))
			return false;
	return true;
}

static bool ok_digits(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

static bool ok_root(const char *s)
{
	size_t n = strlen(s);
	return ok_digits(s) && n <= 2 && atoi(s) >= 1 && atoi(s) <= 20;
}

static bool ok_code(const char *s)
{
	size_t n = strlen(s);
	return ok_digits(s) && n >= 2 && n <= 4 && dyad_cameo_root(s) != 0;
}

static bool ok_quad(const char *s)
{
	return strlen(s) == 1 && s[0] >= '1' && s[0] <= '4';
}

#define MAX_ITEMS 16

/* " AND (col starts with one of the prefixes of the list value)", each
 * item checked by ok (actor codes, CAMEO codes). */
static int cond_prefixes(struct q *q, struct qb *b, const char *col, const char *name,
			 const char *value, bool (*ok)(const char *))
{
	char it[MAX_ITEMS][33];
	int n = split_list(q, name, value, it, MAX_ITEMS, ok);
	if (n < 0)
		return DYAD_EINVAL;
	qb_sql(b, " AND (");
	for (int i = 0; i < n; i++) {
		if (i)
			qb_sql(b, " OR ");
		prefix_range(b, col, it[i]);
	}
	qb_sql(b, ")");
	return DYAD_OK;
}

int q_cond_actor(struct q *q, struct qb *b, const char *col, const char *name,
		 const char *value)
{
	return cond_prefixes(q, b, col, name, value, ok_actor);
}

/* Most exact codes a pair of prefix lists is expanded to. */
#define MAX_CODES 64

/* The stored codes (events.source, or events.target of the sources
 * src[0..nsrc)) having one of the prefixes it[0..n), found by seeking from
 * one to the next in events_dyad_cover (a loose index scan: a few seeks, however
 * many events). Adds them to out[*nout] (malloc()ed, distinct). Returns
 * DYAD_OK, or DYAD_EINVAL when there are more than MAX_CODES (the caller
 * falls back to ranges), DYAD_EDB. */
static int seek_codes(struct q *q, bool target, char *const *src, int nsrc, char it[][33], int n,
		      char **out, int *nout)
{
	sqlite3_stmt *st;
	const char *sql = target ? "SELECT min(target) FROM events WHERE source = ?3 AND "
				   "target >= ?1 AND target < ?2"
				 : "SELECT min(source) FROM events WHERE source >= ?1 AND source < ?2";
	if (sqlite3_prepare_v2(q->db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return dyad_store_error(q->db, q->err, "preparing a query");
	int rc = DYAD_OK;
	for (int s = 0; s < (target ? nsrc : 1) && !rc; s++) {
		for (int i = 0; i < n && !rc; i++) {
			char lo[40], hi[40];
			size_t len = strlen(it[i]);
			memcpy(lo, it[i], len + 1);
			memcpy(hi, it[i], len + 1);
			hi[len - 1]++;
			int lolen = (int)len;
			for (;;) {
				sqlite3_reset(st);
				/* after the first, seek past prev: prev "\0" sorts right after it */
				sqlite3_bind_text(st, 1, lo, lolen, SQLITE_TRANSIENT);
				sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
				if (target)
					sqlite3_bind_text(st, 3, src[s], -1, SQLITE_STATIC);
				if (sqlite3_step(st) != SQLITE_ROW) {
					rc = q_step_error(q, "reading actor codes");
					break;
				}
				const char *c = (const char *)sqlite3_column_text(st, 0);
				if (!c)
					break;
				size_t clen = strlen(c);
				if (clen + 2 > sizeof lo) {
					rc = DYAD_EINVAL;  /* odd code: use ranges */
					break;
				}
				bool have = false;
				for (int k = 0; k < *nout && !have; k++)
					have = strcmp(out[k], c) == 0;
				if (!have) {
					if (*nout >= MAX_CODES) {
						rc = DYAD_EINVAL;
						break;
					}
					if (!(out[*nout] = dyad_strdup(c))) {
						rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
						break;
					}
					++*nout;
				}
				memcpy(lo, c, clen);
				lo[clen] = '\0';
				lolen = (int)clen + 1;
			}
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static void qb_in(struct qb *b, const char *col, char *const *codes, int n)
{
	qb_sql(b, " AND ");
	if (!n) {
		qb_sql(b, "0");
		return;
	}
	qb_sql(b, col);
	qb_sql(b, " IN (");
	for (int i = 0; i < n; i++) {
		if (i)
			qb_sql(b, ", ");
		qb_text(b, codes[i]);
	}
	qb_sql(b, ")");
}

/* Conditions for source prefixes sv and target prefixes tv (either may be
 * NULL). With both, the prefixes become the exact codes stored, so that
 * events_dyad_cover is searched on (source, target) pairs, not on a source range. */
static int cond_pair(struct q *q, struct qb *b, const char *scol, const char *tcol,
		     const char *sname, const char *sv, const char *tname, const char *tv)
{
	if (!sv || !tv) {
		if (sv && q_cond_actor(q, b, scol, sname, sv))
			return DYAD_EINVAL;
		if (tv && q_cond_actor(q, b, tcol, tname, tv))
			return DYAD_EINVAL;
		return DYAD_OK;
	}
	char si[MAX_ITEMS][33], ti[MAX_ITEMS][33];
	int ns = split_list(q, sname, sv, si, MAX_ITEMS, ok_actor);
	int nt = ns < 0 ? -1 : split_list(q, tname, tv, ti, MAX_ITEMS, ok_actor);
	if (ns < 0 || nt < 0)
		return DYAD_EINVAL;
	char *src[MAX_CODES], *tgt[MAX_CODES];
	int nsrc = 0, ntgt = 0;
	int rc = seek_codes(q, false, NULL, 0, si, ns, src, &nsrc);
	if (!rc)
		rc = seek_codes(q, true, src, nsrc, ti, nt, tgt, &ntgt);
	if (!rc) {
		qb_in(b, scol, src, nsrc);
		qb_in(b, tcol, tgt, ntgt);
	} else if (rc == DYAD_EINVAL) {
		rc = DYAD_OK;
		dyad_err_clear(q->err);
		if (q_cond_actor(q, b, scol, sname, sv) || q_cond_actor(q, b, tcol, tname, tv))
			rc = DYAD_EINVAL;
	}
	for (int i = 0; i < nsrc; i++)
		free(src[i]);
	for (int i = 0; i < ntgt; i++)
		free(tgt[i]);
	return rc;
}

int q_cond_dyad(struct q *q, struct qb *b, const char *scol, const char *tcol,
		const char *value)
{
	const char *colon = strchr(value, ':');
	if (!colon || strchr(colon + 1, ':') || (colon == value && !colon[1]))
		return dyad_error(q->err, DYAD_EINVAL,
				  "dyad: '%.64s' is not SOURCE:TARGET (actor code prefixes)", value);
	char src[MAX_VALUE + 1];
	size_t n = (size_t)(colon - value);
	memcpy(src, value, n);
	src[n] = '\0';
	return cond_pair(q, b, scol, tcol, "dyad", n ? src : NULL, "dyad",
			 colon[1] ? colon + 1 : NULL);
}

int q_cond_codes(struct q *q, struct qb *b, const char *col, const char *quadcol)
{
	char it[MAX_ITEMS][33];
	const char *v;
	int n;
	if ((v = q_get(q, "root"))) {
		if ((n = split_list(q, "root", v, it, MAX_ITEMS, ok_root)) < 0)
			return DYAD_EINVAL;
		qb_sql(b, " AND (");
		for (int i = 0; i < n; i++) {
			char r[3];
			snprintf(r, sizeof r, "%02d", atoi(it[i]));
			if (i)
				qb_sql(b, " OR ");
			prefix_range(b, col, r);
		}
		qb_sql(b, ")");
	}
	if ((v = q_get(q, "code")) && cond_prefixes(q, b, col, "code", v, ok_code))
		return DYAD_EINVAL;
	if ((v = q_get(q, "quad"))) {
		if ((n = split_list(q, "quad", v, it, 4, ok_quad)) < 0)
			return DYAD_EINVAL;
		qb_sql(b, " AND ");
		qb_sql(b, quadcol);
		qb_sql(b, " IN (");
		for (int i = 0; i < n; i++) {
			if (i)
				qb_sql(b, ", ");
			qb_int(b, atoi(it[i]));
		}
		qb_sql(b, ")");
	}
	return DYAD_OK;
}

/* Parse a date YYYY, YYYY-MM or YYYY-MM-DD into the first (upper: last)
 * day it covers, as YYYY-MM-DD in out[16]. */
static int parse_date(struct q *q, const char *name, const char *v, bool upper, char out[16])
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(v);
	int y = 0, m = upper ? 12 : 1, d = upper ? 31 : 1;
	bool ok = n == 4 || n == 7 || n == 10;
	for (size_t i = 0; ok && i < n; i++)
		ok = (i == 4 || i == 7) ? v[i] == '-' : isdigit((unsigned char)v[i]) != 0;
	if (ok) {
		y = atoi(v);
		if (n >= 7)
			m = atoi(v + 5);
		ok = y >= 1 && m >= 1 && m <= 12;
	}
	if (ok) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int last = mdays[m - 1] + (m == 2 && leap);
		if (n == 10)
			d = atoi(v + 8);
		else if (upper)
			d = last;
		ok = d >= 1 && d <= last;
	}
	if (!ok)
		return dyad_error(q->err, DYAD_EINVAL,
				  "%s: '%.64s' is not a date YYYY, YYYY-MM or YYYY-MM-DD", name, v);
	snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return DYAD_OK;
}

int q_cond_dates(struct q *q, struct qb *b, const char *col)
{
	char lo[16], hi[16];
	const char *f = q_get(q, "from"), *t = q_get(q, "to");
	if (f && parse_date(q, "from", f, false, lo))
		return DYAD_EINVAL;
	if (t && parse_date(q, "to", t, true, hi))
		return DYAD_EINVAL;
	if (f && t && strcmp(lo, hi) > 0)
		return dyad_error(q->err, DYAD_EINVAL, "from: '%s' is after to '%s'", f, t);
	if (f) {
		qb_sql(b, " AND ");
		qb_sql(b, col);
		qb_sql(b, " >= ");
		qb_text(b, lo);
	}
	if (t) {
		qb_sql(b, " AND ");
		qb_sql(b, col);
		qb_sql(b, " <= ");
		qb_text(b, hi);
	}
	return DYAD_OK;
}

/* Whether the bytes hold something FTS5's unicode61 tokenizer keeps. */
static bool has_token(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Every word and "phrase" becomes an FTS5 string (operators and syntax
 * characters are then plain text), joined by spaces (AND); a word ending in
 * '*' is a prefix. */
int q_fts(struct q *q, const char *name, const char *value, struct dyad_buf *out)
{
	const char *s = value;
	int terms = 0;
	dyad_buf_clear(out);
	while (*s) {
		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		const char *w;
		size_t len;
		bool prefix = false;
		if (*s == '"') {
			w = s + 1;
			const char *e = strchr(w, '"');
			if (!e)
				return dyad_error(q->err, DYAD_EINVAL,
						  "%s: '%.64s' has a \" without its closing \"", name,
						  value);
			len = (size_t)(e - w);
			s = e + 1;
		} else {
			w = s;
			while (*s && !isspace((unsigned char)*s) && *s != '"')
				s++;
			len = (size_t)(s - w);
			if (len > 1 && w[len - 1] == '*') {
				prefix = true;
				len--;
			}
		}
		if (!has_token(w, len))
			continue;
		if (++terms > 32)
			return dyad_error(q->err, DYAD_EINVAL, "%s: more than 32 words in '%.64s'",
					  name, value);
		if (out->len)
			dyad_buf_addc(out, ' ');
		dyad_buf_addc(out, '"');
		dyad_buf_add(out, w, len);  /* holds no '"': both forms stop at one */
		dyad_buf_addc(out, '"');
		if (prefix)
			dyad_buf_addc(out, '*');
	}
	if (!terms)
		return dyad_error(q->err, DYAD_EINVAL, "%s: no words to search for in '%.64s'", name,
				  value);
	return out->cap || out->len ? DYAD_OK : dyad_error(q->err, DYAD_ENOMEM, "out of memory");
}

/* ---- Rows ------------------------------------------------------------ */

json_t *q_str(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	/* invalid UTF-8 (should not be stored, but never trust it): mask bytes */
	char *c = dyad_strdup(s);
	if (!c)
		return NULL;
	for (unsigned char *p = (unsigned char *)c; *p; p++)
		if (*p >= 0x80)
			*p = '?';
	j = json_string(c);
	free(c);
	return j;
}

json_t *q_col(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, i));
	case SQLITE_NULL:
		return json_null();
	default:
		return q_str((const char *)sqlite3_column_text(st, i));
	}
}

int q_set(struct q *q, const char *key, json_t *v)
{
	if (!v || json_object_set_new(q->res, key, v))
		return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
	return DYAD_OK;
}

int q_columns(struct q *q, const char *const *names)
{
	json_t *a = json_array();
	for (; a && *names; names++)
		if (json_array_append_new(a, json_string(*names))) {
			json_decref(a);
			a = NULL;
		}
	return q_set(q, "columns", a);
}

json_t *q_row(sqlite3_stmt *st)
{
	json_t *row = json_object();
	int nc = sqlite3_column_count(st);
	for (int i = 0; row && i < nc; i++) {
		const char *name = sqlite3_column_name(st, i);
		if (name[0] == '_')  /* helper columns */
			continue;
		if (json_object_set_new(row, name, q_col(st, i))) {
			json_decref(row);
			row = NULL;
		}
	}
	return row;
}

/* Add row hooks: called for each row object before it is kept. */
typedef int row_fn(struct q *q, sqlite3_stmt *st, json_t *row);

static int rows_with(struct q *q, sqlite3_stmt *st, row_fn *fn)
{
	int n = 0, rc;
	bool more = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n >= q->limit) {
			more = true;
			break;
		}
		json_t *row = q_row(st);
		if (!row)
			return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		if (fn && (rc = fn(q, st, row))) {
			json_decref(row);
			return rc;
		}
		if (json_array_append_new(q->rows, row))
			return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		n++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return q_step_error(q, "running a query");
	return q_set(q, "more", json_boolean(more));
}

int q_rows(struct q *q, sqlite3_stmt *st)
{
	return rows_with(q, st, NULL);
}

/* " LIMIT limit+1 OFFSET offset": one more row says whether there are more. */
static void qb_page(struct q *q, struct qb *b)
{
	qb_sql(b, " LIMIT ");
	qb_int(b, q->limit + 1);
	qb_sql(b, " OFFSET ");
	qb_int(b, q->offset);
}

static int run_built(struct q *q, struct qb *b, row_fn *fn)
{
	sqlite3_stmt *st = qb_prepare(q, b);
	if (!st)
		return q->err->rc ? q->err->rc : DYAD_EDB;
	int rc = rows_with(q, st, fn);
	sqlite3_finalize(st);
	return rc;
}

/* ---- search ------------------------------------------------------------ */

/* Search pages end here: folding reads every match ranked above the page. */
#define SEARCH_MAX_OFFSET 10000
/* Matches given an exact score (docs/query.md): at least the K read. */
#define SEARCH_POOL 2000

/* The columns of a shown match; _title is the title's snippet. */
#define SEARCH_DETAIL                                                                         \
	"SELECT f.rowid AS _rowid, a.published, a.outlet, a.title, "                              \
	"snippet(articles_fts, 1, char(1), char(2), '...', 16) AS snippet, "                     \
	"(SELECT count(*) FROM copies c WHERE c.original = a.rowid) AS copies, a.id, "           \
	"snippet(articles_fts, 0, '[', ']', '...', 16) AS _title "                                \
	"FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?1 "

/* A shown match's row from st (SEARCH_DETAIL): the body snippet was made
 * with \1 and \2 around matches, turned into [ and ]; with no match in the
 * body (the title matched), the snippet is the title's, so that it shows
 * what matched. NULL when out of memory. */
static json_t *search_row(sqlite3_stmt *st, double score)
{
	json_t *row = json_object(), *rest = q_row(st), *v = NULL;
	const char *s = (const char *)sqlite3_column_text(st, 4);
	if (s && strchr(s, '\1')) {
		char *c = dyad_strdup(s);
		for (char *p = c; p && *p; p++)
			if (*p == '\1' || *p == '\2')
				*p = *p == '\1' ? '[' : ']';
		v = c ? json_string(c) : NULL;
		free(c);
	} else {
		v = q_col(st, 7);
	}
	if (!row || !rest || !v || json_object_set_new(row, "score", json_real(score)) ||
	    json_object_update(row, rest) || json_object_set_new(row, "snippet", v)) {
		json_decref(row);
		row = NULL;
	}
	json_decref(rest);
	return row;
}

/* The rows of the matches id[0..n) (scores score) into out[], in that
 * order. A prefix query is read once for them all: FTS5 expands a prefix
 * over the term index at every statement (about 15 ms at a million
 * articles, so a page of 50 cost a second); otherwise a statement seeks
 * each match. Returns DYAD_OK, else an error with q->err set. */
static int search_rows(struct q *q, const char *fts, const sqlite3_int64 *id, const double *score,
		       int n, json_t **out)
{
	bool prefix = strstr(fts, "\"*") != NULL;
	sqlite3_int64 lo = 0, hi = -1;
	struct dyad_buf ids = DYAD_BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc = DYAD_OK, found = 0;
	for (int i = 0; i < n; i++) {
		out[i] = NULL;
		lo = i && lo < id[i] ? lo : id[i];
		hi = hi > id[i] ? hi : id[i];
		dyad_buf_printf(&ids, "%s%lld", i ? "," : "[", (long long)id[i]);
	}
	if (!n)
		return DYAD_OK;
	if (dyad_buf_adds(&ids, "]") ||
	    sqlite3_prepare_v2(q->db->h,
			       prefix ? SEARCH_DETAIL "AND f.rowid >= ?2 AND f.rowid <= ?3 "
						"AND +f.rowid IN (SELECT value FROM json_each(?4))"
				      : SEARCH_DETAIL "AND f.rowid = ?2",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = dyad_store_error(q->db, q->err, "preparing a search");
		goto out;
	}
	for (int i = 0; i < n && (i == 0 || !prefix); i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, prefix ? lo : id[i]);
		if (prefix) {
			sqlite3_bind_int64(st, 3, hi);
			sqlite3_bind_text(st, 4, ids.data, (int)ids.len, SQLITE_STATIC);
		}
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			sqlite3_int64 r = sqlite3_column_int64(st, 0);
			for (int j = 0; j < n; j++) {
				if (id[j] != r || out[j])
					continue;
				if (!(out[j] = search_row(st, score[j]))) {
					rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
					goto out;
				}
				found++;
			}
		}
		if (step != SQLITE_DONE) {
			rc = q_step_error(q, "reading a match");
			goto out;
		}
	}
	if (found < n)
		rc = dyad_error(q->err, DYAD_EDB, "%s: a match was not found again", q->db->path);
out:
	sqlite3_finalize(st);
	dyad_buf_release(&ids);
	if (rc)
		for (int i = 0; i < n; i++) {
			json_decref(out[i]);
			out[i] = NULL;
		}
	return rc;
}

/* The best K matches (q_rank(): one pass over the matches, exact BM25 for a
 * bounded pool only) are folded here, K growing while folding leaves the
 * page short: copies are passed over and a story is shown once, at its
 * best-ranked article. */
static int run_search(struct q *q)
{
	static const char *const cols[] = {"score", "published", "outlet", "title", "snippet",
					   "copies", "id", NULL};
	const char *text = q_get(q, "q");
	bool all;
	struct dyad_buf fts = DYAD_BUF_INIT;
	struct qb b, filter;  /* the match; the conditions on its article */
	sqlite3_stmt *fold_st = NULL;
	sqlite3_int64 *keep = NULL, *keys = NULL;
	struct q_hit *hits = NULL;
	double *score = NULL;
	json_t **rows = NULL;
	int rc, shown = 0;
	if ((rc = get_bool(q, "all", &all)))
		return rc;
	if (!text)
		return dyad_error(q->err, DYAD_EINVAL, "search: q (the text to search for) is needed");
	if (q->offset > SEARCH_MAX_OFFSET)
		return dyad_error(q->err, DYAD_EINVAL, "offset: '%d' is over %d for search",
				  q->offset, SEARCH_MAX_OFFSET);
	qb_init(&b);
	qb_init(&filter);
	/* one read transaction for the search's many statements: each would
	 * else take and drop the file's read lock (thousands for the lengths) */
	bool txn = sqlite3_exec(q->db->h, "SAVEPOINT dyad_search", NULL, NULL, NULL) == SQLITE_OK;
	if ((rc = q_fts(q, "q", text, &fts)))
		goto out;
	bool fold = q->folded && !all;
	qb_sql(&b, " WHERE articles_fts MATCH ");
	qb_text(&b, fts.data);
	if ((rc = q_cond_dates(q, &filter, "a.published")))
		goto out;
	if (q_get(q, "outlet")) {
		qb_sql(&filter, " AND a.outlet = ");
		qb_text(&filter, q_get(q, "outlet"));
	}
	if (fold && sqlite3_prepare_v2(q->db->h,
				       "SELECT EXISTS (SELECT 1 FROM copies WHERE article = ?1), "
				       "(SELECT story FROM story_articles WHERE article = ?1)",
				       -1, &fold_st, NULL) != SQLITE_OK)
		goto dbfail;
	int want = q->offset + q->limit + 1, got = 0, nkeys = 0;
	keep = malloc((size_t)want * sizeof *keep);
	score = malloc((size_t)want * sizeof *score);
	keys = malloc((size_t)want * sizeof *keys);
	if (!keep || !score || !keys) {
		rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		goto out;
	}
	for (int k = fold ? want * 4 : want;; k *= 8) {
		struct q_rank_info info;
		int nhits;
		got = nkeys = 0;
		free(hits);
		if ((rc = q_rank_filter(q, &b, &filter, k, k > SEARCH_POOL ? k : SEARCH_POOL,
					 Q_RANK_EXACT_MAX, &hits, &nhits, &info)))
			goto out;
		for (int h = 0; h < nhits && got < want; h++) {
			sqlite3_int64 r = hits[h].rowid, key = -r;
			if (fold) {
				sqlite3_reset(fold_st);
				sqlite3_bind_int64(fold_st, 1, r);
				if (sqlite3_step(fold_st) != SQLITE_ROW) {
					rc = q_step_error(q, "folding matches");
					goto out;
				}
				if (sqlite3_column_int(fold_st, 0))
					continue;  /* a copy */
				if (sqlite3_column_type(fold_st, 1) != SQLITE_NULL) {
					key = sqlite3_column_int64(fold_st, 1);
					bool dup = false;
					for (int i = 0; i < nkeys && !dup; i++)
						dup = keys[i] == key;
					if (dup)
						continue;
					keys[nkeys++] = key;
				}
			}
			keep[got] = r;
			score[got++] = hits[h].score;
		}
		/* done when the page is full or every match was read */
		if (got >= want || info.matches <= k || k > INT_MAX / 8)
			break;
	}
	if ((rc = q_columns(q, cols)) || (rc = q_set(q, "query", json_string(fts.data))))
		goto out;
	shown = got - q->offset < q->limit ? got - q->offset : q->limit;
	if (shown > 0) {
		if (!(rows = calloc((size_t)shown, sizeof *rows))) {
			rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
			goto out;
		}
		if ((rc = search_rows(q, fts.data, keep + q->offset, score + q->offset, shown, rows)))
			goto out;
		for (int i = 0; i < shown; i++) {
			json_t *row = rows[i];
			rows[i] = NULL;  /* the array owns it, even on failure */
			if (json_array_append_new(q->rows, row)) {
				rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
				goto out;
			}
		}
	}
	rc = q_set(q, "more", json_boolean(got >= want));
	goto out;
dbfail:
	rc = dyad_store_error(q->db, q->err, "preparing a search");
out:
	sqlite3_finalize(fold_st);
	for (int i = 0; rows && i < shown; i++)
		json_decref(rows[i]);
	free(rows);
	free(keep);
	free(score);
	free(keys);
	free(hits);
	if (txn)
		sqlite3_exec(q->db->h, "RELEASE dyad_search", NULL, NULL, NULL);
	qb_release(&filter);
	qb_release(&b);
	dyad_buf_release(&fts);
	return rc;
}

/* ---- events ------------------------------------------------------------ */

int q_event_conds(struct q *q, struct qb *b, bool with_actor_params)
{
	const char *v;
	if (with_actor_params) {
		int rc = cond_pair(q, b, "e.source", "e.target", "source", q_get(q, "source"),
				   "target", q_get(q, "target"));
		if (rc)
			return rc;
		if ((v = q_get(q, "actor"))) {
			qb_sql(b, " AND (1");
			if (q_cond_actor(q, b, "e.source", "actor", v))
				return DYAD_EINVAL;
			qb_sql(b, " OR 1");
			if (q_cond_actor(q, b, "e.target", "actor", v))
				return DYAD_EINVAL;
			qb_sql(b, ")");
		}
	}
	if ((v = q_get(q, "dyad")) && q_cond_dyad(q, b, "e.source", "e.target", v))
		return DYAD_EINVAL;
	if (q_cond_codes(q, b, "e.code", "e.quad") || q_cond_dates(q, b, "e.date"))
		return DYAD_EINVAL;
	if ((v = q_get(q, "outlet"))) {
		qb_sql(b, " AND a.outlet = ");
		qb_text(b, v);
	}
	if ((v = q_get(q, "q"))) {
		struct dyad_buf fts = DYAD_BUF_INIT;
		int rc = q_fts(q, "q", v, &fts);
		if (!rc) {
			qb_sql(b, " AND e.article IN (SELECT rowid FROM articles_fts WHERE "
				  "articles_fts MATCH ");
			qb_text(b, fts.data);
			qb_sql(b, ")");
		}
		dyad_buf_release(&fts);
		return rc;
	}
	return DYAD_OK;
}

/* The articles whose events count with article ?1's: its story, else
 * itself and its copies. */
#define GROUP_SQL \
	"WITH g(x) AS (SELECT sb.article FROM story_articles sa JOIN story_articles sb " \
	"ON sb.story = sa.story WHERE sa.article = ?1 UNION SELECT ?1 UNION " \
	"SELECT c.article FROM copies c WHERE c.original = ?1) "

static int events_row(struct q *q, sqlite3_stmt *st, json_t *row)
{
	const char *code = json_string_value(json_object_get(row, "code"));
	const struct dyad_cameo *c = code ? dyad_cameo_lookup(code) : NULL;
	if (json_object_set_new(row, "name", c ? json_string(c->name) : json_null()))
		return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
	sqlite3_int64 mentions = 1, articles = 1, sources = 1;
	if (q->folded) {
		sqlite3_stmt *g;
		if (sqlite3_prepare_v2(q->db->h,
				       GROUP_SQL "SELECT count(*), count(DISTINCT e.article), "
				       "count(DISTINCT coalesce(a.outlet, '#' || a.rowid)) FROM g "
				       "JOIN events e ON e.article = g.x JOIN articles a ON "
				       "a.rowid = e.article WHERE e.source = ?2 AND e.target = ?3 "
				       "AND e.code = ?4 AND e.negated = ?5",
				       -1, &g, NULL) != SQLITE_OK)
			return dyad_store_error(q->db, q->err, "counting mentions");
		sqlite3_bind_int64(g, 1, sqlite3_column_int64(st, sqlite3_column_count(st) - 1));
		for (int i = 0; i < 3; i++) {
			static const char *const k[] = {"source", "target", "code"};
			const char *s = json_string_value(json_object_get(row, k[i]));
			sqlite3_bind_text(g, 2 + i, s ? s : "", -1, SQLITE_TRANSIENT);
		}
		sqlite3_bind_int64(g, 5, json_integer_value(json_object_get(row, "negated")));
		if (sqlite3_step(g) == SQLITE_ROW) {
			mentions = sqlite3_column_int64(g, 0);
			articles = sqlite3_column_int64(g, 1);
			sources = sqlite3_column_int64(g, 2);
		}
		sqlite3_finalize(g);
	}
	if (json_object_set_new(row, "mentions", json_integer(mentions)) ||
	    json_object_set_new(row, "articles", json_integer(articles)) ||
	    json_object_set_new(row, "sources", json_integer(sources)))
		return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
	return DYAD_OK;
}

void qb_append(struct qb *dst, const struct qb *src)
{
	const char *s = src->sql.data;
	int k = 0;
	/* re-add the values at their '?' (conditions hold no '?' in literals) */
	for (const char *p = s; *p; p++) {
		if (*p != '?')
			continue;
		char part[1024];
		size_t n = (size_t)(p - s);
		while (n) {
			size_t m = n < sizeof part - 1 ? n : sizeof part - 1;
			memcpy(part, s, m);
			part[m] = '\0';
			qb_sql(dst, part);
			s += m;
			n -= m;
		}
		if (k < src->nb && src->b[k].is_text)
			qb_text(dst, src->b[k].s);
		else if (k < src->nb)
			qb_int(dst, src->b[k].i);
		k++;
		s = p + 1;
	}
	qb_sql(dst, s);
	if (src->oom)
		dst->oom = true;
}

/* Above this many matching events the page is read in date order from
 * events_date (stopping at the page's end) instead of from the filter's own
 * index and sorting: a broad filter then costs a page, not a sort. */
#define PROBE_ROWS 4000

static int run_events(struct q *q)
{
	static const char *const cols[] = {"date", "source", "source_text", "code", "name",
					   "target", "target_text", "goldstein", "quad", "negated",
					   "mentions", "articles", "sources", "outlet",
					   "article_id", "sentence", NULL};
	static const char *const neg_choices[] = {"0", "1", "all", NULL};
	static const char *const sort_choices[] = {"date", "-date", NULL};
	int neg, sort, rc;
	bool all;
	struct qb cond, b;
	sqlite3_stmt *probe = NULL, *cand = NULL, *fold_st = NULL, *detail = NULL;
	if ((rc = q_choice(q, "negated", neg_choices, 0, &neg)) ||
	    (rc = q_choice(q, "sort", sort_choices, 0, &sort)) || (rc = get_bool(q, "all", &all)))
		return rc;
	bool fold = q->folded && !all;
	const char *from = q_get(q, "outlet") ? " JOIN articles a ON a.rowid = e.article" : "";
	qb_init(&cond);
	qb_init(&b);
	if (neg < 2) {
		qb_sql(&cond, " AND e.negated = ");
		qb_int(&cond, neg);
	}
	if ((rc = q_event_conds(q, &cond, true)) || (rc = q_columns(q, cols)))
		goto out;
	qb_sql(&b, "SELECT count(*) FROM (SELECT 1 FROM events e");
	qb_sql(&b, from);
	qb_sql(&b, " WHERE 1");
	qb_append(&b, &cond);
	qb_sql(&b, " LIMIT ");
	qb_int(&b, PROBE_ROWS);
	qb_sql(&b, ")");
	if (!(probe = qb_prepare(q, &b)))
		goto fail;
	if (sqlite3_step(probe) != SQLITE_ROW) {
		rc = q_step_error(q, "counting events");
		goto out;
	}
	bool broad = sqlite3_column_int(probe, 0) >= PROBE_ROWS;
	qb_release(&b);
	qb_sql(&b, "SELECT e.rowid, e.article, e.source, e.target, e.code, e.negated FROM events e");
	if (broad)
		qb_sql(&b, " INDEXED BY events_date");
	qb_sql(&b, from);
	qb_sql(&b, " WHERE 1");
	qb_append(&b, &cond);
	qb_sql(&b, sort ? " ORDER BY e.date DESC, e.rowid DESC" : " ORDER BY e.date, e.rowid");
	if (!fold)
		qb_page(q, &b);
	if (!(cand = qb_prepare(q, &b)))
		goto fail;
	/* once per story: copies are left out, and events an earlier article
	 * (not a copy) of the same story has too */
	if (fold && sqlite3_prepare_v2(q->db->h,
				       "SELECT EXISTS (SELECT 1 FROM copies c WHERE c.article = ?1) "
				       "OR EXISTS (SELECT 1 FROM story_articles sa JOIN story_articles "
				       "sb ON sb.story = sa.story AND sb.article < sa.article JOIN "
				       "events e2 ON e2.article = sb.article WHERE sa.article = ?1 AND "
				       "e2.source = ?2 AND e2.target = ?3 AND e2.code = ?4 AND "
				       "e2.negated = ?5 AND NOT EXISTS (SELECT 1 FROM copies c2 WHERE "
				       "c2.article = sb.article))", -1, &fold_st, NULL) != SQLITE_OK) {
		rc = dyad_store_error(q->db, q->err, "preparing a query");
		goto out;
	}
	if (sqlite3_prepare_v2(q->db->h,
			       "SELECT e.date, e.source, e.source_text, e.code, e.target, "
			       "e.target_text, e.goldstein, e.quad, e.negated, a.outlet, "
			       "a.id AS article_id, CAST(substr(CAST(a.text AS BLOB), s.start + 1, "
			       "s.length) AS TEXT) AS sentence, e.article AS _article FROM events e "
			       "JOIN articles a ON a.rowid = e.article LEFT JOIN sentences s ON "
			       "s.article = e.article AND s.idx = e.sentence_index WHERE e.rowid = ?1",
			       -1, &detail, NULL) != SQLITE_OK) {
		rc = dyad_store_error(q->db, q->err, "preparing a query");
		goto out;
	}
	int n = 0, skipped = 0, step;
	bool more = false;
	while ((step = sqlite3_step(cand)) == SQLITE_ROW) {
		if (fold) {
			sqlite3_reset(fold_st);
			sqlite3_bind_int64(fold_st, 1, sqlite3_column_int64(cand, 1));
			for (int i = 2; i <= 4; i++)
				sqlite3_bind_value(fold_st, i, sqlite3_column_value(cand, i));
			sqlite3_bind_int64(fold_st, 5, sqlite3_column_int64(cand, 5));
			if (sqlite3_step(fold_st) != SQLITE_ROW) {
				rc = q_step_error(q, "folding events");
				goto out;
			}
			if (sqlite3_column_int(fold_st, 0))
				continue;
			if (skipped < q->offset) {
				skipped++;
				continue;
			}
		}
		if (n >= q->limit) {
			more = true;
			break;
		}
		sqlite3_reset(detail);
		sqlite3_bind_int64(detail, 1, sqlite3_column_int64(cand, 0));
		if (sqlite3_step(detail) != SQLITE_ROW) {
			rc = q_step_error(q, "reading an event");
			goto out;
		}
		json_t *row = q_row(detail);
		if (!row || (rc = events_row(q, detail, row)) ||
		    json_array_append_new(q->rows, row)) {
			json_decref(row);
			rc = rc ? rc : dyad_error(q->err, DYAD_ENOMEM, "out of memory");
			goto out;
		}
		n++;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = q_step_error(q, "running a query");
	else
		rc = q_set(q, "more", json_boolean(more));
	goto out;
fail:
	rc = q->err->rc ? q->err->rc : DYAD_EDB;
out:
	sqlite3_finalize(probe);
	sqlite3_finalize(cand);
	sqlite3_finalize(fold_st);
	sqlite3_finalize(detail);
	qb_release(&cond);
	qb_release(&b);
	return rc;
}

/* ---- quotes, people ---------------------------------------------------- */

/* The end of a list query: page, run, release b. Returns rc when set. */
static int list_done(struct q *q, struct qb *b, const char *const *cols, int rc)
{
	if (!rc) {
		qb_page(q, b);
		if (!(rc = q_columns(q, cols)))
			rc = run_built(q, b, NULL);
	}
	qb_release(b);
	return rc;
}

/* Append a LIKE pattern '%value%' (value's % _ \ escaped). */
static void qb_like(struct qb *b, const char *value)
{
	struct dyad_buf p = DYAD_BUF_INIT;
	dyad_buf_addc(&p, '%');
	for (const char *s = value; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			dyad_buf_addc(&p, '\\');
		dyad_buf_addc(&p, *s);
	}
	dyad_buf_addc(&p, '%');
	qb_text(b, p.data);
	qb_sql(b, " ESCAPE '\\'");
	dyad_buf_release(&p);
}

static int run_quotes(struct q *q)
{
	static const char *const cols[] = {"date", "speaker", "role", "actor", "quote", "direct",
					   "verb", "outlet", "article_id", NULL};
	struct qb b;
	const char *v;
	bool all = false;
	int rc;
	qb_init(&b);
	qb_sql(&b, "SELECT a.published AS date, coalesce(q.speaker, q.speaker_text) AS speaker, "
		   "q.speaker_role AS role, q.speaker_actor AS actor, "
		   "CAST(substr(CAST(a.text AS BLOB), q.byte_start + 1, q.byte_length) AS TEXT) "
		   "AS quote, q.direct, q.verb, a.outlet, a.id AS article_id FROM quotes q "
		   "JOIN articles a ON a.rowid = q.article WHERE 1");
	if ((v = q_get(q, "speaker"))) {
		qb_sql(&b, " AND (q.speaker LIKE ");
		qb_like(&b, v);
		qb_sql(&b, " OR q.speaker_text LIKE ");
		qb_like(&b, v);
		qb_sql(&b, ")");
	}
	if ((v = q_get(q, "actor")) && (rc = q_cond_actor(q, &b, "q.speaker_actor", "actor", v)))
		goto out;
	if ((v = q_get(q, "q"))) {
		qb_sql(&b, " AND CAST(substr(CAST(a.text AS BLOB), q.byte_start + 1, q.byte_length)"
			   " AS TEXT) LIKE ");
		qb_like(&b, v);
	}
	if ((v = q_get(q, "outlet"))) {
		qb_sql(&b, " AND a.outlet = ");
		qb_text(&b, v);
	}
	if ((rc = q_cond_dates(q, &b, "a.published")) || (rc = get_bool(q, "all", &all)))
		goto out;
	if (q->folded && !all)  /* a copy's quotations are its original's */
		qb_sql(&b, " AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.article = q.article)");
	qb_sql(&b, " ORDER BY a.published, q.article, q.start");
out:
	return list_done(q, &b, cols, rc);
}

static int run_people(struct q *q)
{
	static const char *const cols[] = {"name", "title", "role", "nationality", "actor",
					   "articles", "mentions", NULL};
	struct qb b;
	const char *v;
	int rc = DYAD_OK;
	qb_init(&b);
	qb_sql(&b, "SELECT name, title, role, nationality, actor, count(*) AS articles, "
		   "sum(mentions) AS mentions FROM people p WHERE 1");
	if ((v = q_get(q, "q"))) {
		qb_sql(&b, " AND p.name LIKE ");
		qb_like(&b, v);
	}
	if ((v = q_get(q, "actor")) && (rc = q_cond_actor(q, &b, "p.actor", "actor", v)))
		goto out;
	qb_sql(&b, " GROUP BY name_key ORDER BY count(*) DESC, name");
out:
	return list_done(q, &b, cols, rc);
}

/* ---- dups, actors, stories --------------------------------------------- */

/* An article id parameter: 16 hex digits (the id) or a rowid. Appends the
 * rowid expression (a bound value or a subquery). */
static int qb_article(struct q *q, struct qb *b, const char *v)
{
	size_t n = strlen(v);
	bool hex = n == 16, dig = n > 0 && n <= 18;
	for (size_t i = 0; i < n; i++) {
		hex = hex && isxdigit((unsigned char)v[i]);
		dig = dig && isdigit((unsigned char)v[i]);
	}
	if (hex) {
		qb_sql(b, "(SELECT rowid FROM articles WHERE id = ");
		qb_text(b, v);
		qb_sql(b, ")");
	} else if (dig) {
		qb_int(b, strtoll(v, NULL, 10));
	} else {
		return dyad_error(q->err, DYAD_EINVAL,
				  "id: '%.64s' is not an article id (16 hex digits) or number", v);
	}
	return DYAD_OK;
}

static int run_dups(struct q *q)
{
	static const char *const cols[] = {"original_id", "original_date", "original_outlet",
					   "title", "copy_id", "copy_date", "copy_outlet",
					   "similarity", NULL};
	struct qb b;
	const char *v;
	int rc = DYAD_OK;
	qb_init(&b);
	qb_sql(&b, "SELECT o.id AS original_id, o.published AS original_date, "
		   "o.outlet AS original_outlet, o.title, k.id AS copy_id, k.published AS copy_date, "
		   "k.outlet AS copy_outlet, round(c.similarity, 3) AS similarity FROM copies c "
		   "JOIN articles o ON o.rowid = c.original JOIN articles k ON k.rowid = c.article "
		   "WHERE 1");
	if ((v = q_get(q, "id"))) {
		qb_sql(&b, " AND (c.original = ");
		if ((rc = qb_article(q, &b, v)))
			goto out;
		qb_sql(&b, " OR c.article = ");
		qb_article(q, &b, v);
		qb_sql(&b, ")");
	}
	if ((v = q_get(q, "outlet"))) {
		qb_sql(&b, " AND (o.outlet = ");
		qb_text(&b, v);
		qb_sql(&b, " OR k.outlet = ");
		qb_text(&b, v);
		qb_sql(&b, ")");
	}
	qb_sql(&b, " ORDER BY c.original, c.similarity DESC, c.article");
out:
	return list_done(q, &b, cols, rc);
}

static int run_actors(struct q *q)
{
	static const char *const cols[] = {"actor", "as_source", "as_target", "events", NULL};
	struct qb b;
	const char *v = q_get(q, "q");
	int rc = DYAD_OK;
	qb_init(&b);
	qb_sql(&b, "SELECT actor, sum(s) AS as_source, sum(t) AS as_target, sum(s + t) AS events "
		   "FROM (SELECT e.source AS actor, count(*) AS s, 0 AS t FROM events e WHERE "
		   "e.negated = 0");
	if (v && (rc = q_cond_actor(q, &b, "e.source", "q", v)))
		goto out;
	qb_sql(&b, " GROUP BY e.source UNION ALL SELECT e.target, 0, count(*) FROM events e "
		   "WHERE e.negated = 0");
	if (v)
		q_cond_actor(q, &b, "e.target", "q", v);
	qb_sql(&b, " GROUP BY e.target) GROUP BY actor ORDER BY events DESC, actor");
out:
	return list_done(q, &b, cols, rc);
}

static int run_stories(struct q *q)
{
	static const char *const cols[] = {"story", "first_date", "last_date", "articles",
					   "outlets", "title", "lead_id", NULL};
	struct qb b;
	const char *v;
	int rc;
	qb_init(&b);
	qb_sql(&b, "SELECT s.rowid AS story, s.first_date, s.last_date, s.articles, s.outlets, "
		   "s.title, a.id AS lead_id FROM stories s LEFT JOIN articles a ON a.rowid = s.lead "
		   "WHERE 1");
	if ((rc = q_cond_dates(q, &b, "s.first_date")))
		goto out;
	if ((v = q_get(q, "q"))) {
		struct dyad_buf fts = DYAD_BUF_INIT;
		if ((rc = q_fts(q, "q", v, &fts))) {
			dyad_buf_release(&fts);
			goto out;
		}
		qb_sql(&b, " AND s.rowid IN (SELECT sa.story FROM story_articles sa WHERE "
			   "sa.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
		qb_text(&b, fts.data);
		qb_sql(&b, "))");
		dyad_buf_release(&fts);
	}
	qb_sql(&b, " ORDER BY s.first_date, s.rowid");
out:
	return list_done(q, &b, cols, rc);
}

/* ---- Entry point ------------------------------------------------------- */

/* Whether any copies or stories are stored (then events count once each). */
static bool have_folding(struct dyad_db *db)
{
	sqlite3_stmt *st;
	bool yes = false;
	if (sqlite3_prepare_v2(db->h, "SELECT EXISTS (SELECT 1 FROM copies) OR "
				      "EXISTS (SELECT 1 FROM story_articles)", -1, &st, NULL) ==
	    SQLITE_OK) {
		yes = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return yes;
}

int dyad_query(struct dyad_db *db, const char *kind, const struct dyad_param *p, size_t n,
	       json_t **out, struct dyad_err *err)
{
	struct q q = {.db = db, .err = err, .p = p, .n = n, .kind = kind};
	*out = NULL;
	dyad_err_clear(err);
	const char *const *params = dyad_query_params(kind);
	if (!db || !params)
		return dyad_error(err, DYAD_EINVAL, "unknown query kind '%.64s'", kind ? kind : "");
	int rc = check_params(&q, params);
	long limit, offset;
	if (rc || (rc = get_int(&q, "limit", 1, DYAD_QUERY_LIMIT_MAX, DYAD_QUERY_LIMIT_DEFAULT,
				&limit)) ||
	    (rc = get_int(&q, "offset", 0, 100000000, 0, &offset)))
		return rc;
	q.limit = (int)limit;
	q.offset = (int)offset;
	q.folded = have_folding(db);
	q.res = json_object();
	q.rows = json_array();
	if (!q.res || !q.rows || json_object_set_new(q.res, "kind", json_string(kind)) ||
	    json_object_set(q.res, "rows", q.rows)) {
		json_decref(q.rows);
		json_decref(q.res);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < DYAD_ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			rc = kinds[i].run(&q);
	if (!rc && (json_object_set_new(q.res, "limit", json_integer(q.limit)) ||
		    json_object_set_new(q.res, "offset", json_integer(q.offset)) ||
		    json_object_set_new(q.res, "folded", json_boolean(q.folded))))
		rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
	json_decref(q.rows);
	if (rc) {
		json_decref(q.res);
		return rc;
	}
	*out = q.res;
	return DYAD_OK;
}
