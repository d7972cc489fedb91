/* Stories: articles that report the same event, grouped greedily in date
 * order by date window, shared actors and topic signature; copies follow
 * their originals. Design and measurements: docs/dups.md. */
#include "story.h"

#include <stdlib.h>
#include <string.h>

/* Most differing bits of the topic SimHashes (content words) of two
 * articles in one story; measured in docs/dups.md. */
#define TOPIC_MAX_BITS 18
/* Actor codes (their first three letters: country or sector) kept per
 * article. */
#define MAX_ACTORS 8

struct actors {
	uint64_t mask;              /* one bit per code hash: a quick filter */
	uint32_t code[MAX_ACTORS];  /* three letters packed */
	uint8_t n;
};

static uint32_t pack3(const char *c)
{
	return (uint32_t)(unsigned char)c[0] | (uint32_t)(unsigned char)c[1] << 8 |
	       (uint32_t)(unsigned char)c[2] << 16;
}

static void actor_add(struct actors *a, const char *code)
{
	if (!code || strlen(code) < 3 || code[0] == '-')
		return;
	uint32_t c = pack3(code);
	for (int i = 0; i < a->n; i++)
		if (a->code[i] == c)
			return;
	if (a->n == MAX_ACTORS)
		return;
	a->code[a->n++] = c;
	a->mask |= (uint64_t)1 << ((c * 0x9e3779b1u) >> 26);
}

/* Actors shared enough for one story: the one actor when either names only
 * one, else at least two. */
static bool actors_shared(const struct actors *a, const struct actors *b)
{
	if (!a->n || !b->n || !(a->mask & b->mask))
		return false;
	int common = 0;
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
			common += a->code[i] == b->code[j];
	int need = a->n == 1 || b->n == 1 ? 1 : 2;
	return common >= need;
}

bool dyad_story_similar(const struct dyad_sig *a, const struct dyad_sig *b)
{
	return a->shingles && b->shingles &&
	       __builtin_popcountll(a->topic ^ b->topic) <= TOPIC_MAX_BITS;
}

static int load_actors(struct dyad_db *db, const struct dyad_dups_set *set, struct actors *act,
		       struct dyad_err *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db->h, "SELECT article, source, target FROM events "
			       "WHERE negated = 0 ORDER BY article", -1, &q, NULL))
		return dyad_store_error(db, err, "reading events");
	int s;
	ptrdiff_t i = -1;
	sqlite3_int64 last = -1;
	while ((s = sqlite3_step(q)) == SQLITE_ROW) {
		sqlite3_int64 art = sqlite3_column_int64(q, 0);
		if (art != last) {
			i = dyad_dups_set_find(set, art);
			last = art;
		}
		if (i < 0)
			continue;
		actor_add(&act[i], (const char *)sqlite3_column_text(q, 1));
		actor_add(&act[i], (const char *)sqlite3_column_text(q, 2));
	}
	sqlite3_finalize(q);
	return s == SQLITE_DONE ? DYAD_OK : dyad_store_error(db, err, "reading events");
}

static int load_stories(struct dyad_db *db, const struct dyad_dups_set *set, sqlite3_int64 *story,
			struct dyad_err *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db->h, "SELECT article, story FROM story_articles", -1, &q, NULL))
		return dyad_store_error(db, err, "reading stories");
	int s;
	while ((s = sqlite3_step(q)) == SQLITE_ROW) {
		ptrdiff_t i = dyad_dups_set_find(set, sqlite3_column_int64(q, 0));
		if (i >= 0)
			story[i] = sqlite3_column_int64(q, 1);
	}
	sqlite3_finalize(q);
	return s == SQLITE_DONE ? DYAD_OK : dyad_store_error(db, err, "reading stories");
}

struct ctx {
	struct dyad_db *db;
	struct dyad_dups_set *set;
	struct actors *act;
	sqlite3_int64 *story;
	size_t *byday;              /* dated articles by day */
	size_t nday;
	sqlite3_int64 *touched;     /* stories whose counts change */
	size_t ntouched, cap;
	struct dyad_err *err;
};

static int touch(struct ctx *c, sqlite3_int64 id)
{
	if (!id)
		return DYAD_OK;
	if (c->ntouched == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		sqlite3_int64 *t = realloc(c->touched, cap * sizeof *t);
		if (!t)
			return dyad_error(c->err, DYAD_ENOMEM, "out of memory");
		c->touched = t;
		c->cap = cap;
	}
	c->touched[c->ntouched++] = id;
	return DYAD_OK;
}

static int new_story(struct ctx *c, sqlite3_int64 *id)
{
	sqlite3_stmt *st = dyad_store_stmt(c->db, DYAD_STMT_PUT_STORY,
					   "INSERT INTO stories(articles, outlets) VALUES (0, 0)",
					   c->err);
	if (!st)
		return c->err ? c->err->rc : DYAD_EDB;
	int s = sqlite3_step(st);
	sqlite3_reset(st);
	if (s != SQLITE_DONE)
		return dyad_store_error(c->db, c->err, "creating a story");
	*id = sqlite3_last_insert_rowid(c->db->h);
	return DYAD_OK;
}

static int put_member(struct ctx *c, size_t i, sqlite3_int64 id)
{
	if (c->story[i] == id)
		return DYAD_OK;
	int rc = touch(c, c->story[i]);
	if (rc || (rc = touch(c, id)))
		return rc;
	sqlite3_stmt *st = dyad_store_stmt(c->db, DYAD_STMT_PUT_STORY_ARTICLE,
					   "INSERT OR REPLACE INTO story_articles(article, story) "
					   "VALUES (?,?)", c->err);
	if (!st)
		return c->err ? c->err->rc : DYAD_EDB;
	sqlite3_bind_int64(st, 1, c->set->row[i]);
	sqlite3_bind_int64(st, 2, id);
	int s = sqlite3_step(st);
	sqlite3_reset(st);
	if (s != SQLITE_DONE)
		return dyad_store_error(c->db, c->err, "storing a story article");
	c->story[i] = id;
	return DYAD_OK;
}

/* The story of the closest article to x (topic bits) within the window
 * that shares its actors and has a story; 0 when none. */
static sqlite3_int64 find_story(const struct ctx *c, size_t x)
{
	const struct dyad_dups_set *set = c->set;
	int32_t d = set->day[x];
	size_t lo = 0, hi = c->nday;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set->day[c->byday[mid]] < d - DYAD_STORY_WINDOW_DAYS)
			lo = mid + 1;
		else
			hi = mid;
	}
	int best_bits = 65;
	sqlite3_int64 best = 0;
	for (size_t k = lo; k < c->nday && set->day[c->byday[k]] <= d + DYAD_STORY_WINDOW_DAYS;
	     k++) {
		size_t y = c->byday[k];
		if (y == x || !c->story[y] || !actors_shared(&c->act[x], &c->act[y]) ||
		    !dyad_story_similar(&set->sig[x], &set->sig[y]))
			continue;
		int bits = __builtin_popcountll(set->sig[x].topic ^ set->sig[y].topic);
		if (bits < best_bits) {
			best_bits = bits;
			best = c->story[y];
		}
	}
	return best;
}

/* Counts, dates, lead (earliest original) and title of the stories
 * ids[0..n), or of every story when ids is NULL; a story left empty is
 * deleted. */
static int recount(struct dyad_db *db, const sqlite3_int64 *ids, size_t n, struct dyad_err *err)
{
	static const char *const sql[] = {
		("UPDATE stories SET (articles, outlets, first_date, last_date) = "
		 "(SELECT count(*), count(DISTINCT a.outlet), min(a.published), max(a.published) "
		 "FROM story_articles sa JOIN articles a ON a.rowid = sa.article "
		 "WHERE sa.story = stories.rowid), "
		 "lead = (SELECT a.rowid FROM story_articles sa JOIN articles a ON a.rowid = sa.article "
		 "LEFT JOIN copies c ON c.article = a.rowid WHERE sa.story = stories.rowid "
		 "ORDER BY c.article IS NOT NULL, a.published IS NULL, a.published, a.rowid LIMIT 1)%s"),
		("UPDATE stories SET title = (SELECT title FROM articles WHERE rowid = stories.lead)%s"),
		("DELETE FROM stories WHERE articles = 0%s"),
	};
	/* Two texts, not "?1 = 0 OR rowid = ?1": SQLite plans an OR as a full
	 * scan, and a few touched stories must not cost a pass over all. */
	sqlite3_stmt *st[DYAD_ARRAY_LEN(sql)] = {0};
	int rc = DYAD_OK;
	for (size_t k = 0; k < DYAD_ARRAY_LEN(sql) && !rc; k++) {
		char text[1024];
		snprintf(text, sizeof text, sql[k],
			 !ids ? "" : k < 2 ? " WHERE rowid = ?1" : " AND rowid = ?1");
		if (sqlite3_prepare_v2(db->h, text, -1, &st[k], NULL))
			rc = dyad_store_error(db, err, "preparing a statement");
	}
	for (size_t i = 0; i < (ids ? n : 1) && !rc; i++) {
		if (ids && i && ids[i] == ids[i - 1])
			continue;
		for (size_t k = 0; k < DYAD_ARRAY_LEN(sql) && !rc; k++) {
			if (ids)
				sqlite3_bind_int64(st[k], 1, ids[i]);
			if (sqlite3_step(st[k]) != SQLITE_DONE)
				rc = dyad_store_error(db, err, "counting a story");
			sqlite3_reset(st[k]);
		}
	}
	for (size_t k = 0; k < DYAD_ARRAY_LEN(sql); k++)
		sqlite3_finalize(st[k]);
	return rc;
}

static int cmp_i64(const void *pa, const void *pb)
{
	sqlite3_int64 a = *(const sqlite3_int64 *)pa, b = *(const sqlite3_int64 *)pb;
	return a < b ? -1 : a > b;
}

static int assign(struct ctx *c, bool rebuild)
{
	struct dyad_dups_set *set = c->set;
	int rc = DYAD_OK;
	/* Dated originals in date order: each joins a story found in its
	 * window among the articles placed before it, or starts one. */
	for (size_t k = 0; k < c->nday && !rc; k++) {
		size_t x = c->byday[k];
		if (set->orig[x] >= 0 || c->story[x])
			continue;
		sqlite3_int64 id = find_story(c, x);
		if (!id)
			rc = new_story(c, &id);
		if (!rc)
			rc = put_member(c, x, id);
	}
	/* Undated originals: a story of their own (and of their copies). */
	for (size_t x = 0; x < set->n && !rc; x++) {
		if (set->day[x] != DYAD_DAY_NONE || set->orig[x] >= 0 || c->story[x])
			continue;
		sqlite3_int64 id;
		if (!(rc = new_story(c, &id)))
			rc = put_member(c, x, id);
	}
	/* Copies: always their original's story (every original has one now). */
	for (size_t x = 0; x < set->n && !rc; x++)
		if (set->orig[x] >= 0 && c->story[set->orig[x]])
			rc = put_member(c, x, c->story[set->orig[x]]);
	if (rc)
		return rc;
	/* Touched stories one by one, or all in one pass when they are many. */
	if (rebuild || c->ntouched > 10000)
		return recount(c->db, NULL, 0, c->err);
	if (c->ntouched)
		qsort(c->touched, c->ntouched, sizeof *c->touched, cmp_i64);
	return recount(c->db, c->touched, c->ntouched, c->err);
}

/* Whether some article has no story or a copy is not in its original's
 * story (one pass over the indexes; true when the query fails). */
static bool work_to_do(struct dyad_db *db)
{
	sqlite3_stmt *q;
	bool todo = true;
	if (sqlite3_prepare_v2(db->h, "SELECT EXISTS (SELECT 1 FROM signatures s WHERE NOT EXISTS "
			       "(SELECT 1 FROM story_articles sa WHERE sa.article = s.article)) OR "
			       "EXISTS (SELECT 1 FROM copies c JOIN story_articles a ON a.article = "
			       "c.article JOIN story_articles o ON o.article = c.original "
			       "WHERE a.story <> o.story)", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		todo = sqlite3_column_int(q, 0) != 0;
	sqlite3_finalize(q);
	return todo;
}

static int count_stories(struct dyad_db *db, struct dyad_dups_stats *st, struct dyad_err *err)
{
	sqlite3_stmt *q;
	int rc = DYAD_OK;
	if (!st)
		return DYAD_OK;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM stories", -1, &q, NULL) ||
	    sqlite3_step(q) != SQLITE_ROW)
		rc = dyad_store_error(db, err, "counting stories");
	else
		st->stories = (uint64_t)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return rc;
}

int dyad_stories_update(struct dyad_db *db, bool rebuild, struct dyad_dups_stats *st,
			struct dyad_err *err)
{
	if (!rebuild && !work_to_do(db))
		return count_stories(db, st, err);  /* nothing to read */
	struct dyad_dups_set set;
	int rc = dyad_dups_set_load(db, &set, err);
	if (rc)
		return rc;
	struct ctx c = {.db = db, .set = &set, .err = err};
	c.act = calloc(set.n + 1, sizeof *c.act);
	c.story = calloc(set.n + 1, sizeof *c.story);
	bool *dated = malloc(set.n + 1);
	if (!c.act || !c.story || !dated) {
		free(dated);
		rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < set.n; i++)
		dated[i] = set.day[i] != DYAD_DAY_NONE;
	rc = dyad_dups_set_order(&set, dated, &c.byday, &c.nday, err);
	free(dated);
	if (rc || (rc = load_actors(db, &set, c.act, err)) ||
	    (!rebuild && (rc = load_stories(db, &set, c.story, err))) ||
	    (rc = dyad_store_begin(db, err)))
		goto done;
	if (rebuild)
		rc = dyad_store_exec(db, "DELETE FROM story_articles; DELETE FROM stories;", err);
	if (!rc)
		rc = assign(&c, rebuild);
	if (!rc)
		rc = dyad_store_commit(db, err);
	if (rc)
		dyad_store_rollback(db);
	else
		rc = count_stories(db, st, err);
done:
	free(c.act);
	free(c.story);
	free(c.byday);
	free(c.touched);
	dyad_dups_set_release(&set);
	return rc;
}
