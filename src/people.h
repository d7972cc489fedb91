/* People named in an article: mentions merged into persons with their title,
 * role, nationality, gender and CAMEO actor code. */
#ifndef DYAD_PEOPLE_H
#define DYAD_PEOPLE_H

#include "dict.h"
#include "dyad_int.h"
#include "segment.h"

/* One mention of a person (name, surname, "the minister", "he"): a byte span
 * in the article text. */
struct dyad_mention {
	uint32_t off, len;   /* byte span in article text */
	uint32_t sentence;   /* index of the sentence holding it */
	uint32_t person;     /* index in dyad_people.p */
};

/* One person, merged over the article's mentions. Strings are malloc()ed and
 * owned by the dyad_people holding it; any may be NULL but name. */
struct dyad_person {
	char *name;          /* full name as first written: "Ana Mendez" */
	char *title;         /* "Foreign Minister", "Gen", "Col." */
	char *role;          /* "Foreign Minister", "Interior Ministry spokesman" */
	char *nationality;   /* "Pakistani", "Indian" */
	char actor[24];      /* CAMEO code "PAKGOV", "" when unknown */
	char gender;         /* 'f', 'm', 0 */
	uint32_t mentions;   /* mentions counted */
	uint32_t first_off;  /* byte offset of the first mention */
	uint32_t kind;       /* 0: a person (reserved: institutions are not listed yet) */
};

struct dyad_people {
	struct dyad_person *p;
	size_t n;
	struct dyad_mention *m;  /* sorted by off */
	size_t nm;
	/* The article's tokens (dyad_tokens), kept for dyad_quotes_find:
	 * tok[stok[s] .. stok[s+1]) are the tokens of sentence s. */
	struct dyad_span *tok;
	size_t ntok;
	uint32_t *stok;          /* nsent + 1 entries */
	size_t nsent;
	uint8_t *tmask;          /* dyad_people_word_mask() of each token */
	/* The dictionary and date the people were found with (dict may be
	 * NULL), for the actor codes of institutions that speak. */
	const struct dyad_dict *dict;
	int32_t date;
};

/* Find the people of text (NUL-terminated) cut into sent[0..nsent) by
 * dyad_sentences(). dict (may be NULL) gives actor codes of named leaders,
 * countries and agents. out is overwritten (release it with
 * dyad_people_release, also after failure). Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_people_find(const char *text, const struct dyad_sentence *sent, size_t nsent,
		     const struct dyad_dict *dict, struct dyad_people *out,
		     struct dyad_err *err);

/* The same for an article of date ymd (yyyymmdd, 0 when unknown), which
 * picks the dictionary's code valid then ("Justin Trudeau" -> CANGOV from
 * 2015). dyad_people_find() is this with ymd 0 (the default codes). */
int dyad_people_find_at(const char *text, const struct dyad_sentence *sent, size_t nsent,
			const struct dyad_dict *dict, int32_t ymd, struct dyad_people *out,
			struct dyad_err *err);

/* Free what p holds and zero it; p may be zeroed already. */
void dyad_people_release(struct dyad_people *p);

/* Index of the first mention of people starting at or after byte off
 * (people->nm when none). */
size_t dyad_people_mention_from(const struct dyad_people *people, uint32_t off);

/* The person of people whose mention covers byte off of the text, or -1. */
int32_t dyad_people_at(const struct dyad_people *people, uint32_t off);

/* Word lists of people_words.c, shared with quote.c. */
enum dyad_people_list {
	DYAD_PW_VERB,      /* reporting verbs: said, told, added, says */
	DYAD_PW_PRONOUN,   /* he she they it i we you */
	DYAD_PW_TITLE,     /* words of titles and roles: minister, gen., spokesman, army */
	DYAD_PW_HONORIFIC, /* mr, mrs, ms, dr, sir */
	DYAD_PW_ORG,       /* words that make a name an institution: ministry, police */
	DYAD_PW_STOP,      /* capitalised words that begin no name: the, in, monday */
};

/* true when the word s[0..n) (any case, ASCII folding) is in list. */
bool dyad_people_word_in(enum dyad_people_list list, const char *s, size_t n);
/* The lists holding the word s[0..n): bit 1 << list for each. */
uint8_t dyad_people_word_mask(const char *s, size_t n);

/* Lookup key of a name for linking across articles: folded to lower case,
 * titles and punctuation removed ("Gen. Omar Faruq" -> "omar faruq").
 * malloc()ed (caller frees), NULL when out of memory. */
char *dyad_people_name_key(const char *name);

#endif
