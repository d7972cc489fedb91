/* Shared helpers for the unit tests: temporary files and gzip. */
#ifndef DYAD_TEST_HELPERS_H
#define DYAD_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* Write data[0..n) to a new temporary file with the given suffix (gzip it
 * when gz); returns its malloc()ed path (caller unlinks and frees). */
static char *tmp_file(const char *suffix, const void *data, size_t n, int gz)
{
	char *path = malloc(256);
	snprintf(path, 256, "%s/dyad-test-XXXXXX%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", suffix);
	int fd = mkstemps(path, (int)strlen(suffix));
	if (fd < 0)
		abort();
	close(fd);
	if (gz) {
		gzFile g = gzopen(path, "wb");
		gzwrite(g, data, (unsigned)n);
		gzclose(g);
	} else {
		FILE *f = fopen(path, "wb");
		fwrite(data, 1, n, f);
		fclose(f);
	}
	return path;
}

static void tmp_remove(char *path)
{
	unlink(path);
	free(path);
}

/* A fresh path for a database (no file there yet); remove with db_remove(). */
static inline char *db_path(void)
{
	char *p = tmp_file(".db", "", 0, 0);
	unlink(p);
	return p;
}

/* Remove a database with its WAL and shared-memory files, and free p. */
static inline void db_remove(char *p)
{
	char side[300];
	snprintf(side, sizeof side, "%s-wal", p);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", p);
	unlink(side);
	tmp_remove(p);
}

#endif
