/* Internal declarations shared by every libdyad module. */
#ifndef DYAD_INT_H
#define DYAD_INT_H

#include "dyad.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define DYAD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DYAD_PRINTF(f, a)
#endif

#define DYAD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Record rc and a formatted message on err (which may be NULL); returns rc so
 * that call sites can write `return dyad_error(err, DYAD_EIO, "...")`. */
int dyad_error(struct dyad_err *err, int rc, const char *fmt, ...) DYAD_PRINTF(3, 4);
/* Clear err to "no error". */
void dyad_err_clear(struct dyad_err *err);

/* strdup()/strndup() that return NULL only when s is NULL or memory is out. */
char *dyad_strdup(const char *s);
char *dyad_strndup(const char *s, size_t n);

/* 64-bit FNV-1a hash; seedable so that two seeds give a wider id. */
uint64_t dyad_hash64(const void *p, size_t n, uint64_t seed);

#endif
