/* dyad validate: code a TABARI validation project or a PETRARCH unit-test
 * XML file and compare the events with the expected ones. */
#include <string.h>

#include "cli.h"
#include "coder.h"

static const char *const usage_lines[] = {
	"usage: dyad validate [--dict PATH] [--quiet] FILE",
	"",
	"Code the records of FILE, a TABARI .project (its <textfile> holds the",
	"validation records) or a PETRARCH unit-test XML file, and compare each",
	"record's (source, target, code) set with the expected one. Prints a line",
	"for each failure, then 'N passed, N failed'. --dict loads other",
	"dictionaries (a .project, PETR_config.ini or one file) instead of those",
	"the FILE names. Exit 0 when it ran, 1 when FILE or a dictionary cannot",
	"be read, 2 on a bad command line.",
	NULL,
};

static void print_fail(void *ctx, const char *id, const char *text, const char *expected,
		       const char *got)
{
	(void)ctx;
	printf("FAIL %s: %.70s%s\n  expected: %s\n  got:      %s\n", id, text,
	       strlen(text) > 70 ? "..." : "", expected, got);
}

int cmd_validate(int argc, char **argv)
{
	const char *dict = NULL, *file = NULL;
	bool quiet = false;
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return cli_usage(usage_lines, true);
		if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
			quiet = true;
		} else if ((v = cli_opt(argv, argc, &i, "--dict", &missing))) {
			dict = v;
		} else if (missing) {
			cli_error("validate", "%s needs a value", argv[i]);
			return EXIT_USAGE;
		} else if (argv[i][0] == '-' || file) {
			cli_error("validate", "unexpected argument '%s'", argv[i]);
			return cli_usage(usage_lines, false);
		} else {
			file = argv[i];
		}
	}
	if (!file)
		return cli_usage(usage_lines, false);
	struct dyad_validate_result r;
	struct dyad_err err = {0};
	int rc = dyad_validate_run(file, dict, quiet ? NULL : print_fail, NULL, &r, &err);
	if (rc) {
		cli_error("validate", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	printf("%zu passed, %zu failed\n", r.passed, r.failed);
	return cli_finish("validate", EXIT_OK);
}
