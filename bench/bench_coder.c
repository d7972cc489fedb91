/* Benchmark of the event coder: sentences per second per core with the full
 * Phoenix (PETRARCH-2) dictionaries and with dyad's built-in ones on real
 * English news sentences (the article bodies of the scrapinghub benchmark
 * split with dyad_sentences), on one thread and on two. Skips with one line
 * when the data is absent. */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_clock.h"
#include "coder.h"
#include "dict_builtin.h"
#include "../eval/score.h"
#include "segment.h"

struct corpus {
	char **s;        /* sentences, NUL-terminated */
	size_t n;
};

struct job {
	const struct dyad_dict *d;
	const struct corpus *cp;
	int rounds;
	size_t events;
	double secs, cpu;   /* wall-clock and this thread's CPU seconds */
};

static void *run(void *arg)
{
	struct job *j = arg;
	struct dyad_coder *c;
	struct dyad_err err = {0};
	struct dyad_events ev = {0};
	if (dyad_coder_new(j->d, &c, &err))
		return NULL;
	double t0 = bench_now(), c0 = bench_clock(CLOCK_THREAD_CPUTIME_ID);
	for (int r = 0; r < j->rounds; r++) {
		dyad_coder_article(c, 20190601);
		for (size_t i = 0; i < j->cp->n; i++) {
			if (i % 20 == 0)
				dyad_coder_article(c, 20190601);
			ev.n = 0;
			dyad_coder_sentence(c, j->cp->s[i], strlen(j->cp->s[i]), (uint32_t)i, &ev, &err);
			j->events += ev.n;
		}
	}
	j->secs = bench_now() - t0;
	j->cpu = bench_clock(CLOCK_THREAD_CPUTIME_ID) - c0;
	dyad_events_release(&ev);
	dyad_coder_free(c);
	return NULL;
}

static int load_corpus(const char *path, struct corpus *cp)
{
	json_error_t je;
	json_t *root = json_load_file(path, 0, &je);
	if (!root)
		return -1;
	const char *key;
	json_t *v;
	size_t cap = 0;
	json_object_foreach(root, key, v) {
		const char *body = json_string_value(json_object_get(v, "articleBody"));
		if (!body)
			continue;
		struct dyad_sentence *ss;
		size_t ns;
		if (dyad_sentences(body, strlen(body), &ss, &ns, NULL))
			continue;
		for (size_t i = 0; i < ns; i++) {
			if (cp->n == cap) {
				cap = cap ? 2 * cap : 1024;
				cp->s = realloc(cp->s, cap * sizeof *cp->s);
			}
			cp->s[cp->n++] = dyad_strndup(body + ss[i].off, ss[i].len);
		}
		free(ss);
	}
	json_decref(root);
	return 0;
}

/* Sentences per second with dictionary d named name, one and two threads. */
static void bench(const struct dyad_dict *d, const struct corpus *cp, const char *name)
{
	int rounds = 5;
	printf("%s dictionaries:\n", name);
	for (int threads = 1; threads <= 2; threads++) {
		struct job jobs[2];
		pthread_t th[2];
		for (int t = 0; t < threads; t++) {
			jobs[t] = (struct job){d, cp, rounds, 0, 0, 0};
			pthread_create(&th[t], NULL, run, &jobs[t]);
		}
		double worst = 0, cpu = 0;
		size_t events = 0;
		for (int t = 0; t < threads; t++) {
			pthread_join(th[t], NULL);
			if (jobs[t].secs > worst)
				worst = jobs[t].secs;
			cpu += jobs[t].cpu;
			events += jobs[t].events;
		}
		double sents = (double)cp->n * rounds * threads;
		/* per CPU second too: wall-clock figures suffer from other load */
		printf("  %d thread%s: %.0f sentences/s in all, %.0f per core (wall), %.0f per CPU "
		       "second, %.3f events/sentence\n",
		       threads, threads > 1 ? "s" : "", sents / worst, sents / worst / threads,
		       sents / cpu, (double)events / sents);
	}
}

int main(void)
{
	char ini[1024], gt[1024];
	snprintf(ini, sizeof ini, "%s/eventcoding/petrarch2/PETR_config.ini", dyad_score_data_dir());
	snprintf(gt, sizeof gt, "%s/extraction/scrapinghub-aeb/ground-truth.json", dyad_score_data_dir());
	FILE *f1 = fopen(ini, "r"), *f2 = fopen(gt, "r");
	if (!f1 || !f2) {
		printf("bench_coder: skipped (%s or %s absent)\n", ini, gt);
		if (f1)
			fclose(f1);
		if (f2)
			fclose(f2);
		return 0;
	}
	fclose(f1);
	fclose(f2);
	struct dyad_dict d, b;
	struct dyad_err err = {0};
	dyad_dict_init(&d);
	dyad_dict_init(&b);
	if (dyad_dict_load(&d, ini, &err) || dyad_dict_load_builtin(&b, &err)) {
		fprintf(stderr, "bench_coder: %s\n", dyad_errmsg(&err));
		return 1;
	}
	struct corpus cp = {0};
	if (load_corpus(gt, &cp) || !cp.n) {
		fprintf(stderr, "bench_coder: cannot read %s\n", gt);
		return 1;
	}
	size_t bytes = 0;
	for (size_t i = 0; i < cp.n; i++)
		bytes += strlen(cp.s[i]);
	printf("corpus: %zu sentences, %.1f words/sentence (approx.)\n", cp.n,
	       (double)bytes / 6.0 / (double)cp.n);
	bench(&d, &cp, "Phoenix (PETRARCH-2)");
	bench(&b, &cp, "built-in dyad");
	printf("published: TABARI 1,000-2,000 sentences/s; PETRARCH-2 about 250/s (after parsing)\n");
	for (size_t i = 0; i < cp.n; i++)
		free(cp.s[i]);
	free(cp.s);
	dyad_dict_release(&d);
	dyad_dict_release(&b);
	return 0;
}
