/* status.h - folio's error codes; each is also the process exit status. */
#ifndef FOLIO_STATUS_H
#define FOLIO_STATUS_H

#include <stdarg.h>
#include <stddef.h>

enum status_code {
	STATUS_OK = 0,
	STATUS_USAGE = 1,       /* bad command line */
	STATUS_NETWORK = 2,     /* DNS, refused, TLS, timeout, redirects, scheme */
	STATUS_INPUT = 3,       /* input cannot be read */
	STATUS_NO_ARTICLE = 4,  /* no readable text at all */
	STATUS_HTTP = 5,        /* HTTP 4xx/5xx */
	STATUS_NOT_HTML = 6,    /* not HTML, or too large */
};

/* A short English phrase for a status ("network error", ...). */
const char *status_name(enum status_code code);

/* An error line "NAME: cause" (printf-like) into dst, size bytes (at
 * least 8): one too long for it loses its middle to "...", not its end,
 * so a long URL never pushes the cause off the line. */
void status_message(char *dst, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void status_vmessage(char *dst, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
