/* fetch_curl.h - libcurl, loaded when it is first needed.
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

/* The functions folio uses, without their "curl_" prefix.  One list
 * makes both the table (each member typed after curl.h's own
 * declaration) and the dlsym() calls. */
#define FETCH_CURL_FUNCS(X) \
	X(global_init) X(global_cleanup) \
	X(easy_init) X(easy_setopt) X(easy_getinfo) X(easy_perform) \
	X(easy_cleanup) \
	X(multi_init) X(multi_add_handle) X(multi_remove_handle) \
	X(multi_perform) X(multi_poll) X(multi_info_read) X(multi_cleanup) \
	X(slist_append) X(slist_free_all) \
	X(url) X(url_set) X(url_get) X(url_cleanup) X(free) \
	X(easy_strerror) X(version_info)

struct fetch_curl {
#define FETCH_CURL_MEMBER(f) __typeof__(curl_##f) *f;
	FETCH_CURL_FUNCS(FETCH_CURL_MEMBER)
#undef FETCH_CURL_MEMBER
};

/* The table, loading the library on the first call (once, also when
 * called from several threads at a time).  NULL when it cannot be
 * loaded or lacks a function; fetch_curl_error() then says why, in the
 * dynamic loader's words ("libcurl.so.4: cannot open shared object
 * file: No such file or directory").  The library stays loaded until
 * the process exits. */
const struct fetch_curl *fetch_curl(void);
const char *fetch_curl_error(void);

#endif
