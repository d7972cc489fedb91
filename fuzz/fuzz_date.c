/* libFuzzer target for the date parsers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dyad_date d;
	size_t off, len;
	const char *s = (const char *)data;
	dyad_date_parse(s, size, &d);
	if (dyad_date_find(s, size, &d, &off, &len) && (off + len > size || !dyad_date_valid(d.y, d.m, d.d)))
		abort();
	/* dyad_date_from_url() reads a NUL-terminated string. */
	char *u = malloc(size + 1);
	if (!u)
		return 0;
	memcpy(u, data, size);
	u[size] = '\0';
	dyad_date_from_url(u, &d);
	free(u);
	return 0;
}
