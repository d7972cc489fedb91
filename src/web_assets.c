/* The files of dyad serve's web page, compiled into the binary: the Makefile
 * turns web/ * into web_data.inc with tools/embed.c (the tool that embeds the
 * dictionaries, hence its struct and names); a build without it (fuzzers
 * compile src/ *.c alone) serves no page. */
#include <string.h>

#include "dict_builtin.h"
#include "serve.h"

#if defined(__has_include)
#if __has_include("web_data.inc")
#include "web_data.inc"
#define HAVE_WEB_DATA 1
#endif
#endif

#ifndef HAVE_WEB_DATA
static const struct dyad_dict_blob dict_blobs[1] = { { "", "", 0 } };
static const size_t dict_nblobs = 0;
#endif

static const struct {
	const char *ext, *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".json", "application/json"},
};

const char *dyad_web_asset(const char *name, size_t *size, const char **type)
{
	for (size_t i = 0; i < dict_nblobs; i++) {
		const char *n = dict_blobs[i].name;
		if (strncmp(n, "web/", 4) == 0)
			n += 4;
		if (strcmp(n, name) != 0)
			continue;
		*type = "application/octet-stream";
		size_t len = strlen(n);
		for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
			size_t el = strlen(types[t].ext);
			if (len >= el && strcmp(n + len - el, types[t].ext) == 0)
				*type = types[t].type;
		}
		*size = dict_blobs[i].size;
		return dict_blobs[i].data;
	}
	return NULL;
}
