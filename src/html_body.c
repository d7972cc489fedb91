/* Main-content selection: drop boilerplate subtrees (navigation, share bars,
 * related lists, comments...), cut the rest into text blocks, find the
 * smallest element holding most of the article-like text, and keep its
 * blocks minus per-block clutter. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_int.h"
#include "textclean.h"

#define MAX_DEPTH 400

struct einfo {
	double g;      /* weight of article-like text in the subtree */
	size_t text;   /* visible non-space text bytes in the subtree */
	size_t ptext;  /* of which inside <p> */
	unsigned nu;   /* units owned within three levels below */
	unsigned nlinky; /* of which mostly link text (a teaser's headline) */
	bool hidden;   /* dyad_html_invisible(), asked once */
};

enum ukind { U_TEXT, U_HEADING, U_H1, U_LI, U_PRE, U_CELL };

struct unit {
	xmlNode *owner;   /* innermost block element around the text */
	size_t off, len;  /* span in the shared text buffer */
	size_t link;      /* bytes of that span inside <a> */
	enum ukind kind;
	bool para;        /* owner is a <p> */
	bool hdr;         /* inside an article's <header> */
	bool keep;
};

struct body {
	struct dyad_buf all;  /* text of every unit, back to back */
	struct unit *u;
	size_t nu, cap;
	size_t total_ptext;
	size_t total_text;
	xmlNode *owner;       /* current block element */
	size_t cur_off;       /* start of the open unit in all */
	size_t cur_link;
	int in_a, in_li, in_pre, in_cell, in_hdr;
	int heading;          /* 1..6 while inside <hN> */
	size_t h1[8];         /* units before each <h1> (the headline is not a unit) */
	size_t nh1;
	struct verdict {
		uint64_t hash;    /* of the lower-cased class and id, 0 when empty */
		int bad;          /* class_verdict() of them */
		bool comments;    /* they mark a comment section */
	} cache[512];
	bool lenient;         /* second pass: class and id words ignored */
	bool oom;
};

static struct einfo *info(const xmlNode *n)
{
	return (struct einfo *)n->_private;
}

static bool tag_in(const char *t, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == t[0] && strcmp(t, *list) == 0)
			return true;
	return false;
}

static const char *const block_tags[] = {
	"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
	"ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td",
	"th", "tbody", "thead", "tfoot", "caption", "figure", "figcaption", "header",
	"footer", "address", "hr", "form", "fieldset", "center", "details", "summary",
	"body", "html", "nav", "aside", "menu", "dialog", NULL,
};

/* Count elements and attach an einfo to each through _private. */
static size_t count_elems(xmlNode *n, int depth)
{
	size_t k = 0;
	for (xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		k++;
		if (depth < MAX_DEPTH)
			k += count_elems(c->children, depth + 1);
	}
	return k;
}

static void attach(xmlNode *n, struct einfo *arr, size_t *i, int depth)
{
	for (xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		c->_private = &arr[*i];
		arr[(*i)++].hidden = dyad_html_invisible(c);
		if (depth < MAX_DEPTH)
			attach(c->children, arr, i, depth + 1);
	}
}

static void detach(xmlNode *n, int depth)
{
	for (xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		c->_private = NULL;
		if (depth < MAX_DEPTH)
			detach(c->children, depth + 1);
	}
}

static size_t nonspace(const char *s)
{
	size_t k = 0;
	for (; *s; s++)
		k += !(*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r');
	return k;
}

/* Post-order: visible text and <p> text of every element. */
static void measure(xmlNode *n, int depth, bool in_p)
{
	struct einfo *e = info(n);
	bool p = in_p || strcmp(dyad_html_tag(n), "p") == 0;
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			size_t k = nonspace((const char *)c->content);
			e->text += k;
			if (p)
				e->ptext += k;
		} else if (c->type == XML_ELEMENT_NODE && c->_private && depth < MAX_DEPTH &&
			   !info(c)->hidden) {
			measure(c, depth + 1, p);
			e->text += info(c)->text;
			e->ptext += info(c)->ptext;
		}
	}
}

/* Class and id words that mark boilerplate. Whole class names ("tag" must
 * not match WordPress's "tag-elections" on the article itself), parts of
 * names split at '-' and '_' ("ad" in "ad-slot", never in "head"), and
 * substrings long enough to be unambiguous. */
static const char *const bad_classes[] = {
	"next", "prev", "previous", "latest", "teaser", "teasers", "login", "aside",
	"footer", "breaking", "sr-only", "visually-hidden", "screen-reader-text", NULL,
};
static const char *const bad_tokens[] = {
	"nav", "navbar", "menu", "ad", "ads", "adv", "advert", "banner", "modal",
	"popup", "pager", "pagination", "masthead", "toolbar", "newsletter",
	"signup", "subscribe", "promo", "sponsored", "overlay", "skip", "donate",
	"survey", "feedback", "carousel", "slideshow", "breadcrumbs", "toc", NULL,
};
static const char *const bad_subs[] = {
	"sidebar", "newsletter", "related", "advert", "cookie", "consent", "promo",
	"breadcrumb", "outbrain", "taboola", "recommend", "popular", "trending",
	"footer", "navigation", "navbar", "signup", "sponsor", "disqus",
	"copyright", "disclaimer", "most-read", "mostread", "more-stories",
	"morestories", "also-read", "alsoread", "dont-miss", "author-bio",
	"authorbio", "about-author", "toolbar", "tooltip", "pagination",
	"contact-form", "skip-link", "jp-relatedposts", "sharedaddy", "addtoany",
	"a2a", "inline-ad", "ad-container", "ad-slot", "adslot", "adunit",
	"ad-wrapper", "dfp", "premium-box", "app-promo", "rel-link", "see-also",
	"seealso", "next-article", "prev-article", "post-nav", "postnav",
	"headline-list", "story-list", "article-list", "card-list", "table-of-contents",
	"author-box", "authorbox", "about-the-author", "author-profile", NULL,
};
/* Weak marks: small widgets usually, but also worn by wrappers of the
 * article's own prose ("sr-body-share-wrapper", "subscriber-premium"). */
static const char *const weak_classes[] = {
	"meta", "date", "time", "more", "print", "hidden", "hide", "header", "share",
	"rating", "video", "gallery", "embed", "caption", "credit", "credits",
	"author", "byline", "dateline", "timestamp", "follow", "topics",
	"keywords", "reactions", "tag", "tags", NULL,
};
static const char *const weak_subs[] = {
	"social", "sharing", "share-", "subscri", "byline", "caption", "post-meta",
	"entry-meta", "article-meta", "wp-caption", "author-info", "read-more",
	"readmore", NULL,
};

/* Good words keep an element even when a bad word also matches. */
static const char *const good_subs[] = {
	"article-body", "articlebody", "article-content", "articlecontent",
	"story-body", "storybody", "entry-content", "post-content", "postcontent",
	"post-body", "postbody", "main-content", "maincontent", "article-text",
	"articletext", "story-content", "body-text", "bodytext", "text-body",
	"content-body", NULL,
};

/* Lower-case copy of an attribute into buf (truncated). */
static size_t lower_copy(const char *s, char *buf, size_t cap)
{
	size_t k = 0;
	for (; s && *s && k + 1 < cap; s++)
		buf[k++] = (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s);
	buf[k] = '\0';
	return k;
}

/* Whether a word of s (split at spaces, and at '-', '_', ':' too when
 * parts is set) is in list. */
static bool has_token(const char *s, const char *const *list, bool parts)
{
	const char *p = s;
	while (*p) {
		while (*p && (*p == ' ' || *p == '\t' ||
			      (parts && (*p == '-' || *p == '_' || *p == ':'))))
			p++;
		const char *q = p;
		while (*q && !(*q == ' ' || *q == '\t' ||
			       (parts && (*q == '-' || *q == '_' || *q == ':'))))
			q++;
		size_t l = (size_t)(q - p);
		for (const char *const *w = list; l && *w; w++)
			if ((*w)[0] == p[0] && strncmp(*w, p, l) == 0 && (*w)[l] == '\0')
				return true;
		p = q;
	}
	return false;
}

/* 2 when the element's class, id or role marks it as boilerplate, 1 when
 * it is marked weakly (see weak_classes), 0 otherwise. */
static int class_verdict(const char *buf, const struct dyad_html_pairs *g)
{
	if (dyad_html_has_sub(buf, g, good_subs))
		return 0;
	if (has_token(buf, bad_classes, false) || has_token(buf, bad_tokens, true) ||
	    dyad_html_has_sub(buf, g, bad_subs))
		return 2;
	if (has_token(buf, weak_classes, false) || dyad_html_has_sub(buf, g, weak_subs))
		return 1;
	return 0;
}

/* Comment sections are never the article, however much text they hold.
 * "commentary" (an opinion piece) is not a comment. buf: lower-cased class
 * and id. */
static bool comments(const char *buf, const struct dyad_html_pairs *g)
{
	if (dyad_html_has_sub(buf, g, good_subs))
		return false;
	if (strstr(buf, "disqus"))
		return true;
	for (const char *p = buf; (p = strstr(p, "comment")) != NULL; p += 7)
		if (strncmp(p + 7, "ar", 2) != 0 && strncmp(p + 7, "at", 2) != 0)
			return true;
	return false;
}

/* The verdicts on n's class and id (both 0 when it has neither). Pages
 * repeat a few class names many times: verdicts are remembered by hash. */
static struct verdict verdict_of(struct body *b, const xmlNode *n)
{
	struct verdict none = {0, 0, false};
	if (!n->properties)
		return none;
	const char *cls = NULL, *id = NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const xmlNode *t = a->children;
		const char *v = t && t->type == XML_TEXT_NODE ? (const char *)t->content : "";
		if (strcasecmp((const char *)a->name, "class") == 0 && !cls)
			cls = v;
		else if (strcasecmp((const char *)a->name, "id") == 0 && !id)
			id = v;
	}
	if (!cls && !id)
		return none;
	char buf[512];
	size_t k = lower_copy(cls, buf, sizeof buf / 2);
	buf[k++] = ' ';
	k += lower_copy(id, buf + k, sizeof buf - k);
	if (k <= 1)
		return none;
	uint64_t h = dyad_hash64(buf, k, 0) | 1;
	struct verdict *v = &b->cache[h % DYAD_ARRAY_LEN(b->cache)];
	if (v->hash != h) {
		v->hash = h;
		struct dyad_html_pairs g;
		dyad_html_pairs_of(buf, &g);
		v->bad = class_verdict(buf, &g);
		v->comments = comments(buf, &g);
	}
	return *v;
}

static int bad_attrs(const xmlNode *n, const struct verdict *v)
{
	if (v->bad)
		return v->bad;
	if (!n->properties)
		return 0;
	const char *role = dyad_html_attr(n, "role");
	if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
		     strcmp(role, "contentinfo") == 0 || strcmp(role, "complementary") == 0 ||
		     strcmp(role, "dialog") == 0 || strcmp(role, "menu") == 0))
		return 2;
	const char *ip = dyad_html_attr(n, "itemprop");
	if (ip && (strstr(ip, "author") || strstr(ip, "datePublished") ||
		   strstr(ip, "dateModified")) && n->_private && info(n)->text < 200)
		return 2;
	return 0;
}

/* Whether an element holds most of the page's paragraph text (or of its
 * text, on a page with little in <p>). */
static bool most_of_page(const struct body *b, const struct einfo *e)
{
	return e && (b->total_ptext > 400 ? e->ptext * 2 > b->total_ptext
		     : e->text * 2 > b->total_text);
}

/* Whether n holds an <h1> within a few levels. */
static bool has_h1(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *t = dyad_html_tag(c);
		if ((t[0] == 'h' && t[1] == '1' && !t[2]) || (depth < 4 && has_h1(c, depth + 1)))
			return true;
	}
	return false;
}

static bool boilerplate(struct body *b, const xmlNode *n)
{
	static const char *const tags[] = {
		"nav", "aside", "footer", "header", "figure", "figcaption", "menu",
		"dialog", "form", "h1", NULL,
	};
	/* Inline elements are parts of sentences: a linked tag or a dated span
	 * inside a paragraph stays. */
	static const char *const inline_tags[] = {
		"a", "span", "em", "strong", "b", "i", "u", "time", "abbr", "sup",
		"sub", "small", "mark", "cite", "q", "code", "font", "s", "del", "ins", NULL,
	};
	/* Page-level and article elements carry state classes ("cookies-not-set",
	 * "has-paywall") that are not about their content. */
	static const char *const never[] = {"html", "body", "article", "main", NULL};
	const char *t = dyad_html_tag(n);
	if (tag_in(t, inline_tags) || tag_in(t, never))
		return false;
	struct verdict v = verdict_of(b, n);
	if (b->lenient)
		v.bad = 0;
	int bad = tag_in(t, tags) || v.comments ? 2 : bad_attrs(n, &v);
	if (!bad)
		return false;
	/* An article's own header (the one with the headline) holds its lead:
	 * walked, its units kept only as a standfirst. */
	if (bad == 2 && !v.bad && !v.comments && DYAD_TAG_IS(t, "header") && has_h1(n, 0)) {
		const char *role = dyad_html_attr(n, "role");
		if (!role || strcmp(role, "banner") != 0)
			return false;
	}
	if (DYAD_TAG_IS(t, "h1"))
		return true;
	/* A container that holds most of the page's paragraph text is the article
	 * whatever its class says ("comment-body" on a one-post blog, a page
	 * wrapped in <form>). */
	const struct einfo *e = info(n);
	if (v.comments)
		return true;
	if (bad == 1 && e && e->ptext >= 400)
		return false;
	return !most_of_page(b, e);
}

static void flush(struct body *b)
{
	if (b->oom)
		return;
	struct dyad_buf *a = &b->all;
	size_t end = a->len;
	while (end > b->cur_off && a->data[end - 1] == ' ')
		end--;
	dyad_buf_truncate(a, end); /* never writes to the shared empty buffer */
	size_t len = a->len - b->cur_off;
	if (len == 0) {
		b->cur_link = 0;
		return;
	}
	if (b->nu == b->cap) {
		size_t nc = b->cap ? 2 * b->cap : 64;
		struct unit *u = realloc(b->u, nc * sizeof *u);
		if (!u) {
			b->oom = true;
			return;
		}
		b->u = u;
		b->cap = nc;
	}
	struct unit *u = &b->u[b->nu++];
	*u = (struct unit){.owner = b->owner, .off = b->cur_off, .len = len,
			   .link = b->cur_link < len ? b->cur_link : len};
	u->kind = b->heading == 1 ? U_H1 : b->heading ? U_HEADING
		  : b->in_pre ? U_PRE : b->in_li ? U_LI : b->in_cell ? U_CELL : U_TEXT;
	u->para = strcmp(dyad_html_tag(b->owner), "p") == 0;
	u->hdr = b->in_hdr > 0;
	if (dyad_buf_addc(a, '\n'))
		b->oom = true;
	b->cur_off = a->len;
	b->cur_link = 0;
}

static void add_text(struct body *b, const char *s)
{
	struct dyad_buf *a = &b->all;
	size_t before = a->len;
	/* Preformatted text too is collapsed: a paragraph is one line. */
	if (dyad_html_add_collapsed(a, s, strlen(s)))
		b->oom = true;
	/* No leading space in a unit. */
	if (a->len > b->cur_off && a->data[b->cur_off] == ' ') {
		memmove(a->data + b->cur_off, a->data + b->cur_off + 1, a->len - b->cur_off);
		a->len--;
	}
	if (b->in_a && a->len > before)
		b->cur_link += a->len - before;
}

static void walk(struct body *b, xmlNode *n, int depth)
{
	for (xmlNode *c = n->children; c && !b->oom; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				add_text(b, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || !c->_private || info(c)->hidden ||
		    depth >= MAX_DEPTH)
			continue;
		const char *t = dyad_html_tag(c);
		if (DYAD_TAG_IS(t, "br")) {
			flush(b);
			continue;
		}
		/* A headline inside the article's header is not recorded: the
		 * header's own lead is judged apart (emit). */
		if (t[0] == 'h' && t[1] == '1' && !t[2] && !b->in_hdr &&
		    b->nh1 < DYAD_ARRAY_LEN(b->h1)) {
			flush(b);
			b->h1[b->nh1++] = b->nu;
		}
		if (boilerplate(b, c))
			continue;
		bool block = tag_in(t, block_tags);
		xmlNode *saved = b->owner;
		int h = 0;
		if (block) {
			flush(b);
			b->owner = c;
			if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
				h = t[1] - '0';
		}
		bool a = DYAD_TAG_IS(t, "a"), li = DYAD_TAG_IS(t, "li") || DYAD_TAG_IS(t, "dd");
		bool pre = DYAD_TAG_IS(t, "pre");
		bool cell = DYAD_TAG_IS(t, "td") || DYAD_TAG_IS(t, "th");
		bool hdr = DYAD_TAG_IS(t, "header") && !most_of_page(b, info(c));
		int hsave = b->heading;
		if (h)
			b->heading = h;
		else if (block && b->heading && (t[0] == 'p' || info(c)->text >= 200))
			b->heading = 0; /* an unclosed <hN> swallowed the paragraphs */
		b->in_a += a;
		b->in_li += li;
		b->in_pre += pre;
		b->in_cell += cell;
		b->in_hdr += hdr;
		walk(b, c, depth + 1);
		b->in_hdr -= hdr;
		b->in_a -= a;
		b->in_li -= li;
		b->in_pre -= pre;
		b->in_cell -= cell;
		if (block) {
			flush(b);
			b->owner = saved;
		}
		b->heading = hsave;
	}
}

/* Weight of a unit as evidence of article text. */
static double weight(const struct unit *u)
{
	if (u->kind == U_HEADING || u->kind == U_H1 || u->len < 20 || u->hdr)
		return 0;
	if ((double)u->link > 0.3 * (double)u->len)
		return 0;
	double w = (double)(u->len - u->link);
	if (u->para)
		return w;
	if (u->kind == U_LI || u->kind == U_CELL)
		return u->len >= 60 ? w / 2 : 0;
	return u->len >= 80 ? w : 0;
}

static bool inside(const xmlNode *n, const xmlNode *anc)
{
	for (; n; n = n->parent)
		if (n == anc)
			return true;
	return false;
}

/* Labels an HTML page puts between paragraphs: advertisement markers and
 * the headers of related-article boxes that sit inside the article
 * container (English and German, the languages of the test sets), matched
 * as prefixes of short blocks. */
static bool label(const char *s, size_t n)
{
	static const char *const exact[] = {
		"advertisement", "anzeige", "werbung", "publicit\xc3\xa9", "advertising",
		"sponsored", "ad", "continue reading", "read more", "weiterlesen", NULL,
	};
	static const char *const prefix[] = {
		"lesen sie auch", "mehr zum thema", "mehr themen", "neueste artikel",
		"weitere artikel", "auch interessant", "das k\xc3\xb6nnte sie auch",
		"k\xc3\xb6nnte dich auch", "keine kommentare", "rezept drucken",
		"aktualisiert:", "read also", "also read", "see also", "more on this",
		"related:", "related articles", "recommended for you", NULL,
	};
	if (n > 80)
		return false;
	for (const char *const *l = exact; *l; l++)
		if (strlen(*l) == n && strncasecmp(s, *l, n) == 0)
			return true;
	for (const char *const *l = prefix; *l; l++)
		if (strlen(*l) <= n && strncasecmp(s, *l, strlen(*l)) == 0)
			return true;
	return false;
}

static bool keep_unit(const struct body *b, const struct unit *u)
{
	const char *s = b->all.data + u->off;
	if (u->kind == U_H1)
		return false;
	double ld = (double)u->link / (double)u->len;
	if (ld > (u->kind == U_LI ? 0.3 : 0.5))
		return false;
	if (label(s, u->len))
		return false;
	/* Markup that reached the page as text (an escaped tracking pixel). */
	if (s[0] == '<' && memchr(s, '>', u->len) && (s[1] == '/' || (s[1] >= 'a' && s[1] <= 'z')))
		return false;
	if (dyad_clutter_line(s, u->len) != DYAD_CLUTTER_NONE)
		return false;
	return true;
}

/* Headers after which an article's container holds only related
 * material. */
static bool end_marker(const char *s, size_t n)
{
	static const char *const starts[] = {
		"more ", "most ", "mehr ", "weitere ", "related", "recommended", "read more",
		"also read", "you may also", "you might also", "das k\xc3\xb6nnte", NULL,
	};
	if (n > 60)
		return false;
	enum dyad_clutter k = dyad_clutter_line(s, n);
	if (k == DYAD_CLUTTER_RELATED || k == DYAD_CLUTTER_COMMENTS)
		return true;
	for (const char *const *p = starts; *p; p++)
		if (strlen(*p) <= n && strncasecmp(s, *p, strlen(*p)) == 0 && !memchr(s, '.', n))
			return true;
	return false;
}

/* A teaser card: a short summary next to a linked headline in a small
 * subtree of its own, inside a container that holds much more text. */
static bool teaser(const struct unit *u, const xmlNode *root)
{
	if (u->len > 400 || u->link * 5 > u->len * 3 || !root->_private)
		return false;
	const xmlNode *a = u->owner;
	for (int lv = 0; lv < 2 && a && a != root && a->parent != root; lv++) {
		a = a->parent;
		if (!a || !a->_private || a == root)
			return false;
		const struct einfo *e = info(a);
		if (e->nu >= 2 && e->nu <= 4 && e->nlinky >= 1 && e->g * 4 < info(root)->g)
			return true;
	}
	return false;
}

static int emit(struct body *b, const xmlNode *root, bool all_units, char **text)
{
	struct dyad_buf out = DYAD_BUF_INIT;
	size_t first = b->nu;
	for (size_t i = 0; i < b->nu; i++) {
		struct unit *u = &b->u[i];
		/* Paragraphs beside the container are the article's too
		 * (readability's sibling rule). */
		bool sib = !all_units && u->para && root->parent && u->owner->parent == root->parent &&
			   u->len >= 80 && weight(u) > 0;
		u->keep = (all_units ? weight(u) > 0 : sib || inside(u->owner, root)) &&
			  !u->hdr && keep_unit(b, u) && !teaser(u, root);
		if (u->keep && first == b->nu)
			first = i;
	}
	/* The standfirst sits between the headline and the body container:
	 * keep the prose found there (bylines and captions are short or gone). */
	size_t h1 = b->nu;
	for (size_t k = 0; k < b->nh1; k++)
		if (b->h1[k] <= first && (h1 == b->nu || b->h1[k] > h1))
			h1 = b->h1[k];
	if (!all_units && h1 < first && first - h1 <= 40)
		for (size_t i = h1; i < first; i++) {
			struct unit *u = &b->u[i];
			if (u->len >= 40 && !u->hdr && (u->kind == U_TEXT || u->kind == U_HEADING) &&
			    u->link * 5 <= u->len && keep_unit(b, u))
				u->keep = true;
		}
	/* A lead in a block of its own just before the container (no headline
	 * between): prose, a sentence or more, few links. */
	for (size_t i = first, n = 0; !all_units && first < b->nu && i-- > 0 && n < 3; n++) {
		struct unit *u = &b->u[i];
		bool after_h1 = false;
		for (size_t k = 0; k < b->nh1; k++)
			after_h1 |= b->h1[k] > i && b->h1[k] <= first;
		if (after_h1 || u->keep)
			break;
		const char *s = b->all.data + u->off;
		char last = s[u->len - 1];
		if (!u->hdr && u->kind == U_TEXT && u->len >= 100 && u->link * 10 <= u->len &&
		    (last == '.' || last == '!' || last == '?') &&
		    !DYAD_TAG_IS(dyad_html_tag(u->owner), "li") && keep_unit(b, u)) {
			u->keep = true;
			break;
		}
		if (u->len >= 60)
			break;
	}
	/* The article header's lead: a long prose paragraph (a one-line dek
	 * is no lead) in the header just before the container. */
	for (size_t i = first, n = 0; !all_units && first < b->nu && i-- > 0 && n < 12; n++) {
		struct unit *u = &b->u[i];
		if (u->keep)
			break;
		if (u->hdr && u->kind == U_TEXT && u->len >= 150 && u->link * 10 <= u->len &&
		    keep_unit(b, u))
			u->keep = true;
	}
	/* A related-stories or comments header in the last part of the article
	 * ends it: what follows is teasers, however prose-like. */
	size_t total = 0, seen = 0;
	for (size_t i = 0; i < b->nu; i++)
		total += b->u[i].keep ? b->u[i].len : 0;
	for (size_t i = 0; i < b->nu; i++) {
		const struct unit *u = &b->u[i];
		if (!(u->keep || u->kind == U_HEADING) || !(all_units || inside(u->owner, root)))
			continue;
		if (seen * 2 > total && end_marker(b->all.data + u->off, u->len)) {
			for (size_t j = i; j < b->nu; j++)
				b->u[j].keep = false;
			break;
		}
		seen += u->keep ? u->len : 0;
	}
	/* A heading must introduce kept text. */
	for (size_t i = b->nu; i-- > 0;) {
		struct unit *u = &b->u[i];
		if (!u->keep || u->kind != U_HEADING)
			continue;
		size_t j = i + 1;
		while (j < b->nu && !b->u[j].keep)
			j++;
		const char *s = b->all.data + u->off;
		char last = s[u->len - 1];
		/* A sentence set as a heading is text of its own. */
		bool sentence = u->len >= 40 && (last == '.' || last == '!' || last == '?');
		if ((j == b->nu || b->u[j].kind == U_HEADING) && !sentence)
			u->keep = false;
	}
	const char *prev = NULL;
	size_t prevlen = 0;
	for (size_t i = 0; i < b->nu; i++) {
		const struct unit *u = &b->u[i];
		if (!u->keep)
			continue;
		const char *s = b->all.data + u->off;
		if (prev && prevlen == u->len && memcmp(prev, s, u->len) == 0)
			continue;
		if ((out.len && dyad_buf_add(&out, "\n\n", 2)) || dyad_buf_add(&out, s, u->len)) {
			dyad_buf_release(&out);
			return DYAD_ENOMEM;
		}
		prev = s;
		prevlen = u->len;
	}
	*text = out.len ? dyad_buf_detach(&out) : NULL;
	dyad_buf_release(&out);
	return DYAD_OK;
}

/* One pass: cut the page into units, find the container and emit its
 * text into *text (NULL when none). */
static int extract_pass(struct body *b, xmlNode *root, char **text)
{
	walk(b, root, 0);
	flush(b);
	if (b->oom)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < b->nu; i++) {
		const struct unit *u = &b->u[i];
		bool linky = u->len >= 15 && u->link * 5 > u->len * 3;
		int lv = 0;
		for (xmlNode *a = u->owner; a && lv < 3; a = a->parent, lv++)
			if (a->type == XML_ELEMENT_NODE && a->_private) {
				info(a)->nu++;
				info(a)->nlinky += linky;
			}
	}
	for (size_t i = 0; i < b->nu; i++) {
		double w = weight(&b->u[i]);
		if (w <= 0)
			continue;
		for (xmlNode *a = b->u[i].owner; a; a = a->parent)
			if (a->type == XML_ELEMENT_NODE && a->_private)
				info(a)->g += w;
	}
	/* Descend while one child holds most of the weight. */
	xmlNode *cur = root;
	for (;;) {
		xmlNode *best = NULL;
		for (xmlNode *c = cur->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && c->_private &&
			    (!best || info(c)->g > info(best)->g))
				best = c;
		if (!best || info(best)->g < 0.75 * info(cur)->g || info(best)->g <= 0)
			break;
		cur = best;
	}
	bool weak = info(cur)->g < 200;
	int rc = emit(b, cur, weak, text);
	if (rc == DYAD_OK && !*text && !weak)
		rc = emit(b, root, true, text);
	return rc;
}

/* Forget a pass's units and weights before the next. */
static void reset_pass(struct body *b, struct einfo *arr, size_t ne, xmlNode *root)
{
	for (size_t i = 0; i < ne; i++) {
		arr[i].g = 0;
		arr[i].nu = arr[i].nlinky = 0;
	}
	dyad_buf_truncate(&b->all, 0);
	b->nu = 0;
	b->nh1 = 0;
	b->cur_off = 0;
	b->cur_link = 0;
	b->owner = root;
}

int dyad_html_body(xmlDoc *doc, char **text)
{
	*text = NULL;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root)
		return DYAD_OK;
	size_t ne = count_elems(root, 0);
	struct einfo *arr = calloc(ne ? ne : 1, sizeof *arr);
	if (!arr)
		return DYAD_ENOMEM;
	size_t k = 0;
	attach(root, arr, &k, 0);
	measure(root, 0, false);
	struct body b = {.all = DYAD_BUF_INIT, .owner = root};
	b.total_ptext = info(root)->ptext;
	b.total_text = info(root)->text;
	int rc = extract_pass(&b, root, text);
	/* Class words cut every part of some pages ("section--ads" on each
	 * section of a review): when they leave nothing, trust only the tags,
	 * roles and comment marks. */
	if (rc == DYAD_OK && !*text) {
		reset_pass(&b, arr, ne, root);
		b.lenient = true;
		rc = extract_pass(&b, root, text);
	}
	/* The tree outlives this call: leave no dangling pointers in it. */
	detach(root, 0);
	free(b.u);
	dyad_buf_release(&b.all);
	free(arr);
	return rc;
}
