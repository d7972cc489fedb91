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
	char location[48];         /* where it happened as the sentence names it ("Kabul"),
				    * spaces normalised; "" when none */
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

/* Make name[0..n) (UTF-8, "Ana Mendez") an actor coded code ("MEXGOV")
 * until the next dyad_coder_article(): the full name and, for a name of
 * several words, the last word alone ("Mendez") are found in the following
 * sentences (capitalised there when name is), and "he"/"she" refer back to
 * them as to dictionary actors. Where a dictionary phrase covers the same
 * words, the longer wins, this one on a tie. Returns DYAD_OK, DYAD_EINVAL
 * (no word in name, or code empty, over 23 bytes or not of A-Z 0-9 ~ /)
 * or DYAD_ENOMEM. */
int dyad_coder_person(struct dyad_coder *c, const char *name, size_t n, const char *code);

/* Code sentence s[0..n) (UTF-8), number idx of the current article, and
 * append its events to out. Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_coder_sentence(struct dyad_coder *c, const char *s, size_t n, uint32_t idx,
			struct dyad_events *out, struct dyad_err *err);

/* Coder options (bits for dyad_coder_options). */
enum dyad_coder_opt {
	/* an agent with no actor is coded alone, as "~GOV" (TABARI SET: CONVERT AGENT) */
	DYAD_CODER_CONVERT_AGENT = 1,
	/* one event per sentence (TABARI SET: CODE BY SENTENCE) */
	DYAD_CODER_BY_SENTENCE = 2,
	/* every verb, not one per clause (TABARI SET: CODE ALL) */
	DYAD_CODER_ALL = 4,
	/* events without a target, agents alone as "---GOV" (PETRARCH
	 * require_dyad = false) */
	DYAD_CODER_NO_DYAD = 8,
	/* TABARI SET: TIME SHIFT = FALSE: events keep the article's date and
	 * <TIME> phrases are not looked for (no shift, no [###] or [+++]) */
	DYAD_CODER_NO_TIME_SHIFT = 16,
};

/* How the coder reads its dictionaries (dyad_coder_style). */
enum dyad_coder_style {
	/* from the dictionary: TABARI when it holds a ".verbs" file, dyad when
	 * it holds the built-in set ("builtin:" files) or any word flagged
	 * DYAD_TF_CAPS, else PETRARCH; dyad_coder_new() chooses so */
	DYAD_CODER_STYLE_AUTO = 0,
	/* stems, regular endings tried on verbs and plural agents, gapped names */
	DYAD_CODER_STYLE_TABARI,
	/* whole words, contractions cut as TreeBank (DID N'T), 010 weak */
	DYAD_CODER_STYLE_PETRARCH,
	/* dyad's format: PETRARCH-2 pattern syntax with whole words (every
	 * form is listed), and DYAD_TF_CAPS words ("US", "IS") must be written
	 * in capitals in the sentence (dyad_dict_case_ok) */
	DYAD_CODER_STYLE_DYAD,
};

/* Set how c reads its dictionary (see enum dyad_coder_style); AUTO
 * chooses from the dictionary again. */
void dyad_coder_style(struct dyad_coder *c, enum dyad_coder_style style);

/* Sentences of fewer than n words give no events (TABARI SET: MINIMUM
 * WORDS, 8 in TABARI; 0, the default, codes every sentence). */
void dyad_coder_min_words(struct dyad_coder *c, unsigned n);

/* Set the options of c (an OR of enum dyad_coder_opt; 0 by default). */
void dyad_coder_options(struct dyad_coder *c, unsigned opts);

/* Lengths in words of the comma-delimited clauses the coder drops, as
 * TABARI's "COMMA:" option: internal ", ... ," clauses of min..max words,
 * the terminal one (last comma to the end) of emin..emax, the initial one
 * (start to the first comma) of bmin..bmax; a range with max 0 is off.
 * Defaults: 2..10, 2..10, off. */
struct dyad_coder_commas {
	int min, max, emin, emax, bmin, bmax;
};
void dyad_coder_commas(struct dyad_coder *c, const struct dyad_coder_commas *cm);

/* TABARI "DEFAULT: SOURCE [S] PRIOR TARGET [T] AFTER": actor codes used
 * when a sentence has no source or no target (NULL or "" for none). With
 * prior, the default source replaces a missing actor before the verb
 * (without it, the first actor after the verb becomes the source); with
 * after, the default target replaces a missing one after the verb (without
 * it, a compound source gives its other members as targets). */
void dyad_coder_defaults(struct dyad_coder *c, const char *source, int prior, const char *target,
			 int after);

/* ---- Validation suites (src/coder_validate.c) ----------------------------- */

struct dyad_validate_result {
	size_t passed, failed;  /* records compared */
	size_t skipped;         /* records with nothing to compare ({+++}, options, <Skip>) */
};

/* Called for each failed record: its id, text, and the expected and coded
 * event sets as "SRC/TGT/CODE" joined by spaces ("(none)" when empty). */
typedef void dyad_validate_fail_fn(void *ctx, const char *id, const char *text,
				   const char *expected, const char *got);

/* Run a validation suite: file is a TABARI .project (records in its
 * <textfile>, until FINAL-01) or a PETRARCH unit-test XML file; dict, when
 * not NULL, replaces the dictionaries the file names. Each record is one
 * article dated by the record (TABARI: records STORY-NNN-SSS of one story
 * share context); its coded (source, target, code) set is compared with the
 * expected set. TABARI's defaults apply (MINIMUM WORDS 8), then the suite's
 * own OPTION records and PETRARCH <Config> lines. fn (may be NULL) hears of
 * each failure.
 * Returns DYAD_OK with *r filled, or DYAD_EIO / DYAD_EPARSE / DYAD_EINVAL /
 * DYAD_ENOMEM with detail on err. */
int dyad_validate_run(const char *file, const char *dict, dyad_validate_fail_fn *fn, void *ctx,
		      struct dyad_validate_result *r, struct dyad_err *err);

#endif
