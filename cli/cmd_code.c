/* dyad code: a filter from JSON Lines sentences or articles to JSON Lines
 * CAMEO events, no database. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "events.h"

static const char *const usage_lines[] = {
	"usage: dyad code [--dict PATH] < IN.jsonl > EVENTS.jsonl",
	"",
	"Read JSON Lines {\"id\", \"date\": \"YYYY-MM-DD\", \"text\"} on standard input",
	"(text: a sentence or a whole article, cut into sentences here; id and",
	"date may be left out) and write one JSON object per coded event on",
	"standard output: \"id\" and the fields of 'dyad export events' (docs/formats.md).",
	"Bad lines are reported on stderr with their number; the rest goes on.",
	"",
	"  --dict PATH event dictionary: a folder of dyad files, a TABARI .project",
	"              or a PETR_config.ini (default: the built-in one)",
	"",
	"exit status: 0 ok, 1 failure, 2 usage, 3 done but some lines were bad",
	NULL,
};

static void print_diag(void *ud, int rc, const char *msg)
{
	(void)ud;
	(void)rc;
	cli_error("code", "%s", msg);
}

/* Code one input line; returns NULL, or why the line is bad. */
static const char *code_line(struct dyad_coder *c, const struct dyad_dict *d, const char *line,
			     size_t n, struct dyad_events *ev, int *fatal)
{
	static char why[256];
	json_error_t jerr;
	json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr);
	if (!o || !json_is_object(o)) {
		snprintf(why, sizeof why, "not a JSON object%s%s", o ? "" : ": ", o ? "" : jerr.text);
		json_decref(o);
		return why;
	}
	json_t *text = json_object_get(o, "text"), *date = json_object_get(o, "date");
	json_t *id = json_object_get(o, "id");
	const char *bad = NULL;
	int32_t ymd = 0;
	if (!json_is_string(text))
		bad = "no \"text\" string";
	else if (date && !json_is_null(date) &&
		 (!json_is_string(date) || !(ymd = dyad_events_ymd(json_string_value(date)))))
		bad = "\"date\" is not YYYY-MM-DD";
	if (bad) {
		json_decref(o);
		return bad;
	}
	const char *s = json_string_value(text);
	size_t slen = json_string_length(text), nsent = 0;
	struct dyad_sentence *sent = NULL;
	struct dyad_err err = {0};
	ev->n = 0;
	int rc = dyad_sentences(s, slen, &sent, &nsent, NULL);
	/* the people of the text are actors of it, as in ingest */
	struct dyad_people people = {0};
	if (!rc)
		rc = dyad_people_find_at(s, sent, nsent, d, ymd, &people, &err);
	if (!rc)
		rc = dyad_events_code(c, s, sent, nsent, ymd, &people, ev, &err);
	dyad_people_release(&people);
	if (rc) {
		*fatal = rc != DYAD_ETOOBIG;
		snprintf(why, sizeof why, "%s", dyad_rcstr(rc));
		free(sent);
		json_decref(o);
		return why;
	}
	for (size_t i = 0; i < ev->n; i++) {
		const struct dyad_sentence *st = &sent[ev->ev[i].sentence];
		json_t *e = dyad_event_json(&ev->ev[i], s + st->off, st->len);
		json_t *out = json_object();
		if (!e || !out) {
			json_decref(e);
			json_decref(out);
			*fatal = 1;
			break;
		}
		json_object_set(out, "id", id ? id : json_null());
		json_object_update(out, e);
		json_decref(e);
		json_dumpf(out, stdout, JSON_COMPACT | JSON_REAL_PRECISION(4));
		fputc('\n', stdout);
		json_decref(out);
	}
	free(sent);
	json_decref(o);
	return *fatal ? "out of memory" : NULL;
}

int cmd_code(int argc, char **argv)
{
	const char *dict = NULL;
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return cli_usage(usage_lines, true);
		if ((v = cli_opt(argv, argc, &i, "--dict", &missing))) {
			dict = v;
		} else if (missing) {
			cli_error("code", "%s needs a value", argv[i]);
			return EXIT_USAGE;
		} else {
			cli_error("code", "unexpected argument '%s'", argv[i]);
			return cli_usage(usage_lines, false);
		}
	}
	struct dyad_dict d;
	struct dyad_err err = {0};
	if (dyad_events_dict(&d, dict, &err)) {
		cli_error("code", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	dyad_events_diags(&d, print_diag, NULL);
	struct dyad_coder *c;
	if (dyad_coder_new(&d, &c, &err)) {
		cli_error("code", "%s", dyad_errmsg(&err));
		dyad_dict_release(&d);
		return EXIT_FAIL;
	}
	struct dyad_events ev = {0};
	char *line = NULL;
	size_t cap = 0, bad = 0;
	unsigned long no = 0;
	ssize_t n;
	int fatal = 0;
	while (!fatal && (n = getline(&line, &cap, stdin)) >= 0) {
		no++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (n == 0)
			continue;  /* blank lines carry nothing, as in JSON Lines readers */
		const char *why = code_line(c, &d, line, (size_t)n, &ev, &fatal);
		if (why) {
			cli_error("code", "line %lu: %s", no, why);
			bad++;
		}
	}
	free(line);
	dyad_events_release(&ev);
	dyad_coder_free(c);
	dyad_dict_release(&d);
	if (fatal)
		return EXIT_FAIL;
	return cli_finish("code", bad ? EXIT_PARTIAL : EXIT_OK);
}
