/* util-dl.h - a shared library loaded at its first use, its functions
 * in a typed table.
 *
 * folio links at start-up only what every run needs.  A library that
 * only some pages need (libcurl for a URL; libchafa and the image
 * decoders for a lead picture; libuchardet for an undeclared legacy
 * page; libidn2 for a host that is not ASCII) is dlopen()ed the first
 * time it is asked for: each of them, with what it pulls in (glib,
 * pcre2, TLS, ...), cost every run's start-up time and memory.
 *
 * A module lists the functions it uses once, as X(prefix, name) pairs,
 * and makes of that list both its table (each member typed after the
 * library header's own declaration, named without the prefix, so a
 * function-like macro of the header never captures a call) and the
 * symbols to resolve:
 *
 *     #define JPEG_FUNCS(X) X(jpeg_, std_error) X(jpeg_, read_header)
 *     static struct { JPEG_FUNCS(DL_MEMBER) } jpeg;
 *     #define JPEG_SYM(p, f) DL_SYM(jpeg, p, f)
 *     static const struct dl_sym jpeg_syms[] = { JPEG_FUNCS(JPEG_SYM) };
 *     static struct dl_lib jpeg_lib = DL_LIB("libjpeg", "libjpeg.so.62",
 *                                            "FOLIO_LIBJPEG", jpeg_syms);
 *     ... if (dl_load(&jpeg_lib)) jpeg.read_header(...);
 *
 * Packagers: these are run-time dependencies that ldd does not show. */
#ifndef FOLIO_UTIL_DL_H
#define FOLIO_UTIL_DL_H

#include <stdbool.h>
#include <stddef.h>

/* One function: its symbol and the table member that receives it. */
struct dl_sym {
	const char *name;
	void *slot;             /* the address of a function pointer */
};

struct dl_lib {
	const char *what;       /* "libjpeg", for messages */
	const char *soname;     /* what is loaded: "libjpeg.so.62" */
	const char *env;        /* a variable naming another library to
				 * load instead (a path or a name; ignored
				 * in setuid programs), or NULL */
	const struct dl_sym *syms;
	size_t nsyms;
	/* dl_load's own, under its lock */
	int state;              /* 0 not tried, 1 loaded, -1 failed */
	char why[512];
};

#define DL_MEMBER(prefix, name) __typeof__(prefix##name) *name;
#define DL_SYM(table, prefix, name) { #prefix #name, &(table).name },
#define DL_LIB(what, soname, env, syms) \
	{ what, soname, env, syms, sizeof syms / sizeof *syms, 0, "" }

/* Loads the library and resolves every symbol of its table the first
 * time (once, also when threads ask at the same time); true when all
 * were found.  The loader's RTLD_NOW makes a library that lacks
 * something fail here, not in the middle of its use.  A loaded library
 * stays until the process ends (libcurl's TLS libraries and glib keep
 * state and exit handlers of their own); one that fails is closed and
 * not tried again. */
bool dl_load(struct dl_lib *lib);

/* Why dl_load failed, one line: "cannot load libjpeg (libjpeg.so.62:
 * cannot open shared object file: No such file or directory)". */
const char *dl_error(const struct dl_lib *lib);

#endif
