/* Growable byte buffer.
 *
 * Invariants: data is never NULL and always NUL-terminated (an empty buffer
 * points at a shared static ""), len excludes the NUL. dyad_buf_detach()
 * hands the malloc()ed string to the caller, who frees it with free(). */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "dyad_int.h"

struct dyad_buf {
	char *data;   /* contents, NUL-terminated; static "" until first growth */
	size_t len;   /* bytes used, without the NUL */
	size_t cap;   /* bytes allocated, 0 while data is the static "" */
};

extern char dyad_buf_empty[1];
#define DYAD_BUF_INIT { dyad_buf_empty, 0, 0 }

void dyad_buf_init(struct dyad_buf *b);
/* Free the storage and leave b as after dyad_buf_init(). */
void dyad_buf_release(struct dyad_buf *b);
/* Make b empty, keeping its storage. */
void dyad_buf_clear(struct dyad_buf *b);
/* Ensure room for extra more bytes; returns DYAD_OK or DYAD_ENOMEM. */
int dyad_buf_grow(struct dyad_buf *b, size_t extra);
int dyad_buf_add(struct dyad_buf *b, const void *p, size_t n);
int dyad_buf_adds(struct dyad_buf *b, const char *s);
int dyad_buf_addc(struct dyad_buf *b, char c);
int dyad_buf_printf(struct dyad_buf *b, const char *fmt, ...) DYAD_PRINTF(2, 3);
/* Shorten to n bytes (n <= len). */
void dyad_buf_truncate(struct dyad_buf *b, size_t n);
/* Drop trailing ASCII white space. */
void dyad_buf_rtrim(struct dyad_buf *b);
/* Return the contents as a malloc()ed string the caller frees (never NULL
 * unless memory is out) and leave b empty. */
char *dyad_buf_detach(struct dyad_buf *b);

#endif
