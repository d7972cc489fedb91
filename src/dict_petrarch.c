/* Reader of PETRARCH dictionaries: PETR_config.ini naming the files, the
 * CAMEO.2.0 verb file (synsets, "--- NAME [code] ---" blocks, verbs with
 * generated or given forms, patterns), discards and issues. Actors and
 * agents are read in dict.c. */
#include "dict.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

static bool sp(char c)
{
	return c == ' ' || c == '\t';
}

static bool vowel(char c)
{
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* ---- PETR_config.ini ------------------------------------------------------ */

static void add_option(struct dyad_dict *d, const char *sec, const char *k, size_t kl,
		       const char *v, size_t vl)
{
	struct dyad_dict_option *o = dyad_vec_push(&d->options, sizeof(*o));
	char key[256];
	int n = snprintf(key, sizeof key, "%s.%.*s", sec, (int)kl, k);
	if (!o || n < 0) {
		d->oom = 1;
		return;
	}
	o->key = dyad_dict_strdup(d, key, (size_t)n < sizeof key ? (size_t)n : sizeof key - 1);
	o->value = dyad_dict_strdup(d, v, vl);
}

int dyad_dict_petr_config(struct dyad_dict *d, const char *path)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	char sec[64] = "";
	struct dyad_buf key = DYAD_BUF_INIT, val[5];
	static const char *const names[5] = { "verbfile_name", "actorfile_list", "agentfile_name",
					      "discardfile_name", "issuefile_name" };
	for (int i = 0; i < 5; i++)
		dyad_buf_init(&val[i]);
	int cur = -1;  /* the value a continuation line adds to */
	struct dyad_dict_line ln;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		bool cont = ln.s != r.line.data;  /* indented: continues the last value */
		if (ln.s[0] == ';')
			continue;
		if (ln.s[0] == '[') {
			const char *e = memchr(ln.s, ']', ln.len);
			if (!e) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "'[' without ']': line skipped");
				continue;
			}
			snprintf(sec, sizeof sec, "%.*s", (int)(e - ln.s - 1), ln.s + 1);
			cur = -1;
			continue;
		}
		if (cont && cur >= 0) {
			dyad_buf_addc(&val[cur], ' ');
			dyad_buf_add(&val[cur], ln.s, ln.len);
			continue;
		}
		const char *eq = memchr(ln.s, '=', ln.len);
		if (!eq)
			eq = memchr(ln.s, ':', ln.len);
		if (!eq) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "not a 'key = value' line: skipped");
			continue;
		}
		size_t kl = (size_t)(eq - ln.s);
		while (kl && sp(ln.s[kl - 1]))
			kl--;
		const char *v = eq + 1;
		size_t vl = ln.len - (size_t)(v - ln.s);
		while (vl && sp(*v))
			v++, vl--;
		cur = -1;
		if (!strcasecmp(sec, "Dictionaries"))
			for (int i = 0; i < 5; i++)
				if (strlen(names[i]) == kl && !strncasecmp(names[i], ln.s, kl)) {
					cur = i;
					dyad_buf_clear(&val[i]);
					dyad_buf_add(&val[i], v, vl);
				}
		if (cur < 0)
			add_option(d, sec, ln.s, kl, v, vl);
	}
	dyad_dict_reader_close(&r);
	uint16_t file = (uint16_t)(d->files.n - 1);
	for (int i = 0; i < 5 && !d->oom; i++) {
		if (val[i].len == 0) {
			if (i < 3)
				dyad_dict_diag(d, file, 0, DYAD_DIAG_WARN, "[Dictionaries] %s missing", names[i]);
			continue;
		}
		/* actorfile_list is comma separated; the others name one file */
		for (const char *p = val[i].data; *p;) {
			const char *c = i == 1 ? strchr(p, ',') : NULL;
			size_t l = c ? (size_t)(c - p) : strlen(p);
			char *f = dyad_dict_relpath(path, p, l);
			if (!f) {
				d->oom = 1;
				break;
			}
			if (l) {
				switch (i) {
				case 0: dyad_dict_petr_verbs(d, f); break;
				case 1: dyad_dict_read_actors(d, f, DYAD_SYN_PETRARCH); break;
				case 2: dyad_dict_read_agents(d, f, DYAD_SYN_PETRARCH); break;
				case 3: dyad_dict_petr_discards(d, f); break;
				default: dyad_dict_petr_issues(d, f); break;
				}
			}
			free(f);
			p += l + (c ? 1 : 0);
		}
	}
	for (int i = 0; i < 5; i++)
		dyad_buf_release(&val[i]);
	dyad_buf_release(&key);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* ---- Verb forms ------------------------------------------------------------- */

/* One syllable: a single run of vowels (Y after a consonant counts). */
static int vowel_groups(const char *w, size_t n)
{
	int g = 0;
	for (size_t i = 0; i < n; i++)
		if (vowel(w[i]) && (i == 0 || !vowel(w[i - 1])))
			g++;
	return g;
}

/* Consonant-vowel-consonant ending whose last consonant may double (STOP). */
static bool cvc(const char *w, size_t n)
{
	if (n < 3)
		return false;
	char a = w[n - 3], b = w[n - 2], c = w[n - 1];
	return !vowel(a) && vowel(b) && !vowel(c) && c != 'W' && c != 'X' && c != 'Y' &&
	       c >= 'A' && c <= 'Z';
}

/* Regular forms of verb w[0..n) (upper case) into forms[], each NUL-ended in
 * 64 bytes; returns their number. PETRARCH-2 adds -S/-ES/-IES, -D/-ED and
 * -ING (dropping a final E after a consonant); dyad also doubles a final
 * consonant (STOPPED; both spellings when the word has several syllables,
 * as stress decides: COMMITTED, OFFERED) and writes -IED for -Y. */
static size_t verb_forms(const char *w, size_t n, char forms[8][64])
{
	size_t k = 0;
	if (n == 0 || n > 56)
		return 0;
	char l = w[n - 1], p = n > 1 ? w[n - 2] : 0;
#define FORM(fmt, ...) snprintf(forms[k++], 64, fmt, __VA_ARGS__)
	if (l == 'S' || l == 'X' || l == 'Z' || (l == 'H' && (p == 'C' || p == 'S')))
		FORM("%.*sES", (int)n, w);
	else if (l == 'Y' && p && !vowel(p))
		FORM("%.*sIES", (int)n - 1, w);
	else
		FORM("%.*sS", (int)n, w);
	if (l == 'E') {
		FORM("%.*sD", (int)n, w);
		if (p && !vowel(p))
			FORM("%.*sING", (int)n - 1, w);
		else
			FORM("%.*sING", (int)n, w);
		return k;
	}
	if (l == 'Y' && p && !vowel(p)) {
		FORM("%.*sIED", (int)n - 1, w);
		FORM("%.*sING", (int)n, w);
		return k;
	}
	bool dbl = cvc(w, n);
	int syl = vowel_groups(w, n);
	if (!dbl || syl > 1) {
		FORM("%.*sED", (int)n, w);
		FORM("%.*sING", (int)n, w);
	}
	if (dbl) {
		FORM("%.*s%cED", (int)n, w, l);
		FORM("%.*s%cING", (int)n, w, l);
	}
#undef FORM
	return k;
}

/* Store verb text s[0..n): "ABANDON", "+BEEF_UP", "RE_+ARREST". The word
 * marked '+' (or the only word) is the key; others must stand around it. */
static int store_verb(struct dyad_dict *d, int32_t block, const char *code, size_t clen,
		      const char *s, size_t n, bool regular, uint16_t file, uint32_t line)
{
	char buf[512];
	size_t m = 0;
	int key = -1, words = 0;
	bool inword = false;
	for (size_t i = 0; i < n && m + 2 < sizeof buf; i++) {
		char c = s[i];
		if (c == '_' || sp(c)) {
			inword = false;
		} else if (c == '+') {
			key = inword ? words - 1 : words;
		} else {
			if (!inword) {
				if (m)
					buf[m++] = ' ';
				words++;
				inword = true;
			}
			buf[m++] = c;
		}
	}
	if (words == 0)
		return -1;
	if (key < 0 && words > 1) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR,
			       "multi-word verb '%.*s' has no '+' on its verb: skipped", (int)n, s);
		return -1;
	}
	if (key < 0)
		key = 0;
	if (key >= words) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "verb '%.*s': '+' on no word: skipped",
			       (int)n, s);
		return -1;
	}
	struct dyad_dict_phrase ph;
	const char *why = NULL;
	if (dyad_dict_parse_phrase(d, buf, m, DYAD_SYN_PETRARCH, 0, &ph, &why) < 0 ||
	    (uint32_t)key >= ph.n) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "verb skipped: %s", why ? why : "bad '+'");
		return -1;
	}
	dyad_dict_add_verb(d, (uint32_t)block, code, clen, &ph, (uint32_t)key, file, line);
	if (!regular)
		return 0;
	const struct dyad_dict_tok *kt = &ph.tok[key];
	char forms[8][64];
	size_t nf = verb_forms(kt->str, kt->len, forms);
	for (size_t f = 0; f < nf; f++) {
		struct dyad_dict_tok *t = dyad_dict_alloc(d, ph.n * sizeof(*t));
		if (!t)
			return -1;
		memcpy(t, ph.tok, ph.n * sizeof(*t));
		t[key].str = dyad_dict_strdup(d, forms[f], strlen(forms[f]));
		if (!t[key].str)
			return -1;
		t[key].len = (uint32_t)strlen(forms[f]);
		struct dyad_dict_phrase fp = { t, ph.n };
		dyad_dict_add_verb(d, (uint32_t)block, code, clen, &fp, (uint32_t)key, file, line);
	}
	return 0;
}

/* A verb line: "SPEED {SPEEDING SPEEDS SPED }", "CLARIFY [040]", "+CALL_OFF [160]". */
static void verb_line(struct dyad_dict *d, int32_t block, const char *s, size_t n, uint16_t file,
		      uint32_t line)
{
	size_t open = n, cb = 0, ce = 0;
	const char *code = NULL;
	size_t clen = 0;
	if (dyad_dict_find_code(s, n, &open, &cb, &ce)) {
		code = s + cb;
		clen = ce - cb;
	} else if (memchr(s, '[', n) || memchr(s, ']', n)) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "verb skipped: mismatched '[' ']'");
		return;
	}
	const char *ob = memchr(s, '{', open), *cbr = ob ? memchr(ob, '}', open - (size_t)(ob - s)) : NULL;
	if ((ob && !cbr) || (!ob && memchr(s, '}', open))) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "verb skipped: mismatched '{' '}'");
		return;
	}
	size_t bl = ob ? (size_t)(ob - s) : open;
	while (bl && sp(s[bl - 1]))
		bl--;
	if (bl == 0) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "verb skipped: no word");
		return;
	}
	for (size_t k = 0; k < bl; k++)
		if (sp(s[k])) {
			/* "LASH OUT": PETRARCH keeps the first word only */
			dyad_dict_diag(d, file, line, DYAD_DIAG_WARN,
				       "verb '%.*s' holds a space (multi-word verbs use '_' and '+'): only '%.*s' kept",
				       (int)bl, s, (int)k, s);
			bl = k;
			break;
		}
	if (store_verb(d, block, code, clen, s, bl, !ob, file, line) < 0)
		return;
	for (const char *p = ob ? ob + 1 : cbr; ob && p < cbr;) {
		while (p < cbr && sp(*p))
			p++;
		const char *q = p;
		while (q < cbr && !sp(*q))
			q++;
		if (q > p)
			store_verb(d, block, code, clen, p, (size_t)(q - p), false, file, line);
		p = q;
	}
}

/* "+WORD", "+IS_TO", "+PESO_": a synset member, with its plural unless the
 * set or the member ends with '_' or it has several words. */
static void synset_member(struct dyad_dict *d, int32_t syn, bool noplural, const char *s,
			  size_t n, uint16_t file, uint32_t line)
{
	struct dyad_dict_phrase ph;
	const char *why = NULL;
	if (dyad_dict_parse_phrase(d, s, n, DYAD_SYN_PETRARCH, 1, &ph, &why) < 0) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "synset member skipped: %s", why);
		return;
	}
	if (dyad_dict_synset_add(d, syn, &ph) != DYAD_OK) {
		d->oom = 1;
		return;
	}
	if (noplural || s[n - 1] == '_' || ph.n != 1 || ph.tok[0].kind != DYAD_TK_WORD)
		return;
	char tmp[128];
	if (ph.tok[0].len + 3 > sizeof tmp)
		return;
	size_t k = dyad_dict_plural(ph.tok[0].str, ph.tok[0].len, tmp);
	struct dyad_dict_tok *t = dyad_dict_alloc(d, sizeof(*t));
	if (!t)
		return;
	*t = ph.tok[0];
	t->str = dyad_dict_strdup(d, tmp, k);
	t->len = (uint32_t)k;
	struct dyad_dict_phrase pp = { t, 1 };
	if (t->str && dyad_dict_synset_add(d, syn, &pp) != DYAD_OK)
		d->oom = 1;
}

int dyad_dict_petr_verbs(struct dyad_dict *d, const char *path)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.hash_comments = 1;
	r.semi_comments = 1;
	struct dyad_dict_line ln;
	int32_t block = -1, syn = -1;
	bool noplural = false;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		const char *s = ln.s;
		size_t n = ln.len;
		if (n >= 3 && !memcmp(s, "---", 3)) {
			/* "---  ACCELERATE   [---]  ---" */
			size_t a = 3, open, cb, ce;
			while (a < n && (sp(s[a]) || s[a] == '-'))
				a++;
			int has = dyad_dict_find_code(s, n, &open, &cb, &ce);
			size_t e = has ? open : n;
			while (e > a && (sp(s[e - 1]) || s[e - 1] == '-'))
				e--;
			if (!has && memchr(s, '[', n))
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN,
					       "block code: mismatched '[' ']', taken as [---]");
			block = dyad_dict_block_new(d, s + a, e > a ? e - a : 0, has ? s + cb : "---",
						    has ? ce - cb : 3);
			syn = -1;
			continue;
		}
		if (s[0] == '&') {
			size_t k = 1;
			while (k < n && !sp(s[k]))
				k++;
			noplural = s[k - 1] == '_';
			syn = dyad_dict_synset(d, s + 1, k - 1, 1);
			if (syn < 0 && !d->oom)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "bad synset name: skipped");
			continue;
		}
		if (s[0] == '+' && syn >= 0) {
			synset_member(d, syn, noplural, s + 1, n - 1, r.file, ln.no);
			continue;
		}
		syn = -1;
		if (s[0] == '-') {
			dyad_dict_add_pattern(d, block, s + 1, n - 1, DYAD_SYN_PETRARCH, r.file, ln.no);
			continue;
		}
		if (s[0] == '~') {
			/* verb transformations: kept raw for the coder */
			const char **t = dyad_vec_push(&d->transforms, sizeof(*t));
			if (!t) {
				d->oom = 1;
				break;
			}
			*t = dyad_dict_strdup(d, s, n);
			continue;
		}
		if (block < 0) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "line outside a verb block skipped");
			continue;
		}
		verb_line(d, block, s, n, r.file, ln.no);
	}
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* ---- Discards and issues --------------------------------------------------- */

int dyad_dict_petr_discards(struct dyad_dict *d, const char *path)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.hash_comments = 1;
	r.semi_comments = 1;
	struct dyad_dict_line ln;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		const char *s = ln.s;
		size_t n = ln.len;
		uint32_t story = s[0] == '+';
		s += story, n -= story;
		struct dyad_dict_phrase ph;
		const char *why = NULL;
		if (dyad_dict_parse_phrase(d, s, n, DYAD_SYN_PETRARCH, 0, &ph, &why) < 0) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "discard skipped: %s", why);
			continue;
		}
		/* the last word is a stem unless the line ends with '_' */
		if (s[n - 1] != '_')
			((struct dyad_dict_tok *)ph.tok)[ph.n - 1].flags |= DYAD_TF_STEM;
		dyad_dict_add_entry(d, DYAD_DK_DISCARD, &ph, 0, story, r.file, ln.no);
	}
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

#define MAX_FORMS 64

/* Expand "pre+n:school" style markers in forms[0..*nf): '+' gives a space
 * and a hyphen version, "N:" a noun's plural, "V:" a verb's regular forms. */
static int expand_issue(struct dyad_buf *forms, size_t *nf)
{
	for (size_t i = 0; i < *nf; i++) {
		for (;;) {
			char *s = forms[i].data;
			char *plus = strchr(s, '+'), *nm = strstr(s, "N:"), *vm = strstr(s, "V:");
			if (!plus && !nm && !vm)
				break;
			if (plus) {
				if (*nf == MAX_FORMS)
					return -1;
				dyad_buf_init(&forms[*nf]);
				dyad_buf_adds(&forms[*nf], s);
				forms[*nf].data[plus - s] = '-';
				(*nf)++;
				*plus = ' ';
				continue;
			}
			char *m = nm ? nm : vm;
			if (nm && vm && vm < nm)
				m = vm;
			size_t at = (size_t)(m - s);
			memmove(m, m + 2, strlen(m + 2) + 1);
			forms[i].len -= 2;
			size_t we = at;
			while (s[we] && s[we] != ' ')
				we++;
			char alt[8][64];
			size_t na;
			if (m == nm) {
				char tmp[64];
				na = 0;
				if (we - at + 3 <= sizeof tmp && we > at) {
					size_t k = dyad_dict_plural(s + at, we - at, tmp);
					snprintf(alt[na++], 64, "%.*s", (int)k, tmp);
				}
			} else {
				na = verb_forms(s + at, we - at, alt);
			}
			for (size_t a = 0; a < na; a++) {
				if (*nf == MAX_FORMS)
					return -1;
				struct dyad_buf *b = &forms[(*nf)++];
				dyad_buf_init(b);
				dyad_buf_add(b, s, at);
				dyad_buf_adds(b, alt[a]);
				dyad_buf_adds(b, s + we);
			}
		}
	}
	return 0;
}

int dyad_dict_petr_issues(struct dyad_dict *d, const char *path)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.hash_comments = 1;
	struct dyad_dict_line ln;
	const char *category = NULL;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		const char *s = ln.s;
		size_t n = ln.len;
		if (!strncasecmp(s, "<ISSUE", 6)) {
			const char *c = strstr(s, "CATEGORY=\"");
			const char *e = c ? strchr(c + 10, '"') : NULL;
			category = e ? dyad_dict_strdup(d, c + 10, (size_t)(e - c - 10)) : NULL;
			if (!e)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN, "<ISSUE> without CATEGORY=\"...\"");
			continue;
		}
		if (!strncasecmp(s, "</ISSUE", 7)) {
			category = NULL;
			continue;
		}
		struct dyad_dict_issue is = { NULL, category, 0 };
		size_t pn = n;
		if (s[0] == '~') {
			is.exclude = n > 1 && s[1] == '~' ? 2 : 1;
			is.code = is.exclude == 2 ? "~~" : "~";
			s += is.exclude, pn -= is.exclude;
		} else {
			size_t open, cb, ce;
			if (!dyad_dict_find_code(s, n, &open, &cb, &ce)) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "issue without [code] skipped");
				continue;
			}
			is.code = dyad_dict_strup(d, s + cb, ce - cb);
			pn = open;
		}
		while (pn && sp(s[pn - 1]))
			pn--;
		if (pn == 0 || pn > 400) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "issue skipped: %s",
				       pn ? "phrase too long" : "no phrase");
			continue;
		}
		struct dyad_dict_issue *ip = dyad_vec_push(&d->issues, sizeof(*ip));
		if (!ip) {
			d->oom = 1;
			break;
		}
		*ip = is;
		uint32_t id = (uint32_t)(d->issues.n - 1);
		struct dyad_buf forms[MAX_FORMS];
		size_t nf = 1;
		char up[2048];
		size_t ul = dyad_dict_fold(s, pn, up, sizeof up);
		dyad_buf_init(&forms[0]);
		dyad_buf_add(&forms[0], up, ul);
		if (expand_issue(forms, &nf) < 0)
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN, "issue: more than %d forms, rest dropped",
				       MAX_FORMS);
		for (size_t f = 0; f < nf; f++) {
			struct dyad_dict_phrase ph;
			const char *why = NULL;
			if (dyad_dict_parse_phrase(d, forms[f].data, forms[f].len, DYAD_SYN_PETRARCH, 0, &ph,
						   &why) < 0)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "issue form skipped: %s", why);
			else
				dyad_dict_add_entry(d, DYAD_DK_ISSUE, &ph, 0, id, r.file, ln.no);
			dyad_buf_release(&forms[f]);
		}
	}
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}
