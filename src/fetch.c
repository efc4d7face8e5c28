/* fetch.c - libcurl transfers with folio's limits and error mapping.
 * See fetch.h for the rules; this file keeps them in one place so the
 * single (easy) and batch (multi) paths behave the same. */
#include "folio/fetch-curl.h"
#include "folio/fetch-inflate.h"
#include "folio/fetch.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0"
#endif

#define LOW_SPEED_BYTES 100L    /* below this many bytes/s ... */
#define LOW_SPEED_TIME_S 15L    /* ... for this long: give up */
#define MIN_BUF ((size_t)16 << 10)

enum abort_why { ABORT_NONE, ABORT_TOO_LARGE, ABORT_NOT_HTML, ABORT_HTTP,
		 ABORT_OOM, ABORT_DAMAGED };

/* One transfer: the handle, the growing body and why we stopped it. */
struct xfer {
	CURL *h;
	const char *url;
	struct fetch_result *res;
	struct buf body;        /* res->body and res->len mirror it */
	size_t max;
	long timeout_s;
	bool checked;           /* response headers looked at */
	enum abort_why why;
	char reason[64];        /* reason phrase of the last status line */
	char errbuf[CURL_ERROR_SIZE];
	struct curl_slist *headers;  /* conditional GET validators */
	bool conditional;
	/* fetch_opts.accept_type and its argument (NULL: every type) */
	bool (*accept)(const char *media_type, void *arg);
	void *accept_arg;
	const struct fetch_opts *opts;  /* for its progress callback */
	/* Content-Encoding of the last response; a gzip body is decoded
	 * here (fetch-inflate.h), not by libcurl, to tell one cut short */
	char encoding[16];
	struct fetch_inflate *gunzip;
	const char *damage;     /* ABORT_DAMAGED: zlib's word for it */
	char location[512];     /* the last response's Location, raw (cut) */
};

/* libcurl's functions (fetch_curl.h), set by fetch_global_init: every
 * path to curl below goes through it first. */
static const struct fetch_curl *curl;
static int global_done;
static char global_err[FETCH_ERR_MAX] = "cannot start libcurl";
/* The loaded library's version ("7.88.1") and whether it has the
 * *_PROTOCOLS_STR options (7.85); read with curl_version_info. */
static char libcurl_version[32] = "?";
static bool has_protocols_str;

static void global_cleanup(void)
{
	curl->global_cleanup();
}

int fetch_global_init(void)
{
	const struct fetch_curl *api;
	if (global_done)
		return global_done > 0 ? 0 : -1;
	global_done = -1;
	if (!(api = fetch_curl())) {
		snprintf(global_err, sizeof global_err, "%s",
			 fetch_curl_error());
		return -1;
	}
	if (api->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	const curl_version_info_data *v = api->version_info(CURLVERSION_NOW);
	if (v && v->version)
		snprintf(libcurl_version, sizeof libcurl_version, "%s", v->version);
	has_protocols_str = v && v->version_num >= 0x075500;
	curl = api;
	global_done = 1;
	atexit(global_cleanup);
	return 0;
}

const char *fetch_http_reason(long code)
{
	static const struct { short code; const char *text; } tab[] = {
		{300, "Multiple Choices"}, {301, "Moved Permanently"},
		{302, "Found"}, {303, "See Other"}, {304, "Not Modified"},
		{307, "Temporary Redirect"}, {308, "Permanent Redirect"},
		{400, "Bad Request"}, {401, "Unauthorized"},
		{402, "Payment Required"}, {403, "Forbidden"},
		{404, "Not Found"}, {405, "Method Not Allowed"},
		{406, "Not Acceptable"}, {407, "Proxy Authentication Required"},
		{408, "Request Timeout"}, {409, "Conflict"}, {410, "Gone"},
		{411, "Length Required"}, {412, "Precondition Failed"},
		{413, "Content Too Large"}, {414, "URI Too Long"},
		{415, "Unsupported Media Type"}, {416, "Range Not Satisfiable"},
		{417, "Expectation Failed"}, {418, "I'm a teapot"},
		{421, "Misdirected Request"}, {422, "Unprocessable Content"},
		{425, "Too Early"}, {426, "Upgrade Required"},
		{428, "Precondition Required"}, {429, "Too Many Requests"},
		{431, "Request Header Fields Too Large"},
		{451, "Unavailable For Legal Reasons"},
		{500, "Internal Server Error"}, {501, "Not Implemented"},
		{502, "Bad Gateway"}, {503, "Service Unavailable"},
		{504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"},
		{507, "Insufficient Storage"}, {508, "Loop Detected"},
		{511, "Network Authentication Required"},
	};
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].code == code)
			return tab[i].text;
	return "";
}

static enum status_code tls_cause(int code, const char **cause)
{
	switch (code) {
	case CURLE_PEER_FAILED_VERIFICATION:
		*cause = "TLS failure: the server's certificate is not trusted";
		break;
	case CURLE_SSL_CACERT_BADFILE:
		*cause = "TLS failure: cannot read the CA certificates";
		break;
	default:
		*cause = "TLS failure: secure connection could not be set up";
	}
	return STATUS_NETWORK;
}

static enum status_code connect_cause(long os_errno, const char **cause)
{
	switch (os_errno) {
	case ECONNREFUSED: *cause = "connection refused"; break;
	case ENETUNREACH: *cause = "network unreachable"; break;
	case EHOSTUNREACH: *cause = "host unreachable"; break;
	case ETIMEDOUT: *cause = "connection timed out"; break;
	default: *cause = "could not connect to the server";
	}
	return STATUS_NETWORK;
}

enum status_code fetch_error_status(int code, long os_errno,
				    const char **cause)
{
	switch (code) {
	case CURLE_OK:
		*cause = "ok";
		return STATUS_OK;
	case CURLE_COULDNT_RESOLVE_HOST:
		*cause = "DNS lookup failed (host not found)";
		return STATUS_NETWORK;
	case CURLE_COULDNT_RESOLVE_PROXY:
		*cause = "DNS lookup of the proxy failed";
		return STATUS_NETWORK;
	case CURLE_COULDNT_CONNECT:
		return connect_cause(os_errno, cause);
	case CURLE_OPERATION_TIMEDOUT:
		*cause = "timed out";
		return STATUS_NETWORK;
	case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM: case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE: case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH: case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE: case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED: case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_SHUTDOWN_FAILED: case CURLE_USE_SSL_FAILED:
		return tls_cause(code, cause);
	case CURLE_TOO_MANY_REDIRECTS:
		*cause = "too many redirects (more than 10)";
		return STATUS_NETWORK;
	case CURLE_UNSUPPORTED_PROTOCOL:
		*cause = "unsupported scheme (only http and https are fetched)";
		return STATUS_NETWORK;
	case CURLE_URL_MALFORMAT:
		*cause = "malformed URL";
		return STATUS_INPUT;
	case CURLE_FILESIZE_EXCEEDED:
		*cause = "too large";
		return STATUS_NOT_HTML;
	case CURLE_GOT_NOTHING:
		*cause = "the server closed the connection without a reply";
		return STATUS_NETWORK;
	case CURLE_PARTIAL_FILE:        /* short Content-Length or chunked body */
		*cause = "body cut short";
		return STATUS_NETWORK;
	case CURLE_SEND_ERROR: case CURLE_RECV_ERROR:
	case CURLE_HTTP2: case CURLE_HTTP2_STREAM:
		*cause = "connection broken during the transfer";
		return STATUS_NETWORK;
	case CURLE_WEIRD_SERVER_REPLY:
		*cause = "the server's reply is not HTTP";
		return STATUS_NETWORK;
	case CURLE_BAD_CONTENT_ENCODING:
		*cause = "the compressed response could not be decoded";
		return STATUS_NETWORK;
	case CURLE_OUT_OF_MEMORY:
		*cause = "out of memory";
		return STATUS_INPUT;
	case CURLE_ABORTED_BY_CALLBACK:
		*cause = "cancelled";
		return STATUS_NETWORK;
	default:
		*cause = "network error";
		return STATUS_NETWORK;
	}
}

/* Error lines go to a terminal: no control bytes, no broken UTF-8, no
 * bidi control (a redirect target's U+202E reordered the line); each
 * such byte or character becomes '?'. */
static void sanitize_line(char *s)
{
	unsigned char *p = (unsigned char *)s, *w = p;
	while (*p) {
		if (*p < 0x20 || *p == 0x7F) {
			*w++ = '?';
			p++;
		} else if (*p < 0x80) {
			*w++ = *p++;
		} else {
			uint32_t cp;
			size_t n = text_utf8_next(p, strnlen((char *)p, 4), &cp);
			if (n && cp > 0x9F && !uc_is_property_bidi_control(cp)) {
				memmove(w, p, n);   /* not a C1 or bidi control */
				w += n;
				p += n;
			} else {
				*w++ = '?';
				p += n ? n : 1;
			}
		}
	}
	*w = '\0';
}

static void __attribute__((format(printf, 3, 4)))
set_err(struct fetch_result *res, enum status_code st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	status_vmessage(res->err, sizeof res->err, fmt, ap);
	va_end(ap);
	sanitize_line(res->err);
	res->status = st;
}

void fetch_parse_content_type(const char *value, char *type, size_t type_sz,
			      char *charset, size_t charset_sz)
{
	size_t n = 0;
	if (type_sz)
		type[0] = '\0';
	if (charset_sz)
		charset[0] = '\0';
	if (!value)
		return;
	while (*value == ' ' || *value == '\t')
		value++;
	for (; *value && *value != ';' && *value != ' ' && *value != '\t';
	     value++)
		if (n + 1 < type_sz)
			type[n++] = (char)ascii_tolower((unsigned char)*value);
	if (type_sz)
		type[n] = '\0';
	/* Parameters: ; name=value or ; name="value". */
	for (const char *p = strchr(value, ';'); p; p = strchr(p, ';')) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (ascii_ncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')
			p++;
		n = 0;
		/* Charset names are tokens; anything else ends the value. */
		for (; *p && (ascii_isalnum((unsigned char)*p) || strchr("-_.:+", *p));
		     p++)
			if (n + 1 < charset_sz)
				charset[n++] = *p;
		if (charset_sz)
			charset[n] = '\0';
		return;
	}
}

char *fetch_header_value(const char *buf, size_t len, const char *name)
{
	size_t n = strlen(name);
	if (len <= n || ascii_ncasecmp(buf, name, n) != 0 || buf[n] != ':')
		return NULL;
	buf += n + 1;
	len -= n + 1;
	while (len && (*buf == ' ' || *buf == '\t'))
		buf++, len--;
	while (len && (buf[len - 1] == '\r' || buf[len - 1] == '\n' ||
		       buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		len--;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)buf[i] < 0x20 || (unsigned char)buf[i] >= 0x7F)
			return NULL;
	return len ? strndup(buf, len) : NULL;
}

/* Keep ETag, Last-Modified and Content-Encoding of the last response
 * (a status line starts a new one: a redirect's are not the page's). */
static void keep_validators(struct xfer *x, const char *buf, size_t len)
{
	struct fetch_result *res = x->res;
	char *v;
	if (len >= 5 && strncmp(buf, "HTTP/", 5) == 0) {
		free(res->etag);
		free(res->last_modified);
		res->etag = res->last_modified = NULL;
		x->encoding[0] = x->location[0] = '\0';
	} else if (len > 9 && ascii_ncasecmp(buf, "location:", 9) == 0) {
		/* kept raw: a target curl cannot parse is named in the error
		 * (set_err makes its control bytes harmless) */
		size_t i = 9, end = len;
		while (i < end && (buf[i] == ' ' || buf[i] == '\t'))
			i++;
		while (end > i && (buf[end - 1] == '\r' || buf[end - 1] == '\n'))
			end--;
		snprintf(x->location, sizeof x->location, "%.*s", (int)(end - i), buf + i);
	} else if ((v = fetch_header_value(buf, len, "content-encoding"))) {
		snprintf(x->encoding, sizeof x->encoding, "%s", v);
		free(v);
	} else if ((v = fetch_header_value(buf, len, "etag"))) {
		free(res->etag);
		res->etag = v;
	} else if ((v = fetch_header_value(buf, len, "last-modified"))) {
		free(res->last_modified);
		res->last_modified = v;
	}
}

void fetch_status_reason(const char *buf, size_t len, char *out, size_t size)
{
	size_t i = 5, n = 0;
	if (!size)
		return;
	out[0] = '\0';
	if (len < 12 || strncmp(buf, "HTTP/", 5) != 0)
		return;
	while (i < len && buf[i] != ' ')
		i++;            /* version */
	while (i < len && buf[i] == ' ')
		i++;
	while (i < len && ascii_isdigit((unsigned char)buf[i]))
		i++;            /* code */
	while (i < len && buf[i] == ' ')
		i++;
	for (; i < len && buf[i] != '\r' && buf[i] != '\n'; i++)
		if (n + 1 < size && buf[i] >= 0x20 && buf[i] < 0x7F)
			out[n++] = buf[i];
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

/* Remember the reason phrase of every status line; the last one wins. */
static size_t header_cb(char *buf, size_t size, size_t nitems, void *arg)
{
	struct xfer *x = arg;
	size_t len = size * nitems;
	keep_validators(x, buf, len);
	if (len >= 12 && strncmp(buf, "HTTP/", 5) == 0)
		fetch_status_reason(buf, len, x->reason, sizeof x->reason);
	return len;
}

/* Room for more body bytes (at most max in all: util-buf's bound). */
static bool body_reserve(struct xfer *x, size_t more)
{
	x->body.max = x->max;
	if (!x->body.cap && more < MIN_BUF)     /* fewer steps for small pages */
		more = x->max && x->max < MIN_BUF ? x->max : MIN_BUF;
	if (!buf_reserve(&x->body, more))
		return false;
	x->res->body = x->body.data;
	return true;
}

/* A type this transfer takes: the caller (the opener) decides. */
static bool type_ok(const struct xfer *x, const char *type)
{
	return !x->accept || x->accept(type, x->accept_arg);
}

/* At the first body bytes: refuse error pages, other types and bodies
 * announced as too large before reading any of them. */
static enum abort_why check_response(struct xfer *x)
{
	long code = 0;
	char *ctype = NULL;
	char type[128], cs[8];
	curl_off_t clen = -1;
	curl->easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 400)
		return ABORT_HTTP;
	curl->easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ctype);
	fetch_parse_content_type(ctype, type, sizeof type, cs, sizeof cs);
	if (type[0] && !type_ok(x, type))
		return ABORT_NOT_HTML;
	curl->easy_getinfo(x->h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &clen);
	if (clen > 0 && (curl_off_t)x->max < clen)
		return ABORT_TOO_LARGE;
	/* Know the size up front when the server tells it (a compressed
	 * length only under-estimates: growth then doubles). */
	if (clen > 0 && !body_reserve(x, (size_t)clen))
		return ABORT_OOM;
	return ABORT_NONE;
}

/* Decoded body bytes in (fetch_inflate_sink): 0, or non-zero with
 * x->why set to stop the transfer. */
static int body_add(void *arg, const char *buf, size_t n)
{
	struct xfer *x = arg;
	if (n > x->max - x->res->len) {
		x->why = ABORT_TOO_LARGE;
		return 1;
	}
	if (!body_reserve(x, n)) {
		x->why = ABORT_OOM;
		return 1;
	}
	buf_add(&x->body, buf, n);
	x->res->len = x->body.len;
	return 0;
}

/* Bytes as they came over the wire: gzip is decoded (the cap applies
 * to the decoded size, so a small bomb cannot grow past it); any other
 * encoding passes as it is, as libcurl would with decoding off. */
static size_t write_cb(char *buf, size_t size, size_t nmemb, void *arg)
{
	struct xfer *x = arg;
	size_t n = size * nmemb;
	if (!x->checked) {
		x->checked = true;
		x->why = check_response(x);
		if (x->why == ABORT_NONE && fetch_inflate_handles(x->encoding) &&
		    !(x->gunzip = fetch_inflate_new()))
			x->why = ABORT_OOM;
		if (x->why != ABORT_NONE)
			return 0;
	}
	if (!x->gunzip)
		return body_add(x, buf, n) ? 0 : n;
	int rc = fetch_inflate_feed(x->gunzip, buf, n, body_add, x, &x->damage);
	if (rc < 0)
		x->why = ABORT_DAMAGED;
	return rc ? 0 : n;
}

static int add_header(struct xfer *x, const char *name, const char *value)
{
	char *line = NULL;
	struct curl_slist *l;
	if (asprintf(&line, "%s: %s", name, value) < 0)
		return -1;
	l = curl->slist_append(x->headers, line);
	free(line);
	if (!l)
		return -1;
	x->headers = l;
	x->conditional = true;
	return 0;
}

/* If-None-Match / If-Modified-Since from the caller's cached copy. */
static int conditional_headers(struct xfer *x, const struct fetch_opts *o)
{
	if (o && o->if_none_match && add_header(x, "If-None-Match", o->if_none_match))
		return -1;
	if (o && o->if_modified_since &&
	    add_header(x, "If-Modified-Since", o->if_modified_since))
		return -1;
	return 0;
}

/* libcurl's progress callback, handed on to the caller's (downloads only). */
static int xferinfo_cb(void *arg, curl_off_t dltotal, curl_off_t dlnow,
		       curl_off_t ultotal, curl_off_t ulnow)
{
	const struct xfer *x = arg;
	(void)ultotal;
	(void)ulnow;
	return x->opts->progress(x->opts->progress_arg,
				 dltotal > 0 ? (uint64_t)dltotal : 0,
				 dlnow > 0 ? (uint64_t)dlnow : 0);
}

/* ---- options ----
 * Calls through the function table escape curl.h's compile-time check
 * of curl_easy_setopt values, so every option goes through a wrapper
 * typed for its kind of value, and a static assertion checks that the
 * option is of that kind (curl numbers them by type: CURLOPTTYPE_*).
 * Every result is checked: the first failure of an option folio needs
 * stops the transfer with its name; a wanted one (a preference) may
 * fail. */
struct setopts {
	CURL *h;
	CURLcode rc;            /* the first failure of a needed option */
	const char *failed;     /* its name */
};

enum need { WANT, NEED };

static void opt_result(struct setopts *s, enum need need, const char *name, CURLcode rc)
{
	if (rc != CURLE_OK && need == NEED && s->rc == CURLE_OK) {
		s->rc = rc;
		s->failed = name;
	}
}

static void opt_long(struct setopts *s, enum need need, CURLoption o, const char *name, long v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

static void opt_off(struct setopts *s, enum need need, CURLoption o, const char *name,
		    curl_off_t v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

static void opt_str(struct setopts *s, enum need need, CURLoption o, const char *name,
		    const char *v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

static void opt_ptr(struct setopts *s, enum need need, CURLoption o, const char *name, void *v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

static void opt_slist(struct setopts *s, enum need need, CURLoption o, const char *name,
		      struct curl_slist *v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

static void opt_write_cb(struct setopts *s, enum need need, CURLoption o, const char *name,
			 curl_write_callback v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

static void opt_xferinfo_cb(struct setopts *s, enum need need, CURLoption o, const char *name,
			    curl_xferinfo_callback v)
{
	opt_result(s, need, name, curl->easy_setopt(s->h, o, v));
}

#define OPT_KIND(o, base) \
	_Static_assert((o) >= (base) && (o) < (base) + 10000, #o ": another kind of value")
#define SET_LONG(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_LONG); \
	opt_long(s, n, o, #o, v); } while (0)
#define SET_OFF(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_OFF_T); \
	opt_off(s, n, o, #o, v); } while (0)
#define SET_STR(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_STRINGPOINT); \
	opt_str(s, n, o, #o, v); } while (0)
#define SET_PTR(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_OBJECTPOINT); \
	opt_ptr(s, n, o, #o, v); } while (0)
#define SET_SLIST(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_SLISTPOINT); \
	opt_slist(s, n, o, #o, v); } while (0)
#define SET_WRITE_CB(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_FUNCTIONPOINT); \
	opt_write_cb(s, n, o, #o, v); } while (0)
#define SET_XFERINFO_CB(s, n, o, v) do { OPT_KIND(o, CURLOPTTYPE_FUNCTIONPOINT); \
	opt_xferinfo_cb(s, n, o, #o, v); } while (0)

/* http and https only, first request and redirects: the *_STR options
 * since libcurl 7.85, the bitmasks (deprecated since) before. */
static void set_protocols(struct setopts *s)
{
#if CURL_AT_LEAST_VERSION(7, 85, 0)
	if (has_protocols_str) {
		SET_STR(s, NEED, CURLOPT_PROTOCOLS_STR, "http,https");
		SET_STR(s, NEED, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
		return;
	}
#endif
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	SET_LONG(s, NEED, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	SET_LONG(s, NEED, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#pragma GCC diagnostic pop
}

/* Limits, safety and preferences of every transfer. */
static void set_rules(struct setopts *s, struct xfer *x, const struct fetch_opts *o)
{
	SET_LONG(s, NEED, CURLOPT_NOSIGNAL, 1L);
	set_protocols(s);
	SET_LONG(s, NEED, CURLOPT_FOLLOWLOCATION, 1L);
	SET_LONG(s, NEED, CURLOPT_MAXREDIRS, FETCH_MAX_REDIRS);
	SET_LONG(s, WANT, CURLOPT_AUTOREFERER, 1L);
	SET_STR(s, WANT, CURLOPT_COOKIEFILE, "");       /* in-memory cookies */
	/* gzip only, and decoded by write_cb: libcurl's own decoding
	 * takes a stream cut short for the whole body */
	SET_STR(s, NEED, CURLOPT_ACCEPT_ENCODING, "gzip");
	SET_LONG(s, NEED, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	SET_LONG(s, WANT, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	SET_LONG(s, NEED, CURLOPT_SSL_VERIFYPEER, 1L);
	SET_LONG(s, NEED, CURLOPT_SSL_VERIFYHOST, 2L);
	SET_LONG(s, NEED, CURLOPT_CONNECTTIMEOUT, FETCH_CONNECT_TIMEOUT_S);
	SET_LONG(s, NEED, CURLOPT_TIMEOUT, x->timeout_s);
	SET_LONG(s, NEED, CURLOPT_LOW_SPEED_LIMIT, LOW_SPEED_BYTES);
	SET_LONG(s, NEED, CURLOPT_LOW_SPEED_TIME, LOW_SPEED_TIME_S);
	SET_OFF(s, NEED, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->max);
	SET_STR(s, NEED, CURLOPT_USERAGENT, o && o->user_agent ? o->user_agent
							: "folio/" FOLIO_VERSION);
}

/* Where the bytes, headers and progress go. */
static void set_callbacks(struct setopts *s, struct xfer *x, const struct fetch_opts *o)
{
	SET_SLIST(s, NEED, CURLOPT_HTTPHEADER, x->headers);
	SET_WRITE_CB(s, NEED, CURLOPT_HEADERFUNCTION, header_cb);
	SET_PTR(s, NEED, CURLOPT_HEADERDATA, x);
	SET_WRITE_CB(s, NEED, CURLOPT_WRITEFUNCTION, write_cb);
	SET_PTR(s, NEED, CURLOPT_WRITEDATA, x);
	if (o && o->progress) {
		x->opts = o;
		SET_XFERINFO_CB(s, NEED, CURLOPT_XFERINFOFUNCTION, xferinfo_cb);
		SET_PTR(s, NEED, CURLOPT_XFERINFODATA, x);
		SET_LONG(s, NEED, CURLOPT_NOPROGRESS, 0L);
	}
}

static void xfer_drop(struct xfer *x)
{
	curl->easy_cleanup(x->h);
	x->h = NULL;
	curl->slist_free_all(x->headers);
	x->headers = NULL;
	fetch_inflate_free(x->gunzip);
	x->gunzip = NULL;
}

static int xfer_setup(struct xfer *x, const char *url,
		      const struct fetch_opts *o, struct fetch_result *res)
{
	struct setopts s = { 0 };
	memset(res, 0, sizeof *res);
	memset(x, 0, sizeof *x);
	x->url = url;
	x->res = res;
	x->accept = o ? o->accept_type : NULL;
	x->accept_arg = o ? o->accept_arg : NULL;
	x->max = o && o->max_size ? o->max_size : FETCH_DEFAULT_MAX_SIZE;
	x->timeout_s = o && o->timeout_s > 0 ? o->timeout_s
					       : FETCH_DEFAULT_TIMEOUT_S;
	if (fetch_global_init() != 0) {
		set_err(res, STATUS_NETWORK, "%s: %s", url, global_err);
		return -1;
	}
	if (!(x->h = s.h = curl->easy_init())) {
		set_err(res, STATUS_NETWORK, "%s: cannot start libcurl", url);
		return -1;
	}
	if (conditional_headers(x, o) != 0) {
		xfer_drop(x);
		set_err(res, STATUS_INPUT, "%s: out of memory", url);
		return -1;
	}
	SET_STR(&s, NEED, CURLOPT_URL, url);
	SET_PTR(&s, NEED, CURLOPT_PRIVATE, x);
	SET_PTR(&s, NEED, CURLOPT_ERRORBUFFER, x->errbuf);
	set_rules(&s, x, o);
	set_callbacks(&s, x, o);
	if (s.rc != CURLE_OK) {
		xfer_drop(x);
		set_err(res, STATUS_NETWORK, "%s: not fetched: libcurl %s refused %s (%s)", url,
			libcurl_version, s.failed, curl->easy_strerror(s.rc));
		return -1;
	}
	return 0;
}

/* The HTTP status as an error: "HTTP 404 Not Found". */
static void http_err(struct xfer *x, long code, const char *at)
{
	/* The standard phrase when there is one: a server's own phrase is
	 * only shown for codes we do not know (it could say anything). */
	const char *reason = *fetch_http_reason(code) ? fetch_http_reason(code)
						      : x->reason;
	set_err(x->res, STATUS_HTTP, "%s: HTTP %ld%s%s%s%s", x->url, code,
		*reason ? " " : "", reason, at ? " at " : "", at ? at : "");
}

/* Is curl's own message worth adding to our cause?  Not when it only
 * repeats it (DNS, refused, redirects, scheme). */
static bool wants_detail(CURLcode rc, long os_errno)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST: case CURLE_TOO_MANY_REDIRECTS:
	case CURLE_UNSUPPORTED_PROTOCOL: case CURLE_URL_MALFORMAT:
	case CURLE_ABORTED_BY_CALLBACK:
		return false;
	case CURLE_COULDNT_CONNECT:
		return os_errno != ECONNREFUSED && os_errno != ENETUNREACH &&
		       os_errno != EHOSTUNREACH && os_errno != ETIMEDOUT;
	default:
		return true;
	}
}

static void curl_err(struct xfer *x, CURLcode rc)
{
	const char *cause;
	char *redir = NULL;
	long os_errno = 0;
	double secs = 0;
	enum status_code st;
	curl->easy_getinfo(x->h, CURLINFO_OS_ERRNO, &os_errno);
	st = fetch_error_status(rc, os_errno, &cause);
	/* A refused redirect leaves its target as the effective URL (or,
	 * depending on curl's version, as the redirect URL). */
	if (rc == CURLE_UNSUPPORTED_PROTOCOL &&
	    ((curl->easy_getinfo(x->h, CURLINFO_REDIRECT_URL, &redir) == CURLE_OK
	      && redir) ||
	     (curl->easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &redir) == CURLE_OK
	      && redir && strcmp(redir, x->url) != 0))) {
		set_err(x->res, st, "%s: redirect to an unsupported scheme "
			"(only http and https are followed): %s", x->url, redir);
	} else if (rc == CURLE_URL_MALFORMAT && x->location[0]) {
		/* the server's redirect is at fault, not the user's URL */
		set_err(x->res, STATUS_NETWORK, "%s: redirect to a malformed URL: %s",
			x->url, x->location);
	} else if (rc == CURLE_OPERATION_TIMEDOUT &&
		   curl->easy_getinfo(x->h, CURLINFO_TOTAL_TIME, &secs) == CURLE_OK
		   && secs >= (double)x->timeout_s - 0.5) {
		set_err(x->res, st, "%s: timed out (no complete answer within "
			"%ld s)", x->url, x->timeout_s);
	} else if (rc == CURLE_FILESIZE_EXCEEDED) {
		set_err(x->res, st, "%s: too large (over %zu bytes)", x->url,
			x->max);
	} else if (x->errbuf[0] && wants_detail(rc, os_errno)) {
		set_err(x->res, st, "%s: %s (%s)", x->url, cause, x->errbuf);
	} else {
		set_err(x->res, st, "%s: %s", x->url, cause);
	}
}

/* Decide the outcome of a finished transfer and fill res. */
static void xfer_finish(struct xfer *x, CURLcode rc)
{
	struct fetch_result *res = x->res;
	char *eff = NULL, *ctype = NULL, type[128], cs[64];
	const char *at;
	curl->easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &res->http_code);
	curl->easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &eff);
	curl->easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ctype);
	fetch_parse_content_type(ctype, type, sizeof type, cs, sizeof cs);
	if (eff)
		res->final_url = strdup(eff);
	at = eff && strcmp(eff, x->url) != 0 ? eff : NULL;
	if (type[0])
		res->content_type = strdup(type);
	if (cs[0])
		res->charset = strdup(cs);
	if ((eff && !res->final_url) || (type[0] && !res->content_type) ||
	    (cs[0] && !res->charset))
		x->why = ABORT_OOM;
	res->status = STATUS_OK;
	if (x->why == ABORT_TOO_LARGE)
		set_err(res, STATUS_NOT_HTML, "%s: too large (over %zu bytes)",
			x->url, x->max);
	else if (x->why == ABORT_NOT_HTML)
		set_err(res, STATUS_NOT_HTML, "%s: not HTML (content type %s)",
			x->url, type);
	else if (x->why == ABORT_HTTP)
		http_err(x, res->http_code, at);
	else if (x->why == ABORT_OOM)
		set_err(res, STATUS_INPUT, "%s: out of memory", x->url);
	else if (x->why == ABORT_DAMAGED)
		set_err(res, STATUS_NETWORK, "%s: damaged compressed data (%s)",
			x->url, x->damage);
	else if (rc != CURLE_OK)
		curl_err(x, rc);
	else if (x->gunzip && !fetch_inflate_complete(x->gunzip))
		set_err(res, STATUS_NETWORK, "%s: body cut short (compressed data "
			"ends early)", x->url);
	else if (res->http_code == 304 && x->conditional)
		res->not_modified = true;   /* the caller's copy is current */
	else if (res->http_code >= 300)
		http_err(x, res->http_code, at);
	else if (type[0] && !type_ok(x, type))
		set_err(res, STATUS_NOT_HTML, "%s: not HTML (content type %s)",
			x->url, type);
	else if (!res->body && !(res->body = calloc(1, 1)))
		set_err(res, STATUS_INPUT, "%s: out of memory", x->url);
	if (res->not_modified && !res->body && !(res->body = calloc(1, 1)))
		set_err(res, STATUS_INPUT, "%s: out of memory", x->url);
	if (res->status != STATUS_OK) {
		free(res->body);
		res->body = NULL;
		res->len = 0;
	}
	xfer_drop(x);
}

enum status_code fetch_url(const char *url, const struct fetch_opts *opts,
			   struct fetch_result *res)
{
	struct xfer x;
	if (xfer_setup(&x, url, opts, res) != 0)
		return res->status;
	xfer_finish(&x, curl->easy_perform(x.h));
	return res->status;
}

/* Start transfer i: set it up and hand it to the multi handle. */
static bool start_one(CURLM *m, struct xfer *x, const char *url,
		      const struct fetch_opts *opts, struct fetch_result *res)
{
	if (xfer_setup(x, url, opts, res) != 0)
		return false;
	if (curl->multi_add_handle(m, x->h) != CURLM_OK) {
		curl->easy_cleanup(x->h);
		x->h = NULL;
		curl->slist_free_all(x->headers);
		x->headers = NULL;
		set_err(res, STATUS_NETWORK, "%s: cannot start the transfer",
			url);
		return false;
	}
	return true;
}

/* Where finished transfers of fetch_many_cb are reported. */
struct many {
	struct xfer *xs;
	fetch_done_fn *done;
	void *arg;
};

static void report(const struct many *mm, struct xfer *x)
{
	if (mm->done)
		mm->done((size_t)(x - mm->xs), x->res, mm->arg);
}

/* Collect finished transfers; returns how many finished. */
static size_t reap(CURLM *m, const struct many *mm)
{
	CURLMsg *msg;
	int left;
	size_t done = 0;
	while ((msg = curl->multi_info_read(m, &left))) {
		struct xfer *x = NULL;
		if (msg->msg != CURLMSG_DONE)
			continue;
		CURLcode rc = msg->data.result;
		CURL *h = msg->easy_handle;
		curl->easy_getinfo(h, CURLINFO_PRIVATE, (char **)&x);
		curl->multi_remove_handle(m, h);
		xfer_finish(x, rc);
		report(mm, x);
		done++;
	}
	return done;
}

enum status_code fetch_many(const char *const *urls, size_t n, int jobs,
			    const struct fetch_opts *opts,
			    struct fetch_result *res)
{
	return fetch_many_cb(urls, n, jobs, opts, res, NULL, NULL);
}

static enum status_code many(const char *const *urls, size_t n, int jobs,
			     const struct fetch_opts *opts, bool each,
			     struct fetch_result *res, fetch_done_fn *done,
			     void *arg);

enum status_code fetch_many_cb(const char *const *urls, size_t n, int jobs,
			       const struct fetch_opts *opts,
			       struct fetch_result *res, fetch_done_fn *done,
			       void *arg)
{
	return many(urls, n, jobs, opts, false, res, done, arg);
}

enum status_code fetch_many_each(const char *const *urls, size_t n, int jobs,
				 const struct fetch_opts *opts,
				 struct fetch_result *res, fetch_done_fn *done,
				 void *arg)
{
	return many(urls, n, jobs, opts, true, res, done, arg);
}

/* Every one of n transfers failed before it started, for cause. */
static enum status_code fail_all(const char *const *urls, size_t n,
				 struct fetch_result *res, fetch_done_fn *done,
				 void *arg, enum status_code st,
				 const char *cause)
{
	for (size_t i = 0; i < n; i++) {
		memset(&res[i], 0, sizeof res[i]);
		set_err(&res[i], st, "%s: %s", urls[i], cause);
		if (done)
			done(i, &res[i], arg);
	}
	return st;
}

/* each: opts is an array, opts[i] for urls[i]; else one for all. */
static enum status_code many(const char *const *urls, size_t n, int jobs,
			     const struct fetch_opts *opts, bool each,
			     struct fetch_result *res, fetch_done_fn *done,
			     void *arg)
{
	struct xfer *xs;
	struct many mm;
	CURLM *m;
	size_t next = 0, active = 0;
	if (n == 0)
		return STATUS_OK;       /* and libcurl stays unloaded */
	if (jobs <= 0)
		jobs = 8;
	if (fetch_global_init() != 0)
		return fail_all(urls, n, res, done, arg, STATUS_NETWORK,
				global_err);
	xs = calloc(n, sizeof *xs);
	m = curl->multi_init();
	if (!xs || !m) {
		free(xs);
		if (m)
			curl->multi_cleanup(m);
		return fail_all(urls, n, res, done, arg, STATUS_INPUT,
				"out of memory");
	}
	mm = (struct many){ xs, done, arg };
	while (next < n || active > 0) {
		int running;
		while (next < n && active < (size_t)jobs) {
			if (start_one(m, &xs[next], urls[next],
				      each && opts ? &opts[next] : opts, &res[next]))
				active++;
			else
				report(&mm, &xs[next]);
			next++;
		}
		curl->multi_perform(m, &running);
		active -= reap(m, &mm);
		if (active > 0)
			curl->multi_poll(m, NULL, 0, 1000, NULL);
	}
	curl->multi_cleanup(m);
	free(xs);
	for (size_t i = 0; i < n; i++)
		if (res[i].status != STATUS_OK)
			return res[i].status;
	return STATUS_OK;
}

void fetch_result_free(struct fetch_result *res)
{
	if (!res)
		return;
	free(res->body);
	free(res->final_url);
	free(res->content_type);
	free(res->charset);
	free(res->etag);
	free(res->last_modified);
	res->body = res->final_url = res->content_type = res->charset = NULL;
	res->etag = res->last_modified = NULL;
	res->len = 0;
}

/* Normalised "scheme://host:port/path?query" of url, malloc'd. */
static char *normal_url(const char *url)
{
	CURLU *u = fetch_global_init() == 0 ? curl->url() : NULL;
	char *parts[5] = {0}, *out = NULL;
	static const CURLUPart which[5] = {
		CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT,
		CURLUPART_PATH, CURLUPART_QUERY
	};
	if (!u)
		return NULL;
	if (curl->url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK)
		goto done;
	for (int i = 0; i < 5; i++)
		curl->url_get(u, which[i], &parts[i],
			      i == 2 ? CURLU_DEFAULT_PORT : 0);
	if (!parts[0] || !parts[1])
		goto done;
	for (char *h = parts[1]; *h; h++)
		*h = (char)ascii_tolower((unsigned char)*h);
	if (asprintf(&out, "%s://%s:%s%s?%s", parts[0], parts[1],
		     parts[2] ? parts[2] : "", parts[3] ? parts[3] : "/",
		     parts[4] ? parts[4] : "") < 0)
		out = NULL;
done:
	for (int i = 0; i < 5; i++)
		curl->free(parts[i]);
	curl->url_cleanup(u);
	return out;
}

bool fetch_same_url(const char *a, const char *b)
{
	char *na, *nb;
	bool same;
	if (!a || !b)
		return false;
	na = normal_url(a);
	nb = normal_url(b);
	same = na && nb ? strcmp(na, nb) == 0 : strcmp(a, b) == 0;
	free(na);
	free(nb);
	return same;
}
