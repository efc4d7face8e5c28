/* page-kind.h - is an HTML page one story to read, or a list of
 * stories (a front page, section, tag, blog index or search page)?
 * Decided once, in the opener, from the page's own signals; how is in
 * doc/extraction.md ("Page kinds").  An article must never be read as
 * a list: every doubt decides for the article. */
#ifndef FOLIO_PAGE_KIND_H
#define FOLIO_PAGE_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include "folio/article.h"
#include "folio/extract.h"
#include "folio/feed-parse.h"
#include "folio/page-stories.h"
#include "folio/status.h"

#define PAGE_KIND_MIN_STORIES 5

/* What the decision saw (for doc/extraction.md's table and the tests). */
struct page_signals {
	const char *why;        /* static: what decided it */
	bool og_single;         /* og:type names one thing: article, video, ... */
	bool og_website;        /* og:type website (decides nothing) */
	bool single_template;   /* <body class="single postid-1">, "article-page" */
	bool ld_article;        /* JSON-LD *Article / *Posting / Report */
	bool ld_list;           /* JSON-LD CollectionPage / ItemList / SearchResultsPage / Blog */
	bool md_article;        /* microdata: itemprop=articleBody or an *Article itemtype */
	size_t stories, grouped, card_letters, prose_letters, text_letters,
	       link_letters, long_teasers;
	bool headline;          /* an h1 that reads as a headline, no link */
	size_t prose_after_headline;
};

/* Does the page say it is one article (rule 1: og:type, microdata, the
 * body's template class, JSON-LD)?  sig gets those signals.  The opener
 * asks this first and looks for story cards only when it says no. */
bool page_kind_declared(xmlDocPtr doc, struct page_signals *sig);

/* The decision, from the page's metadata and its stories (as
 * page_stories_find found them).  sig (may be NULL) gets the signals. */
enum page_kind page_kind_decide(xmlDocPtr doc, const struct page_stories *s,
				struct page_signals *sig);

/* The opener's step: parse, classify, then either extract the article
 * (*article) or list the stories (*list, a struct feed: title, link =
 * the page, one item per story with title, link, summary, date,
 * section).  Exactly one of them is set on STATUS_OK; on
 * STATUS_NO_ARTICLE *why says what was wrong. */
enum status_code page_kind_read(const struct extract_input *in, struct article **article,
				struct feed **list, const char **why);

/* Only the list: the stories when the page is a list of them, NULL
 * when it is an article (nothing is extracted then) or unreadable.
 * For subscriptions: --refresh and the a key. */
struct feed *page_kind_list(const struct extract_input *in);

#endif
