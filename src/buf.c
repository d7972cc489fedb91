/* Growable byte buffer (see buf.h for the invariants). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char dyad_buf_empty[1];

void dyad_buf_init(struct dyad_buf *b)
{
	b->data = dyad_buf_empty;
	b->len = 0;
	b->cap = 0;
}

void dyad_buf_release(struct dyad_buf *b)
{
	if (b->cap)
		free(b->data);
	dyad_buf_init(b);
}

void dyad_buf_clear(struct dyad_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}

int dyad_buf_grow(struct dyad_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return DYAD_OK;
	if (extra > SIZE_MAX / 2 - b->len)
		return DYAD_ENOMEM;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	char *p = realloc(b->cap ? b->data : NULL, cap);
	if (!p)
		return DYAD_ENOMEM;
	if (!b->cap)
		p[0] = '\0';
	b->data = p;
	b->cap = cap;
	return DYAD_OK;
}

int dyad_buf_add(struct dyad_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return DYAD_OK;
	if (dyad_buf_grow(b, n))
		return DYAD_ENOMEM;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return DYAD_OK;
}

int dyad_buf_adds(struct dyad_buf *b, const char *s)
{
	return dyad_buf_add(b, s, strlen(s));
}

int dyad_buf_addc(struct dyad_buf *b, char c)
{
	return dyad_buf_add(b, &c, 1);
}

int dyad_buf_printf(struct dyad_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return DYAD_EINVAL;
	if (dyad_buf_grow(b, (size_t)n))
		return DYAD_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return DYAD_OK;
}

void dyad_buf_truncate(struct dyad_buf *b, size_t n)
{
	if (n < b->len) {
		b->len = n;
		b->data[n] = '\0';
	}
}

void dyad_buf_rtrim(struct dyad_buf *b)
{
	size_t n = b->len;
	while (n > 0 && (b->data[n - 1] == ' ' || b->data[n - 1] == '\t' ||
			 b->data[n - 1] == '\n' || b->data[n - 1] == '\r'))
		n--;
	dyad_buf_truncate(b, n);
}

char *dyad_buf_detach(struct dyad_buf *b)
{
	char *s = b->cap ? b->data : dyad_strdup("");
	dyad_buf_init(b);
	return s;
}
