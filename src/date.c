/* date.c - read the many ways pages and feeds write a date, write it
 * back as RFC 3339.
 *
 * One left-to-right scan over tokens rather than one parser per format:
 * a run of digits joined by '-', '/' or '.' is a numeric date (its order
 * told by where the four-digit year sits), digits before ':' a time, a
 * month name in any of the table's languages the month, a lone number
 * the day or the year, "+hhmm" / "GMT" / "EST" after the time its zone.
 * Day names, "de", "um", "at" and the like are passed over; once the
 * date is complete, the first longer unknown word ends it ("Tue Nov 19
 * 2019 03:05:46 GMT+0000 (Coordinated Universal Time)").  Only ASCII
 * bytes are folded; month names in other scripts are compared as
 * written (pages write them in lower case). */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "folio/date.h"

#define SCAN_MAX 200    /* a date is short: text past this is prose */
#define MIN_YEAR 1900   /* "0001-01-01" is a placeholder (so is 1900-01-01) */
#define MAX_YEAR 2200

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Letters of a word: ASCII ones and every byte of a multi-byte UTF-8
 * character (month names in Cyrillic, accented ones). */
static bool is_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Length of a non-ASCII separator at p: no-break and other Unicode
 * spaces, dashes and bullets (U+00A0, U+2000..U+206F, U+3000). */
static size_t separator_len(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	if (end - p >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (end - p >= 3 && u[0] == 0xE2 && (u[1] == 0x80 || u[1] == 0x81))
		return 3;
	if (end - p >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

/* ---- calendar ---- */

static bool leap(long y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static bool valid(const struct date *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (d->year < MIN_YEAR || d->year > MAX_YEAR || d->month < 1 ||
	    d->month > 12 || d->day < 1 || d->day > mdays[d->month - 1])
		return false;
	if (d->month == 2 && d->day == 29 && !leap(d->year))
		return false;
	return d->hour >= 0 && d->hour <= 23 && d->minute >= 0 && d->minute <= 59 &&
	       d->second >= 0 && d->second <= 60;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long long days_since_epoch(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

time_t date_epoch(const struct date *d)
{
	if (!valid(d))
		return 0;
	long long t = days_since_epoch(d->year, d->month, d->day) * 86400LL +
		      d->hour * 3600LL + d->minute * 60LL + d->second;
	if (d->has_zone)
		t -= d->offset;
	return t > 0 ? (time_t)t : 0;
}

/* What a CMS writes for "no date": the epoch's first second in any zone
 * ("1969-12-31T19:00:00-05:00"), 1970-01-01 without a zone (written as
 * the bare date, so any time of it: a date read must read back the
 * same) and the first day of 1900. */
static bool placeholder(const struct date *d)
{
	if (d->year == MIN_YEAR && d->month == 1 && d->day == 1)
		return true;
	if (!d->has_zone)       /* written as the bare date: any time */
		return d->year == 1970 && d->month == 1 && d->day == 1;
	if (d->year < 1969 || d->year > 1970)
		return false;
	long long t = days_since_epoch(d->year, d->month, d->day) * 86400LL +
		      d->hour * 3600LL + d->minute * 60LL + d->second;
	return t - d->offset == 0;
}

/* ---- words ---- */

/* Month names: full forms; a word of at least three characters that
 * starts one of them names that month too ("Nov", "Sept.", "déc."). */
static const struct { const char *name; int month; } months[] = {
	/* en */
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	/* de */
	{"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3},
	{"maerz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
	{"dezember", 12},
	/* fr */
	{"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2}, {"mars", 3},
	{"avril", 4}, {"juin", 6}, {"juillet", 7}, {"ao\xc3\xbbt", 8},
	{"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"d\xc3\xa9" "cembre", 12}, {"decembre", 12},
	/* es, it, pt */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
	{"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12},
	{"janeiro", 1}, {"fevereiro", 2}, {"mar\xc3\xa7o", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"novembro", 11}, {"dezembro", 12},
	/* nl, sv, da, no, pl */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
	{"augustus", 8}, {"augusti", 8}, {"maj", 5}, {"okt", 10},
	/* ru (genitive, as dates write them) */
	{"\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f", 1},
	{"\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f", 2},
	{"\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0", 3},
	{"\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f", 4},
	{"\xd0\xbc\xd0\xb0\xd1\x8f", 5},
	{"\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f", 6},
	{"\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f", 7},
	{"\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0", 8},
	{"\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 9},
	{"\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 10},
	{"\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 11},
	{"\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f", 12},
};

/* Characters (not bytes) in w[0..n). */
static size_t chars(const char *w, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)w[i] & 0xC0) != 0x80;
	return c;
}

/* Day names (full forms; a 3+ character start counts too) and the
 * two-letter German ones. */
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
	"samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
	"vendredi", "samedi", "dimanche", "lunes", "martes",
	"mi\xc3\xa9rcoles", "jueves", "viernes", "s\xc3\xa1" "bado", "domingo",
	"luned\xc3\xac", "marted\xc3\xac", "mercoled\xc3\xac", "gioved\xc3\xac",
	"venerd\xc3\xac", "sabato", "maandag", "dinsdag", "woensdag",
	"donderdag", "vrijdag", "zaterdag", "zondag",
};

#define NMONTHS (sizeof months / sizeof months[0])
#define NWEEKDAYS (sizeof weekdays / sizeof weekdays[0])

/* The names of a table grouped by their first byte, in table order
 * within a group: order[from[b] .. from[b + 1]) are the indexes of the
 * names that start with byte b.  A word is then compared with the few
 * names that start like it, not with the whole table (a page of short
 * paragraphs asks of every word whether it is part of a date). */
struct by_initial {
	uint16_t from[257];
	uint8_t order[NMONTHS > NWEEKDAYS ? NMONTHS : NWEEKDAYS];
};

static const char *month_name(size_t i) { return months[i].name; }
static const char *weekday_name(size_t i) { return weekdays[i]; }

static void index_by_initial(struct by_initial *ix, size_t n, const char *(*name)(size_t))
{
	uint16_t at[256] = { 0 };
	for (size_t i = 0; i < n; i++)
		ix->from[(unsigned char)name(i)[0] + 1]++;
	for (int b = 0; b < 256; b++) {
		ix->from[b + 1] += ix->from[b];
		at[b] = ix->from[b];
	}
	for (size_t i = 0; i < n; i++)
		ix->order[at[(unsigned char)name(i)[0]]++] = (uint8_t)i;
}

static struct by_initial month_ix, weekday_ix;
static pthread_once_t indexed = PTHREAD_ONCE_INIT;

static void index_names(void)
{
	index_by_initial(&month_ix, NMONTHS, month_name);
	index_by_initial(&weekday_ix, NWEEKDAYS, weekday_name);
}

/* w (folded, n bytes) as a month 1..12, 0 when it names none: a full
 * name, its first three characters ("Nov", "déc") or a four-letter
 * abbreviation ("Sept", "janv", "févr", "juil"); not "Marc".  "ago"
 * ("3 days ago") and "out" are words before they are abbreviations. */
static int month_word(const char *w, size_t n)
{
	static const char *const four[] = {
		"sept", "janv", "f\xc3\xa9vr", "fevr", "juil", "avri", NULL
	};
	size_t c = chars(w, n);
	if (c < 3 || (n == 3 && (!memcmp(w, "ago", 3) || !memcmp(w, "out", 3))))
		return 0;
	pthread_once(&indexed, index_names);
	unsigned char b = (unsigned char)w[0];
	if (month_ix.from[b] == month_ix.from[b + 1])
		return 0;
	bool abbrev = c == 3;
	for (int i = 0; four[i] && !abbrev; i++)
		abbrev = strlen(four[i]) == n && !memcmp(w, four[i], n);
	for (size_t k = month_ix.from[b]; k < month_ix.from[b + 1]; k++) {
		size_t i = month_ix.order[k];
		size_t ln = strlen(months[i].name);
		if ((n == ln || (abbrev && n < ln)) && !memcmp(w, months[i].name, n))
			return months[i].month;
	}
	return 0;
}

bool date_word(const char *w, size_t n)
{
	char f[24];
	if (n == 0 || n >= sizeof f)
		return false;
	for (size_t i = 0; i < n; i++)
		f[i] = (char)lower((unsigned char)w[i]);
	while (n && f[n - 1] == '.')
		n--;
	if (month_word(f, n))
		return true;
	if (n == 2) {
		static const char two[] = "momidofrsaso";
		for (int i = 0; i < 12; i += 2)
			if (!memcmp(f, two + i, 2))
				return true;
		return false;
	}
	if (chars(f, n) < 3)
		return false;
	pthread_once(&indexed, index_names);
	unsigned char b = (unsigned char)f[0];
	for (size_t k = weekday_ix.from[b]; k < weekday_ix.from[b + 1]; k++) {
		const char *day = weekdays[weekday_ix.order[k]];
		if (n <= strlen(day) && !memcmp(f, day, n))
			return true;
	}
	return false;
}

/* Zone names as pages write them, in hours east of UTC (whole hours
 * are enough for these). */
static bool zone_word(const char *w, size_t n, long *off)
{
	static const struct { const char *name; int hours; } zones[] = {
		{"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0}, {"wet", 0},
		{"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7},
		{"mdt", -6}, {"pst", -8}, {"pdt", -7}, {"akst", -9}, {"akdt", -8},
		{"hst", -10}, {"bst", 1}, {"cet", 1}, {"mez", 1}, {"west", 1},
		{"cest", 2}, {"mesz", 2}, {"eet", 2}, {"eest", 3}, {"msk", 3},
		{"hkt", 8}, {"sgt", 8}, {"awst", 8}, {"jst", 9}, {"kst", 9},
		{"aest", 10}, {"aedt", 11}, {"nzst", 12}, {"nzdt", 13},
	};
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		if (strlen(zones[i].name) == n && !memcmp(w, zones[i].name, n)) {
			*off = zones[i].hours * 3600L;
			return true;
		}
	}
	return false;
}

/* ---- the scan ---- */

struct scan {
	const char *p, *end;
	struct date d;
	bool have_date;         /* a numeric y-m-d group was read */
	int ampm;               /* 0, 1 am, 2 pm */
};

static bool complete(const struct scan *s)
{
	return s->d.year && s->d.month && s->d.day;
}

/* Read up to max digits; -1 when none. *n = how many. */
static long number(struct scan *s, int max, int *n)
{
	long v = 0;
	*n = 0;
	while (s->p < s->end && is_digit(*s->p) && *n < max) {
		v = v * 10 + (*s->p++ - '0');
		(*n)++;
	}
	return *n ? v : -1;
}

/* "+05:00", "-0500", "+1" after a time or "GMT". */
static bool read_offset(struct scan *s)
{
	const char *save = s->p;
	int sign = *s->p == '-' ? -1 : 1, n;
	s->p++;
	long h = number(s, 2, &n), m = 0;
	if (h < 0 || h > 23) {
		s->p = save;
		return false;
	}
	if (n == 2 && s->p < s->end && *s->p == ':')
		s->p++;
	if (n == 2 && s->p + 1 < s->end && is_digit(s->p[0]) && is_digit(s->p[1])) {
		m = number(s, 2, &n);
		if (m > 59) {
			s->p = save;
			return false;
		}
	}
	s->d.offset = sign * (h * 3600 + m * 60);
	s->d.has_zone = true;
	return true;
}

/* "19:47", "19:47:00.123" at p (the hour already read as h). */
static bool read_time(struct scan *s, long h)
{
	int n;
	s->p++;                                 /* ':' */
	long m = number(s, 2, &n), sec = 0;
	if (m < 0 || n != 2)
		return false;
	if (s->p + 1 < s->end && *s->p == ':' && is_digit(s->p[1])) {
		s->p++;
		sec = number(s, 2, &n);
		if (s->p < s->end && (*s->p == '.' || *s->p == ','))
			while (++s->p < s->end && is_digit(*s->p))
				;
	}
	if (s->d.has_time)                      /* a second time: not ours */
		return true;
	s->d.hour = (int)h;
	s->d.minute = (int)m;
	s->d.second = (int)sec;
	s->d.has_time = true;
	return true;
}

/* A numeric date "2019-11-19", "19.11.2019", "11/19/2019", the first
 * part (n digits) already read as a.  false when the order is unclear
 * ("05/06/2019") or the parts are no date. */
static bool read_numeric(struct scan *s, long a, int na)
{
	char sep = *s->p;
	long part[3] = {a, 0, 0};
	int len[3] = {na, 0, 0}, k = 1;
	while (k < 3 && s->p + 1 < s->end && *s->p == sep && is_digit(s->p[1])) {
		s->p++;
		part[k] = number(s, 4, &len[k]);
		k++;
	}
	if (k < 3)
		return true;                    /* "19.11." and the like: no date */
	if (s->have_date)
		return true;
	long y, m, d;
	if (len[0] == 4) {
		y = part[0], m = part[1], d = part[2];
	} else if (len[2] == 4 || (len[2] == 2 && sep == '.')) {
		y = len[2] == 2 ? 2000 + part[2] : part[2];
		if (sep == '.' || part[0] > 12)
			d = part[0], m = part[1];
		else if (part[1] > 12)
			m = part[0], d = part[1];
		else
			return false;
	} else {
		return false;
	}
	s->d.year = (int)y;
	s->d.month = (int)m;
	s->d.day = (int)d;
	s->have_date = true;
	return true;
}

/* CJK unit after a number: 年 (year), 月 (month), 日 (day) and the
 * Korean 년 월 일.  Returns 1 2 3, 0 for none; skips it. */
static int cjk_unit(struct scan *s)
{
	static const char *const units[][2] = {
		{"\xe5\xb9\xb4", "\xeb\x85\x84"},       /* 年 년 */
		{"\xe6\x9c\x88", "\xec\x9b\x94"},       /* 月 월 */
		{"\xe6\x97\xa5", "\xec\x9d\xbc"},       /* 日 일 */
	};
	if (s->end - s->p < 3)
		return 0;
	for (int u = 0; u < 3; u++) {
		for (int k = 0; k < 2; k++) {
			if (!memcmp(s->p, units[u][k], 3)) {
				s->p += 3;
				return u + 1;
			}
		}
	}
	return 0;
}

/* Place a lone number n (nd digits) as the day or the year. */
static void place_number(struct scan *s, long v, int nd)
{
	int unit = cjk_unit(s);
	if (unit == 1)
		s->d.year = (int)v;
	else if (unit == 2)
		s->d.month = (int)v;
	else if (unit == 3)
		s->d.day = (int)v;
	else if (nd == 4 && !s->d.year)
		s->d.year = (int)v;
	else if (nd <= 2 && !s->d.day && v >= 1 && v <= 31)
		s->d.day = (int)v;
	else if (nd == 2 && s->d.day && s->d.month && !s->d.year)
		s->d.year = (int)(v < 50 ? 2000 + v : 1900 + v);   /* RFC 822 "03" */
}

static bool read_digits(struct scan *s)
{
	int n;
	long v = number(s, 9, &n);
	if (n > 4) {                            /* an id or a timestamp */
		while (s->p < s->end && is_digit(*s->p))
			s->p++;
		return true;
	}
	if (s->p < s->end && *s->p == ':' && n <= 2)
		return read_time(s, v);
	if (s->p + 1 < s->end && (*s->p == '-' || *s->p == '/' || *s->p == '.') &&
	    is_digit(s->p[1]))
		return read_numeric(s, v, n);
	place_number(s, v, n);
	return true;
}

/* A word; false ends the scan (prose after a complete date). */
static bool read_word(struct scan *s)
{
	char w[24];
	size_t n = 0;
	while (s->p < s->end && is_letter((unsigned char)*s->p) && !separator_len(s->p, s->end)) {
		if (n < sizeof w)
			w[n] = (char)lower((unsigned char)*s->p);
		n++;
		s->p++;
	}
	if (n > sizeof w)
		return !complete(s);
	/* "2019-11-19T19:47": the T joins date and time */
	if (n == 1 && w[0] == 't' && s->p < s->end && is_digit(*s->p))
		return true;
	/* "a.m." / "p.m." */
	if (n == 1 && (w[0] == 'a' || w[0] == 'p') && s->end - s->p >= 2 &&
	    s->p[0] == '.' && lower(s->p[1]) == 'm') {
		s->p += 2;
		if (s->p < s->end && *s->p == '.')
			s->p++;
		s->ampm = w[0] == 'a' ? 1 : 2;
		return true;
	}
	if (n == 2 && (w[0] == 'a' || w[0] == 'p') && w[1] == 'm') {
		s->ampm = w[0] == 'a' ? 1 : 2;
		return true;
	}
	long off;
	if (s->d.has_time && !s->d.has_zone && zone_word(w, n, &off)) {
		s->d.offset = off;
		s->d.has_zone = true;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			read_offset(s);         /* "GMT+0000" */
		return true;
	}
	int m = month_word(w, n);
	if (m && !s->d.month) {
		s->d.month = m;
		return true;
	}
	/* connectors ("de", "um", "at", "à") and "Uhr" pass */
	return !complete(s) || chars(w, n) <= 3 || (n == 3 && !memcmp(w, "uhr", 3));
}

/* Did a token add to the date (a field, the zone, a.m./p.m.)? */
static bool grew(const struct scan *s, const struct date *was, int ampm)
{
	const struct date *d = &s->d;
	return d->year != was->year || d->month != was->month || d->day != was->day ||
	       d->hour != was->hour || d->minute != was->minute ||
	       d->second != was->second || d->has_time != was->has_time ||
	       d->has_zone != was->has_zone || s->ampm != ampm;
}

bool date_parse_span(const char *str, struct date *out, size_t *used)
{
	if (!str || !out || !used)
		return false;
	size_t len = strnlen(str, SCAN_MAX);
	struct scan s = {.p = str, .end = str + len};
	const char *last = str;         /* the end of the date's last token */
	while (s.p < s.end) {
		unsigned char c = (unsigned char)*s.p;
		struct date was = s.d;
		int ampm = s.ampm;
		size_t sep = separator_len(s.p, s.end);
		if (sep) {
			s.p += sep;
			continue;
		} else if (is_digit(c)) {
			if (!read_digits(&s))
				return false;
		} else if (is_letter(c)) {
			const char *before = s.p;
			if (!read_word(&s))
				break;
			if (s.p == before)
				s.p++;
		} else if ((c == '+' || c == '-') && s.d.has_time && !s.d.has_zone &&
			   s.p + 1 < s.end && is_digit(s.p[1])) {
			if (!read_offset(&s))
				s.p++;
		} else {
			s.p++;
			continue;
		}
		if (grew(&s, &was, ampm))
			last = s.p;
	}
	if (s.ampm == 2 && s.d.hour < 12)
		s.d.hour += 12;
	else if (s.ampm == 1 && s.d.hour == 12)
		s.d.hour = 0;
	if (!complete(&s) || !valid(&s.d) || placeholder(&s.d))
		return false;
	*out = s.d;
	*used = (size_t)(last - str);
	return true;
}

bool date_parse(const char *str, struct date *out)
{
	size_t used;
	return date_parse_span(str, out, &used);
}

time_t date_parse_epoch(const char *s)
{
	struct date d;
	return date_parse(s, &d) ? date_epoch(&d) : 0;
}

char *date_format(const struct date *d, char buf[DATE_RFC3339_MAX])
{
	if (!d->has_time || !d->has_zone) {
		snprintf(buf, DATE_RFC3339_MAX, "%04d-%02d-%02d", d->year, d->month,
			 d->day);
		return buf;
	}
	long off = d->offset < 0 ? -d->offset : d->offset;
	snprintf(buf, DATE_RFC3339_MAX, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
		 d->year, d->month, d->day, d->hour, d->minute, d->second,
		 d->offset < 0 ? '-' : '+', off / 3600 % 100, off / 60 % 60);
	return buf;
}

char *date_of_epoch(int64_t t, char buf[DATE_RFC3339_MAX])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t <= 0 || !gmtime_r(&tt, &tm) ||
	    !strftime(buf, DATE_RFC3339_MAX, "%Y-%m-%dT%H:%M:%S+00:00", &tm))
		return NULL;
	return buf;
}

char *date_rfc3339(const char *s)
{
	struct date d;
	char buf[DATE_RFC3339_MAX];
	return date_parse(s, &d) ? strdup(date_format(&d, buf)) : NULL;
}
