/* Input records and the detection of an input's kind from its first bytes. */
#include "record.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *dyad_kind_name(enum dyad_kind k)
{
	switch (k) {
	case DYAD_KIND_TEXT: return "text";
	case DYAD_KIND_HTML: return "html";
	case DYAD_KIND_JSONL: return "jsonl";
	case DYAD_KIND_WARC: return "warc";
	case DYAD_KIND_UNKNOWN: break;
	}
	return "binary";
}

void dyad_record_release(struct dyad_record *rec)
{
	free(rec->path);
	free(rec->data);
	free(rec->url);
	free(rec->published);
	free(rec->title);
	free(rec->outlet);
	free(rec->fetched);
	free(rec->last_modified);
	free(rec->charset);
	*rec = (struct dyad_record){0};
}

void dyad_record_hints(const struct dyad_record *rec, struct dyad_extract_hints *h)
{
	*h = (struct dyad_extract_hints){
		.url = rec->url,
		.published = rec->published,
		.title = rec->title,
		.outlet = rec->outlet,
		.fetched = rec->fetched,
		.last_modified = rec->last_modified,
		.charset = rec->charset,
		.filename = rec->path,
	};
}

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), m = strlen(suffix);
	return n >= m && strcasecmp(name + n - m, suffix) == 0;
}

static enum dyad_kind kind_from_name(const char *name)
{
	static const struct { const char *suffix; enum dyad_kind kind; } names[] = {
		{".warc", DYAD_KIND_WARC}, {".warc.gz", DYAD_KIND_WARC},
		{".jsonl", DYAD_KIND_JSONL}, {".jsonl.gz", DYAD_KIND_JSONL},
		{".ndjson", DYAD_KIND_JSONL}, {".ndjson.gz", DYAD_KIND_JSONL},
		{".html", DYAD_KIND_HTML}, {".html.gz", DYAD_KIND_HTML},
		{".htm", DYAD_KIND_HTML}, {".htm.gz", DYAD_KIND_HTML},
		{".xhtml", DYAD_KIND_HTML},
		{".txt", DYAD_KIND_TEXT}, {".txt.gz", DYAD_KIND_TEXT},
	};
	if (!name)
		return DYAD_KIND_UNKNOWN;
	for (size_t i = 0; i < DYAD_ARRAY_LEN(names); i++)
		if (has_suffix(name, names[i].suffix))
			return names[i].kind;
	return DYAD_KIND_UNKNOWN;
}

/* Case-insensitive search of an ASCII needle in s[0..n). */
static bool contains_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (strncasecmp(s + i, needle, m) == 0)
			return true;
	return false;
}

static bool looks_binary(const char *s, size_t n)
{
	size_t ctrl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return true;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a)
			ctrl++;
	}
	return ctrl * 20 > n;  /* more than 5% control bytes: not text */
}

enum dyad_kind dyad_kind_detect(const char *head, size_t n, const char *name)
{
	if (looks_binary(head, n))
		return DYAD_KIND_UNKNOWN;
	size_t i = 0;
	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
		i++;
	const char *s = head + i;
	size_t m = n - i;
	enum dyad_kind by_name = kind_from_name(name);
	if (m >= 5 && memcmp(s, "WARC/", 5) == 0)
		return DYAD_KIND_WARC;
	if (m >= 1 && s[0] == '{')
		return DYAD_KIND_JSONL;
	if (m >= 1 && s[0] == '<' &&
	    (contains_ci(s, m, "<html") || contains_ci(s, m, "<!doctype") ||
	     contains_ci(s, m, "<head") || contains_ci(s, m, "<body") ||
	     contains_ci(s, m, "<p") || contains_ci(s, m, "<div") ||
	     contains_ci(s, m, "<?xml") || contains_ci(s, m, "<meta") ||
	     contains_ci(s, m, "<title")))
		return DYAD_KIND_HTML;
	/* Text that merely mentions a tag stays text, unless its name says HTML
	 * and it carries markup. */
	if (by_name == DYAD_KIND_HTML && (contains_ci(s, m, "<p") || contains_ci(s, m, "<div") ||
					  contains_ci(s, m, "<br") || contains_ci(s, m, "<body")))
		return DYAD_KIND_HTML;
	return DYAD_KIND_TEXT;
}
