/* dyad quotes: who said what. */
#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad quotes [--db PATH] [OPTIONS]",
	"",
	"Quotations in date order.",
	"",
	"  --speaker NAME           speaker name containing NAME (any case)",
	"  --actor CODES            speaker's actor code prefixes, comma list",
	"  --q TEXT                 quotation containing TEXT",
	"  --from DATE, --to DATE   published from/to (YYYY, YYYY-MM, YYYY-MM-DD)",
	"  --outlet NAME            only this outlet",
	"  --all                    copies' quotations too (left out by default)",
	"  --limit N, --offset N    page (N <= 1000; default 50)",
	"  --format table|json|csv  default: table on a terminal, else JSON Lines",
	NULL,
};

static const char *const table_cols[] = {"date", "speaker", "role", "quote", "outlet", NULL};

static const char *const flags[] = {"all", NULL};

int cmd_quotes(int argc, char **argv)
{
	static const struct cli_query cq = {"quotes", "quotes", usage_lines, NULL, flags, NULL,
					    table_cols};
	return cli_query_main(&cq, argc, argv);
}
