/* Readers: cut an input file, plain or gzip, into article records.
 * zlib's gzread reads plain files transparently, and multi-member gzip (as
 * in WARC files, one member per record) as one stream. A gzip file of
 * moderate size is decompressed whole instead (src/gunzip.c), faster. */
#include "record.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "gunzip.h"

#define DETECT_BYTES 4096
/* Gzip files up to this size are decompressed whole, to at most
 * WHOLE_OUT_MAX bytes; larger ones are streamed. */
#define WHOLE_IN_MAX ((size_t)32 << 20)
#define WHOLE_OUT_MAX ((size_t)256 << 20)
#define WARC_HEADER_MAX ((size_t)1 << 20)

struct dyad_reader {
	char *path;          /* as given */
	gzFile gz;
	char *buf;           /* read window: bytes [start, end) are unread */
	size_t cap, start, end;
	bool eof;            /* the input ended (or failed) */
	bool done;           /* no more records: the rest is unusable */
	int fail_rc;         /* why the input ended early, DYAD_OK if it did not */
	char fail_msg[512];
	bool fail_told;      /* fail_msg was handed out */
	bool detected;
	enum dyad_kind kind;
	long nrec;           /* records (JSONL lines, WARC records) seen */
	long line;           /* current line number */
};

/* Decompress the gzip file open as fd whole into r's window, when it is a
 * regular file of moderate size; false (fd rewound) to stream it instead. */
static bool read_whole_gzip(struct dyad_reader *r, int fd)
{
	struct stat sb;
	unsigned char magic[2];
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 18 ||
	    (size_t)sb.st_size > WHOLE_IN_MAX || pread(fd, magic, 2, 0) != 2 ||
	    magic[0] != 0x1f || magic[1] != 0x8b)
		return false;
	size_t n = (size_t)sb.st_size, got = 0;
	unsigned char *in = malloc(n);
	while (in && got < n) {
		ssize_t k = pread(fd, in + got, n - got, (off_t)got);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	size_t len;
	bool ok = in && got == n && dyad_gunzip(in, n, WHOLE_OUT_MAX, &r->buf, &len) == DYAD_OK;
	free(in);
	if (!ok)
		return false;
	r->cap = r->end = len;
	r->eof = true;
	return true;
}

int dyad_reader_open(const char *path, struct dyad_reader **out, struct dyad_err *err)
{
	struct dyad_reader *r = calloc(1, sizeof *r);
	if (!r || !(r->path = dyad_strdup(path))) {
		free(r);
		return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", path);
	}
	if (strcmp(path, "-") == 0) {
		int fd = dup(STDIN_FILENO);
		r->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
		if (!r->gz && fd >= 0)
			close(fd);
	} else {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && read_whole_gzip(r, fd)) {
			close(fd);
			*out = r;
			return DYAD_OK;
		}
		r->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
		if (!r->gz && fd >= 0) {
			close(fd);
			errno = 0;
		}
	}
	if (!r->gz) {
		int e = errno;
		free(r->path);
		free(r);
		return dyad_error(err, DYAD_EIO, "%s: cannot open: %s", path,
				  e ? strerror(e) : "out of memory");
	}
	gzbuffer(r->gz, 1 << 17);
	*out = r;
	return DYAD_OK;
}

void dyad_reader_free(struct dyad_reader *r)
{
	if (!r)
		return;
	if (r->gz)
		gzclose(r->gz);
	free(r->buf);
	free(r->path);
	free(r);
}

enum dyad_kind dyad_reader_kind(const struct dyad_reader *r)
{
	return r->kind;
}

/* Remember a read failure: the input ends there, and the failure is
 * reported once the records read before it have been handed out. */
static void fail(struct dyad_reader *r, int rc, const char *fmt, const char *detail)
{
	r->eof = true;
	if (!r->fail_rc) {
		r->fail_rc = rc;
		snprintf(r->fail_msg, sizeof r->fail_msg, fmt, r->path, detail);
	}
}

/* Read more input into the window so that at least want unread bytes are
 * there, or the input has ended (or failed: see fail()). */
static void fill(struct dyad_reader *r, size_t want)
{
	while (!r->eof && r->end - r->start < want) {
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		if (r->cap - r->end < (1 << 16)) {
			size_t cap = r->cap ? r->cap * 2 : (1 << 17);
			while (cap - r->end < (1 << 16))
				cap *= 2;
			char *p = realloc(r->buf, cap + 1);
			if (!p) {
				fail(r, DYAD_ENOMEM, "%s: %s", "out of memory");
				return;
			}
			r->buf = p;
			r->cap = cap;
		}
		size_t room = r->cap - r->end;
		int got = gzread(r->gz, r->buf + r->end, room > (1u << 30) ? (1u << 30) : (unsigned)room);
		int errnum = Z_OK;
		const char *msg = got <= 0 ? gzerror(r->gz, &errnum) : NULL;
		if (got < 0 || (got == 0 && errnum != Z_OK)) {
			if (errnum == Z_BUF_ERROR)
				fail(r, DYAD_EIO, "%s: truncated gzip data (%s)", msg);
			else if (errnum == Z_DATA_ERROR)
				fail(r, DYAD_EIO, "%s: corrupt gzip data (%s)", msg);
			else
				fail(r, DYAD_EIO, "%s: cannot read: %s",
				     errnum == Z_ERRNO ? strerror(errno) : msg);
			return;
		}
		if (got == 0)
			r->eof = true;
		r->end += (size_t)got;
	}
}

/* Discard n unread bytes; false when the input ends first. */
static bool skip_bytes(struct dyad_reader *r, size_t n)
{
	while (n > 0) {
		if (r->start == r->end) {
			fill(r, 1);
			if (r->start == r->end)
				return false;
		}
		size_t k = r->end - r->start < n ? r->end - r->start : n;
		r->start += k;
		n -= k;
	}
	return true;
}

/* Next line of the window (without its \n, with a final \r dropped) in
 * *line and *n. Returns DYAD_OK, DYAD_END at the end of input (a last line
 * cut by a failed read is dropped), or DYAD_ETOOBIG for a line over max,
 * which is skipped without being held in memory. */
static int next_line(struct dyad_reader *r, size_t max, const char **line, size_t *n)
{
	size_t scanned = 0;
	for (;;) {
		char *nl = memchr(r->buf + r->start + scanned, '\n', r->end - r->start - scanned);
		if (nl || (r->eof && r->end > r->start && !r->fail_rc)) {
			*line = r->buf + r->start;
			*n = nl ? (size_t)(nl - *line) : r->end - r->start;
			r->start += *n + (nl != NULL);
			r->line++;
			if (*n > 0 && (*line)[*n - 1] == '\r')
				(*n)--;
			return *n > max ? DYAD_ETOOBIG : DYAD_OK;
		}
		if (r->eof)
			return DYAD_END;
		scanned = r->end - r->start;
		if (scanned > max) {
			r->line++;
			for (;;) {
				r->start = r->end;
				fill(r, 1);
				if (r->start == r->end)
					return DYAD_ETOOBIG;
				nl = memchr(r->buf + r->start, '\n', r->end - r->start);
				if (nl) {
					r->start = (size_t)(nl - r->buf) + 1;
					return DYAD_ETOOBIG;
				}
			}
		}
		fill(r, scanned + 1);
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int detect(struct dyad_reader *r, struct dyad_err *err)
{
	r->detected = true;
	fill(r, DETECT_BYTES);
	size_t n = r->end - r->start, ws = 0;
	while (ws < n && is_space(r->buf[r->start + ws]))
		ws++;
	if (ws == n) {
		r->done = true;
		if (r->fail_rc) {
			r->fail_told = true;
			return dyad_error(err, r->fail_rc, "%s", r->fail_msg);
		}
		return dyad_error(err, DYAD_EEMPTY, "%s: empty file", r->path);
	}
	r->kind = dyad_kind_detect(r->buf + r->start, n < DETECT_BYTES ? n : DETECT_BYTES, r->path);
	if (r->kind == DYAD_KIND_UNKNOWN) {
		r->done = true;
		return dyad_error(err, DYAD_EBINARY,
				  "%s: binary data, not text, HTML, JSON Lines or WARC", r->path);
	}
	return DYAD_OK;
}

static char *record_path(const struct dyad_reader *r, long n)
{
	size_t len = strlen(r->path) + 24;
	char *p = malloc(len);
	if (p)
		snprintf(p, len, "%s#%ld", r->path, n);
	return p;
}

/* Prefix err's message with where the record stands. */
static int located(struct dyad_err *err, int rc, const char *where, long n)
{
	char msg[sizeof err->msg];
	snprintf(msg, sizeof msg, "%s", err->msg);
	return dyad_error(err, rc, "%s:%ld: %s", where, n, msg);
}

static int next_document(struct dyad_reader *r, struct dyad_record *rec, struct dyad_err *err)
{
	fill(r, DYAD_RECORD_MAX + 1);
	r->done = true;  /* one document per file */
	if (r->fail_rc) {
		r->fail_told = true;
		return dyad_error(err, r->fail_rc, "%s", r->fail_msg);
	}
	size_t n = r->end - r->start;
	if (n > DYAD_RECORD_MAX)
		return dyad_error(err, DYAD_ETOOBIG, "%s: larger than the %zu MiB limit for one article",
				  r->path, DYAD_RECORD_MAX >> 20);
	rec->path = dyad_strdup(r->path);
	if (!rec->path)
		return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", r->path);
	/* The window becomes the record (it has room for the NUL): pages are
	 * big, a copy of each costs more than the slack it saves. */
	if (!r->buf)
		return dyad_error(err, DYAD_EEMPTY, "%s: empty file", r->path);
	if (r->start > 0)
		memmove(r->buf, r->buf + r->start, n);
	r->buf[n] = '\0';
	rec->data = r->buf;
	r->buf = NULL;
	r->cap = r->start = r->end = 0;
	rec->len = n;
	rec->html = r->kind == DYAD_KIND_HTML;
	return DYAD_OK;
}

static int next_jsonl(struct dyad_reader *r, struct dyad_record *rec, struct dyad_err *err)
{
	for (;;) {
		const char *line;
		size_t n;
		int rc = next_line(r, DYAD_RECORD_MAX, &line, &n);
		if (rc == DYAD_END)
			return rc;
		if (rc == DYAD_ETOOBIG)
			return dyad_error(err, rc, "%s:%ld: line longer than the %zu MiB limit, skipped",
					  r->path, r->line, DYAD_RECORD_MAX >> 20);
		size_t i = 0;
		while (i < n && is_space(line[i]))
			i++;
		if (i == n)
			continue;  /* blank lines separate nothing */
		r->nrec++;
		rec->line = r->line;
		rc = dyad_jsonl_parse(line, n, rec, err);
		if (rc) {
			dyad_record_release(rec);
			return located(err, rc, r->path, r->line);
		}
		rec->path = record_path(r, r->line);
		if (!rec->path)
			return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", r->path);
		return DYAD_OK;
	}
}

/* Read one WARC header block into hdr; returns DYAD_OK, DYAD_END, or
 * DYAD_EPARSE (the file is then done). */
static int warc_header(struct dyad_reader *r, struct dyad_buf *hdr, struct dyad_err *err)
{
	const char *line;
	size_t n;
	int rc;
	do {  /* blank lines separate records */
		rc = next_line(r, WARC_HEADER_MAX, &line, &n);
		if (rc == DYAD_END)
			return rc;
	} while (rc == DYAD_OK && n == 0);
	r->done = true;  /* until the header proves sound */
	if (rc || n < 5 || memcmp(line, "WARC/", 5) != 0)
		return dyad_error(err, DYAD_EPARSE, "%s:%ld: expected a WARC record header; "
				  "the rest of the file is skipped", r->path, r->line);
	long first = r->line;
	r->nrec++;
	if (dyad_buf_add(hdr, line, n) || dyad_buf_addc(hdr, '\n'))
		return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", r->path);
	for (;;) {
		rc = next_line(r, WARC_HEADER_MAX, &line, &n);
		if (rc == DYAD_END)
			return dyad_error(err, DYAD_EPARSE, "%s:%ld: truncated WARC header", r->path, first);
		if (rc || hdr->len > WARC_HEADER_MAX)
			return dyad_error(err, DYAD_EPARSE, "%s:%ld: WARC header too long", r->path, first);
		if (n == 0)
			break;
		if (dyad_buf_add(hdr, line, n) || dyad_buf_addc(hdr, '\n'))
			return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", r->path);
	}
	r->done = false;
	return DYAD_OK;
}

static int next_warc(struct dyad_reader *r, struct dyad_record *rec, struct dyad_err *err)
{
	for (;;) {
		struct dyad_buf hdr = DYAD_BUF_INIT;
		long first = r->line + 1;
		int rc = warc_header(r, &hdr, err);
		if (rc) {
			dyad_buf_release(&hdr);
			return rc;
		}
		size_t clen = 0;
		bool response = false;
		rc = dyad_warc_parse_header(hdr.data, hdr.len, &clen, &response, rec, err);
		dyad_buf_release(&hdr);
		if (rc) {
			dyad_record_release(rec);
			r->done = true;
			return located(err, rc, r->path, first);
		}
		if (!response || clen > DYAD_RECORD_MAX) {
			dyad_record_release(rec);
			if (!skip_bytes(r, clen)) {
				r->done = true;
				if (r->fail_rc)
					return DYAD_END;  /* the read failure says why */
				return dyad_error(err, DYAD_EPARSE, "%s: record %ld: truncated WARC record",
						  r->path, r->nrec);
			}
			if (clen > DYAD_RECORD_MAX)
				return dyad_error(err, DYAD_ETOOBIG, "%s#%ld: record larger than the %zu MiB limit, skipped",
						  r->path, r->nrec, DYAD_RECORD_MAX >> 20);
			continue;
		}
		fill(r, clen);
		if (r->end - r->start < clen) {
			dyad_record_release(rec);
			r->done = true;
			if (r->fail_rc)
				return DYAD_END;
			return dyad_error(err, DYAD_EPARSE, "%s: record %ld: truncated WARC record (%zu of %zu bytes)",
					  r->path, r->nrec, r->end - r->start, clen);
		}
		rec->path = record_path(r, r->nrec);
		if (!rec->path) {
			r->start += clen;
			return dyad_error(err, DYAD_ENOMEM, "%s: out of memory", r->path);
		}
		rc = dyad_warc_parse_http(r->buf + r->start, clen, rec, err);
		r->start += clen;
		if (rc) {
			char msg[sizeof err->msg];
			snprintf(msg, sizeof msg, "%s", err->msg);
			dyad_error(err, rc, "%s: %s", rec->path, msg);
			dyad_record_release(rec);
			return rc;
		}
		return DYAD_OK;
	}
}

int dyad_reader_next(struct dyad_reader *r, struct dyad_record *rec, struct dyad_err *err)
{
	*rec = (struct dyad_record){0};
	int rc = DYAD_END;
	if (!r->detected) {
		rc = detect(r, err);
		if (rc)
			return rc;
	}
	if (!r->done) {
		switch (r->kind) {
		case DYAD_KIND_TEXT:
		case DYAD_KIND_HTML:
			rc = next_document(r, rec, err);
			break;
		case DYAD_KIND_JSONL:
			rc = next_jsonl(r, rec, err);
			break;
		case DYAD_KIND_WARC:
			rc = next_warc(r, rec, err);
			break;
		case DYAD_KIND_UNKNOWN:
			rc = DYAD_END;
			break;
		}
	}
	if (rc == DYAD_END && r->fail_rc && !r->fail_told) {
		r->fail_told = true;
		r->done = true;
		if (r->nrec > 0)
			return dyad_error(err, r->fail_rc, "%s (after %ld records)", r->fail_msg, r->nrec);
		return dyad_error(err, r->fail_rc, "%s", r->fail_msg);
	}
	return rc;
}
