/* Near-duplicate articles: text signatures (MinHash and SimHash over
 * shingles of normalised words), LSH candidate search, and the copies table
 * (each copy points at the earliest article it copies). See docs/dups.md. */
#ifndef DYAD_DUPS_H
#define DYAD_DUPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* MinHash values per article (32 bits each; stored as a 4*K byte blob). */
#define DYAD_MINHASH_K 64
/* Words per shingle. */
#define DYAD_SHINGLE_WORDS 4

struct dyad_sig {
	uint64_t simhash;                  /* SimHash of the word shingles */
	uint64_t topic;                    /* SimHash of the content words (stories) */
	uint32_t shingles;                 /* number of shingles hashed */
	uint32_t minhash[DYAD_MINHASH_K];  /* MinHash of the word shingles */
};

/* Compute the signature of the article body text[0..n) (UTF-8) into *out.
 * Pure and thread-safe: no allocation, no failure (an empty text gives a
 * signature with shingles == 0, which matches nothing). */
void dyad_sig_compute(const char *text, size_t n, struct dyad_sig *out);

/* Store s as the signature of article (replacing any) through a statement
 * prepared once per connection; call inside the writer's transaction.
 * Returns DYAD_OK or DYAD_EDB with detail on err. */
int dyad_store_signature(struct dyad_db *db, sqlite3_int64 article, const struct dyad_sig *s,
			 struct dyad_err *err);

/* Counts after an update: articles with a signature, copies, stories. */
struct dyad_dups_stats {
	uint64_t articles, copies, stories;
};

/* Compare the articles whose signature is new since the last run (all of
 * them when rebuild) against every stored one and rewrite the copies rows
 * of the articles concerned: each copy points at the earliest-published
 * (then first-stored) article it copies, with its similarity. Articles
 * without a signature (stored before schema 3) get one first. Runs its own
 * transactions; not to be run on one database by two threads at once. Returns DYAD_OK with *st filled (st may be NULL), or
 * DYAD_EDB / DYAD_ENOMEM with detail on err. */
int dyad_dups_update(struct dyad_db *db, bool rebuild, struct dyad_dups_stats *st,
		     struct dyad_err *err);

/* ---- In-memory core, used by dyad_dups_update, the tests and the bench. */

enum dyad_dups_method {
	DYAD_DUPS_MINHASH = 0,  /* MinHash, banded LSH (the default; docs/dups.md says why) */
	DYAD_DUPS_SIMHASH,      /* SimHash, block-permutation LSH on Hamming distance */
};

struct dyad_dups_opts {
	enum dyad_dups_method method;
	int rows;            /* MinHash values per LSH band */
	double min_sim;      /* MinHash: least similarity (dyad_sig_similarity) of a copy */
	double min_jaccard;  /* MinHash: least estimated Jaccard of a copy */
	int max_hamming;     /* SimHash: most differing bits of a copy */
	uint32_t min_shingles; /* texts with fewer shingles are never copies */
};

/* The default options. */
void dyad_dups_opts_default(struct dyad_dups_opts *o);

/* A pair of near duplicates: indexes a < b into the signature array. */
struct dyad_dups_pair {
	uint32_t a, b;
	float sim;
};

/* Estimated Jaccard similarity of the shingle sets of a and b (MinHash). */
double dyad_sig_jaccard(const struct dyad_sig *a, const struct dyad_sig *b);

/* Estimated share of the shorter text's shingles found in the longer one
 * (from the MinHash Jaccard and the two shingle counts): 1 for a copy with
 * its ending trimmed. This is the `similarity` of the copies table. */
double dyad_sig_similarity(const struct dyad_sig *a, const struct dyad_sig *b);

/* Whether a and b are copies under o; *sim (may be NULL) gets their
 * similarity (MinHash: dyad_sig_similarity; SimHash: 1 - bits/64). */
bool dyad_sig_is_copy(const struct dyad_sig *a, const struct dyad_sig *b,
		      const struct dyad_dups_opts *o, double *sim);

/* Find the pairs of copies among sig[0..n) by LSH and verification, keeping
 * only pairs with at least one side marked in query (query NULL: all).
 * *out is malloc()ed (caller frees; NULL when none), sorted by (a, b).
 * ncand (may be NULL) gets the number of LSH candidates verified.
 * Returns DYAD_OK, DYAD_EINVAL (n too large) or DYAD_ENOMEM. */
int dyad_dups_pairs(const struct dyad_sig *sig, size_t n, const bool *query,
		    const struct dyad_dups_opts *o, struct dyad_dups_pair **out, size_t *nout,
		    uint64_t *ncand, struct dyad_err *err);

/* ---- Shared with story.c */

/* Day number (1970-01-01 = 0) of a YYYY-MM-DD date, DYAD_DAY_NONE when ymd
 * is NULL or not a full date. */
#define DYAD_DAY_NONE INT32_MAX
int32_t dyad_dups_day(const char *ymd);

/* The minhash of s as the 4*K byte little-endian blob stored. */
void dyad_sig_encode(const struct dyad_sig *s, unsigned char *blob);
/* Read blob[0..n) into s->minhash; false when it is not such a blob. */
bool dyad_sig_decode(const void *blob, size_t n, struct dyad_sig *s);

/* Every stored signature with its article's day and copy status. */
struct dyad_dups_set {
	size_t n;
	sqlite3_int64 *row;   /* article rowids, ascending */
	int32_t *day;         /* published day or DYAD_DAY_NONE */
	struct dyad_sig *sig;
	ptrdiff_t *orig;      /* index of the article's original, -1 when none */
};

/* Load the set from db (arrays malloc()ed; release with
 * dyad_dups_set_release). Returns DYAD_OK, DYAD_EDB or DYAD_ENOMEM. */
int dyad_dups_set_load(struct dyad_db *db, struct dyad_dups_set *set, struct dyad_err *err);
void dyad_dups_set_release(struct dyad_dups_set *set);
/* The indexes of the articles marked in pick, in publication order
 * (undated last, then by rowid): *out malloc()ed (caller frees), *nout of
 * them. Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_dups_set_order(const struct dyad_dups_set *set, const bool *pick, size_t **out,
			size_t *nout, struct dyad_err *err);
/* Index of the article with rowid row in set, -1 when absent. */
ptrdiff_t dyad_dups_set_find(const struct dyad_dups_set *set, sqlite3_int64 row);

#endif
