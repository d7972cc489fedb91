/* dyad dups: the stored near-duplicate copies, as original/copy pairs. */

#include <string.h>

#include "cli.h"
#include "dups.h"
#include "story.h"

static const char *const usage_lines[] = {
	"usage: dyad dups [--db PATH] [OPTIONS]",
	"",
	"Copies (syndicated or duplicate articles) with the article they copy,",
	"their outlets and similarity.",
	"",
	"  --rebuild                compare every article again and rewrite the",
	"                           copies and stories first",
	"  --id ID                  only the copies of (or original of) this article",
	"  --outlet NAME            pairs where either side is from this outlet",
	"  --limit N, --offset N    page (N <= 1000; default 50)",
	"  --format table|json|csv  default: table on a terminal, else JSON Lines",
	NULL,
};

/* Recompute copies and stories of the database at path (read-write). */
static int rebuild(const char *path)
{
	struct dyad_db *db = cli_open_db("dups", path, 0);
	if (!db)
		return EXIT_FAIL;
	struct dyad_err err = {0};
	struct dyad_dups_stats st = {0};
	int rc = dyad_dups_update(db, true, &st, &err);
	if (!rc)
		rc = dyad_stories_update(db, true, &st, &err);
	dyad_db_close(db);
	if (rc) {
		cli_error("dups", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	fprintf(stderr, "dyad dups: %llu articles, %llu copies, %llu stories\n",
		(unsigned long long)st.articles, (unsigned long long)st.copies,
		(unsigned long long)st.stories);
	return EXIT_OK;
}

static const char *const table_cols[] = {"original_date", "original_outlet", "copy_outlet",
					 "similarity", "copy_id", "title", NULL};

int cmd_dups(int argc, char **argv)
{
	static const struct cli_query cq = {"dups", "dups", usage_lines, NULL, NULL, NULL,
					    table_cols};
	/* --rebuild is not a query parameter: do it, then list without it */
	const char *path = "dyad.db";
	int k = 0;
	bool rb = false;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--rebuild")) {
			rb = true;
			continue;
		}
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			path = argv[i + 1];
		else if (!strncmp(argv[i], "--db=", 5))
			path = argv[i] + 5;
		argv[k++] = argv[i];
	}
	if (rb && !(argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))) {
		int rc = rebuild(path);
		if (rc)
			return rc;
	}
	return cli_query_main(&cq, k, argv);
}
