/* libFuzzer target for src/utf8.c: repair and fold arbitrary bytes; the
 * results must be valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>

#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *out;
	size_t outlen;
	(void)dyad_utf8_check(s, size);
	if (dyad_utf8_clean(s, size, &out, &outlen, NULL) == DYAD_OK) {
		if (dyad_utf8_check(out, outlen) != outlen)
			abort();
		free(out);
	}
	char *f = dyad_utf8_fold(s, size, &outlen);
	if (f && dyad_utf8_check(f, outlen) != outlen)
		abort();
	free(f);
	return 0;
}
