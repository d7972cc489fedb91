/* Article metadata from an HTML page: title (site name removed), publication
 * date with its evidence, url, outlet, byline and language, from meta tags,
 * JSON-LD, <time>, data-* attributes, the URL, the byline area, the text
 * under the headline and, weakest, the share image's path. */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "html_int.h"
#include "lang.h"

#define MAX_DEPTH 400
#define MAX_CANDS 256
#define ZONE_MAX 1500
/* Window around the <h1> where the page showing the metadata's date
 * confirms it against a different date under the headline. */
#define CONF_BEFORE 10
#define CONF_AFTER 40
/* Window, in elements, after the <h1> where a shown date counts as the
 * headline's date (tuned on the htmldate pages); none before it, where a
 * site banner's date may sit. */
#define NEAR_BEFORE 0
#define NEAR_AFTER 40
/* The text nodes kept before the headline, and how many elements ahead of
 * it a dateline ("24.04.2020 | Press release" above the <h1>) may stand. */
#define PRE_NODES 4
#define PRE_BEFORE 4
#define PRE_TEXT_MAX 100
/* Bytes before a publication label where its date may stand when the
 * verb comes last (German word order). */
#define LABEL_BACK 60

/* Evidence ranks for the publication date, best first. */
enum rank {
	R_INPUT, R_URL, R_JSONLD, R_META, R_TIME_PUB, R_TIME, R_BYLINE, R_TEXT,
	R_IMAGE, R_MODIFIED, R_COUNT
};
/* Roughly the share of right answers each kind of evidence gave on the
 * htmldate evaluation pages (see eval/eval_extract.c). */
static const double rank_conf[R_COUNT] = {1.0, 0.95, 0.9, 0.88, 0.88, 0.8, 0.75, 0.6, 0.5, 0.4};
static const char *const rank_src[R_COUNT] = {
	"input", "url", "json-ld", "meta", "time", "time", "byline", "text", "image", "meta",
};

struct cand {
	struct dyad_date d;
	enum rank r;
	const char *src;  /* overrides rank_src (a modified date from JSON-LD...) */
	long pos;         /* elements seen before it */
};

struct meta {
	const struct dyad_extract_hints *hints;
	struct dyad_date limit;     /* latest acceptable date */
	struct cand c[MAX_CANDS];
	int nc;
	struct dyad_buf title, og_title, tw_title, ld_headline, h1, site, app, ld_pub,
		og_url, canonical, author, ld_author, rel_author, lang, meta_lang, zone, tmp;
	int h1_seen, date_areas;
	long pos, h1_pos;   /* elements walked; position of the first <h1> */
	struct dyad_buf lead;  /* text from the top of the page, for pages without <h1> */
	bool zone_on, oom, h1_titled;
	/* the last text nodes walked (ring), and the dateline found above the
	 * headline, used only when the page offers no other evidence */
	const xmlNode *pre_text[PRE_NODES];
	long pre_pos[PRE_NODES];
	int pre_next;
	struct dyad_date pre_date;
};

static void add_cand(struct meta *m, const struct dyad_date *d, enum rank r, const char *src)
{
	if (!dyad_date_valid(d->y, d->m, d->d))
		return;
	if (m->nc == MAX_CANDS) {
		if (r > R_URL)
			return;
		m->nc--; /* the input and the URL always find room */
	}
	if (r != R_INPUT && (d->y < 1995 || dyad_date_cmp(d, &m->limit) > 0))
		return;
	m->c[m->nc++] = (struct cand){*d, r, src, m->pos};
}

static void add_date_str(struct meta *m, const char *s, enum rank r, const char *src)
{
	struct dyad_date d;
	if (s && dyad_date_parse(s, strlen(s), &d))
		add_cand(m, &d, r, src);
}

/* Store s (collapsed, trimmed) into an empty buffer; later values lose. */
static void set_once(struct meta *m, struct dyad_buf *b, const char *s)
{
	if (b->len || !s)
		return;
	if (dyad_html_add_collapsed(b, s, strlen(s))) {
		m->oom = true;
		return;
	}
	dyad_buf_rtrim(b);
	size_t lead = 0;
	while (lead < b->len && b->data[lead] == ' ')
		lead++;
	if (lead) {
		memmove(b->data, b->data + lead, b->len - lead + 1);
		b->len -= lead;
	}
}

static bool key_in(const char *k, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(k, *list) == 0)
			return true;
	return false;
}

static const char *const pub_keys[] = {
	"article:published_time", "og:published_time", "og:article:published_time",
	"article:published", "published_time", "datepublished", "date", "pubdate",
	"publishdate", "publish-date", "publish_date", "publication_date",
	"publication-date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.issued",
	"dcterms.created", "dc.date.created", "dc.created", "sailthru.date",
	"parsely-pub-date", "article.published", "originalpublicationdate",
	"rnews:datepublished", "datecreated", "citation_publication_date",
	"citation_date", "displaydate", "date_published", "bt:pubdate", "pdate",
	"pub_date", "article_date_original", "cxenseparse:recs:publishtime",
	"article.created", "og:pubdate", "ga-publish-datetime", "date.available",
	"vr:published_time", "published-date", "release_date", "created", NULL,
};
static const char *const mod_keys[] = {
	"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
	"dc.date.modified", "last-modified", "lastmod", "revision_date",
	"modified_time", "updated_time", "article:modified", "dc.modified",
	"eomportal-lastupdate", "lastmodified", NULL,
};
static const char *const author_keys[] = {
	"author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
	"byl", "dcterms.creator", "citation_author", NULL,
};

static void on_meta(struct meta *m, const xmlNode *n)
{
	const char *content = dyad_html_attr(n, "content");
	if (!content)
		return;
	const char *keys[4] = {dyad_html_attr(n, "property"), dyad_html_attr(n, "name"),
			       dyad_html_attr(n, "itemprop"), dyad_html_attr(n, "http-equiv")};
	for (int i = 0; i < 4; i++) {
		const char *k = keys[i];
		if (!k || !*k)
			continue;
		if (key_in(k, pub_keys))
			add_date_str(m, content, i == 2 ? R_TIME_PUB : R_META, "meta");
		else if (key_in(k, mod_keys))
			add_date_str(m, content, R_MODIFIED, "meta");
		else if (strcasecmp(k, "og:image") == 0 || strcasecmp(k, "twitter:image") == 0) {
			/* Images are often filed under their upload day. */
			struct dyad_date d;
			if (dyad_date_from_url(content, &d))
				add_cand(m, &d, R_IMAGE, NULL);
		} else if (strcasecmp(k, "og:title") == 0)
			set_once(m, &m->og_title, content);
		else if (strcasecmp(k, "twitter:title") == 0)
			set_once(m, &m->tw_title, content);
		else if (strcasecmp(k, "og:site_name") == 0)
			set_once(m, &m->site, content);
		else if (strcasecmp(k, "application-name") == 0)
			set_once(m, &m->app, content);
		else if (strcasecmp(k, "og:url") == 0)
			set_once(m, &m->og_url, content);
		else if (key_in(k, author_keys) && !strstr(content, "://") && !strchr(content, '@'))
			set_once(m, &m->author, content);
		else if (strcasecmp(k, "content-language") == 0 || strcasecmp(k, "og:locale") == 0 ||
			 strcasecmp(k, "dc.language") == 0 || strcasecmp(k, "language") == 0)
			set_once(m, &m->meta_lang, content);
	}
}

static bool type_is_article(json_t *o)
{
	static const char *const types[] = {
		"Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle",
		"AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "TechArticle",
		"ScholarlyArticle", "SocialMediaPosting", "BackgroundNewsArticle",
		"ReviewNewsArticle", "Review", "Blog", "Posting", NULL,
	};
	json_t *t = json_object_get(o, "@type");
	size_t i;
	json_t *v;
	if (json_is_string(t)) {
		const char *s = json_string_value(t);
		return key_in(s, types);
	}
	json_array_foreach(t, i, v) if (json_is_string(v) && key_in(json_string_value(v), types))
		return true;
	return false;
}

static void ld_author(struct meta *m, json_t *a)
{
	if (json_is_string(a)) {
		const char *s = json_string_value(a);
		if (!strstr(s, "://")) {
			if (m->ld_author.len && dyad_buf_adds(&m->ld_author, ", "))
				m->oom = true;
			if (dyad_html_add_collapsed(&m->ld_author, s, strlen(s)))
				m->oom = true;
		}
	} else if (json_is_object(a)) {
		ld_author(m, json_object_get(a, "name"));
	} else if (json_is_array(a)) {
		size_t i;
		json_t *v;
		json_array_foreach(a, i, v) if (i < 6)
			ld_author(m, v);
	}
}

static void ld_walk(struct meta *m, json_t *o, int depth)
{
	if (depth > 6)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *v;
		json_array_foreach(o, i, v) ld_walk(m, v, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	bool art = type_is_article(o);
	const char *pub = json_string_value(json_object_get(o, "datePublished"));
	if (!pub)
		pub = json_string_value(json_object_get(o, "dateCreated"));
	add_date_str(m, pub, art ? R_JSONLD : R_META, "json-ld");
	add_date_str(m, json_string_value(json_object_get(o, "dateModified")), R_MODIFIED,
		     "json-ld");
	if (art) {
		set_once(m, &m->ld_headline, json_string_value(json_object_get(o, "headline")));
		if (!m->ld_author.len)
			ld_author(m, json_object_get(o, "author"));
		json_t *p = json_object_get(o, "publisher");
		if (json_is_object(p))
			set_once(m, &m->ld_pub, json_string_value(json_object_get(p, "name")));
	}
	json_t *g = json_object_get(o, "@graph");
	if (g)
		ld_walk(m, g, depth + 1);
	json_t *me = json_object_get(o, "mainEntity");
	if (json_is_object(me))
		ld_walk(m, me, depth + 1);
}

static void on_jsonld(struct meta *m, const xmlNode *n)
{
	dyad_buf_clear(&m->tmp);
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->content && dyad_buf_adds(&m->tmp, (const char *)c->content))
			m->oom = true;
	if (!m->tmp.len)
		return;
	json_t *j = json_loadb(m->tmp.data, m->tmp.len, JSON_DECODE_ANY, NULL);
	if (j) {
		ld_walk(m, j, 0);
		json_decref(j);
	}
}

/* The keys under which page scripts keep publication dates. */
static const char *const script_keys[] = {
	"\"datePublished\"", "\"published_at\"", "\"publishedDate\"",
	"\"publishDate\"", "\"first-publication\"", "\"date_published\"",
	"\"publication_date\"", "\"pubDate\"", NULL,
};

/* Characters between a key and its value, and the most of the value read. */
static size_t script_value_skip(const char *p, const char *end)
{
	const char *q = p;
	while (q < end && (*q == ' ' || *q == ':' || *q == '"' || *q == '\\'))
		q++;
	return (size_t)(q - p);
}
#define SCRIPT_VALUE_MAX 40

/* Publication dates that page scripts keep in JSON-like state
 * ("datePublished":"2020-01-02T..."): weaker than JSON-LD, they may
 * describe other items than the page's own article. */
static void on_script(struct meta *m, const xmlNode *n)
{
	const char *const *keys = script_keys;
	const xmlNode *c = n->children;
	if (!c || !c->content || m->date_areas >= 12)
		return;
	const char *s = (const char *)c->content;
	/* Scripts are long: one strchr pass over the quotes instead of a
	 * strstr per key. */
	const char *found[DYAD_ARRAY_LEN(script_keys)] = {0};
	for (const char *q = strchr(s, '"'); q; q = strchr(q + 1, '"'))
		for (size_t k = 0; keys[k]; k++)
			if (!found[k] && keys[k][1] == q[1] && strncmp(q, keys[k], strlen(keys[k])) == 0)
				found[k] = q;
	for (size_t k = 0; keys[k]; k++) {
		const char *p = found[k];
		if (!p)
			continue;
		p += strlen(keys[k]);
		p += script_value_skip(p, p + strlen(p));
		size_t l = 0;
		while (l < SCRIPT_VALUE_MAX && p[l] && p[l] != '"' && p[l] != '\\')
			l++;
		struct dyad_date d;
		if (dyad_date_parse(p, l, &d)) {
			add_cand(m, &d, R_TIME, "json-ld");
			m->date_areas++;
			return;
		}
	}
}

int dyad_html_script_dates(const char *s, size_t n, struct dyad_buf *out)
{
	/* The first place of each key, with what on_script reads after it:
	 * on_script reads nothing else. */
	const char *end = s + n;
	const char *at[DYAD_ARRAY_LEN(script_keys)] = {0};
	/* one pass over the quotes, as on_script does */
	for (const char *q = memchr(s, '"', n); q && end - q > 1;
	     q = memchr(q + 1, '"', (size_t)(end - q - 1)))
		for (size_t k = 0; script_keys[k]; k++)
			if (!at[k] && script_keys[k][1] == q[1] &&
			    (size_t)(end - q) >= strlen(script_keys[k]) &&
			    memcmp(q, script_keys[k], strlen(script_keys[k])) == 0)
				at[k] = q;
	const char *from[DYAD_ARRAY_LEN(script_keys)], *to[DYAD_ARRAY_LEN(script_keys)];
	size_t nk = 0;
	for (size_t k = 0; script_keys[k]; k++) {
		const char *f = at[k];
		if (!f)
			continue;
		const char *v = f + strlen(script_keys[k]);
		v += script_value_skip(v, end);
		size_t rest = (size_t)(end - v);
		v += rest < SCRIPT_VALUE_MAX ? rest : SCRIPT_VALUE_MAX;
		/* never end inside a character: stop between two ASCII bytes
		 * (UTF-8, and the double-byte encodings whose second byte may
		 * be ASCII) */
		while (v < end && ((unsigned char)v[0] >= 0x80 || (unsigned char)v[-1] >= 0x80))
			v++;
		from[nk] = f;
		to[nk++] = v;
	}
	/* in text order, overlaps merged, a line break between parts (no key
	 * holds one, so none can form across) */
	while (nk) {
		size_t first = 0;
		for (size_t i = 1; i < nk; i++)
			if (from[i] < from[first])
				first = i;
		const char *a = from[first], *b = to[first];
		from[first] = from[--nk];
		to[first] = to[nk];
		for (size_t i = 0; i < nk;) {
			if (from[i] <= b) {
				if (to[i] > b)
					b = to[i];
				from[i] = from[--nk];
				to[i] = to[nk];
				i = 0;
			} else {
				i++;
			}
		}
		if (dyad_buf_add(out, a, (size_t)(b - a)) || (nk && dyad_buf_addc(out, '\n')))
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* Lower-cased class and id of an element, with their byte pairs. */
struct cls {
	char s[256];
	struct dyad_html_pairs g;
};

/* Whether the class and id in c contain one of words. */
static bool class_has(const struct cls *c, const char *const *words)
{
	return c->s[0] && dyad_html_has_sub(c->s, &c->g, words);
}

/* Lower-cased class and id of n into c. */
static void class_of(const xmlNode *n, struct cls *c)
{
	const char *a[2] = {dyad_html_attr(n, "class"), dyad_html_attr(n, "id")};
	char *cls = c->s;
	size_t k = 0, cap = sizeof c->s;
	for (int i = 0; i < 2; i++) {
		for (const char *p = a[i]; p && *p && k + 2 < cap; p++)
			cls[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		if (k + 2 < cap)
			cls[k++] = ' ';
	}
	cls[k] = '\0';
	if (k == 2)
		cls[0] = '\0';
	else
		dyad_html_pairs_of(cls, &c->g);
}

/* Visible text of n into m->tmp (at most max bytes). */
static const char *text_of(struct meta *m, const xmlNode *n, size_t max)
{
	dyad_buf_clear(&m->tmp);
	if (dyad_html_text(n, &m->tmp, max))
		m->oom = true;
	return m->tmp.data;
}

/* Whether the headline text h (collapsed) appears in the page's <title>
 * or og:title. */
static bool in_title(const struct meta *m, const char *h)
{
	while (*h == ' ')
		h++;
	size_t n = strlen(h);
	while (n && h[n - 1] == ' ')
		n--;
	if (n < 8)
		return false;
	const struct dyad_buf *t[2] = {&m->title, &m->og_title};
	for (int i = 0; i < 2; i++)
		if (t[i]->len >= n && memmem(t[i]->data, t[i]->len, h, n))
			return true;
	return false;
}

/* A Unix time in seconds (10 digits) or milliseconds (13) as a date. */
static bool epoch_date(const char *s, struct dyad_date *d)
{
	size_t n = strspn(s, "0123456789");
	if (s[n] || (n != 10 && n != 13))
		return false;
	time_t t = (time_t)strtoll(s, NULL, 10);
	if (n == 13)
		t /= 1000;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return false;
	*d = (struct dyad_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	return true;
}

const char *const dyad_html_date_attrs[] = {
	"data-date", "data-datetime", "data-timestamp", "data-time", "data-pubdate",
	"data-published", "data-publish-date", "data-published-date", "data-created",
	"data-publication-date", NULL,
};

/* Dates that scripts keep in data-* attributes (data-published="...",
 * data-timestamp="1445416200"). */
static void data_attrs(struct meta *m, const xmlNode *n)
{
	const char *const *names = dyad_html_date_attrs;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		const xmlNode *t = a->children;
		if (!an || (an[0] | 0x20) != 'd' || strncasecmp(an, "data-", 5) != 0 || !t ||
		    t->type != XML_TEXT_NODE || !t->content || !key_in(an, names))
			continue;
		const char *v = (const char *)t->content;
		struct dyad_date d;
		enum rank r = strcasestr(an, "pub") ? R_TIME_PUB : R_TIME;
		if (epoch_date(v, &d))
			add_cand(m, &d, r, NULL);
		else
			add_date_str(m, v, r, NULL);
	}
}

/* Whether s holds one of the words of a site's header (ASCII case
 * ignored). */
static bool header_word(const char *s)
{
	static const char *const words[] = {"header", "banner", "masthead", "topbar", "top-bar", NULL};
	for (; s && *s; s++) {
		char c = (char)(*s | 0x20);
		if (c != 'h' && c != 'b' && c != 'm' && c != 't')
			continue;
		for (const char *const *w = words; *w; w++)
			if (**w == c && strncasecmp(s, *w, strlen(*w)) == 0)
				return true;
	}
	return false;
}

/* Whether n (tag t) is a site's header or banner: a date there is the day
 * the page was served, not a dateline of the headline below it. */
static bool site_header(const xmlNode *n, const char *t)
{
	if (DYAD_TAG_IS(t, "header"))
		return true;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		const xmlNode *v = a->children;
		if (an && v && v->type == XML_TEXT_NODE &&
		    (strcmp(an, "class") == 0 || strcmp(an, "id") == 0 || strcmp(an, "role") == 0) &&
		    header_word((const char *)v->content))
			return true;
	}
	return false;
}

/* Whether text node t stands in a site's header that h1 is not in (looking
 * up a bounded number of levels: this runs once per headline). */
#define HEADER_UP 48
static bool in_site_header(const xmlNode *t, const xmlNode *h1)
{
	int i = 0;
	for (const xmlNode *a = t->parent; a && a->type == XML_ELEMENT_NODE && i < HEADER_UP;
	     a = a->parent, i++) {
		int j = 0;
		for (const xmlNode *b = h1->parent; b && j < HEADER_UP; b = b->parent, j++)
			if (b == a)
				return false;  /* a holds the headline too */
		if (site_header(a, dyad_html_tag(a)))
			return true;
	}
	return false;
}

/* Remember a text node with something in it (before the headline's zone). */
static void note_pre(struct meta *m, const xmlNode *t)
{
	const char *s = (const char *)t->content;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (!*s)
		return;
	m->pre_text[m->pre_next] = t;
	m->pre_pos[m->pre_next] = m->pos;
	m->pre_next = (m->pre_next + 1) % PRE_NODES;
}

/* The date of a short line just above the headline (a dateline or kicker)
 * into m->pre_date, nearest first; none when the text there is long (a
 * teaser) or further up (a site banner's "today"). */
static void pre_dateline(struct meta *m, const xmlNode *h1)
{
	m->pre_date.y = 0;
	for (int k = 1; k <= PRE_NODES; k++) {
		int i = (m->pre_next - k + PRE_NODES) % PRE_NODES;
		const xmlNode *t = m->pre_text[i];
		if (!t || m->h1_pos - m->pre_pos[i] > PRE_BEFORE || in_site_header(t, h1))
			return;
		const char *s = (const char *)t->content;
		size_t n = strnlen(s, PRE_TEXT_MAX + 1), off, len;
		if (n <= PRE_TEXT_MAX && dyad_date_find(s, n, &m->pre_date, &off, &len))
			return;
		m->pre_date.y = 0;
	}
}

/* The last date in the LABEL_BACK bytes before at (of which avail
 * exist), the one nearest a label that follows its date. */
static bool date_before(const char *at, size_t avail, struct dyad_date *d)
{
	size_t back = avail < LABEL_BACK ? avail : LABEL_BACK, off, len;
	const char *p = at - back;
	if (back < avail) /* not from the middle of a word or number */
		while (p < at && *p++ != ' ')
			;
	bool found = false;
	struct dyad_date e;
	while (p < at && dyad_date_find(p, (size_t)(at - p), &e, &off, &len)) {
		*d = e;
		found = true;
		p += off + (len ? len : 1);
	}
	return found;
}

static void on_element(struct meta *m, const xmlNode *n, int bad)
{
	const char *t = dyad_html_tag(n);
	static const char *const author_words[] = {"byline", "author", NULL};
	static const char *const date_words[] = {
		"date", "time", "publish", "posted", "byline", "dateline", "meta", "info", NULL,
	};
	if (DYAD_TAG_IS(t, "h1") && !bad && (m->h1_seen++ == 0 || !m->h1_titled)) {
		/* A first <h1> that is not in the <title> (a logo, a section
		 * name) gives way to a later one that is. */
		const char *h = text_of(m, n, 400);
		bool titled = in_title(m, h);
		if (m->h1_seen > 1 && !titled)
			return;
		dyad_buf_clear(&m->h1);
		dyad_buf_clear(&m->zone);
		set_once(m, &m->h1, h);
		m->h1_titled = titled;
		m->zone_on = true;
		m->h1_pos = m->pos;
		pre_dateline(m, n);
		return;
	}
	if (!n->properties && !DYAD_TAG_IS(t, "time"))
		return; /* every test below needs an attribute */
	struct cls cls;
	class_of(n, &cls);
	const char *ip = dyad_html_attr(n, "itemprop");
	if (DYAD_TAG_IS(t, "time") || (ip && strcasecmp(ip, "datePublished") == 0)) {
		const char *dt = dyad_html_attr(n, "datetime");
		if (!dt)
			dt = dyad_html_attr(n, "content");
		if (!dt)
			dt = text_of(m, n, 200);
		bool pub = (ip && strcasecmp(ip, "datePublished") == 0) ||
			   dyad_html_attr(n, "pubdate") ||
			   class_has(&cls, (const char *const[]){"publish", "posted", "created", NULL});
		bool mod = (ip && strcasecmp(ip, "dateModified") == 0) ||
			   class_has(&cls, (const char *const[]){"updated", "modified", NULL});
		if (!bad || pub)
			add_date_str(m, dt, pub ? R_TIME_PUB : mod ? R_MODIFIED : R_TIME, NULL);
		return;
	}
	if (ip && strcasecmp(ip, "dateModified") == 0) {
		const char *dt = dyad_html_attr(n, "content");
		add_date_str(m, dt ? dt : text_of(m, n, 200), R_MODIFIED, NULL);
		return;
	}
	const char *prop = dyad_html_attr(n, "property");
	if ((prop && (strcasestr(prop, "datePublished") || strcasestr(prop, "dateCreated"))) ||
	    (ip && strcasecmp(ip, "dateCreated") == 0)) {
		const char *ct = dyad_html_attr(n, "content");
		add_date_str(m, ct ? ct : text_of(m, n, 200), R_TIME_PUB, NULL);
	}
	/* Microformats: <abbr class="published" title="2016-12-23T05:11:00">. */
	const char *title = dyad_html_attr(n, "title");
	if (title && !bad && class_has(&cls, (const char *const[]){"publish", "date", "time", NULL})) {
		bool pub = class_has(&cls, (const char *const[]){"publish", NULL});
		add_date_str(m, title, pub ? R_TIME_PUB : R_TIME, NULL);
	}
	if (!bad)
		data_attrs(m, n);
	const char *rel = dyad_html_attr(n, "rel");
	if ((rel && strcasecmp(rel, "author") == 0 && DYAD_TAG_IS(t, "a")) ||
	    (ip && strcasecmp(ip, "author") == 0)) {
		if (!m->rel_author.len) {
			const char *s = text_of(m, n, 200);
			if (m->tmp.len >= 3 && m->tmp.len < 100)
				set_once(m, &m->rel_author, s);
		}
	} else if (!m->rel_author.len && !bad && class_has(&cls, author_words) &&
		   !DYAD_TAG_IS(t, "a") && !DYAD_TAG_IS(t, "img")) {
		const char *s = text_of(m, n, 200);
		if (m->tmp.len >= 3 && m->tmp.len < 80)
			set_once(m, &m->rel_author, s);
	}
	if (!bad && m->date_areas < 8 && class_has(&cls, date_words) &&
	    !DYAD_TAG_IS(t, "body") && !DYAD_TAG_IS(t, "html")) {
		const char *s = text_of(m, n, 300);
		struct dyad_date d;
		size_t off, len;
		/* "Updated 4 Nov | Published 21 Oct": read the date after the
		 * publication label when there is one; or just before it, where
		 * the verb comes last ("am 3. Mai 2011 um 9 Uhr erschienen"). */
		static const char *const labels[] = {
			"published", "posted", "ver\xc3\xb6" "ffentlicht", "publi\xc3\xa9", "publicado",
			"erschienen", "gepostet", NULL,
		};
		for (const char *const *l = labels; *l; l++) {
			const char *at = strcasestr(s, *l);
			if (!at)
				continue;
			if (dyad_date_find(at, m->tmp.len - (size_t)(at - s), &d, &off, &len) ||
			    date_before(at, (size_t)(at - s), &d)) {
				m->date_areas++;
				add_cand(m, &d, R_BYLINE, NULL);
				return;
			}
		}
		if (m->tmp.len < 300 && dyad_date_find(s, m->tmp.len, &d, &off, &len)) {
			m->date_areas++;
			/* "Updated ..." is a modification date. */
			bool upd = (strcasestr(s, "updated") || strcasestr(s, "aktualisiert") ||
				    strcasestr(s, "modified")) &&
				   !(strcasestr(s, "published") || strcasestr(s, "posted") ||
				     strcasestr(s, "ver\xc3\xb6" "ffentlicht"));
			add_cand(m, &d, upd ? R_MODIFIED : R_BYLINE, upd ? "byline" : NULL);
		}
	}
}

static void walk(struct meta *m, const xmlNode *n, int depth, int bad)
{
	static const char *const bad_tags[] = {"nav", "footer", "aside", NULL};
	for (const xmlNode *c = n->children; c && !m->oom; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			if (!m->h1_seen && !bad && c->content && m->lead.len < ZONE_MAX &&
			    (dyad_html_add_collapsed(&m->lead, (const char *)c->content,
						     strlen((const char *)c->content)) ||
			     dyad_buf_addc(&m->lead, ' ')))
				m->oom = true;
			if (!bad && c->content && !m->zone_on && !m->h1_titled)
				note_pre(m, c);
			if (m->zone_on && !bad && c->content) {
				if (dyad_html_add_collapsed(&m->zone, (const char *)c->content,
							    strlen((const char *)c->content)) ||
				    dyad_buf_addc(&m->zone, ' '))
					m->oom = true;
				if (m->zone.len > ZONE_MAX)
					m->zone_on = false;
			}
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || depth >= MAX_DEPTH)
			continue;
		const char *t = dyad_html_tag(c);
		if (DYAD_TAG_IS(t, "meta")) {
			on_meta(m, c);
			continue;
		}
		if (DYAD_TAG_IS(t, "title")) {
			if (!m->title.len)
				set_once(m, &m->title, text_of(m, c, 1000));
			continue;
		}
		if (DYAD_TAG_IS(t, "link")) {
			const char *rel = dyad_html_attr(c, "rel");
			if (rel && strcasecmp(rel, "canonical") == 0)
				set_once(m, &m->canonical, dyad_html_attr(c, "href"));
			continue;
		}
		if (DYAD_TAG_IS(t, "script")) {
			const char *ty = dyad_html_attr(c, "type");
			if (ty && strcasestr(ty, "ld+json"))
				on_jsonld(m, c);
			else
				on_script(m, c);
			continue;
		}
		if (DYAD_TAG_IS(t, "html"))
			set_once(m, &m->lang, dyad_html_attr(c, "lang"));
		if (DYAD_TAG_IS(t, "head")) {
			walk(m, c, depth + 1, bad + 1);
			continue;
		}
		if (dyad_html_invisible(c))
			continue;
		int b = bad;
		for (const char *const *bt = bad_tags; *bt; bt++)
			if (strcmp(t, *bt) == 0)
				b++;
		m->pos++;
		on_element(m, c, b);
		walk(m, c, depth + 1, b);
	}
}

/* ------------------------------------------------------------------ */
/* Title                                                                */

/* Letters and digits of s, lower-cased ASCII, into out (for comparison). */
static size_t squash(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			out[k++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			out[k++] = (char)(c + 32);
	}
	out[k] = '\0';
	return k;
}

/* Whether the title part s[0..n) names the site (site name or host). */
static bool is_site(const char *s, size_t n, const char *site, const char *host)
{
	char a[256], b[256];
	if (squash(s, n, a, sizeof a) < 2)
		return false;
	if (site && *site && squash(site, strlen(site), b, sizeof b) && strcmp(a, b) == 0)
		return true;
	if (host && *host) {
		squash(host, strlen(host), b, sizeof b);
		if (strlen(a) >= 3 && strstr(b, a))
			return true;
	}
	return false;
}

static const char *const seps[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ",
	" \xc2\xb7 ", " \xe2\x80\xa2 ", " // ", NULL,
};

static size_t words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* Remove "| Site" suffixes and "Site: " or "Site | " prefixes. */
static char *clean_title(const char *t, const char *site, const char *host)
{
	if (!t || !*t)
		return NULL;
	size_t s = 0, e = strlen(t);
	for (int round = 0; round < 3; round++) {
		bool cut = false;
		/* Suffix at the last separator. */
		size_t best = 0, bl = 0;
		for (const char *const *sp = seps; *sp; sp++) {
			size_t l = strlen(*sp);
			for (size_t i = s; i + l <= e; i++)
				if (memcmp(t + i, *sp, l) == 0 && i > best) {
					best = i;
					bl = l;
				}
		}
		if (bl) {
			const char *tail = t + best + bl;
			size_t tl = e - best - bl;
			bool site_tail = is_site(tail, tl, site, host);
			/* An unknown short tail is a site name when it reads like one:
			 * "- BBC News", not "- \"Reopened\"" or "- why?". */
			bool name_like = tl > 0 && ((tail[0] >= 'A' && tail[0] <= 'Z') ||
						    (tail[0] >= '0' && tail[0] <= '9')) &&
					 !strchr("\"?!'.", tail[tl - 1]);
			if (site_tail || (name_like && words(tail, tl) <= 4 &&
					  words(t + s, best - s) >= 3 &&
					  words(t + s, best - s) > words(tail, tl))) {
				e = best;
				cut = true;
			}
		}
		/* Prefix: "Site | Title", "Site: Title". */
		for (const char *const *sp = seps; *sp && !cut; sp++) {
			const char *p = strstr(t + s, *sp);
			if (p && (size_t)(p - t) < e && is_site(t + s, (size_t)(p - t) - s, site, host)) {
				s = (size_t)(p - t) + strlen(*sp);
				cut = true;
			}
		}
		if (!cut) {
			const char *p = memchr(t + s, ':', e - s);
			if (p && p[1] == ' ' && is_site(t + s, (size_t)(p - t) - s, site, host)) {
				s = (size_t)(p - t) + 2;
				cut = true;
			}
		}
		if (!cut)
			break;
	}
	while (s < e && t[s] == ' ')
		s++;
	while (e > s && t[e - 1] == ' ')
		e--;
	return e > s ? dyad_strndup(t + s, e - s) : NULL;
}

static bool same_text(const char *a, const char *b)
{
	char x[512], y[512];
	return a && b && squash(a, strlen(a), x, sizeof x) > 0 &&
	       squash(b, strlen(b), y, sizeof y) > 0 && strcmp(x, y) == 0;
}

static char *pick_title(struct meta *m, const char *site, const char *host)
{
	if (m->hints->title && *m->hints->title) {
		struct dyad_buf b = DYAD_BUF_INIT;
		set_once(m, &b, m->hints->title);
		return b.len ? dyad_buf_detach(&b) : NULL;
	}
	char *c[4] = {clean_title(m->og_title.data, site, host),
		      clean_title(m->ld_headline.data, site, host),
		      clean_title(m->tw_title.data, site, host),
		      clean_title(m->title.data, site, host)};
	char *pick = NULL;
	const char *h1 = m->h1.len ? m->h1.data : NULL;
	if (h1) {
		/* The <h1> is the headline when another source agrees with it. */
		char hx[512], tx[1024];
		size_t hl = squash(h1, strlen(h1), hx, sizeof hx);
		for (int i = 0; i < 4 && !pick; i++)
			if (same_text(h1, c[i]))
				pick = dyad_strdup(h1);
		const char *raw[3] = {m->og_title.data, m->title.data, m->ld_headline.data};
		for (int i = 0; i < 3 && !pick; i++)
			if (hl >= 10 && squash(raw[i], strlen(raw[i]), tx, sizeof tx) &&
			    strstr(tx, hx))
				pick = dyad_strdup(h1);
	}
	for (int i = 0; i < 4 && !pick; i++)
		if (c[i]) {
			pick = c[i];
			c[i] = NULL;
		}
	if (!pick && h1)
		pick = dyad_strdup(h1);
	for (int i = 0; i < 4; i++)
		free(c[i]);
	return pick;
}

/* ------------------------------------------------------------------ */
/* Date choice                                                          */

/* Whether the candidates of rank r hold three or more different dates. */
static bool listing(const struct meta *m, enum rank r)
{
	const struct dyad_date *seen[3];
	int ns = 0;
	for (int i = 0; i < m->nc && ns < 3; i++) {
		if (m->c[i].r != r)
			continue;
		int k = 0;
		while (k < ns && dyad_date_cmp(seen[k], &m->c[i].d) != 0)
			k++;
		if (k == ns)
			seen[ns++] = &m->c[i].d;
	}
	return ns >= 3;
}

/* Whether a (read from page text) is b, also when the text's "06/01/2020"
 * was read day first and b says it was month first. */
static bool same_day(const struct dyad_date *a, const struct dyad_date *b)
{
	return dyad_date_cmp(a, b) == 0 || (a->y == b->y && a->m == b->d && a->d == b->m);
}

/* Whether c is a date shown in the page (not metadata, not free text)
 * between before elements ahead of the first <h1> and after elements past
 * it; *dist gets its signed distance. */
static bool shown_near(const struct meta *m, const struct cand *c, long before, long after,
		       long *dist)
{
	if (!m->h1_seen || (c->src && strcmp(c->src, "byline") != 0) || c->r < R_TIME_PUB ||
	    c->r == R_TEXT || c->r == R_IMAGE || c->r == R_MODIFIED)
		return false;  /* an "Updated ..." line under the headline is no publication date */
	*dist = c->pos - m->h1_pos;
	return *dist >= -before && *dist <= after;
}

/* The candidate to use instead of best (by rank) when the page shows a
 * date under its headline; best itself when not. */
static int prefer_shown(const struct meta *m, int best)
{
	/* Page dates of the best kind that disagree among themselves are a
	 * list of other stories: then the shown date nearest the headline. */
	enum rank br = m->c[best].r;
	if (m->h1_seen && br >= R_TIME_PUB && br <= R_BYLINE && listing(m, br)) {
		long bd = 0;
		int pick = -1;
		for (int i = 0; i < m->nc; i++) {
			long dist;
			if (!shown_near(m, &m->c[i], CONF_BEFORE, LONG_MAX / 4, &dist) ||
			    m->c[i].r > R_BYLINE)
				continue;
			dist = dist < 0 ? -dist * 2 : dist;
			if (pick < 0 || dist < bd) {
				pick = i;
				bd = dist;
			}
		}
		if (pick >= 0)
			best = pick;
	}
	/* The date shown next to the headline is what readers take for the
	 * publication date; metadata often carries a first-draft or
	 * syndication date instead (but a shown date of a kind that also
	 * lists other stories' dates does not overrule metadata)... */
	int vis = -1;
	long vis_d = 0;
	for (int i = 0; m->c[best].r > R_URL && i < m->nc; i++) {
		long dist;
		if (!shown_near(m, &m->c[i], NEAR_BEFORE, NEAR_AFTER, &dist) ||
		    (m->c[best].r < R_TIME_PUB && listing(m, m->c[i].r)))
			continue;
		if (dist < 0)
			dist = -dist * 2;
		if (vis < 0 || dist < vis_d) {
			vis = i;
			vis_d = dist;
		}
	}
	/* ...unless the page also shows the metadata's date near the top. */
	for (int i = 0; vis >= 0 && i < m->nc; i++) {
		long dist;
		if (shown_near(m, &m->c[i], CONF_BEFORE, CONF_AFTER, &dist) &&
		    same_day(&m->c[i].d, &m->c[best].d))
			vis = -1;
	}
	if (vis >= 0)
		best = vis;
	return best;
}

/* The text candidate to use instead of best when the text under the
 * headline shows the metadata's modification date (the page presents its
 * revised version under that date, and the first-draft date in the
 * metadata or the URL is shown nowhere next to the headline); best when
 * not. A publication date the page itself shows under the headline keeps
 * its place. */
static int prefer_revised(const struct meta *m, int best)
{
	int text = -1;
	if (m->c[best].r == R_INPUT)
		return best;
	for (int i = 0; i < m->nc && text < 0; i++)
		if (m->c[i].r == R_TEXT)
			text = i;
	if (text < 0 || dyad_date_cmp(&m->c[text].d, &m->c[best].d) == 0)
		return best;
	bool revised = false;
	for (int i = 0; i < m->nc && !revised; i++)
		revised = m->c[i].r == R_MODIFIED && dyad_date_cmp(&m->c[i].d, &m->c[text].d) == 0;
	if (!revised)
		return best;
	for (int i = 0; i < m->nc; i++) {
		const struct cand *c = &m->c[i];
		long dist = c->pos - m->h1_pos;
		if (m->h1_seen && !c->src && c->r >= R_TIME_PUB && c->r <= R_BYLINE &&
		    dist >= 0 && dist <= NEAR_AFTER && dyad_date_cmp(&c->d, &m->c[best].d) == 0)
			return best;
	}
	return text;
}

static void pick_date(struct meta *m, struct dyad_extract *x)
{
	struct dyad_date d;
	const char *in = m->hints->published;
	/* The strongest evidence first: the candidate list may fill up. */
	if (in && dyad_date_parse(in, strlen(in), &d))
		add_cand(m, &d, R_INPUT, NULL);
	const char *url = m->hints->url ? m->hints->url
			: m->canonical.len ? m->canonical.data : m->og_url.data;
	if (dyad_date_from_url(url, &d))
		add_cand(m, &d, R_URL, NULL);
	size_t off, len;
	if (m->zone.len && dyad_date_find(m->zone.data, m->zone.len, &d, &off, &len))
		add_cand(m, &d, R_TEXT, NULL);
	else if (!m->h1_seen && m->lead.len &&
		 dyad_date_find(m->lead.data, m->lead.len, &d, &off, &len))
		/* only pages without a headline: above one stands the site's
		 * banner, whose date is the day the page was served */
		add_cand(m, &d, R_TEXT, NULL);
	if (m->nc == 0 && m->pre_date.y)
		add_cand(m, &m->pre_date, R_TEXT, NULL);
	if (m->nc == 0)
		return;
	int best = 0;
	for (int i = 1; i < m->nc; i++) {
		const struct cand *c = &m->c[i], *b0 = &m->c[best];
		/* Among equals, the one nearest the headline. */
		if (c->r < b0->r ||
		    (c->r == b0->r && m->h1_seen && labs(c->pos - m->h1_pos) < labs(b0->pos - m->h1_pos)))
			best = i;
	}
	best = prefer_shown(m, best);
	best = prefer_revised(m, best);
	const struct cand *b = &m->c[best];
	double conf = rank_conf[b->r];
	if (b->r != R_INPUT) {
		int agree = 0, disagree = 0;
		for (int i = 0; i < m->nc; i++) {
			if (i == best || m->c[i].r == R_MODIFIED || m->c[i].r == b->r)
				continue;
			if (dyad_date_cmp(&m->c[i].d, &b->d) == 0)
				agree++;
			else if (m->c[i].r <= R_TIME)
				disagree++;
		}
		if (agree)
			conf += 0.05 * agree;
		if (disagree)
			conf -= 0.15;
		if (conf > 0.98)
			conf = 0.98;
		if (conf < 0.1)
			conf = 0.1;
	}
	char out[11];
	dyad_date_format(&b->d, out);
	x->published = dyad_strdup(out);
	x->date_source = dyad_strdup(b->src ? b->src : rank_src[b->r]);
	x->date_confidence = conf;
}

/* ------------------------------------------------------------------ */

/* Host of a URL without "www.", into out. */
static void url_host(const char *url, char *out, size_t cap)
{
	out[0] = '\0';
	if (!url)
		return;
	const char *p = strstr(url, "://");
	if (!p)
		return;
	p += 3;
	size_t n = strcspn(p, "/:?#");
	if (n >= 4 && strncasecmp(p, "www.", 4) == 0) {
		p += 4;
		n -= 4;
	}
	if (n >= cap)
		n = cap - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
	out[n] = '\0';
}

static char *strip_by(const char *s)
{
	if (!s || !*s)
		return NULL;
	while (*s == ' ')
		s++;
	if (strncasecmp(s, "by ", 3) == 0)
		s += 3;
	else if (strncasecmp(s, "von ", 4) == 0)
		s += 4;
	else if (strncasecmp(s, "par ", 4) == 0)
		s += 4;
	if (strstr(s, "://") || !*s)
		return NULL;
	return dyad_strdup(s);
}

int dyad_html_meta(xmlDoc *doc, const struct dyad_extract_hints *hints, struct dyad_extract *x)
{
	struct meta *m = calloc(1, sizeof *m);
	if (!m)
		return DYAD_ENOMEM;
	m->hints = hints;
	struct dyad_buf *bufs[] = {&m->title, &m->og_title, &m->tw_title, &m->ld_headline,
				   &m->h1, &m->site, &m->app, &m->ld_pub, &m->og_url,
				   &m->canonical, &m->author, &m->ld_author, &m->rel_author,
				   &m->lang, &m->meta_lang, &m->zone, &m->tmp, &m->lead};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(bufs); i++)
		dyad_buf_init(bufs[i]);
	/* Nothing published after the capture, nor today or later: a date of
	 * today on a page is the site's clock ("today is..."), not evidence.
	 * Yesterday is computed through time_t to cross month ends. */
	time_t yesterday = time(NULL) - 86400;
	struct tm tm;
	gmtime_r(&yesterday, &tm);
	m->limit = (struct dyad_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	struct dyad_date f;
	if (hints->fetched && dyad_date_parse(hints->fetched, strlen(hints->fetched), &f) &&
	    dyad_date_cmp(&f, &m->limit) < 0)
		m->limit = f;

	xmlNode *root = xmlDocGetRootElement(doc);
	if (root) {
		if (strcmp(dyad_html_tag(root), "html") == 0)
			set_once(m, &m->lang, dyad_html_attr(root, "lang"));
		walk(m, root, 0, 0);
	}
	int rc = m->oom ? DYAD_ENOMEM : DYAD_OK;
	if (rc == DYAD_OK) {
		const char *u = hints->url && *hints->url ? hints->url
				: m->canonical.len && strstr(m->canonical.data, "://") ? m->canonical.data
				: m->og_url.len ? m->og_url.data : NULL;
		x->url = u ? dyad_strdup(u) : NULL;
		char host[256];
		url_host(x->url, host, sizeof host);
		const char *site = hints->outlet && *hints->outlet ? hints->outlet
				   : m->site.len ? m->site.data : m->ld_pub.len ? m->ld_pub.data
				   : m->app.len ? m->app.data : host[0] ? host : NULL;
		x->outlet = site ? dyad_strdup(site) : NULL;
		x->title = pick_title(m, m->site.len ? m->site.data : m->ld_pub.data, host);
		const char *by = m->ld_author.len ? m->ld_author.data
				 : m->author.len ? m->author.data
				 : m->rel_author.len ? m->rel_author.data : NULL;
		x->byline = strip_by(by);
		const char *lang = dyad_lang_normalise(m->lang.len ? m->lang.data : m->meta_lang.data);
		if (!lang && m->lang.len)
			lang = dyad_lang_normalise(m->meta_lang.data);
		x->lang = lang ? dyad_strdup(lang) : NULL;
		pick_date(m, x);
	}
	for (size_t i = 0; i < DYAD_ARRAY_LEN(bufs); i++)
		dyad_buf_release(bufs[i]);
	free(m);
	return rc;
}

