/* Articles: from an input record (text or HTML) to a cleaned, normalised,
 * segmented article with a content-derived id. */
#include "article.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "html_extract.h"
#include "lang.h"
#include "textclean.h"
#include "utf8.h"

void dyad_article_release(struct dyad_article *a)
{
	free(a->id);
	free(a->path);
	free(a->url);
	free(a->title);
	free(a->published);
	free(a->date_source);
	free(a->outlet);
	free(a->byline);
	free(a->dateline);
	free(a->lang);
	free(a->text);
	free(a->ingested_at);
	*a = (struct dyad_article){0};
}

void dyad_doc_release(struct dyad_doc *doc)
{
	dyad_article_release(&doc->a);
	free(doc->sent);
	doc->sent = NULL;
	dyad_events_release(&doc->events);
}

void dyad_article_id(const char *text, size_t n, char out[17])
{
	/* Hash the words only: copies that differ in spacing or line breaks
	 * are the same article. */
	uint64_t h = 1469598103934665603ULL;
	bool space = false, any = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = any;
			continue;
		}
		if (space) {
			h = (h ^ ' ') * 1099511628211ULL;
			space = false;
		}
		h = (h ^ c) * 1099511628211ULL;
		any = true;
	}
	h = dyad_hash64(&h, sizeof h, 0);
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 16; i++)
		out[i] = hex[(h >> (60 - 4 * i)) & 15];
	out[16] = '\0';
}

void dyad_now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* What the container said outranks what the page says: a JSONL
 * "published" the user gave, the URL the crawler fetched, the outlet the
 * user named. */
static int apply_hints(const struct dyad_record *rec, struct dyad_extract *x)
{
	struct dyad_date d;
	if (rec->published && dyad_date_parse(rec->published, strlen(rec->published), &d)) {
		char iso[11];
		dyad_date_format(&d, iso);
		free(x->published);
		free(x->date_source);
		x->published = dyad_strdup(iso);
		x->date_source = dyad_strdup("input");
		x->date_confidence = 1.0;
		if (!x->published || !x->date_source)
			return DYAD_ENOMEM;
	}
	if (rec->url && *rec->url) {
		free(x->url);
		if (!(x->url = dyad_strdup(rec->url)))
			return DYAD_ENOMEM;
	}
	if (rec->outlet && *rec->outlet) {
		free(x->outlet);
		if (!(x->outlet = dyad_strdup(rec->outlet)))
			return DYAD_ENOMEM;
	}
	if (rec->title && *rec->title && !x->title) {
		if (!(x->title = dyad_strdup(rec->title)))
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* Replace *s by its cleaned (valid NFC UTF-8, trimmed) form; an empty
 * result becomes NULL. */
static int normalise(char **s)
{
	if (!*s)
		return DYAD_OK;
	char *out;
	size_t n;
	if (dyad_utf8_clean(*s, strlen(*s), &out, &n, NULL))
		return DYAD_ENOMEM;
	free(*s);
	size_t b = 0;
	while (b < n && (out[b] == ' ' || out[b] == '\n' || out[b] == '\t'))
		b++;
	while (n > b && (out[n - 1] == ' ' || out[n - 1] == '\n' || out[n - 1] == '\t'))
		n--;
	if (n == b) {
		free(out);
		*s = NULL;
		return DYAD_OK;
	}
	memmove(out, out + b, n - b);
	out[n - b] = '\0';
	*s = out;
	return DYAD_OK;
}

int dyad_doc_build(const struct dyad_record *rec, struct dyad_doc *doc, struct dyad_err *err)
{
	struct dyad_extract_hints hints;
	struct dyad_extract x = {0};
	struct dyad_err xerr = {0};
	int rc;
	*doc = (struct dyad_doc){0};
	dyad_record_hints(rec, &hints);
	if (rec->html) {
		rc = dyad_html_extract(rec->data, rec->len, &hints, &x, &xerr);
	} else {
		char *clean;
		size_t n;
		if (dyad_utf8_clean(rec->data, rec->len, &clean, &n, NULL))
			return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", rec->path);
		rc = dyad_text_extract(clean, n, &hints, &x, &xerr);
		free(clean);
	}
	if (rc == DYAD_OK && !x.text)
		rc = dyad_error(&xerr, DYAD_EEMPTY, "no article text found");
	if (rc) {
		dyad_extract_release(&x);
		return dyad_error(err, rc, "%s: %s", rec->path,
				  xerr.msg[0] ? xerr.msg : dyad_rcstr(rc));
	}
	if (apply_hints(rec, &x)) {
		dyad_extract_release(&x);
		return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", rec->path);
	}
	char **fields[] = {&x.url, &x.title, &x.published, &x.date_source, &x.outlet,
			   &x.byline, &x.dateline, &x.lang, &x.text};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(fields); i++) {
		if (normalise(fields[i])) {
			dyad_extract_release(&x);
			return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", rec->path);
		}
	}
	if (!x.text) {
		dyad_extract_release(&x);
		return dyad_error(err, DYAD_EEMPTY, "%s: no article text found", rec->path);
	}
	struct dyad_article *a = &doc->a;
	size_t tlen = strlen(x.text), nsent = 0, npara = 0;
	if (dyad_sentences(x.text, tlen, &doc->sent, &nsent, &npara)) {
		dyad_extract_release(&x);
		return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", rec->path);
	}
	if (!x.lang) {
		const char *l = dyad_lang_detect(x.text, tlen);
		x.lang = l ? dyad_strdup(l) : NULL;
	}
	char id[17], now[21];
	dyad_article_id(x.text, tlen, id);
	dyad_now_iso(now);
	a->id = dyad_strdup(id);
	a->path = dyad_strdup(rec->path);
	a->ingested_at = dyad_strdup(now);
	a->url = x.url;
	a->title = x.title;
	a->published = x.published;
	a->date_confidence = x.published ? x.date_confidence : 0.0;
	a->date_source = x.published ? x.date_source : NULL;
	if (!x.published)
		free(x.date_source);
	a->outlet = x.outlet;
	a->byline = x.byline;
	a->dateline = x.dateline;
	a->lang = x.lang;
	a->text = x.text;
	a->paragraphs = (int)npara;
	a->sentences = (int)nsent;
	if (!a->id || !a->path || !a->ingested_at) {
		dyad_doc_release(doc);
		return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", rec->path);
	}
	return DYAD_OK;
}

int dyad_article_extract(const char *data, size_t n, const char *name,
			 struct dyad_article *a, struct dyad_err *err)
{
	struct dyad_record rec = {0};
	enum dyad_kind kind = dyad_kind_detect(data, n < 4096 ? n : 4096, name);
	if (n == 0)
		return dyad_error(err, DYAD_EEMPTY, "%s: empty input", name ? name : "input");
	if (kind == DYAD_KIND_UNKNOWN)
		return dyad_error(err, DYAD_EBINARY, "%s: binary data", name ? name : "input");
	rec.data = dyad_strndup(data, n);
	rec.len = n;
	rec.html = kind == DYAD_KIND_HTML;
	rec.path = dyad_strdup(name ? name : "-");
	if (!rec.data || !rec.path) {
		dyad_record_release(&rec);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	struct dyad_doc doc;
	int rc = dyad_doc_build(&rec, &doc, err);
	dyad_record_release(&rec);
	if (rc)
		return rc;
	free(doc.sent);
	*a = doc.a;
	return DYAD_OK;
}
