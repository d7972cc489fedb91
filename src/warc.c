/* WARC input: record headers and the HTTP responses they carry (as in
 * Common Crawl's news archive). Written by hand: no Debian C library reads
 * WARC, and the format is a few header lines around a length-counted block. */
#include "record.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* Value of header name in the block h[0..n) of "Name: value\n" lines, as a
 * malloc()ed string, or NULL. */
static char *header_value(const char *h, size_t n, const char *name)
{
	size_t m = strlen(name);
	const char *end = h + n;
	for (const char *p = h; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > m && strncasecmp(p, name, m) == 0 && p[m] == ':') {
			const char *v = p + m + 1, *e = eol;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
				e--;
			return dyad_strndup(v, (size_t)(e - v));
		}
		p = eol + 1;
	}
	return NULL;
}

int dyad_warc_parse_header(const char *hdr, size_t n, size_t *content_len, bool *is_response,
			   struct dyad_record *rec, struct dyad_err *err)
{
	char *len = header_value(hdr, n, "Content-Length");
	char *end = NULL;
	if (!len)
		return dyad_error(err, DYAD_EPARSE, "WARC record without Content-Length");
	unsigned long long v = strtoull(len, &end, 10);
	bool bad = end == len || *end != '\0' || len[0] == '-';
	free(len);
	if (bad)
		return dyad_error(err, DYAD_EPARSE, "bad WARC Content-Length");
	*content_len = (size_t)v;
	char *type = header_value(hdr, n, "WARC-Type");
	*is_response = type && strcasecmp(type, "response") == 0;
	free(type);
	if (*is_response) {
		rec->url = header_value(hdr, n, "WARC-Target-URI");
		rec->fetched = header_value(hdr, n, "WARC-Date");
		/* Some writers wrap the URI in angle brackets (WARC 1.0 grammar). */
		if (rec->url && rec->url[0] == '<') {
			size_t l = strlen(rec->url);
			memmove(rec->url, rec->url + 1, l);
			if (l >= 2 && rec->url[l - 2] == '>')
				rec->url[l - 2] = '\0';
		}
	}
	return DYAD_OK;
}

/* Undo chunked transfer coding of b[0..n) into out. */
static int dechunk(const char *b, size_t n, struct dyad_buf *out)
{
	size_t i = 0;
	while (i < n) {
		char *e;
		unsigned long long sz = strtoull(b + i, &e, 16);
		if (e == b + i)
			return DYAD_EPARSE;
		const char *nl = memchr(e, '\n', n - (size_t)(e - b));
		if (!nl)
			return DYAD_EPARSE;
		i = (size_t)(nl - b) + 1;
		if (sz == 0)
			return DYAD_OK;
		if (sz > n - i)
			sz = n - i;  /* a cut last chunk: keep what is there */
		if (dyad_buf_add(out, b + i, (size_t)sz))
			return DYAD_ENOMEM;
		i += (size_t)sz;
		while (i < n && (b[i] == '\r' || b[i] == '\n'))
			i++;
	}
	return DYAD_OK;
}

/* Inflate gzip or zlib data b[0..n) into out (at most DYAD_RECORD_MAX). */
static int inflate_body(const char *b, size_t n, struct dyad_buf *out)
{
	z_stream z = {0};
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return DYAD_ENOMEM;
	z.next_in = (Bytef *)(uintptr_t)b;
	z.avail_in = (uInt)n;
	int zr = Z_OK;
	while (zr == Z_OK) {
		if (dyad_buf_grow(out, 1 << 16)) {
			inflateEnd(&z);
			return DYAD_ENOMEM;
		}
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)(out->cap - out->len - 1);
		zr = inflate(&z, Z_NO_FLUSH);
		out->len = out->cap - 1 - z.avail_out;
		out->data[out->len] = '\0';
		if (out->len > DYAD_RECORD_MAX)
			break;
	}
	inflateEnd(&z);
	return zr == Z_STREAM_END || (zr == Z_BUF_ERROR && out->len > 0) ? DYAD_OK : DYAD_EPARSE;
}

int dyad_warc_parse_http(const char *block, size_t n, struct dyad_record *rec, struct dyad_err *err)
{
	if (n < 12 || strncmp(block, "HTTP/", 5) != 0)
		return dyad_error(err, DYAD_EPARSE, "response record without an HTTP status line");
	const char *sp = memchr(block, ' ', n < 32 ? n : 32);
	int status = sp ? atoi(sp + 1) : 0;
	/* The HTTP header ends at the first empty line (CRLF or bare LF). */
	const char *body = NULL;
	for (size_t i = 0; i + 1 < n; i++) {
		if (block[i] == '\n' && (block[i + 1] == '\n' || (block[i + 1] == '\r' && i + 2 < n && block[i + 2] == '\n'))) {
			body = block + i + (block[i + 1] == '\n' ? 2 : 3);
			break;
		}
	}
	if (!body)
		return dyad_error(err, DYAD_EPARSE, "HTTP header without an end");
	size_t hlen = (size_t)(body - block), blen = n - hlen;
	if (status != 200)
		return dyad_error(err, DYAD_ESKIP, "HTTP status %d, not a page", status);
	char *ctype = header_value(block, hlen, "Content-Type");
	if (ctype && !strcasestr(ctype, "html") && !strcasestr(ctype, "text/plain")) {
		int rc = dyad_error(err, DYAD_ESKIP, "content type %s, not a page", ctype);
		free(ctype);
		return rc;
	}
	rec->html = !ctype || strcasestr(ctype, "html");
	if (ctype) {
		const char *cs = strcasestr(ctype, "charset=");
		if (cs) {
			cs += 8;
			size_t l = strcspn(cs, " ;\"'");
			if (*cs == '"' || *cs == '\'')
				cs++, l = strcspn(cs, " ;\"'");
			rec->charset = dyad_strndup(cs, l);
		}
		free(ctype);
	}
	rec->last_modified = header_value(block, hlen, "Last-Modified");
	char *te = header_value(block, hlen, "Transfer-Encoding");
	char *ce = header_value(block, hlen, "Content-Encoding");
	struct dyad_buf a = DYAD_BUF_INIT, b = DYAD_BUF_INIT;
	const char *p = body;
	size_t plen = blen;
	int rc = DYAD_OK;
	if (te && strcasestr(te, "chunked") && (rc = dechunk(p, plen, &a)) == DYAD_OK) {
		p = a.data;
		plen = a.len;
	}
	if (rc == DYAD_OK && ce && (strcasestr(ce, "gzip") || strcasestr(ce, "deflate"))) {
		/* Archives often store the payload already decoded while keeping
		 * the header: inflate only what starts like gzip or zlib. */
		bool gz = plen >= 2 && (unsigned char)p[0] == 0x1f && (unsigned char)p[1] == 0x8b;
		bool zl = plen >= 2 && ((unsigned char)p[0] & 0x0f) == 8 &&
			  (((unsigned char)p[0] << 8) | (unsigned char)p[1]) % 31 == 0;
		if ((gz || zl) && (rc = inflate_body(p, plen, &b)) == DYAD_OK) {
			p = b.data;
			plen = b.len;
		}
	}
	free(te);
	free(ce);
	if (rc == DYAD_OK) {
		rec->data = dyad_strndup(p, plen);
		rec->len = plen;
		if (!rec->data)
			rc = DYAD_ENOMEM;
	}
	dyad_buf_release(&a);
	dyad_buf_release(&b);
	if (rc == DYAD_ENOMEM)
		return dyad_error(err, rc, "out of memory");
	if (rc)
		return dyad_error(err, rc, "bad chunked or compressed HTTP body");
	if (plen == 0)
		return dyad_error(err, DYAD_EEMPTY, "empty HTTP body");
	return DYAD_OK;
}
