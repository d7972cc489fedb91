/* libFuzzer target: the WARC reader (and what it hands to the extractors). */
#include "reader_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	fuzz_read_all(data, n, "fuzz.warc", n > 0 && (data[0] & 1));
	return 0;
}
