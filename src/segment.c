/* Sentence segmentation and tokenisation of news text: rule based, one pass.
 * utf8proc gives letter categories; the rules are written here because no
 * allowed library segments sentences (utf8proc stops at grapheme clusters). */
#include "segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

/* ---- word tables ---------------------------------------------------- */

/* How a known abbreviation followed by a full stop behaves. */
enum abbr_kind {
	AB_NONE = 0,
	AB_TITLE,   /* precedes a name: never ends a sentence */
	AB_NOSPLIT, /* "e.g.", "vs.": hardly ever ends a sentence */
	AB_AMBIG,   /* "Inc.", "No.", "Jan.": ends one only before a likely sentence opener */
	AB_ETC,     /* "etc.": ends one before any capitalised word */
	AB_TIME,    /* "a.m.": ends one unless a day, month or time zone follows */
	AB_INITIAL, /* a single capital letter ("J.") */
};

struct abbr {
	const char *w;
	enum abbr_kind kind;
};

/* Sorted by strcmp() for binary search. Hand-written because the list is a
 * policy of this segmenter; ~120 entries take 7 comparisons, which beats
 * building a hash at start-up and needs no initialisation. */
static const struct abbr abbrs[] = {
	{"A.M", AB_TIME},     {"Abs", AB_AMBIG},    {"Adm", AB_TITLE},
	{"Amb", AB_TITLE},    {"Apr", AB_AMBIG},    {"Ariz", AB_AMBIG},
	{"Art", AB_AMBIG},    {"Assn", AB_AMBIG},   {"Aug", AB_AMBIG},
	{"Ave", AB_AMBIG},    {"Blvd", AB_AMBIG},   {"Brig", AB_TITLE},
	{"Bros", AB_AMBIG},   {"Calif", AB_AMBIG},  {"Capt", AB_TITLE},
	{"Cdr", AB_TITLE},    {"Ch", AB_AMBIG},     {"Cmdr", AB_TITLE},
	{"Co", AB_AMBIG},     {"Col", AB_TITLE},    {"Colo", AB_AMBIG},
	{"Conn", AB_AMBIG},   {"Corp", AB_AMBIG},   {"Cos", AB_AMBIG},
	{"Cpl", AB_TITLE},    {"Dec", AB_AMBIG},    {"Dept", AB_AMBIG},
	{"Dr", AB_TITLE},     {"Drs", AB_TITLE},    {"Ext", AB_AMBIG},
	{"Feb", AB_AMBIG},    {"Fig", AB_AMBIG},    {"Figs", AB_AMBIG},
	{"Fla", AB_AMBIG},    {"Fr", AB_TITLE},     {"Gen", AB_TITLE},
	{"Gens", AB_TITLE},   {"Gov", AB_TITLE},    {"Govt", AB_AMBIG},
	{"Hon", AB_TITLE},    {"Ill", AB_AMBIG},    {"Inc", AB_AMBIG},
	{"Insp", AB_TITLE},   {"Intl", AB_AMBIG},   {"Jan", AB_AMBIG},
	{"Jr", AB_AMBIG},     {"Jul", AB_AMBIG},    {"Jun", AB_AMBIG},
	{"Kan", AB_AMBIG},    {"Lieut", AB_TITLE},  {"Lt", AB_TITLE},
	{"Ltd", AB_AMBIG},    {"Maj", AB_TITLE},    {"Mar", AB_AMBIG},
	{"Messrs", AB_TITLE}, {"Mich", AB_AMBIG},   {"Minn", AB_AMBIG},
	{"Mio", AB_AMBIG},    {"Mlle", AB_TITLE},   {"Mme", AB_TITLE},
	{"Mr", AB_TITLE},     {"Mrd", AB_AMBIG},    {"Mrs", AB_TITLE},
	{"Ms", AB_TITLE},     {"Mt", AB_TITLE},     {"Natl", AB_AMBIG},
	{"No", AB_AMBIG},     {"Nos", AB_AMBIG},    {"Nov", AB_AMBIG},
	{"Nr", AB_AMBIG},     {"Oct", AB_AMBIG},    {"Okla", AB_AMBIG},
	{"P.M", AB_TIME},     {"Para", AB_AMBIG},   {"Ph.D", AB_AMBIG},
	{"Pres", AB_TITLE},   {"Prof", AB_TITLE},   {"Pte", AB_TITLE},
	{"Pvt", AB_TITLE},    {"Rd", AB_AMBIG},     {"Ref", AB_AMBIG},
	{"Rep", AB_TITLE},    {"Reps", AB_TITLE},   {"Rev", AB_TITLE},
	{"Rs", AB_AMBIG},     {"Rt", AB_TITLE},     {"Sec", AB_TITLE},
	{"Sen", AB_TITLE},    {"Sens", AB_TITLE},   {"Sep", AB_AMBIG},
	{"Sept", AB_AMBIG},   {"Sgt", AB_TITLE},    {"Sr", AB_AMBIG},
	{"St", AB_AMBIG},     {"Supt", AB_TITLE},   {"Tel", AB_AMBIG},
	{"Tenn", AB_AMBIG},   {"Univ", AB_AMBIG},   {"Vol", AB_AMBIG},
	{"Vols", AB_AMBIG},   {"Vs", AB_NOSPLIT},   {"Wash", AB_AMBIG},
	{"a.m", AB_TIME},     {"al", AB_AMBIG},     {"approx", AB_NOSPLIT},
	{"bzw", AB_NOSPLIT},  {"ca", AB_NOSPLIT},   {"cf", AB_NOSPLIT},
	{"ch", AB_AMBIG},     {"e.g", AB_NOSPLIT},  {"etc", AB_ETC},
	{"ggf", AB_NOSPLIT},  {"i.e", AB_NOSPLIT},  {"ibid", AB_NOSPLIT},
	{"p", AB_AMBIG},      {"p.m", AB_TIME},     {"para", AB_AMBIG},
	{"pp", AB_AMBIG},     {"usw", AB_ETC},      {"v", AB_NOSPLIT},
	{"viz", AB_NOSPLIT},  {"vs", AB_NOSPLIT},
};

/* Capitalised words that commonly open a sentence (sorted): after an
 * ambiguous abbreviation they tip the balance towards a boundary. */
static const char *const openers[] = {
	"A", "About", "According", "After", "Again", "All", "Also", "Although",
	"Among", "An", "And", "Another", "Any", "As", "At", "Authorities",
	"Because", "Before", "Both", "But", "By", "Critics", "Despite", "During",
	"Each", "Earlier", "Either", "Even", "Every", "Few", "Finally", "First",
	"Following", "For", "Former", "From", "Further", "Given", "Having", "He",
	"Her", "Here", "His", "How", "However", "I", "If", "In", "Instead", "It",
	"Its", "Last", "Later", "Many", "Meanwhile", "More", "Moreover", "Most",
	"Much", "My", "Neither", "Nevertheless", "No", "Nor", "Not", "Now", "Of",
	"Officials", "On", "Once", "One", "Only", "Or", "Other", "Others", "Our",
	"Over", "Police", "Since", "So", "Some", "Such", "That", "The", "Their",
	"Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To",
	"Today", "Two", "Under", "Unlike", "Until", "We", "What", "When", "Where",
	"Whether", "Which", "While", "Who", "Why", "With", "Within", "Without",
	"Yesterday", "Yet", "You", "Your",
};

/* Words after "a.m."/"p.m." that continue the sentence (sorted). */
static const char *const time_words[] = {
	"April", "August", "December", "February", "Friday", "January", "July",
	"June", "March", "May", "Monday", "November", "October", "Saturday",
	"September", "Sunday", "Thursday", "Tuesday", "Wednesday",
};

/* Compare the key w[0..n) with the NUL-terminated s as strcmp() would. */
static int keycmp(const char *w, size_t n, const char *s)
{
	size_t m = strlen(s);
	int c = memcmp(w, s, n < m ? n : m);
	if (c)
		return c;
	return n < m ? -1 : n > m;
}

static enum abbr_kind abbr_lookup(const char *w, size_t n)
{
	size_t lo = 0, hi = DYAD_ARRAY_LEN(abbrs);
	if (n == 0 || n > 6)
		return AB_NONE;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = keycmp(w, n, abbrs[mid].w);
		if (c == 0)
			return abbrs[mid].kind;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return AB_NONE;
}

static bool in_list(const char *const *list, size_t len, const char *w,
		    size_t n)
{
	size_t lo = 0, hi = len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = keycmp(w, n, list[mid]);
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

/* ---- character classes ---------------------------------------------- */

enum ch {
	CH_SPACE, CH_UPPER, CH_LOWER, CH_LETTER, CH_MARK, CH_DIGIT, CH_OTHER
};

static bool is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }

/* Class of the code point at t[i] (i < n); its byte length in *len. */
static enum ch ch_at(const char *t, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)t[i];
	*len = 1;
	if (c < 0x80) {
		if (is_upper(c))
			return CH_UPPER;
		if (is_lower(c))
			return CH_LOWER;
		if (is_digit(c))
			return CH_DIGIT;
		return is_ascii_space(c) ? CH_SPACE : CH_OTHER;
	}
	int32_t cp = dyad_utf8_decode(t + i, n - i, len);
	if (cp < 0)
		return CH_OTHER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return CH_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return CH_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return CH_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return CH_MARK;
	case UTF8PROC_CATEGORY_ND:
		return CH_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return CH_SPACE;
	default:
		return CH_OTHER;
	}
}

/* Length of a UTF-8 sequence at t[i] spelling one of the three-byte
 * characters E2 80 xx whose last bytes are listed in set, or 0. */
static size_t e280_in(const char *t, size_t n, size_t i, const char *set)
{
	if (i + 3 > n || (unsigned char)t[i] != 0xE2 ||
	    (unsigned char)t[i + 1] != 0x80)
		return 0;
	return strchr(set, t[i + 2]) && t[i + 2] ? 3 : 0;
}

/* Closing quote or bracket at t[i]: its length, or 0. */
static size_t closer_at(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
		return 1;
	if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xBB)
		return 2; /* » */
	if (c == 0xE3 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x8D || (unsigned char)t[i + 2] == 0x8F))
		return 3; /* 」 』 */
	if (c == 0xEF && i + 2 < n && (unsigned char)t[i + 1] == 0xBC &&
	    (unsigned char)t[i + 2] == 0x89)
		return 3; /* ） */
	return e280_in(t, n, i, "\x99\x9d\xba"); /* ’ ” › */
}

/* Opening quote or bracket at t[i]: its length, or 0. */
static size_t opener_at(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{')
		return 1;
	if (c == 0xC2 && i + 1 < n &&
	    ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBF ||
	     (unsigned char)t[i + 1] == 0xA1))
		return 2; /* « ¿ ¡ */
	return e280_in(t, n, i, "\x98\x9c\x9e\xb9"); /* ‘ “ „ ‹ */
}

/* Sentence-final punctuation of scripts that need no following space
 * (。！？ and the Arabic, Urdu and Devanagari marks): its length, or 0. */
static size_t strong_at(const char *t, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)t + i;
	size_t left = n - i;
	if (left >= 2 && s[0] == 0xD8 && s[1] == 0x9F)
		return 2; /* ؟ */
	if (left >= 2 && s[0] == 0xDB && s[1] == 0x94)
		return 2; /* ۔ */
	if (left >= 3 && s[0] == 0xE0 && s[1] == 0xA5 &&
	    (s[2] == 0xA4 || s[2] == 0xA5))
		return 3; /* । ॥ */
	if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x82)
		return 3; /* 。 */
	if (left >= 3 && s[0] == 0xEF && s[1] == 0xBC &&
	    (s[2] == 0x81 || s[2] == 0x9F))
		return 3; /* ！ ？ */
	return 0;
}

static bool ellipsis_at(const char *t, size_t n, size_t i)
{
	return e280_in(t, n, i, "\xa6") != 0;
}

/* A list bullet at t[i] (followed by a space): its length, or 0. Dashes
 * count only when a space follows, so "-5" stays a number. */
static size_t bullet_at(const char *t, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)t + i;
	size_t left = n - i, k = 0;
	if (left >= 1 && (s[0] == '-' || s[0] == '*' || s[0] == '>'))
		k = 1;
	else if (left >= 2 && s[0] == 0xC2 && s[1] == 0xB7)
		k = 2; /* · */
	else if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
		 (s[2] == 0xA2 || s[2] == 0x93 || s[2] == 0x94))
		k = 3; /* • – — */
	else if (left >= 3 && s[0] == 0xE2 && (s[1] == 0x96 || s[1] == 0x97))
		k = 3; /* ▪ ■ ► ● ◦ and other geometric shapes */
	else if (left >= 2 && is_digit(s[0])) {
		k = 1;
		if (is_digit(s[1]))
			k = 2;
		if (k >= left || (s[k] != '.' && s[k] != ')'))
			return 0;
		k++;
	}
	if (k == 0 || k >= left || (s[k] != ' ' && s[k] != '\t'))
		return 0;
	return k;
}

/* ---- sentence splitting -------------------------------------------- */

/* Array v (capacity *cap, n used, elements of size sz) with room for one
 * more: v itself or its reallocation; NULL when memory is out (v is kept). */
static void *grow(void *v, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? *cap * 2 : 64;
	void *p = realloc(v, c * sz);
	if (p)
		*cap = c;
	return p;
}

struct seg {
	const char *t;
	struct dyad_sentence *v; /* from malloc() */
	size_t nv, cap;
	uint32_t para;           /* index of the paragraph being split */
};

/* Append the trimmed range [a,b) as a sentence unless it is blank. */
static int seg_emit(struct seg *g, size_t a, size_t b)
{
	while (a < b && is_ascii_space((unsigned char)g->t[a]))
		a++;
	while (b > a && is_ascii_space((unsigned char)g->t[b - 1]))
		b--;
	if (a == b)
		return DYAD_OK;
	void *v = grow(g->v, &g->cap, g->nv, sizeof(*g->v));
	if (!v)
		return DYAD_ENOMEM;
	g->v = v;
	g->v[g->nv++] = (struct dyad_sentence){
		.off = (uint32_t)a, .len = (uint32_t)(b - a), .paragraph = g->para};
	return DYAD_OK;
}

/* What follows a candidate boundary. */
struct next {
	enum ch cls;      /* class of the first character after openers */
	bool opener;      /* an opening quote or bracket came first */
	bool quote;       /* ... and it was a quote */
	const char *w;    /* the following ASCII word (may be empty) */
	size_t wlen;
	bool initial;     /* that word is one letter followed by '.' */
};

static void look_next(const char *t, size_t n, size_t m, struct next *x)
{
	size_t k, len;
	x->opener = x->quote = false;
	while (m < n && (k = opener_at(t, n, m)) != 0) {
		x->opener = true;
		if (t[m] != '(' && t[m] != '[' && t[m] != '{')
			x->quote = true;
		m += k;
	}
	x->cls = m < n ? ch_at(t, n, m, &len) : CH_OTHER;
	if (x->cls == CH_LETTER)
		x->cls = CH_UPPER; /* caseless scripts: a new word may open a sentence */
	x->w = t + m;
	k = m;
	while (k < n && is_alpha((unsigned char)t[k]))
		k++;
	x->wlen = k - m;
	x->initial = x->wlen == 1 && k < n && t[k] == '.';
}

/* Kind of the word t[a..b) that stands before a full stop at b, in the
 * sentence that starts at start. */
static enum abbr_kind word_kind(const char *t, size_t start, size_t a,
				size_t b)
{
	enum abbr_kind kind = abbr_lookup(t + a, b - a);
	if (kind != AB_NONE)
		return kind;
	if (b - a == 1 && is_upper((unsigned char)t[a]))
		return AB_INITIAL;
	size_t ulen;
	if (b > a && ch_at(t, b, a, &ulen) == CH_UPPER && a + ulen == b)
		return AB_INITIAL; /* one non-ASCII capital: "Ö." */
	/* Dotted acronyms ("U.S", "D.C", "U.A.E"): every part one to three
	 * letters. Longer parts mean a domain name ("example.com"). */
	bool dotted = false;
	size_t run = 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == '.') {
			if (run == 0)
				return AB_NONE;
			dotted = true;
			run = 0;
		} else if (is_alpha(c) && ++run <= 3) {
			continue;
		} else {
			dotted = false;
			break;
		}
	}
	if (dotted)
		return AB_AMBIG;
	/* "1." opening a sentence is a list number, not a sentence. */
	if (b - a <= 2) {
		size_t i = a;
		while (i < b && is_digit((unsigned char)t[i]))
			i++;
		size_t k = a;
		while (k > start && is_ascii_space((unsigned char)t[k - 1]))
			k--;
		if (i == b && k == start)
			return AB_NOSPLIT;
	}
	return AB_NONE;
}

/* Decide on a full stop at t[dot] (one '.', possibly followed by closers),
 * when x describes what follows the white space. */
static bool split_after_dot(const char *t, size_t start, size_t dot,
			    bool closer, const struct next *x)
{
	if (x->cls == CH_LOWER)
		return false;
	if (closer)
		return true;
	/* The word before the stop, without leading quotes or brackets. */
	size_t a = dot;
	while (a > start && !is_ascii_space((unsigned char)t[a - 1]))
		a--;
	size_t k;
	while (a < dot && (k = opener_at(t, dot, a)) != 0)
		a += k;
	if (a < dot && closer_at(t, dot, dot - 1))
		return true; /* called it "great". Then */
	switch (word_kind(t, start, a, dot)) {
	case AB_TITLE:
	case AB_NOSPLIT:
		return false;
	case AB_ETC:
		return true;
	case AB_AMBIG:
		if (x->cls == CH_DIGIT || x->initial)
			return false;
		return x->quote ||
		       (x->cls == CH_UPPER && !x->opener &&
			in_list(openers, DYAD_ARRAY_LEN(openers), x->w, x->wlen));
	case AB_INITIAL:
		if (x->cls != CH_UPPER || x->quote)
			return true;
		if (x->initial)
			return false;
		return in_list(openers, DYAD_ARRAY_LEN(openers), x->w, x->wlen);
	case AB_TIME:
		if (x->cls != CH_UPPER)
			return true;
		if (in_list(time_words, DYAD_ARRAY_LEN(time_words), x->w, x->wlen))
			return false;
		if (x->wlen >= 2 && x->wlen <= 4) { /* IST, GMT, ET: time zones */
			size_t i = 0;
			while (i < x->wlen && is_upper((unsigned char)x->w[i]))
				i++;
			if (i == x->wlen)
				return false;
		}
		return true;
	case AB_NONE:
		break;
	}
	return true;
}

/* Handle the terminator cluster starting at t[i] in the paragraph that ends
 * at pe. Returns the end of the sentence (after closing quotes) when it ends
 * here, else 0; *resume receives where scanning goes on. */
static size_t terminator(const char *t, size_t pe, size_t start, size_t i,
			 size_t *resume)
{
	size_t j = i, ndots = 0, k;
	bool qmark = false, ellipsis = false, strong = false;
	for (;;) {
		if (j >= pe)
			break;
		char c = t[j];
		if (c == '.') {
			ndots++;
			j++;
		} else if (c == '!' || c == '?') {
			qmark = true;
			j++;
		} else if (ellipsis_at(t, pe, j)) {
			ellipsis = true;
			j += 3;
		} else if ((k = strong_at(t, pe, j)) != 0) {
			strong = true;
			j += k;
		} else {
			break;
		}
	}
	size_t e = j;
	while (e < pe && (k = closer_at(t, pe, e)) != 0)
		e += k;
	bool closer = e > j;
	*resume = e;
	if (e >= pe)
		return e;
	if (strong)
		return e;
	if (!is_ascii_space((unsigned char)t[e]))
		return 0; /* "U.S.", "3.5", "example.com", "Yahoo!News" */
	size_t m = e;
	while (m < pe && is_ascii_space((unsigned char)t[m]))
		m++;
	if (m >= pe)
		return e;
	struct next x;
	look_next(t, pe, m, &x);
	if (ndots >= 2 || ellipsis) {
		if (i > start && (t[i - 1] == '[' || t[i - 1] == '('))
			return 0; /* "[...]" marks an omission */
		if (x.cls != CH_UPPER)
			return 0;
		if (closer || x.opener || qmark ||
		    in_list(openers, DYAD_ARRAY_LEN(openers), x.w, x.wlen))
			return e;
		return 0;
	}
	if (qmark)
		return x.cls == CH_LOWER ? 0 : e;
	return split_after_dot(t, start, i, closer, &x) ? e : 0;
}

/* Lowercase words that cannot end a heading line. */
static bool ends_with_connector(const char *t, size_t a, size_t b)
{
	static const char *const conn[] = {
		"a", "about", "after", "against", "an", "and", "are", "as", "at",
		"be", "before", "between", "by", "for", "from", "had", "has",
		"have", "her", "his", "in", "into", "is", "its", "of", "on", "or",
		"our", "over", "said", "says", "than", "that", "the", "their",
		"these", "this", "those", "to", "told", "under", "was", "were",
		"will", "with", "would",
	};
	size_t w = b;
	while (w > a && is_alpha((unsigned char)t[w - 1]))
		w--;
	return in_list(conn, DYAD_ARRAY_LEN(conn), t + w, b - w);
}

/* Whether the single line break at t[nl] inside a paragraph ends a sentence.
 * Policy: a line break is a space, except
 * (1) before or after a bulleted or numbered list item;
 * (2) after a short line (under 48 bytes) that starts with a capital, has no
 *     final punctuation and does not end in a comma, colon, dash or
 *     connector word, when the next line starts with a capital or digit:
 *     a heading, dateline or caption run into the paragraph;
 * (3) after a longer line that starts with a capital and ends in a lower-case
 *     word other than a connector ("of", "said"), when the next line starts
 *     with a capitalised word: items of a list without bullets. Input comes
 *     from web pages, where a single newline is a <br>, not hard wrapping;
 *     "told\nReuters" style wrapping is kept by the connector list. */
static bool line_break_splits(const char *t, size_t pe, size_t line, size_t nl)
{
	size_t a = line, b = nl, m = nl + 1;
	while (a < b && is_ascii_space((unsigned char)t[a]))
		a++;
	while (b > a && is_ascii_space((unsigned char)t[b - 1]))
		b--;
	while (m < pe && is_ascii_space((unsigned char)t[m]))
		m++;
	if (a == b || m >= pe)
		return false;
	if (bullet_at(t, pe, m) || bullet_at(t, b, a))
		return true;
	unsigned char last = (unsigned char)t[b - 1];
	if (strchr(".!?,;:-([/&", last) || ends_with_connector(t, a, b))
		return false;
	if (b - a >= 3 && ellipsis_at(t, b, b - 3))
		return false;
	size_t len;
	enum ch first = ch_at(t, b, a, &len);
	if (first != CH_UPPER && first != CH_DIGIT)
		return false;
	struct next x;
	look_next(t, pe, m, &x);
	if (b - a < 48)
		return x.cls == CH_UPPER || x.cls == CH_DIGIT;
	/* Long line: it must end in a lower-case word, closers aside. */
	size_t e = b;
	for (;;) {
		if (e > a && (t[e - 1] == ')' || t[e - 1] == '"' || t[e - 1] == '\''))
			e--;
		else if (e >= a + 3 && e280_in(t, e, e - 3, "\x99\x9d"))
			e -= 3; /* ’ ” */
		else
			break;
	}
	if (e == a || !is_lower((unsigned char)t[e - 1]) ||
	    ends_with_connector(t, a, e))
		return false;
	if (x.cls != CH_UPPER || x.initial)
		return false;
	return (x.wlen >= 2 && is_lower((unsigned char)x.w[1])) ||
	       (x.wlen == 1 && (x.w[0] == 'I' || x.w[0] == 'A'));
}

/* Bytes that may start a boundary: . ! ? \n and the lead bytes of … and of
 * the non-Latin terminators. */
static bool special(unsigned char c)
{
	switch (c) {
	case '.': case '!': case '?': case '\n':
	case 0xD8: case 0xDB: case 0xE0: case 0xE2: case 0xE3: case 0xEF:
		return true;
	default:
		return false;
	}
}

static int split_paragraph(struct seg *g, size_t ps, size_t pe)
{
	const char *t = g->t;
	size_t start = ps, line = ps;
	for (size_t i = ps; i < pe;) {
		unsigned char c = (unsigned char)t[i];
		if (!special(c)) {
			i++;
			continue;
		}
		if (c == '\n') {
			if (line_break_splits(t, pe, line, i)) {
				int rc = seg_emit(g, start, i);
				if (rc)
					return rc;
				start = i + 1;
			}
			line = ++i;
			continue;
		}
		if (c >= 0x80 && !ellipsis_at(t, pe, i) && !strong_at(t, pe, i)) {
			i++;
			continue;
		}
		size_t resume, end = terminator(t, pe, start, i, &resume);
		if (end) {
			int rc = seg_emit(g, start, end);
			if (rc)
				return rc;
			start = end;
		}
		i = resume > i ? resume : i + 1;
	}
	return seg_emit(g, start, pe);
}

/* End of the paragraph starting at p: the first '\n' followed by a blank
 * line, or n. */
static size_t paragraph_end(const char *t, size_t n, size_t p)
{
	for (;;) {
		const char *nl = memchr(t + p, '\n', n - p);
		if (!nl)
			return n;
		size_t q = (size_t)(nl - t), m = q + 1;
		while (m < n && t[m] != '\n' && is_ascii_space((unsigned char)t[m]))
			m++;
		if (m >= n || t[m] == '\n')
			return q;
		p = q + 1;
	}
}

int dyad_sentences(const char *text, size_t n, struct dyad_sentence **out,
		   size_t *nout, size_t *nparagraphs)
{
	struct seg g = {.t = text};
	*out = NULL;
	*nout = 0;
	if (nparagraphs)
		*nparagraphs = 0;
	if (n > UINT32_MAX)
		return DYAD_ETOOBIG; /* spans hold 32-bit offsets */
	size_t p = 0;
	while (p < n) {
		while (p < n && is_ascii_space((unsigned char)text[p]))
			p++;
		if (p >= n)
			break;
		size_t pe = paragraph_end(text, n, p);
		size_t before = g.nv;
		int rc = split_paragraph(&g, p, pe);
		if (rc) {
			free(g.v);
			return rc;
		}
		if (g.nv > before)
			g.para++;
		p = pe;
	}
	*out = g.v;
	*nout = g.nv;
	if (nparagraphs)
		*nparagraphs = g.para;
	return DYAD_OK;
}

/* ---- tokens --------------------------------------------------------- */

struct toks {
	struct dyad_span *v; /* from malloc() */
	size_t nv, cap;
};

static int tok_emit(struct toks *k, size_t a, size_t b)
{
	void *v = grow(k->v, &k->cap, k->nv, sizeof(*k->v));
	if (!v)
		return DYAD_ENOMEM;
	k->v = v;
	k->v[k->nv++] = (struct dyad_span){.off = (uint32_t)a,
					   .len = (uint32_t)(b - a)};
	return DYAD_OK;
}

static bool wordish(enum ch c)
{
	return c == CH_UPPER || c == CH_LOWER || c == CH_LETTER ||
	       c == CH_MARK || c == CH_DIGIT;
}

static bool letterish(enum ch c)
{
	return c == CH_UPPER || c == CH_LOWER || c == CH_LETTER;
}

/* Han ideographs and kana: one token per character, as these scripts write
 * no spaces and a run would be a whole clause. */
static bool cjk_at(const char *t, size_t n, size_t i)
{
	size_t len;
	int32_t c = dyad_utf8_decode(t + i, n - i, &len);
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x2FFFF);
}

/* Apostrophe (' or ’) at t[i]: its length, or 0. */
static size_t apos_at(const char *t, size_t n, size_t i)
{
	if (t[i] == '\'')
		return 1;
	return e280_in(t, n, i, "\x99");
}

/* Word-internal hyphen ('-', ‐ U+2010, ‑ U+2011): its length, or 0. */
static size_t hyphen_at(const char *t, size_t n, size_t i)
{
	if (t[i] == '-')
		return 1;
	return e280_in(t, n, i, "\x90\x91");
}

/* A joiner (U+200C ZWNJ, U+200D ZWJ) that Persian and Indic words hold. */
static size_t joiner_at(const char *t, size_t n, size_t i)
{
	return e280_in(t, n, i, "\x8c\x8d");
}

/* Class of the code point at t[i], or CH_OTHER past the end. */
static enum ch ch_after(const char *t, size_t n, size_t i)
{
	size_t len;
	return i < n ? ch_at(t, n, i, &len) : CH_OTHER;
}

static bool prefix_at(const char *t, size_t n, size_t i, const char *p)
{
	size_t m = strlen(p);
	if (n - i < m)
		return false;
	for (size_t k = 0; k < m; k++) {
		unsigned char c = (unsigned char)t[i + k];
		if ((is_upper(c) ? c + 32 : c) != (unsigned char)p[k])
			return false;
	}
	return true;
}

/* End of a URL starting at i: up to white space, less trailing punctuation. */
static size_t url_end(const char *t, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && !is_ascii_space((unsigned char)t[j]))
		j++;
	while (j > i) {
		size_t k = j - 1;
		while (k > i && ((unsigned char)t[k] & 0xC0) == 0x80)
			k--;
		bool trail = (t[k] && strchr(".,;:!?)]}'\"", t[k])) ||
			     closer_at(t, j, k) != 0;
		if (!trail)
			break;
		j = k;
	}
	return j;
}

/* End of the word starting at t[i] (a letter or mark). */
static size_t word_end(const char *t, size_t n, size_t i)
{
	size_t j = i, len, k;
	bool dotted = false;
	for (;;) {
		while (j < n) {
			unsigned char c = (unsigned char)t[j];
			if (c < 0x80 && (is_alpha(c) || is_digit(c))) {
				j++; /* ASCII fast path */
				continue;
			}
			if (c < 0x80 || !wordish(ch_at(t, n, j, &len)) ||
			    cjk_at(t, n, j))
				break;
			j += len;
		}
		if (j >= n)
			break;
		if ((k = apos_at(t, n, j)) && letterish(ch_after(t, n, j + k)))
			j += k;
		else if ((k = hyphen_at(t, n, j)) && wordish(ch_after(t, n, j + k)))
			j += k;
		else if ((k = joiner_at(t, n, j)) && wordish(ch_after(t, n, j + k)))
			j += k;
		else if (t[j] == '.' && j + 1 < n && is_alpha((unsigned char)t[j + 1])) {
			dotted = true; /* "U.S", "bbc.co.uk" */
			j++;
		} else if (t[j] == '@' && j + 1 < n && is_alpha((unsigned char)t[j + 1])) {
			j++; /* e-mail address */
		} else {
			break;
		}
	}
	if (j < n && t[j] == '.') {
		enum abbr_kind kd = abbr_lookup(t + i, j - i);
		if (kd == AB_NONE && dotted)
			kd = word_kind(t, i, i, j);
		if (kd == AB_NONE && j + 1 < n && j - i == 1 &&
		    is_upper((unsigned char)t[i]))
			kd = AB_INITIAL; /* "J." but not a final "plan B." */
		if (kd != AB_NONE)
			j++;
	}
	return j;
}

/* End of the number starting at the digit t[i]: "3.5", "1,000", "10:30",
 * "1990-91", "10th", "19-year-old". */
static size_t number_end(const char *t, size_t n, size_t i)
{
	size_t j = i, len, k;
	for (;;) {
		while (j < n) {
			unsigned char c = (unsigned char)t[j];
			if (c < 0x80 && (is_alpha(c) || is_digit(c)))
				j++;
			else if (c >= 0x80 && wordish(ch_at(t, n, j, &len)))
				j += len;
			else
				break;
		}
		if (j + 1 < n && (t[j] == '.' || t[j] == ',' || t[j] == ':') &&
		    is_digit((unsigned char)t[j + 1]))
			j++;
		else if (j < n && (k = hyphen_at(t, n, j)) &&
			 wordish(ch_after(t, n, j + k)))
			j += k;
		else
			break;
	}
	return j;
}

int dyad_tokens(const char *s, size_t n, struct dyad_span **out, size_t *nout)
{
	struct toks k = {0};
	*out = NULL;
	*nout = 0;
	if (n > UINT32_MAX)
		return DYAD_ETOOBIG; /* spans hold 32-bit offsets */
	for (size_t i = 0; i < n;) {
		size_t len, j;
		enum ch c = ch_at(s, n, i, &len);
		if (c == CH_SPACE) {
			i += len;
			continue;
		}
		if (c == CH_OTHER && (joiner_at(s, n, i) || e280_in(s, n, i, "\x8b") ||
				      (len == 3 && (unsigned char)s[i] == 0xEF &&
				       (unsigned char)s[i + 1] == 0xBB))) {
			i += len; /* stray joiners, ZWSP and BOM are not tokens */
			continue;
		}
		if (c != CH_OTHER && c != CH_DIGIT && cjk_at(s, n, i))
			j = i + len;
		else if (prefix_at(s, n, i, "http://") || prefix_at(s, n, i, "https://") ||
			 prefix_at(s, n, i, "www."))
			j = url_end(s, n, i);
		else if (c == CH_DIGIT)
			j = number_end(s, n, i);
		else if (c != CH_OTHER)
			j = word_end(s, n, i);
		else if (s[i] == '.') {
			j = i + 1;
			while (j < n && s[j] == '.')
				j++;
		} else {
			j = i + len;
		}
		if (j <= i)
			j = i + len;
		int rc = tok_emit(&k, i, j);
		if (rc) {
			free(k.v);
			return rc;
		}
		i = j;
	}
	*out = k.v;
	*nout = k.nv;
	return DYAD_OK;
}
