/* Shared pieces of the dyad command-line interface. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdbool.h>
#include <stdio.h>

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

#endif
