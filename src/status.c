/* status.c - names for status codes. */
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
