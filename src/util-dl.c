/* util-dl.c - a library dlopen()ed at its first use (see util-dl.h). */
#include "folio/util-dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* dlsym() gives a data pointer; POSIX makes it hold a function's
 * address, which is copied into the function pointer as it is. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
	       "function pointers are not the size of data pointers");

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void failed(struct dl_lib *lib, const char *fallback)
{
	const char *e = dlerror();
	snprintf(lib->why, sizeof lib->why, "cannot load %s (%s)", lib->what,
		 e ? e : fallback);
	lib->state = -1;
}

static void open_lib(struct dl_lib *lib)
{
	const char *name = lib->env ? secure_getenv(lib->env) : NULL;
	if (!name || !*name)
		name = lib->soname;
	void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		failed(lib, name);
		return;
	}
	for (size_t i = 0; i < lib->nsyms; i++) {
		void *addr = dlsym(handle, lib->syms[i].name);
		if (!addr) {
			failed(lib, lib->syms[i].name);
			dlclose(handle);   /* nothing of it was used */
			return;
		}
		memcpy(lib->syms[i].slot, &addr, sizeof addr);
	}
	lib->state = 1;
}

bool dl_load(struct dl_lib *lib)
{
	pthread_mutex_lock(&lock);
	if (lib->state == 0)
		open_lib(lib);
	bool ok = lib->state > 0;
	pthread_mutex_unlock(&lock);
	return ok;
}

const char *dl_error(const struct dl_lib *lib)
{
	return lib->state < 0 ? lib->why : "";
}
