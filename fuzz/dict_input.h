/* Fuzzing helper for the dictionary readers: the first byte picks the file
 * kind among kinds[], the rest is the file; a few look-ups follow the load.
 * Project and config files are left out: they open the paths they name. */
#ifndef DYAD_FUZZ_DICT_INPUT_H
#define DYAD_FUZZ_DICT_INPUT_H

#include "dict.h"
#include "memfile.h"

static void fuzz_dict(const uint8_t *data, size_t size, const enum dyad_dict_file *kinds,
		      size_t nkinds)
{
	if (size < 1)
		return;
	char path[64];
	int fd = fuzz_memfile(data + 1, size - 1, "dict", path);
	if (fd < 0)
		return;
	struct dyad_dict d;
	struct dyad_err err;
	dyad_dict_init(&d);
	dyad_dict_load_file(&d, path, kinds[data[0] % nkinds], &err);
	const char *tok[] = {"THE", "ABANDONED", "ABC"};
	struct dyad_dict_match m;
	const struct dyad_dict_verb *v;
	for (size_t i = 0; i < 3; i++) {
		dyad_dict_actor_match(&d, tok, 3, i, 20000101, &m);
		dyad_dict_verb_match(&d, tok, 3, i, &m, &v);
	}
	dyad_dict_release(&d);
	close(fd);
}

#endif
