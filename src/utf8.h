/* UTF-8 validation and repair, Unicode normalisation, folding for matching.
 * Unicode tables come from utf8proc; only the repair policy is written here. */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H

#include "dyad_int.h"

/* Offset of the first invalid UTF-8 byte in s[0..n), or n when s is valid. */
size_t dyad_utf8_check(const char *s, size_t n);

/* Make valid NFC UTF-8 of s[0..n): a text that is not UTF-8 but reads as
 * Windows-1252/Latin-1 is transcoded; otherwise each invalid byte becomes
 * U+FFFD. NUL bytes and C0 controls other than \t \n \r are dropped, CRLF and
 * CR become \n. *out is malloc()ed (caller frees), *outlen its length;
 * *nrepaired (may be NULL) counts the bytes that were not valid UTF-8.
 * Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_utf8_clean(const char *s, size_t n, char **out, size_t *outlen,
		    size_t *nrepaired);

/* Fold s[0..n) for matching: NFKC, lower case, curly quotes to ' and ",
 * dashes to -, accents kept. Returns a malloc()ed string (caller frees), its
 * length in *outlen, or NULL when memory is out. */
char *dyad_utf8_fold(const char *s, size_t n, size_t *outlen);

/* Decode one code point at s[0..n); stores its byte length in *len (at least
 * 1). Returns the code point, or -1 for an invalid sequence. */
int32_t dyad_utf8_decode(const char *s, size_t n, size_t *len);

#endif
