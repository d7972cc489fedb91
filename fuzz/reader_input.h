/* Fuzzing helper: feed bytes to the record reader through a memory file,
 * so the targets exercise detection, gzip and the container parsers. */
#ifndef DYAD_FUZZ_READER_INPUT_H
#define DYAD_FUZZ_READER_INPUT_H

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "article.h"
#include "record.h"

/* Read every record of data[0..n) as a file named name; when build is set,
 * also run the article pipeline on each record. */
static void fuzz_read_all(const uint8_t *data, size_t n, const char *name, bool build)
{
	int fd = memfd_create(name, 0);
	if (fd < 0)
		return;
	if (write(fd, data, n) != (ssize_t)n) {
		close(fd);
		return;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	struct dyad_reader *r;
	struct dyad_err err;
	if (dyad_reader_open(path, &r, &err) == DYAD_OK) {
		struct dyad_record rec;
		int rc, guard = 0;
		while ((rc = dyad_reader_next(r, &rec, &err)) != DYAD_END && guard++ < 10000) {
			if (rc == DYAD_OK && build) {
				struct dyad_doc doc;
				if (dyad_doc_build(&rec, &doc, &err) == DYAD_OK)
					dyad_doc_release(&doc);
			}
			dyad_record_release(&rec);
		}
		dyad_reader_free(r);
	}
	close(fd);
}

#endif
