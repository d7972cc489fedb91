/* dyad stats: a summary of what a database holds, or with --dyad the
 * events of one dyad per period and quad class. */
#include <string.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad stats [--db PATH]",
	"       dyad stats [--db PATH] --dyad SRC:TGT [--by day|week|month|year] [OPTIONS]",
	"",
	"Without --dyad: counts of articles and sentences, by year, outlet, date",
	"source and language.",
	"With --dyad (actor code prefixes, comma lists: USA:PAK, USA,GBR:AFG):",
	"events per period (weeks start on Monday) per quad class (verbal/material",
	"cooperation/conflict) with the mean Goldstein value; each event counted",
	"once per story (mentions and articles: how often it was reported).",
	"",
	"  --by PERIOD              day, week, month (default) or year",
	"  --from DATE, --to DATE   event date (YYYY, YYYY-MM, YYYY-MM-DD)",
	"  --root, --code, --quad   CAMEO roots, codes, quad classes (comma lists)",
	"  --outlet NAME            only this outlet",
	"  --format table|json|csv  default: table on a terminal, else JSON Lines",
	NULL,
};

static int summary(int argc, char **argv)
{
	const char *dbpath = "dyad.db";
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return cli_usage(usage_lines, true);
		if ((v = cli_opt(argv, argc, &i, "--db", &missing))) {
			dbpath = v;
		} else {
			cli_error("stats", missing ? "%s needs a value" : "unexpected argument '%s'", argv[i]);
			return cli_usage(usage_lines, false);
		}
	}
	struct dyad_db *db = cli_open_db("stats", dbpath, DYAD_DB_READONLY);
	if (!db)
		return EXIT_FAIL;
	struct dyad_err err = {0};
	int rc = dyad_db_summary(db, stdout, &err);
	dyad_db_close(db);
	if (rc) {
		cli_error("stats", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	return cli_finish("stats", EXIT_OK);
}

int cmd_stats(int argc, char **argv)
{
	static const struct cli_query cq = {"stats", "stats", usage_lines, NULL, NULL, NULL, NULL};
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--dyad") || !strncmp(argv[i], "--dyad=", 7))
			return cli_query_main(&cq, argc, argv);
	return summary(argc, argv);
}
