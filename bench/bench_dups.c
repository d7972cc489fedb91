/* Benchmark of near-duplicate detection: generates N news-like articles
 * (fixed seed; a share are copies of earlier ones, edited as syndication
 * edits them), then prints signature time per article, LSH time and
 * precision/recall for MinHash and SimHash, and the full dyad_dups_update
 * over a temporary database (load, LSH, write), incremental update time,
 * peak memory and database size. Usage: bench_dups [--n N] [--copies F]
 * [--keep PATH]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "bench_clock.h"
#include "bench_db.h"
#include "buf.h"
#include "dups.h"
#include "story.h"

static uint64_t rng = 0x2545f4914f6cdd1du;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

/* A vocabulary of made-up words; skewed draws give common words and common
 * phrases, as news text has. */
#define VOCAB 20000
static char vocab[VOCAB][12];

static void make_vocab(void)
{
	static const char *syl[] = {"ka", "lo", "mi", "ne", "ra", "su", "ti", "ve", "zo", "pa",
				    "an", "el", "is", "or", "un", "ba", "de", "fi", "go", "hu"};
	for (int i = 0; i < VOCAB; i++) {
		int n = 1 + (i > 50) + (i > 2000) + (i > 12000), v = i;
		vocab[i][0] = '\0';
		for (int k = 0; k < n; k++) {
			strcat(vocab[i], syl[v % 20]);
			v /= 20;
		}
		if (i > 8000)
			vocab[i][0] = (char)(vocab[i][0] - 'a' + 'A');  /* names */
	}
}

static void paragraph(struct dyad_buf *b, uint64_t seed)
{
	uint64_t keep = rng;
	rng = seed * 0x9e3779b97f4a7c15u + 0x632be59bd9b4e019u;
	int words = 25 + (int)(next() % 40);
	for (int w = 0; w < words; w++) {
		uint32_t a = next() % VOCAB, c = next() % VOCAB;
		uint32_t idx = (uint32_t)((uint64_t)a * c / VOCAB);  /* skewed to common */
		dyad_buf_adds(b, vocab[idx]);
		dyad_buf_addc(b, w % 12 == 11 ? '.' : ' ');
		dyad_buf_addc(b, ' ');
	}
	dyad_buf_adds(b, "\n\n");
	rng = keep;
}

/* Article i: its own paragraphs, or (copy of root) the root's paragraphs
 * edited one way. */
static void article(struct dyad_buf *b, uint32_t i, int64_t root, int edit)
{
	uint64_t id = root >= 0 ? (uint64_t)root : i;
	int paras = 5 + (int)(id % 6), from = 0, to = paras;
	if (root >= 0) {
		switch (edit) {
		case 0:  /* new header and footer */
			dyad_buf_adds(b, "Advertisement\n\nLatest news from our correspondents\n\n");
			break;
		case 1:  /* ending trimmed */
			to = paras - paras / 3;
			break;
		case 2:  /* credit line */
			dyad_buf_adds(b, "This story first appeared on the wire and is republished "
					 "with permission.\n\n");
			break;
		case 3:  /* lead paragraph dropped */
			from = 1;
			break;
		default:
			break;
		}
	}
	for (int p = from; p < to; p++) {
		if (root >= 0 && edit == 4 && p == 2)
			paragraph(b, id * 131 + 1000003u * (uint64_t)(i + 1));  /* paragraph added */
		if (root >= 0 && edit == 5 && (p == 1 || p == 2))
			paragraph(b, id * 131 + (uint64_t)(3 - p));  /* two paragraphs swapped */
		else
			paragraph(b, id * 131 + (uint64_t)p);
	}
	if (root >= 0 && edit == 0)
		dyad_buf_adds(b, "Copyright the Daily Example. All rights reserved.\n");
}

struct truth {
	int64_t *root;   /* family root of each article, itself for an original */
	size_t copies;
};

static void score_pairs(const char *what, const struct dyad_dups_pair *p, size_t np,
			const struct truth *t, size_t n, double secs, uint64_t cand)
{
	/* True pairs: within each family of k articles, k(k-1)/2. */
	size_t *fam = calloc(n, sizeof *fam), truth = 0, good = 0;
	for (size_t i = 0; i < n; i++)
		fam[t->root[i]]++;
	for (size_t i = 0; i < n; i++)
		truth += fam[i] * (fam[i] - (fam[i] > 0)) / 2;
	for (size_t k = 0; k < np; k++)
		good += t->root[p[k].a] == t->root[p[k].b];
	printf("%-8s LSH+verify %.2f s CPU, %llu candidates, %zu pairs: precision %.4f, "
	       "recall %.4f (%zu true pairs)\n", what, secs, (unsigned long long)cand, np,
	       np ? (double)good / (double)np : 1.0, truth ? (double)good / (double)truth : 1.0,
	       truth);
	free(fam);
}

static void check(int rc, const struct dyad_err *err)
{
	if (rc) {
		fprintf(stderr, "bench_dups: %s\n", dyad_errmsg(err));
		exit(1);
	}
}

/* Pairs by the options o among sig[0..n), timed and scored against t. */
static void run_method(const char *what, const struct dyad_sig *sig, size_t n,
		       const struct dyad_dups_opts *o, const struct truth *t)
{
	struct dyad_dups_pair *p;
	size_t np;
	uint64_t cand;
	struct dyad_err err = {0};
	double c0 = bench_cpu();
	check(dyad_dups_pairs(sig, n, NULL, o, &p, &np, &cand, &err), &err);
	score_pairs(what, p, np, t, n, bench_cpu() - c0, cand);
	free(p);
}

/* Real text, when ../shared/data is there: the 181 article bodies of the
 * scrapinghub set and four extractors' outputs for the same pages, which
 * differ as syndicated copies do (boilerplate kept or lost, endings cut).
 * Each page's outputs should match its body; different pages never. */
static void real_text(void)
{
	static const char *const peers[] = {"go_trafilatura", "readability_js", "rs_trafilatura",
					    "trafilatura"};
	const char *root = getenv("DYAD_SHARED_DATA");
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb/ground-truth.json",
		 root ? root : "../shared/data");
	json_t *gt = json_load_file(path, 0, NULL);
	if (!gt) {
		printf("real text: skipped (no %s)\n", path);
		return;
	}
	size_t np = 1 + DYAD_ARRAY_LEN(peers), pages = json_object_size(gt), n = 0;
	struct dyad_sig *sig = calloc(pages * np, sizeof *sig);
	size_t *page = calloc(pages * np, sizeof *page);
	json_t *out[DYAD_ARRAY_LEN(peers)];
	for (size_t k = 0; k < DYAD_ARRAY_LEN(peers); k++) {
		snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb/reference-outputs/%s.json",
			 root ? root : "../shared/data", peers[k]);
		out[k] = json_load_file(path, 0, NULL);
	}
	const char *key;
	json_t *v;
	size_t pg = 0;
	json_object_foreach(gt, key, v) {
		for (size_t k = 0; k < np; k++) {
			json_t *o = k ? json_object_get(json_object_get(out[k - 1], "output"), key) : v;
			const char *t = json_string_value(json_object_get(o, "articleBody"));
			if (!t)
				continue;
			dyad_sig_compute(t, strlen(t), &sig[n]);
			page[n++] = pg;
		}
		pg++;
	}
	struct dyad_dups_opts o;
	struct dyad_err err = {0};
	for (int m = 0; m < 3; m++) {
		dyad_dups_opts_default(&o);
		o.method = m ? DYAD_DUPS_SIMHASH : DYAD_DUPS_MINHASH;
		o.max_hamming = m == 2 ? 10 : o.max_hamming;
		struct dyad_dups_pair *p;
		size_t npair, good = 0, truth = 0;
		check(dyad_dups_pairs(sig, n, NULL, &o, &p, &npair, NULL, &err), &err);
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				truth += page[i] == page[j];
		for (size_t k = 0; k < npair; k++)
			good += page[p[k].a] == page[p[k].b];
		printf("real text, %zu pages x %zu versions, %-12s: %zu pairs, precision %.4f, "
		       "recall %.4f (%zu true pairs)\n", pages, np,
		       m == 0 ? "MinHash" : m == 1 ? "SimHash<=3" : "SimHash<=10", npair,
		       npair ? (double)good / (double)npair : 1.0, (double)good / (double)truth, truth);
		free(p);
	}
	for (size_t k = 0; k < DYAD_ARRAY_LEN(peers); k++)
		json_decref(out[k]);
	json_decref(gt);
	free(sig);
	free(page);
}

int main(int argc, char **argv)
{
	size_t n = 1000000;
	double share = 0.2;
	const char *keep = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--n") && i + 1 < argc)
			n = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--copies") && i + 1 < argc)
			share = atof(argv[++i]);
		else if (!strcmp(argv[i], "--keep") && i + 1 < argc)
			keep = argv[++i];
		else {
			fprintf(stderr, "usage: bench_dups [--n N] [--copies SHARE] [--keep DB]\n");
			return 2;
		}
	}
	if (n < 10)
		n = 10;
	real_text();
	make_vocab();
	struct truth t = {calloc(n, sizeof *t.root), 0};
	struct dyad_sig *sig = malloc(n * sizeof *sig);
	int32_t *day = malloc(n * sizeof *day);
	if (!t.root || !sig || !day)
		return 1;
	struct dyad_buf b = DYAD_BUF_INIT;
	double sig_cpu = 0, gen0 = bench_cpu();
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t root = -1;
		if (i > 100 && next() % 1000 < share * 1000) {
			/* a copy of a recent article (syndication is fast) */
			size_t back = 1 + next() % (i < 20000 ? i : 20000);
			root = t.root[i - back];
			t.copies++;
		}
		t.root[i] = root >= 0 ? root : (int64_t)i;
		day[i] = 19000 + (int32_t)(i * 5000 / n) + (root >= 0 ? (int32_t)(next() % 3) : 0);
		dyad_buf_clear(&b);
		article(&b, (uint32_t)i, root, (int)(next() % 6));
		bytes += b.len;
		double c0 = bench_clock(CLOCK_THREAD_CPUTIME_ID);
		dyad_sig_compute(b.data, b.len, &sig[i]);
		sig_cpu += bench_clock(CLOCK_THREAD_CPUTIME_ID) - c0;
	}
	dyad_buf_release(&b);
	printf("%zu articles (%.0f words each on average), %zu copies; generation %.1f s CPU\n", n,
	       (double)bytes / (double)n / 5.6, t.copies, bench_cpu() - gen0 - sig_cpu);
	printf("signature: %.1f us per article (%.1f MB/s)\n", sig_cpu / (double)n * 1e6,
	       (double)bytes / sig_cpu / 1e6);

	/* In memory: the two methods side by side. */
	struct dyad_dups_opts o;
	dyad_dups_opts_default(&o);
	struct dyad_err err = {0};
	run_method("MinHash", sig, n, &o, &t);
	o.method = DYAD_DUPS_SIMHASH;
	run_method("SimHash", sig, n, &o, &t);
	if (n <= 200000) {
		/* SimHash needs a wider radius for edited copies; pigeonhole LSH
		 * then costs quadratically more: measured where it is affordable. */
		for (int h = 7; h <= 15; h += 4) {
			char what[32];
			snprintf(what, sizeof what, "SimH<=%d", h);
			o.max_hamming = h;
			run_method(what, sig, n, &o, &t);
		}
		dyad_dups_opts_default(&o);
		for (int r = 2; r <= 4; r++) {
			char what[32];
			snprintf(what, sizeof what, "MinH r=%d", r);
			o.rows = r;
			run_method(what, sig, n, &o, &t);
		}
	}

	/* The database path: articles rows (placeholder text: the signatures
	 * are what detection reads) and signatures, then dyad_dups_update. */
	char path[256];
	snprintf(path, sizeof path, "%s", keep ? keep : "/tmp/bench_dups-XXXXXX");
	if (!keep) {
		int fd = mkstemp(path);
		if (fd < 0)
			return 1;
		close(fd);
		unlink(path);
	}
	struct dyad_db *db;
	check(dyad_db_open(path, 0, &db, &err), &err);
	size_t base = n - n / 1000;  /* the last 0.1% come later, incrementally */
	double w0 = bench_now();
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "INSERT INTO articles(rowid, id, path, published, outlet, "
			       "text, paragraphs, sentences, ingested_at) VALUES (?1, ?1, 'bench', "
			       "date(?2 * 86400, 'unixepoch'), 'outlet' || (?1 % 97), '-', 1, 0, "
			       "'2026-01-01T00:00:00Z')", -1, &st, NULL))
		return 1;
	for (int phase = 0; phase < 2; phase++) {
		size_t lo = phase ? base : 0, hi = phase ? n : base;
		check(dyad_store_begin(db, &err), &err);
		for (size_t i = lo; i < hi; i++) {
			sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
			sqlite3_bind_int(st, 2, day[i]);
			if (sqlite3_step(st) != SQLITE_DONE)
				check(dyad_store_error(db, &err, "bench insert"), &err);
			sqlite3_reset(st);
			check(dyad_store_signature(db, (sqlite3_int64)i + 1, &sig[i], &err), &err);
		}
		check(dyad_store_commit(db, &err), &err);
		if (!phase)
			printf("database: %zu articles and signatures stored in %.1f s\n", base,
			       bench_now() - w0);
		struct dyad_dups_stats ds = {0};
		double c0 = bench_cpu(), t0 = bench_now();
		check(dyad_dups_update(db, false, &ds, &err), &err);
		printf("dyad_dups_update %s: %.2f s CPU, %.2f s wall; %llu articles, %llu copies\n",
		       phase ? "incremental (+0.1%)" : "full", bench_cpu() - c0, bench_now() - t0,
		       (unsigned long long)ds.articles, (unsigned long long)ds.copies);
		c0 = bench_cpu();
		t0 = bench_now();
		check(dyad_stories_update(db, false, &ds, &err), &err);
		printf("dyad_stories_update %s: %.2f s CPU, %.2f s wall; %llu stories\n",
		       phase ? "incremental" : "full", bench_cpu() - c0, bench_now() - t0,
		       (unsigned long long)ds.stories);
	}
	sqlite3_finalize(st);
	/* Copies found against the generated truth. */
	size_t marked = 0, right = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT article, original FROM copies", -1, &st, NULL))
		return 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		marked++;
		right += t.root[sqlite3_column_int64(st, 0) - 1] ==
			 t.root[sqlite3_column_int64(st, 1) - 1];
	}
	sqlite3_finalize(st);
	printf("copies table: %zu marked, %zu in the right family: precision %.4f, recall %.4f\n",
	       marked, right, marked ? (double)right / (double)marked : 1.0,
	       t.copies ? (double)right / (double)t.copies : 1.0);
	dyad_db_close(db);
	struct stat sb;
	if (!stat(path, &sb))
		printf("database size %.1f MB\n", (double)sb.st_size / 1e6);
	printf("peak memory %.1f MB\n", (double)bench_peak_kb() / 1024);
	if (!keep)
		bench_remove_db(path);
	free(t.root);
	free(sig);
	free(day);
	return 0;
}
