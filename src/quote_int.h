/* Internals shared by quote.c (quote marks, quotations, floating quotes)
 * and quote_speaker.c (reporting verbs and their speakers): the working
 * state of one article and token helpers. Included by those files only. */
#ifndef DYAD_QUOTE_INT_H
#define DYAD_QUOTE_INT_H

#include <string.h>
#include <strings.h>

#include "quote.h"

/* A stretch of text between quote marks, within one paragraph. */
struct piece {
	uint32_t off, end;   /* text inside the marks */
	uint32_t open, close; /* offsets of the marks (close = end when unclosed) */
	uint32_t so, sc;     /* sentences of the opening and closing marks */
	bool closed;
	bool taken;          /* attributed, or absorbed by an indirect quote */
	int32_t q;           /* its quote in out, -1 */
};

/* A reporting verb with its speaker found in a sentence. */
struct attrib {
	uint32_t v, vend;    /* verb tokens (with "told reporters" objects) */
	uint32_t ns, ne;     /* speaker tokens; ns == ne: none */
	bool inverted;       /* "said Smith": the speaker follows the verb */
	bool part;           /* ", adding that", "and said": the speaker is the sentence's */
};

struct qctx {
	const char *text;
	const struct dyad_sentence *sent;
	size_t nsent;
	const struct dyad_people *people;
	struct dyad_quotes *out;
	const struct dyad_span *tok;
	size_t ntok;
	const uint32_t *stok;
	const uint8_t *tmask;  /* dyad_people_word_mask() of each token */
	struct piece *pc;
	size_t npc, pccap;
	/* the latest speaker, for floating quotes and "it said" */
	int32_t last_q;
	uint32_t last_para;
	int32_t last_inst_q;
};

static const char *tp(const struct qctx *c, size_t i) { return c->text + c->tok[i].off; }
static inline size_t tl(const struct qctx *c, size_t i) { return c->tok[i].len; }
static inline uint32_t tend(const struct qctx *c, size_t i) { return c->tok[i].off + c->tok[i].len; }

static inline bool tok_is(const struct qctx *c, size_t i, const char *w)
{
	size_t n = strlen(w);
	return tl(c, i) == n && strncasecmp(tp(c, i), w, n) == 0;
}

static inline bool tok_any(const struct qctx *c, size_t i, const char *const *w, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (tok_is(c, i, w[k]))
			return true;
	return false;
}

static inline bool is_cap(const struct qctx *c, size_t i)
{
	unsigned char b = (unsigned char)tp(c, i)[0];
	if (b >= 'A' && b <= 'Z')
		return true;
	/* UTF-8 letters: accented capitals (0xC3 0x80-0x9E) */
	return b == 0xC3 && tl(c, i) > 1 && (unsigned char)tp(c, i)[1] < 0x9F;
}

static inline bool is_lower(const struct qctx *c, size_t i)
{
	unsigned char b = (unsigned char)tp(c, i)[0];
	return b >= 'a' && b <= 'z';
}

static inline bool is_p(const struct qctx *c, size_t i, char ch)
{
	return tl(c, i) == 1 && tp(c, i)[0] == ch;
}

/* A quote mark token: '"', '“', '”', '«', '»'. */
static inline bool is_qmark(const struct qctx *c, size_t i)
{
	const char *s = tp(c, i);
	if (tl(c, i) == 1)
		return s[0] == '"';
	if (tl(c, i) == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80)
		return (unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D;
	return tl(c, i) == 2 && (unsigned char)s[0] == 0xC2 &&
	       ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB);
}

static inline bool in_list(const struct qctx *c, size_t i, enum dyad_people_list l)
{
	return c->tmask[i] >> l & 1;
}

static inline bool is_verb(const struct qctx *c, size_t i) { return in_list(c, i, DYAD_PW_VERB); }
static inline bool is_pronoun(const struct qctx *c, size_t i) { return in_list(c, i, DYAD_PW_PRONOUN); }

static inline bool is_digit(const struct qctx *c, size_t i)
{
	return tp(c, i)[0] >= '0' && tp(c, i)[0] <= '9';
}

/* Index of the first piece at or after byte off. */
static inline size_t piece_from(const struct qctx *c, uint32_t off)
{
	size_t lo = 0, hi = c->npc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->pc[mid].open < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether token i lies inside a quotation's marks. */
static inline bool in_piece(const struct qctx *c, size_t i)
{
	uint32_t off = c->tok[i].off;
	size_t k = piece_from(c, off + 1);
	return k > 0 && c->pc[k - 1].open <= off && off < c->pc[k - 1].close + 1;
}

/* The reporting verbs of tokens [s0, s1) (one sentence) with their
 * speakers, in text order: their number, at most cap, in a. */
size_t dyad_quote_attribs(const struct qctx *c, size_t s0, size_t s1, struct attrib *a, size_t cap);

/* Tokens after verb v that belong to it ("told reporters", "said in a
 * statement", "that"): the first token of what was said; *vend ends the
 * verb's words. */
size_t dyad_quote_after_verb(const struct qctx *c, size_t s1, size_t v, uint32_t *vend);

/* Whether the words from token i can be what x reported without marks. */
bool dyad_quote_clause_ok(const struct qctx *c, const struct attrib *x, size_t i);

/* Whether the clause of x ends the sentence (what precedes it was said). */
bool dyad_quote_clause_ends(const struct qctx *c, size_t s1, const struct attrib *x);

#endif
