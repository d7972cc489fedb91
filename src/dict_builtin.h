/* dyad's default dictionaries, compiled into the binary from dict/ *.txt files
 * (the Makefile embeds them with tools/embed.c), and the case check the
 * dyad format needs. */
#ifndef DYAD_DICT_BUILTIN_H
#define DYAD_DICT_BUILTIN_H

#include "dict.h"

/* One embedded file: its repository path and bytes. */
struct dyad_dict_blob {
	const char *name;
	const char *data;
	size_t size;
};

/* Load the built-in dictionaries into d (initialised; adds up with other
 * loads) and index them. Returns DYAD_OK, DYAD_ENOMEM, or DYAD_EINVAL when
 * this build holds none (a build that bypassed the Makefile), with detail
 * on err. Problems in the files become d->diags (none in a release). */
int dyad_dict_load_builtin(struct dyad_dict *d, struct dyad_err *err);

/* The embedded files: *n gets their number (0 in a build without them). */
const struct dyad_dict_blob *dyad_dict_builtin_files(size_t *n);

/* 1 when match m (of table kind) is acceptable given the sentence's words
 * as written (orig: unfolded, parallel to the folded tokens matched): each
 * DYAD_TF_CAPS word must be written without lower-case letters ("US" yes,
 * "us" and "Us" no). When m->entry fails but an entry with the same words
 * accepts the spelling ("Nato" besides "NATO"), m->entry becomes that one
 * (m->code is then NULL if it names another actor: ask
 * dyad_dict_actor_code()). 0 when none does: the coder then tries shorter
 * matches or moves on. Entries of the TABARI and PETRARCH formats never
 * carry the flag, so the call costs nothing for them. */
int dyad_dict_case_ok(const struct dyad_dict *d, enum dyad_dict_kind kind,
		      struct dyad_dict_match *m, const char *const *orig);

#endif
