/* Internals shared by the coder's files (coder.c: sentences, actors,
 * events; coder_match.c: compiled verb patterns and their matcher). */
#ifndef DYAD_CODER_INT_H
#define DYAD_CODER_INT_H

#include "coder.h"

/* Element of a compiled (flattened) pattern. */
enum pel_kind { PEL_WORD, PEL_SYN, PEL_SOURCE, PEL_TARGET, PEL_COMPOUND, PEL_SKIP };

struct pel {
	uint8_t kind;     /* enum pel_kind */
	uint8_t stem;     /* word matches any word it begins */
	uint8_t tight;    /* must stand next to the element matched before it */
	const char *w;    /* PEL_WORD */
	uint32_t len;
	int32_t syn;      /* PEL_SYN */
};

/* A TABARI/PETRARCH pattern with its alternatives expanded: the elements
 * before the verb (nearest first) and after it. */
struct cpat {
	uint32_t el0;           /* c->els[el0 .. el0+npre) pre, then npost post */
	uint16_t npre, npost;
	uint16_t weight;        /* words matched: longer patterns win */
	uint64_t mask;          /* dyad_coder_wbit() of the words it needs */
	const struct dyad_dict_pattern *p;
};

/* An actor mention, or a group of them joined by "and" / commas. */
struct mention {
	uint32_t start, end;    /* tokens [start, end) */
	uint32_t group;         /* index of its compound group */
	uint32_t seq;           /* order of creation, to sort stably */
	char code[24];
	char base[24];          /* the actor's code alone (no agent) */
	uint32_t off, len;      /* bytes in the sentence */
};

struct group {
	uint32_t m0, nm;        /* mentions[m0 .. m0+nm) */
	uint32_t start, end;    /* tokens covered */
};

/* What a pattern match assigned. */
struct pmatch {
	int source, target, compound;  /* group indexes or -1 */
	uint32_t end;                  /* first token after the post part */
};

/* An actor known for the current article only (dyad_coder_person):
 * its nw folded words, NUL-terminated one after the other, at
 * c->lpw + at. */
struct lperson {
	uint32_t at;
	uint16_t nw;
	uint8_t cap;            /* the name is capitalised: so must the sentence's word be */
	char code[24];
};

struct dyad_coder {
	const struct dyad_dict *d;
	int32_t date;
	int32_t sdate;               /* the current sentence's date (sentence_date) */
	char loc[48];                /* the current sentence's location, "" when none */
	struct lperson *lp;          /* article-local people */
	size_t nlp, lpcap;
	char *lpw;                   /* their folded words */
	size_t lpwn, lpwcap;
	int discard_story;
	unsigned opts;               /* enum dyad_coder_opt */
	unsigned min_words, nwords;  /* words of the sentence (before asides go) */
	struct dyad_coder_commas cm;
	char defsrc[24], deftgt[24];  /* TABARI DEFAULT: actors, "" when off */
	int def_prior, def_after;
	int tabari;                  /* TABARI dictionaries: verb endings, agent plurals */
	int dyad;                    /* dyad dictionaries: DYAD_TF_CAPS words checked */
	const char **orig;           /* dyad: words as written, parallel to w */
	char *origbuf;
	size_t origcap, orignw;      /* bytes of origbuf, pointers of orig */
	char scratch[256];           /* a word with its ending removed */
	char last[24];               /* last actor code of the article */
	/* compiled patterns, per block */
	struct cpat *cp;
	size_t ncp;
	uint32_t *bcp0, *bncp;       /* per block: cp[bcp0 .. bcp0+bncp) */
	uint64_t *synmask;           /* per synset, SYN_WORDS words: bits of its phrases' */
	uint64_t *synmask_last;      /* first and last words (all ones when one cannot tell) */
	struct pel *els;
	size_t nels, cap_els;
	/* per-sentence buffers, reused */
	struct dyad_span *sp;        /* token spans (from dyad_tokens) */
	size_t nsp;
	char *fold;                  /* folded words, NUL-separated */
	size_t fold_cap;
	const char **w;              /* folded words */
	uint32_t *woff, *wlen;       /* byte range of each word */
	uint8_t *caps;               /* word starts with a capital letter */
	int32_t *wm;                 /* mention covering word i, or -1 */
	uint64_t *wbit;              /* dyad_coder_wbit() of word i */
	uint16_t *wh;                /* dyad_coder_whash() of word i */
	uint16_t *wf;                /* dyad_coder_fhash() of word i */
	uint64_t *filt;              /* per table kind, DYAD_FILT_WORDS: key words' fhash bits */
	size_t wcap, nw;
	uint64_t smask;              /* dyad_coder_wbit() of every word */
	struct mention *m;
	size_t nm, mcap;
	struct group *g;
	size_t ng, gcap;
	size_t real_ng;              /* groups of words; default actors follow */
};

/* One of 64 bits for a word, from its first three bytes: a pattern whose
 * words' bits are not all in the sentence's cannot match (stems keep their
 * first three bytes, so a stem of three or more bytes counts too). */
static inline uint64_t dyad_coder_wbit(const char *w, size_t len)
{
	uint32_t h = 0;
	for (size_t i = 0; i < len && i < 3; i++)
		h = h * 131 + (unsigned char)w[i];
	return (uint64_t)1 << (h * 2654435761u >> 26);
}

/* A 10-bit hash of a word's first three bytes, for the synset bitmaps. */
#define DYAD_SYN_WORDS 16       /* uint64_t words of a synset bitmap: 1024 bits */
static inline uint16_t dyad_coder_whash(const char *w, size_t len)
{
	uint32_t h = 0;
	for (size_t i = 0; i < len && i < 3; i++)
		h = h * 131 + (unsigned char)w[i];
	return (uint16_t)(h * 2654435761u >> 22);
}

/* A 16-bit hash of a word's first three bytes: the table filters (a word
 * whose bit is not set in a table's filter starts no phrase of it). */
#define DYAD_FILT_WORDS 1024    /* uint64_t words of a filter: 65,536 bits */
static inline uint16_t dyad_coder_fhash(const char *w, size_t len)
{
	uint32_t h = 0;
	for (size_t i = 0; i < len && i < 3; i++)
		h = h * 131 + (unsigned char)w[i];
	return (uint16_t)(h * 2654435761u >> 16);
}

/* Coder settings as option text gives them (coder_options.c). */
struct dyad_coder_settings {
	unsigned opts;                /* enum dyad_coder_opt */
	unsigned min_words;
	struct dyad_coder_commas cm;
	char defsrc[24], deftgt[24];  /* TABARI DEFAULT: actors, "" when off */
	int prior, after;
};

/* Defaults: no option, dyad's comma lengths, min_words as given. */
void dyad_coder_settings_init(struct dyad_coder_settings *s, unsigned min_words);
/* A TABARI option in text ("SET: CODE ALL", "SET: MINIMUM WORDS = 5",
 * "SET: CONVERT AGENT = TRUE", "COMMA: MIN = 2 MAX = 8", "DEFAULT: SOURCE
 * [X] PRIOR", upper case; several in one OPTION record too) applied to s. */
void dyad_coder_tabari_option(struct dyad_coder_settings *s, const char *text);
/* A PETRARCH [Options] key ("comma_min", "Options.require_dyad") applied to s. */
void dyad_coder_petr_option(struct dyad_coder_settings *s, const char *key, const char *value);
/* Every coder option of d->options (.options SET:/COMMA:/DEFAULT:,
 * PETR_config.ini [Options]) applied to s; returns how many were read. */
int dyad_coder_dict_settings(const struct dyad_dict *d, struct dyad_coder_settings *s);
void dyad_coder_settings_apply(struct dyad_coder *c, const struct dyad_coder_settings *s);

/* Compile every pattern of c->d; returns DYAD_OK or DYAD_ENOMEM. */
int dyad_coder_compile(struct dyad_coder *c);
/* Best pattern of block for the verb at words [vs, ve): returns it (with *pm
 * filled) or NULL. */
const struct cpat *dyad_coder_best(struct dyad_coder *c, uint32_t block, size_t vs, size_t ve,
				   struct pmatch *pm);
/* Word match against a dictionary word (stem or exact). */
int dyad_coder_wordeq(const char *w, const char *pw, uint32_t plen, int stem);

#endif
