/* util-file.c - whole files into memory (pages, the subscription file, a
 * page being saved). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/util-buf.h"
#include "folio/util-file.h"

/* Read in steps of at least this much. */
#define READ_STEP ((size_t)64 << 10)

int file_read_fd(int fd, size_t max, char **data, size_t *len)
{
	/* One byte past max is enough to know the input is too large: the
	 * buffer never holds more, so /dev/zero or an endless pipe costs
	 * max bytes of memory and stops there. */
	struct buf b = { .max = max && max < SIZE_MAX - 1 ? max + 1 : 0 };

	*data = NULL;
	*len = 0;
	for (;;) {
		size_t step = READ_STEP;
		if (b.max && step > b.max - b.len)
			step = b.max - b.len;
		/* the buffer doubles as it fills, so a large file costs
		 * one pass */
		if (b.cap - b.len <= step && !buf_reserve(&b, step)) {
			buf_free(&b);
			return ENOMEM;
		}
		size_t room = b.cap - 1 - b.len;
		ssize_t got = read(fd, b.data + b.len, room < step ? room : step);
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
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	*data = NULL;
	*len = 0;
	if (fd < 0)
		return errno;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		rc = EISDIR;
	else if (max && S_ISREG(st.st_mode) && (uint64_t)st.st_size > max)
		rc = EFBIG;     /* known before reading any of it */
	else
		rc = file_read_fd(fd, max, data, len);
	close(fd);
	return rc;
}
