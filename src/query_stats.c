/* stats: a dyad's events per period and quad class, each event counted once
 * per story. The events come from the dyad's index entries; grouping by
 * story and by period is done here with a hash table (SQLite would sort
 * every row twice through temporary b-trees: four times slower at 16,000
 * events). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "query_int.h"

/* One event of a story: (story key, source, target, code). */
struct sev {
	uint64_t h;
	char *k;           /* the key as text, malloc()ed; NULL: empty slot */
	char date[11];     /* first date it was reported */
	int quad;
	double g;
	bool has_g;
	int mentions;
};

struct stab {
	struct sev *v;
	size_t n, cap;     /* cap: a power of two */
};

static int stab_grow(struct stab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	struct sev *v = calloc(cap, sizeof *v);
	if (!v)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->v[i].k)
			continue;
		size_t j = t->v[i].h & (cap - 1);
		while (v[j].k)
			j = (j + 1) & (cap - 1);
		v[j] = t->v[i];
	}
	free(t->v);
	t->v = v;
	t->cap = cap;
	return DYAD_OK;
}

/* The entry of key k (added, zeroed but for k and h, when new); NULL when
 * memory is out. */
static struct sev *stab_get(struct stab *t, const char *k, size_t len)
{
	if ((t->n + 1) * 2 > t->cap && stab_grow(t))
		return NULL;
	uint64_t h = dyad_hash64(k, len, 0);
	size_t j = h & (t->cap - 1);
	for (; t->v[j].k; j = (j + 1) & (t->cap - 1))
		if (t->v[j].h == h && strcmp(t->v[j].k, k) == 0)
			return &t->v[j];
	if (!(t->v[j].k = dyad_strndup(k, len)))
		return NULL;
	t->v[j].h = h;
	t->n++;
	return &t->v[j];
}

static void stab_free(struct stab *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->v[i].k);
	free(t->v);
}

/* The label of period by (0 day, 1 week, 2 month, 3 year) of date
 * "YYYY-MM-DD" into out[11]. */
static void period_of(const char *date, int by, char out[11])
{
	if (by == 1 && strlen(date) >= 10) {
		struct dyad_date monday;
		long long z = dyad_date_days(atoi(date), atoi(date + 5), atoi(date + 8));
		int wd = (int)(((z + 3) % 7 + 7) % 7);  /* 1970-01-01 was a Thursday: Monday 0 */
		dyad_date_from_days(z - wd, &monday);
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(monday.y % 10000 + 10000) % 10000u,
			 (unsigned)monday.m % 100u, (unsigned)monday.d % 100u);
		return;
	}
	size_t n = by == 3 ? 4 : by == 2 ? 7 : 10;
	snprintf(out, 11, "%.*s", (int)n, date);
}

struct prow {
	char period[11];
	int quad;
	double g;
	bool has_g;
	int mentions;
};

static int prow_cmp(const void *a, const void *b)
{
	return strcmp(((const struct prow *)a)->period, ((const struct prow *)b)->period);
}

/* Append the row of one period to q->rows. */
static int add_period(struct q *q, const struct prow *p, size_t n)
{
	long quads[5] = {0}, mentions = 0, ng = 0;
	double g = 0;
	for (size_t i = 0; i < n; i++) {
		quads[p[i].quad >= 1 && p[i].quad <= 4 ? p[i].quad : 0]++;
		mentions += p[i].mentions;
		if (p[i].has_g) {
			g += p[i].g;
			ng++;
		}
	}
	json_t *row = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:I}", "period", p[0].period,
				"events", (json_int_t)n, "verbal_coop", (json_int_t)quads[1],
				"material_coop", (json_int_t)quads[2], "verbal_conflict",
				(json_int_t)quads[3], "material_conflict", (json_int_t)quads[4],
				"goldstein",
				ng ? json_real((double)(long long)(g / (double)ng * 1000 +
								    (g < 0 ? -0.5 : 0.5)) / 1000)
				   : json_null(),
				"mentions", (json_int_t)mentions);
	if (!row || json_array_append_new(q->rows, row))
		return dyad_error(q->err, DYAD_ENOMEM, "out of memory");
	return DYAD_OK;
}

int dyad_query_stats(struct q *q)
{
	static const char *const cols[] = {"period", "events", "verbal_coop", "material_coop",
					   "verbal_conflict", "material_conflict", "goldstein",
					   "mentions", NULL};
	static const char *const by_choices[] = {"day", "week", "month", "year", NULL};
	const char *dyad = q_get(q, "dyad");
	int by, rc;
	struct qb b;
	struct stab t = {0};
	struct prow *p = NULL;
	sqlite3_stmt *st = NULL;
	if ((rc = q_choice(q, "by", by_choices, 2, &by)))
		return rc;
	if (!dyad)
		return dyad_error(q->err, DYAD_EINVAL, "stats: dyad (SOURCE:TARGET) is needed");
	qb_init(&b);
	/* a story's key: the story, else the original of a copy, else the article */
	qb_sql(&b, q->folded ? "SELECT coalesce((SELECT sa.story * 2 FROM story_articles sa WHERE "
			       "sa.article = e.article), coalesce((SELECT c.original FROM copies c "
			       "WHERE c.article = e.article), e.article) * 2 + 1)"
			     : "SELECT e.article * 2 + 1");
	qb_sql(&b, ", e.source, e.target, e.code, e.date, e.quad, e.goldstein FROM events e");
	if (q_get(q, "outlet"))
		qb_sql(&b, " JOIN articles a ON a.rowid = e.article");
	qb_sql(&b, " WHERE e.negated = 0 AND e.date IS NOT NULL");
	if ((rc = q_event_conds(q, &b, false)) || (rc = q_columns(q, cols)) ||
	    (rc = q_set(q, "dyad", json_string(dyad))) ||
	    (rc = q_set(q, "by", json_string(by_choices[by]))))
		goto out;
	if (!(st = qb_prepare(q, &b))) {
		rc = q->err->rc ? q->err->rc : DYAD_EDB;
		goto out;
	}
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char key[256];
		const char *date = (const char *)sqlite3_column_text(st, 4);
		int len = snprintf(key, sizeof key, "%lld|%s|%s|%s",
				   (long long)sqlite3_column_int64(st, 0),
				   (const char *)sqlite3_column_text(st, 1),
				   (const char *)sqlite3_column_text(st, 2),
				   (const char *)sqlite3_column_text(st, 3));
		if (len < 0 || len >= (int)sizeof key || !date)
			continue;  /* codes are short; never met */
		struct sev *e = stab_get(&t, key, (size_t)len);
		if (!e) {
			rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
			goto out;
		}
		if (!e->mentions++ || strcmp(date, e->date) < 0) {
			snprintf(e->date, sizeof e->date, "%s", date);
			e->quad = sqlite3_column_int(st, 5);
			e->has_g = sqlite3_column_type(st, 6) != SQLITE_NULL;
			e->g = sqlite3_column_double(st, 6);
		}
	}
	if (step != SQLITE_DONE) {
		rc = q_step_error(q, "reading the dyad's events");
		goto out;
	}
	if (t.n && !(p = malloc(t.n * sizeof *p))) {
		rc = dyad_error(q->err, DYAD_ENOMEM, "out of memory");
		goto out;
	}
	size_t n = 0;
	for (size_t i = 0; i < t.cap; i++) {
		if (!t.v[i].k)
			continue;
		period_of(t.v[i].date, by, p[n].period);
		p[n].quad = t.v[i].quad;
		p[n].g = t.v[i].g;
		p[n].has_g = t.v[i].has_g;
		p[n++].mentions = t.v[i].mentions;
	}
	if (n)  /* qsort of NULL is undefined even for no element */
		qsort(p, n, sizeof *p, prow_cmp);
	for (size_t i = 0, j; i < n && !rc; i = j) {
		for (j = i + 1; j < n && strcmp(p[j].period, p[i].period) == 0; j++)
			;
		rc = add_period(q, p + i, j - i);
	}
	/* every period is returned: the page is the whole result */
	q->limit = (int)json_array_size(q->rows);
	if (!rc)
		rc = q_set(q, "more", json_false());
out:
	sqlite3_finalize(st);
	stab_free(&t);
	free(p);
	qb_release(&b);
	return rc;
}
