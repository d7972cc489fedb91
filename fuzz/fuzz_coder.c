/* Fuzz target: arbitrary text through the coder over the small fixture
 * dictionaries of tests/data/coder (loaded once). */
#include <stdint.h>
#include <stdlib.h>

#include "coder.h"

static struct dyad_dict dict;
static struct dyad_coder *coder;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dyad_err err = {0};
	if (!coder) {
		dyad_dict_init(&dict);
		if (dyad_dict_load(&dict, "tests/data/coder/coder.project", &err) ||
		    dyad_coder_new(&dict, &coder, &err))
			abort();
	}
	struct dyad_events ev = {0};
	dyad_coder_article(coder, 20200101);
	/* twice: the second sentence sees the first's context */
	dyad_coder_sentence(coder, (const char *)data, size, 0, &ev, &err);
	dyad_coder_sentence(coder, (const char *)data, size, 1, &ev, &err);
	dyad_events_release(&ev);
	return 0;
}
