/* libFuzzer target: the TABARI dictionary readers (verbs, actors, agents,
 * options). */
#include "dict_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum dyad_dict_file kinds[] = {DYAD_DF_TABARI_VERBS, DYAD_DF_TABARI_ACTORS,
						    DYAD_DF_TABARI_AGENTS, DYAD_DF_TABARI_OPTIONS};
	fuzz_dict(data, size, kinds, sizeof kinds / sizeof kinds[0]);
	return 0;
}
