/* source.c - a user's argument (URL, file, "-") -> struct article. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/extract.h"
#include "folio/source.h"

struct bytes {
	char *data;
	size_t len;
};

/* Read all of fd; grows geometrically so a 50 MB page costs one pass. */
static int read_all(int fd, struct bytes *out)
{
	size_t cap = 64 * 1024, len = 0;
	char *data = malloc(cap);

	if (!data)
		return ENOMEM;
	for (;;) {
		if (len == cap) {
			char *grown = realloc(data, cap * 2);
			if (!grown) {
				free(data);
				return ENOMEM;
			}
			data = grown;
			cap *= 2;
		}
		ssize_t n = read(fd, data + len, cap - len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int err = errno;
			free(data);
			return err;
		}
		len += (size_t)n;
	}
	out->data = data;
	out->len = len;
	return 0;
}

static enum status_code read_source(const char *arg, struct bytes *out,
				    char err[SOURCE_ERR_MAX])
{
	const char *shown = strcmp(arg, "-") == 0 ? "<stdin>" : arg;
	int fd = strcmp(arg, "-") == 0 ? STDIN_FILENO : open(arg, O_RDONLY);
	struct stat st;
	int rc;

	if (fd < 0) {
		snprintf(err, SOURCE_ERR_MAX, "%s: %s", shown, strerror(errno));
		return STATUS_INPUT;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		rc = EISDIR;
	else
		rc = read_all(fd, out);
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc) {
		snprintf(err, SOURCE_ERR_MAX, "%s: %s", shown, strerror(rc));
		return STATUS_INPUT;
	}
	return STATUS_OK;
}

bool source_is_url(const char *arg)
{
	/* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (RFC 3986);
	 * a one-letter scheme is more likely a Windows drive than a URL. */
	size_t i = 0;
	if (!isalpha((unsigned char)arg[0]))
		return false;
	while (isalnum((unsigned char)arg[i]) || arg[i] == '+' || arg[i] == '-' || arg[i] == '.')
		i++;
	return i > 1 && arg[i] == ':';
}

static enum status_code open_local(const char *arg, const struct source_opts *opts,
				   struct article **out, char err[SOURCE_ERR_MAX])
{
	struct bytes page = { 0 };
	enum status_code rc = read_source(arg, &page, err);
	if (rc != STATUS_OK)
		return rc;

	const char *why = NULL;
	struct extract_input in = {
		.bytes = page.data, .len = page.len,
		.base_url = opts ? opts->base_url : NULL,
	};
	rc = extract_article(&in, out, &why);
	free(page.data);
	if (rc != STATUS_OK)
		snprintf(err, SOURCE_ERR_MAX, "%s: %s",
			 strcmp(arg, "-") == 0 ? "<stdin>" : arg,
			 why ? why : status_name(rc));
	return rc;
}

enum status_code source_open(const char *arg, const struct source_opts *opts,
			     struct article **out, char err[SOURCE_ERR_MAX])
{
	*out = NULL;
	err[0] = '\0';
	if (source_is_url(arg)) {
		snprintf(err, SOURCE_ERR_MAX, "%s: fetching URLs is not built yet", arg);
		return STATUS_NETWORK;
	}
	return open_local(arg, opts, out, err);
}
