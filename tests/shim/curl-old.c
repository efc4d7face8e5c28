/* curl-old.c - a stand-in for an old libcurl (tests/sh/test_fetch_oldcurl.sh).
 *
 * Loaded by folio as $FOLIO_LIBCURL, it passes every call on to the real
 * libcurl ($FOLIO_SHIM_REAL, else libcurl.so.4) but says it is 7.80.0 and,
 * like libcurl before 7.85, knows no CURLOPT_PROTOCOLS_STR or
 * CURLOPT_REDIR_PROTOCOLS_STR.  With FOLIO_SHIM_NO_PROTOCOLS=1 it knows
 * no CURLOPT_PROTOCOLS / CURLOPT_REDIR_PROTOCOLS either (a build that
 * could not restrict protocols at all). */
#define CURL_DISABLE_TYPECHECK
#define CURL_NO_OLDIES
/* curl_url_get's handle became const in 8.x: keep the header's
 * declaration out of the way and take the pointer either way. */
#define curl_url_get curl_url_get_as_declared
#include <curl/curl.h>
#undef curl_url_get
#include <dlfcn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void *real(const char *name)
{
	static void *lib;
	if (!lib) {
		const char *path = getenv("FOLIO_SHIM_REAL");
		lib = dlopen(path && *path ? path : "libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
		if (!lib)
			abort();
	}
	void *f = dlsym(lib, name);
	if (!f)
		abort();
	return f;
}

#define REAL(name) ((__typeof__(&name))real(#name))

static int unknown(CURLoption o)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	if (o == CURLOPT_PROTOCOLS_STR || o == CURLOPT_REDIR_PROTOCOLS_STR)
		return 1;
	return getenv("FOLIO_SHIM_NO_PROTOCOLS") &&
	       (o == CURLOPT_PROTOCOLS || o == CURLOPT_REDIR_PROTOCOLS);
#pragma GCC diagnostic pop
}

CURLcode curl_easy_setopt(CURL *h, CURLoption o, ...)
{
	va_list ap;
	CURLcode rc;
	if (unknown(o))
		return CURLE_UNKNOWN_OPTION;
	va_start(ap, o);
	if (o < CURLOPTTYPE_OBJECTPOINT)
		rc = REAL(curl_easy_setopt)(h, o, va_arg(ap, long));
	else if (o < CURLOPTTYPE_FUNCTIONPOINT)
		rc = REAL(curl_easy_setopt)(h, o, va_arg(ap, void *));
	else if (o < CURLOPTTYPE_OFF_T)
		rc = REAL(curl_easy_setopt)(h, o, va_arg(ap, void (*)(void)));
	else
		rc = REAL(curl_easy_setopt)(h, o, va_arg(ap, curl_off_t));
	va_end(ap);
	return rc;
}

curl_version_info_data *curl_version_info(CURLversion v)
{
	static curl_version_info_data old;
	old = *REAL(curl_version_info)(v);
	old.version = "7.80.0";
	old.version_num = 0x075000;
	return &old;
}

CURLcode curl_easy_getinfo(CURL *h, CURLINFO i, ...)
{
	va_list ap;
	va_start(ap, i);
	void *p = va_arg(ap, void *);
	va_end(ap);
	return REAL(curl_easy_getinfo)(h, i, p);
}

/* The rest as they are. */
CURLcode curl_global_init(long f) { return REAL(curl_global_init)(f); }
void curl_global_cleanup(void) { REAL(curl_global_cleanup)(); }
CURL *curl_easy_init(void) { return REAL(curl_easy_init)(); }
CURLcode curl_easy_perform(CURL *h) { return REAL(curl_easy_perform)(h); }
void curl_easy_cleanup(CURL *h) { REAL(curl_easy_cleanup)(h); }
const char *curl_easy_strerror(CURLcode c) { return REAL(curl_easy_strerror)(c); }
CURLM *curl_multi_init(void) { return REAL(curl_multi_init)(); }
CURLMcode curl_multi_add_handle(CURLM *m, CURL *h) { return REAL(curl_multi_add_handle)(m, h); }
CURLMcode curl_multi_remove_handle(CURLM *m, CURL *h) { return REAL(curl_multi_remove_handle)(m, h); }
CURLMcode curl_multi_perform(CURLM *m, int *n) { return REAL(curl_multi_perform)(m, n); }
CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd *fds, unsigned int n, int ms, int *ret)
{
	return REAL(curl_multi_poll)(m, fds, n, ms, ret);
}
CURLMsg *curl_multi_info_read(CURLM *m, int *n) { return REAL(curl_multi_info_read)(m, n); }
CURLMcode curl_multi_cleanup(CURLM *m) { return REAL(curl_multi_cleanup)(m); }
struct curl_slist *curl_slist_append(struct curl_slist *l, const char *s)
{
	return REAL(curl_slist_append)(l, s);
}
void curl_slist_free_all(struct curl_slist *l) { REAL(curl_slist_free_all)(l); }
CURLU *curl_url(void) { return REAL(curl_url)(); }
CURLUcode curl_url_set(CURLU *u, CURLUPart p, const char *s, unsigned int f)
{
	return REAL(curl_url_set)(u, p, s, f);
}
CURLUcode curl_url_get(CURLU *u, CURLUPart p, char **s, unsigned int f);
CURLUcode curl_url_get(CURLU *u, CURLUPart p, char **s, unsigned int f)
{
	return ((__typeof__(&curl_url_get))real("curl_url_get"))(u, p, s, f);
}
void curl_url_cleanup(CURLU *u) { REAL(curl_url_cleanup)(u); }
void curl_free(void *p) { REAL(curl_free)(p); }
