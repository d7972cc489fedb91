/* dyad ingest: read files and folders of news into a database. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char *const usage_lines[] = {
	"usage: dyad ingest [--db PATH] [--dict PATH] [-j N] [-q] [-v] [--no-quotes]",
	"                   [--no-events] [--no-dups] PATH...",
	"",
	"Read text, HTML, JSON Lines and WARC files (each may be gzip-compressed),",
	"and folders of them recursively; '-' reads standard input. Articles are",
	"cleaned, segmented, searched for people and quotations, coded into CAMEO",
	"events and stored once each (ingest is idempotent); then the new articles",
	"that copy stored ones are marked and all are grouped into stories.",
	"",
	"  --db PATH   the database (default: dyad.db)",
	"  --dict PATH event dictionary: a folder of dyad files, a TABARI .project",
	"              or a PETR_config.ini (default: the built-in one)",
	"  -j N        worker threads (default: one per core)",
	"  -q          no progress and no summary line",
	"  -v          also report records that are not articles (WARC 404s...)",
	"  --no-quotes skip people and quotations (faster; to measure their cost)",
	"  --no-events code no events (code them later with dyad recode --dict)",
	"  --no-dups   do not look for copies and stories after the run",
	"",
	"exit status: 0 ok, 1 failure, 2 usage, 3 done but some inputs were skipped,",
	"130 interrupted (what was stored stays stored)",
	NULL,
};

static volatile int stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

struct report {
	bool progress;    /* stderr is a terminal */
	bool verbose;
	bool shown;       /* a progress line is on screen */
	uint64_t errors;  /* skips that are errors, not mere non-articles */
	struct timespec t0;
};

static double elapsed(const struct report *r)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - r->t0.tv_sec) + (double)(t.tv_nsec - r->t0.tv_nsec) / 1e9;
}

static void clear_progress(struct report *r)
{
	if (r->shown) {
		fputs("\r\033[K", stderr);
		r->shown = false;
	}
}

static void on_diag(void *ud, int rc, const char *msg)
{
	struct report *r = ud;
	if (rc == DYAD_ESKIP && !r->verbose)
		return;
	if (rc != DYAD_ESKIP && rc != DYAD_OK)  /* DYAD_OK: a dictionary notice, not an error */
		r->errors++;
	clear_progress(r);
	fprintf(stderr, "dyad ingest: %s\n", msg);
}

static void on_progress(void *ud, const struct dyad_ingest_stats *st)
{
	struct report *r = ud;
	if (!r->progress)
		return;
	double t = elapsed(r);
	fprintf(stderr, "\r\033[K%llu read, %llu stored, %llu duplicates, %llu skipped  %.0f/s",
		(unsigned long long)st->read, (unsigned long long)st->stored,
		(unsigned long long)st->duplicates, (unsigned long long)st->skipped,
		t > 0 ? (double)st->read / t : 0.0);
	r->shown = true;
}

static void summary(const struct report *r, const struct dyad_ingest_stats *st)
{
	fprintf(stderr, "dyad ingest: %llu files, %llu read, %llu stored, %llu duplicates, %llu skipped",
		(unsigned long long)st->files, (unsigned long long)st->read,
		(unsigned long long)st->stored, (unsigned long long)st->duplicates,
		(unsigned long long)st->skipped);
	const char *sep = " (";
	for (size_t i = 1; i < sizeof st->skipped_by / sizeof st->skipped_by[0]; i++) {
		if (st->skipped_by[i]) {
			fprintf(stderr, "%s%s %llu", sep, dyad_rcstr((int)i),
				(unsigned long long)st->skipped_by[i]);
			sep = ", ";
		}
	}
	fprintf(stderr, "%s, %llu events, %llu quotations, %llu people in %.2f s", sep[0] == ',' ? ")" : "",
		(unsigned long long)st->events, (unsigned long long)st->quotes,
		(unsigned long long)st->people, elapsed(r));
	if (st->stored && st->dups_ns)
		fprintf(stderr, "; the database holds %llu copies in %llu stories (%.2f s)",
			(unsigned long long)st->copies, (unsigned long long)st->stories,
			(double)st->dups_ns / 1e9);
	fputc('\n', stderr);
}

int cmd_ingest(int argc, char **argv)
{
	const char *dbpath = "dyad.db", *dict = NULL;
	int jobs = 0, no_quotes = 0, no_dups = 0, no_events = 0;
	bool quiet = false;
	struct report rep = {.progress = isatty(STDERR_FILENO)};
	const char **paths = calloc((size_t)argc, sizeof *paths);
	size_t npaths = 0;
	if (!paths)
		return EXIT_FAIL;
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			free(paths);
			return cli_usage(usage_lines, true);
		} else if ((v = cli_opt(argv, argc, &i, "--db", &missing))) {
			dbpath = v;
		} else if ((v = cli_opt(argv, argc, &i, "--dict", &missing))) {
			dict = v;
		} else if ((v = cli_opt(argv, argc, &i, "-j", &missing)) ||
			   (!missing && (v = cli_opt(argv, argc, &i, "--jobs", &missing)))) {
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > 256) {
				cli_error("ingest", "-j takes a number from 1 to 256, not '%s'", v);
				free(paths);
				return EXIT_USAGE;
			}
			jobs = (int)n;
		} else if (!strcmp(argv[i], "--no-quotes")) {
			no_quotes = 1;
		} else if (!strcmp(argv[i], "--no-events")) {
			no_events = 1;
		} else if (!strcmp(argv[i], "--no-dups")) {
			no_dups = 1;
		} else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
			quiet = true;
		} else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
			rep.verbose = true;
		} else if (missing) {
			cli_error("ingest", "%s needs a value", argv[i]);
			free(paths);
			return EXIT_USAGE;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error("ingest", "unknown option '%s'", argv[i]);
			free(paths);
			return cli_usage(usage_lines, false);
		} else {
			paths[npaths++] = argv[i];
		}
	}
	if (npaths == 0) {
		cli_error("ingest", "no input given");
		free(paths);
		return cli_usage(usage_lines, false);
	}
	if (quiet)
		rep.progress = false;
	struct dyad_db *db = cli_open_db("ingest", dbpath, 0);
	if (!db) {
		free(paths);
		return EXIT_FAIL;
	}
	struct dyad_err err = {0};
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	clock_gettime(CLOCK_MONOTONIC, &rep.t0);
	struct dyad_ingest_opts opts = {
		.jobs = jobs, .on_diag = on_diag, .on_progress = on_progress, .ud = &rep,
		.stop = &stop_flag, .dict = dict, .no_quotes = no_quotes, .no_dups = no_dups,
		.no_events = no_events,
	};
	struct dyad_ingest_stats st;
	int rc = dyad_ingest(db, paths, npaths, &opts, &st, &err);
	clear_progress(&rep);
	dyad_db_close(db);
	free(paths);
	if (!quiet)
		summary(&rep, &st);
	if (rc) {
		cli_error("ingest", "%s", dyad_errmsg(&err));
		return EXIT_FAIL;
	}
	if (stop_flag) {
		cli_error("ingest", "interrupted; what was stored stays stored");
		return EXIT_INTERRUPTED;
	}
	return rep.errors ? EXIT_PARTIAL : EXIT_OK;
}
