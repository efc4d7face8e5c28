/* image-query.c - the terminal's own answer about pictures (see
 * image-query.h). */
#include "folio/image-query.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "folio/image-detect.h"

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Read answers until they say something or the time is up. */
static int read_answers(int fd, int timeout_ms)
{
	char buf[512];
	size_t len = 0;
	long deadline = now_ms() + timeout_ms;
	int mode = -1;
	while (mode < 0 && len < sizeof buf) {
		long left = deadline - now_ms();
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		ssize_t k = read(fd, buf + len, sizeof buf - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		len += (size_t)k;
		mode = image_detect_replies(buf, len);
	}
	return mode;
}

int image_query_fd(int fd, int timeout_ms)
{
	struct termios old, raw;
	if (tcgetattr(fd, &old) != 0)
		return -1;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) != 0)
		return -1;
	int mode = -1;
	if (write_all(fd, image_query, strlen(image_query)) == 0)
		mode = read_answers(fd, timeout_ms);
	tcsetattr(fd, TCSANOW, &old);
	return mode;
}

int image_query_terminal(int timeout_ms)
{
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int mode = image_query_fd(fd, timeout_ms);
	close(fd);
	return mode;
}
