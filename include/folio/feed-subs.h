/* feed-subs.h - the subscription list: a plain text file,
 * $XDG_CONFIG_HOME/folio/feeds (fallback ~/.config/folio/feeds).
 *
 * One feed a line:   URL ["Title"] [tag ...]
 *   https://news.example/rss.xml "Example News" world daily
 *   https://blog.example/atom
 * Blank lines and lines whose first non-blank character is '#' are
 * ignored.  The title is in double quotes (\" and \\ inside it); tags
 * are the blank-separated words after it (or after the URL).  A line
 * whose URL is not http or https, or whose quote is not closed, gives
 * one warning "NAME:LINE: cause" and is skipped.  A URL listed twice
 * counts once (the first line wins). */
#ifndef FOLIO_FEED_SUBS_H
#define FOLIO_FEED_SUBS_H

#include <stddef.h>
#include <stdio.h>

#define FEEDS_ERR_MAX 512
/* The file's most bytes and feeds: past them it is no list of feeds
 * (the bytes), or the rest is skipped with a warning (the feeds). */
#define FEED_SUBS_FILE_MAX (4 << 20)
#define FEED_SUBS_MAX 10000
/* feed_subs_load's answer for a file that cannot be read */
#define FEED_SUBS_UNREADABLE (-2)

struct feed_sub {
	char *url;
	char *title;     /* NULL when the line gave none */
	char **tags;
	size_t ntags;
};

struct feed_subs {
	struct feed_sub *v;
	size_t n;
};

void feed_subs_free(struct feed_subs *s);   /* frees the entries; s itself stays */

/* Add the lines in text[0..len) to s.  Warnings go to warn (may be
 * NULL) as "folio: NAME:LINE: cause\n", the first few bad lines one
 * by one and then "folio: NAME: N more bad lines skipped\n".  Returns
 * the number of bad lines, -1 on OOM. */
int feed_subs_parse(struct feed_subs *s, const char *text, size_t len,
		const char *name, FILE *warn);

/* "$XDG_CONFIG_HOME/folio/feeds" or "$HOME/.config/folio/feeds";
 * malloc'd, NULL when neither is usable. */
char *feed_subs_default_path(void);

/* Read the file at path into s; a missing file is an empty list (0).
 * Returns the number of bad lines, -1 on OOM, FEED_SUBS_UNREADABLE
 * with errno set when the file cannot be read (feed_subs_cause). */
int feed_subs_load(struct feed_subs *s, const char *path, FILE *warn);

/* Why the file could not be read (err: feed_subs_load's errno) into
 * out: "too large (over N bytes)" or strerror's text. */
void feed_subs_cause(int err, char *out, size_t size);

/* The entry for url, or NULL. */
const struct feed_sub *feed_subs_find(const struct feed_subs *s, const char *url);

/* One line of the file (no newline) for url, title (may be NULL) and
 * tags; malloc'd, NULL on OOM. */
char *feed_subs_format_line(const char *url, const char *title,
			const char *const *tags, size_t ntags);

/* Subscribe: append url's line to the file at path, creating the file
 * and its directory (mode 0700) when needed.  Returns 1 added, 0 when
 * the URL was already listed, -1 with err set ("PATH: cause") on
 * failure (also for a URL that is not http or https). */
int feed_subs_append(const char *path, const char *url, const char *title,
		 char err[FEEDS_ERR_MAX]);

#endif
