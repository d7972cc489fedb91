/* Benchmark of the dictionary readers: load time and peak memory of the full
 * Phoenix (PETRARCH-2) dictionaries and of TABARI's CAMEO.091003.master.verbs
 * from ../shared/data, each in its own process; prints counts and a hash of
 * the model so a fast wrong load shows. Skips with one line when absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_clock.h"
#include "dict.h"

/* Hash of every entry's words and ids, independent of the load order. */
static uint64_t model_hash(const struct dyad_dict *d)
{
	uint64_t h = 0;
	for (int k = 0; k < DYAD_DK_COUNT; k++) {
		const struct dyad_dict_entry *e = d->tab[k].ent.a;
		for (size_t i = 0; i < d->tab[k].ent.n; i++) {
			uint64_t x = (uint64_t)k * 0x9E3779B97F4A7C15ull;
			for (uint32_t j = 0; j < e[i].n; j++)
				if (e[i].tok[j].str)
					x ^= dyad_hash64(e[i].tok[j].str, e[i].tok[j].len, j + 1);
			h += x;
		}
	}
	return h;
}

static void report(const char *what, const struct dyad_dict *d, double t, long kb0)
{
	size_t nerr = 0;
	const struct dyad_dict_diag *g = d->diags.a;
	for (size_t i = 0; i < d->diags.n; i++)
		nerr += g[i].sev == DYAD_DIAG_ERROR;
	printf("%s: %.3f s, peak RSS %.1f MB (+%.1f MB), arena %.1f MB\n", what, t,
	       (double)bench_peak_kb() / 1024, (double)(bench_peak_kb() - kb0) / 1024,
	       (double)d->arena_bytes / (1 << 20));
	printf("  actors %zu (phrases %zu), agents %zu (phrases %zu), verb blocks %zu, verb forms %zu, "
	       "patterns %zu, synsets %zu, discards %zu, issue phrases %zu\n",
	       d->actors.n, dyad_dict_count(d, DYAD_DK_ACTOR), d->agents.n,
	       dyad_dict_count(d, DYAD_DK_AGENT), d->blocks.n, dyad_dict_count(d, DYAD_DK_VERB),
	       d->patterns.n, d->synsets.n, dyad_dict_count(d, DYAD_DK_DISCARD),
	       dyad_dict_count(d, DYAD_DK_ISSUE));
	printf("  diagnostics %zu (%zu lines skipped), hash %016llx\n", d->diags.n, nerr,
	       (unsigned long long)model_hash(d));
}

/* Load path and report; run in a child process so that its peak RSS is its own. */
static int bench(const char *what, const char *path, bool lookups)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid > 0) {
		int st = 0;
		waitpid(pid, &st, 0);
		return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
	}
	struct dyad_err err;
	struct dyad_dict d;
	dyad_dict_init(&d);
	long kb0 = bench_peak_kb();
	double t0 = bench_now();
	if (dyad_dict_load(&d, path, &err) != DYAD_OK) {
		fprintf(stderr, "bench_dict: %s\n", dyad_errmsg(&err));
		_exit(1);
	}
	report(what, &d, bench_now() - t0, kb0);
	if (lookups) {
		/* every actor phrase's own words, as a coder would meet them */
		const struct dyad_dict_entry *e = d.tab[DYAD_DK_ACTOR].ent.a;
		size_t n = d.tab[DYAD_DK_ACTOR].ent.n, hits = 0;
		t0 = bench_now();
		for (size_t i = 0; i < n; i++) {
			const char *toks[64];
			size_t k = e[i].n < 64 ? e[i].n : 64;
			for (size_t j = 0; j < k; j++)
				toks[j] = e[i].tok[j].str;
			struct dyad_dict_match m;
			hits += (size_t)dyad_dict_actor_match(&d, toks, k, 0, 20100101, &m);
		}
		double tl = bench_now() - t0;
		printf("  actor lookups: %zu of %zu matched, %.0f ns each\n", hits, n,
		       n ? tl / (double)n * 1e9 : 0);
	}
	dyad_dict_release(&d);
	fflush(stdout);
	_exit(0);
}

int main(void)
{
	const char *root = getenv("DYAD_SHARED_DATA");
	char path[4096];
	snprintf(path, sizeof path, "%s/eventcoding/petrarch2/PETR_config.ini",
		 root ? root : "../shared/data");
	if (access(path, R_OK) != 0) {
		printf("bench_dict: skipped, %s absent\n", path);
		return 0;
	}
	int rc = bench("Phoenix (PETR_config.ini)", path, true);
	snprintf(path, sizeof path, "%s/eventcoding/tabari/CAMEO.091003.master.verbs",
		 root ? root : "../shared/data");
	if (access(path, R_OK) == 0)
		rc |= bench("TABARI CAMEO.091003.master.verbs", path, false);
	else
		printf("bench_dict: TABARI skipped, %s absent\n", path);
	return rc;
}
