/* People named in an article: capitalised names split from their titles and
 * roles, merged across mentions ("Foreign Minister Ana Mendez", "Mendez",
 * "the minister", "she"), with gender, nationality and a CAMEO actor code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "people.h"

/* Working data of one person while the article is read. */
struct pstate {
	uint32_t last_sent;  /* sentence of the last mention + 1; 0: none yet */
	uint32_t first_tok, ntok; /* a full-name mention's tokens (for surname merges) */
	char country[4];     /* from the role's words ("Pakistan's", "Indian") */
	char agent[4];       /* from the role's words ("ministry", "army") */
	bool confirmed;      /* titled, quoted, described or named again: a person */
	bool subject;        /* the latest mention came first in its sentence */
};

struct ctx {
	const char *text;
	const struct dyad_dict *dict;
	struct dyad_people *out;
	struct pstate *ps;
	size_t pcap, mcap;
	const struct dyad_span *tok;
	int pass;            /* 0: find the people; 1: their mentions and pronouns */
	int32_t date;        /* yyyymmdd of the article for dated actor codes, 0 */
	uint32_t sent;       /* sentence being read */
	uint32_t s0, s1;     /* its tokens */
	size_t sent_mentions; /* mentions in it so far */
	uint32_t country_votes[8]; /* the article's most named countries */
	char countries[8][4];
};

/* ---- Tokens ----------------------------------------------------------- */

static const char *tp(const struct ctx *c, size_t i) { return c->text + c->tok[i].off; }
static size_t tl(const struct ctx *c, size_t i) { return c->tok[i].len; }

static bool tok_is(const struct ctx *c, size_t i, const char *w)
{
	size_t n = strlen(w);
	return tl(c, i) == n && strncasecmp(tp(c, i), w, n) == 0;
}

static bool tok_in(const struct ctx *c, size_t i, enum dyad_people_list l)
{
	return c->out->tmask[i] >> l & 1;
}

/* Upper-case first letter (ASCII, or a UTF-8 letter of category Lu). */
static bool is_cap(const struct ctx *c, size_t i)
{
	unsigned char b = (unsigned char)tp(c, i)[0];
	if (b < 0x80)
		return b >= 'A' && b <= 'Z';
	utf8proc_int32_t cp;
	if (utf8proc_iterate((const utf8proc_uint8_t *)tp(c, i), (utf8proc_ssize_t)tl(c, i), &cp) <= 0)
		return false;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static bool is_lower_word(const struct ctx *c, size_t i)
{
	unsigned char b = (unsigned char)tp(c, i)[0];
	return b >= 'a' && b <= 'z';
}

static bool is_punct(const struct ctx *c, size_t i, char ch)
{
	return tl(c, i) == 1 && tp(c, i)[0] == ch;
}

/* Name particles written in lower case between capitalised parts. */
static bool is_particle(const struct ctx *c, size_t i)
{
	static const char *const w[] = {"al", "bin", "da", "de", "del", "der", "di", "du",
					"la", "le", "van", "von"};
	for (size_t k = 0; k < DYAD_ARRAY_LEN(w); k++)
		if (tl(c, i) == strlen(w[k]) && memcmp(tp(c, i), w[k], tl(c, i)) == 0)
			return true;
	return false;
}

/* Length of token i without a possessive "'s" / "’s". */
static size_t stem_len(const struct ctx *c, size_t i)
{
	const char *s = tp(c, i);
	size_t n = tl(c, i);
	if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
		return n - 2;
	if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0)
		return n - 4;
	return n;
}

/* ---- Dictionary ------------------------------------------------------- */

#define FOLD_MAX 8

/* Fold tokens [a, b) (at most FOLD_MAX) for the dictionary's lookups. */
static size_t fold_tokens(const struct ctx *c, size_t a, size_t b, char buf[][96],
			  const char *ptr[])
{
	size_t n = 0;
	for (size_t i = a; i < b && n < FOLD_MAX; i++, n++) {
		size_t len = stem_len(c, i);
		if (len > 23)
			len = 23; /* 4 bytes out per byte in: 96 never truncates */
		dyad_dict_fold(tp(c, i), len, buf[n], 96);
		ptr[n] = buf[n];
	}
	return n;
}

/* Country code of token i when the dictionary names a country with it
 * ("Pakistan's", "Indian"): a three-letter actor code. */
static bool country_of(const struct ctx *c, size_t i, char code[4])
{
	if (!c->dict)
		return false;
	char buf[FOLD_MAX][96];
	const char *ptr[FOLD_MAX];
	size_t n = fold_tokens(c, i, i + 1, buf, ptr);
	struct dyad_dict_match m;
	if (n && dyad_dict_actor_match(c->dict, ptr, n, 0, 0, &m) && m.code &&
	    strlen(m.code) == 3 && m.entry->n == 1 && m.entry->tok[0].len == strlen(ptr[0])) {
		memcpy(code, m.code, 4);
		return true;
	}
	return false;
}

/* Whether the dictionary's actor a is no person: a country, an institution,
 * an organisation. A person's entry has dated roles or, in dyad's own
 * files, its country's elite code (ELI) by default. */
static bool actor_not_person(const struct dyad_dict *d, uint32_t a)
{
	const struct dyad_dict_actor *ac = (const struct dyad_dict_actor *)d->actors.a + a;
	const struct dyad_dict_code *code = (const struct dyad_dict_code *)d->codes.a + ac->code0;
	for (uint32_t i = 0; i < ac->ncodes; i++) {
		size_t n = strlen(code[i].code);
		if (code[i].restricted || (n >= 6 && strcmp(code[i].code + n - 3, "ELI") == 0))
			return false;
	}
	return ac->ncodes > 0;
}

/* Whether tokens [a, b) are exactly a place of the dictionary, capitals
 * included ("New Delhi said ..." is India speaking, not a person). */
static bool names_place(const struct ctx *c, size_t a, size_t b)
{
	if (!c->dict || b - a > FOLD_MAX)
		return false;
	char buf[FOLD_MAX][96];
	const char *ptr[FOLD_MAX];
	size_t n = fold_tokens(c, a, b, buf, ptr);
	struct dyad_dict_match m;
	for (size_t pos = 0; pos < n; pos++)
		if (dyad_dict_match(c->dict, DYAD_DK_PLACE, ptr, n, pos, &m) && m.start == 0 &&
		    m.len == n)
			return true;
	return false;
}

static void vote_country(struct ctx *c, const char code[4])
{
	size_t k;
	for (k = 0; k < 8 && c->country_votes[k]; k++)
		if (memcmp(c->countries[k], code, 4) == 0)
			break;
	if (k == 8)
		return;
	memcpy(c->countries[k], code, 4);
	c->country_votes[k]++;
}

/* ---- People and mentions ----------------------------------------------- */

static char *span_dup(const struct ctx *c, size_t a, size_t b)
{
	size_t off = c->tok[a].off, end = c->tok[b - 1].off + c->tok[b - 1].len;
	return dyad_strndup(c->text + off, end - off);
}

static int add_mention(struct ctx *c, uint32_t person, uint32_t off, uint32_t len)
{
	struct dyad_people *o = c->out;
	if (o->nm == c->mcap) {
		size_t cap = c->mcap ? 2 * c->mcap : 32;
		void *m = realloc(o->m, cap * sizeof *o->m);
		if (!m)
			return DYAD_ENOMEM;
		o->m = m;
		c->mcap = cap;
	}
	o->m[o->nm++] = (struct dyad_mention){off, len, c->sent, person};
	struct dyad_person *p = &o->p[person];
	if (!p->mentions)
		p->first_off = off;
	p->mentions++;
	c->ps[person].last_sent = c->sent + 1;
	c->ps[person].subject = c->sent_mentions == 0;
	c->sent_mentions++;
	return DYAD_OK;
}

static int new_person(struct ctx *c, size_t a, size_t b, uint32_t *idx)
{
	struct dyad_people *o = c->out;
	if (o->n == c->pcap) {
		size_t cap = c->pcap ? 2 * c->pcap : 16;
		void *p = realloc(o->p, cap * sizeof *o->p);
		if (!p)
			return DYAD_ENOMEM;
		o->p = p;
		void *s = realloc(c->ps, cap * sizeof *c->ps);
		if (!s)
			return DYAD_ENOMEM;
		c->ps = s;
		c->pcap = cap;
	}
	struct dyad_person *p = &o->p[o->n];
	memset(p, 0, sizeof *p);
	memset(&c->ps[o->n], 0, sizeof c->ps[o->n]);
	p->name = span_dup(c, a, b);
	if (!p->name)
		return DYAD_ENOMEM;
	c->ps[o->n].first_tok = (uint32_t)a;
	c->ps[o->n].ntok = (uint32_t)(b - a);
	*idx = (uint32_t)o->n++;
	return DYAD_OK;
}

static bool same_tok_text(const struct ctx *c, size_t i, size_t j)
{
	return stem_len(c, i) == stem_len(c, j) && memcmp(tp(c, i), tp(c, j), stem_len(c, i)) == 0;
}

/* The person a name [a, b) refers to: the same full name, or for one word
 * the surname (else first name) of a person named before, the most recent
 * one. -1 when none. */
static int32_t find_person(const struct ctx *c, size_t a, size_t b)
{
	int32_t best = -1;
	uint32_t best_sent = 0;
	for (size_t k = 0; k < c->out->n; k++) {
		const struct pstate *s = &c->ps[k];
		bool hit = false;
		if (b - a == s->ntok) {
			hit = true;
			for (size_t i = 0; i < s->ntok && hit; i++)
				hit = same_tok_text(c, a + i, s->first_tok + i);
		} else if (b - a == 1 && s->ntok > 1) {
			hit = same_tok_text(c, a, s->first_tok + s->ntok - 1) ||
			      same_tok_text(c, a, s->first_tok);
		} else if (b - a < s->ntok) {
			/* "Al Hashish" after "Fouzia Al Hashish" */
			size_t d = s->ntok - (b - a);
			hit = true;
			for (size_t i = 0; i < b - a && hit; i++)
				hit = same_tok_text(c, a + i, s->first_tok + d + i);
		}
		if (hit && s->last_sent >= best_sent) {
			best = (int32_t)k;
			best_sent = s->last_sent;
		}
	}
	return best;
}

static char gender_of_word(const struct ctx *c, size_t i)
{
	static const char *const f[] = {"mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman",
					"chairwoman", "queen", "princess", "madam", "lady", "dame",
					"mother", "wife", "daughter", "sister", "grandmother",
					"businesswoman", "congresswoman", "actress"};
	static const char *const m[] = {"mr", "mr.", "spokesman", "chairman", "king", "prince",
					"sir", "lord", "father", "husband", "son", "brother",
					"grandfather", "businessman", "congressman"};
	for (size_t k = 0; k < DYAD_ARRAY_LEN(f); k++)
		if (tok_is(c, i, f[k]))
			return 'f';
	for (size_t k = 0; k < DYAD_ARRAY_LEN(m); k++)
		if (tok_is(c, i, m[k]))
			return 'm';
	return 0;
}

/* Fill title, role, nationality and the codes of person k from the words
 * before its name: [r, t) the role words before the name's run, [t, a) the
 * title words opening the run. */
static int set_role(struct ctx *c, uint32_t k, size_t r, size_t t, size_t a)
{
	struct dyad_person *p = &c->out->p[k];
	struct pstate *s = &c->ps[k];
	for (size_t i = r; i < a; i++) {
		char g = gender_of_word(c, i);
		if (g && !p->gender)
			p->gender = g;
		char code[4];
		if (!s->country[0] && country_of(c, i, code)) {
			memcpy(s->country, code, 4);
			if (!p->nationality &&
			    !(p->nationality = dyad_strndup(tp(c, i), stem_len(c, i))))
				return DYAD_ENOMEM;
		}
	}
	if (t < a && !p->title) {
		/* an honorific alone ("Mr") is a title, not a role */
		if (!(p->title = span_dup(c, t, a)))
			return DYAD_ENOMEM;
	}
	size_t re = r < t ? t : a;
	if (re == a && t < a && tok_in(c, a - 1, DYAD_PW_HONORIFIC))
		re = r;
	if (r < re && !p->role) {
		if (!(p->role = span_dup(c, r, re)))
			return DYAD_ENOMEM;
	}
	if (!c->dict || (s->country[0] && s->agent[0]))
		return DYAD_OK;
	/* the role's words, folded once for the dictionary's lookups */
	char buf[FOLD_MAX][96];
	const char *ptr[FOLD_MAX];
	size_t n = fold_tokens(c, r, a, buf, ptr);
	struct dyad_dict_match m;
	/* the actors in the role, one lookup each (with the article's date) */
	for (size_t i = 0; i < n && !s->agent[0]; i++) {
		if (!dyad_dict_actor_match(c->dict, ptr, n, i, c->date, &m) || !m.code ||
		    strlen(m.code) < 3)
			continue;
		size_t cl = strlen(m.code);
		if (cl == 6 && (!strcmp(m.code + 3, "INS") || !strcmp(m.code + 3, "REB") ||
				!strcmp(m.code + 3, "SEP"))) {
			/* an armed group: an "Afghan Taliban leader" is the
			 * Taliban's (AFGINS on the article's date), not
			 * Afghanistan's GOV (the group's dated codes make it look
			 * like a person to actor_not_person) */
			memcpy(s->country, m.code, 3);
			s->country[3] = '\0';
			memcpy(s->agent, m.code + 3, 4);
		} else if (!s->country[0] && actor_not_person(c->dict, m.entry->id)) {
			/* an institution: a "Pentagon spokesman" is American */
			memcpy(s->country, m.code, 3);
			s->country[3] = '\0';
		}
	}
	for (size_t i = 0; i < n && !s->agent[0]; i++)
		if (dyad_dict_agent_match(c->dict, ptr, n, i, &m) && m.code && strlen(m.code) == 3)
			memcpy(s->agent, m.code, 4);
	return DYAD_OK;
}

/* Role from an apposition after the name: "Ana Mendez, the foreign
 * minister," or "Kazianis, director of Korean studies at ...,". */
static int set_apposition(struct ctx *c, uint32_t k, size_t b)
{
	struct dyad_person *p = &c->out->p[k];
	bool rank_only = p->role && p->title && strcmp(p->role, p->title) == 0;
	if ((p->role && !rank_only) || b + 2 >= c->s1 || !is_punct(c, b, ','))
		return DYAD_OK;
	size_t i = b + 1;
	if (i + 1 < c->s1 && (unsigned char)tp(c, i)[0] >= '0' && tp(c, i)[0] <= '9' &&
	    is_punct(c, i + 1, ','))
		i += 2; /* an age: "Ana Mendez, 54, the ..." */
	if (i < c->s1 && (tok_is(c, i, "the") || tok_is(c, i, "a") || tok_is(c, i, "an")))
		i++;
	/* the role's words up to its title word: capitalised ones first
	 * ("Pakistan's foreign ministry spokeswoman", "Interior Ministry
	 * spokesman"), then up to two lower-case ones */
	size_t h = i;
	while (h < c->s1 && h - i < 4 && is_cap(c, h) && !tok_in(c, h, DYAD_PW_TITLE) &&
	       !tok_in(c, h, DYAD_PW_STOP))
		h++;
	for (size_t lower = 0; h < c->s1 && lower < 2 && !tok_in(c, h, DYAD_PW_TITLE) &&
			       is_lower_word(c, h);
	     lower++)
		h++;
	if (i >= c->s1 || h >= c->s1 || !tok_in(c, h, DYAD_PW_TITLE))
		return DYAD_OK;
	size_t e = i;
	while (e < c->s1 && e - i < 12 && !is_punct(c, e, ',') && !is_punct(c, e, '.') &&
	       !tok_in(c, e, DYAD_PW_VERB) && !tok_is(c, e, "who") && tl(c, e) > 0 &&
	       (unsigned char)tp(c, e)[0] != 0xE2)
		e++;
	if (e == i)
		return DYAD_OK;
	if (rank_only) {
		free(p->role);
		p->role = NULL;
	}
	return set_role(c, k, i, e, e);
}

/* Words before position a that belong to a role ("Interior Ministry
 * spokesman", "army chief", "Pakistan's foreign ministry spokesperson"). */
static size_t role_start(const struct ctx *c, size_t a)
{
	size_t r = a, lowest = a;
	while (r > c->s0 && a - r < 7) {
		size_t i = r - 1;
		if (tok_in(c, i, DYAD_PW_TITLE)) {
			r = i;
			lowest = r;
		} else if (is_cap(c, i) && !tok_in(c, i, DYAD_PW_STOP)) {
			r = i; /* kept only when a role word comes before or after */
			if (stem_len(c, i) != tl(c, i))
				lowest = r;
		} else if ((tok_is(c, i, "of") || tok_is(c, i, "for")) && r < a) {
			r = i;
		} else {
			break;
		}
		if (r < lowest && tok_in(c, r, DYAD_PW_TITLE))
			lowest = r;
	}
	/* keep capitalised words only next to role words */
	if (lowest < a) {
		size_t k = lowest;
		while (k > r && (is_cap(c, k - 1) && !tok_in(c, k - 1, DYAD_PW_STOP)))
			k--;
		lowest = k;
	}
	while (lowest < a && (tok_is(c, lowest, "of") || tok_is(c, lowest, "for")))
		lowest++;
	return lowest;
}

/* A word of two letters or more in capitals only. */
static bool all_caps(const struct ctx *c, size_t i)
{
	size_t n = tl(c, i), letters = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)tp(c, i)[k];
		if (ch >= 'a' && ch <= 'z')
			return false;
		letters += ch >= 'A' && ch <= 'Z';
	}
	return letters >= 2;
}

/* "Prosecutors", "Officials": a plural noun opening a sentence, not a name. */
static bool plural_like(const struct ctx *c, size_t i)
{
	static const char *const suf[] = {"ers", "ors", "ies", "als", "ists", "ents", "ians",
					  "ants", "ees"};
	size_t n = tl(c, i);
	for (size_t k = 0; k < DYAD_ARRAY_LEN(suf); k++) {
		size_t m = strlen(suf[k]);
		if (n > m + 2 && memcmp(tp(c, i) + n - m, suf[k], m) == 0)
			return true;
	}
	return false;
}

/* A capitalised run [a, b) of the sentence: a person's name, possibly
 * after title words ("Foreign Minister Ana Mendez", "Gen. Omar Faruq"). */
static int take_run(struct ctx *c, size_t a, size_t b)
{
	size_t t = a;
	/* the name is what follows the last title or institution word */
	size_t last = a;
	bool org = false;
	for (size_t i = a; i < b; i++) {
		if (tok_in(c, i, DYAD_PW_TITLE) || tok_is(c, i, "of") || tok_is(c, i, "for")) {
			last = i + 1;
			if (tok_in(c, i, DYAD_PW_ORG))
				org = true;
		} else if (tok_in(c, i, DYAD_PW_ORG)) {
			last = i + 1;
			org = true;
		}
	}
	size_t n0 = last;
	if (n0 >= b)
		return DYAD_OK; /* an institution or a title alone */
	if (n0 > a && (tok_is(c, n0 - 1, "of") || tok_is(c, n0 - 1, "for")))
		return DYAD_OK; /* "Minister of Innovation", "University of Toronto" */
	for (size_t i = n0; i < b; i++)
		if (all_caps(c, i))
			return DYAD_OK; /* "KUALA LUMPUR" datelines, "EHS" acronyms */
	if (b < c->s1 && is_punct(c, b, '/'))
		return DYAD_OK; /* a photo credit: "(Muriel Draaisma/CBC)" */
	if (org && n0 > a && !tok_in(c, n0 - 1, DYAD_PW_TITLE))
		return DYAD_OK; /* "Saskatoon Police Service Chief"... ends with the institution */
	t = a;
	size_t k = b - n0;
	bool titled = n0 > a;
	size_t after = b;
	bool says = after < c->s1 && tok_in(c, after, DYAD_PW_VERB);
	if (a > c->s0 && tok_in(c, a - 1, DYAD_PW_VERB))
		says = true;
	if (k > 4)
		return DYAD_OK;
	char code[4];
	bool place = false;
	for (size_t i = n0; i < b; i++)
		if (country_of(c, i, code)) {
			vote_country(c, code);
			place = true;
		}
	if (place && !(titled && k == 1 && tok_in(c, n0 - 1, DYAD_PW_HONORIFIC)))
		return DYAD_OK;
	if (!titled && names_place(c, n0, b))
		return DYAD_OK;
	int32_t who = find_person(c, n0, b);
	if (c->pass == 1) {
		if (who < 0)
			return DYAD_OK;
		uint32_t off = c->tok[n0].off;
		return add_mention(c, (uint32_t)who, off,
				   c->tok[b - 1].off + c->tok[b - 1].len - off);
	}
	if (who >= 0) {
		c->ps[who].last_sent = c->sent + 1;
		if ((k == 1 && same_tok_text(c, n0, c->ps[who].first_tok + c->ps[who].ntok - 1)) ||
		    titled || says)
			c->ps[who].confirmed = true;
	} else {
		if (k == 1 && (!titled && !says))
			return DYAD_OK;
		if (k == 1 && !titled && n0 > c->s0 && is_lower_word(c, n0 - 1) &&
		    !tok_in(c, n0 - 1, DYAD_PW_VERB))
			return DYAD_OK; /* "in Cambridge, says ..." */
		if (k == 1 && (tl(c, n0) < 2 || (n0 == c->s0 && !titled && plural_like(c, n0))))
			return DYAD_OK;
		uint32_t idx;
		int rc = new_person(c, n0, b, &idx);
		if (rc)
			return rc;
		who = (int32_t)idx;
		c->ps[idx].last_sent = c->sent + 1;
		c->ps[idx].confirmed = titled || says;
	}
	int rc = DYAD_OK;
	/* "husband Mohammad", "wife Fouzia", "Mrs Lee" */
	char g = a > c->s0 ? gender_of_word(c, a - 1) : 0;
	for (size_t i = a; i < n0 && !g; i++)
		g = gender_of_word(c, i);
	if (g && !c->out->p[who].gender)
		c->out->p[who].gender = g;
	size_t r = role_start(c, t);
	if (r < t || titled)
		rc = set_role(c, (uint32_t)who, r, t, n0);
	if (!rc)
		rc = set_apposition(c, (uint32_t)who, b);
	if (c->out->p[who].role)
		c->ps[who].confirmed = true;
	return rc;
}

/* Pronoun of gender g (he, she, his, her...) in the current sentence: the
 * person it most likely names, -1 when none. Each person of that gender, or
 * of gender still unknown, named in the last 12 sentences scores by recency
 * (one point a sentence), less when their gender is unknown, more when they
 * were the subject (first named) of their sentence. The weights were tuned
 * on the ggt_98 evaluation (eval_quotes); a bonus for often-named people
 * and a malus for unconfirmed names did not help there. */
static int32_t resolve_pronoun(const struct ctx *c, char g)
{
	int32_t best = -1;
	double bs = -1e9;
	for (size_t k = 0; k < c->out->n; k++) {
		const struct dyad_person *p = &c->out->p[k];
		uint32_t ls = c->ps[k].last_sent;
		if (!ls || c->sent + 1 - ls > 12 || (p->gender && p->gender != g))
			continue;
		double sc = -(double)(c->sent + 1 - ls);
		if (!p->gender)
			sc -= 2.5;
		if (c->ps[k].subject)
			sc += 0.5;
		if (sc > bs) {
			bs = sc;
			best = (int32_t)k;
		}
	}
	return best;
}

static int take_pronoun(struct ctx *c, size_t i, char g)
{
	int32_t who = resolve_pronoun(c, g);
	if (who < 0)
		return DYAD_OK;
	struct dyad_person *p = &c->out->p[who];
	if (!p->gender)
		p->gender = g;
	return add_mention(c, (uint32_t)who, c->tok[i].off, c->tok[i].len);
}

/* Whether phrase holds the word w[0..n) (any case) as a whole word. */
static bool has_word(const char *phrase, const char *w, size_t n)
{
	for (const char *h = phrase; *h;) {
		while (*h == ' ' || *h == ',')
			h++;
		size_t k = 0;
		while (h[k] && h[k] != ' ' && h[k] != ',')
			k++;
		if (k == n && strncasecmp(h, w, n) == 0)
			return true;
		h += k;
	}
	return false;
}

/* Whether the head (last word) of phrase is w[0..n), any case: "the
 * minister" names a "Foreign Minister", "the army" no "army chief". */
static bool has_head(const char *phrase, const char *w, size_t n)
{
	size_t len = strlen(phrase);
	while (len && (phrase[len - 1] == ' ' || phrase[len - 1] == ',' || phrase[len - 1] == '.'))
		len--;
	size_t k = len;
	while (k && phrase[k - 1] != ' ')
		k--;
	return len - k == n && strncasecmp(phrase + k, w, n) == 0;
}

/* "the minister", "the spokesman", "the army chief": the latest person
 * whose role or title holds the word. Returns tokens used (0: none). */
static int take_nominal(struct ctx *c, size_t i, size_t *used)
{
	*used = 0;
	size_t w = i + 1;
	while (w < c->s1 && w - i <= 3 && is_lower_word(c, w) && !tok_in(c, w, DYAD_PW_TITLE) &&
	       !tok_in(c, w, DYAD_PW_VERB))
		w++;
	if (w >= c->s1 || !tok_in(c, w, DYAD_PW_TITLE) || !is_lower_word(c, w))
		return DYAD_OK;
	while (w + 1 < c->s1 && tok_in(c, w + 1, DYAD_PW_TITLE) && is_lower_word(c, w + 1))
		w++;
	int32_t best = -1;
	uint32_t bs = 0;
	for (size_t k = 0; k < c->out->n; k++) {
		const struct dyad_person *p = &c->out->p[k];
		const char *fields[2] = {p->role, p->title};
		for (size_t f = 0; f < 2; f++) {
			if (!fields[f])
				continue;
			bool ok = has_head(fields[f], tp(c, w), tl(c, w));
			/* "the prime minister" is not the foreign minister */
			for (size_t m = i + 1; m < w && ok; m++)
				ok = !tok_in(c, m, DYAD_PW_TITLE) || has_word(fields[f], tp(c, m), tl(c, m));
			/* "the minister" is not the prime minister */
			ok = ok && (!has_word(fields[f], "prime", 5) || (w > i + 1 && tok_is(c, w - 1, "prime")));
			if (ok && c->ps[k].last_sent >= bs) {
				best = (int32_t)k;
				bs = c->ps[k].last_sent;
			}
		}
	}
	if (best < 0)
		return DYAD_OK;
	*used = w + 1 - i;
	uint32_t off = c->tok[i].off;
	return add_mention(c, (uint32_t)best, off, c->tok[w].off + c->tok[w].len - off);
}

static int read_sentence(struct ctx *c)
{
	c->sent_mentions = 0;
	for (size_t i = c->s0; i < c->s1;) {
		if (is_cap(c, i) && !tok_in(c, i, DYAD_PW_STOP) && !tok_in(c, i, DYAD_PW_PRONOUN)) {
			size_t b = i + 1;
			while (b < c->s1 && stem_len(c, i) == tl(c, i)) {
				if (is_cap(c, b) && !(tok_in(c, b, DYAD_PW_STOP) && !tok_is(c, b, "may")))
					b++;
				else if (b + 1 < c->s1 && is_cap(c, b + 1) &&
					 (is_particle(c, b) ||
					  ((tok_is(c, b, "of") || tok_is(c, b, "for")) &&
					   tok_in(c, b - 1, DYAD_PW_TITLE))))
					b++;
				else
					break;
				if (stem_len(c, b - 1) != tl(c, b - 1))
					break; /* "Pakistan's" ends a name */
			}
			int rc = take_run(c, i, b);
			if (rc)
				return rc;
			i = b;
			continue;
		}
		char g = 0;
		if (tok_is(c, i, "he") || tok_is(c, i, "him") || tok_is(c, i, "his"))
			g = 'm';
		else if (tok_is(c, i, "she") || tok_is(c, i, "her") || tok_is(c, i, "hers"))
			g = 'f';
		if (c->pass == 0) {
			/* people first; pronouns and "the minister" once all are known */
		} else if (g) {
			int rc = take_pronoun(c, i, g);
			if (rc)
				return rc;
		} else if (tok_is(c, i, "the") && i + 1 < c->s1) {
			size_t used;
			int rc = take_nominal(c, i, &used);
			if (rc)
				return rc;
			if (used) {
				i += used;
				continue;
			}
		}
		i++;
	}
	return DYAD_OK;
}

static int cmp_mention(const void *a, const void *b)
{
	const struct dyad_mention *x = a, *y = b;
	return (x->off > y->off) - (x->off < y->off);
}

/* Actor codes: the dictionary's entry for the name, else the role's
 * country (or the article's main country) with the role's agent. */
static void set_actors(struct ctx *c)
{
	const char *main_country = NULL;
	uint32_t best = 0;
	for (size_t k = 0; k < 8; k++)
		if (c->country_votes[k] > best) {
			best = c->country_votes[k];
			main_country = c->countries[k];
		}
	for (size_t k = 0; k < c->out->n; k++) {
		struct dyad_person *p = &c->out->p[k];
		struct pstate *s = &c->ps[k];
		if (c->dict) {
			char buf[FOLD_MAX][96];
			const char *ptr[FOLD_MAX];
			size_t n = fold_tokens(c, s->first_tok, s->first_tok + s->ntok, buf, ptr);
			struct dyad_dict_match m;
			if (n > 1 && dyad_dict_actor_match(c->dict, ptr, n, 0, c->date, &m) && m.code &&
			    m.len == n && strlen(m.code) < sizeof p->actor) {
				strcpy(p->actor, m.code);
				continue;
			}
		}
		const char *cc = s->country[0] ? s->country : (s->agent[0] ? main_country : NULL);
		if (cc)
			snprintf(p->actor, sizeof p->actor, "%s%s", cc, s->agent);
	}
}

int dyad_people_find(const char *text, const struct dyad_sentence *sent, size_t nsent,
		     const struct dyad_dict *dict, struct dyad_people *out, struct dyad_err *err)
{
	return dyad_people_find_at(text, sent, nsent, dict, 0, out, err);
}

int dyad_people_find_at(const char *text, const struct dyad_sentence *sent, size_t nsent,
			const struct dyad_dict *dict, int32_t ymd, struct dyad_people *out,
			struct dyad_err *err)
{
	memset(out, 0, sizeof *out);
	out->dict = dict;
	out->date = ymd;
	size_t n = strlen(text);
	int rc = dyad_tokens(text, n, &out->tok, &out->ntok);
	if (rc)
		return dyad_error(err, rc, "people: cannot cut the text into tokens");
	out->stok = malloc((nsent + 1) * sizeof *out->stok);
	if (!out->stok)
		return dyad_error(err, DYAD_ENOMEM, "people: out of memory");
	out->nsent = nsent;
	out->tmask = malloc(out->ntok ? out->ntok : 1);
	if (!out->tmask)
		return dyad_error(err, DYAD_ENOMEM, "people: out of memory");
	for (size_t i = 0; i < out->ntok; i++)
		out->tmask[i] = dyad_people_word_mask(text + out->tok[i].off, out->tok[i].len);
	struct ctx c = {.text = text, .dict = dict, .out = out, .tok = out->tok, .date = ymd};
	size_t t = 0;
	for (size_t s = 0; s < nsent; s++) {
		while (t < out->ntok && out->tok[t].off < sent[s].off)
			t++;
		out->stok[s] = (uint32_t)t;
		while (t < out->ntok && out->tok[t].off < sent[s].off + sent[s].len)
			t++;
	}
	out->stok[nsent] = (uint32_t)t;
	for (c.pass = 0; c.pass < 2 && !rc; c.pass++) {
		for (size_t k = 0; k < out->n; k++)
			c.ps[k].last_sent = 0;
		for (size_t s = 0; s < nsent && !rc; s++) {
			c.sent = (uint32_t)s;
			c.s0 = out->stok[s];
			c.s1 = out->stok[s + 1];
			rc = read_sentence(&c);
		}
	}
	if (!rc) {
		set_actors(&c);
		if (out->nm)
			qsort(out->m, out->nm, sizeof *out->m, cmp_mention);
	}
	free(c.ps);
	if (rc)
		return dyad_error(err, rc, "people: out of memory");
	return DYAD_OK;
}

void dyad_people_release(struct dyad_people *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		free(p->p[i].name);
		free(p->p[i].title);
		free(p->p[i].role);
		free(p->p[i].nationality);
	}
	free(p->p);
	free(p->m);
	free(p->tok);
	free(p->stok);
	free(p->tmask);
	memset(p, 0, sizeof *p);
}

size_t dyad_people_mention_from(const struct dyad_people *people, uint32_t off)
{
	size_t lo = 0, hi = people->nm;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (people->m[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int32_t dyad_people_at(const struct dyad_people *people, uint32_t off)
{
	if (!people || off == UINT32_MAX)
		return -1;
	size_t lo = dyad_people_mention_from(people, off + 1); /* first starting after off */
	if (lo == 0)
		return -1;
	const struct dyad_mention *m = &people->m[lo - 1];
	return off < m->off + m->len ? (int32_t)m->person : -1;
}

char *dyad_people_name_key(const char *name)
{
	struct dyad_buf b = DYAD_BUF_INIT;
	const char *s = name;
	bool first = true;
	while (*s) {
		while (*s == ' ' || *s == ',' || *s == '.')
			s++;
		size_t n = 0;
		while (s[n] && s[n] != ' ' && s[n] != ',')
			n++;
		if (!n)
			break;
		bool skip = first && (dyad_people_word_in(DYAD_PW_HONORIFIC, s, n) ||
				      dyad_people_word_in(DYAD_PW_TITLE, s, n));
		if (!skip) {
			if (b.len && dyad_buf_addc(&b, ' '))
				goto oom;
			for (size_t i = 0; i < n; i++) {
				unsigned char ch = (unsigned char)s[i];
				if (ch == '.')
					continue;
				if (dyad_buf_addc(&b, (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)))
					goto oom;
			}
			first = false;
		}
		s += n;
	}
	if (!b.len && dyad_buf_adds(&b, ""))
		goto oom;
	return dyad_buf_detach(&b);
oom:
	dyad_buf_release(&b);
	return NULL;
}
