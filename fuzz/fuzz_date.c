/* fuzz_date.c - libFuzzer target for the date reader (src/date.c).  Run
 * by `make fuzz`; seeds in fuzz/seeds/fuzz_date/.
 *
 * Checks the contract: a date read is a valid calendar date in range;
 * its RFC 3339 text is short and reads back as the same date, time
 * and zone; the epoch agrees with the text's; the span a date was
 * read from, read alone, gives the same date. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct date d;
	if (date_parse(s, &d)) {
		CHECK(d.year >= 1900 && d.year <= 2200);
		CHECK(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
		CHECK(d.hour >= 0 && d.hour <= 23 && d.minute >= 0 && d.minute <= 59);
		char buf[DATE_RFC3339_MAX];
		date_format(&d, buf);
		CHECK(strlen(buf) == 10 || strlen(buf) == 25);
		struct date back;
		CHECK(date_parse(buf, &back));
		CHECK(back.year == d.year && back.month == d.month && back.day == d.day);
		if (d.has_time && d.has_zone) {
			CHECK(back.hour == d.hour && back.minute == d.minute &&
			      back.second == d.second && back.offset == d.offset);
			CHECK(date_epoch(&back) == date_epoch(&d));
		}
	}
	/* the span a date was read from holds the whole date: read again
	 * alone, it gives the same day and time */
	struct date span, again;
	size_t used = 0;
	if (date_parse_span(s, &span, &used)) {
		CHECK(used <= strlen(s));
		s[used] = '\0';
		CHECK(date_parse(s, &again));
		CHECK(again.year == span.year && again.month == span.month &&
		      again.day == span.day && again.has_time == span.has_time &&
		      (!span.has_time || (again.hour == span.hour && again.minute == span.minute)));
	}
	(void)date_parse_epoch(s);
	free(s);
	return 0;
}
