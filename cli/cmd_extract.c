/* dyad extract: clean one file and print its article as JSON, no database. */
#include <jansson.h>
#include <unistd.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad extract FILE",
	"",
	"Clean one text or HTML file ('-': standard input) and print the article",
	"as one JSON object, with the fields of 'dyad export articles'.",
	NULL,
};

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

int cmd_extract(int argc, char **argv)
{
	if (argc != 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return cli_usage(usage_lines, argc == 2);
	const char *path = argv[1];
	/* gzread reads plain files as they are and gzip ones decompressed */
	gzFile f = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(STDIN_FILENO), "rb");
	if (!f) {
		cli_error("extract", "cannot open '%s'", path);
		return EXIT_FAIL;
	}
	char *data = NULL;
	size_t n = 0, cap = 0;
	int got = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			char *p = realloc(data, cap);
			if (!p)
				break;
			data = p;
		}
		got = gzread(f, data + n, (unsigned)(cap - n));
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	int zerr = Z_OK;
	const char *zmsg = gzerror(f, &zerr);
	if (got < 0 || zerr != Z_OK) {
		cli_error("extract", "%s: cannot read: %s", path, zmsg);
		gzclose(f);
		free(data);
		return EXIT_FAIL;
	}
	gzclose(f);
	struct dyad_article a = {0};
	struct dyad_err err = {0};
	int rc = dyad_article_extract(data ? data : "", n, path, &a, &err);
	free(data);
	if (rc) {
		cli_error("extract", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	json_t *o = json_object();
	json_object_set_new(o, "id", str_or_null(a.id));
	json_object_set_new(o, "path", str_or_null(a.path));
	json_object_set_new(o, "url", str_or_null(a.url));
	json_object_set_new(o, "title", str_or_null(a.title));
	json_object_set_new(o, "published", str_or_null(a.published));
	json_object_set_new(o, "date_confidence", json_real(a.date_confidence));
	json_object_set_new(o, "date_source", str_or_null(a.date_source));
	json_object_set_new(o, "outlet", str_or_null(a.outlet));
	json_object_set_new(o, "byline", str_or_null(a.byline));
	json_object_set_new(o, "dateline", str_or_null(a.dateline));
	json_object_set_new(o, "lang", str_or_null(a.lang));
	json_object_set_new(o, "text", str_or_null(a.text));
	json_object_set_new(o, "paragraphs", json_integer(a.paragraphs));
	json_object_set_new(o, "sentences", json_integer(a.sentences));
	json_object_set_new(o, "ingested_at", str_or_null(a.ingested_at));
	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(4));
	fputc('\n', stdout);
	json_decref(o);
	dyad_article_release(&a);
	return cli_finish("extract", EXIT_OK);
}
