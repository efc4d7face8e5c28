/* date.h - one reader for the dates pages and feeds write: RFC 3339 /
 * ISO 8601 ("2019-11-19T19:47:00-05:00", "2019-11-20T06:35:39+0000",
 * "2019-11-19 02:24:00"), RFC 822 / 1123 ("Tue, 19 Nov 2019 19:47:00
 * EST"), JavaScript's Date text ("Tue Nov 19 2019 03:05:46 GMT+0000"),
 * written dates in several languages ("November 19, 2019, 07:47 PM
 * EST", "19. Dezember 2019", "19 de noviembre de 2019"), numeric ones
 * ("19.11.2019", "11/19/2019" when the order is clear) and CJK ones
 * ("2019年11月19日").  Pure, ASCII-only comparisons; table-tested in
 * test_date.c and fuzzed by fuzz/fuzz_date.c. */
#ifndef FOLIO_DATE_H
#define FOLIO_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct date {
	int year, month, day;
	int hour, minute, second;       /* 0 without has_time */
	long offset;                    /* seconds east of UTC, with has_zone */
	bool has_time, has_zone;
};

/* Read s as a date.  false when it holds no complete, valid calendar
 * date (year 1900..2200: "0001-01-01" is a placeholder, not a date; so
 * are 1900-01-01 and the epoch's first second in any zone). */
bool date_parse(const char *s, struct date *out);

/* date_parse, and *used: the bytes up to the end of the last token
 * that added to the date ("17.08.2007 - Rede von …", "3. Mai 2021: Der
 * See": up to the year; connectors and the prose after it do not
 * count).  What follows tells a dateline from a sentence. */
bool date_parse_span(const char *s, struct date *out, size_t *used);

/* Seconds since the epoch; a date without a zone counts as UTC, one
 * without a time as midnight.  0 before 1970. */
time_t date_epoch(const struct date *d);

/* date_parse + date_epoch: 0 when s is no date.  Feeds sort by it. */
time_t date_parse_epoch(const char *s);

/* Is w[0..n) a month or day name (any case, a final '.' ignored, in
 * the languages date_parse reads; "Dez.", "Dezember", "Do", "mardi")? */
bool date_word(const char *w, size_t n);

#define DATE_RFC3339_MAX 32

/* RFC 3339 text of d into buf: "2019-11-19T19:47:00-05:00" when the
 * time and its zone are known, else the bare date "2019-11-19" (a time
 * without a zone names no instant).  Returns buf. */
char *date_format(const struct date *d, char buf[DATE_RFC3339_MAX]);

/* The UTC time t (seconds since the epoch) as RFC 3339 into buf
 * ("2024-09-02T10:00:00+00:00"); NULL, buf untouched, when t <= 0
 * (not known). */
char *date_of_epoch(int64_t t, char buf[DATE_RFC3339_MAX]);

/* s as RFC 3339 (malloc'd), NULL when s is no date. */
char *date_rfc3339(const char *s);

#endif
