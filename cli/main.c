/* dyad: the command-line interface over libdyad. Dispatches subcommands from
 * a table; each lives in cli/cmd_<name>.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	cmd_fn *fn;
	const char *help;
} commands[] = {
	{"ingest", cmd_ingest, "read news files into a database"},
	{"export", cmd_export, "write a stored table as JSON Lines or CSV"},
	{"stats", cmd_stats, "summarise a database, or a dyad's events by period (--dyad)"},
	{"extract", cmd_extract, "clean one file and print the article as JSON"},
	{"validate", cmd_validate, "code a TABARI or PETRARCH validation suite and compare"},
	{"code", cmd_code, "code JSON Lines sentences or articles into events (no database)"},
	{"recode", cmd_recode, "delete and code again the events of a database"},
	{"search", cmd_search, "articles ranked by relevance to words, with snippets"},
	{"events", cmd_events, "events filtered by actors, CAMEO codes, dates, outlet, text"},
	{"timeline", cmd_timeline, "the stories of a dyad, actor or issue in date order"},
	{"quotes", cmd_quotes, "who said what"},
	{"dups", cmd_dups, "duplicate and syndicated copies"},
	{"serve", cmd_serve, "a web page and JSON API over a database"},
};

void cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "dyad %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage(const char *const *lines, bool asked)
{
	FILE *out = asked ? stdout : stderr;
	for (; *lines; lines++)
		fprintf(out, "%s\n", *lines);
	return asked ? EXIT_OK : EXIT_USAGE;
}

const char *cli_opt(char **argv, int argc, int *i, const char *opt, bool *missing)
{
	size_t n = strlen(opt);
	if (strncmp(argv[*i], opt, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

int cli_finish(const char *cmd, int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(cmd, "cannot write the output");
		return EXIT_FAIL;
	}
	return status;
}

struct dyad_db *cli_open_db(const char *cmd, const char *path, int flags)
{
	struct dyad_err err = {0};
	struct dyad_db *db;
	if (dyad_db_open(path, flags, &db, &err)) {
		cli_error(cmd, "%s", dyad_errmsg(&err));
		return NULL;
	}
	return db;
}

bool cli_format(const char *s, enum dyad_format *f)
{
	if (strcmp(s, "jsonl") == 0 || strcmp(s, "json") == 0)
		*f = DYAD_FORMAT_JSONL;
	else if (strcmp(s, "csv") == 0)
		*f = DYAD_FORMAT_CSV;
	else if (strcmp(s, "gdelt") == 0)
		*f = DYAD_FORMAT_GDELT;
	else
		return false;
	return true;
}

static int usage(bool asked)
{
	FILE *out = asked ? stdout : stderr;
	fprintf(out, "usage: dyad COMMAND [OPTIONS]   (dyad COMMAND --help for more)\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].help);
	fprintf(out, "\nexit status: 0 ok, 1 failure, 2 usage, 3 done with skipped inputs\n");
	return asked ? EXIT_OK : EXIT_USAGE;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(false);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return usage(true);
	if (!strcmp(argv[1], "--version")) {
		printf("dyad %s\n", DYAD_VERSION);
		return cli_finish("version", EXIT_OK);
	}
	/* before libxml2 is used; a failure only costs speed */
	(void)dyad_use_html_arena();
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "dyad: unknown command '%s'\n", argv[1]);
	return usage(false);
}
