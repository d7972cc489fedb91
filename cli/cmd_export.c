/* dyad export: write a stored table to standard output. */
#include <string.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad export [--db PATH] [--format jsonl|csv|gdelt] TABLE",
	"",
	"Write every row of TABLE (articles, sentences, events) to standard output",
	"as JSON Lines (default) or CSV with a header row; events also as GDELT 2.0",
	"Events rows (--format gdelt: 61 tab-separated columns, negated events left",
	"out). Fields: see docs/formats.md.",
	NULL,
};

int cmd_export(int argc, char **argv)
{
	const char *dbpath = "dyad.db", *table = NULL;
	enum dyad_format format = DYAD_FORMAT_JSONL;
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return cli_usage(usage_lines, true);
		if ((v = cli_opt(argv, argc, &i, "--db", &missing))) {
			dbpath = v;
		} else if ((v = cli_opt(argv, argc, &i, "--format", &missing))) {
			if (!cli_format(v, &format)) {
				cli_error("export", "unknown format '%s' (jsonl, csv, gdelt)", v);
				return EXIT_USAGE;
			}
		} else if (missing) {
			cli_error("export", "%s needs a value", argv[i]);
			return EXIT_USAGE;
		} else if (argv[i][0] == '-' || table) {
			cli_error("export", "unexpected argument '%s'", argv[i]);
			return cli_usage(usage_lines, false);
		} else {
			table = argv[i];
		}
	}
	if (!table)
		return cli_usage(usage_lines, false);
	struct dyad_db *db = cli_open_db("export", dbpath, DYAD_DB_READONLY);
	if (!db)
		return EXIT_FAIL;
	struct dyad_err err = {0};
	int rc = dyad_export(db, table, format, stdout, &err);
	dyad_db_close(db);
	if (rc) {
		cli_error("export", "%s", dyad_errmsg(&err));
		return rc == DYAD_EINVAL ? EXIT_USAGE : EXIT_FAIL;
	}
	return cli_finish("export", EXIT_OK);
}
