/* page-stories.h - the story "cards" of an HTML page: the headline
 * links of a front page, section page, tag page or search page, each
 * with its box (the card), teaser, time and section label.
 *
 * Pure: a parsed tree in, a list out; nothing is fetched.  The same
 * walk measures what page-kind.c weighs against the cards: the prose
 * outside them (an article's body) and the share of text in links. */
#ifndef FOLIO_PAGE_STORIES_H
#define FOLIO_PAGE_STORIES_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

struct page_story {
	xmlNodePtr card;        /* the box holding this story's links alone */
	char *url;              /* absolute, without #fragment */
	char *title;            /* the heading's text, else the link's */
	char *summary;          /* teaser, or NULL */
	char *published;        /* <time datetime> (or its text), or NULL */
	char *section;          /* kicker / section label, or NULL */
	bool heading;           /* the title sits in (or holds) h1..h6 */
	size_t siblings;        /* cards under the same parent, this one included */
};

struct page_stories {
	struct page_story *v;   /* in page order, one per URL */
	size_t n;
	size_t grouped;         /* stories whose parent holds >= 3 cards */
	size_t card_letters;    /* letters of the titles and teasers */
	size_t prose_letters;   /* letters of text blocks outside the cards */
	size_t text_letters;    /* letters of all text outside boilerplate */
	size_t link_letters;    /* ... of which inside links */
	size_t long_teasers;    /* teasers longer than a teaser gets */
	bool headline;          /* an h1 of 4+ words, no link, outside the cards */
	size_t prose_after_headline;   /* prose letters after it */
};

/* Find the stories of the page (base: the URL links resolve against;
 * may be NULL, then relative links are skipped).  Navigation, header,
 * footer, forms, cookie / newsletter / login / ad boxes and hidden
 * elements are left out, and so are links that are no headline ("Read
 * more", "Log in", a section name).  Returns 0, -1 on OOM (out is then
 * empty). */
int page_stories_find(xmlDocPtr doc, const char *base, struct page_stories *out);

void page_stories_free(struct page_stories *s);

#endif
