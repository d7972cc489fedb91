/* libFuzzer target: any input file: kind detection, gzip, every reader and
 * the whole article pipeline (text and HTML extraction, segmentation). */
#include "reader_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	fuzz_read_all(data, n, "fuzz.input", true);
	return 0;
}
