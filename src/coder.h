/* The CAMEO event coder: who did what to whom in a sentence, from a
 * dictionary (struct dyad_dict) of actors, agents and verb patterns. */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include "dict.h"

/* One coded event. Spans are byte ranges in the sentence it came from. */
struct dyad_event {
	uint32_t sentence;         /* index of the sentence in its article */
	int32_t date;              /* yyyymmdd: the article's, or an earlier date the sentence gives */
	char source[24];           /* CAMEO actor code ("USAGOV"), "" when none */
	char target[24];
	char code[8];              /* CAMEO event code ("1041") */
	uint32_t src_off, src_len; /* the source actor's words */
	uint32_t tgt_off, tgt_len;
	uint32_t verb_off, verb_len;
	bool negated;              /* "has not yet decided to": never coded as the positive */
	char issues[64];           /* issue codes, comma-separated, "" when none */
};

/* A growable list of events (ev from malloc(), freed by dyad_events_release). */
struct dyad_events {
	struct dyad_event *ev;
	size_t n, cap;
};

void dyad_events_release(struct dyad_events *e);

struct dyad_coder;

/* A coder over d (borrowed: d must outlive the coder). Returns DYAD_OK and
 * *out (free with dyad_coder_free), or DYAD_ENOMEM. One coder per thread;
 * several coders may share one dictionary. */
int dyad_coder_new(const struct dyad_dict *d, struct dyad_coder **out, struct dyad_err *err);
void dyad_coder_free(struct dyad_coder *c);

/* Begin an article dated date (yyyymmdd, 0 when unknown): clears the
 * context the coder keeps across sentences (actors last named, for "he",
 * "the country", "the ministry"). */
void dyad_coder_article(struct dyad_coder *c, int32_t date);

/* Code sentence s[0..n) (UTF-8), number idx of the current article, and
 * append its events to out. Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_coder_sentence(struct dyad_coder *c, const char *s, size_t n, uint32_t idx,
			struct dyad_events *out, struct dyad_err *err);

#endif
