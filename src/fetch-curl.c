/* fetch-curl.c - dlopen() libcurl on first use (see fetch_curl.h). */
#include "folio/fetch-curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef FOLIO_LIBCURL_SONAME
#define FOLIO_LIBCURL_SONAME "libcurl.so.4"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct fetch_curl table;
static const struct fetch_curl *loaded;    /* &table once it is complete */
static char why[512] = "libcurl not loaded yet";

static void failed(const char *what)
{
	const char *e = dlerror();
	snprintf(why, sizeof why, "%s", e ? e : what);
}

/* Never dlclose()d once loaded: libcurl's TLS, GSSAPI and LDAP
 * libraries keep global state and register exit handlers of their own
 * (OpenSSL pins itself in memory for that reason), and what they still
 * hold at exit would turn from reachable into leaked for valgrind and
 * LeakSanitizer if their data were unmapped.  fetch.c runs
 * curl_global_cleanup() at exit; the process then ends. */
static void load(void)
{
	const char *name = secure_getenv("FOLIO_LIBCURL");
	void *lib;

	if (!name || !*name)
		name = FOLIO_LIBCURL_SONAME;
	/* RTLD_NOW: a library that lacks something fails here, with the
	 * loader's message, not in the middle of a transfer. */
	lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		failed("cannot open the library");
		return;
	}
#define FETCH_CURL_LOAD(f)                                                 \
	if (!(table.f = (__typeof__(table.f))dlsym(lib, "curl_" #f))) {  \
		failed("curl_" #f " not found");                         \
		dlclose(lib);  /* nothing of it was used */              \
		return;                                                  \
	}
	FETCH_CURL_FUNCS(FETCH_CURL_LOAD)
#undef FETCH_CURL_LOAD
	loaded = &table;
}

const struct fetch_curl *fetch_curl(void)
{
	pthread_once(&once, load);
	return loaded;
}

const char *fetch_curl_error(void)
{
	return why;
}
