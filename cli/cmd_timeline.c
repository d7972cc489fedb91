/* dyad timeline: one entry per story in date order, with its outlets,
 * events, key sentence and quotations; also as a self-contained HTML page. */
#include <stdlib.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad timeline [--db PATH] [OPTIONS]",
	"",
	"The stories of a dyad, an actor or an issue in date order: date, outlets,",
	"events (actors, CAMEO name, Goldstein), the key sentence, quotations.",
	"One of --dyad, --actor, --about, --q is needed.",
	"",
	"  --dyad SRC:TGT           events between these actor code prefixes",
	"  --actor CODES            events with these actors on either side",
	"  --about TEXT, --q TEXT   articles matching the words (both: all words)",
	"  --from DATE, --to DATE   published from/to (YYYY, YYYY-MM, YYYY-MM-DD)",
	"  --all                    copies as entries of their own",
	"  --limit N, --offset N    page (N <= 1000; default 50)",
	"  --format table|json|csv|html   html: a self-contained page",
	NULL,
};

static void esc(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

static void esc_json(FILE *out, const json_t *v)
{
	char *t = cli_cell_text(v);
	esc(out, t);
	free(t);
}

static int html_page(const json_t *res, FILE *out)
{
	const json_t *rows = json_object_get(res, "rows"), *row, *x;
	size_t i, j;
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>dyad timeline</title>\n<style>\n"
	      "body{font:15px/1.45 system-ui,sans-serif;max-width:56em;margin:2em auto;"
	      "padding:0 1em;color:#222}\n"
	      "h1{font-size:1.3em}.e{border-left:3px solid #888;margin:0 0 1.2em;"
	      "padding:.2em 0 .2em 1em}\n"
	      ".d{font-weight:bold}.o{color:#666;font-size:.9em}.s{margin:.3em 0}\n"
	      "ul{margin:.2em 0;padding-left:1.2em}.c{color:#a00}.p{color:#060}\n"
	      "blockquote{margin:.2em 0 .2em 1em;font-style:italic}\n"
	      "</style></head><body>\n<h1>Timeline</h1>\n", out);
	json_array_foreach(rows, i, row) {
		fputs("<div class=\"e\"><div><span class=\"d\">", out);
		esc_json(out, json_object_get(row, "date"));
		fputs("</span> <span class=\"o\">", out);
		esc_json(out, json_object_get(row, "outlets"));
		fprintf(out, " (%lld article%s)</span></div>\n<div>",
			(long long)json_integer_value(json_object_get(row, "articles")),
			json_integer_value(json_object_get(row, "articles")) == 1 ? "" : "s");
		esc_json(out, json_object_get(row, "title"));
		fputs("</div>\n<p class=\"s\">", out);
		esc_json(out, json_object_get(row, "sentence"));
		fputs("</p>\n", out);
		const json_t *ev = json_object_get(row, "events");
		if (json_array_size(ev)) {
			fputs("<ul>", out);
			json_array_foreach(ev, j, x) {
				double g = json_number_value(json_object_get(x, "goldstein"));
				fprintf(out, "<li class=\"%s\">", g < 0 ? "c" : "p");
				esc_json(out, x);
				fputs("</li>", out);
			}
			fputs("</ul>\n", out);
		}
		json_array_foreach(json_object_get(row, "quotes"), j, x) {
			fputs("<blockquote>", out);
			esc_json(out, x);
			fputs("</blockquote>\n", out);
		}
		fputs("</div>\n", out);
	}
	if (json_is_true(json_object_get(res, "more")))
		fputs("<p>(more entries: use --offset)</p>\n", out);
	fputs("</body></html>\n", out);
	return EXIT_OK;
}

static const char *const flags[] = {"all", NULL};
static const char *const table_cols[] = {"date", "outlets", "articles", "events", "sentence",
					 "quotes", NULL};

int cmd_timeline(int argc, char **argv)
{
	static const struct cli_query cq = {"timeline", "timeline", usage_lines, NULL, flags,
					    html_page, table_cols};
	return cli_query_main(&cq, argc, argv);
}
