/* Fuzzing helper: feed bytes to the record reader through a memory file,
 * so the targets exercise detection, gzip and the container parsers. */
#ifndef DYAD_FUZZ_READER_INPUT_H
#define DYAD_FUZZ_READER_INPUT_H

#include "article.h"
#include "memfile.h"
#include "record.h"

/* Read every record of data[0..n) as a file named name; when build is set,
 * also run the article pipeline on each record. */
static void fuzz_read_all(const uint8_t *data, size_t n, const char *name, bool build)
{
	char path[64];
	int fd = fuzz_memfile(data, n, name, path);
	if (fd < 0)
		return;
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
