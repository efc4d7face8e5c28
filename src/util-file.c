/* util-file.c - whole files into memory (pages, the subscription file, a
 * page being saved). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/util-file.h"

int file_read_fd(int fd, size_t max, char **data, size_t *len)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap);

	*data = NULL;
	*len = 0;
	if (!buf)
		return ENOMEM;
	for (;;) {
		if (n + 1 == cap) {     /* one byte stays for the NUL */
			char *grown = realloc(buf, cap * 2);
			if (!grown) {
				free(buf);
				return ENOMEM;
			}
			buf = grown;
			cap *= 2;
		}
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got == 0)
			break;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int err = errno;
			free(buf);
			return err;
		}
		n += (size_t)got;
		if (max && n > max) {
			free(buf);
			return EFBIG;
		}
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int file_read_path(const char *path, size_t max, char **data, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY), rc;

	*data = NULL;
	*len = 0;
	if (fd < 0)
		return errno;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		rc = EISDIR;
	else
		rc = file_read_fd(fd, max, data, len);
	close(fd);
	return rc;
}
