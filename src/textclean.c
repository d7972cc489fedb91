/* Cleaning of scraped plain text: a line classifier for page clutter and the
 * text-mode article extractor built on it (title, byline, dateline, date, body).
 * Matching is hand-rolled on an ASCII-folded copy of each line (no regex
 * library: the cleaner runs on every ingested page and must stay cheap). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem() when built without the Makefile's flags */
#endif
#include "textclean.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "date.h"

/* ------------------------------------------------------------------ */
/* Folding a line for matching                                         */

/* Lines longer than this are matched on their first FOLD_MAX bytes only:
 * clutter is short, and what is long enough to be cut is article text or a
 * footer whose key phrase comes early. */
#define FOLD_MAX 640

struct fline {
	char f[FOLD_MAX + 8]; /* folded: ASCII lower case, curly quotes and dashes
	                         made ASCII, white space collapsed, trimmed */
	size_t n;             /* length of f */
	char core[FOLD_MAX + 8]; /* f without leading bullets and trailing
	                            punctuation: "» Related:" -> "related" */
	size_t cn;
	size_t rawlen;        /* length of the original line, trimmed */
	int words;            /* words (runs of letters/digits) in the whole line */
	int capwords;         /* words starting with an upper-case letter */
	int lowwords;         /* words starting with a lower-case ASCII letter */
	int titlewords;       /* words in Title case ("Qadir", not "IANS") */
	bool endpunct;        /* ends like a sentence: . ! ? or a closing quote */
	uint64_t wmask[16];   /* Bloom bits of the words of f: phrase look-ups
	                         whose first word is absent skip memmem */
};

/* Bloom bit of a word from its first three bytes (O(1) for a phrase too,
 * and a stem like "subscri" finds "subscribe"). */
static unsigned word_bit(const char *w, size_t n)
{
	unsigned c1 = n > 1 ? (unsigned char)w[1] : 0;
	unsigned c2 = n > 2 ? (unsigned char)w[2] : 0;
	return ((unsigned char)w[0] * 961u + c1 * 31u + c2 * 7u) & 1023u;
}

static bool is_alnum_byte(unsigned char c)
{
	/* Bytes >= 0x80 are parts of non-ASCII letters in UTF-8 text. */
	return isalnum(c) || c >= 0x80;
}

/* Map a few 3-byte punctuation sequences (U+2018..U+201D, dashes, ellipsis,
 * bullets) to ASCII; returns the ASCII byte or 0. */
static char fold_punct(const unsigned char *p, size_t left)
{
	if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80) {
		switch (p[2]) {
		case 0x98: case 0x99: case 0x9B: return '\'';
		case 0x9C: case 0x9D: case 0x9F: return '"';
		case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
			return '-';
		case 0xA2: case 0xA3: case 0xA7: return '*';
		case 0xA6: return '.';
		case 0xBA: return '>';
		case 0xB9: return '<';
		default: return 0;
		}
	}
	return 0;
}

static void fold_line(const char *s, size_t n, struct fline *l)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;
	bool space = true; /* drops leading white space */
	bool inword = false;

	l->n = l->cn = 0;
	l->words = l->capwords = l->lowwords = l->titlewords = 0;
	l->endpunct = false;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (i < n && isspace(p[i]))
		i++;
	l->rawlen = n - i;
	for (size_t k = i; k < n; k++) {
		unsigned char c = p[k];
		bool alnum = is_alnum_byte(c) && !(c >= 0x80 && c < 0xC0 && !inword);
		if (isalnum(c) || (c >= 0xC0)) {
			if (!inword) {
				l->words++;
				if (isupper(c))
					l->capwords++;
				if (isupper(c) && k + 1 < n && islower(p[k + 1]))
					l->titlewords++;
				else if (islower(c))
					l->lowwords++;
			}
			inword = true;
		} else if (c >= 0x80 && c < 0xC0 && inword) {
			/* continuation byte inside a word */
		} else if (c == '\'' && inword && k + 1 < n && isalpha(p[k + 1])) {
			/* "don't" stays one word */
		} else {
			inword = false;
		}
		(void)alnum;
	}
	while (i < n && o < FOLD_MAX) {
		unsigned char c = p[i];
		char a;
		if (isspace(c) || (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0)) {
			if (!space)
				l->f[o++] = ' ';
			space = true;
			i += c == 0xC2 ? 2 : 1;
			continue;
		}
		space = false;
		if (c < 0x80) {
			l->f[o++] = (char)tolower(c);
			i++;
		} else if ((a = fold_punct(p + i, n - i)) != 0) {
			l->f[o++] = a;
			i += 3;
		} else if (c == 0xC2 && i + 1 < n && (p[i + 1] == 0xBB || p[i + 1] == 0xAB)) {
			l->f[o++] = p[i + 1] == 0xBB ? '>' : '<'; /* guillemets */
			i += 2;
		} else if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xB7) {
			l->f[o++] = '*'; /* middle dot */
			i += 2;
		} else {
			l->f[o++] = (char)c;
			i++;
		}
	}
	while (o > 0 && l->f[o - 1] == ' ')
		o--;
	l->f[o] = '\0';
	l->n = o;
	memset(l->wmask, 0, sizeof l->wmask);
	for (size_t k = 0; k < o;) {
		while (k < o && !is_alnum_byte((unsigned char)l->f[k]))
			k++;
		size_t b0 = k;
		while (k < o && is_alnum_byte((unsigned char)l->f[k]))
			k++;
		if (k > b0) {
			unsigned bit = word_bit(l->f + b0, k - b0);
			l->wmask[bit >> 6] |= 1ull << (bit & 63);
		}
	}

	/* Sentence end, looking through closing quotes and brackets. */
	size_t e = o;
	while (e > 0 && (l->f[e - 1] == '"' || l->f[e - 1] == '\'' || l->f[e - 1] == ')'))
		e--;
	l->endpunct = e > 0 && (l->f[e - 1] == '.' || l->f[e - 1] == '!' || l->f[e - 1] == '?');

	/* Core: strip leading bullets/arrows and trailing punctuation. */
	size_t b = 0;
	while (b < o && strchr("*->|#+~=<:. ", l->f[b]) != NULL)
		b++;
	e = o;
	while (e > b && strchr(" :.>|-*!?,;=<~/\"'()[]", l->f[e - 1]) != NULL && l->f[e - 1] != '\0')
		e--;
	memcpy(l->core, l->f + b, e - b);
	l->core[e - b] = '\0';
	l->cn = e - b;
}

/* ------------------------------------------------------------------ */
/* Matching helpers on folded text                                      */

static bool word_edge(const char *s, size_t n, size_t at)
{
	return at == 0 || at >= n || !is_alnum_byte((unsigned char)s[at]);
}

/* Phrase p occurs in s[0..n) on word boundaries. */
static bool has_in(const char *s, size_t n, const char *p, size_t pl)
{
	const char *h = s;
	size_t left = n;
	while (left >= pl) {
		const char *m = memmem(h, left, p, pl);
		if (m == NULL)
			return false;
		size_t at = (size_t)(m - s);
		bool lb = !is_alnum_byte((unsigned char)p[0]) || at == 0 ||
			  !is_alnum_byte((unsigned char)s[at - 1]);
		bool rb = !is_alnum_byte((unsigned char)p[pl - 1]) || word_edge(s, n, at + pl);
		if (lb && rb)
			return true;
		h = m + 1;
		left = n - (size_t)(h - s);
	}
	return false;
}

/* Phrase p occurs in the line on word boundaries. A macro so that the Bloom
 * test of a literal phrase folds to a constant bit: most look-ups miss and
 * cost one load. */
#define ALNUM_C(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || \
		    ((c) >= 'A' && (c) <= 'Z') || (unsigned char)(c) >= 0x80)
#define PHRASE_C2(p) (ALNUM_C((p)[1]) && ALNUM_C((p)[2]) ? (unsigned)(unsigned char)(p)[2] : 0u)
#define PHRASE_BIT(p) ((((unsigned)(unsigned char)(p)[0]) * 961u + \
			(ALNUM_C((p)[1]) ? (unsigned)(unsigned char)(p)[1] : 0u) * 31u + \
			PHRASE_C2(p) * 7u) & 1023u)
#define BLOOM_HIT(l, bit) (((l)->wmask[(bit) >> 6] >> ((bit) & 63)) & 1u)
#define has(l, p) ((!ALNUM_C((p)[0]) || BLOOM_HIT((l), PHRASE_BIT(p))) && \
		   has_in((l)->f, (l)->n, (p), strlen(p)))

/* Substring p (no word boundaries) may occur: Bloom check, then memmem. */
static bool maybe(const struct fline *l, const char *p)
{
	unsigned bit = word_bit(p, 3);
	if (!(l->wmask[bit >> 6] & (1ull << (bit & 63))))
		return false;
	return memmem(l->f, l->n, p, strlen(p)) != NULL;
}

static bool has_any(const struct fline *l, const char *const *list)
{
	for (; *list != NULL; list++)
		if (has(l, *list))
			return true;
	return false;
}

static bool core_is(const struct fline *l, const char *p)
{
	return strcmp(l->core, p) == 0;
}

static bool core_in(const struct fline *l, const char *const *list)
{
	if (l->cn == 0 || l->cn > 64)
		return false;
	for (; *list != NULL; list++)
		if ((*list)[0] == l->core[0] && core_is(l, *list))
			return true;
	return false;
}

static bool starts(const char *s, const char *p)
{
	return s[0] == p[0] && strncmp(s, p, strlen(p)) == 0;
}

/* core starts with one of the list's phrases followed by a word edge;
 * returns the length matched or 0. */
static size_t core_starts_any(const struct fline *l, const char *const *list)
{
	for (; *list != NULL; list++) {
		size_t pl = strlen(*list);
		if (l->cn >= pl && memcmp(l->core, *list, pl) == 0 &&
		    (pl == l->cn || !is_alnum_byte((unsigned char)l->core[pl])))
			return pl;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Keyword tables                                                       */

static const char *const related_headers[] = {
	"also read", "read also", "also see", "see also", "read more", "related",
	"related articles", "related article", "related stories", "related story",
	"related news", "related posts", "related post", "related content",
	"related topics", "related coverage", "related links", "related reading",
	"more related", "latest", "latest news", "latest stories", "latest articles",
	"latest posts", "latest videos", "don't miss", "dont miss", "do not miss",
	"more stories", "more news", "more on this", "more on this story",
	"more on this topic", "more articles", "more from", "more to read",
	"recommended", "recommended for you", "recommended stories",
	"recommended articles", "recommended reading", "recommended videos",
	"trending", "trending now", "trending news", "trending stories",
	"trending topics", "trending articles", "popular", "most popular",
	"popular stories", "popular news", "popular posts", "popular now",
	"most read", "most viewed", "most shared", "most commented", "most watched",
	"top stories", "top news", "top headlines", "top picks", "headlines",
	"you may also like", "you might also like", "you may like",
	"you might be interested in", "you may be interested in",
	"you may also be interested in", "editor's picks", "editors picks",
	"editor's pick", "editors' picks", "what to read next", "read next",
	"up next", "must read", "must reads", "must watch", "in other news",
	"in case you missed it", "also on", "also in news", "suggested reading",
	"suggested articles", "further reading", "more like this", "keep reading",
	"stories you may like", "from the web", "around the web", "sponsored stories",
	"promoted stories", "more videos", "watch more", "also watch", "watch also",
	"other stories", "other news", "top videos", "featured", "featured stories",
	"related video", "related videos", "news in brief", "just in",
	"breaking news", NULL,
};

/* Headers that also introduce one teaser on the same line ("Also read: X"). */
static const char *const related_prefixes[] = {
	"also read", "read also", "also see", "see also", "read more", "related",
	"don't miss", "dont miss", "must read", "recommended", "read next",
	"up next", "also watch", "watch also", "watch", "read", "more", "suggested",
	"in pics", "in pictures", "listen", "video", "explained", "also",
	"latest", "trending", "opinion", "analysis", "photos", "in photos", NULL,
};

static const char *const nav_exact[] = {
	"advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
	"sponsored content", "paid content", "promoted", "partner content",
	"story continues below advertisement", "article continues below advertisement",
	"article continues below", "story continues below", "continue reading below",
	"advertisement - continue reading below", "advertisement continue reading below",
	"scroll to continue with content", "continue reading", "continue", "close",
	"back to top", "go to top", "top", "return to top", "scroll to top",
	"skip to content", "skip to main content", "skip to navigation",
	"skip to main navigation", "skip to footer", "skip navigation", "skip",
	"jump to", "jump to comments", "menu", "main menu", "open menu",
	"close menu", "toggle navigation", "navigation", "search", "search for",
	"go", "submit", "home", "homepage", "home page", "previous", "next", "prev",
	"previous article", "next article", "previous story", "next story",
	"previous post", "next post", "previous page", "next page", "older post",
	"newer post", "older posts", "newer posts", "loading", "show more",
	"load more", "see more", "view more", "view all", "see all", "more",
	"click here", "expand", "collapse", "enlarge", "enlarge this image",
	"toggle caption", "hide caption", "show caption", "full screen",
	"fullscreen", "exit fullscreen", "play", "pause", "mute", "unmute",
	"watch video", "watch", "listen", "listen to this article",
	"listen to article", "audio", "video", "image", "gallery", "photos",
	"view gallery", "view photos", "open gallery", "sections", "topics",
	"tags", "follow", "follow us", "more topics", "english", "edition",
	"select language", "language", "choose your edition", "print edition",
	"e-paper", "epaper", "today's paper", "subscriber", "my account",
	"account", "profile", "settings", "notifications", "log out", "logout",
	"sign out", "contact us", "about us", "about", "careers", "privacy",
	"privacy policy", "terms", "terms of use", "terms of service",
	"terms and conditions", "terms & conditions", "sitemap", "site map",
	"rss", "rss feed", "feedback", "help", "faq", "faqs", "advertise",
	"advertise with us", "contact", "team", "archive", "archives", "ok",
	"yes", "cancel", "dismiss", "accept", "got it", "i agree", "agree",
	"x", "back", "go back", "return", "view", "report", "report an error",
	"report a correction", "corrections", "correction", "reprints",
	"reprints & permissions", "permissions", "licensing", "buy photo",
	"buy this photo", "order reprint", "save", "saved", "save article",
	"save for later", "bookmark", "gift article", "gift this article",
	"image", "photo", "photos", "view image", "view images", "zoom",
	"article", "story", "text size", "font size", "a a", "aa", "a+ a-",
	"a- a+", "live", "live tv", "watch live", "live updates", "news",
	"translate", "print this article", "print this page", "email this article",
	"email this story", "show all", "hide", "read full article",
	"read full story", "read the full story", "read the full article",
	"read original article", "read the original article", "read article",
	"read story", "full story", "full article", "read in app", "open in app",
	"view in app", "continue in app", NULL,
};

/* Words of a run of share-button labels. */
static const char *const share_tokens[] = {
	"facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit",
	"telegram", "email", "e-mail", "mail", "print", "share", "shares",
	"tweet", "messenger", "copy", "link", "url", "sms", "flipboard", "pocket",
	"tumblr", "google", "viber", "koo", "threads", "bluesky", "instagram",
	"youtube", "snapchat", "tiktok", "x", "this", "article", "story", "page",
	"on", "via", "the", "copied", "copylink", "more", "options", "wechat",
	"weibo", "vk", "digg", "mix", "line", "gmail", "outlook", "yahoo",
	"comment", "comments", "save", "gift", "plus", "hacker", "news", "hn",
	"opens", "in", "new", "window", "tab", "click", "to", "post", "send",
	"by", "whatsapp", "xing", "skype", "buffer", "evernote", "sharethis",
	"addthis", "0", NULL,
};

/* Of which these make a line share labels (not just words). */
static const char *const share_strong[] = {
	"facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit",
	"telegram", "email", "e-mail", "print", "share", "tweet", "messenger",
	"flipboard", "tumblr", "copylink", "sharethis", "addthis", "gmail",
	"mail", "viber", "pocket", "sms", "wechat", "weibo", "koo", NULL,
};

static const char *const agencies[] = {
	"ani", "ians", "pti", "ap", "afp", "reuters", "xinhua", "uni", "bernama",
	"app", "dpa", "efe", "ansa", "tass", "itar-tass", "kyodo", "yonhap",
	"nni", "ppi", "inp", "app", "sana", "wam", "spa", "irna", "anadolu",
	"aa", "bss", "unb", "ndtv", "agencies", "agency", "rtt", "rttnews",
	"upi", "cna", "pna", "ina", "mena", "kuna", "qna", "bna", "petra",
	"trend", "apa", "interfax", "ria", "sputnik", "rss", "nna", "ht",
	"toi", "dawn", "ptv", "aji", "mna", "tns", "online", "web desk",
	"news desk", "agence france-presse", "associated press", "the associated press",
	"press trust of india", "asian news international", "indo-asian news service",
	"bloomberg", "cnn", "bbc", "reuters/ani", "ani/reuters", NULL,
};

/* ------------------------------------------------------------------ */
/* Small classifiers                                                    */

static bool in_list(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if ((*list)[0] == w[0] && strlen(*list) == n && memcmp(*list, w, n) == 0)
			return true;
	return false;
}

/* w[0..n) is a concatenation of share tokens ("facebooktwitterlinkedin");
 * *strong is set when one of them is a real button label. */
static bool share_word(const char *w, size_t n, bool *strong, int depth)
{
	if (n == 0)
		return true;
	if (depth > 12)
		return false;
	for (const char *const *t = share_tokens; *t != NULL; t++) {
		if ((*t)[0] != w[0])
			continue;
		size_t tl = strlen(*t);
		if (tl <= n && memcmp(w, *t, tl) == 0 && (tl > 1 || n == 1)) {
			bool st = false;
			if (share_word(w + tl, n - tl, &st, depth + 1)) {
				if (in_list(*t, tl, share_strong) || st)
					*strong = true;
				return true;
			}
		}
	}
	return false;
}

/* The whole line is share-button labels. */
static bool share_row(const struct fline *l)
{
	if (l->words == 0 || l->words > 24 || l->n >= FOLD_MAX)
		return false;
	bool strong = false;
	int nw = 0;
	const char *s = l->f;
	size_t i = 0;
	while (i < l->n) {
		/* a word: letters, digits and '-' ("e-mail") */
		while (i < l->n && !(isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
			i++;
		size_t b = i;
		while (i < l->n && (isalnum((unsigned char)s[i]) || s[i] == '-' ||
				    (unsigned char)s[i] >= 0x80))
			i++;
		if (i == b)
			break;
		size_t wl = i - b;
		while (wl > 0 && s[b + wl - 1] == '-')
			wl--;
		bool digits = true;
		for (size_t k = b; k < b + wl; k++)
			if (!isdigit((unsigned char)s[k]))
				digits = false;
		if (digits && wl <= 6) /* share counters: "Share 12" */
			continue;
		bool st = false;
		if (!share_word(s + b, wl, &st, 0))
			return false;
		if (st)
			strong = true;
		nw++;
	}
	return strong && nw > 0;
}

/* Word w[0..n) of a date: a month or weekday name, an ordinal, a number, a
 * time word. */
static bool date_word(const char *w, size_t n, bool *month, bool *number)
{
	static const char *const names[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "jan",
		"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", NULL,
	};
	static const char *const other[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
		"sat", "sun", "am", "pm", "a", "m", "p", "gmt", "utc", "ist", "pkt",
		"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet",
		"cest", "et", "pt", "hrs", "hours", "h", "z", "t", "published",
		"updated", "posted", "on", "at", "last", "modified", "date", "first",
		"created", "of", "the", "today", "is", "time", "ago", "minutes",
		"minute", "mins", "min", "hour", "days", "day", "yesterday", "and",
		"edited", "uploaded", "ist", "pkst", "aest", "aedt", "sgt", "hkt",
		"jst", "kst", "wib", "eat", "cat", "wat", "sast", NULL,
	};
	if (in_list(w, n, names)) {
		*month = true;
		return true;
	}
	if (in_list(w, n, other))
		return true;
	size_t d = 0;
	while (d < n && isdigit((unsigned char)w[d]))
		d++;
	if (d == 0)
		return false;
	*number = true;
	if (d == n)
		return d <= 8;
	const char *suf = w + d;
	size_t sl = n - d;
	return (sl == 2 && (starts(suf, "st") || starts(suf, "nd") || starts(suf, "rd") ||
			    starts(suf, "th"))) ||
	       (sl == 2 && (starts(suf, "am") || starts(suf, "pm"))) ||
	       (sl == 1 && (suf[0] == 'h' || suf[0] == 't' || suf[0] == 'z'));
}

/* The line is only a date or a time with its label ("Tuesday, November 25,
 * 2026", "Updated: 10:30 AM IST, 3 March 2016", "2 hours ago"). */
static bool date_only(const struct fline *l)
{
	if (l->words == 0 || l->words > 16 || l->n > 120)
		return false;
	bool month = false, number = false;
	const char *s = l->f;
	size_t i = 0;
	int nw = 0, nums = 0;
	bool year = false, clock = false;
	while (i < l->n) {
		while (i < l->n && !is_alnum_byte((unsigned char)s[i]))
			i++;
		size_t b = i;
		while (i < l->n && is_alnum_byte((unsigned char)s[i]))
			i++;
		if (i == b)
			break;
		if (!date_word(s + b, i - b, &month, &number))
			return false;
		nw++;
		if (isdigit((unsigned char)s[b])) {
			nums++;
			if (i - b == 4 && (starts(s + b, "19") || starts(s + b, "20")))
				year = true;
			if (i < l->n && s[i] == ':' && i + 1 < l->n && isdigit((unsigned char)s[i + 1]))
				clock = true;
		}
	}
	/* "02-751-1500" is a phone number, not a date. */
	return nw > 0 && number && (month || has(l, "ago") || clock || (year && nums >= 3));
}

/* "(ANI)", "-- IANS sd/pgh", "PTI ksk", "Reuters", "(With inputs from
 * agencies)". */
static bool feed_id(const struct fline *l)
{
	if (l->n > 80)
		return false;
	char w[FOLD_MAX + 8];
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++) {
		char c = l->f[i];
		if (c == '(' || c == ')' || c == '[' || c == ']')
			continue;
		w[n++] = c;
	}
	w[n] = '\0';
	size_t b = 0;
	while (b < n && (w[b] == '-' || w[b] == ' ' || w[b] == '*'))
		b++;
	while (n > b && (w[n - 1] == ' ' || w[n - 1] == '.' || w[n - 1] == '-'))
		n--;
	w[n] = '\0';
	const char *s = w + b;
	size_t sl = n - b;
	if (sl == 0)
		return false;
	if (starts(s, "with inputs from") || starts(s, "with input from") ||
	    starts(s, "inputs from") || starts(s, "input from") ||
	    starts(s, "with agency inputs") || starts(s, "with agencies") ||
	    starts(s, "agency inputs") || starts(s, "source: ") ||
	    starts(s, "sources: ") || starts(s, "via "))
		return l->words <= 8;
	/* Agency name, then optional desk initials ("sd/pgh", "ksk", "mnk/1234"). */
	for (const char *const *a = agencies; *a != NULL; a++) {
		size_t al = strlen(*a);
		if (sl < al || memcmp(s, *a, al) != 0)
			continue;
		const char *r = s + al;
		if (*r == '\0')
			return true;
		if (*r != ' ' && *r != '/' && *r != ',')
			continue;
		/* "Sana Qadir" is a name, not the agency SANA and a desk code:
		 * desk codes are lower case or capitals, never Title case. */
		if (l->titlewords == l->words && l->lowwords == 0 && memchr(s, '/', sl) == NULL)
			continue;
		/* The rest must be short lower-case tokens (staff initials), other
		 * agency names or a date stamp. */
		bool ok = true;
		int toks = 0;
		while (*r != '\0' && ok) {
			while (*r == ' ' || *r == '/' || *r == ',' || *r == '&' || *r == '|')
				r++;
			const char *t = r;
			while (*r != '\0' && *r != ' ' && *r != '/' && *r != ',')
				r++;
			size_t tl = (size_t)(r - t);
			if (tl == 0)
				break;
			toks++;
			bool alnum = true;
			for (size_t k = 0; k < tl; k++)
				if (!isalnum((unsigned char)t[k]) && t[k] != '-' && t[k] != '.')
					alnum = false;
			ok = alnum && (tl <= 5 || in_list(t, tl, agencies));
		}
		if (ok && toks <= 5)
			return true;
	}
	return false;
}

/* Reporting credits: "(Reporting by X; Editing by Y)", "Writing by ...". */
static bool reporting_credit(const struct fline *l)
{
	const char *s = l->f;
	while (*s == '(' || *s == '[' || *s == '-' || *s == ' ')
		s++;
	static const char *const heads[] = {
		"reporting by", "additional reporting by", "additional reporting",
		"writing by", "editing by", "compiled by", "edited by", "graphic by",
		"graphics by", "research by", "reported by", "produced by",
		"translated by", "translation by", "with reporting by", "reporting:",
		"reporting and writing by", "written by", "story by", "text by",
		"words by", "(c) reuters", NULL,
	};
	bool head = false;
	for (const char *const *h = heads; *h != NULL; h++)
		if (starts(s, *h))
			head = true;
	if (!head)
		return false;
	if (l->words > 40)
		return false;
	if (has(l, "editing by") || has(l, "writing by") || has(l, "; ") ||
	    l->f[0] == '(' || l->f[0] == '[')
		return true;
	/* "Reporting by Ana Mendez in Kabul" - short, names, no sentence */
	return l->words <= 12 && (!l->endpunct || l->lowwords <= 3);
}

/* "Home | World | Pakistan | Opinion", "Home > News > Asia". */
static bool nav_row(const struct fline *l)
{
	if (l->n > 300)
		return false;
	int segs = 1, maxw = 0, w = 0, seps = 0;
	bool inword = false, sentence = false;
	for (size_t i = 0; i < l->n; i++) {
		char c = l->f[i];
		bool spaced = i > 0 && l->f[i - 1] == ' ' && i + 1 < l->n && l->f[i + 1] == ' ';
		bool sep = c == '|' || c == '>' || c == '<' ||
			   ((c == '/' || c == '*') && spaced);
		if (sep) {
			if (w > 0)
				segs++;
			seps++;
			if (w > maxw)
				maxw = w;
			w = 0;
			inword = false;
			continue;
		}
		if (c == '.' && i + 1 < l->n && l->f[i + 1] == ' ')
			sentence = true;
		bool a = is_alnum_byte((unsigned char)c);
		if (a && !inword)
			w++;
		inword = a;
	}
	if (w > maxw)
		maxw = w;
	return seps >= 2 && segs >= 3 && maxw <= 4 && !sentence;
}

/* A currency amount followed by a period ("$1.99/month", "Rs 999 per year",
 * "EUR 5 a week"). */
static bool price_offer(const struct fline *l)
{
	static const char *const periods[] = {
		"/month", "/mo", "/year", "/yr", "/week", "/wk", "/day",
		"per month", "per year", "per week", "per annum", "a month", "a year",
		"a week", "monthly", "annually", "yearly", "/ month", "/ year",
		"/ week", "per day", "for 1 year", "for one year", "for 12 months",
		"for 6 months", "for 3 months", "for the first month",
		"for your first", "first month", "first year", NULL,
	};
	static const char *const money[] = {
		"$", "rs", "rs.", "inr", "usd", "eur", "gbp", "pkr", "aud", "cad",
		"\xC2\xA3", "\xE2\x82\xAC", "\xE2\x82\xB9", "\xC2\xA5", NULL,
	};
	if (strpbrk(l->f, "0123456789") == NULL)
		return false;
	bool cur = false;
	for (const char *const *m = money; *m != NULL && !cur; m++) {
		size_t ml = strlen(*m);
		const char *p = l->f;
		while ((p = memmem(p, l->n - (size_t)(p - l->f), *m, ml)) != NULL) {
			const char *q = p + ml;
			while (*q == ' ')
				q++;
			bool lb = p == l->f || !isalpha((unsigned char)p[-1]);
			if (lb && isdigit((unsigned char)*q)) {
				cur = true;
				break;
			}
			p += ml;
		}
	}
	if (!cur)
		return false;
	bool per = false;
	for (const char *const *p = periods; *p != NULL && !per; p++)
		if (strstr(l->f, *p) != NULL)
			per = true;
	return per;
}

/* Paywall, metering and subscription offers. */
static bool paywall(const struct fline *l)
{
	static const char *const strong[] = {
		"free articles left", "free article left", "free articles remaining",
		"free article remaining", "free stories left", "free stories remaining",
		"articles remaining this month", "free articles this month",
		"free articles per month", "of your free articles",
		"your free article", "subscribe to continue reading",
		"subscribe to read the full", "subscribe to read more",
		"subscribe to keep reading", "subscribe to unlock",
		"subscribe to get full access", "subscribe now to continue",
		"to continue reading this article", "to continue reading, subscribe",
		"to continue reading, please", "to continue reading please",
		"log in to continue", "login to continue", "sign in to continue",
		"sign in to read", "log in to read", "login to read",
		"already a subscriber", "already subscribed", "already have an account",
		"don't have an account", "become a subscriber",
		"this article is for subscribers", "this content is for subscribers",
		"for subscribers only", "subscribers only", "subscriber-only",
		"exclusive to subscribers", "exclusive for subscribers",
		"start your free trial", "start free trial", "cancel anytime",
		"cancel any time", "digital + print", "print + digital",
		"billed annually", "billed monthly", "billed yearly",
		"subscribe now", "subscribe today", "subscribe here",
		"register to continue", "log in or subscribe", "login or subscribe",
		"sign in or subscribe", "subscribe or log in", "subscribe or login",
		"subscribe or sign in", "log in or register", "login or register",
		"sign in or register", "forgot password", "forgot your password",
		"reset password", "remember me", "unlock this article",
		"unlock full access", "subscription required",
		/* donation appeals */
		"small favour to ask", "small favor to ask", "support us from",
		"support us with", "support us today", "donate now", "make a donation",
		"make a contribution", "become a supporter", "give once",
		"give monthly", NULL,
	};
	/* Phrases news prose also uses ("given unlimited access"): clutter only
	 * when the line is not a sentence or speaks to the reader. */
	static const char *const medium[] = {
		"to read the full article", "to read the full story",
		"to read this article", "to keep reading", "become a member",
		"available to subscribers", "premium subscribers", "free trial",
		"unlimited digital access", "unlimited access", "digital subscription",
		"digital and print", "print and digital", "subscription plans",
		"subscription offer", "choose your plan", "choose a plan",
		"select a plan", "view plans", "see plans", "see all plans",
		"best value", "limited time offer", "limited-time offer",
		"special offer", "support our journalism",
		"support independent journalism", "support quality journalism",
		"you've reached your", "you have reached your", "reached the limit",
		"you've read", "premium article", "premium content", "premium story",
		"exclusive content", "register for free", "register now",
		"create a free account", "create an account", "create your account",
		"create your free account", "sign up for free", "sign up free",
		"log in to your account", "sign in to your account",
		"access all articles", "read unlimited", "gift subscription",
		"renew your subscription", "manage subscription", "subscribe to",
		"subscribe for", "subscribe from", NULL,
	};
	static const char *const shortonly[] = {
		"subscribe", "subscription", "subscriptions", "subscriber", "log in",
		"login", "sign in", "sign up", "register", "signin", "signup",
		"my account", "e-mail address",
		"email address", "per month", "per year", NULL,
	};
	if (l->words <= 8 && !l->endpunct && has_any(l, shortonly))
		return true;
	if (l->words <= 4 && !l->endpunct && (starts(l->f, "support ") || starts(l->f, "donate")))
		return true;
	if (l->words <= 4 && has_any(l, shortonly))
		return true;
	if (!l->endpunct && l->words <= 20 && price_offer(l))
		return true;
	if (l->words > 40)
		return false;
	/* Cheap gate: every strong phrase holds one of these stems. */
	static const char *const stems[] = {
		"subscri", "free", "log", "sign", "access", "continue", "read",
		"account", "regist", "plan", "premium", "trial", "cancel", "digital",
		"offer", "member", "support", "reached", "unlock", "password",
		"paywall", "meter", "remember", "billed", "best value", "favo",
		"donat", "contribut", "give", NULL,
	};
	bool stem = false;
	for (const char *const *p = stems; *p != NULL && !stem; p++)
		stem = maybe(l, *p);
	if (!stem)
		return false;
	/* Strong phrases in a sentence: still the site talking, unless the line
	 * is long prose (a news story about subscriptions). */
	if (has_any(l, strong))
		return true;
	return l->words <= 25 && l->f[0] != '"' && l->f[0] != '\'' &&
	       (!l->endpunct || has(l, "you") || has(l, "your") || has(l, "our")) &&
	       has_any(l, medium);
}

/* ------------------------------------------------------------------ */
/* The line classifier                                                  */

static enum dyad_clutter classify(const struct fline *lp)
{
	if (lp->n == 0)
		return DYAD_CLUTTER_NONE;
	const char *f = lp->f;

	/* CMS shortcodes: "[caption id=...]", "[/embed]", "[gallery ids=...]". */
	if (f[0] == '[') {
		static const char *const codes[] = {
			"[caption", "[/caption", "[embed", "[/embed", "[gallery",
			"[video", "[/video", "[audio", "[/audio", "[playlist",
			"[tweet", "[/tweet", "[youtube", "[/youtube", "[instagram",
			"[facebook", "[vc_", "[/vc_", "[et_pb", "[/et_pb", "[ad",
			"[related", "[contact-form", "[button", "[/button",
			"[box", "[/box", "[quote", "[/quote", "[pullquote",
			"[/pullquote", "[su_", "[/su_", "[fusion", "[/fusion",
			"[soundcloud", "[iframe", "[googlemaps", "[wp", "[/wp",
			"[image", "[img", "[/img", "[slideshow", "[scribd",
			"[jwplayer", "[brightcove", "[ooyala", "[dailymotion",
			"[vimeo", "[twitter", "[tweetable", "[/tweetable",
			"[dropcap", "[/dropcap", "[sc", "[/sc", NULL,
		};
		for (const char *const *c = codes; *c != NULL; c++)
			if (starts(f, *c))
				return DYAD_CLUTTER_SHORTCODE;
	}

	/* Exact headers and labels. */
	if (lp->words <= 12) {
		if (core_in(lp, related_headers))
			return DYAD_CLUTTER_RELATED;
		/* "Yes." and "Next." are paragraphs; "Loading..." is not. */
		bool sentence = lp->endpunct && !(lp->n >= 3 && strcmp(f + lp->n - 3, "...") == 0);
		if (!sentence && core_in(lp, nav_exact))
			return DYAD_CLUTTER_NAV;
	}

	/* "Latest from Dawn", "More from World", "More in Sport". */
	if (lp->words <= 6 && !lp->endpunct &&
	    (starts(f, "latest from") || starts(f, "more from") || starts(f, "more in ") ||
	     starts(f, "more on ") || starts(f, "more about ") || starts(f, "latest in ") ||
	     starts(f, "latest on ") || starts(f, "also on ") || starts(f, "more stories from") ||
	     starts(f, "more news from") || starts(f, "top stories from")))
		return DYAD_CLUTTER_RELATED;

	/* Read-time labels: "5 min read", "Reading time: 3 minutes". */
	static const char *const readtime[] = {
		"min read", "mins read", "minute read", "minutes read",
		"minute reading", "reading time", "read time", "min. read",
		"minutes to read", "min to read", NULL,
	};
	/* also a whole meta row: "By R K Das Published September 12, 2024 4 min read" */
	if ((lp->words <= 8 || (lp->words <= 16 && !lp->endpunct)) && has_any(lp, readtime))
		return DYAD_CLUTTER_READTIME;

	if (share_row(lp))
		return DYAD_CLUTTER_SHARE;
	if (lp->words <= 10 && !lp->endpunct &&
	    (starts(f, "share this") || starts(f, "share on ") || starts(f, "share via") ||
	     starts(f, "share article") || starts(f, "share story") ||
	     starts(f, "share the story") || starts(f, "share the article") ||
	     starts(f, "click to share") || starts(f, "click to email") ||
	     starts(f, "click to print") || starts(f, "share:") ||
	     starts(f, "tweet this") || starts(f, "post to") || starts(f, "pin it") ||
	     has(lp, "(opens in new window)") || has(lp, "opens in a new window") ||
	     starts(f, "email this") || starts(f, "print this") ||
	     starts(f, "send this") || starts(f, "copy link") ||
	     starts(f, "copy the link") || starts(f, "link copied")))
		return DYAD_CLUTTER_SHARE;
	if (lp->words <= 30 && starts(f, "share") && has(lp, "sharing options"))
		return DYAD_CLUTTER_SHARE;

	/* Header + teaser on one line: "Also read: Minister resigns". */
	if (lp->words <= 30) {
		size_t pl = core_starts_any(lp, related_prefixes);
		if (pl > 0) {
			const char *r = lp->core + pl;
			while (*r == ' ')
				r++;
			if (*r == ':' || *r == '|' || (*r == '-' && r[1] == ' ') || *r == '>') {
				bool headery = true;
				/* Words like "watch", "read" and "more" start sentences:
				 * need them in upper case or before a colon. */
				if (pl <= 5 || core_starts_any(lp, (const char *const[]){
						       "read", "more", "listen", "video", "also",
						       "latest", "opinion", "analysis", "photos",
						       "explained", "watch", "trending", NULL}) == pl)
					headery = (*r == ':' || *r == '|' || *r == '>') &&
						  !lp->endpunct;
				if (headery)
					return DYAD_CLUTTER_RELATED;
			}
		}
	}

	if (has(lp, "previous article") || has(lp, "next article") ||
	    has(lp, "previous story") || has(lp, "next story") ||
	    has(lp, "previous post") || has(lp, "next post") ||
	    starts(f, "prev:") || starts(f, "next:") || starts(f, "previous:") ||
	    starts(f, "<< previous") || starts(f, "next >>") ||
	    starts(f, "< previous") || starts(f, "next >")) {
		if (lp->words <= 4 || !lp->endpunct || starts(f, "previous") || starts(f, "next"))
			return DYAD_CLUTTER_NAV;
	}

	if (lp->words <= 30 && (has(lp, "newsletter") || has(lp, "newsletters"))) {
		if (!lp->endpunct || has(lp, "sign up") || has(lp, "subscribe") ||
		    has(lp, "our newsletter") || has(lp, "your inbox") ||
		    has(lp, "get the") || has(lp, "delivered"))
			return DYAD_CLUTTER_NEWSLETTER;
	}
	if (lp->words <= 30 &&
	    (has(lp, "download the app") || has(lp, "download our app") ||
	     has(lp, "get the app") || has(lp, "get our app") ||
	     (has(lp, "download the") && has(lp, "app") && !lp->endpunct) ||
	     (has(lp, "app store") && has(lp, "google play")) ||
	     has(lp, "follow us on") || (has(lp, "follow us") && !lp->endpunct) ||
	     has(lp, "like us on facebook") || has(lp, "join our whatsapp") ||
	     has(lp, "join our telegram") || has(lp, "join us on") ||
	     (has(lp, "follow our") && has(lp, "channel")) ||
	     has(lp, "enter your email") || (has(lp, "your email address") && !has(lp, "will not be published")) ||
	     has(lp, "by signing up") || has(lp, "delivered to your inbox") ||
	     has(lp, "straight to your inbox") || has(lp, "in your inbox") ||
	     (has(lp, "sign up for") && (has(lp, "alerts") || has(lp, "updates") || has(lp, "email"))) ||
	     has(lp, "get alerts") || has(lp, "push notifications") ||
	     has(lp, "turn on notifications") || has(lp, "allow notifications")))
		return DYAD_CLUTTER_NEWSLETTER;

	if (has(lp, "cookie") || has(lp, "cookies")) {
		if (lp->words <= 80 && (has(lp, "we use cookies") || has(lp, "uses cookies") ||
				      has(lp, "use of cookies") || has(lp, "cookie policy") ||
				      has(lp, "accept cookies") || has(lp, "accept all") ||
				      has(lp, "cookie settings") || has(lp, "cookie preferences") ||
				      has(lp, "cookies policy") || has(lp, "cookie notice") ||
				      has(lp, "by continuing") || has(lp, "you agree") ||
				      has(lp, "you consent") || has(lp, "manage cookies") ||
				      has(lp, "this site uses") || has(lp, "this website uses") ||
				      (!lp->endpunct && lp->words <= 8)))
			return DYAD_CLUTTER_COOKIE;
	}
	static const char *const consent[] = {
		"by continuing to use", "by using this site", "by using this website",
		"by using our site", "manage consent", "consent preferences",
		"privacy preferences", "we value your privacy", "your privacy choices",
		"do not sell my", NULL,
	};
	if (lp->words <= 60 && has_any(lp, consent))
		return DYAD_CLUTTER_COOKIE;

	/* Comment sections. */
	if (lp->words <= 8 && !lp->endpunct) {
		static const char *const comment_exact[] = {
			"comments", "comment", "leave a reply", "leave a comment",
			"post a comment", "add a comment", "add comment", "post comment",
			"submit comment", "write a comment", "show comments",
			"view comments", "hide comments", "load comments", "see comments",
			"read comments", "view all comments", "show all comments",
			"join the conversation", "join the discussion", "discussion",
			"no comments", "comments closed", "comments are closed",
			"be the first to comment", "reply", "replies", "report abuse",
			"comment policy", "community guidelines", "reader comments",
			"readers' comments", "readers comments", "your comment",
			"your comments", "conversation", "sort by", "newest", "oldest",
			"most liked", "top comments", "cancel reply", "leave a response",
			"have your say", "comment now", "comment on this story",
			"comment on this article", "comments policy", "login to comment",
			"log in to comment", "sign in to comment", "comment below",
			"start the conversation", "write your comment",
			"comments (0)", NULL,
		};
		if (core_in(lp, comment_exact))
			return DYAD_CLUTTER_COMMENTS;
		/* "Comments (12)", "12 Comments", "Comments: 3" */
		char c0[64];
		size_t k = 0;
		for (size_t i = 0; i < lp->cn && k < sizeof c0 - 1; i++)
			if (!isdigit((unsigned char)lp->core[i]) && lp->core[i] != '(' &&
			    lp->core[i] != ')' && lp->core[i] != ':' && lp->core[i] != ' ')
				c0[k++] = lp->core[i];
		c0[k] = '\0';
		if ((strcmp(c0, "comments") == 0 || strcmp(c0, "comment") == 0 ||
		     strcmp(c0, "replies") == 0 || strcmp(c0, "reply") == 0 ||
		     strcmp(c0, "responses") == 0 || strcmp(c0, "response") == 0) &&
		    strpbrk(lp->core, "0123456789") != NULL)
			return DYAD_CLUTTER_COMMENTS;
	}
	/* WordPress-style thread headers and comment signatures:
	 * "34 responses to "Title"", "12 thoughts on "Title"", "joe123 says:" */
	if (lp->words <= 30 && isdigit((unsigned char)f[0])) {
		const char *sp = strchr(f, ' ');
		if (sp != NULL && (starts(sp, " responses to") || starts(sp, " thoughts on") ||
				   starts(sp, " comments on") || starts(sp, " replies to") ||
				   starts(sp, " comments to") || starts(sp, " reactions to") ||
				   starts(sp, " comments for")))
			return DYAD_CLUTTER_COMMENTS;
	}
	if (lp->words <= 30 && (starts(f, "one response to") || starts(f, "one thought on") ||
				starts(f, "one comment on") || starts(f, "top rated comments") ||
				starts(f, "most liked comments")))
		return DYAD_CLUTTER_COMMENTS;
	if (lp->words <= 3 && lp->n > 6 && strcmp(f + lp->n - 6, " says:") == 0)
		return DYAD_CLUTTER_COMMENTS;
	if (lp->words <= 40 && (has(lp, "your email address will not be published") ||
			      has(lp, "required fields are marked") ||
			      has(lp, "must be logged in to post a comment") ||
			      has(lp, "logged in to comment") || has(lp, "comments are moderated") ||
			      has(lp, "comments have been closed") ||
			      has(lp, "comments for this article") ||
			      has(lp, "comments are closed") || has(lp, "powered by disqus") ||
			      has(lp, "comments powered by") || has(lp, "please enable javascript to view") ||
			      has(lp, "post your comment") || has(lp, "disclaimer: comments")))
		return DYAD_CLUTTER_COMMENTS;

	/* Legal: disclaimers, copyright, syndication footers. */
	if (starts(f, "disclaimer") || starts(f, "(disclaimer") ||
	    (starts(f, "copyright") && lp->words <= 40 &&
	     (strpbrk(f, "0123456789") != NULL || has(lp, "(c)") ||
	      strstr(f, "\xC2\xA9") != NULL || !lp->endpunct)) ||
	    starts(f, "(c) ") || starts(f, "\xC2\xA9") ||
	    starts(f, "(this story has not been edited") ||
	    starts(f, "(this article has not been edited") ||
	    starts(f, "(except for the headline") || starts(f, "(only the headline") ||
	    starts(f, "(this story was") || starts(f, "(this article was") ||
	    starts(f, "(this is an auto") || starts(f, "(this report is auto") ||
	    starts(f, "(the article has been") || starts(f, "(the story has been"))
		return DYAD_CLUTTER_LEGAL;
	if (has(lp, "all rights reserved") || has(lp, "syndicated feed") ||
	    has(lp, "auto-generated from") || has(lp, "auto generated from") ||
	    has(lp, "has not been edited by") || has(lp, "not been edited by") ||
	    has(lp, "published from a syndicated") || has(lp, "from a wire agency feed") ||
	    has(lp, "from a syndicated") || has(lp, "from an agency feed") ||
	    has(lp, "may not be published, broadcast, rewritten") ||
	    has(lp, "may not be published, broadcast") ||
	    has(lp, "may not be reproduced") || has(lp, "may not be republished") ||
	    has(lp, "reproduction in whole or in part") ||
	    has(lp, "without prior written permission") ||
	    has(lp, "without express written permission") ||
	    has(lp, "views expressed in this article") || has(lp, "views expressed here") ||
	    has(lp, "views expressed are") || has(lp, "opinions expressed in this") ||
	    has(lp, "views and opinions expressed") || has(lp, "do not necessarily reflect") ||
	    has(lp, "does not necessarily reflect") || has(lp, "not responsible for the content")) {
		if (lp->words <= 80)
			return DYAD_CLUTTER_LEGAL;
	}
	if (lp->words <= 12 && (starts(f, "published in ") || starts(f, "originally published")) &&
	    (has(lp, "edition") || has(lp, "201") || has(lp, "202") || has(lp, "199") ||
	     has(lp, "200")))
		return DYAD_CLUTTER_LEGAL;

	/* Agency and feed ids; reporting credits. */
	if (feed_id(lp) || reporting_credit(lp))
		return DYAD_CLUTTER_FEEDID;

	/* Image credits. */
	if (lp->words <= 40) {
		static const char *const credit_heads[] = {
			"photo:", "photo :", "photos:", "photo credit", "photo credits",
			"photo courtesy", "photograph:", "photograph by", "photographs:",
			"photographer:", "photo by", "photos by", "image:", "images:",
			"image credit", "image credits", "image courtesy", "image source",
			"image by", "picture:", "pictures:", "pic:", "pics:",
			"picture credit", "picture by", "pic credit", "pic courtesy",
			"credit:", "credits:", "courtesy:", "file photo", "file image",
			"file picture", "file pic", "(photo", "(file photo", "(image",
			"(picture", "(pic", "representational image",
			"representational photo", "representative image",
			"representative photo", "(representational", "(representative",
			"illustration:", "illustration by", "graphic:", "video:",
			"video credit", "source: getty", "getty images", "(getty",
			"(ap photo", "ap photo", "afp photo", "(afp photo", "reuters photo",
			"(reuters photo", "shutterstock", "istock", "caption:", NULL,
		};
		for (const char *const *c = credit_heads; *c != NULL; c++)
			if (starts(f, *c))
				return DYAD_CLUTTER_CREDIT;
		if (has(lp, "photo:") || has(lp, "photo credit") || has(lp, "image credit") ||
		    has(lp, "photo/") || has(lp, "file photo") || has(lp, "(photo") ||
		    has(lp, "getty images") || has(lp, "ap photo/") || has(lp, "afp photo") ||
		    has(lp, "/ afp") || has(lp, "/afp") || has(lp, "/reuters") ||
		    has(lp, "/ reuters") || has(lp, "/ap") || has(lp, "photo courtesy") ||
		    has(lp, "image courtesy") || has(lp, "image source:") ||
		    has(lp, "photograph:") || has(lp, "pic credit") || has(lp, "picture:") ||
		    has(lp, "(file)") || has(lp, "hide caption") || has(lp, "toggle caption") ||
		    has(lp, "via getty") || has(lp, "shutterstock") || has(lp, "photo by ") ||
		    has(lp, "photos by "))
			return DYAD_CLUTTER_CREDIT;
		/* Gallery counters: "1 / 12", "Image 3 of 10". */
		if (lp->words <= 4 && (has(lp, "of") || strchr(f, '/') != NULL)) {
			bool onlynum = true;
			for (size_t i = 0; i < lp->n; i++) {
				char c = f[i];
				if (!(isdigit((unsigned char)c) || c == ' ' || c == '/'))
					onlynum = false;
			}
			if (onlynum || starts(f, "image ") || starts(f, "photo ") ||
			    starts(f, "slide ") || starts(f, "picture "))
				if (strpbrk(f, "0123456789") != NULL && lp->words <= 4 && !lp->endpunct)
					return DYAD_CLUTTER_CREDIT;
		}
	}

	if (paywall(lp))
		return DYAD_CLUTTER_PAYWALL;

	/* Navigation rows, breadcrumbs, lone dates, lone "Tags: a, b". */
	if (nav_row(lp))
		return DYAD_CLUTTER_NAV;
	if (date_only(lp))
		return DYAD_CLUTTER_NAV;
	if (lp->words <= 30 && !lp->endpunct &&
	    (starts(f, "tags:") || starts(f, "tags ") || starts(f, "topics:") ||
	     starts(f, "filed under") || starts(f, "categories:") ||
	     starts(f, "category:") || starts(f, "keywords:") || starts(f, "section:") ||
	     starts(f, "posted in ") || starts(f, "more about:") || starts(f, "tagged:") ||
	     starts(f, "tagged with")))
		return DYAD_CLUTTER_NAV;
	if (lp->words <= 15 && (has(lp, "click here") || has(lp, "tap here")) &&
	    (!lp->endpunct || lp->words <= 10))
		return DYAD_CLUTTER_NAV;
	if (lp->words <= 8 && !lp->endpunct &&
	    (has(lp, "advertisement") || starts(f, "sponsored") ||
	     has(lp, "skip to") || has(lp, "back to top") || has(lp, "scroll to")))
		return DYAD_CLUTTER_NAV;
	if (lp->words <= 12 && (has(lp, "continue reading below") ||
			      has(lp, "continues below") || has(lp, "continues after") ||
			      has(lp, "story continues") || has(lp, "article continues")))
		return DYAD_CLUTTER_NAV;
	return DYAD_CLUTTER_NONE;
}

/* See textclean.h: the kind of clutter s[0..n) is on its own, or
 * DYAD_CLUTTER_NONE. Allocates nothing; never fails. */
enum dyad_clutter dyad_clutter_line(const char *s, size_t n)
{
	struct fline l;
	fold_line(s, n, &l);
	return classify(&l);
}

/* ------------------------------------------------------------------ */
/* Text-mode extraction                                                 */

/* CMS shortcodes: "[caption ...]text[/caption]" goes whole, other tags
 * ("[embed]", "[/embed]", "[gallery ids=...]") lose the tag only. */
static size_t shortcode_at(const char *s, size_t n, size_t i, bool *caption)
{
	static const char *const tags[] = {
		"caption", "wp_caption", "embed", "gallery", "video", "audio",
		"playlist", "tweet", "youtube", "instagram", "facebook", "soundcloud",
		"iframe", "googlemaps", "slideshow", "scribd", "jwplayer", "vimeo",
		"dailymotion", "brightcove", "pullquote", "dropcap", "button",
		"contact-form", "related", "ad", "adsense", "image", "img", "quote",
		"box", "twitter", "tweetable", "timeline", "audio_player",
		"video_player", NULL,
	};
	static const char *const families[] = {"vc_", "et_pb", "su_", "fusion", "wp", NULL};
	size_t k = i + 1;
	bool closing = k < n && s[k] == '/';
	if (closing)
		k++;
	size_t b = k;
	while (k < n && k - b < 40 &&
	       (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-'))
		k++;
	if (k == b || k >= n || (s[k] != ']' && s[k] != ' '))
		return 0;
	char name[48];
	size_t nl = k - b;
	for (size_t j = 0; j < nl; j++)
		name[j] = (char)tolower((unsigned char)s[b + j]);
	name[nl] = '\0';
	bool known = in_list(name, nl, tags);
	for (const char *const *f = families; *f != NULL && !known; f++)
		known = starts(name, *f);
	if (!known)
		return 0;
	size_t e = k;
	while (e < n && e - k < 2000 && s[e] != ']' && s[e] != '\n' && s[e] != '[')
		e++;
	if (e >= n || s[e] != ']')
		return 0;
	*caption = !closing && (strcmp(name, "caption") == 0 || strcmp(name, "wp_caption") == 0);
	return e + 1 - i;
}

static int strip_shortcodes(const char *s, size_t n, struct dyad_buf *out)
{
	size_t i = 0, last = 0;
	/* next closing caption tags, searched again only once passed, so that
	 * many unclosed tags stay linear */
	const char *c1 = NULL, *c2 = NULL;
	bool c1done = false, c2done = false;
	while (i < n) {
		const char *p = memchr(s + i, '[', n - i);
		if (p == NULL)
			break;
		i = (size_t)(p - s);
		bool caption = false;
		size_t len = shortcode_at(s, n, i, &caption);
		if (len == 0) {
			i++;
			continue;
		}
		if (dyad_buf_add(out, s + last, i - last) != DYAD_OK)
			return DYAD_ENOMEM;
		i += len;
		if (caption) {
			/* drop the caption text up to its closing tag */
			if (!c1done && (c1 == NULL || c1 < s + i)) {
				c1 = memmem(s + i, n - i, "[/caption]", 10);
				c1done = c1 == NULL;
			}
			if (!c2done && (c2 == NULL || c2 < s + i)) {
				c2 = memmem(s + i, n - i, "[/wp_caption]", 13);
				c2done = c2 == NULL;
			}
			const char *c = c1 != NULL && c1 >= s + i ? c1 : NULL;
			if (c2 != NULL && c2 >= s + i && (c == NULL || c2 < c))
				c = c2;
			if (c != NULL && (size_t)(c - s) - i < 4000)
				i = (size_t)(c - s) + (c == c2 ? 13 : 10);
		} else if (s[i - len + 1] != '/') {
			/* "[embed]https://...[/embed]": a URL or an id goes too */
			size_t e = i;
			while (e < n && e - i < 500 && s[e] != '[' && !isspace((unsigned char)s[e]))
				e++;
			if (e + 1 < n && s[e] == '[' && s[e + 1] == '/')
				i = e;
		}
		last = i;
	}
	return dyad_buf_add(out, s + last, n - last);
}

/* One paragraph of the document. */
struct para {
	size_t off, len;         /* its collapsed text in the paragraph buffer */
	enum dyad_clutter kind;  /* what the line classifier makes of it */
	int words;
	bool endpunct;           /* ends like a sentence */
	bool related_header;     /* a bare "Related"/"Also read" header */
	bool teaser;             /* a teaser line under such a header */
	bool drop;               /* taken as title, byline, date line or clutter */
	long score;              /* body evidence for the window search */
};

static int month_of(const char *w, size_t n)
{
	static const char *const months[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
		"nov", "dec",
	};
	static const char *const full[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
	};
	char lw[16];
	if (n < 3 || n > 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		lw[i] = (char)tolower((unsigned char)w[i]);
	for (int m = 0; m < 12; m++) {
		if (n == 3 && memcmp(lw, months[m], 3) == 0)
			return m + 1;
		if (n == 4 && m == 8 && memcmp(lw, "sept", 4) == 0)
			return 9;
		if (strlen(full[m]) == n && memcmp(lw, full[m], n) == 0)
			return m + 1;
	}
	return 0;
}

/* A month and day without a year in s[0..n) ("Oct 21", "October 21",
 * "21 October"). */
static bool month_day(const char *s, size_t n, int *m, int *d)
{
	size_t i = 0;
	int pm = 0, pnum = 0;
	while (i < n) {
		while (i < n && !isalnum((unsigned char)s[i]))
			i++;
		size_t b = i;
		while (i < n && isalnum((unsigned char)s[i]))
			i++;
		if (i == b)
			break;
		int mm = month_of(s + b, i - b);
		if (mm > 0) {
			if (pnum > 0 && pnum <= 31) {
				*m = mm;
				*d = pnum;
				return true;
			}
			pm = mm;
			pnum = 0;
			continue;
		}
		int num = 0;
		size_t k = b;
		while (k < i && isdigit((unsigned char)s[k]) && num < 1000)
			num = num * 10 + (s[k++] - '0');
		if (k > b && (k == i || i - k == 2) && num >= 1 && num <= 31) {
			if (pm > 0) {
				*m = pm;
				*d = num;
				return true;
			}
			pnum = num;
		} else {
			pm = 0;
			pnum = 0;
		}
	}
	return false;
}

/* Headline-like: 3..30 words, no final full stop, starts with a capital
 * (or digit or quote), not a byline or a dateline. */
static bool headline_like(const struct para *p, const char *t)
{
	if (p->kind != DYAD_CLUTTER_NONE || p->words < 2 || p->words > 30 || p->len > 220 ||
	    p->len < 8)
		return false;
	char last = t[p->len - 1];
	if (last == '.' && !(p->len >= 3 && t[p->len - 2] == '.'))
		return false;
	if (last == ',' || last == ';' || last == ':')
		return false;
	unsigned char c = (unsigned char)t[0];
	if (!(isupper(c) || isdigit(c) || c == '"' || c == '\'' || c >= 0xC0 ||
	      (c == 0xE2 && p->len > 3)))
		return false;
	if ((t[0] == 'B' || t[0] == 'b') && (t[1] == 'y' || t[1] == 'Y') && t[2] == ' ')
		return false;
	if (strncasecmp(t, "published", 9) == 0 || strncasecmp(t, "posted", 6) == 0 ||
	    strncasecmp(t, "updated", 7) == 0 || strncasecmp(t, "last updated", 12) == 0)
		return false;
	/* two sentences are not a headline ("U.S. " and "Mr. " are) */
	for (size_t i = 2; i + 1 < p->len; i++)
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
		    islower((unsigned char)t[i - 1]) && islower((unsigned char)t[i - 2]) &&
		    !(i >= 3 && t[i - 3] == ' ' && isupper((unsigned char)t[i - 2])))
			return false;
	/* "ISLAMABAD: ..." is a dateline, not a headline */
	const char *colon = memchr(t, ':', p->len < 40 ? p->len : 40);
	if (colon != NULL) {
		bool caps = true;
		for (const char *q = t; q < colon; q++)
			if (islower((unsigned char)*q))
				caps = false;
		if (caps)
			return false;
	}
	return true;
}

/* Next space-separated word of s[0..n) from *i: its start in *b, its end
 * in *i; false at the end. */
static bool next_word(const char *s, size_t n, size_t *i, size_t *b)
{
	while (*i < n && s[*i] == ' ')
		(*i)++;
	*b = *i;
	while (*i < n && s[*i] != ' ')
		(*i)++;
	return *i > *b;
}

/* Strip a site-name suffix: "Title | Dawn", "Title - The Express Tribune". */
static size_t strip_suffix(const char *t, size_t n, const char *outlet)
{
	for (int round = 0; round < 3; round++) {
		size_t best = 0, seplen = 0;
		bool pipe = false;
		for (size_t i = 1; i + 2 < n; i++) {
			if (t[i] != ' ')
				continue;
			const char *q = t + i + 1;
			size_t l = 0;
			if (*q == '|' || *q == '-' || (*q == ':' && q[1] == ':'))
				l = *q == ':' ? 2 : 1;
			else if ((unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
				 ((unsigned char)q[2] == 0x93 || (unsigned char)q[2] == 0x94))
				l = 3;
			else if ((unsigned char)q[0] == 0xC2 && (unsigned char)q[1] == 0xAB)
				l = 2;
			if (l > 0 && i + 1 + l < n && q[l] == ' ') {
				best = i;
				seplen = l + 2;
				pipe = *q == '|' || *q == ':';
			}
		}
		if (best == 0)
			break;
		const char *suf = t + best + seplen;
		size_t sl = n - best - seplen;
		bool strip = false;
		if (outlet != NULL && *outlet != '\0' && strlen(outlet) == sl &&
		    strncasecmp(outlet, suf, sl) == 0)
			strip = true;
		/* Site names are short and capitalised, with no verbs we could see:
		 * require every word capitalised (bar small words) and no digits. */
		int words = 0;
		bool caps = true;
		for (size_t i = 0, b; next_word(suf, sl, &i, &b);) {
			words++;
			unsigned char c = (unsigned char)suf[b];
			size_t wl = i - b;
			bool small = (wl == 3 && strncmp(suf + b, "the", 3) == 0) ||
				     (wl == 2 && (strncmp(suf + b, "of", 2) == 0 ||
						  strncmp(suf + b, "on", 2) == 0)) ||
				     (wl == 3 && strncmp(suf + b, "and", 3) == 0);
			if (!(isupper(c) || c >= 0xC0 || small || (c == '.' && wl > 1)))
				caps = false;
			for (size_t k = b; k < i; k++)
				if (isdigit((unsigned char)suf[k]))
					caps = false;
		}
		if (caps && words >= 1 && words <= (pipe ? 6 : 4) && sl <= 48 && best >= 12)
			strip = true;
		if (!strip)
			break;
		n = best;
	}
	return n;
}

static bool is_role_word(const char *w, size_t n)
{
	static const char *const roles[] = {
		"staff", "reporter", "correspondent", "editor", "writer", "bureau",
		"desk", "contributor", "columnist", "senior", "special", "chief",
		"news", "our", "political", "diplomatic", "associated", "press",
		"agencies", "agency", NULL,
	};
	char lw[24];
	if (n >= sizeof lw)
		return false;
	for (size_t i = 0; i < n; i++)
		lw[i] = (char)tolower((unsigned char)w[i]);
	return in_list(lw, n, roles);
}

/* A person's name: 1..6 words, each capitalised bar particles; no digits. */
static bool name_like(const char *s, size_t n)
{
	static const char *const particles[] = {
		"de", "da", "del", "della", "van", "von", "der", "bin", "bint", "al",
		"el", "la", "le", "and", "du", "dos", "ibn", "y", NULL,
	};
	int words = 0;
	for (size_t i = 0, b; next_word(s, n, &i, &b);) {
		words++;
		unsigned char c = (unsigned char)s[b];
		for (size_t k = b; k < i; k++)
			if (isdigit((unsigned char)s[k]) || s[k] == ':' || s[k] == '|')
				return false;
		if (!(isupper(c) || c >= 0xC0) && !in_list(s + b, i - b, particles))
			return false;
	}
	return words >= 1 && words <= 6;
}

/* The publication named by a copyright line: "© 2026 Capital Courier Media
 * Ltd. All rights reserved." gives "Capital Courier". Returns the length of
 * the name starting at *start, 0 when the line names none. */
static size_t copyright_owner(const char *t, size_t n, size_t *start)
{
	static const char *const tails[] = {
		" media ltd", " media limited", " media group", " media", " pvt ltd",
		" private limited", " ltd", " limited", " inc", " llc", " plc", " corp",
		" corporation", " group", " company", " co", NULL,
	};
	size_t i = 0;
	bool mark = false;
	/* the mark may follow other footer text: "All quotes delayed. © 2026 X" */
	const char *c = memmem(t, n, "\xc2\xa9", 2);
	if (c == NULL)
		c = memmem(t, n, "Copyright", 9);
	if (c == NULL)
		c = memmem(t, n, "COPYRIGHT", 9);
	if (c != NULL)
		i = (size_t)(c - t);
	for (;;) {
		while (i < n && (t[i] == ' ' || t[i] == '.' || t[i] == ','))
			i++;
		if (i + 2 <= n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA9) {
			i += 2;  /* © */
			mark = true;
		} else if (i + 9 <= n && strncasecmp(t + i, "copyright", 9) == 0) {
			i += 9;
			mark = true;
		} else if (i + 3 <= n && strncasecmp(t + i, "(c)", 3) == 0) {
			i += 3;
			mark = true;
		} else if (mark && i < n && isdigit((unsigned char)t[i])) {
			while (i < n && (isdigit((unsigned char)t[i]) || t[i] == '-'))
				i++;
		} else {
			break;
		}
	}
	if (!mark || i >= n)
		return 0;
	size_t b = i, e = i;
	/* the name runs to a full stop, comma, year or "All rights" */
	while (e < n && t[e] != ',' && t[e] != '|' && !(t[e] == '.' && (e + 1 == n || t[e + 1] == ' ')) &&
	       !isdigit((unsigned char)t[e]) && strncasecmp(t + e, " all rights", 11) != 0 &&
	       strncasecmp(t + e, " for ", 5) != 0 && strncasecmp(t + e, " and its", 8) != 0)
		e++;
	while (e > b && t[e - 1] == ' ')
		e--;
	for (bool cut = true; cut;) {
		cut = false;
		for (size_t k = 0; tails[k]; k++) {
			size_t tl = strlen(tails[k]);
			if (e - b > tl && strncasecmp(t + e - tl, tails[k], tl) == 0) {
				e -= tl;
				cut = true;
			}
		}
	}
	if (e - b < 3 || e - b > 60 || !name_like(t + b, e - b))
		return 0;
	*start = b;
	return e - b;
}

/* A "Published ..."/"Posted on ..."/"Updated ..." label in t; returns its
 * evidence weight, 0 when none. */
static double date_label(const char *t, size_t n)
{
	size_t lim = n < 60 ? n : 60;
	if (t == NULL)
		return 0;
	if (memmem(t, lim, "ublished", 8) != NULL || memmem(t, lim, "osted", 5) != NULL ||
	    memmem(t, lim, "UBLISHED", 8) != NULL || memmem(t, lim, "OSTED", 5) != NULL ||
	    memmem(t, lim, "irst published", 14) != NULL)
		return 0.9;
	if (memmem(t, lim, "pdated", 6) != NULL || memmem(t, lim, "PDATED", 6) != NULL ||
	    memmem(t, lim, "odified", 7) != NULL)
		return 0.7;
	return 0;
}

/* Byline of a paragraph: "By Ana Mendez", "By ANA MENDEZ, Staff Reporter",
 * "Ana Mendez | Published March 3, 2016", "Written by ...". Sets the name
 * range and whether a publication-date label follows. */
static bool parse_byline(const char *t, size_t n, size_t *nb, size_t *nl)
{
	static const char *const heads[] = {
		"by ", "written by ", "posted by ", "author: ", "authors: ",
		"reported by ", "words by ", "story by ", "text by ", "reporter: ",
		"by: ", NULL,
	};
	if (t == NULL || n > 200)
		return false;
	size_t b = 0;
	for (const char *const *h = heads; *h != NULL; h++) {
		size_t hl = strlen(*h);
		if (n > hl && strncasecmp(t, *h, hl) == 0) {
			b = hl;
			break;
		}
	}
	if (b == 0) {
		/* "Priya Menon, Capital Courier": a name, then an outlet or role */
		const char *comma = memchr(t, ',', n);
		if (comma != NULL) {
			size_t cl = (size_t)(comma - t);
			int w1 = 0, w2 = 0;
			for (size_t i = 0, wb; next_word(t, cl, &i, &wb);)
				w1++;
			size_t r0 = cl + 1;
			for (size_t i = r0, wb; next_word(t, n, &i, &wb);)
				w2++;
			if (w1 >= 2 && w1 <= 3 && w2 >= 1 && w2 <= 4 && name_like(t, cl) &&
			    name_like(t + r0, n - r0) && memchr(t + r0, ',', n - r0) == NULL) {
				*nb = 0;
				*nl = cl;
				return true;
			}
		}
		/* "Monday November 18, 2019 7:45 am by Joe Rossignol": a date,
		 * then "by" and a name to the end */
		for (size_t i = 0; i + 4 < n; i++) {
			if (t[i] == ' ' && (t[i + 1] == 'b' || t[i + 1] == 'B') && t[i + 2] == 'y' &&
			    t[i + 3] == ' ') {
				struct dyad_date d;
				size_t e2 = n;
				while (e2 > i + 4 && (t[e2 - 1] == ' ' || t[e2 - 1] == '.'))
					e2--;
				if (e2 > i + 4 && dyad_date_find(t, i, &d, NULL, NULL) &&
				    name_like(t + i + 4, e2 - i - 4)) {
					*nb = i + 4;
					*nl = e2 - i - 4;
					return true;
				}
				break;
			}
		}
	}
	size_t e = n;
	/* cut at separators: " | ", " - ", " — ", ", ", " on ", " published" */
	for (size_t i = b; i < n; i++) {
		if (t[i] == '|' || t[i] == '\n' || t[i] == ',' || t[i] == ';' || t[i] == '(' ||
		    (t[i] == '-' && i > 0 && t[i - 1] == ' ') ||
		    ((unsigned char)t[i] == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
		     ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94 ||
		      (unsigned char)t[i + 2] == 0xA2)) ||
		    (unsigned char)t[i] == 0xC2) {
			e = i;
			break;
		}
		if (t[i] == ' ' && i + 1 < n &&
		    (strncasecmp(t + i + 1, "on ", 3) == 0 || strncasecmp(t + i + 1, "published", 9) == 0 ||
		     strncasecmp(t + i + 1, "updated", 7) == 0 || strncasecmp(t + i + 1, "posted", 6) == 0 ||
		     strncasecmp(t + i + 1, "in ", 3) == 0 || strncasecmp(t + i + 1, "at ", 3) == 0)) {
			e = i;
			break;
		}
	}
	while (e > b && (t[e - 1] == ' ' || t[e - 1] == '.'))
		e--;
	if (b > 0 && e > b && !name_like(t + b, e - b)) {
		/* "By Mark Ellison 4 min read": the capitalised words, when a
		 * number or a label (not a sentence) follows */
		size_t i = b, wb, last = b;
		int words = 0;
		while (words < 6 && next_word(t, e, &i, &wb) && name_like(t + wb, i - wb) &&
		       month_of(t + wb, i - wb) == 0) {
			last = i;
			words++;
		}
		bool label = false;
		for (size_t k = last; k < n; k++)
			if (isdigit((unsigned char)t[k]) || t[k] == '|' || (unsigned char)t[k] == 0xE2)
				label = true;
		if (words == 0 || !label)
			return false;
		e = last;
	}
	if (e <= b || !name_like(t + b, e - b))
		return false;
	/* the rest: a role, a date, a label; no sentence */
	const char *rest = t + e;
	size_t rl = n - e;
	if (b == 0) {
		/* no "By": needs "Name | Published ..." */
		if (!(rl > 3 && date_label(rest, rl) > 0))
			return false;
	}
	if (rl > 0) {
		/* roles after a comma must be role words, not a sentence */
		int words = 0;
		for (size_t i = 0; i < rl; i++)
			if ((i == 0 || rest[i - 1] == ' ') && isalpha((unsigned char)rest[i]))
				words++;
		if (words > 12)
			return false;
		if (rest[0] == ',') {
			size_t k = 1;
			while (k < rl && rest[k] == ' ')
				k++;
			size_t w0 = k;
			while (k < rl && isalpha((unsigned char)rest[k]))
				k++;
			struct dyad_date dd;
			if (!is_role_word(rest + w0, k - w0) && !dyad_date_find(rest, rl, &dd, NULL, NULL) &&
			    !name_like(rest + w0, rl - w0))
				return false;
		}
	}
	*nb = b;
	*nl = e - b;
	return true;
}

/* Copy a name, turning an all-capitals name into title case. */
static char *name_dup(const char *s, size_t n)
{
	char *r = dyad_strndup(s, n);
	if (r == NULL)
		return NULL;
	bool lower = false;
	for (size_t i = 0; i < n; i++)
		if (islower((unsigned char)r[i]))
			lower = true;
	if (!lower)
		for (size_t i = 1; i < n; i++)
			if (isalpha((unsigned char)r[i]) && isalpha((unsigned char)r[i - 1]))
				r[i] = (char)tolower((unsigned char)r[i]);
	return r;
}

/* Dateline at the start of a body paragraph: "ISLAMABAD: ...", "WASHINGTON
 * (Reuters) - ...", "Washington, Oct 21 (IANS) ...", "KABUL, Afghanistan —".
 * Returns the length of the dateline text (trimmed) or 0. */
size_t dyad_text_dateline(const char *t, size_t n)
{
	size_t lim = n < 80 ? n : 80;
	size_t i = 0;
	bool firstcaps = true;
	while (i < lim && t[i] != ' ' && t[i] != ',' && t[i] != ':' && t[i] != '(') {
		if (islower((unsigned char)t[i]))
			firstcaps = false;
		i++;
	}
	if (i < 2 || !isupper((unsigned char)t[0]))
		return 0;
	for (i = 0; i < lim; i++) {
		char c = t[i];
		if (c == '.' && i + 1 < lim && t[i + 1] == ' ' && !(i >= 1 && isupper((unsigned char)t[i - 1]))) {
			/* "Mich.", "Calif.": a short capitalised abbreviation; else
			 * a sentence ended first */
			size_t w = i;
			while (w > 0 && isalpha((unsigned char)t[w - 1]))
				w--;
			if (!(i - w <= 5 && isupper((unsigned char)t[w]) && memchr(t, ',', i) != NULL))
				return 0;
		}
		size_t e = i;
		while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == ','))
			e--;
		if (e == 0)
			continue;
		if (c == ':' && (i + 1 >= n || t[i + 1] == ' ')) {
			/* "ISLAMABAD:", or "Islamabad:" when it is no label */
			static const char *const labels[] = {
				"note", "update", "updated", "editor", "correction",
				"analysis", "opinion", "watch", "read", "also", "warning",
				"exclusive", "breaking", "live", "video", "photos", "source",
				"sources", "q", "a", "question", "answer", "summary", "disclaimer",
				"advertisement", "related", "listen", "explained", "comment",
				"review", "interview", "transcript", "background", "context",
				"why", "what", "how", "who", "when", "where", "mr", "mrs",
				"ms", "dr", "prof", "gen", "sen", "rep", "president",
				"minister", "pm", "sir", "lord", "capt", "col", "maj", "lt",
				"judge", "justice", "chairman", "spokesman", "spokeswoman", NULL,
			};
			int words = 0;
			/* the place is checked; what follows a comma is its date or
			 * region: "NEW DELHI, Oct 21:" */
			const char *comma = memchr(t, ',', e);
			size_t place = comma != NULL ? (size_t)(comma - t) : e;
			if (e - place > 24)
				return 0;
			for (size_t k = 0; k < place; k++) {
				if (firstcaps && islower((unsigned char)t[k]))
					return 0;
				if (k == 0 || t[k - 1] == ' ') {
					words++;
					if (!isupper((unsigned char)t[k]))
						return 0;
				}
			}
			if (!firstcaps) {
				char lw[16];
				size_t wl = 0;
				while (wl < e && wl < sizeof lw && isalpha((unsigned char)t[wl])) {
					lw[wl] = (char)tolower((unsigned char)t[wl]);
					wl++;
				}
				if (words > 3 || wl == sizeof lw || in_list(lw, wl, labels))
					return 0;
			}
			return e <= 40 ? e : 0;
		}
		if (c == '(') {
			const char *close = memchr(t + i, ')', lim - i);
			if (close == NULL || close - (t + i) > 30)
				return 0;
			/* "(Reuters)", "(IANS)", "(AP)": an agency in the brackets */
			if (!isupper((unsigned char)t[i + 1]))
				return 0;
			const char *comma = memchr(t, ',', e);
			if (!firstcaps && comma == NULL)
				return 0;
			return e;
		}
		bool dash = (c == '-' && i > 0 && t[i - 1] == ' ' && i + 1 < n && (t[i + 1] == ' ' || t[i + 1] == '-')) ||
			    ((unsigned char)c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
			     ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94));
		if (dash && firstcaps) {
			for (size_t k = 0; k < e; k++)
				if (t[k] == ',')
					break;
				else if (islower((unsigned char)t[k]))
					return 0;
			return e <= 50 ? e : 0;
		}
	}
	return 0;
}

/* Date evidence. */
struct evidence {
	struct dyad_date d;
	double conf;
	const char *source;
};

struct dates {
	struct evidence ev[16];
	int n;
	struct dyad_date fetched;  /* y == 0 when unknown */
};

static void add_date(struct dates *ds, const struct dyad_date *d, double conf, const char *src)
{
	if (d->y == 0 || ds->n >= (int)DYAD_ARRAY_LEN(ds->ev))
		return;
	if (ds->fetched.y != 0 && dyad_date_cmp(d, &ds->fetched) > 0)
		return; /* never after the capture */
	ds->ev[ds->n++] = (struct evidence){*d, conf, src};
}

static char *x_dup(const char *s, size_t n, int *rc)
{
	char *r = dyad_strndup(s, n);
	if (r == NULL)
		*rc = DYAD_ENOMEM;
	return r;
}

/* Split the text into lines, then paragraphs (blank lines separate them;
 * hard-wrapped lines are joined), collapsing white space into pb. */
static int build_paragraphs(const char *s, size_t n, struct dyad_buf *pb,
			    struct para **out, size_t *nout)
{
	size_t nlines = 1;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		nlines++;
	size_t *lb = malloc(nlines * 2 * sizeof *lb);
	struct para *ps = calloc(nlines + 1, sizeof *ps);
	if (lb == NULL || ps == NULL) {
		free(lb);
		free(ps);
		return DYAD_ENOMEM;
	}
	/* trimmed line ranges */
	size_t k = 0, i = 0;
	while (i <= n && k < nlines) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		size_t a = i, z = e;
		while (a < z && (isspace((unsigned char)s[a]) ||
				 ((unsigned char)s[a] == 0xC2 && a + 1 < z && (unsigned char)s[a + 1] == 0xA0)))
			a += (unsigned char)s[a] == 0xC2 ? 2 : 1;
		while (z > a && isspace((unsigned char)s[z - 1]))
			z--;
		lb[2 * k] = a;
		lb[2 * k + 1] = z;
		k++;
		i = e + 1;
	}
	nlines = k;
	/* Hard wrapping: most lines that run on into a next line are 45-100
	 * bytes long and few lines are longer. */
	size_t follow = 0, wrapped = 0, longl = 0, nonblank = 0;
	for (size_t j = 0; j < nlines; j++) {
		size_t len = lb[2 * j + 1] - lb[2 * j];
		if (len == 0)
			continue;
		nonblank++;
		if (len > 110)
			longl++;
		if (j + 1 < nlines && lb[2 * j + 3] > lb[2 * j + 2]) {
			follow++;
			if (len >= 45 && len <= 100)
				wrapped++;
		}
	}
	bool wrap = follow >= 3 && wrapped * 10 >= follow * 6 && longl * 10 <= nonblank;

	size_t np = 0;
	for (size_t j = 0; j < nlines; j++) {
		size_t a = lb[2 * j], z = lb[2 * j + 1];
		if (z == a)
			continue;
		struct para *p = &ps[np++];
		p->off = pb->len;
		for (;;) {
			/* runs of non-space bytes, one space between them */
			size_t q = a;
			while (q < z) {
				size_t r = q;
				while (r < z && !isspace((unsigned char)s[r]) &&
				       !((unsigned char)s[r] == 0xC2 && r + 1 < z &&
					 (unsigned char)s[r + 1] == 0xA0))
					r++;
				if (r > q && dyad_buf_add(pb, s + q, r - q) != DYAD_OK)
					goto nomem;
				q = r;
				bool space = false;
				while (q < z && (isspace((unsigned char)s[q]) ||
						 ((unsigned char)s[q] == 0xC2 && q + 1 < z &&
						  (unsigned char)s[q + 1] == 0xA0))) {
					q += (unsigned char)s[q] == 0xC2 ? 2 : 1;
					space = true;
				}
				if (space && q < z && dyad_buf_addc(pb, ' ') != DYAD_OK)
					goto nomem;
			}
			size_t len = z - a;
			if (!wrap || j + 1 >= nlines || lb[2 * j + 3] == lb[2 * j + 2] || len < 45 ||
			    len > 110)
				break;
			j++;
			a = lb[2 * j];
			z = lb[2 * j + 1];
			if (dyad_buf_addc(pb, ' ') != DYAD_OK)
				goto nomem;
		}
		p->len = pb->len - p->off;
	}
	free(lb);
	*out = ps;
	*nout = np;
	return DYAD_OK;
nomem:
	free(lb);
	free(ps);
	return DYAD_ENOMEM;
}

/* A trailing feed id on a body paragraph: "... next week. (ANI)". */
static size_t strip_trailing_feedid(const char *t, size_t n)
{
	if (n < 8 || t[n - 1] != ')')
		return n;
	size_t o = n - 1;
	while (o > 0 && t[o] != '(' && n - o < 24)
		o--;
	if (t[o] != '(' || o == 0 || t[o - 1] != ' ')
		return n;
	if (dyad_clutter_line(t + o, n - o) != DYAD_CLUTTER_FEEDID)
		return n;
	while (o > 0 && t[o - 1] == ' ')
		o--;
	return o;
}

/* Window scores: clutter and related headers, words of a prose paragraph,
 * divisor of a short sentence's length, base and length divisor of the
 * penalty of a short unpunctuated line (navigation, teasers). */
#define K_REL 80
#define K_CLUT 100
#define K_PW 10
#define K_SD 3
#define K_SB 40
#define K_SL 4

/* See textclean.h. The steps: strip shortcodes; cut paragraphs; classify
 * each with the line classifier; cut at a comment section or a footer once
 * most prose is behind; take as body the run of paragraphs with the highest
 * score (maximum-sum window, then grown over prose that only clutter lines
 * separate from it); find the title above it, bylines and date lines under
 * the title, the dateline on the first body paragraph; weigh the date
 * evidence. The caller owns x's strings (dyad_extract_release). */
int dyad_text_extract(const char *s, size_t n,
		      const struct dyad_extract_hints *hints,
		      struct dyad_extract *x, struct dyad_err *err)
{
	struct dyad_buf clean = DYAD_BUF_INIT, pb = DYAD_BUF_INIT, body = DYAD_BUF_INIT;
	struct para *ps = NULL;
	size_t np = 0;
	int rc = DYAD_OK;
	struct fline *l = malloc(sizeof *l);
	if (l == NULL)
		return dyad_error(err, DYAD_ENOMEM, "out of memory");

	if (memchr(s, '[', n) != NULL) {
		if (strip_shortcodes(s, n, &clean) != DYAD_OK)
			goto nomem;
		s = clean.data;
		n = clean.len;
	}
	if (build_paragraphs(s, n, &pb, &ps, &np) != DYAD_OK)
		goto nomem;
	const char *T = pb.data;

	/* Classify; score body evidence: sentences count for their length,
	 * short unpunctuated lines and clutter against. */
	long prose_total = 0;
	for (size_t i = 0; i < np; i++) {
		struct para *p = &ps[i];
		fold_line(T + p->off, p->len, l);
		p->kind = classify(l);
		p->words = l->words;
		p->endpunct = l->endpunct;
		p->related_header = p->kind == DYAD_CLUTTER_RELATED && l->words <= 6 &&
				    (core_in(l, related_headers) || !strchr(l->f, ':'));
		if (p->kind != DYAD_CLUTTER_NONE)
			p->score = p->kind == DYAD_CLUTTER_COMMENTS ? -150 : p->related_header ? -K_REL : -K_CLUT;
		else if (p->words >= K_PW && (p->endpunct || p->len >= 150))
			p->score = (long)p->len;
		else if (p->endpunct && p->words >= 3)
			p->score = (long)p->len / K_SD;
		else
			p->score = -(K_SB + (long)p->len / K_SL);
		if (p->score > 0 && p->words >= 10)
			prose_total += p->score;
	}
	/* Teasers: the short title-like lines under a "Related"/"Also read"
	 * header, up to the next sentence. They go with their header and do
	 * not count against the text around them. */
	for (size_t i = 0; i < np; i++) {
		if (!ps[i].related_header)
			continue;
		size_t j = i + 1;
		for (; j < np; j++) {
			struct para *q = &ps[j];
			if ((q->endpunct && q->words >= 5) || q->words > 25)
				break;
			q->teaser = true;
			q->score = 0;
		}
		i = j - 1;
	}

	/* Hard end: a comment section or a legal/syndication footer once most of
	 * the prose is behind us. */
	size_t cut = np;
	long prose = 0;
	for (size_t i = 0; i < np; i++) {
		struct para *p = &ps[i];
		/* "he says:" may close a paragraph of the article: a lone "X says:"
		 * does not cut, a header does */
		bool says = p->len > 6 && memcmp(T + p->off + p->len - 6, " says:", 6) == 0;
		if (p->kind == DYAD_CLUTTER_COMMENTS && !says &&
		    (prose >= 400 || (prose > 0 && i * 2 >= np))) {
			cut = i;
			break;
		}
		if (p->kind == DYAD_CLUTTER_LEGAL && prose >= 300 && prose * 5 >= prose_total * 3) {
			cut = i;
			break;
		}
		if (p->score > 0 && p->words >= 10)
			prose += p->score;
	}

	/* The body window: the run of paragraphs with the most evidence. */
	size_t ws = 0, we = 0;
	long best = 0, cur = 0;
	size_t cs = 0;
	for (size_t i = 0; i < cut; i++) {
		if (cur <= 0) {
			cur = 0;
			cs = i;
		}
		cur += ps[i].score;
		if (cur > best) {
			best = cur;
			ws = cs;
			we = i + 1;
		}
	}
	if (best <= 0) {
		ws = 0;
		we = cut;
	}
	/* Prose cut off from the window by recognised clutter only (a paywall
	 * prompt, a share row) still belongs to it. */
	for (bool grew = true; grew;) {
		grew = false;
		size_t j = ws;
		while (j > 0 && ws - j < 4 && ps[j - 1].kind != DYAD_CLUTTER_NONE &&
		       ps[j - 1].kind != DYAD_CLUTTER_COMMENTS)
			j--;
		if (j > 0 && j < ws && ps[j - 1].score > 0 && ps[j - 1].words >= K_PW) {
			ws = j - 1;
			grew = true;
		}
		j = we;
		while (j < cut && j - we < 3 && ps[j].kind != DYAD_CLUTTER_NONE &&
		       ps[j].kind != DYAD_CLUTTER_COMMENTS && ps[j].kind != DYAD_CLUTTER_LEGAL)
			j++;
		if (j < cut && j > we && ps[j].score > 0 && ps[j].words >= K_PW) {
			we = j + 1;
			grew = true;
		}
	}

	/* A list the body announces ("The tour dates:") belongs to it. */
	if (we > ws && we < cut) {
		const struct para *p = &ps[we - 1];
		if (p->kind == DYAD_CLUTTER_NONE && p->len > 0 && T[p->off + p->len - 1] == ':')
			while (we < cut && we - ws < 100000 && ps[we].kind == DYAD_CLUTTER_NONE &&
			       !ps[we].teaser && ps[we].words <= 25 && ps[we].words > 0)
				we++;
	}

	/* The outlet, when the container did not name it: the copyright line. */
	const char *outlet = hints != NULL ? hints->outlet : NULL;
	size_t owner_off = 0, owner_len = 0;
	if (outlet == NULL || *outlet == '\0') {
		for (size_t j = np; j-- > 0 && owner_len == 0;) {
			size_t b = 0;
			owner_len = copyright_owner(T + ps[j].off, ps[j].len, &b);
			owner_off = ps[j].off + b;
		}
	}
	/* The site's name on a line of its own is its masthead, not a title. */
	for (size_t j = 0; j < np && j < 12; j++) {
		const struct para *p = &ps[j];
		bool masthead = (owner_len > 0 && p->len == owner_len &&
				 strncasecmp(T + p->off, T + owner_off, owner_len) == 0) ||
				(outlet != NULL && *outlet && p->len == strlen(outlet) &&
				 strncasecmp(T + p->off, outlet, p->len) == 0);
		if (masthead && p->kind == DYAD_CLUTTER_NONE)
			ps[j].kind = DYAD_CLUTTER_NAV;
	}

	/* Title: the first line when it reads like a headline (after banner
	 * clutter), else the headline right above the body. */
	long title = -1;
	size_t first = 0;
	while (first < np && first < 12 && ps[first].kind != DYAD_CLUTTER_NONE)
		first++;
	if (first < np && first <= ws && headline_like(&ps[first], T + ps[first].off))
		title = (long)first;
	if (ws > first + 1) {
		/* flattened pages: the h1 sits just above the body, after bylines */
		size_t nb, nl;
		for (size_t j = ws; j-- > 0 && ws - j <= 8;) {
			const struct para *p = &ps[j];
			const char *t = T + p->off;
			struct dyad_date d;
			/* skip bylines, date lines, handles, short labels */
			if (p->kind != DYAD_CLUTTER_NONE || parse_byline(t, p->len, &nb, &nl) ||
			    memchr(t, '@', p->len) != NULL || p->words < 4 ||
			    (p->len < 100 && dyad_date_find(t, p->len, &d, NULL, NULL)))
				continue;
			if (headline_like(p, t))
				title = (long)j;
			break;
		}
	}
	if (hints != NULL && hints->title != NULL && *hints->title != '\0') {
		size_t hl = strip_suffix(hints->title, strlen(hints->title), outlet);
		for (size_t j = 0; j < np && j < ws + 4; j++)
			if (ps[j].len >= hl && hl > 0 && strncasecmp(T + ps[j].off, hints->title, hl) == 0 &&
			    ps[j].len <= hl + 60) {
				title = (long)j;
				break;
			}
	}
	if (title >= 0) {
		/* the only paragraph is the article, not its title */
		size_t others = 0;
		for (size_t j = 0; j < cut; j++)
			if ((long)j != title && ps[j].kind == DYAD_CLUTTER_NONE)
				others++;
		if (others == 0)
			title = -1;
	}
	if (title >= 0) {
		struct para *p = &ps[title];
		size_t tl = strip_suffix(T + p->off, p->len, outlet);
		x->title = x_dup(T + p->off, tl, &rc);
		p->drop = true;
		if ((size_t)title >= ws && (size_t)title < we && ws == (size_t)title)
			ws++;
	} else if (hints != NULL && hints->title != NULL && *hints->title != '\0') {
		x->title = x_dup(hints->title, strip_suffix(hints->title, strlen(hints->title), outlet), &rc);
	}

	/* Dates, byline: the banner before the title, the lines after it. */
	struct dates ds = {.n = 0};
	if (hints != NULL && hints->fetched != NULL)
		dyad_date_parse(hints->fetched, strlen(hints->fetched), &ds.fetched);
	if (hints != NULL && hints->published != NULL) {
		struct dyad_date d = {0};
		size_t hl = strlen(hints->published);
		if (dyad_date_parse(hints->published, hl, &d) || dyad_date_find(hints->published, hl, &d, NULL, NULL))
			add_date(&ds, &d, 1.0, "input");
	}
	size_t mstart = title >= 0 ? (size_t)title + 1 : (ws < 3 ? 0 : ws);
	size_t mend = mstart + 8;
	if (mend > cut)
		mend = cut;
	/* A date in the banner above the title is the day the page was
	 * served, not published: it is never taken, even as a last resort. */
	for (size_t j = mstart; j < mend; j++) {
		struct para *p = &ps[j];
		const char *t = T + p->off;
		size_t nb, nl;
		struct dyad_date d;
		if (p->drop)
			continue;
		if (x->byline == NULL &&
		    (p->kind == DYAD_CLUTTER_NONE || p->kind == DYAD_CLUTTER_READTIME ||
		     p->kind == DYAD_CLUTTER_NAV) &&
		    parse_byline(t, p->len, &nb, &nl)) {
			x->byline = name_dup(t + nb, nl);
			if (x->byline == NULL)
				rc = DYAD_ENOMEM;
			p->drop = true;
			double w = date_label(t, p->len);
			if (dyad_date_find(t, p->len, &d, NULL, NULL))
				add_date(&ds, &d, w > 0 ? w : 0.85, "byline");
			continue;
		}
		/* a name alone on its line, right under the title or above a date
		 * line, is the byline */
		if (x->byline == NULL && (p->kind == DYAD_CLUTTER_NONE || p->kind == DYAD_CLUTTER_NAV) &&
		    !p->endpunct && p->words >= 2 && p->words <= 4 && name_like(t, p->len) &&
		    ((title >= 0 && j == mstart) ||
		     (j + 1 < mend && date_label(T + ps[j + 1].off, ps[j + 1].len) > 0))) {
			x->byline = name_dup(t, p->len);
			if (x->byline == NULL)
				rc = DYAD_ENOMEM;
			p->drop = true;
			continue;
		}
		if (p->len <= 120 && (p->kind != DYAD_CLUTTER_NONE || p->words <= 14)) {
			double w = date_label(t, p->len);
			bool dateonly = p->kind == DYAD_CLUTTER_NAV;
			if ((w > 0 || dateonly) && dyad_date_find(t, p->len, &d, NULL, NULL)) {
				add_date(&ds, &d, w > 0 ? w : 0.8, "byline");
				p->drop = true;
				continue;
			}
		}
		if (p->kind == DYAD_CLUTTER_NONE && p->words >= 10)
			break; /* the body has begun */
	}
	/* "Posted on 14 March 2024 by Sports Desk" may close the article. */
	for (size_t j = mstart; j < cut; j++) {
		struct para *p = &ps[j];
		const char *t = T + p->off;
		struct dyad_date d;
		size_t nb, nl;
		if (p->drop || p->len > 120 || p->words > 14 ||
		    !(strncasecmp(t, "posted", 6) == 0 || strncasecmp(t, "published", 9) == 0 ||
		      strncasecmp(t, "first published", 15) == 0 || strncasecmp(t, "updated", 7) == 0))
			continue;
		if (!dyad_date_find(t, p->len, &d, NULL, NULL))
			continue;
		add_date(&ds, &d, date_label(t, p->len), "byline");
		if (x->byline == NULL && parse_byline(t, p->len, &nb, &nl)) {
			x->byline = name_dup(t + nb, nl);
			if (x->byline == NULL)
				rc = DYAD_ENOMEM;
		}
		p->drop = true;
	}

	/* Body. */
	bool dateline_done = false;
	for (size_t i = ws; i < we; i++) {
		struct para *p = &ps[i];
		const char *t = T + p->off;
		if (p->drop || p->teaser || p->kind != DYAD_CLUTTER_NONE)
			continue;
		size_t len = strip_trailing_feedid(t, p->len);
		if (!dateline_done) {
			dateline_done = true;
			size_t dl = dyad_text_dateline(t, len);
			if (dl > 0) {
				x->dateline = x_dup(t, dl, &rc);
				struct dyad_date d;
				int m, dd;
				if (dyad_date_find(t, dl, &d, NULL, NULL))
					add_date(&ds, &d, 0.8, "dateline");
				else if (month_day(t, dl, &m, &dd)) {
					/* year from other evidence, else from the capture date */
					int y = 0;
					for (int k = 0; k < ds.n && y == 0; k++)
						y = ds.ev[k].d.y;
					struct dyad_date u;
					if (y == 0 && hints != NULL && hints->url != NULL &&
					    dyad_date_from_url(hints->url, &u))
						y = u.y;
					double c = 0.6;
					if (y == 0 && ds.fetched.y != 0) {
						y = ds.fetched.y;
						if (m > ds.fetched.m || (m == ds.fetched.m && dd > ds.fetched.d))
							y--;
						c = 0.5;
					}
					d = (struct dyad_date){y, m, dd};
					if (y != 0 && dyad_date_valid(y, m, dd))
						add_date(&ds, &d, c, "dateline");
				}
			}
		}
		if (body.len > 0 && dyad_buf_adds(&body, "\n\n") != DYAD_OK)
			goto nomem;
		if (dyad_buf_add(&body, t, len) != DYAD_OK)
			goto nomem;
	}

	if (owner_len > 0)
		x->outlet = x_dup(T + owner_off, owner_len, &rc);

	/* Weaker date evidence: the URL, then dates in the body text. */
	{
		struct dyad_date d;
		if (hints != NULL && hints->url != NULL && dyad_date_from_url(hints->url, &d))
			add_date(&ds, &d, 0.7, "url");
		/* Text dates only when nothing better is known: the scan is the
		 * costliest step of the cleaner on long articles. */
		bool strong = false;
		for (int k = 0; k < ds.n; k++)
			if (ds.ev[k].conf >= 0.5)
				strong = true;
		size_t lim = body.len < 600 ? body.len : 600;
		if (!strong && dyad_date_find(body.data, lim, &d, NULL, NULL))
			add_date(&ds, &d, 0.3, "text");
	}
	if (ds.n > 0) {
		int bi = 0;
		for (int k = 1; k < ds.n; k++)
			if (ds.ev[k].conf > ds.ev[bi].conf)
				bi = k;
		double conf = ds.ev[bi].conf;
		bool agree = false, conflict = false;
		for (int k = 0; k < ds.n; k++) {
			if (k == bi || ds.ev[k].conf < 0.5)
				continue;
			if (dyad_date_cmp(&ds.ev[k].d, &ds.ev[bi].d) == 0)
				agree = true;
			else
				conflict = true;
		}
		if (conflict)
			conf *= 0.75;
		else if (agree)
			conf = conf + 0.1 > 1.0 ? 1.0 : conf + 0.1;
		char buf[11];
		dyad_date_format(&ds.ev[bi].d, buf);
		x->published = x_dup(buf, 10, &rc);
		x->date_source = x_dup(ds.ev[bi].source, strlen(ds.ev[bi].source), &rc);
		x->date_confidence = conf;
	}
	if (rc != DYAD_OK)
		goto nomem;
	free(l);
	free(ps);
	dyad_buf_release(&pb);
	dyad_buf_release(&clean);
	if (body.len == 0) {
		dyad_buf_release(&body);
		return dyad_error(err, DYAD_EEMPTY, "no article text left after cleaning");
	}
	x->text = dyad_buf_detach(&body);
	if (x->text == NULL)
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	return DYAD_OK;
nomem:
	free(l);
	free(ps);
	dyad_buf_release(&pb);
	dyad_buf_release(&clean);
	dyad_buf_release(&body);
	return dyad_error(err, DYAD_ENOMEM, "out of memory cleaning text");
}
