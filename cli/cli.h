/* Shared pieces of the dyad command-line interface. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "dyad.h"

/* Exit statuses (documented in the README). */
enum {
	EXIT_OK = 0,       /* everything done */
	EXIT_FAIL = 1,     /* a failure stopped the command */
	EXIT_USAGE = 2,    /* bad command line */
	EXIT_PARTIAL = 3,  /* done, but some inputs were skipped for errors */
	EXIT_INTERRUPTED = 130,
};

/* A subcommand: argv[0] is its name. Returns an exit status. */
typedef int cmd_fn(int argc, char **argv);

int cmd_ingest(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_recode(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_dups(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Print "dyad CMD: message" on stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print usage to stdout (asked for: returns EXIT_OK) or stderr (misuse:
 * returns EXIT_USAGE). */
int cli_usage(const char *const *lines, bool asked);
/* Value of option opt at argv[*i] ("--db x" or "--db=x"); advances *i.
 * Returns NULL when argv[*i] is not opt; sets *missing when it is but has no
 * value. */
const char *cli_opt(char **argv, int argc, int *i, const char *opt, bool *missing);
/* Flush stdout and check for write errors; returns status or EXIT_FAIL. */
int cli_finish(const char *cmd, int status);
/* Open the database at path (flags: enum dyad_db_flags); on failure print
 * the reason as command cmd and return NULL. */
struct dyad_db *cli_open_db(const char *cmd, const char *path, int flags);
/* Parse a --format value. */
bool cli_format(const char *s, enum dyad_format *f);

/* ---- Query results (cli/output.c) ---- */

enum cli_out { CLI_OUT_TABLE, CLI_OUT_JSON, CLI_OUT_CSV, CLI_OUT_HTML };

/* Print a dyad_query() result res to out: a table fitted to the terminal's
 * width (of the columns also in table_cols when not NULL), JSON Lines (one
 * row object a line, keys in the columns' order) or CSV (header, CRLF,
 * nested values as JSON). Returns EXIT_OK or EXIT_FAIL. */
int cli_print_result(const json_t *res, enum cli_out format, const char *const *table_cols,
		     FILE *out);
/* One value as a line of text (arrays joined by "; "); malloc()ed, caller
 * frees; NULL only when memory is out. */
char *cli_cell_text(const json_t *v);

/* A query command: options are the query kind's parameters ("--source USA"
 * is source=USA), plus --db, --format and --help. */
struct cli_query {
	const char *cmd;                 /* command name for messages */
	const char *kind;                /* dyad_query() kind */
	const char *const *usage;        /* usage lines, NULL-terminated */
	const char *positional;          /* parameter taking the bare words, or NULL */
	const char *const *flags;        /* parameters given without a value ("all") */
	int (*html)(const json_t *res, FILE *out); /* --format html, or NULL */
	const char *const *table_cols;   /* columns of the table format, NULL: all */
};
/* Parse argv, run the query on the database, print; returns an exit status
 * (EXIT_USAGE for a bad option or value). */
int cli_query_main(const struct cli_query *cq, int argc, char **argv);

#endif
