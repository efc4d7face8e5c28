/* image-chafa.c - libchafa loaded on first use (see image-chafa.h). */
#include "folio/image-chafa.h"

#ifndef FOLIO_LIBCHAFA_SONAME
#define FOLIO_LIBCHAFA_SONAME "libchafa.so.0"
#endif

static struct image_chafa table;

#define IMAGE_CHAFA_SYM(prefix, f) DL_SYM(table, prefix, f)
static const struct dl_sym syms[] = { IMAGE_CHAFA_FUNCS(IMAGE_CHAFA_SYM) };
#undef IMAGE_CHAFA_SYM

static struct dl_lib lib = DL_LIB("libchafa", FOLIO_LIBCHAFA_SONAME,
				  "FOLIO_LIBCHAFA", syms);

const struct image_chafa *image_chafa(void)
{
	return dl_load(&lib) ? &table : NULL;
}

const char *image_chafa_error(void)
{
	return dl_error(&lib);
}
