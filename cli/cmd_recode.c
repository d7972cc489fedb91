/* dyad recode: delete and code again every stored event, e.g. after a
 * dictionary change. */
#include <string.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad recode [--db PATH] [--dict PATH]",
	"",
	"Delete the events of the database and code them again from the stored",
	"sentences, in batches (one transaction each: an interrupted recode",
	"leaves every article with either its old or its new events).",
	"",
	"  --db PATH   the database (default: dyad.db)",
	"  --dict PATH event dictionary: a folder of dyad files, a TABARI .project",
	"              or a PETR_config.ini (default: the built-in one)",
	NULL,
};

static void print_diag(void *ud, int rc, const char *msg)
{
	(void)ud;
	(void)rc;
	cli_error("recode", "%s", msg);
}

int cmd_recode(int argc, char **argv)
{
	const char *dbpath = "dyad.db", *dict = NULL;
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return cli_usage(usage_lines, true);
		if ((v = cli_opt(argv, argc, &i, "--db", &missing))) {
			dbpath = v;
		} else if ((v = cli_opt(argv, argc, &i, "--dict", &missing))) {
			dict = v;
		} else if (missing) {
			cli_error("recode", "%s needs a value", argv[i]);
			return EXIT_USAGE;
		} else {
			cli_error("recode", "unexpected argument '%s'", argv[i]);
			return cli_usage(usage_lines, false);
		}
	}
	struct dyad_db *db = cli_open_db("recode", dbpath, 0);
	if (!db)
		return EXIT_FAIL;
	struct dyad_err err = {0};
	struct dyad_recode_stats st;
	int rc = dyad_recode(db, dict, print_diag, NULL, &st, &err);
	dyad_db_close(db);
	if (rc) {
		cli_error("recode", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	printf("recoded %llu articles, %llu sentences: %llu events (%llu negated), "
	       "%llu removed\n", (unsigned long long)st.articles,
	       (unsigned long long)st.sentences, (unsigned long long)st.events,
	       (unsigned long long)st.negated, (unsigned long long)st.removed);
	printf("dictionary: %s (before: %s)\n", dict ? dict : "builtin",
	       st.prev_dict[0] ? st.prev_dict : "unknown");
	return cli_finish("recode", EXIT_OK);
}
