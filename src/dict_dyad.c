/* Reader of dyad's own dictionary format (docs/dyad-dictionaries.md):
 * countries, organisations, groups, people, agents and verbs in small
 * indented blocks, read into the CAMEO model of dict.h. */
#include "dict.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORD 64

enum blk { B_NONE = 0, B_ACTOR, B_AGENT, B_VERB, B_PLACE };

struct rd {
	struct dyad_dict *d;
	uint16_t file;
	uint32_t no;
	enum blk blk;
	bool country;           /* the actor block is a country: capital, institution */
	int32_t actor;          /* current actor */
	uint32_t agent;         /* current agent */
	int32_t block;          /* current verb block */
	uint32_t place;         /* current place */
	char cc[16];            /* code of the current country */
};

static bool sp(char c)
{
	return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *n)
{
	while (*n && sp(**s))
		(*s)++, (*n)--;
	while (*n && sp((*s)[*n - 1]))
		(*n)--;
}

/* Split s[0..n) at its first run of spaces: word in *w, *wl; rest in *s, *n. */
static void first_word(const char **s, size_t *n, const char **w, size_t *wl)
{
	trim(s, n);
	size_t k = 0;
	while (k < *n && !sp((*s)[k]))
		k++;
	*w = *s;
	*wl = k;
	*s += k;
	*n -= k;
	trim(s, n);
}

static bool is_word(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(s, lit, n);
}

static void err(struct rd *r, const char *fmt, const char *s, size_t n)
{
	dyad_dict_diag(r->d, r->file, r->no, DYAD_DIAG_ERROR, fmt, (int)(n > 60 ? 60 : n), s);
}

/* A CAMEO code: 2 to 15 capitals or digits. */
static bool valid_code(const char *s, size_t n)
{
	if (n < 2 || n > 15)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

/* ---- Dates ---------------------------------------------------------------- */

static int days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD", or "YYYY-MM" (month precision: its first day, or its last
 * when end). Returns 0 and *out (yyyymmdd) or -1. */
static int parse_ymd(const char *s, size_t n, bool end, int32_t *out)
{
	if ((n != 10 && n != 7) || s[4] != '-' || (n == 10 && s[7] != '-'))
		return -1;
	int y = num(s, 4), m = num(s + 5, 2), dd = n == 10 ? num(s + 8, 2) : 0;
	if (y < 1000 || m < 1 || m > 12 || dd < 0)
		return -1;
	if (n == 7)
		dd = end ? days_in(y, m) : 1;
	if (dd < 1 || dd > days_in(y, m))
		return -1;
	*out = dyad_dict_ymd(y, m, dd);
	return 0;
}

/* "FROM..TO" with either end open. */
static int parse_range(const char *s, size_t n, int32_t *from, int32_t *to)
{
	const char *dots = NULL;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '.' && s[i + 1] == '.') {
			dots = s + i;
			break;
		}
	if (!dots)
		return -1;
	size_t a = (size_t)(dots - s);
	*from = 0;
	*to = 99999999;
	if (a && parse_ymd(s, a, false, from) < 0)
		return -1;
	if (n > a + 2 && parse_ymd(dots + 2, n - a - 2, true, to) < 0)
		return -1;
	if (a == 0 && n == 2)
		return -1;
	return *from <= *to ? 0 : -1;
}

/* ---- Actors and codes -------------------------------------------------- */

static int32_t new_actor(struct rd *r, const char *name, size_t n)
{
	struct dyad_dict_actor *ac = dyad_vec_push(&r->d->actors, sizeof(*ac));
	if (!ac) {
		r->d->oom = 1;
		return -1;
	}
	ac->name = dyad_dict_strdup(r->d, name, n);
	ac->code0 = (uint32_t)r->d->codes.n;
	return (int32_t)(r->d->actors.n - 1);
}

/* Codes of an actor must be contiguous in d->codes: codes are only added to
 * the actor created last, which each caller ensures. */
static void add_code(struct rd *r, int32_t a, const char *code, size_t cl, bool restricted,
		     int32_t from, int32_t to)
{
	struct dyad_dict_actor *ac = (struct dyad_dict_actor *)r->d->actors.a + a;
	if (ac->code0 + ac->ncodes != r->d->codes.n) {
		err(r, "code for an earlier actor skipped: '%.*s'", code, cl);
		return;
	}
	struct dyad_dict_code *c = dyad_vec_push(&r->d->codes, sizeof(*c));
	if (!c) {
		r->d->oom = 1;
		return;
	}
	c->code = dyad_dict_strdup(r->d, code, cl);
	c->from = from;
	c->to = to;
	c->restricted = restricted;
	ac->ncodes++;
}

/* Mark the words written in capitals (two letters or more, no lower case)
 * as DYAD_TF_CAPS. The tokens follow the words of s split as
 * dyad_dict_parse_phrase() splits them (spaces and '_'). */
static void mark_caps(const struct dyad_dict_phrase *ph, const char *s, size_t n)
{
	uint32_t t = 0;
	for (size_t i = 0; i < n && t < ph->n;) {
		if (sp(s[i]) || s[i] == '_') {
			i++;
			continue;
		}
		size_t j = i;
		int up = 0, low = 0;
		while (j < n && !sp(s[j]) && s[j] != '_') {
			up += s[j] >= 'A' && s[j] <= 'Z';
			low += (s[j] >= 'a' && s[j] <= 'z') || (unsigned char)s[j] >= 0x80;
			j++;
		}
		if (up >= 2 && !low)
			((struct dyad_dict_tok *)ph->tok)[t].flags |= DYAD_TF_CAPS;
		t++;
		i = j;
	}
}

/* Add phrase s[0..n) to table kind with id. */
static void add_phrase(struct rd *r, enum dyad_dict_kind kind, const char *s, size_t n,
		       uint32_t id)
{
	struct dyad_dict_phrase ph;
	const char *why = NULL;
	trim(&s, &n);
	if (dyad_dict_parse_phrase(r->d, s, n, DYAD_SYN_PETRARCH, 0, &ph, &why) < 0) {
		dyad_dict_diag(r->d, r->file, r->no, DYAD_DIAG_ERROR, "name '%.*s' skipped: %s",
			       (int)(n > 60 ? 60 : n), s, why);
		return;
	}
	mark_caps(&ph, s, n);
	dyad_dict_add_entry(r->d, kind, &ph, 0, id, r->file, r->no);
}

/* The next non-empty ';'-separated item of s[0..n) from *i: 1 with the
 * item in it, il; 0 at the end. */
static int next_item(const char *s, size_t n, size_t *i, const char **it, size_t *il)
{
	while (*i < n) {
		const char *e = memchr(s + *i, ';', n - *i);
		size_t k = e ? (size_t)(e - s) : n;
		*it = s + *i;
		*il = k - *i;
		*i = k + 1;
		trim(it, il);
		if (*il)
			return 1;
	}
	return 0;
}

/* "CODE [FROM..TO] [words]": a code of the current actor. */
static void code_field(struct rd *r, const char *s, size_t n, bool need_range)
{
	const char *c, *w;
	size_t cl, wl;
	first_word(&s, &n, &c, &cl);
	if (!valid_code(c, cl)) {
		err(r, "bad code '%.*s': line skipped", c, cl);
		return;
	}
	first_word(&s, &n, &w, &wl);
	int32_t from = 0, to = 99999999;
	bool range = wl >= 2 && memmem(w, wl, "..", 2) != NULL;
	if (range && parse_range(w, wl, &from, &to) < 0) {
		err(r, "bad date range '%.*s' (YYYY-MM-DD..YYYY-MM-DD): line skipped", w, wl);
		return;
	}
	if (need_range && !range) {
		dyad_dict_diag(r->d, r->file, r->no, DYAD_DIAG_ERROR,
			       "role without a date range: line skipped");
		return;
	}
	add_code(r, r->actor, c, cl, range, from, to);
}

/* "White House = GOV": an actor coded with the country's code and a suffix. */
static void country_part(struct rd *r, const char *s, size_t n, const char *suffix, size_t sl)
{
	const char *eq = memchr(s, '=', n);
	size_t pn = n;
	if (eq) {
		pn = (size_t)(eq - s);
		suffix = eq + 1;
		sl = n - pn - 1;
		trim(&suffix, &sl);
	}
	const char *p = s;
	trim(&p, &pn);
	char code[32];
	if (!pn || !valid_code(suffix, sl) || strlen(r->cc) + sl >= sizeof code) {
		err(r, "bad institution '%.*s' (NAME = AGENT): skipped", s, n);
		return;
	}
	snprintf(code, sizeof code, "%s%.*s", r->cc, (int)sl, suffix);
	int32_t keep = r->actor, a = new_actor(r, p, pn);
	if (a < 0)
		return;
	add_code(r, a, code, strlen(code), false, 0, 99999999);
	add_phrase(r, DYAD_DK_ACTOR, p, pn, (uint32_t)a);
	/* "the Kremlin", "the White House": institutions take the article, and
	 * the coder should not have to know which do. */
	char the[300];
	if (pn < sizeof the - 4 && !(pn > 4 && !strncasecmp(p, "the ", 4))) {
		memcpy(the, "the ", 4);
		memcpy(the + 4, p, pn);
		add_phrase(r, DYAD_DK_ACTOR, the, pn + 4, (uint32_t)a);
	}
	/* Later code lines of the block would belong to the country, which is
	 * no longer the last actor: report them rather than misfile them. */
	r->actor = keep;
}

/* ---- Agents --------------------------------------------------------------- */

/* "spokesman (spokesmen)", "police ()", "minister": the word with its plural. */
static void agent_word(struct rd *r, const char *s, size_t n)
{
	const char *op = memchr(s, '(', n);
	size_t pn = op ? (size_t)(op - s) : n;
	const char *p = s;
	trim(&p, &pn);
	if (op) {
		const char *cp = memchr(op, ')', n - (size_t)(op - s));
		if (!cp) {
			err(r, "agent word '%.*s': '(' without ')': skipped", s, n);
			return;
		}
		add_phrase(r, DYAD_DK_AGENT, p, pn, r->agent);
		if (cp > op + 1)
			add_phrase(r, DYAD_DK_AGENT, op + 1, (size_t)(cp - op - 1), r->agent);
		return;
	}
	add_phrase(r, DYAD_DK_AGENT, p, pn, r->agent);
	char up[256], pl[260];
	if (pn == 0 || 4 * pn + 1 > sizeof up)
		return;
	size_t k = dyad_dict_fold(p, pn, up, sizeof up);
	size_t m = dyad_dict_plural(up, k, pl);
	/* The plural is made in upper case; written back in lower case unless
	 * the word itself is all capitals, so that it is not taken for an
	 * acronym that must match in capitals ("fighters", not "FIGHTERS"). */
	bool lower = false;
	for (size_t i = 0; i < pn; i++)
		lower |= p[i] >= 'a' && p[i] <= 'z';
	for (size_t i = 0; lower && i < m; i++)
		if (pl[i] >= 'A' && pl[i] <= 'Z')
			pl[i] = (char)(pl[i] - 'A' + 'a');
	add_phrase(r, DYAD_DK_AGENT, pl, m, r->agent);
}

/* ---- Verbs ---------------------------------------------------------------- */

static bool vowel(char c)
{
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* out = w[0..n) + extra (one letter or 0) + suf; n <= MAX_WORD. */
static void form(char *out, const char *w, size_t n, char extra, const char *suf)
{
	memcpy(out, w, n);
	if (extra)
		out[n++] = extra;
	strcpy(out + n, suf);
}

/* Regular -S, -ED and -ING forms of upper-case w[0..n) (ed false: no -ED
 * form). A final consonant after a single vowel doubles (STOPPED); in words
 * of several syllables stress decides, so both spellings are added
 * (COMMITTED, OFFERED). */
static size_t regular_forms(const char *w, size_t n, bool ed, char f[6][MAX_WORD + 8])
{
	size_t k = 0;
	char l = w[n - 1], p = n > 1 ? w[n - 2] : 0, q = n > 2 ? w[n - 3] : 0;
	if (l == 'S' || l == 'X' || l == 'Z' || (l == 'H' && (p == 'C' || p == 'S')) ||
	    (l == 'O' && !vowel(p)))
		form(f[k++], w, n, 0, "ES");
	else if (l == 'Y' && !vowel(p))
		form(f[k++], w, n - 1, 0, "IES");
	else
		form(f[k++], w, n, 0, "S");
	if (l == 'E') {
		if (ed)
			form(f[k++], w, n, 0, "D");
		form(f[k++], w, vowel(p) ? n : n - 1, 0, "ING");
		return k;
	}
	if (l == 'Y' && !vowel(p)) {
		if (ed)
			form(f[k++], w, n - 1, 0, "IED");
		form(f[k++], w, n, 0, "ING");
		return k;
	}
	bool cvc = n >= 3 && !vowel(q) && vowel(p) && !vowel(l) && l != 'W' && l != 'X' &&
		   l != 'Y' && !(q == 'U' && n >= 4 && w[n - 4] == 'Q');
	int syl = 0;
	for (size_t i = 0; i < n; i++)
		syl += vowel(w[i]) && (i == 0 || !vowel(w[i - 1]));
	if (!cvc || syl > 1) {
		if (ed)
			form(f[k++], w, n, 0, "ED");
		form(f[k++], w, n, 0, "ING");
	}
	if (cvc) {
		if (ed)
			form(f[k++], w, n, l, "ED");
		form(f[k++], w, n, l, "ING");
	}
	return k;
}

/* Add the verb phrase words[0..nw) (key: the inflected word) in form f. */
static void add_verb_form(struct rd *r, char words[][MAX_WORD + 8], size_t nw, size_t key,
			  const char *form)
{
	char buf[512];
	size_t m = 0;
	for (size_t i = 0; i < nw; i++) {
		const char *w = i == key ? form : words[i];
		int k = snprintf(buf + m, sizeof buf - m, "%s%s", i ? " " : "", w);
		if (k < 0 || (size_t)k >= sizeof buf - m)
			return;
		m += (size_t)k;
	}
	struct dyad_dict_phrase ph;
	const char *why = NULL;
	if (dyad_dict_parse_phrase(r->d, buf, m, DYAD_SYN_PETRARCH, 0, &ph, &why) < 0 ||
	    ph.n != nw)
		return;
	dyad_dict_add_verb(r->d, (uint32_t)r->block, NULL, 0, &ph, (uint32_t)key, r->file, r->no);
}

/* "seek {sought}", "call off", "+up end", "accuse": a verb and its forms. */
static void verb_item(struct rd *r, const char *s, size_t n)
{
	const char *ob = memchr(s, '{', n), *cb = ob ? memchr(ob, '}', n - (size_t)(ob - s)) : NULL;
	if ((ob && !cb) || (!ob && memchr(s, '}', n))) {
		err(r, "verb '%.*s': mismatched '{' '}': skipped", s, n);
		return;
	}
	size_t vn = ob ? (size_t)(ob - s) : n;
	char words[8][MAX_WORD + 8];
	size_t nw = 0, key = 0;
	bool marked = false;
	for (size_t i = 0; i < vn;) {
		if (sp(s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < vn && !sp(s[j]))
			j++;
		const char *w = s + i;
		size_t wl = j - i;
		if (*w == '+') {
			if (marked) {
				err(r, "verb '%.*s': two '+': skipped", s, n);
				return;
			}
			marked = true;
			key = nw;
			w++, wl--;
		}
		if (nw == DYAD_ARRAY_LEN(words) || wl == 0 || wl > MAX_WORD) {
			err(r, "verb '%.*s': too many or bad words: skipped", s, n);
			return;
		}
		dyad_dict_fold(w, wl, words[nw], sizeof words[nw]);
		if (strlen(words[nw]) != wl) {
			err(r, "verb '%.*s': words must be ASCII: skipped", s, n);
			return;
		}
		nw++;
		i = j;
	}
	if (nw == 0) {
		err(r, "verb '%.*s': no word: skipped", s, n);
		return;
	}
	const char *lemma = words[key];
	add_verb_form(r, words, nw, key, lemma);
	char f[6][MAX_WORD + 8];
	size_t nf = regular_forms(lemma, strlen(lemma), !ob, f);
	for (size_t i = 0; i < nf; i++)
		add_verb_form(r, words, nw, key, f[i]);
	for (const char *p = ob ? ob + 1 : cb; ob && p < cb;) {
		while (p < cb && sp(*p))
			p++;
		const char *q = p;
		while (q < cb && !sp(*q))
			q++;
		if (q > p && (size_t)(q - p) <= MAX_WORD) {
			char w[MAX_WORD + 8];
			dyad_dict_fold(p, (size_t)(q - p), w, sizeof w);
			add_verb_form(r, words, nw, key, w);
		}
		p = q;
	}
}

/* "* + of corruption = 1121": a pattern of the current block. */
static void pattern_field(struct rd *r, const char *s, size_t n)
{
	const char *eq = NULL;
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == '=') {
			eq = s + i - 1;
			break;
		}
	if (!eq) {
		err(r, "pattern '%.*s' without '= CODE': skipped", s, n);
		return;
	}
	const char *c = eq + 1;
	size_t cl = n - (size_t)(c - s);
	trim(&c, &cl);
	if (!valid_code(c, cl) && !(cl == 3 && !memcmp(c, "---", 3))) {
		err(r, "pattern with a bad code '%.*s': skipped", c, cl);
		return;
	}
	if (memchr(s, '[', n) || memchr(s, ']', n)) {
		err(r, "pattern '%.*s' holds '[' or ']': skipped", s, n);
		return;
	}
	char buf[600];
	int k = snprintf(buf, sizeof buf, "%.*s [%.*s]", (int)(eq - s), s, (int)cl, c);
	if (k < 0 || (size_t)k >= sizeof buf) {
		err(r, "pattern '%.*s' too long: skipped", s, n);
		return;
	}
	dyad_dict_add_pattern(r->d, r->block, buf, (size_t)k, DYAD_SYN_PETRARCH, r->file, r->no);
}

/* ---- Lines ---------------------------------------------------------------- */

/* A place of country code[0..cl) (a "place" block, a capital): its
 * index in d->places, or -1 when memory is out. */
static int32_t new_place(struct rd *r, const char *code, size_t cl)
{
	const char **p = dyad_vec_push(&r->d->places, sizeof(*p));
	if (!p) {
		r->d->oom = 1;
		return -1;
	}
	*p = dyad_dict_strdup(r->d, code, cl);
	return (int32_t)(r->d->places.n - 1);
}

static void header(struct rd *r, const char *s, size_t n)
{
	const char *kw, *code;
	size_t kl, cl;
	first_word(&s, &n, &kw, &kl);
	first_word(&s, &n, &code, &cl);
	r->blk = B_NONE;
	r->country = false;
	bool person = is_word(kw, kl, "person");
	bool actor = person || is_word(kw, kl, "country") || is_word(kw, kl, "igo") ||
		     is_word(kw, kl, "group") || is_word(kw, kl, "actor");
	bool place = is_word(kw, kl, "place");
	if (!actor && !place && !is_word(kw, kl, "agent") && !is_word(kw, kl, "verb")) {
		err(r, "unknown block '%.*s': skipped to the next block", kw, kl);
		return;
	}
	bool nocode = person && cl == 1 && code[0] == '-';
	if (!nocode && !valid_code(code, cl) && !(is_word(kw, kl, "verb") && cl == 3 &&
						  !memcmp(code, "---", 3))) {
		err(r, "block with a bad code '%.*s': skipped to the next block", code, cl);
		return;
	}
	if (n == 0) {
		err(r, "block '%.*s' without a name: skipped to the next block", kw, kl);
		return;
	}
	if (place) {
		int32_t p = new_place(r, code, cl);
		if (p < 0)
			return;
		r->place = (uint32_t)p;
		r->blk = B_PLACE;
		add_phrase(r, DYAD_DK_PLACE, s, n, r->place);
	} else if (actor) {
		r->actor = new_actor(r, s, n);
		if (r->actor < 0)
			return;
		r->blk = B_ACTOR;
		if (person && !nocode) {
			/* Outside their roles, people are their country's elite. */
			char c[32];
			snprintf(c, sizeof c, "%.*sELI", (int)(cl > 12 ? 12 : cl), code);
			add_code(r, r->actor, c, strlen(c), false, 0, 99999999);
		} else if (!person) {
			add_code(r, r->actor, code, cl, false, 0, 99999999);
		}
		add_phrase(r, DYAD_DK_ACTOR, s, n, (uint32_t)r->actor);
		if (is_word(kw, kl, "country")) {
			r->country = true;
			snprintf(r->cc, sizeof r->cc, "%.*s", (int)(cl < sizeof r->cc ? cl : 0), code);
		}
	} else if (is_word(kw, kl, "agent")) {
		struct dyad_dict_agent *ag = dyad_vec_push(&r->d->agents, sizeof(*ag));
		if (!ag) {
			r->d->oom = 1;
			return;
		}
		ag->code = dyad_dict_strdup(r->d, code, cl);
		r->agent = (uint32_t)(r->d->agents.n - 1);
		r->blk = B_AGENT;
	} else {
		r->block = dyad_dict_block_new(r->d, s, n, code, cl);
		if (r->block >= 0)
			r->blk = B_VERB;
	}
}

static void field(struct rd *r, const char *s, size_t n)
{
	const char *kw;
	size_t kl;
	first_word(&s, &n, &kw, &kl);
	if (r->blk == B_NONE)
		return;  /* the block was reported */
	bool ok = false;
	const char *it;
	size_t il;
	if (r->blk == B_ACTOR) {
		ok = true;
		if (is_word(kw, kl, "names") || is_word(kw, kl, "adjective") ||
		    is_word(kw, kl, "demonym")) {
			for (size_t i = 0; next_item(s, n, &i, &it, &il);)
				add_phrase(r, DYAD_DK_ACTOR, it, il, (uint32_t)r->actor);
		} else if (is_word(kw, kl, "code")) {
			code_field(r, s, n, false);
		} else if (is_word(kw, kl, "role")) {
			code_field(r, s, n, true);
		} else if (r->country && is_word(kw, kl, "capital")) {
			for (size_t i = 0; next_item(s, n, &i, &it, &il);) {
				country_part(r, it, il, "GOV", 3);
				int32_t p = new_place(r, r->cc, strlen(r->cc));
				if (p >= 0)  /* a capital is also a place ("in Kabul") */
					add_phrase(r, DYAD_DK_PLACE, it, il, (uint32_t)p);
			}
		} else if (r->country && is_word(kw, kl, "institution")) {
			for (size_t i = 0; next_item(s, n, &i, &it, &il);)
				country_part(r, it, il, "", 0);
		} else {
			ok = false;
		}
	} else if (r->blk == B_PLACE && is_word(kw, kl, "names")) {
		ok = true;
		for (size_t i = 0; next_item(s, n, &i, &it, &il);)
			add_phrase(r, DYAD_DK_PLACE, it, il, r->place);
	} else if (r->blk == B_AGENT && is_word(kw, kl, "words")) {
		ok = true;
		for (size_t i = 0; next_item(s, n, &i, &it, &il);)
			agent_word(r, it, il);
	} else if (r->blk == B_VERB && is_word(kw, kl, "verbs")) {
		ok = true;
		for (size_t i = 0; next_item(s, n, &i, &it, &il);)
			verb_item(r, it, il);
	} else if (r->blk == B_VERB && is_word(kw, kl, "pattern")) {
		ok = true;
		pattern_field(r, s, n);
	}
	if (!ok)
		err(r, "unknown field '%.*s' here: line skipped", kw, kl);
}

/* Read data[0..n) (registered as file); lines need not be NUL-terminated. */
static void read_text(struct dyad_dict *d, uint16_t file, const char *data, size_t n)
{
	struct rd r = { .d = d, .file = file, .actor = -1, .block = -1 };
	for (size_t off = 0; off < n && !d->oom;) {
		const char *s = data + off;
		const char *nl = memchr(s, '\n', n - off);
		size_t len = nl ? (size_t)(nl - s) : n - off;
		off += len + (nl ? 1 : 0);
		r.no++;
		/* '#' opens a comment at the start of a line or after a space. */
		for (size_t i = 0; i < len; i++)
			if (s[i] == '#' && (i == 0 || sp(s[i - 1]))) {
				len = i;
				break;
			}
		while (len && (sp(s[len - 1]) || s[len - 1] == '\r'))
			len--;
		size_t lead = 0;
		while (lead < len && sp(s[lead]))
			lead++;
		if (lead == len)
			continue;
		bool bad = false;
		for (size_t i = 0; i < len && !bad; i++)
			bad = (unsigned char)s[i] < 0x20 && s[i] != '\t';
		if (bad) {
			dyad_dict_diag(d, file, r.no, DYAD_DIAG_ERROR, "control character: line skipped");
			continue;
		}
		if (lead)
			field(&r, s + lead, len - lead);
		else
			header(&r, s, len);
	}
}

int dyad_dict_dyad_mem(struct dyad_dict *d, const char *name, const char *data, size_t n)
{
	read_text(d, dyad_dict_add_file(d, name), data, n);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

static int read_one(struct dyad_dict *d, const char *path)
{
	struct dyad_dict_reader rr;
	int rc = dyad_dict_reader_open(&rr, d, path);
	if (rc != DYAD_OK)
		return rc;
	read_text(d, rr.file, rr.data, rr.size);
	dyad_dict_reader_close(&rr);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* Whether the first line of path that is neither blank nor a comment opens
 * a dyad block: a folder of PETRARCH *.txt files is not read as dyad's. */
static bool looks_dyad(const char *path)
{
	static const char *const kw[] = { "country ", "igo ", "group ", "actor ", "person ",
					  "agent ", "verb ", "place " };
	FILE *f = fopen(path, "rb");
	if (!f)
		return true;  /* let the reader report it */
	char line[512];
	bool yes = false;
	while (fgets(line, sizeof line, f)) {
		const char *p = line;
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		for (size_t i = 0; i < DYAD_ARRAY_LEN(kw) && !yes; i++)
			yes = !strncmp(line, kw[i], strlen(kw[i]));
		break;
	}
	fclose(f);
	return yes;
}

static int txt_filter(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 && !strcmp(e->d_name + n - 4, ".txt");
}

int dyad_dict_dyad_read(struct dyad_dict *d, const char *path)
{
	struct dirent **list = NULL;
	int n = scandir(path, &list, txt_filter, alphasort);
	if (n < 0)
		return read_one(d, path);  /* not a folder */
	int rc = DYAD_OK, nread = 0;
	for (int i = 0; i < n; i++) {
		size_t pl = strlen(path);
		char *p = malloc(pl + strlen(list[i]->d_name) + 2);
		if (!p) {
			rc = DYAD_ENOMEM;
		} else if (rc == DYAD_OK) {
			snprintf(p, pl + strlen(list[i]->d_name) + 2, "%s%s%s", path,
				 pl && path[pl - 1] == '/' ? "" : "/", list[i]->d_name);
			if (looks_dyad(p)) {
				nread++;
				if (read_one(d, p) == DYAD_ENOMEM)
					rc = DYAD_ENOMEM;
			}
		}
		free(p);
		free(list[i]);
	}
	free(list);
	return rc == DYAD_OK && nread == 0 ? DYAD_EINVAL : rc;
}
