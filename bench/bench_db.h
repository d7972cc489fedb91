/* The database files of the benchmark programs: a database is its file
 * plus SQLite's -wal and -shm beside it. */
#ifndef DYAD_BENCH_DB_H
#define DYAD_BENCH_DB_H

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Remove the database at path with its -wal and -shm files. */
static inline void bench_remove_db(const char *path)
{
	char side[4096];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* Bytes of the database at path and its -wal file (0 when absent). */
static inline long long bench_db_size(const char *path)
{
	char wal[4096];
	struct stat sb;
	long long n = stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (stat(wal, &sb) == 0)
		n += (long long)sb.st_size;
	return n;
}

#endif
