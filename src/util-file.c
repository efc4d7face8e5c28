/* util-file.c - whole files into memory (pages, the subscription file, a
 * page being saved). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/util-buf.h"
#include "folio/util-file.h"

/* Read in steps of at least this much. */
#define READ_STEP ((size_t)64 << 10)

int file_read_fd(int fd, size_t max, char **data, size_t *len)
{
	struct buf b = { 0 };

	*data = NULL;
	*len = 0;
	for (;;) {
		/* the buffer doubles as it fills, so a large file costs
		 * one pass */
		if (b.cap - b.len <= READ_STEP && !buf_reserve(&b, READ_STEP)) {
			buf_free(&b);
			return ENOMEM;
		}
		ssize_t got = read(fd, b.data + b.len, b.cap - 1 - b.len);
		if (got == 0)
			break;
		if (got < 0) {
			int err = errno;
			if (err == EINTR)
				continue;
			buf_free(&b);
			return err;
		}
		b.len += (size_t)got;
		if (max && b.len > max) {
			buf_free(&b);
			return EFBIG;
		}
	}
	b.data[b.len] = '\0';
	*len = b.len;
	*data = buf_take(&b);
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
