/* feed-cli.h - feeds on the command line and in the pager: the glue
 * between fetching (open/fetch-cache), feed parsing (feed-parse.h), the
 * store (feed-store.h) and the subscription file (feed-subs.h).
 *
 *   folio FEED_URL     open_page hands the fetched feed to
 *                      feed_cli_on_feed: its story list
 *   folio              feed_cli_open_all: every subscribed story
 *   folio --refresh    feed_cli_refresh: fetch every feed at once
 *   a in the pager     feed_cli_subscribe
 *   r on that list     feed_cli_reload_all: the feeds fetched anew
 *   F in the pager     feed_cli_feeds: each feed's counts and last error
 *   folio --subscribe  feed_cli_subscribe_command
 * A story opened is marked read by store-reading.h (reading_opened,
 * reading_shown), like any page. */
#ifndef FOLIO_FEED_CLI_H
#define FOLIO_FEED_CLI_H

#include <stdio.h>
#include "folio/article.h"
#include "folio/fetch.h"
#include "folio/open.h"
#include "folio/status.h"

/* What reloading the all-feeds list opens. */
#define FEEDCLI_ALL "folio:feeds"
/* What the feeds view opens (feed_cli_feeds). */
#define FEEDCLI_FEEDS "folio:feeds/each"
#define FEEDCLI_MSG_MAX 256
#define FEEDCLI_LIST_MAX 5000   /* stories in one list */

/* open_opts.on_feed: res holds a feed (fetched or read from a file):
 * its story list, with the stories kept in the store when there is
 * one. */
enum status_code feed_cli_on_feed(const char *arg, const struct fetch_result *res,
				 const struct open_opts *opts, struct article **out,
				 char err[OPEN_ERR_MAX]);

/* open_opts.on_list: a page of stories (page-kind.h) as a list like a
 * feed's, in the page's order; with a store its stories are kept under
 * arg (so opening one marks it read, and --refresh of a subscribed page
 * finds what is new). */
enum status_code feed_cli_on_list(const char *arg, const struct feed *list,
				 const struct open_opts *opts, struct article **out,
				 char err[OPEN_ERR_MAX]);

/* Every subscribed feed's stories, newest first.  With a store the
 * stored stories are shown (the feeds are refreshed first when none is
 * stored yet); without one every feed is fetched now.  STATUS_USAGE
 * with a hint when nothing is subscribed.  When feeds failed at their
 * last fetch the article's notice says how many. */
enum status_code feed_cli_open_all(const struct open_opts *opts, int jobs,
				  struct article **out, char err[OPEN_ERR_MAX]);

/* The feeds view (the pager's F): one row per subscribed feed, in the
 * file's order: its name (and "failed: CAUSE" when its last fetch
 * failed), "UNREAD/STORIES unread" as source, the last fetch's time (or
 * the failure's) as published, the failure's whole line as summary, read
 * when nothing is unread and nothing failed.  Read from the store (no
 * fetch); STATUS_INPUT without one. */
enum status_code feed_cli_feeds(const struct open_opts *opts, struct article **out,
				char err[OPEN_ERR_MAX]);

/* The same list with the feeds fetched first (the pager's reload of
 * FEEDCLI_ALL), quietly: curses owns the terminal. */
enum status_code feed_cli_reload_all(const struct open_opts *opts, struct article **out,
				     char err[OPEN_ERR_MAX]);

/* Fetch every subscribed feed concurrently (conditional GETs against
 * the store's validators) and store the stories.  One line per feed on
 * out (NULL: quiet): "URL: N stories, M new" or "URL: not modified";
 * failures as "folio: URL: cause" on stderr.  Returns STATUS_OK or the
 * status of the first failure. */
enum status_code feed_cli_refresh(const struct open_opts *opts, int jobs, FILE *out);

/* The pager's a: subscribe to url when it is a feed or a page of
 * stories (a front page, page-kind.h: --refresh then finds its new
 * stories as a feed's), else to the first feed the page advertises.  msg gets one line for the status bar.
 * Returns 1 subscribed, 0 nothing done (msg says why), -1 error. */
int feed_cli_subscribe(const char *url, const struct open_opts *opts,
		      char msg[FEEDCLI_MSG_MAX]);

/* folio --subscribe URL: feed_cli_subscribe, the outcome as one line
 * on out ("subscribed to URL", "already subscribed to URL": status 0)
 * or "folio: URL: cause" on stderr: the fetch's status, 4 for a page
 * that is no list and advertises no feed, 3 when the file cannot be
 * written. */
enum status_code feed_cli_subscribe_command(const char *url, const struct open_opts *opts,
					   FILE *out);

#endif
