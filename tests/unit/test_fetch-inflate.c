/* Unit tests for fetch-inflate.c: gzip bodies decoded piece by piece,
 * and a stream cut short told apart from a whole one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <zlib.h>

#include "folio/fetch-inflate.h"

struct sink_buf {
	char *data;
	size_t len, cap;
	size_t stop_after;      /* 0, or ask to stop past this many bytes */
};

static int sink(void *arg, const char *bytes, size_t len)
{
	struct sink_buf *s = arg;
	if (s->len + len > s->cap) {
		s->cap = (s->len + len) * 2;
		s->data = realloc(s->data, s->cap);
		assert_non_null(s->data);
	}
	memcpy(s->data + s->len, bytes, len);
	s->len += len;
	return s->stop_after && s->len > s->stop_after;
}

/* gzip of in (one member), in malloc'd memory. */
static unsigned char *gzip_of(const char *in, size_t len, size_t *out_len)
{
	z_stream z = {0};
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, len) + 64;
	unsigned char *out = malloc(cap);
	assert_non_null(out);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*out_len = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

/* A page-like text of n bytes (compressible, not trivially). */
static char *text_of(size_t n)
{
	char *t = malloc(n + 1);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		t[i] = "The harbour council met again on Tuesday. "[i % 43] + (i / 4000) % 3;
	t[n] = '\0';
	return t;
}

/* Feeds gz in pieces of step bytes; returns the last feed's result. */
static int decode(const unsigned char *gz, size_t len, size_t step,
		  struct sink_buf *out, bool *complete)
{
	struct fetch_inflate *d = fetch_inflate_new();
	const char *why = NULL;
	int rc = 0;
	assert_non_null(d);
	for (size_t at = 0; at < len && rc == 0; at += step)
		rc = fetch_inflate_feed(d, (const char *)gz + at,
					len - at < step ? len - at : step, sink, out, &why);
	if (rc < 0)
		assert_non_null(why);
	*complete = fetch_inflate_complete(d);
	fetch_inflate_free(d);
	return rc;
}

static void test_whole_stream(void **state)
{
	(void)state;
	const size_t sizes[] = { 0, 1, 5000, 300000 };
	const size_t steps[] = { 1, 7, 4096, 1 << 20 };
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		char *text = text_of(sizes[k]);
		size_t gzlen;
		unsigned char *gz = gzip_of(text, sizes[k], &gzlen);
		for (size_t j = 0; j < sizeof steps / sizeof steps[0]; j++) {
			if (sizes[k] > 5000 && steps[j] == 1)
				continue;       /* slow, and says nothing more */
			struct sink_buf out = {0};
			bool complete;
			assert_int_equal(decode(gz, gzlen, steps[j], &out, &complete), 0);
			assert_true(complete);
			assert_int_equal(out.len, sizes[k]);
			if (sizes[k])
				assert_memory_equal(out.data, text, sizes[k]);
			free(out.data);
		}
		free(gz);
		free(text);
	}
}

/* Cut anywhere before its end, the stream is not complete: never an
 * error-free short body taken for the page. */
static void test_cut_short(void **state)
{
	(void)state;
	char *text = text_of(20000);
	size_t gzlen;
	unsigned char *gz = gzip_of(text, 20000, &gzlen);
	for (size_t cut = 0; cut < gzlen; cut++) {
		struct sink_buf out = {0};
		bool complete = true;
		int rc = decode(gz, cut, 512, &out, &complete);
		assert_true(rc == 0 || rc == -1);
		if (complete)
			fail_msg("cut at %zu of %zu bytes taken as whole", cut, gzlen);
		free(out.data);
	}
	free(gz);
	free(text);
}

/* A changed byte in the data or the trailer: an error or, at worst,
 * incomplete; never the whole page with a wrong byte. */
static void test_damaged(void **state)
{
	(void)state;
	char *text = text_of(20000);
	size_t gzlen;
	unsigned char *gz = gzip_of(text, 20000, &gzlen);
	const size_t spots[] = { 0, 3, gzlen / 2, gzlen - 8, gzlen - 1 };
	for (size_t k = 0; k < sizeof spots / sizeof spots[0]; k++) {
		gz[spots[k]] ^= 0x55;
		struct sink_buf out = {0};
		bool complete;
		int rc = decode(gz, gzlen, 1000, &out, &complete);
		if (rc == 0 && complete)
			fail_msg("byte %zu changed, yet decoded whole", spots[k]);
		gz[spots[k]] ^= 0x55;
		free(out.data);
	}
	free(gz);
	free(text);
}

/* Two members (RFC 1952): both decoded.  Padding after the end: dropped. */
static void test_members_and_padding(void **state)
{
	(void)state;
	size_t l1, l2;
	unsigned char *a = gzip_of("first part, ", 12, &l1);
	unsigned char *b = gzip_of("second part", 11, &l2);
	unsigned char *both = malloc(l1 + l2 + 4);
	assert_non_null(both);
	memcpy(both, a, l1);
	memcpy(both + l1, b, l2);
	struct sink_buf out = {0};
	bool complete;
	assert_int_equal(decode(both, l1 + l2, 5, &out, &complete), 0);
	assert_true(complete);
	assert_int_equal(out.len, 23);
	assert_memory_equal(out.data, "first part, second part", 23);
	free(out.data);
	memcpy(both + l1, "\0\0\n\n", 4);
	out = (struct sink_buf){0};
	assert_int_equal(decode(both, l1 + 4, 3, &out, &complete), 0);
	assert_true(complete);
	assert_int_equal(out.len, 12);
	free(out.data);
	free(both);
	free(a);
	free(b);
}

/* The sink stops the decoding (the body cap): a zip bomb never
 * decodes past it. */
static void test_sink_stops(void **state)
{
	(void)state;
	size_t n = 8 << 20, gzlen;
	char *zeros = calloc(1, n);
	assert_non_null(zeros);
	unsigned char *gz = gzip_of(zeros, n, &gzlen);
	struct sink_buf out = { .stop_after = 100000 };
	bool complete;
	assert_int_equal(decode(gz, gzlen, gzlen, &out, &complete), 1);
	assert_true(out.len <= 100000 + 16384);
	free(out.data);
	free(gz);
	free(zeros);
}

static void test_handles(void **state)
{
	(void)state;
	assert_true(fetch_inflate_handles("gzip"));
	assert_true(fetch_inflate_handles("GZip"));
	assert_true(fetch_inflate_handles("x-gzip"));
	assert_false(fetch_inflate_handles("br"));
	assert_false(fetch_inflate_handles("identity"));
	assert_false(fetch_inflate_handles(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_stream),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_members_and_padding),
		cmocka_unit_test(test_sink_stops),
		cmocka_unit_test(test_handles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
