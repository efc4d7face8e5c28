/* util-file.h - a whole file or descriptor read into memory. */
#ifndef FOLIO_UTIL_FILE_H
#define FOLIO_UTIL_FILE_H

#include <stddef.h>

/* All of fd into *data (malloc'd, NUL-terminated; the NUL is not in
 * *len).  The buffer grows geometrically, so a 50 MB page costs one
 * pass.  max: the most bytes to accept (0: no limit); past it EFBIG.
 * Returns 0, or an errno value with *data NULL. */
int file_read_fd(int fd, size_t max, char **data, size_t *len);

/* The same for the file at path; EISDIR for a directory. */
int file_read_path(const char *path, size_t max, char **data, size_t *len);

#endif
