/* The dyad dictionaries compiled into the binary: the Makefile turns
 * dict/ *.txt files into dict_data.inc (tools/embed.c) and compiles this file with
 * it; a build without it (fuzzers compile src/ *.c alone) has none. */
#include "dict_builtin.h"

#include <stdio.h>
#include <string.h>

#if defined(__has_include)
#if __has_include("dict_data.inc")
#include "dict_data.inc"
#define HAVE_DICT_DATA 1
#endif
#endif

#ifndef HAVE_DICT_DATA
static const struct dyad_dict_blob dict_blobs[1] = { { "", "", 0 } };
static const size_t dict_nblobs = 0;
#endif

const struct dyad_dict_blob *dyad_dict_builtin_files(size_t *n)
{
	*n = dict_nblobs;
	return dict_blobs;
}

int dyad_dict_dyad_builtin(struct dyad_dict *d)
{
	if (dict_nblobs == 0)
		return DYAD_EINVAL;
	char name[256];
	for (size_t i = 0; i < dict_nblobs; i++) {
		snprintf(name, sizeof name, "builtin:%s", dict_blobs[i].name);
		int rc = dyad_dict_dyad_mem(d, name, dict_blobs[i].data, dict_blobs[i].size);
		if (rc != DYAD_OK)
			return rc;
	}
	return DYAD_OK;
}

int dyad_dict_load_builtin(struct dyad_dict *d, struct dyad_err *err)
{
	int rc = dyad_dict_load_file(d, "", DYAD_DF_DYAD_BUILTIN, err);
	if (rc == DYAD_EINVAL)
		return dyad_error(err, rc, "this build holds no built-in dictionaries");
	return rc;
}

static int entry_case_ok(const struct dyad_dict_entry *e, size_t start, const char *const *orig)
{
	for (uint32_t i = 0; i < e->n; i++) {
		if (!(e->tok[i].flags & DYAD_TF_CAPS))
			continue;
		for (const char *p = orig[start + i]; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				return 0;
	}
	return 1;
}

static int same_words(const struct dyad_dict_entry *a, const struct dyad_dict_entry *b)
{
	if (a->n != b->n || a->key != b->key)
		return 0;
	for (uint32_t i = 0; i < a->n; i++)
		if (a->tok[i].len != b->tok[i].len ||
		    (a->tok[i].len && memcmp(a->tok[i].str, b->tok[i].str, a->tok[i].len)))
			return 0;
	return 1;
}

int dyad_dict_case_ok(const struct dyad_dict *d, enum dyad_dict_kind kind,
		      struct dyad_dict_match *m, const char *const *orig)
{
	const struct dyad_dict_entry *e = m->entry;
	if (entry_case_ok(e, m->start, orig))
		return 1;
	/* "NATO" (capitals only) and "Nato" (any case) are two entries with the
	 * same words: another one may accept the sentence's spelling. */
	const struct dyad_dict_entry *run;
	const struct dyad_dict_tok *k = &e->tok[e->key];
	size_t n = dyad_dict_lookup(d, kind, k->str, k->len, &run);
	for (size_t i = 0; i < n; i++) {
		if (&run[i] != e && same_words(&run[i], e) && entry_case_ok(&run[i], m->start, orig)) {
			m->entry = &run[i];
			if (kind == DYAD_DK_ACTOR && run[i].id != e->id)
				m->code = NULL;  /* another actor: the caller asks for its code */
			return 1;
		}
	}
	return 0;
}
