/* status.c - names for status codes, and error lines that fit. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/status.h"

const char *status_name(enum status_code code)
{
	switch (code) {
	case STATUS_OK: return "ok";
	case STATUS_USAGE: return "usage error";
	case STATUS_NETWORK: return "network error";
	case STATUS_INPUT: return "input cannot be read";
	case STATUS_NO_ARTICLE: return "no article found";
	case STATUS_HTTP: return "HTTP error";
	case STATUS_NOT_HTML: return "not HTML or too large";
	}
	return "unknown error";
}

static bool utf8_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* s (len bytes, over size - 1) into dst: its head and its tail, at
 * character boundaries, "..." between them. */
static void keep_ends(char *dst, size_t size, const char *s, size_t len)
{
	size_t tail = (size - 4) / 2, head = size - 4 - tail, from = len - tail;

	while (head > 0 && utf8_continuation((unsigned char)s[head]))
		head--;
	while (from < len && utf8_continuation((unsigned char)s[from]))
		from++;
	memcpy(dst, s, head);
	memcpy(dst + head, "...", 3);
	memcpy(dst + head + 3, s + from, len - from);
	dst[head + 3 + (len - from)] = '\0';
}

void status_vmessage(char *dst, size_t size, const char *fmt, va_list ap)
{
	va_list again;
	char *whole;
	int n;

	va_copy(again, ap);
	n = vsnprintf(dst, size, fmt, ap);
	if (n >= 0 && (size_t)n >= size && size >= 8 &&
	    (whole = malloc((size_t)n + 1)) != NULL) {
		vsnprintf(whole, (size_t)n + 1, fmt, again);
		keep_ends(dst, size, whole, (size_t)n);
		free(whole);
	}
	va_end(again);
}

void status_message(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status_vmessage(dst, size, fmt, ap);
	va_end(ap);
}
