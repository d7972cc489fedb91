/* libFuzzer target: the reader of dyad's own dictionary format. */
#include "dict_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum dyad_dict_file kinds[] = {DYAD_DF_DYAD};
	fuzz_dict(data, size, kinds, sizeof kinds / sizeof kinds[0]);
	return 0;
}
