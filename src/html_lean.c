/* Lean HTML for the parser: before libxml2 sees a page, drop the bytes the
 * extractors never read (long script and style bodies, attributes nobody
 * asks for, runs of indentation), which is most of the parse time on news
 * pages. libxml2 2.9 reads them a character at a time. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "html_int.h"

/* Case-insensitive search of the ASCII needle (lower case) in s[0..n),
 * at a '<'. */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (const char *p = s; (size_t)(s + n - p) >= m; p++) {
		p = memchr(p, '<', (size_t)(s + n - p));
		if (!p || (size_t)(s + n - p) < m)
			return NULL;
		if (strncasecmp(p, needle, m) == 0)
			return p;
	}
	return NULL;
}

/* Whether the ASCII needle (lower case) is in s[0..n), in any case. */
static bool has_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if ((s[i] | 0x20) == needle[0] && strncasecmp(s + i, needle, m) == 0)
			return true;
	return false;
}

/* News pages carry most of their bytes in scripts and style sheets, which
 * libxml2 reads a character at a time and the extractors never look at,
 * except JSON-LD and scripts that hold publication dates. Copy html[0..n)
 * into out without the bodies of the other <script> and <style> elements;
 * returns false (out untouched) when there is nothing to drop. The HTML
 * tokenizer ends such an element at the first "</script" or "</style" too,
 * so the tree is the same but for the dropped text. */
bool dyad_html_drop_scripts(const char *html, size_t n, struct dyad_buf *out)
{
	const char *p = html, *end = html + n, *t = html;
	bool any = false;
	for (;;) {
		/* the next "<script" or "<style", in one pass over the '<'s */
		bool script = false;
		for (;; t++) {
			t = memchr(t, '<', (size_t)(end - t));
			if (!t || end - t < 6)
				goto done;
			if ((t[1] | 0x20) != 's')
				continue;
			if (end - t >= 7 && strncasecmp(t + 2, "cript", 5) == 0) {
				script = true;
				break;
			}
			if (strncasecmp(t + 2, "tyle", 4) == 0)
				break;
		}
		const char *gt = memchr(t, '>', (size_t)(end - t));
		if (!gt)
			break;
		const char *close = find_ci(gt, (size_t)(end - gt), script ? "</script" : "</style");
		if (!close)
			break;
		size_t tag = (size_t)(gt - t), body = (size_t)(close - gt - 1);
		bool keep = body < 256 ||
			    (script && (memmem(t, tag, "json", 4) || memmem(gt, body, "ublish", 6) ||
					memmem(gt, body, "pubDate", 7) || memmem(gt, body, "first-publication", 17)));
		if (dyad_buf_add(out, p, (size_t)((keep ? close : gt + 1) - p)))
			return false;
		any |= !keep;
		p = close;
		/* step past "</script" so that the search goes on after it */
		if (dyad_buf_add(out, p, 2))
			return false;
		p += 2;
		t = p;
	}
done:
	if (!any)
		return false;
	return dyad_buf_add(out, p, (size_t)(end - p)) == DYAD_OK;
}

/* What follows mirrors libxml2's HTML tokenizer (HTMLparser.c of 2.9:
 * htmlParseContentInternal, htmlParseStartTag, htmlParseAttValue,
 * htmlParseScript, htmlParseComment) closely enough to know where its start
 * tags and their attributes are. Wherever the page leaves that well-trodden
 * path the rest is copied as it is, which is always safe: only attributes
 * are ever removed, and only where libxml2 would read them as attributes. */

static bool blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* libxml2's IS_CHAR_CH: the bytes its markup loops go on over. */
static bool char_ok(unsigned char c)
{
	return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

static bool letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* htmlParseHTMLName's characters: first, then the rest. */
static bool name_first(unsigned char c)
{
	return letter(c) || c == '_' || c == ':' || c == '.';
}

static bool name_char(unsigned char c)
{
	return letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

/* libxml2 reads at most this many characters of a name (its
 * HTML_PARSER_BUFFER_SIZE); longer names are left alone. */
#define NAME_MAX_LEN 100

/* The attributes the extractors read (html_meta.c, html_body.c,
 * html_extract.c) and the one libxml2 reads itself (the encoding of a
 * <meta>): every other attribute can go. Keep this list in step with
 * them (tests/unit/test_html_lean.c compares a page's trees both ways). */
static const char *const kept[] = {
	"class", "id", "role", "itemprop", "rel", "type", "lang", "content", "property",
	"name", "http-equiv", "datetime", "pubdate", "title", "style", "hidden", "charset",
	NULL,
};

static bool keep_attr(const char *a, size_t an)
{
	char low[32];
	if (an >= sizeof low)
		return false;
	for (size_t i = 0; i < an; i++)
		low[i] = (char)((unsigned char)a[i] | ((a[i] >= 'A' && a[i] <= 'Z') ? 0x20 : 0));
	low[an] = '\0';
	const char *const *list = low[0] == 'd' && an > 5 && memcmp(low, "data-", 5) == 0
					  ? dyad_html_date_attrs
					  : kept;
	for (; *list; list++)
		if ((*list)[0] == low[0] && strcmp(*list, low) == 0)
			return true;
	return false;
}

/* Parse the start tag at s ('<' then a name's first letter) as libxml2
 * does and append it to out with the unread attributes left out. Returns
 * the end of the tag, or NULL when the tag leaves the common path (out is
 * then as before). *raw is set when the element's content is raw text
 * (script, style) up to its end tag. */
static const char *start_tag(const char *s, const char *end, struct dyad_buf *out, bool *raw)
{
	const char *p = s + 1, *name = p;
	while (p < end && name_char((unsigned char)*p))
		p++;
	size_t nl = (size_t)(p - name);
	if (nl >= NAME_MAX_LEN)
		return NULL;
	/* the attributes kept, as spans of the page; a <link>'s href waits
	 * for the whole tag: only a canonical link's is read */
	enum { MAX_KEPT = 64 };
	const char *ka[MAX_KEPT], *kb[MAX_KEPT];
	bool href[MAX_KEPT];
	size_t nk = 0;
	bool link = nl == 4 && strncasecmp(name, "link", 4) == 0;
	const char *ws;
	for (;;) {
		ws = p;
		while (p < end && blank((unsigned char)*p))
			p++;
		if (p >= end || !char_ok((unsigned char)*p))
			return NULL;
		if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
			break;
		const char *a = p;
		if (!name_first((unsigned char)*p)) {
			/* libxml2 skips a bogus attribute up to a blank or the
			 * end of the tag, and so does the copy */
			while (p < end && char_ok((unsigned char)*p) && !blank((unsigned char)*p) &&
			       *p != '>' && !(*p == '/' && p + 1 < end && p[1] == '>'))
				p++;
			continue;
		}
		while (p < end && name_char((unsigned char)*p))
			p++;
		size_t an = (size_t)(p - a);
		if (an >= NAME_MAX_LEN)
			return NULL;
		const char *q = p;
		while (q < end && blank((unsigned char)*q))
			q++;
		if (q < end && *q == '=') {
			q++;
			while (q < end && blank((unsigned char)*q))
				q++;
			if (q < end && (*q == '"' || *q == '\'')) {
				const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
				if (!close)
					return NULL;  /* libxml2 reads on to the end */
				q = close + 1;
			} else {
				while (q < end && *q && *q != '>' && !blank((unsigned char)*q))
					q++;
			}
			p = q;
		}
		bool h = link && an == 4 && strncasecmp(a, "href", 4) == 0;
		if (h || keep_attr(a, an)) {
			if (nk == MAX_KEPT)
				return NULL;
			ka[nk] = a;
			kb[nk] = p;
			href[nk++] = h;
		}
	}
	bool canonical = link && has_ci(s, (size_t)(p - s), "canonical");
	size_t mark = out->len;
	int rc = dyad_buf_add(out, s, (size_t)(name + nl - s));
	for (size_t i = 0; i < nk && !rc; i++)
		if (!href[i] || canonical)
			rc = dyad_buf_addc(out, ' ') || dyad_buf_add(out, ka[i], (size_t)(kb[i] - ka[i]));
	bool empty = *p == '/';
	const char *after = p + (empty ? 2 : 1);
	/* with the blanks before the end: "href=a/ />" is not "href=a//>" */
	if (rc || dyad_buf_add(out, ws, (size_t)(after - ws))) {
		dyad_buf_truncate(out, mark);
		return NULL;
	}
	*raw = !empty && ((nl == 6 && strncasecmp(name, "script", 6) == 0) ||
			  (nl == 5 && strncasecmp(name, "style", 5) == 0));
	return after;
}

/* Append the text s[0..e) with each run of blanks cut to its first one:
 * libxml2 keeps runs of indentation that every reader of the tree
 * collapses (dyad_html_add_collapsed), and a blank run is ignorable or not
 * whatever its length. */
static int add_text(struct dyad_buf *out, const char *s, const char *e)
{
	if (dyad_buf_grow(out, (size_t)(e - s)))
		return DYAD_ENOMEM;
	char *d = out->data + out->len;
	bool prev = false;
	for (; s < e; s++) {
		bool b = blank((unsigned char)*s);
		if (!(b && prev))
			*d++ = *s;
		prev = b;
	}
	out->len = (size_t)(d - out->data);
	*d = '\0';
	return DYAD_OK;
}

bool dyad_html_drop_attrs(const char *html, size_t n, struct dyad_buf *out)
{
	if (memchr(html, '\0', n) || memchr(html, 0x1b, n))
		return false;
	size_t mark = out->len;
	if (dyad_buf_grow(out, n))
		return false;
	const char *p = html, *end = html + n;
	while (p < end) {
		const char *t = memchr(p, '<', (size_t)(end - p));
		if (!t)
			break;
		if (add_text(out, p, t))
			goto nomem;
		p = t;
		unsigned char c1 = t + 1 < end ? (unsigned char)t[1] : 0;
		const char *next = NULL;  /* end of a construct copied as it is */
		if (letter(c1) || c1 == '_' || c1 == ':') {
			bool raw = false;
			const char *after = start_tag(t, end, out, &raw);
			if (!after)
				break;
			p = after;
			if (!raw)
				continue;
			/* htmlParseScript: up to "</" and the element's name */
			bool script = (t[1] | 0x20) == 's' && (t[2] | 0x20) == 'c';
			const char *close = find_ci(p, (size_t)(end - p), script ? "</script" : "</style");
			if (!close)
				break;
			/* A script other than JSON-LD is only searched for a few
			 * date keys: keep those places alone. (A tag with a
			 * character reference may spell its type "ld&#x2B;json".) */
			if (script && !memchr(t, '&', (size_t)(after - t)) &&
			    !has_ci(t, (size_t)(after - t), "ld+json")) {
				if (dyad_html_script_dates(p, (size_t)(close - p), out))
					goto nomem;
				p = close;
				continue;
			}
			next = close;
		} else if (c1 == '!' && end - t >= 4 && t[2] == '-' && t[3] == '-') {
			/* a comment ends at "-->", or early at a control character */
			const char *close = memmem(t + 4, (size_t)(end - t - 4), "-->", 3);
			if (!close)
				break;
			for (const char *k = t + 4; k < close; k++)
				if (!char_ok((unsigned char)*k))
					goto rest;
			next = close + 3;
		} else if (c1 == '!' && end - t >= 9 && strncasecmp(t + 2, "DOCTYPE", 7) == 0) {
			/* a plain doctype: no markup, quotes paired */
			const char *gt = memchr(t, '>', (size_t)(end - t));
			if (!gt)
				break;
			size_t dq = 0;
			for (const char *k = t + 2; k < gt; k++) {
				if (*k == '<' || *k == '\'' || !char_ok((unsigned char)*k))
					goto rest;
				dq += *k == '"';
			}
			if (dq % 2)
				break;
			next = gt + 1;
		} else if (c1 == '/' || c1 == '?' || c1 == '!' || !c1 || blank(c1) || c1 >= 0x80 ||
			   !char_ok(c1)) {
			/* An end tag (to its '>'), a processing instruction or a
			 * bogus tag (to its '>' or a control character): none
			 * has attributes. Anything odd about it ends the work. */
			const char *k = t + 2;
			if (c1 == '/' && !name_first(t + 2 < end ? (unsigned char)t[2] : 0)) {
				next = t + 2;  /* "</" then text */
			} else if (c1 == '?' && !(t + 2 < end && (letter((unsigned char)t[2]) ||
								  t[2] == '_' || t[2] == ':'))) {
				break;
			} else {
				if (c1 >= 0x80 || !char_ok(c1))
					break;
				while (k < end && *k != '>' && (c1 == '/' || char_ok((unsigned char)*k)))
					k++;
				if (k >= end)
					break;
				next = *k == '>' ? k + 1 : k;
			}
		} else {
			/* '<' then a digit, '=', a quote...: a bogus tag to '>' */
			const char *k = t + 1;
			while (k < end && *k != '>' && char_ok((unsigned char)*k))
				k++;
			if (k >= end)
				break;
			next = *k == '>' ? k + 1 : k;
		}
		if (dyad_buf_add(out, p, (size_t)(next - p)))
			goto nomem;
		p = next;
	}
rest:
	if (dyad_buf_add(out, p, (size_t)(end - p)) == DYAD_OK)
		return true;
nomem:
	dyad_buf_truncate(out, mark);
	return false;
}
