/* fetch-curl.c - libcurl loaded on first use (see fetch-curl.h). */
#include "folio/fetch-curl.h"

#include "folio/util-dl.h"

#ifndef FOLIO_LIBCURL_SONAME
#define FOLIO_LIBCURL_SONAME "libcurl.so.4"
#endif

static struct fetch_curl table;

#define FETCH_CURL_SYM(prefix, f) DL_SYM(table, prefix, f)
static const struct dl_sym syms[] = { FETCH_CURL_FUNCS(FETCH_CURL_SYM) };
#undef FETCH_CURL_SYM

/* fetch.c runs curl_global_cleanup() at exit; the library itself stays
 * (util-dl.h says why). */
static struct dl_lib lib = DL_LIB("libcurl", FOLIO_LIBCURL_SONAME,
				  "FOLIO_LIBCURL", syms);

const struct fetch_curl *fetch_curl(void)
{
	return dl_load(&lib) ? &table : NULL;
}

const char *fetch_curl_error(void)
{
	return dl_error(&lib);
}
