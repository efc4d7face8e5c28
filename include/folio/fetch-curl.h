/* fetch-curl.h - libcurl, loaded when it is first needed.
 *
 * folio is not linked with libcurl: libcurl and the libraries it pulls
 * in (TLS, Kerberos, LDAP, SSH, ...) tripled the start-up time of every
 * run, and only fetching a URL needs them.  fetch_curl() dlopen()s the
 * library on its first call and gives its functions as a table of
 * pointers: curl->easy_init() for curl_easy_init().  Types and
 * constants still come from <curl/curl.h>.
 *
 * The library is $FOLIO_LIBCURL when set (a path or a library name;
 * ignored in setuid programs), else the soname of the libcurl folio was
 * built against (FOLIO_LIBCURL_SONAME, from the Makefile).  Packagers:
 * libcurl is a run-time dependency that ldd does not show. */
#ifndef FOLIO_FETCH_CURL_H
#define FOLIO_FETCH_CURL_H

#include <curl/curl.h>

#include "folio/util-dl.h"

/* The functions folio uses, as (prefix, name) pairs (util-dl.h).  One
 * list makes both the table (each member typed after curl.h's own
 * declaration, named without "curl_") and the symbols to resolve. */
#define FETCH_CURL_FUNCS(X) \
	X(curl_, global_init) X(curl_, global_cleanup) \
	X(curl_, easy_init) X(curl_, easy_setopt) X(curl_, easy_getinfo) \
	X(curl_, easy_perform) X(curl_, easy_cleanup) \
	X(curl_, multi_init) X(curl_, multi_add_handle) \
	X(curl_, multi_remove_handle) X(curl_, multi_perform) \
	X(curl_, multi_poll) X(curl_, multi_info_read) X(curl_, multi_cleanup) \
	X(curl_, slist_append) X(curl_, slist_free_all) \
	X(curl_, url) X(curl_, url_set) X(curl_, url_get) X(curl_, url_cleanup) \
	X(curl_, free) X(curl_, easy_strerror) X(curl_, version_info)

struct fetch_curl {
	FETCH_CURL_FUNCS(DL_MEMBER)
};

/* The table, loading the library on the first call (once, also when
 * called from several threads at a time).  NULL when it cannot be
 * loaded or lacks a function; fetch_curl_error() then says why, in the
 * dynamic loader's words ("cannot load libcurl (libcurl.so.4: cannot
 * open shared object file: No such file or directory)").  The library
 * stays loaded until the process exits. */
const struct fetch_curl *fetch_curl(void);
const char *fetch_curl_error(void);

#endif
