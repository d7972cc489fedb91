/* dyad search: articles ranked by full-text relevance (FTS5 bm25). */
#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad search [--db PATH] [OPTIONS] WORDS...",
	"",
	"Articles matching every word and \"quoted phrase\" (word* is a prefix),",
	"best first, with a snippet; each copy or story once with its count of",
	"copies unless --all.",
	"",
	"  --from DATE, --to DATE   published from/to (YYYY, YYYY-MM, YYYY-MM-DD)",
	"  --outlet NAME            only this outlet",
	"  --all                    list copies too",
	"  --limit N, --offset N    page (N <= 1000; default 50)",
	"  --format table|json|csv  default: table on a terminal, else JSON Lines",
	NULL,
};

static const char *const flags[] = {"all", NULL};
static const char *const table_cols[] = {"score", "published", "outlet", "title", "copies",
					 "snippet", NULL};

int cmd_search(int argc, char **argv)
{
	static const struct cli_query cq = {"search", "search", usage_lines, "q", flags, NULL,
					    table_cols};
	return cli_query_main(&cq, argc, argv);
}
