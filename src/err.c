/* Error reporting: messages kept on a struct dyad_err, never printed. */
#include "dyad_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int dyad_error(struct dyad_err *err, int rc, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->rc = rc;
	}
	return rc;
}

void dyad_err_clear(struct dyad_err *err)
{
	if (err) {
		err->rc = DYAD_OK;
		err->msg[0] = '\0';
	}
}

const char *dyad_errmsg(const struct dyad_err *err)
{
	return err ? err->msg : "";
}

const char *dyad_rcstr(int rc)
{
	switch (rc) {
	case DYAD_OK: return "ok";
	case DYAD_ENOMEM: return "out of memory";
	case DYAD_EIO: return "input/output error";
	case DYAD_EPARSE: return "malformed input";
	case DYAD_EDB: return "database error";
	case DYAD_EINVAL: return "invalid argument";
	case DYAD_EEMPTY: return "nothing usable";
	case DYAD_EBINARY: return "binary data";
	case DYAD_ETOOBIG: return "too large";
	case DYAD_ESKIP: return "not an article";
	}
	return "unknown error";
}

char *dyad_strdup(const char *s)
{
	return s ? dyad_strndup(s, strlen(s)) : NULL;
}

char *dyad_strndup(const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

uint64_t dyad_hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL ^ seed;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	/* final avalanche (splitmix64) so that short inputs spread over all bits */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}
