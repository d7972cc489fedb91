/* Tokenisation and sentence segmentation of article text. */
#ifndef DYAD_SEGMENT_H
#define DYAD_SEGMENT_H

#include "dyad_int.h"

/* A byte range of the text it was cut from. */
struct dyad_span {
	uint32_t off;  /* byte offset of the first byte */
	uint32_t len;  /* length in bytes */
};

/* One sentence of an article. */
struct dyad_sentence {
	uint32_t off, len;   /* byte range in the article text, trimmed */
	uint32_t paragraph;  /* 0-based index of the paragraph holding it */
};

/* Split text[0..n) (paragraphs separated by blank lines) into sentences.
 * Sentences never cross paragraphs. Handles abbreviations ("Gen.", "U. S.",
 * "No. 2", "Capt"), initials ("R K Das", "J. R. R."), decimals, ellipses and
 * closing quotes after the full stop. *out is malloc()ed (caller frees),
 * *nout its count; *nparagraphs (may be NULL) receives the paragraph count.
 * Returns DYAD_OK, DYAD_ENOMEM, or DYAD_ETOOBIG for text over 4 GiB (offsets
 * are 32-bit). */
int dyad_sentences(const char *text, size_t n, struct dyad_sentence **out,
		   size_t *nout, size_t *nparagraphs);

/* Split s[0..n) into word, number and punctuation tokens (a hyphenated word,
 * "U.S.", "3.5", "don't" stay one token). *out is malloc()ed (caller frees).
 * Returns DYAD_OK, DYAD_ENOMEM or DYAD_ETOOBIG (over 4 GiB). */
int dyad_tokens(const char *s, size_t n, struct dyad_span **out, size_t *nout);

#endif
