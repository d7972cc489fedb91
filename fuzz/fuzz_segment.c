/* libFuzzer target for src/segment.c (and src/lang.c): sentences and tokens
 * of arbitrary bytes must be ordered, non-empty spans inside the input. */
#include <stdint.h>
#include <stdlib.h>

#include "lang.h"
#include "segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct dyad_sentence *v;
	struct dyad_span *t;
	size_t n, np;
	if (dyad_sentences(s, size, &v, &n, &np) == DYAD_OK) {
		for (size_t i = 0; i < n; i++)
			if (v[i].len == 0 || v[i].off + (size_t)v[i].len > size ||
			    (i && v[i].off < v[i - 1].off + v[i - 1].len) ||
			    v[i].paragraph >= np)
				abort();
		free(v);
	}
	if (dyad_tokens(s, size, &t, &n) == DYAD_OK) {
		for (size_t i = 0; i < n; i++)
			if (t[i].len == 0 || t[i].off + (size_t)t[i].len > size ||
			    (i && t[i].off < t[i - 1].off + t[i - 1].len))
				abort();
		free(t);
	}
	(void)dyad_lang_detect(s, size);
	return 0;
}
