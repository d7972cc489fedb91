/* libFuzzer target for the plain-text cleaner and the HTML flattener: the
 * first byte picks the entry point, the rest is the document. */
#include <stdint.h>
#include <stdlib.h>

#include "html_extract.h"
#include "textclean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	struct dyad_err err = {0};
	if (data[0] & 1) {
		char *out = NULL;
		size_t len = 0;
		if (dyad_html_to_text(s, n, NULL, &out, &len, &err) == DYAD_OK) {
			struct dyad_extract x = {0};
			dyad_text_extract(out, len, NULL, &x, &err);
			dyad_extract_release(&x);
		}
		free(out);
	} else {
		struct dyad_extract_hints h = {.url = "https://example.com/2015/10/21/x",
					       .fetched = "2016-01-01"};
		struct dyad_extract x = {0};
		dyad_text_extract(s, n, (data[0] & 2) ? &h : NULL, &x, &err);
		dyad_extract_release(&x);
		dyad_clutter_line(s, n);
	}
	return 0;
}
