/* libFuzzer target for src/dups.c: the signature of arbitrary bytes, and
 * the similarity of a text with itself (must be 1 when it has shingles). */
#include <stdint.h>
#include <stdlib.h>

#include "dups.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dyad_sig a, b;
	dyad_sig_compute((const char *)data, size, &a);
	dyad_sig_compute((const char *)data, size, &b);
	if (a.shingles != b.shingles || a.simhash != b.simhash)
		abort();
	if (a.shingles && dyad_sig_jaccard(&a, &b) != 1.0)
		abort();
	return 0;
}
