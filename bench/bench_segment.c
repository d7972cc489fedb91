/* Benchmark of the text layer: sentence segmentation (sentences/s, MB/s),
 * tokenisation, UTF-8 cleaning and language detection, over the article
 * bodies of ../shared/data when present, else over generated news-like text
 * (fixed seed). Prints a hash of the output so a fast wrong answer shows. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_clock.h"
#include "bench_rand.h"
#include "buf.h"
#include "lang.h"
#include "segment.h"
#include "utf8.h"

struct corpus {
	char **doc;   /* article texts, from malloc() */
	size_t *len;
	size_t n, cap, bytes;
};

static int corpus_add(struct corpus *c, const char *s, size_t n)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 256;
		char **d = realloc(c->doc, cap * sizeof(*d));
		if (!d)
			return -1;
		c->doc = d;
		size_t *l = realloc(c->len, cap * sizeof(*l));
		if (!l)
			return -1;
		c->len = l;
		c->cap = cap;
	}
	c->doc[c->n] = dyad_strndup(s, n);
	if (!c->doc[c->n])
		return -1;
	c->len[c->n++] = n;
	c->bytes += n;
	return 0;
}

/* Article bodies of the scrapinghub ground truth, or 0 when absent. */
static size_t load_shared(struct corpus *c)
{
	const char *root = getenv("DYAD_SHARED_DATA");
	char path[4096];
	snprintf(path, sizeof(path), "%s/extraction/scrapinghub-aeb/ground-truth.json",
		 root ? root : "../shared/data");
	json_error_t jerr;
	json_t *j = json_load_file(path, 0, &jerr);
	if (!j)
		return 0;
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		json_t *b = json_object_get(v, "articleBody");
		if (json_is_string(b))
			corpus_add(c, json_string_value(b), json_string_length(b));
	}
	json_decref(j);
	return c->n;
}


/* Generated articles: sentences built from news vocabulary with titles,
 * acronyms, numbers, quotes and the odd ellipsis. */
static void generate(struct corpus *c, size_t target)
{
	static const char *const subj[] = {
		"The government", "Mr. Khan", "Gen. Raza", "Police", "The U.S. Army",
		"Officials", "Dr. Patel", "The ministry", "Protesters", "Lt. Col. Ali",
		"The U.N. envoy", "Rebels", "Sen. Brown", "The army chief",
	};
	static const char *const verb[] = {
		"said", "announced", "denied", "confirmed", "warned", "rejected",
		"welcomed", "criticised", "called for", "agreed to",
	};
	static const char *const obj[] = {
		"the new security plan", "talks with the opposition",
		"a ceasefire in the north", "the attack on a police station",
		"an increase of 3.5 percent in the budget", "the arrest of 1,200 people",
		"sanctions against Iran", "the deal signed on Jan. 5",
		"aid worth Rs. 500 million", "elections in the region",
	};
	static const char *const tail[] = {
		".", ".", ".", " on Monday.", " at 10.30 a.m. on Tuesday.",
		", sources said.", "?", "!", "...", " in Washington, D.C.",
	};
	struct dyad_buf b = DYAD_BUF_INIT;
	while (c->bytes < target) {
		dyad_buf_clear(&b);
		int paras = 4 + (int)rnd(8);
		for (int p = 0; p < paras; p++) {
			int sents = 1 + (int)rnd(4);
			for (int s = 0; s < sents; s++) {
				if (rnd(6) == 0)
					dyad_buf_printf(&b, "\"We will %s %s,\" %s %s. ",
							PICK(verb), PICK(obj), "he", "said");
				else
					dyad_buf_printf(&b, "%s %s %s%s ", PICK(subj),
							PICK(verb), PICK(obj), PICK(tail));
			}
			dyad_buf_rtrim(&b);
			dyad_buf_adds(&b, "\n\n");
		}
		corpus_add(c, b.data, b.len);
	}
	dyad_buf_release(&b);
}

int main(void)
{
	struct corpus c = {0};
	const char *source = "shared data (scrapinghub-aeb articleBody)";
	if (load_shared(&c) == 0) {
		source = "generated text (seed 0x9E3779B97F4A7C15)";
		generate(&c, 8u << 20);
	}
	/* Repeat small corpora so that each timing covers at least ~32 MB. */
	int reps = (int)((32u << 20) / (c.bytes + 1)) + 1;
	double mb = (double)c.bytes * reps / 1e6;
	printf("bench_segment: %s, %zu articles, %.2f MB x %d\n", source, c.n,
	       c.bytes / 1e6, reps);

	uint64_t h = 0;
	size_t nsent = 0, ntok = 0;
	double t0 = bench_now();
	for (int r = 0; r < reps; r++) {
		for (size_t i = 0; i < c.n; i++) {
			struct dyad_sentence *v;
			size_t nv;
			if (dyad_sentences(c.doc[i], c.len[i], &v, &nv, NULL) != DYAD_OK)
				return 1;
			nsent += nv;
			if (r == 0)
				h = dyad_hash64(v, nv * sizeof(*v), h);
			free(v);
		}
	}
	double ts = bench_now() - t0;
	printf("sentences: %.1f MB/s, %.0f sentences/s (%zu per pass, hash %016llx)\n",
	       mb / ts, nsent / ts, nsent / reps, (unsigned long long)h);

	t0 = bench_now();
	for (int r = 0; r < reps; r++) {
		for (size_t i = 0; i < c.n; i++) {
			struct dyad_span *v;
			size_t nv;
			if (dyad_tokens(c.doc[i], c.len[i], &v, &nv) != DYAD_OK)
				return 1;
			ntok += nv;
			free(v);
		}
	}
	double tt = bench_now() - t0;
	printf("tokens:    %.1f MB/s, %.0f tokens/s\n", mb / tt, ntok / tt);

	t0 = bench_now();
	for (int r = 0; r < reps; r++) {
		for (size_t i = 0; i < c.n; i++) {
			char *out;
			size_t ol;
			if (dyad_utf8_clean(c.doc[i], c.len[i], &out, &ol, NULL) != DYAD_OK)
				return 1;
			free(out);
		}
	}
	double tc = bench_now() - t0;
	printf("clean:     %.1f MB/s\n", mb / tc);

	size_t nlang = 0;
	t0 = bench_now();
	for (int r = 0; r < reps; r++)
		for (size_t i = 0; i < c.n; i++)
			nlang += dyad_lang_detect(c.doc[i], c.len[i]) != NULL;
	double tl = bench_now() - t0;
	printf("lang:      %.0f articles/s (%zu of %zu identified per pass)\n",
	       (double)c.n * reps / tl, nlang / reps, c.n);

	for (size_t i = 0; i < c.n; i++)
		free(c.doc[i]);
	free(c.doc);
	free(c.len);
	return 0;
}
