/* libFuzzer target: the PETRARCH dictionary readers (verbs, actors, agents,
 * discards, issues). */
#include "dict_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum dyad_dict_file kinds[] = {DYAD_DF_PETR_VERBS, DYAD_DF_PETR_ACTORS,
						    DYAD_DF_PETR_AGENTS, DYAD_DF_PETR_DISCARDS,
						    DYAD_DF_PETR_ISSUES};
	fuzz_dict(data, size, kinds, sizeof kinds / sizeof kinds[0]);
	return 0;
}
