/* libFuzzer target for src/gunzip.c: arbitrary bytes as gzip members; the
 * output, when accepted, must be NUL-terminated and within the limit. */
#include <stdint.h>
#include <stdlib.h>

#include "dyad_int.h"
#include "gunzip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out;
	size_t len;
	if (dyad_gunzip(data, size, (size_t)1 << 22, &out, &len) == DYAD_OK) {
		if (len > (size_t)1 << 22 || out[len] != '\0')
			abort();
		free(out);
	}
	return 0;
}
