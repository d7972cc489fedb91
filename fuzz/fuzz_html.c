/* libFuzzer target for the HTML article extractor. */
#include <stdint.h>
#include <stdlib.h>

#include "html_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_use_html_arena();  /* as the dyad command parses */
	struct dyad_extract x = {0};
	struct dyad_err err = {0};
	/* The first byte picks whether a URL and a capture date are given. */
	struct dyad_extract_hints h = {0};
	if (size > 0 && (data[0] & 1)) {
		h.url = "https://example.com/2015/10/21/story";
		h.fetched = "2016-01-01T00:00:00Z";
	}
	dyad_html_extract((const char *)data, size, &h, &x, &err);
	dyad_extract_release(&x); /* metadata may be set whatever the result */
	return 0;
}
