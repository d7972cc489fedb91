/* dyad events: coded events filtered by actors, codes, dates and text. */
#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad events [--db PATH] [OPTIONS]",
	"",
	"Events in date order, counted once per story (with mentions, articles",
	"and sources, as GDELT's NumMentions/NumArticles/NumSources) when copies",
	"or stories are stored, unless --all.",
	"",
	"  --source CODES, --target CODES  actor code prefixes, comma list (USA",
	"                           matches USAGOV)",
	"  --actor CODES            either side; --dyad SRC:TGT",
	"  --root 10,11  --code 0231  --quad 3,4   CAMEO roots, codes (prefixes),",
	"                           quad classes",
	"  --from DATE, --to DATE   event date (YYYY, YYYY-MM, YYYY-MM-DD)",
	"  --outlet NAME            only this outlet",
	"  --q WORDS                only articles matching the words",
	"  --negated 0|1|all        negated events (default 0: left out)",
	"  --sort date|-date        order (default date)",
	"  --limit N, --offset N    page (N <= 1000; default 50)",
	"  --format table|json|csv  default: table on a terminal, else JSON Lines",
	NULL,
};

static const char *const flags[] = {"all", NULL};
static const char *const table_cols[] = {"date", "source", "code", "name", "target", "goldstein",
					 "mentions", "outlet", "sentence", NULL};

int cmd_events(int argc, char **argv)
{
	static const struct cli_query cq = {"events", "events", usage_lines, NULL, flags, NULL,
					    table_cols};
	return cli_query_main(&cq, argc, argv);
}
