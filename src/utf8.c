/* UTF-8 validation and repair (Windows-1252 detection, U+FFFD), space and
 * control clean-up, NFC, and folding for matching. Unicode tables and
 * normalisation come from utf8proc; the repair policy is written here. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"

/* Windows-1252 0x80..0x9F; 0 where the code page leaves the byte undefined
 * (those bytes are dropped, as their Latin-1 reading is a C1 control). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0,
};

/* utf8proc_iterate() accepts the same sequences, but this inline decoder
 * avoids a library call per code point on the hot paths (check, clean). */
int32_t dyad_utf8_decode(const char *str, size_t n, size_t *len)
{
	const unsigned char *s = (const unsigned char *)str;
	*len = 1;
	if (n == 0)
		return -1;
	unsigned c = s[0];
	if (c < 0x80)
		return (int32_t)c;
	if (c < 0xC2 || c > 0xF4)
		return -1;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return -1;
		*len = 2;
		return (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return -1;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return -1; /* overlong, or a UTF-16 surrogate */
		*len = 3;
		return (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) |
				 (s[2] & 0x3F));
	}
	if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
	    (s[3] & 0xC0) != 0x80)
		return -1;
	if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
		return -1; /* overlong, or above U+10FFFF */
	*len = 4;
	return (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) |
			 ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F));
}

/* True when none of the 8 bytes at p has its high bit set. */
static bool ascii8(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return (w & 0x8080808080808080ull) == 0;
}

size_t dyad_utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n && ascii8(p + i)) {
			i += 8;
			continue;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		if (dyad_utf8_decode(s + i, n - i, &len) < 0)
			return i;
		i += len;
	}
	return n;
}

/* Append code point c as UTF-8 (c is a valid scalar value). */
static int put_cp(struct dyad_buf *b, int32_t c)
{
	char tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char(c, (utf8proc_uint8_t *)tmp);
	return dyad_buf_add(b, tmp, (size_t)k);
}

/* Decide whether s[0..n), which is not valid UTF-8, reads as Windows-1252:
 * its invalid bytes are mostly lone high bytes between ASCII and it holds
 * few (if any) well-formed multi-byte sequences. */
static bool looks_cp1252(const unsigned char *s, size_t n)
{
	size_t invalid = 0, lone = 0, valid_mb = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		if (dyad_utf8_decode((const char *)s + i, n - i, &len) >= 0) {
			valid_mb++;
			i += len;
			continue;
		}
		invalid++;
		bool before = i == 0 || s[i - 1] < 0x80;
		bool after = i + 1 == n || s[i + 1] < 0x80;
		if (before && after)
			lone++;
		i++;
	}
	return invalid > 0 && lone * 2 >= invalid && valid_mb * 4 <= invalid;
}

/* What clean does to one code point: -1 drop it, 0 keep, else replace by the
 * returned code point. News text gets its many Unicode spaces as ' ' so
 * that later stages need to know only ASCII space; ZWNJ/ZWJ are kept
 * because Persian, Urdu and Indic spelling needs them. */
static int32_t clean_map(int32_t c)
{
	if (c < 0xA0) {
		if (c >= 0x80) /* C1 control: most often cp1252 read as Latin-1 */
			return cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : -1;
		return 0;
	}
	switch (c) {
	case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		return ' ';
	case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
		return -1;
	case 0x2028:
		return '\n';
	case 0x2029: /* emit() writes a paragraph break */
		return 0x2029;
	default:
		break;
	}
	if (c >= 0x2000 && c <= 0x200A)
		return ' ';
	return 0;
}

/* True when c might change or combine under NFC, so that the text must go
 * through utf8proc_map(). utf8proc has no NFC quick-check, so this derives
 * one from its properties: marks, conjoining jamo, composition exclusions,
 * singletons and non-starter decompositions are suspect; letters without a
 * decomposition and primary composites are stable. */
static bool nfc_suspect(int32_t c)
{
	if (c < 0x300 || (c >= 0x2010 && c <= 0x20CF))
		return false;
	if (c >= 0x1100 && c <= 0x11FF)
		return true;
	const utf8proc_property_t *p = utf8proc_get_property(c);
	if (p->combining_class || p->comp_exclusion ||
	    (p->category >= UTF8PROC_CATEGORY_MN &&
	     p->category <= UTF8PROC_CATEGORY_ME))
		return true;
	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
		return false; /* no canonical decomposition */
	utf8proc_int32_t d[8];
	int last = 0;
	utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE,
						     &last);
	return k < 2 || k > 8 || utf8proc_get_property(d[0])->combining_class != 0;
}

/* Append one code point of the cleaned text; *nfc is set when NFC is needed. */
static int emit(struct dyad_buf *b, int32_t c, bool *nfc)
{
	if (c < 0x80)
		return dyad_buf_addc(b, (char)c);
	int32_t m = clean_map(c);
	if (m < 0)
		return DYAD_OK;
	if (m > 0)
		c = m;
	if (c < 0x80)
		return dyad_buf_addc(b, (char)c);
	if (c == 0x2029) /* paragraph separator */
		return dyad_buf_add(b, "\n\n", 2);
	if (nfc_suspect(c))
		*nfc = true;
	return put_cp(b, c);
}

int dyad_utf8_clean(const char *str, size_t n, char **out, size_t *outlen,
		    size_t *nrepaired)
{
	const unsigned char *s = (const unsigned char *)str;
	struct dyad_buf b = DYAD_BUF_INIT;
	size_t bad = 0;
	bool nfc = false;
	int rc = DYAD_OK;

	*out = NULL;
	*outlen = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		s += 3;
		n -= 3;
	}
	bool cp1252 = dyad_utf8_check((const char *)s, n) < n &&
		      looks_cp1252(s, n);
	if (dyad_buf_grow(&b, n + n / 8 + 16) != DYAD_OK)
		return DYAD_ENOMEM;

	for (size_t i = 0; i < n && rc == DYAD_OK;) {
		/* Copy the run of plain printable ASCII in one go. */
		size_t j = i;
		while (j < n && ((s[j] >= 0x20 && s[j] < 0x7F) || s[j] == '\n' ||
				 s[j] == '\t'))
			j++;
		if (j > i) {
			rc = dyad_buf_add(&b, s + i, j - i);
			i = j;
			continue;
		}
		unsigned char c = s[i];
		if (c < 0x80) {
			if (c == '\r') {
				rc = dyad_buf_addc(&b, '\n');
				if (i + 1 < n && s[i + 1] == '\n')
					i++;
			}
			i++; /* other C0 controls and DEL are dropped */
			continue;
		}
		if (cp1252) {
			int32_t cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
			bad++;
			i++;
			if (cp)
				rc = emit(&b, cp, &nfc);
			continue;
		}
		size_t len;
		int32_t cp = dyad_utf8_decode((const char *)s + i, n - i, &len);
		if (cp < 0) {
			bad++;
			rc = put_cp(&b, 0xFFFD);
			i++;
			continue;
		}
		if (clean_map(cp) == 0) { /* kept as is: copy the bytes */
			if (nfc_suspect(cp))
				nfc = true;
			rc = dyad_buf_add(&b, s + i, len);
		} else {
			rc = emit(&b, cp, &nfc);
		}
		i += len;
	}
	if (rc != DYAD_OK) {
		dyad_buf_release(&b);
		return rc;
	}
	if (nfc) {
		utf8proc_uint8_t *d = NULL;
		utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)b.data,
						  (utf8proc_ssize_t)b.len, &d,
						  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		dyad_buf_release(&b);
		if (k < 0) /* only UTF8PROC_ERROR_NOMEM: the input is valid */
			return DYAD_ENOMEM;
		*out = (char *)d;
		*outlen = (size_t)k;
	} else {
		*outlen = b.len;
		*out = dyad_buf_detach(&b);
		if (!*out)
			return DYAD_ENOMEM;
	}
	if (nrepaired)
		*nrepaired = bad;
	return DYAD_OK;
}

/* Quote, dash and prime folding applied by utf8proc before NFKC; NFKC alone
 * leaves curly quotes and most dashes as they are. */
static utf8proc_int32_t fold_map(utf8proc_int32_t c, void *data)
{
	(void)data;
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		return '-';
	default:
		return c;
	}
}

char *dyad_utf8_fold(const char *s, size_t n, size_t *outlen)
{
	size_t i = 0;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n) { /* ASCII: lower-casing is the whole fold */
		char *r = malloc(n + 1);
		if (!r)
			return NULL;
		for (size_t k = 0; k < n; k++) {
			char c = s[k];
			r[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		r[n] = '\0';
		*outlen = n;
		return r;
	}
	char *fixed = NULL;
	if (dyad_utf8_check(s, n) < n) { /* utf8proc refuses invalid input */
		size_t flen;
		if (dyad_utf8_clean(s, n, &fixed, &flen, NULL) != DYAD_OK)
			return NULL;
		s = fixed;
		n = flen;
	}
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t k = utf8proc_map_custom(
		(const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &d,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
			UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
		fold_map, NULL);
	free(fixed);
	if (k < 0)
		return NULL;
	*outlen = (size_t)k;
	return (char *)d;
}
