/* Tests for src/reader.c, src/jsonl.c, src/warc.c: records out of files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "record.h"
#include "test_helpers.h"

/* Read every record of path; returns the count of good records and keeps
 * the error codes (in order) in rcs. */
static int read_all(const char *path, struct dyad_record *recs, int max, int *rcs, int *nrcs)
{
	struct dyad_reader *r;
	struct dyad_err err = {0};
	assert_int_equal(dyad_reader_open(path, &r, &err), DYAD_OK);
	int n = 0, rc;
	*nrcs = 0;
	struct dyad_record rec;
	while ((rc = dyad_reader_next(r, &rec, &err)) != DYAD_END) {
		if (rc == DYAD_OK && n < max)
			recs[n++] = rec;
		else if (rc == DYAD_OK)
			dyad_record_release(&rec);
		else
			rcs[(*nrcs)++] = rc;
	}
	dyad_reader_free(r);
	return n;
}

static void test_jsonl(void **state)
{
	(void)state;
	const char *s =
		"{\"url\": \"https://a.example/1\", \"text\": \"One.\", \"published\": \"2015-10-21\"}\r\n"
		"\n"
		"{\"html\": \"<p>Two</p>\", \"title\": \"T\", \"outlet\": \"O\"}\n"
		"{\"text\": 5}\n"
		"not json\n"
		"{\"text\": \"last line without newline\"}";
	char *path = tmp_file(".jsonl", s, strlen(s), 0);
	struct dyad_record recs[8];
	int rcs[8], nrcs;
	int n = read_all(path, recs, 8, rcs, &nrcs);
	assert_int_equal(n, 3);
	assert_int_equal(nrcs, 2);
	assert_int_equal(rcs[0], DYAD_EPARSE);
	assert_int_equal(rcs[1], DYAD_EPARSE);
	assert_string_equal(recs[0].url, "https://a.example/1");
	assert_string_equal(recs[0].published, "2015-10-21");
	assert_false(recs[0].html);
	assert_true(recs[1].html);
	assert_string_equal(recs[1].data, "<p>Two</p>");
	assert_string_equal(recs[1].outlet, "O");
	assert_int_equal(recs[1].line, 3);
	char want[300];
	snprintf(want, sizeof want, "%s#3", path);
	assert_string_equal(recs[1].path, want);
	assert_string_equal(recs[2].data, "last line without newline");
	for (int i = 0; i < n; i++)
		dyad_record_release(&recs[i]);
	tmp_remove(path);
}

static const char page[] = "<html><head><title>Talks</title></head><body><p>Officials met.</p></body></html>";

/* Append one WARC record (as its own gzip member when gz). */
static void warc_record(struct dyad_buf *b, const char *type, const char *http)
{
	dyad_buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: <https://a.example/2016/03/03/x>\r\n"
			"WARC-Date: 2016-03-04T10:00:00Z\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n",
			type, strlen(http), http);
}

static void test_warc(void **state)
{
	(void)state;
	struct dyad_buf b = DYAD_BUF_INIT, http = DYAD_BUF_INIT;
	warc_record(&b, "warcinfo", "software: test\r\n");
	warc_record(&b, "request", "GET / HTTP/1.1\r\n\r\n");
	dyad_buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n"
			"Last-Modified: Thu, 03 Mar 2016 08:00:00 GMT\r\n\r\n%s", page);
	warc_record(&b, "response", http.data);
	warc_record(&b, "response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\ngone");
	dyad_buf_clear(&http);
	dyad_buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
			"5\r\n<p>ab\r\nA\r\ncdefghij</\r\n2\r\np>\r\n0\r\n\r\n");
	warc_record(&b, "response", http.data);
	warc_record(&b, "response", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG");
	for (int gz = 0; gz <= 1; gz++) {
		char *path = tmp_file(gz ? ".warc.gz" : ".warc", b.data, b.len, gz);
		struct dyad_record recs[8];
		int rcs[8], nrcs;
		int n = read_all(path, recs, 8, rcs, &nrcs);
		assert_int_equal(n, 2);
		assert_int_equal(nrcs, 2);
		assert_int_equal(rcs[0], DYAD_ESKIP);  /* the 404 */
		assert_int_equal(rcs[1], DYAD_ESKIP);  /* the image */
		assert_string_equal(recs[0].url, "https://a.example/2016/03/03/x");
		assert_string_equal(recs[0].fetched, "2016-03-04T10:00:00Z");
		assert_string_equal(recs[0].charset, "ISO-8859-1");
		assert_string_equal(recs[0].last_modified, "Thu, 03 Mar 2016 08:00:00 GMT");
		assert_string_equal(recs[0].data, page);
		assert_true(recs[0].html);
		char want[300];
		snprintf(want, sizeof want, "%s#3", path);
		assert_string_equal(recs[0].path, want);
		assert_string_equal(recs[1].data, "<p>abcdefghij</p>");
		for (int i = 0; i < n; i++)
			dyad_record_release(&recs[i]);
		tmp_remove(path);
	}
	dyad_buf_release(&b);
	dyad_buf_release(&http);
}

static void test_warc_gzip_body(void **state)
{
	(void)state;
	/* An HTTP body still gzip-encoded is inflated; one already decoded
	 * under a gzip header is taken as it is. */
	unsigned char z[512];
	uLongf zn = sizeof z;
	z_stream s = {0};
	deflateInit2(&s, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	s.next_in = (Bytef *)(uintptr_t)page;
	s.avail_in = sizeof page - 1;
	s.next_out = z;
	s.avail_out = (uInt)zn;
	deflate(&s, Z_FINISH);
	zn = s.total_out;
	deflateEnd(&s);
	struct dyad_buf block = DYAD_BUF_INIT;
	dyad_buf_adds(&block, "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n");
	dyad_buf_add(&block, z, zn);
	struct dyad_record rec = {0};
	struct dyad_err err;
	assert_int_equal(dyad_warc_parse_http(block.data, block.len, &rec, &err), DYAD_OK);
	assert_string_equal(rec.data, page);
	dyad_record_release(&rec);
	dyad_buf_clear(&block);
	dyad_buf_printf(&block, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n%s", page);
	assert_int_equal(dyad_warc_parse_http(block.data, block.len, &rec, &err), DYAD_OK);
	assert_string_equal(rec.data, page);
	dyad_record_release(&rec);
	assert_int_equal(dyad_warc_parse_http("garbage", 7, &rec, &err), DYAD_EPARSE);
	dyad_record_release(&rec);
	dyad_buf_release(&block);
}

static void test_truncated_gzip(void **state)
{
	(void)state;
	struct dyad_buf b = DYAD_BUF_INIT;
	for (int i = 0; i < 2000; i++)
		dyad_buf_printf(&b, "{\"text\": \"Article number %d says officials met on Monday.\"}\n", i);
	char *path = tmp_file(".jsonl.gz", b.data, b.len, 1);
	FILE *f = fopen(path, "r+b");
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	assert_int_equal(ftruncate(fileno(f), size / 2), 0);
	fclose(f);
	struct dyad_record recs[1];
	int rcs[8], nrcs;
	struct dyad_reader *r;
	struct dyad_err err = {0};
	assert_int_equal(dyad_reader_open(path, &r, &err), DYAD_OK);
	int good = 0, rc;
	struct dyad_record rec;
	nrcs = 0;
	while ((rc = dyad_reader_next(r, &rec, &err)) != DYAD_END) {
		if (rc == DYAD_OK) {
			good++;
			dyad_record_release(&rec);
		} else {
			rcs[nrcs++] = rc;
			assert_non_null(strstr(err.msg, "truncated gzip"));
			assert_non_null(strstr(err.msg, path));
		}
	}
	dyad_reader_free(r);
	(void)recs;
	assert_int_equal(nrcs, 1);
	assert_int_equal(rcs[0], DYAD_EIO);
	assert_true(good > 0 && good < 2000);
	tmp_remove(path);
	dyad_buf_release(&b);
}

static void test_empty_and_binary(void **state)
{
	(void)state;
	struct dyad_record rec;
	struct dyad_err err;
	struct dyad_reader *r;
	char *path = tmp_file(".txt", " \n\n ", 4, 0);
	assert_int_equal(dyad_reader_open(path, &r, &err), DYAD_OK);
	assert_int_equal(dyad_reader_next(r, &rec, &err), DYAD_EEMPTY);
	assert_non_null(strstr(err.msg, "empty file"));
	assert_int_equal(dyad_reader_next(r, &rec, &err), DYAD_END);
	dyad_reader_free(r);
	tmp_remove(path);
	path = tmp_file(".txt", "\x01\x02\x00\x03", 4, 1);
	assert_int_equal(dyad_reader_open(path, &r, &err), DYAD_OK);
	assert_int_equal(dyad_reader_next(r, &rec, &err), DYAD_EBINARY);
	dyad_reader_free(r);
	tmp_remove(path);
	assert_int_equal(dyad_reader_open("/nonexistent/x", &r, &err), DYAD_EIO);
	assert_non_null(strstr(err.msg, "/nonexistent/x: cannot open"));
}

static void test_text_document(void **state)
{
	(void)state;
	const char *s = "Title line\n\nBody text here.\n";
	char *path = tmp_file(".txt.gz", s, strlen(s), 1);
	struct dyad_record recs[2];
	int rcs[2], nrcs;
	assert_int_equal(read_all(path, recs, 2, rcs, &nrcs), 1);
	assert_int_equal(nrcs, 0);
	assert_string_equal(recs[0].data, s);
	assert_string_equal(recs[0].path, path);
	assert_false(recs[0].html);
	dyad_record_release(&recs[0]);
	tmp_remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_warc),
		cmocka_unit_test(test_warc_gzip_body),
		cmocka_unit_test(test_truncated_gzip),
		cmocka_unit_test(test_empty_and_binary),
		cmocka_unit_test(test_text_document),
	};
	return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
