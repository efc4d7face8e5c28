/* page-kind.c - article or list of stories (see page-kind.h and
 * doc/extraction.md, "Page kinds"). */
#include <stdlib.h>
#include <string.h>

#include "folio/dom.h"
#include "folio/date.h"
#include "folio/dom-hint.h"
#include "folio/meta-jsonld.h"
#include "folio/page-kind.h"
#include "folio/text.h"
#include "folio/util-ascii.h"

/* ---- what the page says it is -------------------------------------- */

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && memcmp(s + n - k, tail, k) == 0;
}

/* schema.org microdata: an article's type, or its body. */
static bool microdata_article(xmlNodePtr n)
{
	const char *type = dom_attr_raw(n, "itemtype");
	const char *prop = dom_attr_raw(n, "itemprop");

	if (prop && ascii_casestr(prop, "articleBody"))
		return true;
	if (!type)
		return false;
	return ends_with(type, "Article") || strstr(type, "Posting") ||
	       ends_with(type, "/Report");
}

static void og_type(xmlNodePtr n, struct page_signals *sig)
{
	const char *prop = dom_attr_raw(n, "property");
	const char *content;

	if (!prop || strcmp(prop, "og:type") != 0 || !(content = dom_attr_raw(n, "content")))
		return;
	while (*content == ' ')
		content++;
	/* Anything but "website" is one thing: "article", "video.movie",
	 * "profile", "book" (many sites say "website" everywhere, so that
	 * decides nothing). */
	if (*content && ascii_casestr(content, "website") != content)
		sig->og_single = true;
	else if (*content)
		sig->og_website = true;
}

/* The CMS names the page's template in the class of <body> (or
 * <html>): WordPress "single single-post postid-12", Drupal
 * "node-type-article", many "article-page" or "story".  One post, one
 * article. */
static const char *const single_tokens[] = { "single", "article", "story", NULL };
static const char *const single_prefixes[] = { "postid", NULL };

static bool single_template(xmlNodePtr root)
{
	xmlNodePtr body = dom_find(root, "body");
	return hint_token_exact(root, single_tokens) || hint_token(root, single_prefixes) ||
	       (body && (hint_token_exact(body, single_tokens) ||
			 hint_token(body, single_prefixes)));
}

/* The page's own word, cheapest first: meta and microdata in one
 * walk, the body's class, and JSON-LD only when those said nothing. */
static bool declared(xmlDocPtr doc, struct page_signals *sig)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct jsonld_meta ld = { 0 };

	for (xmlNodePtr n = root; n; n = dom_next(n, root, false)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (dom_is(n, "meta"))
			og_type(n, sig);
		else if (!sig->md_article && microdata_article(n))
			sig->md_article = true;
	}
	sig->single_template = single_template(root);
	if (sig->og_single || sig->md_article || sig->single_template)
		return true;
	if (jsonld_collect(doc, &ld) == 0) {
		sig->ld_article = ld.found;
		sig->ld_list = ld.list_page;
	}
	jsonld_meta_free(&ld);
	return sig->ld_article;
}

/* ---- the decision ---------------------------------------------------- */

/* Letters of prose outside the cards that only an article's body has
 * (a front page's own text is a cookie notice, a newsletter pitch, a
 * section's one-line intro). */
#define PROSE_MAX 1500
/* Prose after an h1 that reads as a headline: an article, however short. */
#define HEADLINE_PROSE 100

/* Rules 2-7 of doc/extraction.md's table, on the stories, once the
 * page has not declared itself an article. */
static enum page_kind decide_by_stories(const struct page_stories *s,
					struct page_signals *sig)
{
	sig->stories = s->n;
	sig->grouped = s->grouped;
	sig->card_letters = s->card_letters;
	sig->prose_letters = s->prose_letters;
	sig->text_letters = s->text_letters;
	sig->link_letters = s->link_letters;
	sig->long_teasers = s->long_teasers;
	sig->headline = s->headline;
	sig->prose_after_headline = s->prose_after_headline;
	if (s->grouped < PAGE_KIND_MIN_STORIES) {
		sig->why = "too few story cards";
		return PAGE_ARTICLE;
	}
	if (s->headline && s->prose_after_headline >= HEADLINE_PROSE) {
		sig->why = "a headline followed by prose";
		return PAGE_ARTICLE;
	}
	if (s->long_teasers * 4 > s->n) {
		sig->why = "the cards hold whole stories, not teasers";
		return PAGE_ARTICLE;
	}
	if (s->prose_letters > PROSE_MAX || s->prose_letters > s->card_letters) {
		sig->why = "prose outside the cards: an article's body";
		return PAGE_ARTICLE;
	}
	if (!sig->ld_list && s->card_letters * 2 < s->text_letters) {
		sig->why = "the cards hold less than half of the text";
		return PAGE_ARTICLE;
	}
	sig->why = sig->ld_list ? "story cards, and the page says it is a list"
				: "story cards hold most of the text";
	return PAGE_LIST;
}

bool page_kind_declared(xmlDocPtr doc, struct page_signals *sig)
{
	*sig = (struct page_signals){ 0 };
	if (!declared(doc, sig))
		return false;
	sig->why = "the page calls itself one article";
	return true;
}

enum page_kind page_kind_decide(xmlDocPtr doc, const struct page_stories *s,
				struct page_signals *sig)
{
	struct page_signals local;

	if (!sig)
		sig = &local;
	if (page_kind_declared(doc, sig)) {
		decide_by_stories(s, sig);      /* the figures, for the record */
		sig->why = "the page calls itself one article";
		return PAGE_ARTICLE;
	}
	return decide_by_stories(s, sig);
}

/* ---- the opener's step ------------------------------------------------ */

static int item_from(struct feed_item *it, const struct page_story *st)
{
	it->title = strdup(st->title);
	it->link = strdup(st->url);
	it->id = strdup(st->url);
	if (!it->title || !it->link || !it->id)
		return -1;
	if (st->published) {
		if (!(it->date = strdup(st->published)))
			return -1;
		it->time = date_parse_epoch(st->published);
	}
	if (st->summary && !(it->summary = strndup(st->summary, FEED_SUMMARY_MAX)))
		return -1;
	if (st->section && !(it->section = strdup(st->section)))
		return -1;
	return 0;
}

/* The list's name: the page's <title> as a browser tab shows it ("World
 * | The Meridian"); a front page's title is mostly the site's name,
 * which the article rules would cut off. */
static char *list_title(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr head = root ? dom_find(root, "head") : NULL;
	xmlNodePtr title = head ? dom_find(head, "title") : NULL;
	char *t = title ? dom_text_max(title, 300) : NULL;

	if (t && !*t) {
		free(t);
		t = NULL;
	}
	return t;
}

static struct feed *list_of(xmlDocPtr doc, const char *url,
			    const struct page_stories *s)
{
	struct feed *f = calloc(1, sizeof *f);

	if (!f || !(f->items = calloc(s->n ? s->n : 1, sizeof *f->items)))
		goto oom;
	f->format = FEED_NONE;
	f->title = list_title(doc);
	if (url && !(f->link = strdup(url)))
		goto oom;
	for (size_t i = 0; i < s->n && i < FEED_MAX_ITEMS; i++) {
		f->nitems++;
		if (item_from(&f->items[i], &s->v[i]) != 0)
			goto oom;
	}
	f->truncated = s->n > FEED_MAX_ITEMS;
	return f;
oom:
	feed_free(f);
	return NULL;
}

/* The stories of a parsed page when it is a list, else NULL (also on
 * OOM: then the page is read as an article). */
static struct feed *list_if_list(xmlDocPtr doc, const char *url)
{
	struct page_signals sig;
	struct page_stories s;
	struct feed *list = NULL;
	char *base;

	/* most articles say so: no need to look for cards then */
	if (page_kind_declared(doc, &sig))
		return NULL;
	base = dom_base_url(doc, url);
	if (page_stories_find(doc, base, &s) == 0) {
		if (decide_by_stories(&s, &sig) == PAGE_LIST)
			list = list_of(doc, url, &s);
		page_stories_free(&s);
	}
	free(base);
	return list;
}

enum status_code page_kind_read(const struct extract_input *in, struct article **article,
				struct feed **list, const char **why)
{
	xmlDocPtr doc = extract_parse(in, why);
	enum status_code rc = STATUS_OK;

	*article = NULL;
	*list = NULL;
	if (!doc)
		return STATUS_NO_ARTICLE;
	*list = list_if_list(doc, in->base_url);
	if (!*list)
		rc = extract_article_doc(doc, in->base_url, article, why);
	xmlFreeDoc(doc);
	return rc;
}

struct feed *page_kind_list(const struct extract_input *in)
{
	const char *why;
	xmlDocPtr doc = extract_parse(in, &why);
	struct feed *list = doc ? list_if_list(doc, in->base_url) : NULL;

	if (doc)
		xmlFreeDoc(doc);
	return list;
}
