/* test_date.c - the date reader (src/date.c): every form pages and
 * feeds write, to RFC 3339 text and to epoch seconds, and what is no
 * date (placeholders, impossible days, unclear orders). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/date.h"

/* Text in, RFC 3339 out (NULL: not a date). */
static const struct { const char *in, *want; } rfc3339[] = {
	/* ISO 8601 / RFC 3339 and the variants pages write */
	{"2019-11-19T19:47:00-05:00", "2019-11-19T19:47:00-05:00"},
	{"2019-11-20T06:35:39+0000", "2019-11-20T06:35:39+00:00"},
	{"2019-11-20T06:35:39Z", "2019-11-20T06:35:39+00:00"},
	{"2019-11-20T06:35:39.123Z", "2019-11-20T06:35:39+00:00"},
	{"2019-11-20T06:35+01:00", "2019-11-20T06:35:00+01:00"},
	{"2019-11-20T06:35:39+05", "2019-11-20T06:35:39+05:00"},
	{" 2019-11-19 ", "2019-11-19"},
	/* a time without a zone names no instant: the date stays */
	{"2019-11-19 02:24:00", "2019-11-19"},
	{"2019-11-19T02:24:00", "2019-11-19"},
	{"2019/11/19", "2019-11-19"},
	/* RFC 822 / 1123 and JavaScript's Date */
	{"Tue, 19 Nov 2019 19:47:00 EST", "2019-11-19T19:47:00-05:00"},
	{"Tue, 19 Nov 2019 19:47:00 +0100", "2019-11-19T19:47:00+01:00"},
	{"Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)",
	 "2019-11-19T03:05:46+00:00"},
	{"Tue Nov 19 2019 03:05:46 GMT-0800", "2019-11-19T03:05:46-08:00"},
	/* written dates */
	{"November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00"},
	{"November 19, 2019 12:05 a.m. ET", "2019-11-19"},
	{"Nov. 19, 2019 12:05 a.m. EST", "2019-11-19T00:05:00-05:00"},
	{"Published 19th November 2019", "2019-11-19"},
	{"Updated: Sept. 3, 2018", "2018-09-03"},
	{"19. Dezember 2019", "2019-12-19"},
	{"19. Dezember 2019 um 14:30 Uhr MEZ", "2019-12-19T14:30:00+01:00"},
	{"3. M\xc3\xa4rz 2020", "2020-03-03"},
	{"19 de noviembre de 2019", "2019-11-19"},
	{"le 19 d\xc3\xa9" "cembre 2019 \xc3\xa0 10:00", "2019-12-19"},
	{"19 \xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f 2019", "2019-11-19"},
	{"19\xc2\xa0Nov\xc2\xa0" "2019", "2019-11-19"},
	{"2019\xe5\xb9\xb4" "11\xe6\x9c\x88" "19\xe6\x97\xa5", "2019-11-19"},
	{"2019\xeb\x85\x84 11\xec\x9b\x94 19\xec\x9d\xbc", "2019-11-19"},
	/* numeric orders: the four-digit year and a part over 12 tell */
	{"19.11.2019", "2019-11-19"},
	{"19.11.2019, 14:30", "2019-11-19"},
	{"11/19/2019", "2019-11-19"},
	{"19/11/2019", "2019-11-19"},
	{"05/06/2019", NULL},
	/* no date */
	{"0001-01-01T00:00:00Z", NULL},
	{"0001-01-01", NULL},
	/* the epoch's first second, in any zone, and 1900-01-01: what a
	 * CMS writes for no date (issue 15 class 6) */
	{"1970-01-01T00:00:00Z", NULL},
	{"1970-01-01", NULL},
	{"1969-12-31T19:00:00-05:00", NULL},
	{"1970-01-01T01:00:00+01:00", NULL},
	{"1900-01-01T00:00:00", NULL},
	{"1970-01-01T10:00:00", NULL},
	{"1970-01-02", "1970-01-02"},
	{"1970-01-01T08:30:00Z", "1970-01-01T08:30:00+00:00"},
	{"2023-02-29", NULL},
	{"2019-13-01", NULL},
	{"2019-11-31", NULL},
	{"32 Jan 2003", NULL},
	{"Mon, 10 Foo 2003 04:00:00 GMT", NULL},
	{"yesterday", NULL},
	{"3 days ago", NULL},
	{"November 2019", NULL},
	{"12:30", NULL},
	{"", NULL},
	{"1574207220", NULL},
};

static void test_rfc3339(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rfc3339 / sizeof rfc3339[0]; i++) {
		char *got = date_rfc3339(rfc3339[i].in);
		const char *want = rfc3339[i].want;
		if ((got == NULL) != (want == NULL) || (got && strcmp(got, want)))
			fail_msg("'%s': got %s want %s", rfc3339[i].in,
				 got ? got : "NULL", want ? want : "NULL");
		free(got);
	}
	assert_null(date_rfc3339(NULL));
}

/* Feed dates (RFC 822 with obsolete zones and two-digit years, RFC
 * 3339) to epoch seconds; 0 when not a date. */
static const struct { const char *in; long long want; } epochs[] = {
	{"Tue, 10 Jun 2003 04:00:00 GMT", 1055217600},
	{"Tue, 10 Jun 2003 04:00:00 +0000", 1055217600},
	{"10 Jun 2003 06:00:00 +0200", 1055217600},
	{"Tue, 10 Jun 2003 00:00:00 EDT", 1055217600},
	{"Tue,  3 Jun 03 04:00 UT", 1054612800},
	{"Tuesday, 10-June-2003 04:00:00 Z", 1055217600},
	{"Sat, 01 Jan 2000 00:00:00 -0800", 946713600},
	{"2003-06-10T04:00:00Z", 1055217600},
	{"2003-06-10T06:00:00+02:00", 1055217600},
	{"2003-06-09T23:00:00.123-05:00", 1055217600},
	{"2003-06-10 04:00:00", 1055217600},
	{"2003-06-10", 1055203200},
	{"2024-02-29T00:00:00Z", 1709164800},
	{"2023-02-29T00:00:00Z", 0},
	{"32 Jan 2003 00:00:00 GMT", 0},
	{"1969-12-31", 0},
	{"", 0},
};

static void test_epoch(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof epochs / sizeof epochs[0]; i++) {
		long long got = (long long)date_parse_epoch(epochs[i].in);
		if (got != epochs[i].want)
			fail_msg("'%s': got %lld want %lld", epochs[i].in, got,
				 epochs[i].want);
	}
	assert_int_equal(date_parse_epoch(NULL), 0);
}

/* The fields themselves, and what formatting keeps. */
static void test_fields(void **state)
{
	(void)state;
	struct date d;
	assert_true(date_parse("Tue, 19 Nov 2019 19:47:00 -0530", &d));
	assert_int_equal(d.year, 2019);
	assert_int_equal(d.month, 11);
	assert_int_equal(d.day, 19);
	assert_int_equal(d.hour, 19);
	assert_int_equal(d.minute, 47);
	assert_true(d.has_time);
	assert_true(d.has_zone);
	assert_int_equal(d.offset, -(5 * 3600 + 30 * 60));
	char buf[DATE_RFC3339_MAX];
	assert_string_equal(date_format(&d, buf), "2019-11-19T19:47:00-05:30");
	assert_false(date_parse("no date here", &d));
	assert_false(date_parse(NULL, &d));
}

static void test_of_epoch(void **state)
{
	(void)state;
	char buf[DATE_RFC3339_MAX] = "x";
	assert_string_equal(date_of_epoch(1725271200, buf), "2024-09-02T10:00:00+00:00");
	assert_null(date_of_epoch(0, buf));
	assert_null(date_of_epoch(-5, buf));
	/* it reads back as the same instant */
	assert_int_equal(date_parse_epoch(date_of_epoch(1725271200, buf)), 1725271200);
}

/* date_parse_span: where the date ends, connectors and prose after it
 * not counted. */
static void test_span(void **state)
{
	(void)state;
	static const struct { const char *in; size_t used; } t[] = {
		{"17.08.2007 - Rede von Jo Berg", 10},
		{"3. Mai 2021: Der See ist warm.", 11},
		{"Feb. 23, 2015 -- Peanut allergies", 13},
		{"November 19, 2019, 07:47 PM EST and more", 31},
		{"2019-11-19T19:47:00-05:00", 25},
		{"02. Dezember 2022 \xe2\x80\x93 Die Werft", 17},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct date d;
		size_t used = 0;
		assert_true(date_parse_span(t[i].in, &d, &used));
		if (used != t[i].used)
			fail_msg("\"%s\": used %zu, want %zu", t[i].in, used, t[i].used);
	}
	struct date d;
	size_t used = 0;
	assert_false(date_parse_span("no date here", &d, &used));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc3339),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_of_epoch),
		cmocka_unit_test(test_span),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
