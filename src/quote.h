/* Quotations, direct and indirect, with their speakers resolved to the
 * people of the article; and the writer of people and quotes rows. */
#ifndef DYAD_QUOTE_H
#define DYAD_QUOTE_H

#include <sqlite3.h>

#include "people.h"
#include "store.h"

/* One quotation. Strings are malloc()ed, owned by the dyad_quotes. */
struct dyad_quote {
	uint32_t off, len;   /* the quotation's text, without quote marks, bytes in article text */
	uint32_t sentence;   /* index of the sentence where it starts */
	bool direct;         /* in quote marks */
	int32_t person;      /* index into people, -1 */
	uint32_t spk_off, spk_len; /* speaker as it stands, 0 len when none */
	char *speaker;       /* resolved full name or institution, may be NULL */
	char *role;          /* speaker's role, may be NULL */
	char actor[24];      /* speaker's CAMEO actor code, "" when unknown */
	char verb[48];       /* "said", "told reporters", "added" */
};

struct dyad_quotes {
	struct dyad_quote *q;
	size_t n, cap;
};

/* Find the quotations of text (NUL-terminated), cut into sent[0..nsent) by
 * dyad_sentences(), with speakers resolved against people (may be NULL).
 * out is overwritten (release it with dyad_quotes_release, also after
 * failure); quotes come in text order. Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_quotes_find(const char *text, const struct dyad_sentence *sent, size_t nsent,
		     const struct dyad_people *people, struct dyad_quotes *out,
		     struct dyad_err *err);

/* Free what q holds and zero it; q may be zeroed already. */
void dyad_quotes_release(struct dyad_quotes *q);

/* Write the people rows of the article at rowid article (whose text gives
 * the offsets), inside the caller's transaction. Returns DYAD_OK or DYAD_EDB. */
int dyad_store_people(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_people *p, struct dyad_err *err);

/* Write the quotes rows of the article at rowid article: code-point offsets
 * start/end into text and byte offsets. Inside the caller's transaction.
 * Returns DYAD_OK or DYAD_EDB. */
int dyad_store_quotes(struct dyad_db *db, sqlite3_int64 article, const char *text,
		      const struct dyad_quotes *q, struct dyad_err *err);

#endif
