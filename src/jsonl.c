/* JSON Lines input: one article object per line, parsed with jansson. */
#include "record.h"

#include <jansson.h>
#include <string.h>

/* Copy the string member key of obj into *dst; a non-string value is an
 * error, an absent or null one leaves *dst NULL. */
static int take_string(json_t *obj, const char *key, char **dst, struct dyad_err *err)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return DYAD_OK;
	if (!json_is_string(v))
		return dyad_error(err, DYAD_EPARSE, "field \"%s\" is not a string", key);
	*dst = dyad_strndup(json_string_value(v), json_string_length(v));
	return *dst ? DYAD_OK : dyad_error(err, DYAD_ENOMEM, "out of memory");
}

int dyad_jsonl_parse(const char *line, size_t n, struct dyad_record *rec, struct dyad_err *err)
{
	json_error_t jerr;
	json_t *obj = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr);
	if (!obj)
		return dyad_error(err, DYAD_EPARSE, "invalid JSON at column %d: %s", jerr.column, jerr.text);
	int rc = DYAD_OK;
	if (!json_is_object(obj)) {
		rc = dyad_error(err, DYAD_EPARSE, "not a JSON object");
		goto out;
	}
	char *html = NULL, *text = NULL;
	if ((rc = take_string(obj, "html", &html, err)) ||
	    (rc = take_string(obj, "text", &text, err)) ||
	    (rc = take_string(obj, "url", &rec->url, err)) ||
	    (rc = take_string(obj, "published", &rec->published, err)) ||
	    (rc = take_string(obj, "title", &rec->title, err)) ||
	    (rc = take_string(obj, "outlet", &rec->outlet, err))) {
		free(html);
		free(text);
		goto out;
	}
	/* Prefer the page when both are given: it carries the metadata. */
	if (html && *html) {
		rec->data = html;
		rec->html = true;
		free(text);
	} else if (text && *text) {
		rec->data = text;
		free(html);
	} else {
		free(html);
		free(text);
		rc = dyad_error(err, DYAD_EEMPTY, "no \"html\" or \"text\" field with content");
		goto out;
	}
	rec->len = strlen(rec->data);
out:
	json_decref(obj);
	return rc;
}
