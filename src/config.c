/* config.c - the "key = value" settings file. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "folio/config.h"
#include "folio/ui-keys.h"
#include "folio/image-detect.h"
#include "folio/util-xdg.h"

/* One line of the file, as pointers into the text (not terminated). */
struct span {
	const char *p;
	size_t n;
};

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

static struct span trim(struct span s)
{
	while (s.n && is_blank(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n && is_blank(s.p[s.n - 1]))
		s.n--;
	return s;
}

static bool span_is(struct span s, const char *word)
{
	return strlen(word) == s.n && memcmp(s.p, word, s.n) == 0;
}

/* Warnings quote the file's text: show it printable and short, since
 * a config file may hold anything and stderr is often a terminal. */
static void quote(FILE *out, struct span s)
{
	size_t max = 40;
	fputc('\'', out);
	for (size_t i = 0; i < s.n && i < max; i++) {
		unsigned char ch = (unsigned char)s.p[i];
		fputc(ch >= 0x20 && ch < 0x7f ? ch : '?', out);
	}
	fputs(s.n > max ? "...'" : "'", out);
}

static void warn_line(FILE *out, const char *name, size_t line,
		      const char *what, struct span s, const char *hint)
{
	if (!out)
		return;
	fprintf(out, "folio: %s:%zu: %s ", name, line, what);
	quote(out, s);
	if (hint)
		fprintf(out, " (%s)", hint);
	fputc('\n', out);
}

static bool parse_long(struct span v, long lo, long hi, long *out)
{
	char buf[32];
	char *end;

	/* A NUL would end the copy early and pass "7\0junk" as 7. */
	if (v.n == 0 || v.n >= sizeof buf || memchr(v.p, '\0', v.n))
		return false;
	memcpy(buf, v.p, v.n);
	buf[v.n] = '\0';
	errno = 0;
	long n = strtol(buf, &end, 10);
	if (errno || *end || end == buf || buf[0] == '+' || n < lo || n > hi)
		return false;
	*out = n;
	return true;
}

static bool parse_switch(struct span v, int *out)
{
	static const char *const on[] = { "on", "yes", "true", "1" };
	static const char *const off[] = { "off", "no", "false", "0" };
	for (size_t i = 0; i < sizeof on / sizeof on[0]; i++) {
		if (span_is(v, on[i]))
			return *out = 1, true;
		if (span_is(v, off[i]))
			return *out = 0, true;
	}
	return false;
}

static bool printable_ascii(struct span v)
{
	for (size_t i = 0; i < v.n; i++)
		if ((unsigned char)v.p[i] < 0x20 || (unsigned char)v.p[i] >= 0x7f)
			return false;
	return v.n > 0;
}

enum set_result { SET_OK, SET_BAD, SET_NOMEM };

/* Store one value; the hint for a bad one names what is allowed. */
static enum set_result set_key(struct config *c, struct span key,
			       struct span v, const char **hint)
{
	long n;
	if (span_is(key, "width")) {
		*hint = "a number of columns, 1..1000";
		if (!parse_long(v, 1, 1000, &n))
			return SET_BAD;
		c->width = (int)n;
	} else if (span_is(key, "color") || span_is(key, "mouse")) {
		*hint = "on or off";
		if (!parse_switch(v, span_is(key, "color") ? &c->color : &c->mouse))
			return SET_BAD;
	} else if (span_is(key, "cache_size")) {
		*hint = "megabytes, 0..1000000";
		if (!parse_long(v, 0, 1000000, &n))
			return SET_BAD;
		c->cache_mb = n;
	} else if (span_is(key, "timeout")) {
		*hint = "seconds, 1..3600";
		if (!parse_long(v, 1, 3600, &n))
			return SET_BAD;
		c->timeout_s = n;
	} else if (span_is(key, "bind")) {
		int k;
		enum ui_action act;
		if (ui_keymap_parse_bind(v.p, v.n, &k, &act, hint) != 0)
			return SET_BAD;
		if (ui_keymap_bind(&c->keys, k, act) != 0) {
			*hint = "too many keys bound";
			return SET_BAD;
		}
	} else if (span_is(key, "images")) {
		*hint = "auto, symbols, sixel, kitty, iterm or none";
		if (v.n >= sizeof c->images)
			return SET_BAD;
		char name[sizeof c->images];
		memcpy(name, v.p, v.n);
		name[v.n] = '\0';
		if (!image_setting_valid(name) || !v.n)
			return SET_BAD;
		memcpy(c->images, name, v.n + 1);
	} else {
		*hint = "printable ASCII text";
		if (!printable_ascii(v))
			return SET_BAD;
		char *ua = strndup(v.p, v.n);
		if (!ua)
			return SET_NOMEM;
		free(c->user_agent);
		c->user_agent = ua;
	}
	return SET_OK;
}

static bool known_key(struct span key)
{
	static const char *const keys[] = {
		"width", "color", "mouse", "cache_size", "timeout", "user_agent",
		"images", "bind",
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (span_is(key, keys[i]))
			return true;
	return false;
}

/* One line: 0 applied or ignorable, 1 warned, -1 out of memory. */
static int parse_line(struct config *c, struct span line, const char *name,
		      size_t lineno, FILE *warn)
{
	line = trim(line);
	if (line.n == 0 || line.p[0] == '#')
		return 0;
	const char *eq = memchr(line.p, '=', line.n);
	if (!eq) {
		warn_line(warn, name, lineno, "expected 'key = value', got", line, NULL);
		return 1;
	}
	struct span key = trim((struct span){ line.p, (size_t)(eq - line.p) });
	struct span val = trim((struct span){ eq + 1, line.n - (size_t)(eq - line.p) - 1 });
	if (!known_key(key)) {
		warn_line(warn, name, lineno, "unknown key", key,
			  "width, color, mouse, cache_size, timeout, user_agent, images, bind");
		return 1;
	}
	const char *hint = NULL;
	switch (set_key(c, key, val, &hint)) {
	case SET_OK:
		return 0;
	case SET_NOMEM:
		return -1;
	default:
		break;
	}
	char what[64];
	snprintf(what, sizeof what, "%.*s: bad value", (int)key.n, key.p);
	warn_line(warn, name, lineno, what, val, hint);
	return 1;
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->color = -1;
	c->mouse = -1;
	c->cache_mb = -1;
	ui_keymap_default(&c->keys);
}

void config_free(struct config *c)
{
	free(c->user_agent);
	c->user_agent = NULL;
}

int config_parse(struct config *c, const char *text, size_t len,
		 const char *name, FILE *warn)
{
	size_t lineno = 0, pos = 0;
	int warnings = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		struct span line = { text + pos, end - pos };
		int rc = parse_line(c, line, name, ++lineno, warn);
		if (rc < 0)
			return -1;
		warnings += rc;
		pos = end + 1;
	}
	return warnings;
}

char *config_default_path(void)
{
	return xdg_path(XDG_CONFIG, "config");
}

int config_load(struct config *c, const char *path, FILE *warn)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		if (warn)
			fprintf(warn, "folio: %s: %s\n", path, strerror(errno));
		return 1;
	}
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	char buf[4096];
	size_t got, total = 0;
	int rc;

	/* A settings file is small; 1 MB is more than any real one. */
	while (mem && total < (1u << 20) && (got = fread(buf, 1, sizeof buf, f)) > 0) {
		fwrite(buf, 1, got, mem);
		total += got;
	}
	int failed = ferror(f);
	fclose(f);
	if (!mem || fclose(mem) != 0 || failed) {
		if (warn)
			fprintf(warn, "folio: %s: cannot read the file\n", path);
		free(text);
		return 1;
	}
	rc = config_parse(c, text, len, path, warn);
	free(text);
	return rc < 0 ? 1 : rc;
}
