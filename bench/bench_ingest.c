/* Benchmark: end-to-end ingest speed (read, decompress, parse, extract,
 * segment, store) on the scrapinghub-aeb pages with 1 and 2 threads, and a
 * large generated corpus; prints pages/s, peak memory, database size and a
 * verification hash of what was stored (a fast wrong answer shows).
 * usage: bench_ingest [GENERATED.jsonl] */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench_clock.h"
#include "bench_db.h"
#include "store.h"

/* A hash over the stored ids and sentence counts, in id order. */
static unsigned long long verification(struct dyad_db *db)
{
	sqlite3_stmt *st;
	unsigned long long h = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT id, sentences, coalesce(published, '') FROM articles ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char line[128];
		int n = snprintf(line, sizeof line, "%s %d %s", sqlite3_column_text(st, 0),
				 sqlite3_column_int(st, 1), sqlite3_column_text(st, 2));
		h = dyad_hash64(line, (size_t)n, h);
	}
	sqlite3_finalize(st);
	return h;
}

/* Ingest input reps times into a fresh database with options o (without
 * some stages, to show what they cost); print the best run. */
static int run(const char *label, const char *input, struct dyad_ingest_opts o,
	       const char *dbpath, int reps)
{
	bool no_quotes = o.no_quotes;
	int jobs = o.jobs;
	double best = 1e30, best_cpu = 0;
	struct dyad_ingest_stats st = {0};
	unsigned long long vh = 0;
	long long dbsize = 0;
	for (int r = 0; r < reps; r++) {
		bench_remove_db(dbpath);
		struct dyad_err err = {0};
		struct dyad_db *db;
		if (dyad_db_open(dbpath, 0, &db, &err)) {
			fprintf(stderr, "bench: %s\n", dyad_errmsg(&err));
			return 1;
		}
		const char *paths[] = {input};
		double t0 = bench_now(), c0 = bench_cpu();
		int rc = dyad_ingest(db, paths, 1, &o, &st, &err);
		double t = bench_now() - t0, c = bench_cpu() - c0;
		if (rc) {
			fprintf(stderr, "bench: %s\n", dyad_errmsg(&err));
			dyad_db_close(db);
			return 1;
		}
		if (t < best) {
			best = t;
			best_cpu = c;
		}
		vh = verification(db);
		dyad_db_close(db);
		dbsize = bench_db_size(dbpath);
	}
	printf("%-31s -j %d: %6llu articles in %7.3f s = %8.1f articles/s (%.1f/s per core of CPU time), "
	       "%5.1f MB/s input, %llu skipped, db %.1f MB, verification %016llx\n",
	       label, jobs, (unsigned long long)st.stored, best, (double)st.read / best,
	       (double)st.read / (best_cpu > 0 ? best_cpu : best),
	       (double)st.bytes / 1e6 / best, (unsigned long long)st.skipped,
	       (double)dbsize / 1e6, vh);
	printf("%-31s       %llu events, coding %.3f s of thread time (%.1f%% of the CPU time)\n", "",
	       (unsigned long long)st.events, (double)st.coding_ns / 1e9,
	       best_cpu > 0 ? 100.0 * (double)st.coding_ns / 1e9 / best_cpu : 0.0);
	if (!no_quotes)
		printf("%-31s       %llu quotations, %llu people: %.3f s of thread time (%.1f%%); "
		       "copies and stories %.3f s\n", "",
		       (unsigned long long)st.quotes, (unsigned long long)st.people,
		       (double)st.quotes_ns / 1e9,
		       best_cpu > 0 ? 100.0 * (double)st.quotes_ns / 1e9 / best_cpu : 0.0,
		       (double)st.dups_ns / 1e9);
	bench_remove_db(dbpath);
	return 0;
}

int main(int argc, char **argv)
{
	const char *data = getenv("DYAD_SHARED_DATA");
	char pages[4096], dbpath[4096];
	dyad_use_html_arena();  /* as the dyad command does */
	snprintf(pages, sizeof pages, "%s/extraction/scrapinghub-aeb/html", data ? data : "../shared/data");
	snprintf(dbpath, sizeof dbpath, "%s/bench-%d.db", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
		 (int)getpid());
	int status = 0;
	struct stat sb;
	if (stat(pages, &sb) != 0) {
		printf("bench_ingest: %s absent, scrapinghub-aeb pages skipped\n", pages);
	} else {
		printf("ingest of the scrapinghub-aeb pages (gzip HTML), end to end, best of 5:\n");
		status |= run("scrapinghub-aeb", pages, (struct dyad_ingest_opts){.jobs = 1},
			      dbpath, 5);
		status |= run("  without people, quotations", pages,
			      (struct dyad_ingest_opts){.jobs = 1, .no_quotes = 1}, dbpath, 5);
		/* the stages of issue 2: decompress, parse, extract, segment, store */
		status |= run("  articles only (no events...)", pages,
			      (struct dyad_ingest_opts){.jobs = 1, .no_quotes = 1, .no_events = 1,
							.no_dups = 1}, dbpath, 5);
		status |= run("scrapinghub-aeb", pages, (struct dyad_ingest_opts){.jobs = 2},
			      dbpath, 5);
	}
	if (argc > 1) {
		printf("ingest of generated articles (JSON Lines, text):\n");
		status |= run("generated", argv[1], (struct dyad_ingest_opts){0}, dbpath, 1);
		status |= run("  without people, quotations", argv[1],
			      (struct dyad_ingest_opts){.no_quotes = 1}, dbpath, 1);
	}
	printf("peak memory: %ld MB\n", bench_peak_kb() / 1024);
	return status;
}
