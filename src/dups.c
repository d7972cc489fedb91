/* Near-duplicate detection: MinHash and SimHash signatures over shingles of
 * normalised words, LSH candidate search, and the copies table.
 * Design and measurements: docs/dups.md. */
#include "dups.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "date.h"
#include "utf8.h"

/* splitmix64's finaliser: a cheap, well-mixed 64-bit hash of x. */
static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

/* Function words left out of the topic signature: they say nothing about
 * what a story is about. Sorted for bsearch. */
static const char *const stop_words[] = {
	"about", "after", "against", "also", "and", "are", "because", "been", "before",
	"being", "between", "but", "can", "could", "did", "does", "during", "for", "from",
	"had", "has", "have", "her", "hers", "him", "his", "how", "into", "its", "last",
	"more", "most", "not", "now", "one", "only", "other", "our", "over", "said", "says",
	"she", "should", "since", "some", "such", "than", "that", "the", "their", "them",
	"then", "there", "these", "they", "this", "those", "through", "told", "two", "under",
	"until", "very", "was", "were", "what", "when", "where", "which", "while", "who",
	"whom", "will", "with", "would", "year", "years", "you", "your",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the ASCII word w (NUL-terminated) is a function word. */
static bool is_stop(const char *w)
{
	return bsearch(&w, stop_words, DYAD_ARRAY_LEN(stop_words), sizeof *stop_words, cmp_str);
}

/* Weight in the topic signature of a capitalised word: names of people
 * and places tell one story from another on the same topic. */
#define TOPIC_CAP_WEIGHT 3

/* SimHash votes, counted without a loop over 64 bits per feature: each
 * byte lane of lane[k] counts the set bits of one bit position (byte k of
 * the feature hashes); the lanes are emptied into ones[] before a byte can
 * overflow. */
struct simhash_acc {
	uint64_t lane[8];
	uint32_t ones[64];
	uint32_t total, pending;
};

/* The 8 bits of b spread into the low bit of 8 bytes. */
static inline uint64_t spread8(uint64_t b)
{
	return ((((b * 0x0101010101010101u) & 0x8040201008040201u) + 0x7f7f7f7f7f7f7f7fu) >> 7) &
	       0x0101010101010101u;
}

static void simhash_flush(struct simhash_acc *a)
{
	for (int k = 0; k < 8; k++) {
		for (int j = 0; j < 8; j++)
			a->ones[k * 8 + j] += (uint32_t)((a->lane[k] >> (8 * j)) & 0xff);
		a->lane[k] = 0;
	}
	a->pending = 0;
}

static inline void simhash_vote(struct simhash_acc *a, uint64_t h, uint32_t w)
{
	if (a->pending + w > 255)
		simhash_flush(a);
	for (int k = 0; k < 8; k++)
		a->lane[k] += spread8((h >> (8 * k)) & 0xff) * w;
	a->pending += w;
	a->total += w;
}

/* Bit j set when most of the (weighted) features have it set. */
static uint64_t simhash_bits(struct simhash_acc *a)
{
	simhash_flush(a);
	uint64_t h = 0;
	for (int j = 0; j < 64; j++)
		if (2 * a->ones[j] > a->total)
			h |= (uint64_t)1 << j;
	return h;
}

struct sig_acc {
	struct simhash_acc sim;    /* the shingles */
	struct simhash_acc topic;  /* the content words */
	uint64_t filled;           /* MinHash bins holding a value */
	uint64_t ring[DYAD_SHINGLE_WORDS];
	uint32_t words;
	struct dyad_sig *out;
};

_Static_assert(DYAD_MINHASH_K == 64, "one bit of sig_acc.filled per MinHash bin");

/* MinHash by one-permutation hashing: the top 6 bits of a shingle's hash
 * pick one of the 64 bins, the low 32 bits compete for its minimum. One
 * hash per shingle instead of 64 (measured in docs/dups.md). */
static void add_shingle(struct sig_acc *acc, uint64_t x)
{
	struct dyad_sig *s = acc->out;
	x = mix64(x);
	unsigned bin = (unsigned)(x >> 58);
	uint32_t v = (uint32_t)x;
	if (v < s->minhash[bin])
		s->minhash[bin] = v;
	acc->filled |= (uint64_t)1 << bin;
	simhash_vote(&acc->sim, x, 1);
	s->shingles++;
}

/* Empty bins (short texts) take the value of the next filled bin to the
 * right, rehashed with the distance: "densification" (Shrivastava and Li,
 * 2014), so that two texts with the same shingles still agree there. */
static void densify(struct sig_acc *acc)
{
	struct dyad_sig *s = acc->out;
	if (!acc->filled || !~acc->filled)
		return;
	for (unsigned i = 0; i < DYAD_MINHASH_K; i++) {
		if (acc->filled >> i & 1)
			continue;
		unsigned d = 1;
		while (!(acc->filled >> ((i + d) % DYAD_MINHASH_K) & 1))
			d++;
		uint32_t src = s->minhash[(i + d) % DYAD_MINHASH_K];
		s->minhash[i] = (uint32_t)mix64((uint64_t)src << 8 | d);
	}
}

/* Combine the last n word hashes of the ring into one shingle hash
 * (order-sensitive). */
static uint64_t shingle_of(const struct sig_acc *acc, uint32_t n)
{
	uint64_t x = 0;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t w = (acc->words - n + k) % DYAD_SHINGLE_WORDS;
		x = x * 0x100000001b3u + acc->ring[w];
	}
	return x;
}

static void add_word(struct sig_acc *acc, uint64_t h, const char *ascii, bool cap)
{
	acc->ring[acc->words % DYAD_SHINGLE_WORDS] = h;
	acc->words++;
	if (acc->words >= DYAD_SHINGLE_WORDS)
		add_shingle(acc, shingle_of(acc, DYAD_SHINGLE_WORDS));
	/* Topic words: three letters or more, not a function word (ascii is
	 * NULL for a word too long or not ASCII: always a content word). */
	if (!ascii || (strlen(ascii) >= 3 && !is_stop(ascii)))
		simhash_vote(&acc->topic, mix64(h ^ 0x5bd1e9955bd1e995u), cap ? TOPIC_CAP_WEIGHT : 1);
}

void dyad_sig_compute(const char *text, size_t n, struct dyad_sig *out)
{
	struct sig_acc acc = {.out = out};
	memset(out, 0, sizeof *out);
	memset(out->minhash, 0xff, sizeof out->minhash);
	const unsigned char *s = (const unsigned char *)text;
	uint64_t h = 0;
	size_t wlen = 0;      /* code points in the current word */
	char ascii[16];       /* the word folded, while it is short ASCII */
	bool is_ascii = true, cap = false;
	for (size_t i = 0; i <= n;) {
		bool upper = false;
		int32_t cp;
		size_t len = 1;
		if (i == n)
			cp = ' ';
		else if (s[i] < 0x80)
			cp = s[i];
		else if ((cp = dyad_utf8_decode(text + i, n - i, &len)) < 0)
			cp = ' ';
		i += i == n ? 1 : len;
		bool word;
		if (cp < 0x80) {
			word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
			if (cp >= 'A' && cp <= 'Z') {
				cp += 'a' - 'A';
				word = upper = true;
			}
			/* Apostrophes inside words are dropped, not split on:
			 * "Pakistan's" is one word in every spelling. */
			if (cp == '\'' && wlen)
				continue;
		} else if (cp == 0x2019 && wlen) {
			continue;
		} else {
			/* Letters and digits of any script; combining marks
			 * inside a word (Devanagari vowel signs) belong to it. */
			utf8proc_category_t c = utf8proc_category(cp);
			bool mark = c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
			word = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO && (!mark || wlen);
			upper = c == UTF8PROC_CATEGORY_LU;
			if (word)
				cp = utf8proc_tolower(cp);
		}
		if (word) {
			if (!wlen) {
				h = 0xcbf29ce484222325u;
				is_ascii = true;
				cap = upper;
			}
			h = (h ^ (uint64_t)cp) * 0x100000001b3u;
			if (cp >= 0x80 || wlen + 1 >= sizeof ascii)
				is_ascii = false;
			else
				ascii[wlen] = (char)cp;
			wlen++;
		} else if (wlen) {
			ascii[is_ascii ? wlen : 0] = '\0';
			add_word(&acc, mix64(h), is_ascii ? ascii : NULL, cap);
			wlen = 0;
		}
	}
	/* A text shorter than one shingle is one shingle of all its words. */
	if (acc.words > 0 && acc.words < DYAD_SHINGLE_WORDS)
		add_shingle(&acc, shingle_of(&acc, acc.words));
	densify(&acc);
	out->simhash = simhash_bits(&acc.sim);
	out->topic = simhash_bits(&acc.topic);
}

/* ---- Comparing signatures */

void dyad_dups_opts_default(struct dyad_dups_opts *o)
{
	*o = (struct dyad_dups_opts){
		.method = DYAD_DUPS_MINHASH,
		.rows = 3,
		.min_sim = 0.75,
		.min_jaccard = 0.3,
		.max_hamming = 3,
		.min_shingles = 12,
	};
}

double dyad_sig_jaccard(const struct dyad_sig *a, const struct dyad_sig *b)
{
	if (!a->shingles || !b->shingles)
		return 0;
	int same = 0;
	for (int i = 0; i < DYAD_MINHASH_K; i++)
		same += a->minhash[i] == b->minhash[i];
	return (double)same / DYAD_MINHASH_K;
}

double dyad_sig_similarity(const struct dyad_sig *a, const struct dyad_sig *b)
{
	double j = dyad_sig_jaccard(a, b);
	if (j <= 0)
		return 0;
	/* |A n B| = J (|A| + |B|) / (1 + J); its share of the smaller set. */
	double na = a->shingles, nb = b->shingles;
	double inter = j * (na + nb) / (1 + j);
	double r = inter / (na < nb ? na : nb);
	return r > 1 ? 1 : r;
}

bool dyad_sig_is_copy(const struct dyad_sig *a, const struct dyad_sig *b,
		      const struct dyad_dups_opts *o, double *sim)
{
	double s = 0;
	bool copy = false;
	if (a->shingles >= o->min_shingles && b->shingles >= o->min_shingles) {
		if (o->method == DYAD_DUPS_SIMHASH) {
			int d = __builtin_popcountll(a->simhash ^ b->simhash);
			s = 1 - d / 64.0;
			copy = d <= o->max_hamming;
		} else {
			double j = dyad_sig_jaccard(a, b);
			s = dyad_sig_similarity(a, b);
			copy = j >= o->min_jaccard && s >= o->min_sim;
		}
	}
	if (sim)
		*sim = s;
	return copy;
}

/* ---- LSH candidate search */

/* A band key folded to 32 bits: a chance collision only costs one more
 * verification, and half the bytes sort twice as fast. */
struct lsh_ent {
	uint32_t key;
	uint32_t idx;
};

struct pairvec {
	struct dyad_dups_pair *p;
	size_t n, cap;
	uint64_t cand;
	bool oom;
};

struct lsh {
	const struct dyad_sig *sig;
	size_t n;
	const bool *query;
	const struct dyad_dups_opts *o;
	int bands;
	int shift[64], width[64]; /* SimHash: bit block of each band */
	struct pairvec pv;
	size_t *count;            /* radix sort counters */
};

/* Run of equal keys longer than this: each member is compared with the
 * first RUN_CAP only, so that a degenerate bucket (thousands of identical
 * boilerplate-only texts) stays linear; it still joins them all. */
#define RUN_CAP 256

static uint64_t band_key64(const struct lsh *l, uint32_t i, int band)
{
	const struct dyad_sig *s = &l->sig[i];
	if (l->o->method == DYAD_DUPS_SIMHASH) {
		uint64_t mask = l->width[band] >= 64 ? ~(uint64_t)0
						     : ((uint64_t)1 << l->width[band]) - 1;
		return (s->simhash >> l->shift[band]) & mask;
	}
	uint64_t k = (uint64_t)band * 0x9e3779b97f4a7c15u;
	for (int r = 0; r < l->o->rows; r++)
		k = (k ^ s->minhash[band * l->o->rows + r]) * 0x100000001b3u;
	return mix64(k);
}

static uint32_t band_key(const struct lsh *l, uint32_t i, int band)
{
	uint64_t k = band_key64(l, i, band);
	return (uint32_t)(k ^ k >> 32);
}

static bool usable(const struct lsh *l, uint32_t i)
{
	return l->sig[i].shingles >= l->o->min_shingles;
}

static void verify(struct lsh *l, uint32_t i, uint32_t j)
{
	if (i == j || (l->query && !l->query[i] && !l->query[j]))
		return;
	double sim;
	l->pv.cand++;
	if (!dyad_sig_is_copy(&l->sig[i], &l->sig[j], l->o, &sim))
		return;
	struct pairvec *v = &l->pv;
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 1024;
		struct dyad_dups_pair *p = realloc(v->p, cap * sizeof *p);
		if (!p) {
			v->oom = true;
			return;
		}
		v->p = p;
		v->cap = cap;
	}
	v->p[v->n++] = (struct dyad_dups_pair){i < j ? i : j, i < j ? j : i, (float)sim};
}

/* Sort e[0..n) by key (stable LSD radix sort, 16 bits a pass; tmp holds n).
 * By hand because qsort is several times slower on millions of keys. */
static void radix_sort(struct lsh_ent *e, struct lsh_ent *tmp, size_t n, size_t *count)
{
	for (int pass = 0; pass < 2; pass++) {
		int sh = pass * 16;
		memset(count, 0, 65536 * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[(e[i].key >> sh) & 0xffff]++;
		size_t sum = 0;
		for (size_t d = 0; d < 65536; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[count[(e[i].key >> sh) & 0xffff]++] = e[i];
		struct lsh_ent *t = e;
		e = tmp;
		tmp = t;
	}
	/* two passes: the sorted data is back in the caller's e */
}

/* All articles bucketed by one band; every run of equal keys verified. */
static void band_all(struct lsh *l, int band, struct lsh_ent *e, struct lsh_ent *tmp)
{
	size_t m = 0;
	for (uint32_t i = 0; i < l->n; i++)
		if (usable(l, i))
			e[m++] = (struct lsh_ent){band_key(l, i, band), i};
	radix_sort(e, tmp, m, l->count);
	for (size_t s = 0; s < m;) {
		size_t end = s + 1;
		while (end < m && e[end].key == e[s].key)
			end++;
		for (size_t a = s; a < end && a < s + RUN_CAP; a++)
			for (size_t b = a + 1; b < end; b++)
				verify(l, e[a].idx, e[b].idx);
		s = end;
	}
}

static int cmp_ent(const void *pa, const void *pb)
{
	const struct lsh_ent *a = pa, *b = pb;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* Few queries: bucket only them, and probe with every article's key. */
static void band_probe(struct lsh *l, int band, struct lsh_ent *q)
{
	size_t m = 0;
	for (uint32_t i = 0; i < l->n; i++)
		if (l->query[i] && usable(l, i))
			q[m++] = (struct lsh_ent){band_key(l, i, band), i};
	qsort(q, m, sizeof *q, cmp_ent);
	for (uint32_t i = 0; i < l->n && m; i++) {
		if (!usable(l, i))
			continue;
		uint32_t k = band_key(l, i, band);
		size_t lo = 0, hi = m;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (q[mid].key < k)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t c = 0; lo < m && q[lo].key == k && c < RUN_CAP; lo++, c++)
			verify(l, i, q[lo].idx);
	}
}

static int cmp_pair(const void *pa, const void *pb)
{
	const struct dyad_dups_pair *a = pa, *b = pb;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

int dyad_dups_pairs(const struct dyad_sig *sig, size_t n, const bool *query,
		    const struct dyad_dups_opts *o, struct dyad_dups_pair **out, size_t *nout,
		    uint64_t *ncand, struct dyad_err *err)
{
	*out = NULL;
	*nout = 0;
	if (ncand)
		*ncand = 0;
	if (n > UINT32_MAX)
		return dyad_error(err, DYAD_EINVAL, "too many signatures (%zu)", n);
	struct lsh l = {.sig = sig, .n = n, .query = query, .o = o};
	if (o->method == DYAD_DUPS_SIMHASH) {
		/* Pigeonhole: with max_hamming + 1 blocks, two hashes at most
		 * max_hamming bits apart agree on one block exactly. */
		l.bands = o->max_hamming + 1 < 1 ? 1 : o->max_hamming + 1 > 64 ? 64 : o->max_hamming + 1;
		for (int b = 0, sh = 0; b < l.bands; b++) {
			l.width[b] = 64 / l.bands + (b < 64 % l.bands);
			l.shift[b] = sh;
			sh += l.width[b];
		}
	} else {
		if (o->rows < 1 || o->rows > DYAD_MINHASH_K)
			return dyad_error(err, DYAD_EINVAL, "bad LSH rows per band: %d", o->rows);
		l.bands = DYAD_MINHASH_K / o->rows;
	}
	size_t nq = n;
	if (query) {
		nq = 0;
		for (size_t i = 0; i < n; i++)
			nq += query[i];
	}
	/* Probing costs a binary search per article and band; sorting
	 * everything costs two radix passes a band: probe when queries are few. */
	bool probe = query && nq * 8 < n;
	struct lsh_ent *e = malloc((probe ? nq : n) * sizeof *e + 1);
	struct lsh_ent *tmp = probe ? NULL : malloc(n * sizeof *tmp + 1);
	l.count = probe ? NULL : malloc(65536 * sizeof *l.count);
	if (!e || (!probe && (!tmp || !l.count))) {
		free(e);
		free(tmp);
		free(l.count);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	for (int b = 0; b < l.bands && !l.pv.oom && nq; b++) {
		if (probe)
			band_probe(&l, b, e);
		else
			band_all(&l, b, e, tmp);
	}
	free(e);
	free(tmp);
	free(l.count);
	if (l.pv.oom) {
		free(l.pv.p);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	/* The same pair is found in several bands: keep one. */
	if (l.pv.n)
		qsort(l.pv.p, l.pv.n, sizeof *l.pv.p, cmp_pair);
	size_t m = 0;
	for (size_t i = 0; i < l.pv.n; i++)
		if (!m || l.pv.p[m - 1].a != l.pv.p[i].a || l.pv.p[m - 1].b != l.pv.p[i].b)
			l.pv.p[m++] = l.pv.p[i];
	*out = l.pv.p;
	*nout = m;
	if (ncand)
		*ncand = l.pv.cand;
	return DYAD_OK;
}

/* ---- The database */

int32_t dyad_dups_day(const char *ymd)
{
	int y, m, d;
	if (!ymd || strlen(ymd) < 10 || sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return DYAD_DAY_NONE;
	return (int32_t)dyad_date_days(y, m, d);
}

void dyad_sig_encode(const struct dyad_sig *s, unsigned char *blob)
{
	for (int i = 0; i < DYAD_MINHASH_K; i++)
		for (int k = 0; k < 4; k++)
			blob[i * 4 + k] = (unsigned char)(s->minhash[i] >> (8 * k));
}

bool dyad_sig_decode(const void *blob, size_t n, struct dyad_sig *s)
{
	const unsigned char *b = blob;
	if (!b || n != 4 * DYAD_MINHASH_K)
		return false;
	for (int i = 0; i < DYAD_MINHASH_K; i++)
		s->minhash[i] = (uint32_t)b[i * 4] | (uint32_t)b[i * 4 + 1] << 8 |
				(uint32_t)b[i * 4 + 2] << 16 | (uint32_t)b[i * 4 + 3] << 24;
	return true;
}

int dyad_store_signature(struct dyad_db *db, sqlite3_int64 article, const struct dyad_sig *s,
			 struct dyad_err *err)
{
	sqlite3_stmt *st = dyad_store_stmt(db, DYAD_STMT_PUT_SIGNATURE,
					   "INSERT OR REPLACE INTO signatures(article, simhash, topic, "
					   "shingles, minhash) VALUES (?,?,?,?,?)", err);
	if (!st)
		return err ? err->rc : DYAD_EDB;
	unsigned char blob[4 * DYAD_MINHASH_K];
	dyad_sig_encode(s, blob);
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)s->simhash);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)s->topic);
	sqlite3_bind_int64(st, 4, s->shingles);
	sqlite3_bind_blob(st, 5, blob, sizeof blob, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? DYAD_OK : dyad_store_error(db, err, "storing a signature");
}

/* Articles stored without a signature (a database from before schema 3):
 * compute and store theirs. *added counts them. */
static int backfill(struct dyad_db *db, uint64_t *added, struct dyad_err *err)
{
	sqlite3_stmt *q;
	*added = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT rowid, text FROM articles WHERE rowid NOT IN "
			       "(SELECT article FROM signatures) ORDER BY rowid", -1, &q, NULL))
		return dyad_store_error(db, err, "reading articles");
	int rc = dyad_store_begin(db, err);
	while (!rc) {
		int s = sqlite3_step(q);
		if (s == SQLITE_DONE)
			break;
		if (s != SQLITE_ROW) {
			rc = dyad_store_error(db, err, "reading articles");
			break;
		}
		struct dyad_sig sig;
		const char *t = (const char *)sqlite3_column_text(q, 1);
		dyad_sig_compute(t ? t : "", (size_t)sqlite3_column_bytes(q, 1), &sig);
		rc = dyad_store_signature(db, sqlite3_column_int64(q, 0), &sig, err);
		++*added;
	}
	sqlite3_finalize(q);
	if (!rc)
		return dyad_store_commit(db, err);
	dyad_store_rollback(db);
	return rc;
}

void dyad_dups_set_release(struct dyad_dups_set *set)
{
	free(set->row);
	free(set->day);
	free(set->sig);
	free(set->orig);
	memset(set, 0, sizeof *set);
}

ptrdiff_t dyad_dups_set_find(const struct dyad_dups_set *set, sqlite3_int64 row)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set->row[mid] < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < set->n && set->row[lo] == row ? (ptrdiff_t)lo : -1;
}

int dyad_dups_set_load(struct dyad_db *db, struct dyad_dups_set *set, struct dyad_err *err)
{
	memset(set, 0, sizeof *set);
	sqlite3_stmt *q;
	size_t cap = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT s.article, s.simhash, s.topic, s.shingles, s.minhash, "
			       "a.published FROM signatures s JOIN articles a ON a.rowid = s.article "
			       "ORDER BY s.article", -1, &q, NULL))
		return dyad_store_error(db, err, "reading signatures");
	int rc = DYAD_OK, s;
	while ((s = sqlite3_step(q)) == SQLITE_ROW) {
		if (set->n == cap) {
			cap = cap ? cap * 2 : 4096;
			sqlite3_int64 *row = realloc(set->row, cap * sizeof *row);
			if (row)
				set->row = row;
			int32_t *day = realloc(set->day, cap * sizeof *day);
			if (day)
				set->day = day;
			struct dyad_sig *sig = realloc(set->sig, cap * sizeof *sig);
			if (sig)
				set->sig = sig;
			if (!row || !day || !sig) {
				rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
				break;
			}
		}
		struct dyad_sig *g = &set->sig[set->n];
		set->row[set->n] = sqlite3_column_int64(q, 0);
		g->simhash = (uint64_t)sqlite3_column_int64(q, 1);
		g->topic = (uint64_t)sqlite3_column_int64(q, 2);
		g->shingles = (uint32_t)sqlite3_column_int64(q, 3);
		if (!dyad_sig_decode(sqlite3_column_blob(q, 4), (size_t)sqlite3_column_bytes(q, 4), g))
			g->shingles = 0;  /* unreadable: matches nothing */
		set->day[set->n] = dyad_dups_day((const char *)sqlite3_column_text(q, 5));
		set->n++;
	}
	if (!rc && s != SQLITE_DONE)
		rc = dyad_store_error(db, err, "reading signatures");
	sqlite3_finalize(q);
	if (!rc && !(set->orig = malloc((set->n + 1) * sizeof *set->orig)))
		rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
	if (!rc) {
		for (size_t i = 0; i < set->n; i++)
			set->orig[i] = -1;
		if (sqlite3_prepare_v2(db->h, "SELECT article, original FROM copies", -1, &q, NULL))
			rc = dyad_store_error(db, err, "reading copies");
		while (!rc && (s = sqlite3_step(q)) == SQLITE_ROW) {
			ptrdiff_t a = dyad_dups_set_find(set, sqlite3_column_int64(q, 0));
			ptrdiff_t o = dyad_dups_set_find(set, sqlite3_column_int64(q, 1));
			if (a >= 0 && o >= 0)
				set->orig[a] = o;
		}
		if (!rc && s != SQLITE_DONE)
			rc = dyad_store_error(db, err, "reading copies");
		if (!rc)
			sqlite3_finalize(q);
	}
	if (rc)
		dyad_dups_set_release(set);
	return rc;
}

/* Whether article i comes before j: earlier published (undated last),
 * then stored first. */
static bool before(const struct dyad_dups_set *set, size_t i, size_t j)
{
	return set->day[i] != set->day[j] ? set->day[i] < set->day[j] : set->row[i] < set->row[j];
}

struct order_key {
	int32_t day;
	sqlite3_int64 row;
	size_t idx;
};

static int cmp_order(const void *pa, const void *pb)
{
	const struct order_key *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

int dyad_dups_set_order(const struct dyad_dups_set *set, const bool *pick, size_t **out,
			size_t *nout, struct dyad_err *err)
{
	size_t m = 0;
	for (size_t i = 0; i < set->n; i++)
		m += pick[i];
	struct order_key *k = malloc((m + 1) * sizeof *k);
	*out = malloc((m + 1) * sizeof **out);
	if (!k || !*out) {
		free(k);
		free(*out);
		*out = NULL;
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	m = 0;
	for (size_t i = 0; i < set->n; i++)
		if (pick[i])
			k[m++] = (struct order_key){set->day[i], set->row[i], i};
	qsort(k, m, sizeof *k, cmp_order);
	for (size_t i = 0; i < m; i++)
		(*out)[i] = k[i].idx;
	free(k);
	*nout = m;
	return DYAD_OK;
}

#define META_SEEN "dups_seen"

/* Reassign every article marked in redo: each in order points at the
 * earliest earlier neighbour that is an original, else at the original of
 * its most similar earlier neighbour, else stays an original. adj/deg
 * give each article's neighbours (CSR over pairs). */
static int reassign(struct dyad_dups_set *set, const bool *redo, const size_t *off,
		    const uint32_t *adj, const struct dyad_dups_pair *pairs, struct dyad_err *err)
{
	size_t m, *ord;
	int rc = dyad_dups_set_order(set, redo, &ord, &m, err);
	if (rc)
		return rc;
	for (size_t k = 0; k < m; k++)
		set->orig[ord[k]] = -1;
	for (size_t k = 0; k < m; k++) {
		size_t x = ord[k];
		ptrdiff_t best_orig = -1, best_copy = -1;
		float best_sim = -1;
		for (size_t e = off[x]; e < off[x + 1]; e++) {
			size_t y = pairs[adj[e]].a == x ? pairs[adj[e]].b : pairs[adj[e]].a;
			if (!before(set, y, x))
				continue;
			if (set->orig[y] < 0) {
				if (best_orig < 0 || before(set, y, (size_t)best_orig))
					best_orig = (ptrdiff_t)y;
			} else if (pairs[adj[e]].sim > best_sim) {
				best_sim = pairs[adj[e]].sim;
				best_copy = (ptrdiff_t)y;
			}
		}
		if (best_orig >= 0)
			set->orig[x] = best_orig;
		else if (best_copy >= 0)
			set->orig[x] = set->orig[best_copy];
	}
	free(ord);
	return DYAD_OK;
}

static int write_copies(struct dyad_db *db, const struct dyad_dups_set *set, const bool *redo,
			bool all, sqlite3_int64 seen, struct dyad_err *err)
{
	int rc = dyad_store_begin(db, err);
	if (!rc && all)
		rc = dyad_store_exec(db, "DELETE FROM copies", err);
	sqlite3_stmt *del = NULL;
	if (!rc && !all &&
	    sqlite3_prepare_v2(db->h, "DELETE FROM copies WHERE article = ?", -1, &del, NULL))
		rc = dyad_store_error(db, err, "preparing a statement");
	for (size_t i = 0; i < set->n && !rc; i++) {
		if (!redo[i])
			continue;
		if (del) {
			sqlite3_bind_int64(del, 1, set->row[i]);
			int s = sqlite3_step(del);
			sqlite3_reset(del);
			if (s != SQLITE_DONE) {
				rc = dyad_store_error(db, err, "deleting a copy");
				break;
			}
		}
		if (set->orig[i] < 0)
			continue;
		sqlite3_stmt *st = dyad_store_stmt(db, DYAD_STMT_PUT_COPY,
						   "INSERT OR REPLACE INTO copies(article, original, "
						   "similarity) VALUES (?,?,?)", err);
		if (!st) {
			rc = err ? err->rc : DYAD_EDB;
			break;
		}
		size_t o = (size_t)set->orig[i];
		sqlite3_bind_int64(st, 1, set->row[i]);
		sqlite3_bind_int64(st, 2, set->row[o]);
		sqlite3_bind_double(st, 3, dyad_sig_similarity(&set->sig[i], &set->sig[o]));
		int s = sqlite3_step(st);
		sqlite3_reset(st);
		if (s != SQLITE_DONE)
			rc = dyad_store_error(db, err, "storing a copy");
	}
	sqlite3_finalize(del);
	if (!rc) {
		char v[32];
		snprintf(v, sizeof v, "%lld", (long long)seen);
		rc = dyad_store_meta_set(db, META_SEEN, v, err);
	}
	if (!rc)
		return dyad_store_commit(db, err);
	dyad_store_rollback(db);
	return rc;
}

/* Neighbour lists of pairs[0..np) over n articles: off[n + 1], adj[2 np]
 * holding pair indexes. */
static int build_adj(const struct dyad_dups_pair *pairs, size_t np, size_t n, size_t **off,
		     uint32_t **adj, struct dyad_err *err)
{
	*off = calloc(n + 2, sizeof **off);
	*adj = malloc((2 * np + 1) * sizeof **adj);
	if (!*off || !*adj || np > UINT32_MAX) {
		free(*off);
		free(*adj);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	size_t *o = *off;
	for (size_t p = 0; p < np; p++) {
		o[pairs[p].a + 1]++;
		o[pairs[p].b + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		o[i + 1] += o[i];
	size_t *fill = malloc((n + 1) * sizeof *fill);
	if (!fill) {
		free(*off);
		free(*adj);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	memcpy(fill, o, (n + 1) * sizeof *fill);
	for (size_t p = 0; p < np; p++) {
		(*adj)[fill[pairs[p].a]++] = (uint32_t)p;
		(*adj)[fill[pairs[p].b]++] = (uint32_t)p;
	}
	free(fill);
	return DYAD_OK;
}

/* The single integer the query sql gives, or -1 when it fails. */
static sqlite3_int64 query_int(struct dyad_db *db, const char *sql)
{
	sqlite3_stmt *q;
	sqlite3_int64 v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static sqlite3_int64 max_signature(struct dyad_db *db)
{
	/* a failed query reads as "everything is new": never skip work */
	sqlite3_int64 v = query_int(db, "SELECT coalesce(max(article), 0) FROM signatures");
	return v < 0 ? INT64_MAX : v;
}

static int counts(struct dyad_db *db, struct dyad_dups_stats *st, struct dyad_err *err)
{
	if (!st)
		return DYAD_OK;
	sqlite3_int64 a = query_int(db, "SELECT count(*) FROM signatures");
	sqlite3_int64 c = query_int(db, "SELECT count(*) FROM copies");
	if (a < 0 || c < 0)
		return dyad_store_error(db, err, "counting copies");
	st->articles = (uint64_t)a;
	st->copies = (uint64_t)c;
	return DYAD_OK;
}

int dyad_dups_update(struct dyad_db *db, bool rebuild, struct dyad_dups_stats *st,
		     struct dyad_err *err)
{
	struct dyad_dups_opts o;
	dyad_dups_opts_default(&o);
	uint64_t added;
	int rc = backfill(db, &added, err);
	if (rc)
		return rc;
	char *v = dyad_store_meta_get(db, META_SEEN);
	sqlite3_int64 seen = v && !rebuild ? strtoll(v, NULL, 10) : 0;
	free(v);
	if (added)
		seen = 0;  /* backfilled rows can sit anywhere: compare everything */
	if (seen && !rebuild && max_signature(db) <= seen)
		return counts(db, st, err);  /* nothing new: nothing to read */
	struct dyad_dups_set set;
	if ((rc = dyad_dups_set_load(db, &set, err)))
		return rc;
	bool *query = calloc(set.n + 1, 1), *redo = calloc(set.n + 1, 1);
	struct dyad_dups_pair *p1 = NULL, *p2 = NULL, *all = NULL;
	size_t n1 = 0, n2 = 0, *off = NULL;
	uint32_t *adj = NULL;
	size_t nq = 0;
	if (!query || !redo) {
		rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
		goto done;
	}
	sqlite3_int64 maxrow = seen;
	for (size_t i = 0; i < set.n; i++) {
		query[i] = set.row[i] > seen;
		nq += query[i];
		if (set.row[i] > maxrow)
			maxrow = set.row[i];
	}
	bool full = nq == set.n;
	if (nq && (rc = dyad_dups_pairs(set.sig, set.n, full ? NULL : query, &o, &p1, &n1, NULL,
					err)))
		goto done;
	if (full) {
		memset(redo, 1, set.n);
	} else if (nq) {
		/* The new articles, those they match, and every member of the
		 * groups those belong to: their originals may change. */
		bool *root = calloc(set.n + 1, 1);
		if (!root) {
			rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t i = 0; i < set.n; i++)
			redo[i] = query[i];
		for (size_t k = 0; k < n1; k++) {
			size_t e[2] = {p1[k].a, p1[k].b};
			for (int t = 0; t < 2; t++) {
				redo[e[t]] = true;
				root[set.orig[e[t]] >= 0 ? (size_t)set.orig[e[t]] : e[t]] = true;
			}
		}
		for (size_t i = 0; i < set.n; i++)
			if (root[i] || (set.orig[i] >= 0 && root[set.orig[i]]))
				redo[i] = true;
		free(root);
		for (size_t i = 0; i < set.n; i++)
			query[i] = redo[i] && !query[i];
		if ((rc = dyad_dups_pairs(set.sig, set.n, query, &o, &p2, &n2, NULL, err)))
			goto done;
	}
	if (!(all = malloc((n1 + n2 + 1) * sizeof *all))) {
		rc = dyad_error(err, DYAD_ENOMEM, "out of memory");
		goto done;
	}
	if (n1)
		memcpy(all, p1, n1 * sizeof *all);
	if (n2)
		memcpy(all + n1, p2, n2 * sizeof *all);
	if ((rc = build_adj(all, n1 + n2, set.n, &off, &adj, err)) ||
	    (rc = reassign(&set, redo, off, adj, all, err)) ||
	    (rc = write_copies(db, &set, redo, full, maxrow, err)))
		goto done;
	if (st) {
		st->articles = set.n;
		st->copies = 0;
		for (size_t i = 0; i < set.n; i++)
			st->copies += set.orig[i] >= 0;
	}
done:
	free(query);
	free(redo);
	free(p1);
	free(p2);
	free(all);
	free(off);
	free(adj);
	dyad_dups_set_release(&set);
	return rc;
}
