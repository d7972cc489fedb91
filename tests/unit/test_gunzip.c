/* Tests for src/gunzip.c: whole-buffer decompression of one or more gzip
 * members, and refusal (for the streaming reader to explain) of damaged,
 * truncated or oversized input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "dyad_int.h"
#include "gunzip.h"

/* Append s[0..n) to b as one gzip member. */
static void add_member(struct dyad_buf *b, const char *s, size_t n)
{
	z_stream z = {0};
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t room = deflateBound(&z, (uLong)n);
	assert_int_equal(dyad_buf_grow(b, room), DYAD_OK);
	z.next_in = (Bytef *)(uintptr_t)s;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)b->data + b->len;
	z.avail_out = (uInt)room;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	b->len += z.total_out;
	deflateEnd(&z);
}

/* A page-like text of n bytes that compresses well but not trivially. */
static char *page(size_t n, unsigned seed)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		s[i] = "ab c<>/p\n"[(seed >> 16) % 9];
	}
	s[n] = '\0';
	return s;
}

static void test_members_in_order(void **state)
{
	(void)state;
	struct dyad_buf gz = DYAD_BUF_INIT, want = DYAD_BUF_INIT;
	for (unsigned i = 0; i < 5; i++) {
		/* growing members: the last one's size is far below the total, so
		 * the output grows */
		char *p = page(1000 + i * 40000, i);
		add_member(&gz, p, strlen(p));
		dyad_buf_adds(&want, p);
		free(p);
	}
	char *out;
	size_t len;
	assert_int_equal(dyad_gunzip((unsigned char *)gz.data, gz.len, (size_t)1 << 30, &out, &len),
			 DYAD_OK);
	assert_int_equal(len, want.len);
	assert_memory_equal(out, want.data, len);
	assert_int_equal(out[len], '\0');
	free(out);
	dyad_buf_release(&gz);
	dyad_buf_release(&want);
}

static void test_wrong_size_trailer(void **state)
{
	(void)state;
	struct dyad_buf gz = DYAD_BUF_INIT;
	char *p = page(300000, 7);
	add_member(&gz, p, strlen(p));
	/* a trailer whose size disagrees with the data is damage, as zlib
	 * says too */
	uint32_t small = 30000;
	memcpy(gz.data + gz.len - 4, &small, 4);
	char *out;
	size_t len;
	assert_int_equal(dyad_gunzip((unsigned char *)gz.data, gz.len, (size_t)1 << 30, &out, &len),
			 DYAD_EIO);
	assert_null(out);
	free(p);
	dyad_buf_release(&gz);
}

static void test_refuses_bad_input(void **state)
{
	(void)state;
	struct dyad_buf gz = DYAD_BUF_INIT;
	char *p = page(100000, 3);
	add_member(&gz, p, strlen(p));
	char *out = (char *)1;
	size_t len = 1;
	/* larger than allowed */
	assert_int_equal(dyad_gunzip((unsigned char *)gz.data, gz.len, 50000, &out, &len), DYAD_EIO);
	assert_null(out);
	assert_int_equal(len, 0);
	/* truncated */
	assert_int_equal(dyad_gunzip((unsigned char *)gz.data, gz.len - 9, 1 << 20, &out, &len),
			 DYAD_EIO);
	/* a flipped byte in the compressed data: bad data or a CRC mismatch */
	gz.data[gz.len / 2] ^= 0x55;
	assert_int_equal(dyad_gunzip((unsigned char *)gz.data, gz.len, 1 << 20, &out, &len), DYAD_EIO);
	gz.data[gz.len / 2] ^= 0x55;
	/* trailing bytes that are not a member */
	dyad_buf_adds(&gz, "garbage after the member");
	assert_int_equal(dyad_gunzip((unsigned char *)gz.data, gz.len, 1 << 20, &out, &len), DYAD_EIO);
	/* too short to be gzip at all */
	assert_int_equal(dyad_gunzip((const unsigned char *)"\x1f\x8b", 2, 1 << 20, &out, &len),
			 DYAD_EIO);
	free(p);
	dyad_buf_release(&gz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_members_in_order),
		cmocka_unit_test(test_wrong_size_trailer),
		cmocka_unit_test(test_refuses_bad_input),
	};
	return cmocka_run_group_tests_name("gunzip", tests, NULL, NULL);
}
