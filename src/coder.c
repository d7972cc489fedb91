/* The CAMEO event coder: words, actors (with agents, compounds, pronouns),
 * verbs and their patterns, then events; the TABARI model of a sentence
 * (shallow, no parse tree), see docs/coding.md. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "coder_int.h"
#include "dict_builtin.h"
#include "segment.h"

#define MAX_EVENTS 256  /* events of one sentence at most (bounds the duplicate check) */

void dyad_events_release(struct dyad_events *e)
{
	if (!e)
		return;
	free(e->ev);
	e->ev = NULL;
	e->n = e->cap = 0;
}

/* The table filters: for each kind, the bits of every entry's key word
 * (all bits when a stem shorter than three bytes could match anything). */
static int build_filters(struct dyad_coder *c)
{
	c->filt = calloc((size_t)DYAD_DK_COUNT * DYAD_FILT_WORDS, sizeof *c->filt);
	if (!c->filt)
		return -1;
	for (int k = 0; k < DYAD_DK_COUNT; k++) {
		uint64_t *f = c->filt + (size_t)k * DYAD_FILT_WORDS;
		const struct dyad_dict_entry *e = c->d->tab[k].ent.a;
		for (size_t i = 0; i < c->d->tab[k].ent.n; i++) {
			if (e[i].key >= e[i].n)
				continue;
			const struct dyad_dict_tok *t = &e[i].tok[e[i].key];
			if (!t->str || ((t->flags & DYAD_TF_STEM) && t->len < 3)) {
				memset(f, 0xff, DYAD_FILT_WORDS * sizeof *f);
				break;
			}
			uint16_t h = dyad_coder_fhash(t->str, t->len);
			f[h >> 6] |= (uint64_t)1 << (h & 63);
		}
	}
	return 0;
}

/* Might word i start a phrase of table kind? (No false "no".) */
static int maybe(const struct dyad_coder *c, enum dyad_dict_kind kind, size_t i)
{
	const uint64_t *f = c->filt + (size_t)kind * DYAD_FILT_WORDS;
	return f[c->wf[i] >> 6] >> (c->wf[i] & 63) & 1;
}

int dyad_coder_new(const struct dyad_dict *d, struct dyad_coder **out, struct dyad_err *err)
{
	*out = NULL;
	struct dyad_coder *c = calloc(1, sizeof *c);
	if (!c)
		return dyad_error(err, DYAD_ENOMEM, "out of memory for a coder");
	c->d = d;
	/* the dictionary's own options (.options SET:, COMMA:, DEFAULT:; a
	 * PETR_config.ini's [Options]) */
	struct dyad_coder_settings set;
	dyad_coder_settings_init(&set, 0);
	dyad_coder_dict_settings(d, &set);
	dyad_coder_settings_apply(c, &set);
	dyad_coder_style(c, DYAD_CODER_STYLE_AUTO);
	if (build_filters(c) || dyad_coder_compile(c) != DYAD_OK) {
		dyad_coder_free(c);
		return dyad_error(err, DYAD_ENOMEM, "out of memory compiling patterns");
	}
	*out = c;
	return DYAD_OK;
}

/* Does d hold dyad-format entries? The built-in set's files are named
 * "builtin:..."; a dyad file read from disk shows itself by a word in
 * capitals (DYAD_TF_CAPS, which other formats never set). */
static int dyad_dict(const struct dyad_dict *d)
{
	const char *const *files = d->files.a;
	for (size_t i = 0; i < d->files.n; i++)
		if (!strncmp(files[i], "builtin:", 8))
			return 1;
	const struct dyad_dict_entry *e = d->tab[DYAD_DK_ACTOR].ent.a;
	for (size_t i = 0; i < d->tab[DYAD_DK_ACTOR].ent.n; i++)
		for (uint16_t k = 0; k < e[i].n; k++)
			if (e[i].tok[k].flags & DYAD_TF_CAPS)
				return 1;
	return 0;
}

void dyad_coder_style(struct dyad_coder *c, enum dyad_coder_style style)
{
	if (style == DYAD_CODER_STYLE_AUTO) {
		style = DYAD_CODER_STYLE_PETRARCH;
		const char *const *files = c->d->files.a;
		for (size_t i = 0; i < c->d->files.n; i++) {
			size_t l = strlen(files[i]);
			if (l > 6 && !strcmp(files[i] + l - 6, ".verbs"))
				style = DYAD_CODER_STYLE_TABARI;
		}
		if (style != DYAD_CODER_STYLE_TABARI && dyad_dict(c->d))
			style = DYAD_CODER_STYLE_DYAD;
	}
	c->tabari = style == DYAD_CODER_STYLE_TABARI;
	c->dyad = style == DYAD_CODER_STYLE_DYAD;
}

void dyad_coder_free(struct dyad_coder *c)
{
	if (!c)
		return;
	free(c->orig);
	free(c->origbuf);
	free(c->lp);
	free(c->lpw);
	free(c->cp);
	free(c->filt);
	free(c->wf);
	free(c->synmask);
	free(c->synmask_last);
	free(c->bcp0);
	free(c->bncp);
	free(c->els);
	free(c->sp);
	free(c->fold);
	free(c->w);
	free(c->woff);
	free(c->wlen);
	free(c->caps);
	free(c->wm);
	free(c->wbit);
	free(c->wh);
	free(c->m);
	free(c->g);
	free(c);
}

void dyad_coder_options(struct dyad_coder *c, unsigned opts)
{
	c->opts = opts;
}

void dyad_coder_defaults(struct dyad_coder *c, const char *source, int prior, const char *target,
			 int after)
{
	snprintf(c->defsrc, sizeof c->defsrc, "%s", source ? source : "");
	snprintf(c->deftgt, sizeof c->deftgt, "%s", target ? target : "");
	c->def_prior = prior;
	c->def_after = after;
}

void dyad_coder_min_words(struct dyad_coder *c, unsigned n)
{
	c->min_words = n;
}

void dyad_coder_commas(struct dyad_coder *c, const struct dyad_coder_commas *cm)
{
	c->cm = *cm;
}

void dyad_coder_article(struct dyad_coder *c, int32_t date)
{
	c->date = date;
	c->discard_story = 0;
	c->last[0] = '\0';
	c->nlp = 0;
	c->lpwn = 0;
}

/* ---- Words --------------------------------------------------------------- */

static int grow(void **p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : 64;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * sz);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static int grow_words(struct dyad_coder *c, size_t need)
{
	if (need <= c->wcap)
		return 0;
	size_t n = c->wcap ? c->wcap : 64;
	while (n < need)
		n *= 2;
	void *a = realloc(c->w, n * sizeof *c->w);
	if (a)
		c->w = a;
	void *b = realloc(c->woff, n * sizeof *c->woff);
	if (b)
		c->woff = b;
	void *e = realloc(c->wlen, n * sizeof *c->wlen);
	if (e)
		c->wlen = e;
	void *f = realloc(c->caps, 2 * n); /* the second half: drop_asides() */
	if (f)
		c->caps = f;
	void *g = realloc(c->wm, n * sizeof *c->wm);
	if (g)
		c->wm = g;
	void *h = realloc(c->wbit, n * sizeof *c->wbit);
	if (h)
		c->wbit = h;
	void *k = realloc(c->wh, n * sizeof *c->wh);
	if (k)
		c->wh = k;
	void *l = realloc(c->wf, n * sizeof *c->wf);
	if (l)
		c->wf = l;
	if (!a || !b || !e || !f || !g || !h || !k || !l)
		return -1;
	c->wcap = n;
	return 0;
}

/* ---- Article-local people ------------------------------------------------ */

/* A code a person may carry: A-Z, 0-9, and TABARI's '~' and '/'. */
static int person_code_ok(const char *code)
{
	size_t l = code ? strlen(code) : 0;
	if (l == 0 || l > 23)
		return 0;
	for (size_t i = 0; i < l; i++)
		if (!isupper((unsigned char)code[i]) && !isdigit((unsigned char)code[i]) &&
		    code[i] != '~' && code[i] != '/')
			return 0;
	return 1;
}

/* Add words [w0, w1) of spans sp over name as one local person. */
static int person_add(struct dyad_coder *c, const char *name, const struct dyad_span *sp,
		      size_t w0, size_t w1, const char *code)
{
	size_t need = c->lpwn;
	for (size_t i = w0; i < w1; i++)
		need += 4 * (size_t)sp[i].len + 1;
	if (grow((void **)&c->lpw, &c->lpwcap, need, 1) ||
	    grow((void **)&c->lp, &c->lpcap, c->nlp + 1, sizeof *c->lp))
		return -1;
	struct lperson *p = &c->lp[c->nlp];
	p->at = (uint32_t)c->lpwn;
	p->nw = (uint16_t)(w1 - w0);
	p->cap = isupper((unsigned char)name[sp[w0].off]) != 0;
	snprintf(p->code, sizeof p->code, "%s", code);
	for (size_t i = w0; i < w1; i++)
		c->lpwn += dyad_dict_fold(name + sp[i].off, sp[i].len, c->lpw + c->lpwn,
					  c->lpwcap - c->lpwn) + 1;
	c->nlp++;
	return 0;
}

int dyad_coder_person(struct dyad_coder *c, const char *name, size_t n, const char *code)
{
	if (!person_code_ok(code))
		return DYAD_EINVAL;
	struct dyad_span *sp = NULL;
	size_t nsp = 0;
	if (dyad_tokens(name, n, &sp, &nsp) != DYAD_OK)
		return DYAD_ENOMEM;
	size_t nw = 0; /* words, punctuation left out ("J. Smith" is J SMITH) */
	for (size_t i = 0; i < nsp && nw < 16; i++) {
		unsigned char ch = (unsigned char)name[sp[i].off];
		if (isalnum(ch) || ch >= 0x80)
			sp[nw++] = sp[i];
	}
	int rc = DYAD_OK;
	if (nw == 0)
		rc = DYAD_EINVAL;
	else if (person_add(c, name, sp, 0, nw, code) ||
		 (nw > 1 && sp[nw - 1].len > 1 && person_add(c, name, sp, nw - 1, nw, code)))
		rc = DYAD_ENOMEM;
	free(sp);
	return rc;
}

/* The longest local person at word i: its words (0: none), *code set. */
static size_t local_person(const struct dyad_coder *c, size_t i, const char **code)
{
	size_t best = 0;
	for (size_t k = 0; k < c->nlp; k++) {
		const struct lperson *p = &c->lp[k];
		const char *w = c->lpw + p->at;
		if (p->nw <= best || i + p->nw > c->nw || w[0] != c->w[i][0] || (p->cap && !c->caps[i]))
			continue;
		size_t j = 0;
		for (; j < p->nw && !strcmp(w, c->w[i + j]); j++)
			w += strlen(w) + 1;
		if (j == p->nw) {
			best = p->nw;
			*code = p->code;
		}
	}
	return best;
}

static void add_word(struct dyad_coder *c, size_t at, uint32_t off, uint32_t len, int cap)
{
	c->w[c->nw] = c->fold + at;
	c->woff[c->nw] = off;
	c->wlen[c->nw] = len;
	c->caps[c->nw] = (uint8_t)cap;
	c->wm[c->nw] = -1;
	c->wbit[c->nw] = dyad_coder_wbit(c->fold + at, strlen(c->fold + at));
	c->smask |= c->wbit[c->nw];
	c->wh[c->nw] = dyad_coder_whash(c->fold + at, strlen(c->fold + at));
	c->wf[c->nw] = dyad_coder_fhash(c->fold + at, strlen(c->fold + at));
	c->nw++;
}

static int is(const struct dyad_coder *c, size_t i, const char *w);
static int is_any(const struct dyad_coder *c, size_t i, const char *const *set);
static int any_in(const struct dyad_coder *c, size_t from, size_t to, const char *const *set);
static int ends(const char *s, const char *suffix);
static int adjective(const struct dyad_coder *c, size_t i);
static int alpha(const struct dyad_coder *c, size_t i);
static int month_at(const struct dyad_coder *c, size_t i);
static int day_at(const struct dyad_coder *c, size_t i);
static int year_at(const struct dyad_coder *c, size_t i);

/* A word that may stand in a list of actors: capitalised, a determiner, "and",
 * or a TABARI <ADJECTIVE>. */
static int listy(const struct dyad_coder *c, size_t i)
{
	return c->caps[i] || is(c, i, "THE") || is(c, i, "AND") || is(c, i, "A") ||
	       is(c, i, "'S") || adjective(c, i);
}

static void compact(struct dyad_coder *c, const uint8_t *drop);

static int listy_span(const struct dyad_coder *c, size_t a, size_t b)
{
	/* a short item ending with a name may hold an unlisted adjective
	 * ("the awful Fornost") */
	int spare = b - a <= 4 && b > a && c->caps[b - 1] ? 1 : 0;
	for (size_t k = a; k < b; k++)
		if (!listy(c, k) && spare-- <= 0)
			return 0;
	return 1;
}

/* Words that open an adverbial clause before a sentence's subject ("In
 * 2008,", "On Monday,", "Last week,", "According to X,"). */
static const char *const openers[] = {
	"IN", "ON", "LAST", "EARLIER", "LATER", "AFTER", "BEFORE", "DURING", "SINCE", "AT", "WHEN",
	"YESTERDAY", "TODAY", "MEANWHILE", "HOWEVER", "SEPARATELY", "FOLLOWING", "AMID",
	"DESPITE", "ACCORDING", "LATE", "EARLY", "THIS", "ALSO", "UNDER", "FOR", "OVER",
	"THURSDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "FRIDAY", "SATURDAY", "SUNDAY",
	"IF", "UNLESS", NULL}; /* "If X attacks Y, Z will respond": no fact, nor Z's doing */

/* dyad and PETRARCH: drop such an opening clause up to its comma (1-12
 * words): its words are neither the subject nor the clause the comma rules
 * would otherwise drop as a final aside ("In 2008, X accused Y" is X's act;
 * PETRARCH's parse finds the subject after the comma too).
 * Returns the date the dropped words give (sentence_date), else the
 * article's. */
static int32_t sentence_date(const struct dyad_coder *c, size_t from, size_t to);
static int32_t drop_opening(struct dyad_coder *c)
{
	int32_t date = c->date;
	/* several in a row: "Later, in remarks at the party headquarters, X said" */
	for (int round = 0; round < 3 && is_any(c, 0, openers); round++) {
		size_t k = 1;
		while (k < c->nw && k <= 12 && !is(c, k, ","))
			k++;
		if (k > 12 || k + 2 >= c->nw)
			break;
		if (date == c->date)
			date = sentence_date(c, 0, k);
		uint8_t *drop = c->caps + c->wcap;
		memset(drop, 0, c->nw);
		memset(drop, 1, k + 1);
		compact(c, drop);
	}
	return date;
}

static const char *const reporting[] = {"SAID", "SAYS", "REPORTED", "ADDED", "NOTED", NULL};

/* Remove clauses set off by commas ("Gollum, centre of a row between X and
 * Y, called on Z"; ", a senior official said"), as TABARI does, within the
 * lengths of c->cm, unless the words read as an item of a list of actors
 * ("Mordor, the awful Fornost, and Gondor"). */
static void drop_asides(struct dyad_coder *c)
{
	const struct dyad_coder_commas *cm = &c->cm;
	size_t nc = 0, first = 0, last = 0;
	for (size_t i = 0; i < c->nw; i++)
		if (is(c, i, ",")) {
			if (!nc++)
				first = i;
			last = i;
		}
	if (!nc)
		return;
	uint8_t *drop = c->caps + c->wcap; /* scratch: the second half of caps */
	memset(drop, 0, c->nw);
	size_t end = c->nw;
	while (end > 0 && !alpha(c, end - 1) && !is(c, end - 1, ","))
		end--; /* the final full stop stays */
	/* initial */
	if (cm->bmax && (int)first >= cm->bmin && (int)first <= cm->bmax && !listy_span(c, 0, first))
		memset(drop, 1, first + 1);
	/* internal: commas pair up from the left */
	int after_list = 0;
	size_t i = first;
	while (i < c->nw) {
		size_t j = i + 1;
		while (j < c->nw && !is(c, j, ","))
			j++;
		if (j >= c->nw)
			break;
		int n = (int)(j - i - 1), list = listy_span(c, i + 1, j);
		if (cm->max && !list && !after_list && n >= cm->min && n <= cm->max) {
			memset(drop + i, 1, j - i);
			/* dyad: after a reporting aside (", the Foreign Office said
			 * on Tuesday,") the rest is a remark on the main clause (",
			 * a day after X met Y"), not its words */
			if (c->dyad && j < end && any_in(c, i + 1, j, reporting)) {
				memset(drop + j, 1, end - j);
				break;
			}
		}
		after_list = list;
		if (list) {
			i = j; /* a list goes on */
			continue;
		}
		i = j + 1;
		while (i < c->nw && !is(c, i, ","))
			i++;
	}
	/* terminal: a comma left over */
	int n = (int)(end - last - 1);
	size_t prev = 0; /* the comma before the last, or the start */
	for (size_t k = last; k-- > 0;)
		if (is(c, k, ",")) {
			prev = k + 1;
			break;
		}
	/* a reporting clause (", the news agency said on Friday.") goes
	 * even after a list ("between X and Y, and Z and W, ...") */
	int says = any_in(c, last + 1, end, reporting);
	int fits = cm->emax && n >= cm->emin && n <= cm->emax;
	if (c->dyad && says && n >= cm->emin && n <= 24)
		fits = 1; /* ", the State Department said in its annual report to ..." */
	if (fits && i == last && end < c->nw && !listy_span(c, last + 1, end) &&
	    (says || !listy_span(c, prev, last)))
		memset(drop + last, 1, end - last);
	compact(c, drop);
}

/* Keep the words whose drop[] byte is 0. */
static void compact(struct dyad_coder *c, const uint8_t *drop)
{
	size_t out = 0;
	for (size_t k = 0; k < c->nw; k++) {
		if (drop[k])
			continue;
		c->w[out] = c->w[k];
		c->woff[out] = c->woff[k];
		c->wlen[out] = c->wlen[k];
		c->caps[out] = c->caps[k];
		c->wm[out] = c->wm[k];
		c->wbit[out] = c->wbit[k];
		c->wh[out] = c->wh[k];
		c->wf[out] = c->wf[k];
		out++;
	}
	c->nw = out;
}

/* Tokenise and fold s; "Gondor's" gives GONDOR and 'S. */
static int words(struct dyad_coder *c, const char *s, size_t n)
{
	free(c->sp);
	c->sp = NULL;
	if (dyad_tokens(s, n, &c->sp, &c->nsp) != DYAD_OK)
		return -1;
	size_t need = 0;
	for (size_t i = 0; i < c->nsp; i++)
		need += 4 * (size_t)c->sp[i].len + 4;
	if (grow((void **)&c->fold, &c->fold_cap, need + 1, 1) || grow_words(c, 2 * c->nsp + 1))
		return -1;
	size_t at = 0;
	c->nw = 0;
	c->smask = 0;
	c->nwords = 0;
	for (size_t i = 0; i < c->nsp; i++) {
		const char *t = s + c->sp[i].off;
		uint32_t len = c->sp[i].len;
		size_t fl = dyad_dict_fold(t, len, c->fold + at, c->fold_cap - at);
		int cap = (unsigned char)t[0] >= 'A' && (unsigned char)t[0] <= 'Z';
		if (isalnum((unsigned char)t[0]) || (unsigned char)t[0] >= 0x80)
			c->nwords++;
		char *f = c->fold + at;
		size_t cut = 0;
		if (fl > 2 && f[fl - 1] == 'S' && f[fl - 2] == '\'')
			cut = 2;
		else if (fl > 4 && f[fl - 1] == 'S' && !memcmp(f + fl - 4, "\xE2\x80\x99", 3))
			cut = 4;
		else if (fl > 2 && f[fl - 1] == '\'')
			cut = 1;
		if (!c->tabari && fl > 3 && !strcmp(f + fl - 3, "N'T")) {
			/* PETRARCH writes contractions as TreeBank does: DID N'T */
			f[fl - 3] = '\0';
			add_word(c, at, c->sp[i].off, len - 3, cap);
			at += fl - 3 + 1;
			memcpy(c->fold + at, "N'T", 4);
			add_word(c, at, c->sp[i].off + len - 3, 3, 0);
			at += 4;
			continue;
		}
		if (cut) {
			f[fl - cut] = '\0';
			add_word(c, at, c->sp[i].off, (uint32_t)(len - cut), cap);
			at += fl - cut + 1;
			memcpy(c->fold + at, "'S", 3);
			add_word(c, at, c->sp[i].off + len - (uint32_t)cut, (uint32_t)cut, 0);
			at += 3;
			continue;
		}
		if (fl == 1 && f[0] == '_')
			continue; /* "Dol_Amroth" as the dictionaries write it */
		if (fl == 1 && f[0] == '-' && c->nw && i > 0 &&
		    c->sp[i - 1].off + c->sp[i - 1].len == c->sp[i].off &&
		    (i + 1 == c->nsp || c->sp[i + 1].off > c->sp[i].off + 1)) {
			/* "anti- Gondor": the dictionaries' ANTI- */
			char *prev = (char *)c->w[c->nw - 1];
			size_t pl = strlen(prev);
			if (prev + pl + 1 == c->fold + at) {
				prev[pl] = '-';
				prev[pl + 1] = '\0';
				at++;
				c->wlen[c->nw - 1]++;
				c->wbit[c->nw - 1] = dyad_coder_wbit(prev, pl + 1);
				c->wh[c->nw - 1] = dyad_coder_whash(prev, pl + 1);
				c->wf[c->nw - 1] = dyad_coder_fhash(prev, pl + 1);
				continue;
			}
		}
		add_word(c, at, c->sp[i].off, len, cap);
		at += fl + 1;
	}
	return 0;
}

/* dyad: the words as written in s, NUL-terminated, for dyad_dict_case_ok(). */
static int orig_words(struct dyad_coder *c, const char *s)
{
	size_t need = 0;
	for (size_t i = 0; i < c->nw; i++)
		need += c->wlen[i] + 1;
	if (grow((void **)&c->origbuf, &c->origcap, need + 1, 1) ||
	    grow((void **)&c->orig, &c->orignw, c->nw + 1, sizeof *c->orig))
		return -1;
	char *p = c->origbuf;
	for (size_t i = 0; i < c->nw; i++) {
		memcpy(p, s + c->woff[i], c->wlen[i]);
		p[c->wlen[i]] = '\0';
		c->orig[i] = p;
		p += c->wlen[i] + 1;
	}
	return 0;
}

static int is(const struct dyad_coder *c, size_t i, const char *w)
{
	return i < c->nw && !strcmp(c->w[i], w);
}

static int is_any(const struct dyad_coder *c, size_t i, const char *const *set)
{
	for (; *set; set++)
		if (is(c, i, *set))
			return 1;
	return 0;
}

/* 1 when one of words [from, to) is in set. */
static int any_in(const struct dyad_coder *c, size_t from, size_t to, const char *const *set)
{
	for (size_t k = from; k < to; k++)
		if (is_any(c, k, set))
			return 1;
	return 0;
}

/* 1 when s ends with suffix ("PRKGOV" with "GOV", "CRITICISED" with "ED"). */
static int ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), l = strlen(suffix);
	return n >= l && !strcmp(s + n - l, suffix);
}

static int alpha(const struct dyad_coder *c, size_t i)
{
	unsigned char ch = (unsigned char)c->w[i][0];
	return (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

/* ---- Endings ------------------------------------------------------------
 * TABARI lists verbs by root ("DEPART_") and agents in the singular; it
 * accepts the regular endings, which dyad tries when the word itself fails. */

static const char *const verb_endings[] = {"ING", "ED", "ES", "EN", "S", "D", NULL};
static const char *const noun_endings[] = {"IES", "ES", "S", NULL};

static int agent_fn(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
		    size_t pos, struct dyad_dict_match *m)
{
	return dyad_dict_agent_match(d, tokens, ntokens, pos, m);
}

static int actor_fn(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
		    size_t pos, struct dyad_dict_match *m)
{
	return dyad_dict_match(d, DYAD_DK_ACTOR, tokens, ntokens, pos, m);
}

/* TABARI actor and verb phrases allow words between words written with a
 * space ("PRINCE DOL_AMROTH" in "the Prince of Dol Amroth", "DEATH TOLL
 * RISEN" in "death toll has risen"); the dictionary's matcher wants them
 * consecutive, so these are tried here: up to four words between (Al "The
 * Weasel" Gore), none where the phrase has '_'. */
static int gapped(struct dyad_coder *c, enum dyad_dict_kind kind, size_t i,
		  struct dyad_dict_match *m)
{
	const struct dyad_dict_entry *e;
	size_t ne = dyad_dict_lookup(c->d, kind, c->w[i], strlen(c->w[i]), &e);
	size_t best = 0;
	for (size_t k = 0; k < ne; k++) {
		if (e[k].key != 0 || e[k].n < 2)
			continue;
		size_t pos = i + 1;
		uint16_t j = 1;
		for (; j < e[k].n; j++) {
			const struct dyad_dict_tok *t = &e[k].tok[j];
			int tight = (e[k].tok[j - 1].flags & DYAD_TF_JOINED) != 0;
			size_t lim = tight ? 1 : 5, g = 0;
			for (; g < lim && pos + g < c->nw; g++)
				if (dyad_coder_wordeq(c->w[pos + g], t->str, t->len,
						      (t->flags & DYAD_TF_STEM) != 0))
					break;
			if (g == lim || pos + g >= c->nw)
				break;
			pos += g + 1;
		}
		if (j == e[k].n && pos - i > best) {
			best = pos - i;
			m->entry = &e[k];
			m->start = i;
			m->len = best;
		}
	}
	return best > 0;
}

typedef int match_fn(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
		     size_t pos, struct dyad_dict_match *m);

static int verb_fn(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
		   size_t pos, struct dyad_dict_match *m)
{
	const struct dyad_dict_verb *vb;
	return dyad_dict_verb_match(d, tokens, ntokens, pos, m, &vb);
}

/* fn at word i with one of endings removed (and the root's final E put
 * back, a doubled consonant undone); 1 on a match. */
static int match_root_at(struct dyad_coder *c, size_t i, size_t at, const char *const *endings,
			 match_fn *fn, struct dyad_dict_match *m);

static int match_root(struct dyad_coder *c, size_t i, const char *const *endings, match_fn *fn,
		      struct dyad_dict_match *m)
{
	return match_root_at(c, i, i, endings, fn, m);
}

/* As match_root(), the ending removed from word at (a later word of the phrase). */
static int match_root_at(struct dyad_coder *c, size_t i, size_t at, const char *const *endings,
			 match_fn *fn, struct dyad_dict_match *m)
{
	const char *w = c->w[at];
	size_t l = strlen(w);
	if (l >= sizeof c->scratch - 2)
		return 0;
	int found = 0;
	for (const char *const *e = endings; *e && !found; e++) {
		size_t el = strlen(*e);
		if (l < el + 3 || strcmp(w + l - el, *e))
			continue;
		size_t r = l - el;
		memcpy(c->scratch, w, r);
		int tries = 1;
		char alt[3] = {0};
		if (!strcmp(*e, "IES")) {
			alt[0] = 'Y';
		} else if (r >= 2 && w[r - 1] == w[r - 2]) {
			tries = 2; /* BANNED: BANN, then BAN */
		} else if (el >= 2) {
			alt[0] = 'E'; /* DEPLORED: DEPLOR, then DEPLORE */
			tries = 2;
		}
		for (int t = 0; t < tries && !found; t++) {
			size_t rl = r;
			if (t == 1 && !alt[0])
				rl = r - 1;
			memcpy(c->scratch, w, rl);
			c->scratch[rl] = '\0';
			if (alt[0] && (t == 1 || !strcmp(*e, "IES"))) {
				c->scratch[rl] = alt[0];
				c->scratch[rl + 1] = '\0';
			}
			c->w[at] = c->scratch;
			found = fn(c->d, c->w, c->nw, i, m) && m->start + m->len > at;
			c->w[at] = w;
		}
	}
	return found;
}

/* ---- Actors -------------------------------------------------------------- */

struct item {
	uint32_t start, end;
	uint8_t agent, before, used;
	const char *code;
};

static const char *const pronouns[] = {"HE", "SHE", "IT", "THEY", "HIM", "THEM", NULL};
/* dyad: in news "it" is a company, a plan, a cleft ("it is striking that")
 * far more often than a country; "the country" still refers */
static const char *const dyad_pronouns[] = {"HE", "SHE", "THEY", "HIM", "THEM", NULL};
static const char *const it_verbs[] = {"IS", "WAS", "'S", "HAS", "HAD", "WILL", "WOULD", "MAY",
				       "MIGHT", "SEEMS", "SEEMED", "REMAINS", "TOOK", "TAKES", NULL};
static const char *const the_nouns[] = {"COUNTRY", "NATION", NULL};
static const char *const of_words[] = {"OF", "THE", "FROM", "FOR", "IN", NULL};

/* Append s to a code buffer of 24 bytes, truncating. */
static void cat(char *code, const char *s)
{
	size_t n = strlen(code), l = strlen(s);
	if (n + l > 23)
		l = 23 - n;
	memcpy(code + n, s, l);
	code[n + l] = '\0';
}

static int add_one(struct dyad_coder *c, uint32_t start, uint32_t end, const char *code,
		   size_t clen, const char *suffix, int before)
{
	if (grow((void **)&c->m, &c->mcap, c->nm + 1, sizeof *c->m))
		return -1;
	struct mention *m = &c->m[c->nm];
	m->start = start;
	m->end = end;
	m->group = 0;
	m->seq = (uint32_t)c->nm;
	m->code[0] = '\0';
	char base[24];
	snprintf(base, sizeof base, "%.*s", (int)(clen < 23 ? clen : 23), code);
	if (suffix && before && strncmp(base, suffix, strlen(suffix)))
		cat(m->code, suffix); /* NGM~ on NGM: NGM once */
	cat(m->code, base);
	memcpy(m->base, base, sizeof m->base);
	if (suffix && !before && !ends(base, suffix)) /* no GOVGOV */
		cat(m->code, suffix);
	m->off = c->woff[start];
	m->len = c->woff[end - 1] + c->wlen[end - 1] - m->off;
	for (uint32_t i = start; i < end; i++)
		c->wm[i] = (int32_t)c->nm;
	c->nm++;
	return 0;
}

/* dyad: 1 when code names a state's actor ("PAK", "USAGOV", "AFGINS"), 0
 * for CAMEO's international and transnational prefixes ("IGOWSTNAT",
 * "NGO...", "IMGAQ"): those have no government, army or spokesman of their
 * own, so a role does not extend the code and "the government" does not
 * refer back to them. */
static int state_code(const char *code)
{
	static const char *const intl[] = {"IGO", "NGO", "IMG", "MNC", "UIS", "NGM", NULL};
	for (size_t i = 0; intl[i]; i++)
		if (!strncmp(code, intl[i], 3))
			return 0;
	return code[0] != '\0';
}

/* A mention of words [start, end): code, with the agent code suffix after
 * it (or before it); "FRO/BIL/SAM" (one name for several actors) gives a
 * mention per code, over the same words. */
static int add_mention(struct dyad_coder *c, uint32_t start, uint32_t end, const char *code,
		       const char *suffix, int before)
{
	for (;;) {
		size_t l = strcspn(code, "/");
		if (l && add_one(c, start, end, code, l, suffix, before))
			return -1;
		if (!code[l])
			return 0;
		code += l + 1;
	}
}

/* Gap words allowed between an actor and its agent ("Gondor's first deputy"). */
static int agent_gap_ok(const struct dyad_coder *c, uint32_t a, uint32_t b, int after)
{
	if (!after && !c->tabari && b - a <= 4 && is(c, a, "'S")) {
		/* PETRARCH reads "Dagolath's first deputy prime minister" as
		 * one noun phrase: a word or two may stand between, or two
		 * joined by "and" ("Zembla's new and untried minister") */
		for (uint32_t i = a + 1; i < b; i++)
			if (!alpha(c, i) || ((is(c, i, "AND") || is(c, i, "OR")) !=
					     (b - a == 4 && i == a + 2)))
				return 0;
		return 1;
	}
	if (b - a > 2)
		return 0;
	for (uint32_t i = a; i < b; i++)
		if (after ? !is_any(c, i, of_words) : !is(c, i, "'S"))
			return 0;
	return 1;
}

/* Lower-case words that may follow an actor that is a sentence's subject or
 * object ("Iran and", "Iran has", "Iran on Monday"). */
static const char *const function_words[] = {
	"AND", "OR", "NOR", "BUT", "THE", "A", "AN", "OF", "IN", "ON", "AT", "TO", "FOR", "FROM",
	"WITH", "BY", "AS", "OVER", "AGAINST", "INTO", "AFTER", "BEFORE", "SINCE", "UNTIL",
	"DURING", "ABOUT", "THAN", "THAT", "WHICH", "WHO", "WHOSE", "WHEN", "WHERE", "WHILE",
	"IF", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "HAS", "HAVE", "HAD", "WILL", "WOULD",
	"CAN", "COULD", "MAY", "MIGHT", "MUST", "SHALL", "SHOULD", "DOES", "DID", "DO", "NOT",
	"ALSO", "STILL", "NOW", "THEN", "YESTERDAY", "TODAY", "LAST", "THIS", "NEXT", "ITSELF",
	"ALONE", "TOO", "AGAIN", "ALREADY", "SAID", "SAYS", "SAY", "TOLD", "SAYING",
	"WITHIN", "WITHOUT", "AMID", "AMONG", "ACROSS", "ALONG", "AROUND", "BETWEEN", "BEYOND",
	"NEAR", "INSIDE", "OUTSIDE", "THROUGH", "TOWARD", "TOWARDS", "UNDER", "UPON", "VIA",
	"DESPITE", "SOON", "LATER", "EARLIER", "TOGETHER", "HERE", "THERE", "TOMORROW",
	"TONIGHT", "OVERNIGHT", "ONCE", "TWICE", "INSTEAD", "EITHER", "NEITHER",
	/* places and assets that stand for their country ("shelled Indian positions") */
	"POSITIONS", "POSTS", "TERRITORY", "TARGETS", "SOIL", "BORDER", "AIRSPACE", "WATERS",
	"TOWNS", "VILLAGES", "CITIES", "BASES", "BASE", "INTERESTS", "SHIPS", "VESSELS", "AIRCRAFT",
	"EMBASSY", "NATIONALS", "POSITION", "POLICY", "DECISION", "STANCE", NULL};

/* dyad: an actor with the bare country code before a lower-case word that
 * is no agent, no verb and no function word modifies a noun that is not
 * an actor ("Russian claims", "Chinese imports", "Iran nuclear deal"). */
static int modifier(const struct dyad_coder *c, const struct item *it, size_t nit, size_t k)
{
	const struct item *x = &it[k];
	size_t e = x->end;
	if (strlen(x->code) != 3 || e >= c->nw || c->caps[e] || !alpha(c, e))
		return 0;
	if (k + 1 < nit && it[k + 1].start == e)
		return 0; /* an agent or another actor follows */
	size_t l = strlen(c->w[e]);
	if (is_any(c, e, function_words) || (l > 4 && !strcmp(c->w[e] + l - 2, "LY")))
		return 0; /* "Iran and", "Iran strongly condemned" */
	struct dyad_dict_match vm;
	const struct dyad_dict_verb *vb;
	return !dyad_dict_verb_match(c->d, c->w, c->nw, e, &vm, &vb);
}

static int dash_or_colon(const struct dyad_coder *c, size_t i)
{
	const char *w = c->w[i];
	return !strcmp(w, "-") || !strcmp(w, ":") || !strcmp(w, "\xE2\x80\x94") ||
	       !strcmp(w, "\xE2\x80\x93");
}

/* dyad: the end of a dateline opening sentence s ("HANOI, Vietnam (AP) -",
 * "NEW DELHI:", "New Delhi:", "Washington, Oct 21 (SAD)", "Pishin, May 18,
 * 2023 (AFP)"): a place, then up to a dash, a colon or the outlet's closing
 * parenthesis; 0 when there is none. */
static size_t dateline_end(const struct dyad_coder *c, const char *s)
{
	size_t i = 0;
	int upper = 1; /* every word of the place in capitals */
	for (; i < c->nw && alpha(c, i) && c->caps[i] && !dash_or_colon(c, i); i++) {
		if (c->wlen[i] < 2)
			return 0;
		for (uint32_t k = 0; k < c->wlen[i] && upper; k++)
			upper = !islower((unsigned char)s[c->woff[i] + k]);
		if (!upper && i >= 3)
			return 0; /* a title-case place has at most three words */
	}
	if (i == 0 || i >= c->nw)
		return 0;
	if (upper) {
		for (size_t j = i; j < c->nw && j < i + 8; j++)
			if (dash_or_colon(c, j))
				return j + 1;
		return is(c, i, ",") ? i + 1 : 0;
	}
	if (is(c, i, ":"))
		return i + 1; /* "New Delhi: President Trump warned ..." */
	/* "Washington, Oct 21 (SAD) The United States ..." */
	if (!is(c, i, ",") || !month_at(c, i + 1) || !day_at(c, i + 2))
		return 0;
	size_t e = i + 3;
	if (is(c, e, ",") && year_at(c, e + 1))
		e += 2;
	if (e < c->nw && dash_or_colon(c, e))
		return e + 1;
	if (is(c, e, "(")) {
		for (size_t j = e + 1; j < c->nw && j < e + 6; j++)
			if (is(c, j, ")"))
				return j + 1;
		return 0;
	}
	return e;
}

/* dyad: a dateline's words go before anything else: its places name no
 * actor, and its comma ("Islamabad, Oct 13") is no aside's. */
static void drop_dateline(struct dyad_coder *c, const char *s)
{
	size_t dl = dateline_end(c, s);
	if (!dl || dl + 2 >= c->nw)
		return;
	uint8_t *drop = c->caps + c->wcap;
	memset(drop, 0, c->nw);
	memset(drop, 1, dl);
	compact(c, drop);
}

/* dyad: stacked agents ("the Pakistani army's chief of staff", "a
 * spokesman for the Indian foreign ministry"): the first agent joined to
 * the actor gives the code, the others join the mention's words [*s, *e)
 * so that they stand for no one else ("the spokesman" alone would take the
 * actor named last). */
static void stack_agents(struct dyad_coder *c, struct item *it, size_t nit, size_t k, uint32_t *s,
			 uint32_t *e)
{
	for (size_t j = k + 1; j < nit && it[j].start <= *e + 1; j++)
		if (it[j].agent && it[j].start >= *e && !it[j].used &&
		    agent_gap_ok(c, *e, it[j].start, 0) && (it[j].start == *e || is(c, *e, "'S"))) {
			it[j].used = 1;
			*e = it[j].end;
		}
	for (size_t j = k; j-- > 0;) {
		if (it[j].end > *s || !it[j].agent || it[j].used || !agent_gap_ok(c, it[j].end, *s, 1))
			break;
		it[j].used = 1;
		*s = it[j].start;
	}
}

/* dyad: word i, not a past form or a gerund, ends a noun phrase: a
 * determiner up to three lower-case words before it, no actor, function
 * word or punctuation between ("a deadly border strike lead Pakistan to"). */
static int noun_phrase_end(const struct dyad_coder *c, size_t i)
{
	static const char *const det[] = {"A", "AN", "THE", "ITS", "THEIR", "HIS", "HER", NULL};
	static const char *const clause_words[] = {
		"AND", "OR", "BUT", "TO", "NOT", "THAT", "WHO", "WHICH", "WILL", "WOULD", "CAN",
		"COULD", "MAY", "MIGHT", "MUST", "SHALL", "SHOULD", "DO", "DOES", "DID", "ALSO", NULL};
	if (strlen(c->w[i]) < 4 || ends(c->w[i], "ED") || ends(c->w[i], "ING"))
		return 0;
	for (size_t k = i; k-- > 0 && i - k <= 3;) {
		if (is_any(c, k, det))
			return k + 1 < i;
		if (!alpha(c, k) || c->caps[k] || c->wm[k] >= 0 || is_any(c, k, clause_words))
			return 0;
	}
	return 0;
}

/* The mention ending at or before word i that starts last, or -1; with
 * bare, only a country or an organisation ("its" is no person's). */
static long mention_before(const struct dyad_coder *c, size_t i, int bare)
{
	long o = -1;
	for (size_t j = 0; j < c->nm; j++)
		if (c->m[j].end <= i && (o < 0 || c->m[j].start > c->m[o].start) &&
		    (!bare || strlen(c->m[j].code) == 3 || !state_code(c->m[j].code)))
			o = (long)j;
	return o;
}

/* dyad: an agent after "its" or "their" ("withdraw its forces from
 * Afghanistan") belongs to an actor named before, not to one after it. */
static int owned(const struct dyad_coder *c, size_t i)
{
	return i > 0 && is_any(c, i - 1, (const char *const[]){"ITS", "THEIR", NULL});
}

static int find_actors(struct dyad_coder *c, struct item *it, size_t nit)
{
	c->nm = 0;
	for (size_t k = 0; k < nit; k++) {
		struct item *x = &it[k];
		if (x->agent || x->used)
			continue;
		if (!strcmp(x->code, "---"))
			continue; /* a known name that is no actor */
		if (c->dyad && modifier(c, it, nit, k))
			continue; /* "Russian claims", "Iran nuclear deal" */
		/* an agent just after ("Gondor's prime minister") or just before
		 * through "of" ("the ambassadors of Arnor") */
		const char *suffix = NULL;
		int before = 0;
		char bare[4] = {0};
		uint32_t s = x->start, e = x->end;
		if (k + 1 < nit && it[k + 1].agent && !it[k + 1].used &&
		    agent_gap_ok(c, x->end, it[k + 1].start, 0)) {
			suffix = it[k + 1].code;
			before = it[k + 1].before;
			e = it[k + 1].end;
			it[k + 1].used = 1;
		} else if (k > 0 && it[k - 1].agent && !it[k - 1].used &&
			   agent_gap_ok(c, it[k - 1].end, x->start, 1) &&
			   !(c->dyad && owned(c, it[k - 1].start))) {
			/* dyad: a title before a person with a role of the day
			 * ("Vice President Biden" after 2017 is USAELI, not
			 * USAELIGOV): the person's code says it all */
			suffix = it[k - 1].code;
			if (c->dyad && strlen(x->code) >= 6) {
				size_t l = strlen(x->code);
				int former = it[k - 1].start > 0 && is(c, it[k - 1].start - 1, "FORMER");
				if (strcmp(x->code + l - 3, "ELI") || former)
					suffix = NULL;
				else
					memcpy(bare, x->code, 3); /* the title tells more than ELI */
			}
			before = it[k - 1].before;
			s = it[k - 1].start;
			it[k - 1].used = 1;
		}
		if (c->dyad && suffix)
			stack_agents(c, it, nit, k, &s, &e);
		if (c->dyad && suffix && !strcmp(suffix, "GOV") && !state_code(x->code))
			suffix = NULL; /* "a NATO spokesman" is NATO */
		if (c->dyad && suffix && strlen(x->code) >= 6 && !ends(x->code, "ELI"))
			suffix = NULL; /* "Taliban fighters", "TTP commanders": the role is known */
		if (add_mention(c, s, e, bare[0] ? bare : x->code, suffix, before))
			return -1;
	}
	/* agents alone: "the government" is the last actor's */
	for (size_t k = 0; k < nit; k++) {
		struct item *x = &it[k];
		if (!x->agent || x->used)
			continue;
		/* "Danish media and government", "Syrian troops and police":
		 * an agent after "and" shares the actor of the agent before */
		int shared = 0;
		for (size_t j = 0; j < c->nm && x->start > 1 && is(c, x->start - 1, "AND"); j++) {
			const struct mention *p = &c->m[j];
			if (p->end + 1 != x->start || !strcmp(p->code, p->base))
				continue;
			char base[24];
			memcpy(base, p->base, sizeof base);
			if (add_mention(c, x->start, x->end, base, x->code, x->before))
				return -1;
			shared = 1;
		}
		if (shared)
			continue;
		if (c->opts & (DYAD_CODER_CONVERT_AGENT | DYAD_CODER_NO_DYAD)) {
			const char *anon = c->opts & DYAD_CODER_CONVERT_AGENT ? "~" : "---";
			if (add_mention(c, x->start, x->end, anon, x->code, x->before))
				return -1;
			continue;
		}
		if (c->dyad && owned(c, x->start) && c->nm && c->m[0].start < x->start) {
			/* the owner is the country or organisation named last
			 * before: the subject's own ("the United States will
			 * withdraw its forces") is no one else, another's
			 * ("shelled India and its army") */
			long o = mention_before(c, x->start, 1);
			if (o <= 0 || !state_code(c->m[o].base))
				continue;
			char base[4] = {0};
			memcpy(base, c->m[o].base, 3);
			if (add_mention(c, x->start - 1, x->end, base, x->code, x->before))
				return -1;
			continue;
		}
		if (x->start == 0 || !is_any(c, x->start - 1, (const char *const[]){"THE", "ITS", NULL}))
			continue;
		/* dyad: at the head of a reported clause, the actor named last
		 * before it in the sentence ("A U.S. embassy statement said the
		 * envoy had asked Pakistan"), else the one named last in the
		 * article ("Muttaqi told the envoy") */
		long o = c->dyad && x->start > 1 &&
				 is_any(c, x->start - 2, (const char *const[]){"SAID", "SAYS", "THAT", NULL})
			 ? mention_before(c, x->start, 0) : -1;
		const char *owner = o >= 0 && state_code(c->m[o].base) ? c->m[o].base : c->last;
		if (!owner[0] || (c->dyad && !state_code(owner)))
			continue;
		char base[4] = {0};
		memcpy(base, owner, strnlen(owner, 3));
		if (add_mention(c, x->start - 1, x->end, base, x->code, x->before))
			return -1;
	}
	return 0;
}

/* TABARI <ADJECTIVE> words may stand inside a compound ("the evil Gondor"). */
static int adjective(const struct dyad_coder *c, size_t i)
{
	struct dyad_dict_match m;
	return dyad_dict_count(c->d, DYAD_DK_ADJ) && maybe(c, DYAD_DK_ADJ, i) &&
	       dyad_dict_match(c->d, DYAD_DK_ADJ, c->w, c->nw, i, &m) && m.len == 1;
}

static int cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;
	if (x->start != y->start)
		return (x->start > y->start) - (x->start < y->start);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Pronouns and "the country" take the actor named last. */
static int pronouns_in(struct dyad_coder *c)
{
	for (size_t i = 0; i < c->nw; i++) {
		if (c->wm[i] >= 0)
			continue;
		size_t e = 0;
		if (is_any(c, i, c->dyad ? dyad_pronouns : pronouns))
			e = i + 1;
		else if (c->dyad && i == 0 && is(c, 0, "IT") && !is_any(c, 1, it_verbs))
			e = 1; /* "It also criticised Gondor": the subject before */
		else if (is(c, i, "THE") && is_any(c, i + 1, the_nouns) && c->wm[i + 1] < 0)
			e = i + 2;
		if (!e)
			continue;
		/* the subject named first in the sentence (TABARI), else the
		 * actor named last in the article */
		if (c->ng && c->g[0].start < i) {
			char codes[8][24];
			uint32_t n = c->g[0].nm < 8 ? c->g[0].nm : 8;
			for (uint32_t k = 0; k < n; k++)
				memcpy(codes[k], c->m[c->g[0].m0 + k].code, 24);
			for (uint32_t k = 0; k < n; k++)
				if (add_one(c, (uint32_t)i, (uint32_t)e, codes[k], strlen(codes[k]), NULL, 0))
					return -1;
		} else if (c->last[0] &&
			   add_one(c, (uint32_t)i, (uint32_t)e, c->last, strlen(c->last), NULL, 0)) {
			return -1;
		}
	}
	return 0;
}

/* PETRARCH: "the ambassadors of Arnor, Osgiliath and Gondor" are all
 * ambassadors (TABARI gives the agent to the first actor only). */
static void share_agents(struct dyad_coder *c)
{
	for (size_t k = 0; k < c->ng; k++) {
		const struct group *g = &c->g[k];
		if (g->nm < 2)
			continue;
		const struct mention *f = &c->m[g->m0];
		size_t lb = strlen(f->base);
		if (strlen(f->code) <= lb || strncmp(f->code, f->base, lb))
			continue;
		for (uint32_t j = 1; j < g->nm; j++) {
			struct mention *o = &c->m[g->m0 + j];
			const char *suf = f->code + lb;
			if (!strcmp(o->code, o->base) && o->start != f->start &&
			    !ends(o->code, suf) && /* no PRKGOVGOV */
			    (!c->dyad || strlen(o->code) == 3)) /* dyad: "Afghan officials and the Taliban" */
				cat(o->code, suf);
		}
	}
}

/* Is word i a verb form of the dictionary? */
static int is_verb(const struct dyad_coder *c, size_t i)
{
	struct dyad_dict_match vm;
	const struct dyad_dict_verb *vb;
	return maybe(c, DYAD_DK_VERB, i) && dyad_dict_verb_match(c->d, c->w, c->nw, i, &vm, &vb);
}

/* Mentions joined by "and" or commas form compound groups. */
static int make_groups(struct dyad_coder *c)
{
	if (c->nm)
		qsort(c->m, c->nm, sizeof *c->m, cmp_mention);
	/* "Bree Prime Minister Romendacil": a name right after a mention of
	 * the same country is the same actor */
	size_t out = 0;
	for (size_t k = 0; k < c->nm; k++) {
		struct mention *p = out ? &c->m[out - 1] : NULL;
		if (p && c->m[k].start == p->end && c->m[k].start != p->start &&
		    !strncmp(c->m[k].base, p->base, 3) && strlen(p->code) > strlen(p->base)) {
			/* dyad: the person's code of the day ("former Prime
			 * Minister Stephen Harper" is CANELI, not CANGOV) */
			size_t pl = strlen(c->m[k].code);
			int eli = pl > 3 && !strcmp(c->m[k].code + pl - 3, "ELI");
			int former = p->start > 0 && (is(c, p->start - 1, "FORMER") ||
						      is(c, p->start, "FORMER"));
			/* ...but a title before a person the dictionary knows
			 * no role for on the day tells more ("U.S. Defense
			 * Secretary Mark Esper") unless it says "former" */
			if (c->dyad && pl > 3 && (!eli || former)) {
				memcpy(p->code, c->m[k].code, sizeof p->code);
				memcpy(p->base, c->m[k].base, sizeof p->base);
			}
			p->end = c->m[k].end;
			p->len = c->m[k].off + c->m[k].len - p->off;
			continue;
		}
		/* "Chinese President Xi": an adjective (the bare country code)
		 * right before a name of that country is part of the name */
		if (p && c->m[k].start == p->end && c->m[k].start != p->start &&
		    strlen(p->code) == 3 && !strcmp(p->code, p->base) &&
		    !strncmp(c->m[k].code, p->code, 3) && strlen(c->m[k].code) > 3 &&
		    (k + 1 == c->nm || c->m[k + 1].start != c->m[k].start)) {
			uint32_t s0 = p->start, off = p->off;
			*p = c->m[k];
			p->start = s0;
			p->len = p->off + p->len - off;
			p->off = off;
			continue;
		}
		c->m[out++] = c->m[k];
	}
	c->nm = out;
	for (size_t k = 0; k < c->nm; k++)
		for (uint32_t i = c->m[k].start; i < c->m[k].end; i++)
			c->wm[i] = (int32_t)k;
	c->ng = 0;
	for (size_t k = 0; k < c->nm; k++) {
		int join = 0;
		if (k > 0 && c->m[k].start == c->m[k - 1].start) {
			join = 1; /* one name, several codes; "they" */
		} else if (k > 0) {
			uint32_t a = c->m[k - 1].end, b = c->m[k].start;
			join = b > a && b - a <= 4;
			int conj = 0, adj = 0;
			for (uint32_t i = a; i < b && join; i++) {
				if (is(c, i, ",") || is(c, i, "AND") || is(c, i, "NOR"))
					conj = 1;
				else if (adjective(c, i))
					adj = 1;
				else if (!c->tabari && i + 2 >= b && !c->caps[i] && alpha(c, i) && conj &&
					 !is_verb(c, i))
					; /* PETRARCH has no adjective list: "and good Gondor",
					   "and the war-weary poor Gondor" (not "Gondor,
					   accused Mordor" once an aside went) */
				else if (!is(c, i, "THE"))
					join = 0;
			}
			/* "the evil Arnor awful Gondor": TABARI adjectives link too */
			join = join && (conj || adj);
		}
		if (!join) {
			if (grow((void **)&c->g, &c->gcap, c->ng + 1, sizeof *c->g))
				return -1;
			c->g[c->ng++] = (struct group){(uint32_t)k, 0, c->m[k].start, 0};
		}
		struct group *g = &c->g[c->ng - 1];
		g->nm++;
		g->end = c->m[k].end;
		c->m[k].group = (uint32_t)(c->ng - 1);
	}
	if (!c->tabari)
		share_agents(c);
	return 0;
}

/* ---- Events -------------------------------------------------------------- */

static int push_event(struct dyad_events *out, const struct dyad_event *e)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct dyad_event *n = realloc(out->ev, cap * sizeof *n);
		if (!n)
			return -1;
		out->ev = n;
		out->cap = cap;
	}
	out->ev[out->n++] = *e;
	return 0;
}

static int nocode(const char *code)
{
	return !code || !code[0] || !strcmp(code, "---") || !strcmp(code, "###");
}

static const char *const negators[] = {"NOT", "N'T", "NEVER", "NO", "CANNOT", NULL};

/* "did not", "has not yet decided to", "won't": a negator shortly before. */
static int negated(const struct dyad_coder *c, size_t vs)
{
	for (size_t k = 1; k <= 4 && k <= vs; k++) {
		size_t i = vs - k;
		if (c->wm[i] >= 0 || is(c, i, ","))
			break;
		size_t l = strlen(c->w[i]);
		if (is_any(c, i, negators) || (l > 3 && !strcmp(c->w[i] + l - 3, "N'T")))
			return 1;
	}
	return 0;
}

static const char *const possessives[] = {"ITS", "HIS", "HER", "THEIR", "OUR", "MY", "YOUR",
					    "THIS", "THESE", "THOSE", "NO", "'S", "IN", "AT",
					    "ABOUT", NULL};

/* dyad: a sports score ("2-0", "6-4"): match reports ("Wales beat
 * Hungary 2-0") are no political events. */
static int has_score(const struct dyad_coder *c, const char *s)
{
	for (size_t i = 0; i < c->nw; i++) {
		const char *w = s + c->woff[i];
		uint32_t l = c->wlen[i], k = 0;
		while (k < l && k < 3 && isdigit((unsigned char)w[k]))
			k++;
		if (k == 0 || k > 2 || k + 1 >= l || w[k] != '-')
			continue;
		uint32_t j = k + 1;
		while (j < l && isdigit((unsigned char)w[j]))
			j++;
		if (j == l && j - k - 1 <= 2)
			return 1;
	}
	return 0;
}

static const char *const modals[] = {"WOULD", "WILL", "COULD", "SHOULD", "MIGHT", "MAY", "CAN",
				       "MUST", "HAD", "HAS", "HAVE", "WAS", "WERE", "IS",
				       "ARE", "ALSO", "LATER", "THEN", NULL};
static const char *const aux_modals[] = {"WOULD", "WILL", "COULD", "SHOULD", "MIGHT", "MAY",
					 "CAN", "MUST", "SHALL", NULL};
static const char *const passive_aux[] = {"WAS", "WERE", "BEEN", "BEING", "IS", "ARE", "BE", NULL};

/* "X was (fiercely) opposed (earlier) by Y": the word index of Y, or 0. */
static size_t passive_by(const struct dyad_coder *c, size_t vs, size_t ve)
{
	int aux = 0;
	for (size_t k = 1; k <= 2 && k <= vs && !aux; k++)
		aux = is_any(c, vs - k, passive_aux);
	/* dyad: a participle with no auxiliary right before "by" ("a policy
	 * criticised by the Taliban government") */
	if (!aux && c->dyad && is(c, ve, "BY") && strlen(c->w[ve - 1]) > 3 && ends(c->w[ve - 1], "ED"))
		aux = 1;
	if (!aux)
		return 0;
	for (size_t i = ve; i < ve + 3 && i + 1 < c->nw; i++)
		if (is(c, i, "BY")) {
			/* "by the United Nations", "by former adviser John Bolton" */
			for (size_t j = i + 1; j < i + 5 && j < c->nw && alpha(c, j); j++)
				if (c->wm[j] >= 0)
					return j;
			return 0;
		}
	return 0;
}

/* "X was released", "Y have been accused of": a passive with no "by": the
 * doer is unknown (no event in dyad's style). */
static int passive_no_by(const struct dyad_coder *c, size_t vs)
{
	size_t k = vs;
	if (k > 0 && strlen(c->w[k - 1]) > 2 && !strcmp(c->w[k - 1] + strlen(c->w[k - 1]) - 2, "LY"))
		k--; /* "was fiercely criticised" */
	if (k == 0 || !is_any(c, k - 1, passive_aux))
		return 0;
	size_t l = strlen(c->w[vs]);
	return !(l > 3 && !strcmp(c->w[vs] + l - 3, "ING")); /* "is seeking": not passive */
}

struct sent {
	const char *s;
	uint32_t idx;
	int32_t date;
	char issues[64];
	struct dyad_events *out;
	size_t n0;             /* out->n when the sentence began */
};

static int emit(struct dyad_coder *c, const struct sent *st, const struct mention *src,
		const struct mention *tgt, const char *code, size_t vs, size_t ve, int neg)
{
	struct dyad_event e;
	memset(&e, 0, sizeof e);
	e.sentence = st->idx;
	e.date = st->date;
	snprintf(e.source, sizeof e.source, "%s", src ? src->code : "");
	snprintf(e.target, sizeof e.target, "%s", tgt ? tgt->code : "");
	snprintf(e.code, sizeof e.code, "%s", code);
	if (src) {
		e.src_off = src->off;
		e.src_len = src->len;
	}
	if (tgt) {
		e.tgt_off = tgt->off;
		e.tgt_len = tgt->len;
	}
	e.verb_off = c->woff[vs];
	e.verb_len = c->woff[ve - 1] + c->wlen[ve - 1] - e.verb_off;
	e.negated = neg != 0;
	memcpy(e.issues, st->issues, sizeof e.issues);
	memcpy(e.location, c->loc, sizeof e.location);
	if (st->out->n - st->n0 >= MAX_EVENTS)
		return 0; /* a list of hundreds of actors: enough */
	for (size_t i = st->n0; i < st->out->n; i++) {
		const struct dyad_event *o = &st->out->ev[i];
		if (!strcmp(o->source, e.source) &&
		    !strcmp(o->target, e.target) && !strcmp(o->code, e.code))
			return 0;
	}
	return push_event(st->out, &e);
}

/* dyad: the state itself or one of its organs ("PAK", "PAKGOV", "PAKMIL"),
 * as opposed to its insurgents, opposition, media or citizens. */
static int state_or_organ(const char *code)
{
	return strlen(code) == 3 || !strcmp(code + 3, "GOV") || !strcmp(code + 3, "MIL") ||
	       !strcmp(code + 3, "SPY");
}

/* dyad: a city after "in", "at" or "near" ("talks in Doha", "an attack near
 * Kabul") is where the event happened, not its target, except for a visit
 * or a host (042, 043: "arrived in Kabul"); so is any actor after "at" for
 * a meeting ("met X at General Headquarters", "at the Kremlin"). Words
 * [start, end) of the mention, code the event's. */
static int venue(const struct dyad_coder *c, uint32_t start, uint32_t end, const char *code)
{
	static const char *const at[] = {"IN", "AT", "NEAR", "OUTSIDE", NULL};
	if (!strncmp(code, "042", 3) || !strncmp(code, "043", 3))
		return 0;
	size_t p = start > 0 && is(c, start - 1, "THE") ? start - 1 : start;
	if (p == 0 || !is_any(c, p - 1, at))
		return 0;
	if (!strncmp(code, "04", 2) && is(c, p - 1, "AT"))
		return 1;
	struct dyad_dict_match m;
	return maybe(c, DYAD_DK_PLACE, start) &&
	       dyad_dict_match(c->d, DYAD_DK_PLACE, c->w, c->nw, start, &m) && start + m.len >= end;
}

/* dyad: 1 when a and b name one state twice over: a country and its own
 * government ("the Biden administration reviews the agreement between the
 * United States and ..."), or two members of one compound ("Iran and
 * Iranian Foreign Minister ..."). A state's organs acting on each other
 * (PAKGOV on PAKMIL) and the state on its insurgents (PAK on PAKINS) are
 * events; the state on itself is not. */
static int same_state(const char *a, const char *b, int compound)
{
	if (!state_code(a) || strncmp(a, b, 3) || !state_or_organ(a) || !state_or_organ(b))
		return 0;
	return compound || strlen(a) == 3 || strlen(b) == 3;
}

/* Events of every source x target pair (compound groups multiply). */
static int emit_pairs(struct dyad_coder *c, const struct sent *st, int sg, int tg,
		      const char *code, const char *code2, size_t vs, size_t ve, int neg, int split)
{
	const struct group *S = &c->g[sg];
	if (split) {
		/* TABARI defaults: the group's first actor on the others */
		const struct mention *src = &c->m[S->m0];
		for (uint32_t j = 1; j < S->nm; j++)
			if (emit(c, st, src, &c->m[S->m0 + j], code, vs, ve, neg))
				return -1;
		return 0;
	}
	for (uint32_t i = 0; i < S->nm; i++) {
		const struct mention *src = &c->m[S->m0 + i];
		if (tg < 0) {
			if (emit(c, st, src, NULL, code, vs, ve, neg))
				return -1;
			continue;
		}
		const struct group *T = &c->g[tg];
		for (uint32_t j = 0; j < T->nm; j++) {
			const struct mention *tgt = &c->m[T->m0 + j];
			if ((sg == tg && j <= i) || !strcmp(src->code, tgt->code))
				continue; /* a compound: each pair once, code2 (or code) back */
			if (c->dyad && (same_state(src->code, tgt->code, sg == tg) ||
					(sg != tg && venue(c, tgt->start, tgt->end, code))))
				continue;
			if (emit(c, st, src, tgt, code, vs, ve, neg))
				return -1;
			const char *back = code2 && !nocode(code2) ? code2 : sg == tg ? code : NULL;
			if (back && emit(c, st, tgt, src, back, vs, ve, neg))
				return -1;
		}
	}
	return 0;
}

/* A group holding only the TABARI default actor code, covering no words;
 * its index, or -1 when memory is out. */
static int default_group(struct dyad_coder *c, const char *code)
{
	for (size_t k = c->real_ng; k < c->ng; k++)
		if (!strcmp(c->m[c->g[k].m0].code, code))
			return (int)k;
	if (grow((void **)&c->m, &c->mcap, c->nm + 1, sizeof *c->m) ||
	    grow((void **)&c->g, &c->gcap, c->ng + 1, sizeof *c->g))
		return -1;
	struct mention *m = &c->m[c->nm];
	memset(m, 0, sizeof *m);
	m->start = m->end = (uint32_t)c->nw;
	m->group = (uint32_t)c->ng;
	snprintf(m->code, sizeof m->code, "%s", code);
	memcpy(m->base, m->code, sizeof m->base);
	c->g[c->ng] = (struct group){(uint32_t)c->nm, 1, (uint32_t)c->nw, (uint32_t)c->nw};
	c->nm++;
	return (int)c->ng++;
}

/* The first group in [from, to), or -1. */
static int first_group(const struct dyad_coder *c, size_t from, size_t to)
{
	for (size_t k = 0; k < c->real_ng; k++)
		if (c->g[k].start >= from && c->g[k].end <= to)
			return (int)k;
	return -1;
}

/* An event waiting to be emitted. */
struct cand {
	int sg, tg;
	const char *code, *code2;
	size_t vs, ve;
	int neg;
	int split;      /* source and targets from one group (TABARI defaults) */
};

/* CAMEO 18x-20x: assault, fight, mass violence. */
static int is_attack(const char *code)
{
	return (code[0] == '1' && (code[1] == '8' || code[1] == '9')) ||
	       (code[0] == '2' && code[1] == '0');
}

static int emit_cand(struct dyad_coder *c, const struct sent *st, const struct cand *k)
{
	char code[8], code2[8];
	/* a weak code ("023?": SAID) loses its mark when it is all there is */
	snprintf(code, sizeof code, "%.*s", (int)strcspn(k->code, "?"), k->code);
	if (k->code2)
		snprintf(code2, sizeof code2, "%.*s", (int)strcspn(k->code2, "?"), k->code2);
	return emit_pairs(c, st, k->sg, k->tg, code, k->code2 ? code2 : NULL, k->vs, k->ve, k->neg,
			  k->split);
}

/* dyad: "X said Y is ready", "X said Y would": Y is the subject of the
 * reported clause, not the one X speaks to. */
static int clause_subject(const struct dyad_coder *c, const struct cand *k)
{
	if (k->tg < 0 || k->tg == k->sg)
		return 0;
	size_t e = c->g[k->tg].end;
	if (e >= c->nw)
		return 0;
	struct dyad_dict_match vm;
	const struct dyad_dict_verb *vb;
	return is_any(c, e, modals) || is_any(c, e, it_verbs) ||
	       dyad_dict_verb_match(c->d, c->w, c->nw, e, &vm, &vb);
}

/* dyad: a verb in a condition ("... if Washington imposes sanctions",
 * "unless India withdraws", "asked whether Iran would attack"): "if",
 * "unless" or "whether" between the clause's start and the verb, with no
 * comma or semicolon after it. The act has not happened. */
static int conditional(const struct dyad_coder *c, size_t from, size_t vs)
{
	for (size_t k = vs; k-- > from;) {
		if (is(c, k, ",") || is(c, k, ";"))
			return 0;
		if (is(c, k, "IF") || is(c, k, "UNLESS") || is(c, k, "WHETHER"))
			return 1;
	}
	return 0;
}

static int code_verbs(struct dyad_coder *c, struct sent *st)
{
	const struct dyad_dict *d = c->d;
	size_t from = 0, n0 = st->out->n;
	int carry = -1; /* source of the clause before "and" */
	struct cand weak = {-1, -1, NULL, NULL, 0, 0, 0, 0};
	size_t said = 0; /* after a weak verb (SAID) */
	int weak_subj = 0; /* its target is the reported clause's subject: no 010 alone */
	for (size_t i = 0; i < c->nw; i++) {
		if ((c->opts & DYAD_CODER_ALL) && i > from &&
		    (is(c, i, "AND") || is(c, i, "BUT") || is(c, i, ";")))
			from = i; /* CODE ALL: still a new clause, a new subject */
		if (i < from || c->wm[i] >= 0 || !alpha(c, i))
			continue;
		/* a capitalised word inside the sentence, or one after a
		 * determiner, is a noun ("To Restore", "the restore") */
		if (i > 0 && c->caps[i] && !c->caps[i - 1])
			continue;
		/* dyad: "US Trade Representative", "Defending Champion" too,
		 * unless after a quotation mark or a colon */
		if (c->dyad && i > 0 && c->caps[i] && alpha(c, i - 1))
			continue;
		if (i > 0 && is_any(c, i - 1, (const char *const[]){"THE", "A", "AN", NULL}))
			continue;
		/* dyad: "its fund", "his demands", "in order to", "U.S. imports
		 * of": nouns */
		if (c->dyad && i > 0 && is_any(c, i - 1, possessives))
			continue;
		if (c->dyad && is(c, i + 1, "OF") && c->w[i][strlen(c->w[i]) - 1] == 'S')
			continue;
		/* dyad: "accused of blocking", "praised for helping": the
		 * gerund belongs to the verb before */
		if (c->dyad && i > 0 && is_any(c, i - 1, (const char *const[]){"OF", "FOR", NULL}) &&
		    strlen(c->w[i]) > 4 && !strcmp(c->w[i] + strlen(c->w[i]) - 3, "ING"))
			continue;
		struct dyad_dict_match vm;
		const struct dyad_dict_verb *vb;
		if (!maybe(c, DYAD_DK_VERB, i) || !dyad_dict_verb_match(d, c->w, c->nw, i, &vm, &vb)) {
			if (!c->tabari)
				continue;
			int ended = match_root(c, i, verb_endings, verb_fn, &vm);
			if (!ended && !gapped(c, DYAD_DK_VERB, i, &vm))
				continue;
			vb = (const struct dyad_dict_verb *)d->verbs.a + vm.entry->id;
			if (ended && vb->exact)
				continue; /* TABARI "BAN=": "baning" is no BAN */
		}
		size_t vs = vm.start, ve = vm.start + vm.len;
		if (is(c, ve, "'S") || (c->dyad && ve == vs + 1 && noun_phrase_end(c, vs)))
			continue; /* "donate's", "a deadly border strike": nouns */
		/* PETRARCH and dyad: a modal before a word is an auxiliary
		 * ("it should have acted"), however the dictionary lists it */
		if (!c->tabari && ve == vs + 1 && ve < c->nw && alpha(c, ve) &&
		    is_any(c, vs, aux_modals))
			continue;
		i = ve - 1;
		if (c->dyad && conditional(c, from, vs))
			continue;
		struct pmatch pm = {-1, -1, -1, (uint32_t)ve};
		const struct cpat *cp = dyad_coder_best(c, vb->block, vs, ve, &pm);
		struct cand k = {pm.source, pm.target, cp ? cp->p->code : vb->code,
				 cp ? cp->p->code2 : vb->code2, vs, ve, negated(c, vs), 0};
		if (nocode(k.code))
			continue;
		if (pm.compound >= 0 && k.sg < 0 && k.tg < 0) {
			k.sg = k.tg = pm.compound;
			/* PETRARCH: a compound after the verb acts on itself only
			 * when the clause names no subject ("X agrees with Y and
			 * Z" is X on each); PETRARCH-2 keeps one before the verb
			 * on itself whatever follows */
			if (!c->tabari && c->g[pm.compound].start >= ve) {
				int sg = first_group(c, from, vs);
				if (sg >= 0)
					k.sg = sg;
			}
		} else if (pm.compound >= 0 && k.sg < 0)
			k.sg = pm.compound;
		else if (pm.compound >= 0 && k.tg < 0)
			k.tg = pm.compound;
		int passive = 0;
		size_t by = passive_by(c, vs, ve);
		if (k.sg < 0 && k.tg < 0 && by) {
			passive = 1;
			k.sg = (int)c->m[c->wm[by]].group;
			k.tg = first_group(c, said > from ? said : from, vs);
		} else if (c->dyad && k.sg < 0 && k.tg < 0 && passive_no_by(c, vs)) {
			continue;
		}
		size_t sv = vs; /* "X said Y would attack Z": Y stands before the auxiliaries */
		while (sv > said + 1 && is_any(c, sv - 1, modals))
			sv--;
		if (k.sg < 0 && said && sv > said && c->wm[sv - 1] >= 0 &&
		    c->g[c->m[c->wm[sv - 1]].group].start >= said)
			k.sg = (int)c->m[c->wm[sv - 1]].group; /* "X said Y attacked Z" */
		/* dyad: "X said that TTP commanders direct attacks": the group
		 * nearest before the verb in the reported clause, words between */
		for (size_t w = sv; c->dyad && k.sg < 0 && said && w-- > said + 1;) {
			if (is(c, w, ","))
				break;
			if (c->wm[w] >= 0 && c->g[c->m[c->wm[w]].group].start > said)
				k.sg = (int)c->m[c->wm[w]].group;
		}
		if (k.sg < 0)
			k.sg = first_group(c, from, vs);
		if (k.sg < 0)
			k.sg = carry;
		int after = -1; /* the first group after the verb */
		for (size_t g = 0; g < c->real_ng && after < 0; g++)
			if (c->g[g].start >= ve && (int)g != k.sg &&
			    !(c->dyad && c->g[g].nm == 1 &&
			      venue(c, c->g[g].start, c->g[g].end, k.code)))
				after = (int)g;
		if (k.sg < 0 && c->defsrc[0] && c->def_prior) {
			if ((k.sg = default_group(c, c->defsrc)) < 0)
				return -1;
		} else if (k.sg < 0 && c->defsrc[0] && after >= 0) {
			/* no PRIOR: the actors after the verb give the source */
			k.sg = after;
			after = -1;
			for (size_t g = (size_t)k.sg + 1; g < c->real_ng && after < 0; g++)
				after = (int)g;
		}
		if (k.sg < 0)
			continue;
		if (k.tg < 0 && !passive)
			k.tg = after;
		/* dyad: "asked whether Iran would", "warned that if Iran": the
		 * subject of a condition is not the one spoken to */
		if (c->dyad && k.tg >= 0 && k.tg == after && c->g[k.tg].start > ve &&
		    conditional(c, ve, c->g[k.tg].start))
			k.tg = -1;
		if (k.tg < 0 && c->deftgt[0]) {
			if (!c->def_after && c->g[k.sg].nm > 1) {
				k.tg = k.sg;
				k.split = 1;
			} else if ((k.tg = default_group(c, c->deftgt)) < 0) {
				return -1;
			}
		}
		if (k.tg < 0 && !(c->opts & DYAD_CODER_NO_DYAD))
			continue; /* no dyad, no event */
		/* weak: TABARI's "023?" (SAID), and CAMEO 010 "make statement"
		 * (PETRARCH-2 SAY, TELL...), which yield to the act reported */
		if (strchr(k.code, '?') || (!c->tabari && !strcmp(k.code, "010"))) {
			/* "X said Y attacked Z": the reported act is Y's */
			if (!weak.code) {
				weak = k;
				weak_subj = c->dyad && clause_subject(c, &k);
			}
			said = ve;
			continue;
		}
		if (emit_cand(c, st, &k))
			return -1;
		if (!c->tabari && weak.code && said && k.sg != weak.sg && is_attack(k.code)) {
			/* PETRARCH-2's "~ a (b . ATTACK) SAY = a b 112": who reports
			 * an attack accuses the attacker */
			struct cand acc = weak;
			acc.tg = k.sg;
			acc.code = "112";
			acc.code2 = NULL;
			if (emit_cand(c, st, &acc))
				return -1;
		}
		if (c->opts & DYAD_CODER_BY_SENTENCE)
			return 0;
		if (c->opts & DYAD_CODER_ALL) {
			carry = k.sg;
			continue;
		}
		/* the rest of the clause is this event's; go on after "and", "but" */
		size_t end = pm.end > ve ? pm.end : ve;
		if (k.tg >= 0 && c->g[k.tg].end > end)
			end = c->g[k.tg].end;
		size_t j = end;
		while (j < c->nw && !is(c, j, "AND") && !is(c, j, "BUT") && !is(c, j, "OR") &&
		       !is(c, j, ";"))
			j++;
		from = j;
		carry = k.sg;
		i = j;
	}
	if (weak.code && !weak_subj && st->out->n == n0 && emit_cand(c, st, &weak))
		return -1;
	return 0;
}

/* ---- Dates --------------------------------------------------------------- */

static int32_t ymd_add(int32_t ymd, int days)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = ymd / 10000, m = ymd / 100 % 100, dd = ymd % 100;
	if (m < 1 || m > 12)
		return ymd;
	while (days < 0) {
		if (--dd < 1) {
			if (--m < 1) {
				m = 12;
				y--;
			}
			dd = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 || y % 400 == 0));
		}
		days++;
	}
	while (days > 0) {
		int ml = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 || y % 400 == 0));
		if (++dd > ml) {
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
		days--;
	}
	return dyad_dict_ymd(y, m, dd);
}

static int weekday(int32_t ymd)
{
	/* Sakamoto's method: 0 Sunday */
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y = ymd / 10000, m = ymd / 100 % 100, dd = ymd % 100;
	if (m < 1 || m > 12)
		return -1;
	y -= m < 3;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + dd) % 7;
}

static int days_in_month(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 || y % 400 == 0));
}

/* Month 1-12 named by word i ("March", "Sept."), else 0. */
static int month_at(const struct dyad_coder *c, size_t i)
{
	static const char *const months[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY",
					     "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
					     "NOVEMBER", "DECEMBER"};
	if (i >= c->nw || !c->caps[i])
		return 0;
	const char *w = c->w[i];
	if (!strchr("JFMASOND", w[0]))
		return 0;
	size_t l = strlen(w);
	if (l && w[l - 1] == '.')
		l--;
	for (int m = 0; m < 12; m++)
		if (months[m][0] == w[0] && (l == strlen(months[m]) || l == 3 || (l == 4 && m == 8)) &&
		    !strncmp(w, months[m], l))
			return m + 1;
	return 0;
}

/* Day 1-31 of word i ("3", "21st"), else 0. */
static int day_at(const struct dyad_coder *c, size_t i)
{
	if (i >= c->nw)
		return 0;
	const char *w = c->w[i];
	int d = 0, k = 0;
	while (k < 2 && w[k] >= '0' && w[k] <= '9')
		d = d * 10 + (w[k++] - '0');
	if (!k || (w[k] && strcmp(w + k, "ST") && strcmp(w + k, "ND") && strcmp(w + k, "RD") &&
		   strcmp(w + k, "TH")))
		return 0;
	return d >= 1 && d <= 31 ? d : 0;
}

/* Year 1900-2099 of word i, else 0. */
static int year_at(const struct dyad_coder *c, size_t i)
{
	if (i >= c->nw || strlen(c->w[i]) != 4)
		return 0;
	int y = 0;
	for (int k = 0; k < 4; k++) {
		if (c->w[i][k] < '0' || c->w[i][k] > '9')
			return 0;
		y = y * 10 + (c->w[i][k] - '0');
	}
	return y >= 1900 && y < 2100 ? y : 0;
}

/* A TABARI <TIME> offset ("-7", "+30") as days; 0 when none or not a number. */
static int time_offset(const char *code, int *days)
{
	char *end;
	long v = strtol(code, &end, 10);
	if (end == code || *end || v < -3660 || v > 3660)
		return 0;
	*days = (int)v;
	return 1;
}

/* The date of the sentence: the article's, or an earlier one the sentence
 * gives ("yesterday", "on Monday", "last week", "on March 3", "in March
 * 2008", "in 2008"), or the article's shifted by a TABARI <TIME> phrase
 * ("LAST_WEEK [-7]"). TABARI's TIME SHIFT: with TABARI dictionaries that
 * hold <TIME> phrases only those shift the date, as TABARI does ("on
 * Thursday" changes nothing); SET: TIME SHIFT = FALSE keeps the article's
 * date whatever the dictionaries. */
static int32_t sentence_date(const struct dyad_coder *c, size_t from, size_t to)
{
	static const char *const not_on[] = {"BY", "UNTIL", "TILL", "BEFORE", "AFTER", "SINCE",
					     "THROUGH", "FROM", NULL};
	static const char *const days[] = {"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY",
					   "THURSDAY", "FRIDAY", "SATURDAY"};
	int32_t date = c->date;
	if (!date || (c->opts & DYAD_CODER_NO_TIME_SHIFT))
		return date;
	int ay = date / 10000, am = date / 100 % 100;
	int times = dyad_dict_count(c->d, DYAD_DK_TIME) > 0;
	for (size_t i = from; i < to; i++) {
		if (times && maybe(c, DYAD_DK_TIME, i)) {
			struct dyad_dict_match m;
			const char *const *tc = c->d->times.a;
			int off;
			if (dyad_dict_match(c->d, DYAD_DK_TIME, c->w, c->nw, i, &m) &&
			    m.entry->id < c->d->times.n && time_offset(tc[m.entry->id], &off))
				return ymd_add(date, off);
		}
		if (times && c->tabari)
			continue; /* TABARI: its <TIME> phrases alone */
		/* cheap filter: the words below are capitalised (days, months),
		 * numbers, or "yesterday", "last" */
		char w0 = c->w[i][0];
		if (!c->caps[i] && !isdigit((unsigned char)w0) && w0 != 'Y' && w0 != 'L')
			continue;
		if (w0 == 'Y' && is(c, i, "YESTERDAY"))
			return ymd_add(date, -1);
		if (w0 == 'L' && is(c, i, "LAST")) {
			if (is(c, i + 1, "WEEK"))
				return ymd_add(date, -7);
			if (is(c, i + 1, "MONTH"))
				return am > 1 ? dyad_dict_ymd(ay, am - 1, 1) : dyad_dict_ymd(ay - 1, 12, 1);
			if (is(c, i + 1, "YEAR"))
				return dyad_dict_ymd(ay - 1, 1, 1);
		}
		if (i > 0 && c->caps[i] && strchr("MTWFS", w0) &&
		    (is(c, i - 1, "ON") || is(c, i - 1, "LAST"))) {
			for (int k = 0; k < 7; k++)
				if (is(c, i, days[k])) {
					int back = (weekday(date) - k + 7) % 7;
					if (is(c, i - 1, "LAST") && !back)
						back = 7;
					return ymd_add(date, -back);
				}
		}
		/* "March 3", "3 March", "March 3, 2008", "3 March 2008", "in March 2008" */
		int mo = month_at(c, i), dd = 0, y = 0;
		if (mo) {
			dd = day_at(c, i + 1);
			y = year_at(c, i + 1 + (dd != 0) + (dd && is(c, i + 2, ",")));
		} else if ((dd = day_at(c, i)) != 0 && (mo = month_at(c, i + 1)) != 0) {
			y = year_at(c, i + 2);
		}
		if (mo && (dd || y)) {
			/* "by May 1", "until March 2008": a deadline or a span, not
			 * the day of the event */
			if (i > 0 && is_any(c, i - 1, not_on))
				continue;
			int yy = y ? y : ay - (mo > am || (mo == am && dd > date % 100));
			if (dd > days_in_month(yy, mo))
				continue;
			int32_t v = dyad_dict_ymd(yy, mo, dd ? dd : 1);
			if (v < date && (dd || is(c, i - 1, "IN")))
				return v;
			continue;
		}
		if (i > 0 && is(c, i - 1, "IN") && (y = year_at(c, i)) != 0 && y < ay)
			return dyad_dict_ymd(y, 1, 1);
	}
	return date;
}

/* ---- Location ------------------------------------------------------------ */

/* Words that may stand between "in" and the place ("in the Afghan capital
 * Kabul", "in the border town of Chaman"). */
static const char *const place_nouns[] = {
	"CAPITAL", "CITY", "TOWN", "PROVINCE", "REGION", "DISTRICT", "VILLAGE", "PORT",
	"BORDER", "AREA", "CROSSING", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL",
	"NORTHWESTERN", "NORTHEASTERN", "SOUTHWESTERN", "SOUTHEASTERN", "NORTHWEST",
	"NORTHEAST", "SOUTHWEST", "SOUTHEAST", "COASTAL", "RESTIVE", "NEIGHBOURING",
	"NEIGHBORING", "OF", "STATE", "VALLEY", "CAMP", NULL};

/* Words of a place at word j: one of the dictionary's places (dyad: place
 * blocks and capitals), or a country's name (an actor coded with three
 * letters and no noun after it: "in Pakistan", not "in Afghan custody"). */
static size_t place_at(const struct dyad_coder *c, size_t j)
{
	struct dyad_dict_match m;
	if (!c->caps[j])
		return 0;
	size_t pl = 0; /* the longer of the two: "Papua New Guinea" is no "Papua" */
	if (maybe(c, DYAD_DK_PLACE, j) && dyad_dict_match(c->d, DYAD_DK_PLACE, c->w, c->nw, j, &m))
		pl = m.len;
	if (!maybe(c, DYAD_DK_ACTOR, j) || !dyad_dict_actor_match(c->d, c->w, c->nw, j, c->date, &m) ||
	    m.len <= pl)
		return pl;
	const char *code = m.code;
	if (!code || strlen(code) != 3 || !isupper((unsigned char)code[0]) ||
	    !isupper((unsigned char)code[1]) || !isupper((unsigned char)code[2]))
		return pl;
	size_t e = j + m.len;
	if (e < c->nw && alpha(c, e) && !c->caps[e] && !is_any(c, e, function_words))
		return pl;
	return m.len;
}

/* The first place the sentence names after "in", "at", "near" into c->loc,
 * as written with its spaces made single. */
static void find_location(struct dyad_coder *c, const char *s)
{
	c->loc[0] = '\0';
	for (size_t i = 0; i + 1 < c->nw; i++) {
		/* "in", "at", "near", "outside", "inside" (on every word: no strcmp loop) */
		const char *w = c->w[i];
		int prep = (w[0] == 'I' && w[1] == 'N' && (!w[2] || !strcmp(w + 2, "SIDE"))) ||
			   (w[0] == 'A' && w[1] == 'T' && !w[2]) ||
			   (w[0] == 'N' && !strcmp(w, "NEAR")) || (w[0] == 'O' && !strcmp(w, "OUTSIDE"));
		if (!prep)
			continue;
		for (size_t j = i + 1, k = 0; j < c->nw && k < 6; j++, k++) {
			if (!alpha(c, j))
				break;
			size_t len = place_at(c, j);
			if (len) {
				const char *p = s + c->woff[j];
				const char *e = s + c->woff[j + len - 1] + c->wlen[j + len - 1];
				size_t o = 0;
				for (; p < e && o + 1 < sizeof c->loc; p++) {
					int space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
					if (!space)
						c->loc[o++] = *p;
					else if (o && c->loc[o - 1] != ' ')
						c->loc[o++] = ' ';
				}
				if (p < e && ((unsigned char)*p & 0xC0) == 0x80) {
					/* a UTF-8 sequence cut by the size */
					while (o && ((unsigned char)c->loc[o - 1] & 0xC0) == 0x80)
						o--;
					if (o)
						o--;
				}
				c->loc[o] = '\0';
				return;
			}
			/* "the Afghan capital", "the border town of" */
			if (!is(c, j, "THE") && !is_any(c, j, place_nouns) &&
			    !(c->caps[j] && is_any(c, j + 1, place_nouns)))
				break;
		}
	}
}

/* ---- Sentence ------------------------------------------------------------ */

static void issues_in(const struct dyad_coder *c, char *out, size_t cap)
{
	const struct dyad_dict *d = c->d;
	size_t n = 0;
	out[0] = '\0';
	if (!dyad_dict_count(d, DYAD_DK_ISSUE))
		return;
	const struct dyad_dict_issue *is = d->issues.a;
	for (size_t i = 0; i < c->nw; i++) {
		struct dyad_dict_match m;
		if (!maybe(c, DYAD_DK_ISSUE, i) || !dyad_dict_match(d, DYAD_DK_ISSUE, c->w, c->nw, i, &m))
			continue;
		const struct dyad_dict_issue *x = &is[m.entry->id];
		if (x->exclude) {
			out[0] = '\0';
			return;
		}
		size_t l = strlen(x->code);
		char *hit = strstr(out, x->code);
		if (hit && (hit[l] == ',' || !hit[l]) && (hit == out || hit[-1] == ','))
			continue;
		if (n + l + 2 > cap)
			continue;
		if (n)
			out[n++] = ',';
		memcpy(out + n, x->code, l + 1);
		n += l;
	}
}

/* Words that open a subordinate clause holding an event of its own
 * ("After India tested a missile, ..."). */
static const char *const event_openers[] = {"AFTER", "BEFORE", "WHEN", "FOLLOWING", "SINCE",
					    NULL};

/* dyad: the comma ending an opening "After X VERB Y," clause worth coding
 * on its own, else 0. The clause must open with its subject, not a
 * gerund or a date ("After meeting Putin,", "Since 2001,"), and hold 3-20
 * words, with a main clause of 3 words or more after it. */
static size_t event_clause(const struct dyad_coder *c)
{
	if (!is_any(c, 0, event_openers) || c->nw < 8)
		return 0;
	size_t k = 1;
	while (k < c->nw && k <= 21 && !is(c, k, ","))
		k++;
	if (k > 21 || k < 4 || k + 3 >= c->nw)
		return 0;
	const char *w1 = c->w[1];
	size_t l1 = strlen(w1);
	if (!alpha(c, 1) || isdigit((unsigned char)w1[0]) || (l1 > 4 && !strcmp(w1 + l1 - 3, "ING")) ||
	    month_at(c, 1) || is_any(c, 1, openers))
		return 0;
	return k;
}

/* Reverse ev[a..b) in place (rotations without a second array). */
static void reverse_events(struct dyad_event *ev, size_t a, size_t b)
{
	while (b > a + 1) {
		struct dyad_event t = ev[a];
		ev[a++] = ev[--b];
		ev[b] = t;
	}
}

static int code_words(struct dyad_coder *c, const char *s, uint32_t idx, int32_t date,
		      struct dyad_events *out, struct dyad_err *err);

int dyad_coder_sentence(struct dyad_coder *c, const char *s, size_t n, uint32_t idx,
			struct dyad_events *out, struct dyad_err *err)
{
	if (c->discard_story)
		return DYAD_OK;
	if (words(c, s, n))
		return dyad_error(err, DYAD_ENOMEM, "out of memory coding a sentence");
	size_t k = c->dyad ? event_clause(c) : 0, n0 = out->n;
	uint8_t *drop = c->caps + c->wcap;
	if (k) {
		/* dyad: an opening clause's subject is the main clause's "he"
		 * ("When Ghani announced the exchange, he said ..."): a first
		 * look at the clause alone, its events dropped, leaves it in
		 * c->last */
		memset(drop, 1, c->nw);
		memset(drop + 1, 0, k - 1);
		compact(c, drop);
		int rc0 = code_words(c, s, idx, 0, out, err);
		out->n = n0;
		if (rc0 || c->discard_story)
			return rc0;
		if (words(c, s, n))
			return dyad_error(err, DYAD_ENOMEM, "out of memory coding a sentence");
	}
	int rc = code_words(c, s, idx, 0, out, err);
	if (rc || !k || c->discard_story)
		return rc;
	/* dyad: the opening clause's events, with the sentence's date, before
	 * the main clause's; its "he" is now the main clause's subject ("When
	 * he visited Beijing, Modi ..."), and the main subject stays the one
	 * later sentences refer to */
	char last[sizeof c->last];
	memcpy(last, c->last, sizeof last);
	int32_t date = c->sdate;
	size_t n1 = out->n;
	if (words(c, s, n))
		return dyad_error(err, DYAD_ENOMEM, "out of memory coding a sentence");
	memset(drop, 1, c->nw);
	memset(drop + 1, 0, k - 1);
	compact(c, drop);
	/* an act with no target in the clause is on the main clause's
	 * subject, the one reacting ("After Hamas fired rockets, Israel
	 * struck Gaza": Hamas on Israel) */
	char deftgt[sizeof c->deftgt];
	int def_after = c->def_after;
	memcpy(deftgt, c->deftgt, sizeof deftgt);
	const struct dyad_event *main_ev = n1 > n0 ? &out->ev[n0] : NULL;
	uint32_t moff = main_ev ? main_ev->src_off : 0, mlen = main_ev ? main_ev->src_len : 0;
	if (!deftgt[0] && main_ev && main_ev->source[0]) {
		snprintf(c->deftgt, sizeof c->deftgt, "%s", main_ev->source);
		c->def_after = 1;
	}
	rc = code_words(c, s, idx, date, out, err);
	for (size_t i = n1; !deftgt[0] && i < out->n; i++)
		if (!out->ev[i].tgt_len && !strcmp(out->ev[i].target, c->deftgt)) {
			out->ev[i].tgt_off = moff;
			out->ev[i].tgt_len = mlen;
		}
	memcpy(c->deftgt, deftgt, sizeof deftgt);
	c->def_after = def_after;
	memcpy(c->last, last, sizeof last);
	if (out->n > n1 && n1 > n0) {
		reverse_events(out->ev, n0, n1);
		reverse_events(out->ev, n1, out->n);
		reverse_events(out->ev, n0, out->n);
	}
	return rc;
}

/* TABARI <TIME> [###] (not a real event: "once upon a time") or [+++]
 * (too complex to code: "when peace comes") anywhere in the sentence,
 * asides included, while TIME SHIFT is on. */
static int time_discard(const struct dyad_coder *c)
{
	const struct dyad_dict *d = c->d;
	if ((c->opts & DYAD_CODER_NO_TIME_SHIFT) || !dyad_dict_count(d, DYAD_DK_TIME))
		return 0;
	const char *const *tc = d->times.a;
	for (size_t i = 0; i < c->nw; i++) {
		struct dyad_dict_match m;
		if (maybe(c, DYAD_DK_TIME, i) && dyad_dict_match(d, DYAD_DK_TIME, c->w, c->nw, i, &m) &&
		    m.entry->id < d->times.n &&
		    (!strcmp(tc[m.entry->id], "###") || !strcmp(tc[m.entry->id], "+++")))
			return 1;
	}
	return 0;
}

/* Code the words in c->w (of sentence s): clauses, actors, verbs. date,
 * when not 0, is the date of the events (else the sentence's own). */
static int code_words(struct dyad_coder *c, const char *s, uint32_t idx, int32_t date,
		      struct dyad_events *out, struct dyad_err *err)
{
	const struct dyad_dict *d = c->d;
	/* the place from every word, before clauses go; the date from the
	 * clauses kept, else from an opening clause ("In 2008, ...") */
	find_location(c, s);
	if (time_discard(c))
		return DYAD_OK;
	if (c->dyad)
		drop_dateline(c, s);
	int32_t open_date = !c->tabari ? drop_opening(c) : c->date;
	drop_asides(c);
	c->sdate = sentence_date(c, 0, c->nw);
	if (c->sdate == c->date)
		c->sdate = open_date;
	if (date)
		c->sdate = date;
	if (c->dyad && orig_words(c, s))
		return dyad_error(err, DYAD_ENOMEM, "out of memory coding a sentence");
	/* discards, then actor and agent phrases, longest first */
	struct item itbuf[64];
	struct item *it = itbuf;
	size_t nit = 0, itcap = DYAD_ARRAY_LEN(itbuf);
	int rc = DYAD_OK;
	for (size_t i = 0; i < c->nw; i++) {
		struct dyad_dict_match am, gm, dm;
		if (!alpha(c, i))
			continue;
		if (maybe(c, DYAD_DK_DISCARD, i) &&
		    dyad_dict_match(d, DYAD_DK_DISCARD, c->w, c->nw, i, &dm)) {
			if (dm.entry->id == 1)
				c->discard_story = 1;
			goto done;
		}
		int a = maybe(c, DYAD_DK_ACTOR, i) &&
			dyad_dict_actor_match(d, c->w, c->nw, i, c->date, &am);
		if (a && c->dyad) {
			/* "US" is the United States, "us" a pronoun */
			const struct dyad_dict_entry *e0 = am.entry;
			a = dyad_dict_case_ok(d, DYAD_DK_ACTOR, &am, c->orig);
			if (a && am.entry != e0 && !am.code)
				am.code = dyad_dict_actor_code(d, am.entry->id, c->date);
		}
		if (!a && c->tabari && (a = match_root(c, i, noun_endings, actor_fn, &am)))
			am.code = dyad_dict_actor_code(d, am.entry->id, c->date);
		struct dyad_dict_match gp;
		if (c->tabari && gapped(c, DYAD_DK_ACTOR, i, &gp) && (!a || gp.len > am.len)) {
			am = gp;
			a = 1;
			am.code = dyad_dict_actor_code(d, am.entry->id, c->date);
		}
		const char *lcode = NULL;
		size_t ll = c->nlp ? local_person(c, i, &lcode) : 0;
		if (ll && (!a || ll >= am.len)) {
			/* dyad_coder_person(): the article's own, on a tie too */
			a = 1;
			am.entry = NULL;
			am.start = i;
			am.len = ll;
			am.code = lcode;
		}
		if (a && am.code && !strcmp(am.code, "###"))
			goto done; /* TABARI: an actor that discards the sentence */
		int g = maybe(c, DYAD_DK_AGENT, i) && dyad_dict_agent_match(d, c->w, c->nw, i, &gm);
		/* Agents are not checked for capitals: dict_dyad.c flags the
		 * plurals it generates (FIGHTERS, from the folded word) as
		 * capitals, and no agent word in capitals ("MP", "NGO", "CEO")
		 * is also a lower-case English word. */
		/* TABARI agents are singular: "security forces" is SECURITY_FORCE_ */
		for (size_t k = 0; !a && !g && c->tabari && k < 3 && i + k < c->nw; k++)
			g = match_root_at(c, i, i + k, noun_endings, agent_fn, &gm);
		if (!a && !g)
			continue;
		if (nit == itcap) {
			struct item *nb = malloc(2 * itcap * sizeof *nb);
			if (!nb) {
				rc = DYAD_ENOMEM;
				goto done;
			}
			memcpy(nb, it, nit * sizeof *nb);
			if (it != itbuf)
				free(it);
			it = nb;
			itcap *= 2;
		}
		struct item *x = &it[nit];
		memset(x, 0, sizeof *x);
		if (a && (!g || am.len >= gm.len)) {
			x->start = (uint32_t)i;
			x->end = (uint32_t)(i + am.len);
			x->code = am.code ? am.code : "---";
		} else {
			const struct dyad_dict_agent *ag = c->d->agents.a;
			x->start = (uint32_t)i;
			x->end = (uint32_t)(i + gm.len);
			x->agent = 1;
			x->code = gm.code;
			x->before = ag[gm.entry->id].before;
		}
		nit++;
		i = x->end - 1;
	}
	if (find_actors(c, it, nit) || make_groups(c) || pronouns_in(c) || make_groups(c)) {
		rc = DYAD_ENOMEM;
		goto done;
	}
	size_t n0 = out->n;
	c->real_ng = c->ng;
	if (c->nwords < c->min_words)
		goto done;
	if (c->dyad && has_score(c, s))
		goto done;
	struct sent st = {s, idx, c->sdate, "", out, n0};
	issues_in(c, st.issues, sizeof st.issues);
	if (code_verbs(c, &st))
		rc = DYAD_ENOMEM;
	/* "he", "it" in the next sentences: this sentence's subject, the
	 * actor alone (TABARI forwarding) */
	if (out->n > n0) {
		for (size_t k = 0; k < c->nm; k++)
			if (c->m[k].off == out->ev[n0].src_off) {
				memcpy(c->last, c->m[k].base, sizeof c->last);
				break;
			}
	} else if (c->nm) {
		memcpy(c->last, c->m[0].base, sizeof c->last);
	}
done:
	if (it != itbuf)
		free(it);
	if (rc)
		return dyad_error(err, rc, "out of memory coding a sentence");
	return DYAD_OK;
}
