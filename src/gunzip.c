/* Whole-buffer gzip decompression for the common case, a news page or WARC
 * file read whole from disk: libdeflate inflates it in one call three times
 * as fast as zlib's streaming inflate, and checks the CRC-32 with carry-less
 * multiplication (zlib's took a third of zlib's time). zlib remains for
 * standard input, very large files and damaged data (src/reader.c). */
#include "gunzip.h"

#include <libdeflate.h>
#include <stdlib.h>

#include "dyad_int.h"

/* Output room for a member: its trailer's size (mod 2^32) when plausible,
 * else a guess from the compression ratio of news HTML. */
static size_t member_guess(const unsigned char *in, size_t n)
{
	size_t isize = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 | (size_t)in[n - 2] << 16 |
		       (size_t)in[n - 1] << 24;
	return isize >= n / 2 && isize / 16 <= n ? isize : 8 * n;
}

int dyad_gunzip(const unsigned char *in, size_t n, size_t max, char **out, size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	if (n < 18)
		return DYAD_EIO;
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	if (!d)
		return DYAD_ENOMEM;
	size_t cap = member_guess(in, n), len = 0, pos = 0;
	if (cap > max)
		cap = max;
	char *buf = malloc(cap + 1);
	int rc = buf ? DYAD_OK : DYAD_ENOMEM;
	while (rc == DYAD_OK && pos < n) {
		size_t used = 0, made = 0;
		enum libdeflate_result r = libdeflate_gzip_decompress_ex(
			d, in + pos, n - pos, buf + len, cap - len, &used, &made);
		if (r == LIBDEFLATE_SUCCESS) {
			pos += used;
			len += made;
		} else if (r == LIBDEFLATE_INSUFFICIENT_SPACE && cap < max) {
			size_t grown = cap > max / 2 ? max : cap * 2;
			char *p = realloc(buf, grown + 1);
			if (!p) {
				rc = DYAD_ENOMEM;
				break;
			}
			buf = p;
			cap = grown;
		} else {
			rc = DYAD_EIO;
		}
	}
	libdeflate_free_decompressor(d);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return DYAD_OK;
}
