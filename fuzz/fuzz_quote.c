/* libFuzzer target for src/people.c and src/quote.c: people and quotations
 * of arbitrary text must stay inside it, mentions sorted, persons valid. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict_builtin.h"
#include "quote.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dyad_dict d;
	static int loaded;
	struct dyad_err err = {0};
	if (!loaded) {
		dyad_dict_init(&d);
		loaded = dyad_dict_load_builtin(&d, &err) == DYAD_OK ? 1 : -1;
	}
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	size_t n = strlen(s);
	struct dyad_sentence *v = NULL;
	size_t nv = 0;
	struct dyad_people pe;
	struct dyad_quotes q;
	if (dyad_sentences(s, n, &v, &nv, NULL) == DYAD_OK &&
	    dyad_people_find(s, v, nv, loaded > 0 ? &d : NULL, &pe, &err) == DYAD_OK) {
		for (size_t i = 0; i < pe.nm; i++)
			if (pe.m[i].off + (size_t)pe.m[i].len > n || pe.m[i].person >= pe.n ||
			    (i && pe.m[i].off < pe.m[i - 1].off))
				abort();
		if (dyad_quotes_find(s, v, nv, &pe, &q, &err) == DYAD_OK) {
			for (size_t i = 0; i < q.n; i++)
				if (q.q[i].off + (size_t)q.q[i].len > n ||
				    q.q[i].spk_off + (size_t)q.q[i].spk_len > n ||
				    q.q[i].person >= (int32_t)pe.n || q.q[i].sentence >= nv)
					abort();
		}
		dyad_quotes_release(&q);
	}
	dyad_people_release(&pe);
	free(v);
	free(s);
	return 0;
}
