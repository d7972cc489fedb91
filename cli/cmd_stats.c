/* dyad stats: a summary of what a database holds. */
#include <string.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad stats [--db PATH]",
	"",
	"Print counts of articles and sentences, by year, outlet, date source",
	"and language.",
	NULL,
};

int cmd_stats(int argc, char **argv)
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
