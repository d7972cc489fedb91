/* Benchmark of people and quotation finding (people.c, quote.c) with the
 * built-in dictionary: CPU ms per article and per 600 words over generated
 * news-like articles (fixed seed) of about 600 words, with names, titles,
 * direct, split and indirect quotations. Prints counts so that a fast wrong
 * answer shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_clock.h"
#include "bench_rand.h"
#include "buf.h"
#include "dict_builtin.h"
#include "quote.h"


static const char *const first[] = {"Ana", "Omar", "Lee", "Clara", "Tomas", "Ayesha", "Jon",
				    "Mei", "Ravi", "Sofia"};
static const char *const last[] = {"Mendez", "Faruq", "Hart", "Ivens", "Berg", "Rahman", "Kroll",
				   "Tanaka", "Das", "Novak"};
static const char *const roles[] = {"Foreign Minister", "Interior Ministry spokesman",
				    "army chief Gen", "Pakistan's foreign ministry spokesperson",
				    "opposition leader", "Col."};
static const char *const filler[] = {
	"The talks in the capital went on for a third day as delegations met behind closed doors.",
	"Officials from both sides have met several times since the ceasefire in March.",
	"Trade between the two countries fell by a fifth last year, according to official data.",
	"Security was tight around the venue, with roads closed and checkpoints on every corner.",
	"Analysts expect the next round to focus on water sharing and the release of prisoners.",
};
static const char *const says[] = {
	"\"We will keep raising it at every meeting,\" %s said.",
	"%s said the government would review the deal before the end of the month.",
	"\xE2\x80\x9CThe border is calm,\xE2\x80\x9D %s told reporters. \xE2\x80\x9CNo soldier crossed the line.\xE2\x80\x9D",
	"The report added that the border had been quiet for a month, %s said.",
	"\"It is a good start,\" said %s, who arrived on Monday.",
};

static char *article(size_t *words)
{
	struct dyad_buf b = DYAD_BUF_INIT;
	const char *f1 = PICK(first), *l1 = PICK(last), *f2 = PICK(first), *l2 = PICK(last);
	dyad_buf_printf(&b, "%s %s %s met %s %s %s on Monday.\n\n", PICK(roles), f1, l1, PICK(roles),
			f2, l2);
	while (b.len < 3600) {
		dyad_buf_adds(&b, PICK(filler));
		dyad_buf_adds(&b, " ");
		dyad_buf_adds(&b, PICK(filler));
		dyad_buf_adds(&b, "\n\n");
		char who[64];
		switch (rnd(3)) {
		case 0: snprintf(who, sizeof who, "%s", rnd(2) ? l1 : l2); break;
		case 1: snprintf(who, sizeof who, "%s", rnd(2) ? "he" : "she"); break;
		default: snprintf(who, sizeof who, "the spokesman"); break;
		}
		dyad_buf_printf(&b, PICK(says), who);
		dyad_buf_adds(&b, "\n\n");
	}
	*words = 0;
	for (size_t i = 1; i < b.len; i++)
		*words += b.data[i] == ' ' && b.data[i - 1] != ' ';
	return dyad_buf_detach(&b);
}

int main(void)
{
	struct dyad_dict d;
	struct dyad_err err = {0};
	dyad_dict_init(&d);
	bool have = dyad_dict_load_builtin(&d, &err) == DYAD_OK;
	if (!have)
		fprintf(stderr, "bench_quotes: no built-in dictionary, timing without it\n");
	enum { ARTICLES = 200, ROUNDS = 10 };
	char *doc[ARTICLES];
	struct dyad_sentence *sent[ARTICLES];
	size_t nsent[ARTICLES], words = 0;
	for (size_t i = 0; i < ARTICLES; i++) {
		size_t w;
		doc[i] = article(&w);
		words += w;
		if (dyad_sentences(doc[i], strlen(doc[i]), &sent[i], &nsent[i], NULL) != DYAD_OK)
			return 1;
	}
	size_t quotes = 0, people = 0, named = 0;
	double c0 = bench_clock(CLOCK_PROCESS_CPUTIME_ID);
	for (int r = 0; r < ROUNDS; r++)
		for (size_t i = 0; i < ARTICLES; i++) {
			struct dyad_people pe;
			struct dyad_quotes q;
			dyad_people_find(doc[i], sent[i], nsent[i], have ? &d : NULL, &pe, &err);
			dyad_quotes_find(doc[i], sent[i], nsent[i], &pe, &q, &err);
			if (r == 0) {
				quotes += q.n;
				people += pe.n;
				for (size_t k = 0; k < q.n; k++)
					named += q.q[k].speaker != NULL;
			}
			dyad_quotes_release(&q);
			dyad_people_release(&pe);
		}
	double ms = (bench_clock(CLOCK_PROCESS_CPUTIME_ID) - c0) * 1e3 / ROUNDS;
	printf("people+quotes: %d articles of %zu words on average: %.3f ms CPU/article, "
	       "%.3f ms per 600 words (%zu quotations, %zu with a speaker, %zu people)\n",
	       ARTICLES, words / ARTICLES, ms / ARTICLES, ms / (double)words * 600, quotes, named,
	       people);
	for (size_t i = 0; i < ARTICLES; i++) {
		free(doc[i]);
		free(sent[i]);
	}
	dyad_dict_release(&d);
	return 0;
}
