/* status.h - folio's error codes; each is also the process exit status. */
#ifndef FOLIO_STATUS_H
#define FOLIO_STATUS_H

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

#endif
