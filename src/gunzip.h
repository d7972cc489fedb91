/* Whole-buffer gzip decompression (libdeflate). */
#ifndef DYAD_GUNZIP_H
#define DYAD_GUNZIP_H

#include <stddef.h>

/* Decompress the gzip members in[0..n) (one or more, as in WARC files) into
 * *out (malloc(), with room for a NUL after the *outlen bytes). Returns
 * DYAD_OK; DYAD_ENOMEM; or DYAD_EIO when in is not complete, valid gzip or
 * would decompress to more than max bytes: the caller then reads it through
 * zlib's stream, which tells what is wrong and keeps what came before. */
int dyad_gunzip(const unsigned char *in, size_t n, size_t max, char **out, size_t *outlen);

#endif
