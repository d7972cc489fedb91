/* Quotation and speaker evaluation on the GenderGapTracker gold set
 * (quotes/ggt_98): quotation P/R/F1 (a gold quote is found when the overlap
 * is over 0.3 of its length) and speaker accuracy, next to the figures of
 * the extractor the set was built for; then the CPU time of people+quotes.
 * Set DYAD_EVAL_VERBOSE=1 to list misses, false hits and wrong speakers. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "dict_builtin.h"
#include "quote.h"
#include "score.h"
#include "segment.h"

struct gold {
	uint32_t off, end;   /* bytes in text */
	const char *speaker, *ref;
	int best;            /* best predicted quote, -1 */
};

struct tally {
	long gold, pred, pred_ok, gold_ok, spk_ok, spk_loose;
	double cpu_ms;
	long words;
};

/* Code points of text[a, b). */
static size_t cps(const char *t, uint32_t a, uint32_t b)
{
	size_t n = 0;
	for (uint32_t i = a; i < b; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n;
}

/* Byte offset of code point index ci. */
static uint32_t byte_of(const char *t, size_t n, long ci)
{
	long k = 0;
	size_t i = 0;
	for (; i < n && k < ci; i++)
		if (((unsigned char)t[i + 1] & 0xC0) != 0x80)
			k++;
	return (uint32_t)i;
}

/* Locate gold quote q (as written) in text, nearest to its index. */
static bool locate(const char *text, size_t n, const char *q, const char *index, struct gold *g)
{
	long a = -1, b = -1;
	if (index && sscanf(index, "(%ld,%ld)", &a, &b) != 2)
		a = b = -1;
	uint32_t hint = a >= 0 ? byte_of(text, n, a) : 0;
	size_t ql = strlen(q);
	if (ql == 0)
		return false;
	const char *best = NULL;
	for (const char *h = strstr(text, q); h; h = strstr(h + 1, q)) {
		if (!best || labs((long)(h - text) - (long)hint) < labs((long)(best - text) - (long)hint))
			best = h;
	}
	if (best) {
		g->off = (uint32_t)(best - text);
		g->end = g->off + (uint32_t)ql;
		return true;
	}
	if (a < 0 || b <= a)
		return false;
	g->off = hint;
	g->end = byte_of(text, n, b);
	return g->end > g->off;
}

static bool is_pron(const char *s)
{
	static const char *const p[] = {"he", "she", "they", "it", "i", "we", "his", "her", "him"};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(p); i++)
		if (strcasecmp(s, p[i]) == 0)
			return true;
	return false;
}

/* Whole-word, case-insensitive containment of needle in hay. */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return false;
	for (const char *h = hay; *h; h++)
		if (strncasecmp(h, needle, n) == 0 && (h == hay || !isalnum((unsigned char)h[-1])) &&
		    !isalnum((unsigned char)h[n]))
			return true;
	return false;
}

/* Our speaker names the gold one: equal to, or holding, its speaker or
 * reference ("Darian Lonechild" for "Lonechild"), or a part of the
 * reference ("Lonechild" for "Darian Lonechild"). Pronouns never count. */
static bool names(const char *ours, const char *spk, const char *ref)
{
	if (!ours || !*ours || is_pron(ours))
		return false;
	const char *g[2] = {spk, ref};
	for (int i = 0; i < 2; i++) {
		if (!g[i] || !*g[i] || is_pron(g[i]))
			continue;
		if (contains(ours, g[i]) || contains(g[i], ours))
			return true;
	}
	return false;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int run(const char *text, size_t n, const struct dyad_dict *d, struct dyad_sentence **sent,
	       size_t *nsent, struct dyad_people *pe, struct dyad_quotes *qs)
{
	struct dyad_err err = {0};
	if (dyad_sentences(text, n, sent, nsent, NULL))
		return -1;
	if (dyad_people_find(text, *sent, *nsent, d, pe, &err) ||
	    dyad_quotes_find(text, *sent, *nsent, pe, qs, &err))
		return -1;
	return 0;
}

static void article(json_t *art, const struct dyad_dict *d, struct tally *t, bool verbose)
{
	const char *src = json_string_value(json_object_get(art, "text"));
	json_t *gq = json_object_get(art, "quotations");
	if (!src || !json_is_array(gq))
		return;
	/* "\n .\n" marks paragraphs: make it a blank line, keeping offsets */
	char *text = dyad_strdup(src);
	size_t n = strlen(text);
	for (char *p = strstr(text, "\n .\n"); p; p = strstr(p + 1, "\n .\n"))
		p[2] = ' ';
	for (size_t i = 0; i < n; i++)
		t->words += text[i] == ' ' && i + 1 < n && text[i + 1] != ' ';

	struct dyad_sentence *sent = NULL;
	size_t nsent = 0;
	struct dyad_people pe = {0};
	struct dyad_quotes qs = {0};
	double t0 = cpu_ms();
	int rc = run(text, n, d, &sent, &nsent, &pe, &qs);
	double t1 = cpu_ms();
	if (rc) {
		fprintf(stderr, "eval_quotes: extraction failed\n");
		goto done;
	}
	/* time people+quotes alone, a few rounds for a steadier figure */
	for (int r = 0; r < 5; r++) {
		struct dyad_people p2 = {0};
		struct dyad_quotes q2 = {0};
		struct dyad_err err = {0};
		double a = cpu_ms();
		dyad_people_find(text, sent, nsent, d, &p2, &err);
		dyad_quotes_find(text, sent, nsent, &p2, &q2, &err);
		t->cpu_ms += (cpu_ms() - a) / 5;
		dyad_quotes_release(&q2);
		dyad_people_release(&p2);
	}
	(void)t0;
	(void)t1;

	if (verbose)
		for (size_t i = 0; i < pe.n; i++)
			printf("  PERSON %s | %s | %s | %s | %s | %c | %u\n", pe.p[i].name,
			       pe.p[i].title ? pe.p[i].title : "", pe.p[i].role ? pe.p[i].role : "",
			       pe.p[i].nationality ? pe.p[i].nationality : "", pe.p[i].actor,
			       pe.p[i].gender ? pe.p[i].gender : '-', pe.p[i].mentions);
	size_t ng = json_array_size(gq);
	struct gold *g = calloc(ng ? ng : 1, sizeof *g);
	bool *pok = calloc(qs.n ? qs.n : 1, sizeof *pok);
	size_t k = 0;
	for (size_t i = 0; i < ng; i++) {
		json_t *o = json_array_get(gq, i);
		const char *q = json_string_value(json_object_get(o, "quote"));
		if (!q || !locate(text, n, q, json_string_value(json_object_get(o, "quote_index")), &g[k]))
			continue;
		g[k].speaker = json_string_value(json_object_get(o, "speaker"));
		g[k].ref = json_string_value(json_object_get(o, "reference"));
		g[k].best = -1;
		size_t glen = cps(text, g[k].off, g[k].end);
		size_t bestov = 0;
		for (size_t j = 0; j < qs.n; j++) {
			uint32_t a = qs.q[j].off > g[k].off ? qs.q[j].off : g[k].off;
			uint32_t b = qs.q[j].off + qs.q[j].len < g[k].end ? qs.q[j].off + qs.q[j].len
									   : g[k].end;
			if (b <= a)
				continue;
			size_t ov = cps(text, a, b);
			if (ov * 10 > glen * 3) {
				pok[j] = true;
				if (ov > bestov) {
					bestov = ov;
					g[k].best = (int)j;
				}
			}
		}
		k++;
	}
	t->gold += (long)ng;
	t->pred += (long)qs.n;
	for (size_t j = 0; j < qs.n; j++) {
		t->pred_ok += pok[j];
		if (verbose && !pok[j])
			printf("  FP  [%.*s] (%s)\n", (int)qs.q[j].len, text + qs.q[j].off,
			       qs.q[j].speaker ? qs.q[j].speaker : "-");
	}
	for (size_t i = 0; i < k; i++) {
		if (g[i].best < 0) {
			if (verbose)
				printf("  MISS [%.*s] (%s)\n", (int)(g[i].end - g[i].off), text + g[i].off,
				       g[i].ref ? g[i].ref : "");
			continue;
		}
		t->gold_ok++;
		const struct dyad_quote *q = &qs.q[g[i].best];
		bool ok = names(q->speaker, g[i].speaker, g[i].ref);
		t->spk_ok += ok;
		/* loose: the speaker as it stands equals the gold speaker (a pronoun counts) */
		bool loose = ok || (q->spk_len && g[i].speaker &&
				    strlen(g[i].speaker) == q->spk_len &&
				    strncasecmp(text + q->spk_off, g[i].speaker, q->spk_len) == 0);
		t->spk_loose += loose;
		if (verbose && !ok)
			printf("  SPK  ours=%s [%.*s] gold=%s/%s :: %.60s\n",
			       q->speaker ? q->speaker : "-", (int)q->spk_len, text + q->spk_off,
			       g[i].speaker ? g[i].speaker : "", g[i].ref ? g[i].ref : "",
			       text + q->off);
	}
	free(g);
	free(pok);
done:
	dyad_quotes_release(&qs);
	dyad_people_release(&pe);
	free(sent);
	free(text);
}

/* With --floor F1 SPEAKER (percent), the exit status is 1 when either
 * score falls below it: tests/cli/t0500 uses this to catch regressions. */
int main(int argc, char **argv)
{
	double floor_f1 = 0, floor_spk = 0;
	if (argc == 4 && strcmp(argv[1], "--floor") == 0) {
		floor_f1 = atof(argv[2]);
		floor_spk = atof(argv[3]);
	} else if (argc != 1) {
		fprintf(stderr, "usage: eval_quotes [--floor F1 SPEAKER]\n");
		return 2;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/quotes/ggt_98/ggt_gold_quotes.jsonl", dyad_score_data_dir());
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("eval_quotes: skipped (%s absent)\n", path);
		return argc > 1 ? 77 : 0;
	}
	bool verbose = getenv("DYAD_EVAL_VERBOSE") && *getenv("DYAD_EVAL_VERBOSE") == '1';
	struct dyad_dict d;
	struct dyad_err err = {0};
	dyad_dict_init(&d);
	bool have_dict = dyad_dict_load_builtin(&d, &err) == DYAD_OK;
	struct tally t = {0};
	char *line = NULL;
	size_t cap = 0;
	long arts = 0;
	while (getline(&line, &cap, f) > 0) {
		json_error_t je;
		json_t *art = json_loads(line, 0, &je);
		if (!art)
			continue;
		if (verbose)
			printf("article %ld %s\n", arts, json_string_value(json_object_get(art, "id")));
		article(art, have_dict ? &d : NULL, &t, verbose);
		json_decref(art);
		arts++;
	}
	free(line);
	fclose(f);
	double p = t.pred ? 100.0 * t.pred_ok / t.pred : 0;
	double r = t.gold ? 100.0 * t.gold_ok / t.gold : 0;
	double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
	printf("ggt_98 quotations (%ld articles, %ld gold, %ld found):\n", arts, t.gold, t.pred);
	printf("  dyad       P %.1f  R %.1f  F1 %.1f   speaker %.1f%% (%.1f%% counting pronouns as written)\n",
	       p, r, f1, t.gold_ok ? 100.0 * t.spk_ok / t.gold_ok : 0,
	       t.gold_ok ? 100.0 * t.spk_loose / t.gold_ok : 0);
	printf("  reference  P 84.6  R 82.7  F1 83.7   speaker 86.5%%\n");
	printf("  people+quotes CPU %.3f ms/article, %.3f ms per 600 words%s\n",
	       arts ? t.cpu_ms / arts : 0, t.words ? t.cpu_ms / t.words * 600 : 0,
	       have_dict ? "" : " (no dictionary)");
	dyad_dict_release(&d);
	double spk = t.gold_ok ? 100.0 * t.spk_ok / t.gold_ok : 0;
	if (f1 < floor_f1 || spk < floor_spk) {
		printf("  below the floor: F1 %.1f (floor %.1f), speaker %.1f%% (floor %.1f%%)\n", f1,
		       floor_f1, spk, floor_spk);
		return 1;
	}
	return 0;
}
