/* page-stories.c - the story cards of a page (see page-stories.h).
 *
 * 1. Headline links: every <a href> outside boilerplate whose text reads
 *    as a headline (in or around a heading, or a long enough line of
 *    words), not a "Read more" / "Log in" / section-name link.
 * 2. Cards: a story's card is its link's highest ancestor (at most
 *    CLIMB_MAX levels up, at most CARD_TEXT_MAX bytes of text and
 *    CARD_PARAS_MAX paragraphs) that holds no other story's link.  So an image link and a headline link
 *    to the same story share a card, and a grid's cards stop where the
 *    grid begins.
 * 3. Each story once (the first card that links it), with the teaser,
 *    time and section label its card holds.
 * 4. One more walk measures the text: prose outside cards, and the
 *    share of all text that sits in links. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>

#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/page-stories.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"
#include "folio/util-url.h"

#define CLIMB_MAX 12            /* levels from a link up to its card */
#define CARD_TEXT_MAX 1500      /* bytes of text a card may hold */
#define CARD_PARAS_MAX 2        /* paragraphs a card may hold */
#define BOX_NODES_MAX 1000      /* nodes of a box looked at */
#define HEADLINE_NODES_MAX 128  /* nodes of an h1 that reads as a line */
#define TITLE_MAX 400           /* bytes of a headline */
#define TEASER_MAX 1200         /* bytes of a teaser read */
#define TEASER_LONG 400         /* letters past which a teaser is prose */
#define LABEL_MAX 40            /* bytes of a section label */
#define PROSE_BLOCK_MIN 40      /* letters of a block of prose */
#define LINKS_MAX 10000         /* headline links looked at */

/* ---- words and letters (ASCII rules: page data, not the locale) ---- */

/* Code points that are not white space (every text of a page is
 * counted: eight bytes at a time). */
static size_t letters_of(const char *s, size_t len)
{
	return text_count_chars(s, len, TEXT_SKIP_WHITE);
}

/* Mostly non-ASCII letters (CJK and the like write headlines without
 * spaces, so words say nothing). */
static bool mostly_wide(const char *s)
{
	size_t wide = 0, narrow = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0xc0)
			wide++;
		else if (c < 0x80 && !ascii_isspace(c))
			narrow++;
	}
	return wide > narrow;
}

static bool starts_with_nocase(const char *s, const char *prefix)
{
	return ascii_ncasecmp(s, prefix, strlen(prefix)) == 0;
}

static bool equals_nocase(const char *s, const char *word)
{
	return ascii_casecmp(s, word) == 0;
}

/* ---- what is left out ------------------------------------------------ */

static const char *const skip_tags[] = {
	"nav", "footer", "form", "script", "style", "noscript", "template", "svg",
	"select", "button", "dialog", "iframe", "textarea", "menu", "object",
	"canvas", NULL
};
static const char *const skip_roles[] = {
	"navigation", "contentinfo", "banner", "search", "dialog", "alertdialog",
	"menu", "menubar", "toolbar", NULL
};
/* class/id tokens starting with these */
static const char *const skip_words[] = {
	"cookie", "consent", "gdpr", "newsletter", "subscri", "signup", "login",
	"paywall", "advert", "sponsor", "social", "share", "breadcrumb",
	"masthead", "navbar", "navigation", "menu", "footer", "modal", "popup",
	"skip", NULL
};
/* whole class/id tokens */
static const char *const skip_exact[] = { "ad", "ads", "nav", "adslot", NULL };

static bool in_list(const char *v, const char *const *list)
{
	for (size_t i = 0; v && list[i]; i++)
		if (equals_nocase(v, list[i]))
			return true;
	return false;
}

static bool inside(xmlNodePtr n, const char *tag)
{
	for (int i = 0; n && i < CLIMB_MAX * 2; i++, n = n->parent)
		if (dom_is(n, tag))
			return true;
	return false;
}

/* An element left out with everything in it, by its tag, role or
 * visibility: boilerplate, never a story.  A header counts as the
 * page's masthead unless it sits in an article (a card's or a story's
 * own header). */
static bool boilerplate_tag(xmlNodePtr n)
{
	const char *name = dom_name(n);

	if (in_list(name, skip_tags))
		return true;
	if (strcmp(name, "header") == 0 && !inside(n->parent, "article"))
		return true;
	return in_list(dom_attr_raw(n, "role"), skip_roles) || dom_hidden(n);
}

/* The same, or a box whose class or id names boilerplate (cookie,
 * newsletter, share...).  Only links are judged by class: an article's
 * body in <div class="entry share"> still counts as its prose. */
static bool boilerplate(xmlNodePtr n)
{
	return boilerplate_tag(n) || hint_token(n, skip_words) ||
	       hint_token_exact(n, skip_exact);
}

/* ---- headline links ---------------------------------------------------- */

struct slink {
	xmlNodePtr a;
	xmlNodePtr card;
	char *title;
	size_t url;             /* index into urls */
	bool heading;
};

struct finder {
	xmlNodePtr body;
	const char *base;
	char *page;             /* the page's own URL, without fragment */
	xmlHashTablePtr ids;    /* url -> index + 1 */
	char **urls;
	size_t nurls;
	struct slink *links;
	size_t nlinks, cap;
	xmlNodePtr *anchors;    /* the headline links' <a>, sorted */
	xmlNodePtr *cards;      /* every link's card, sorted once made */
	size_t ncards;
	bool oom;
};

/* Link texts that are no headline, whatever the markup says. */
static const char *const not_titles[] = {
	"read more", "more", "continue reading", "log in", "login", "sign in",
	"sign up", "subscribe", "register", "newsletter", "newsletters",
	"comments", "share", "next", "previous", "older posts", "newer posts",
	"view all", "see all", "see more", "load more", "show more", "all stories",
	"skip to content", "skip to main content", "back to top", "privacy policy",
	"terms of use", "cookie settings", "contact us", "about us", NULL
};
static const char *const not_title_starts[] = {
	"read more", "continue reading", "more from ", "more in ", "more on ",
	"see all", "view all", "see more", "subscribe", "sign up", "sign in",
	"log in", "follow us", "advertisement", NULL
};

static bool utility_text(const char *t)
{
	if (in_list(t, not_titles))
		return true;
	for (size_t i = 0; not_title_starts[i]; i++)
		if (starts_with_nocase(t, not_title_starts[i]))
			return true;
	return false;
}

static bool is_heading_name(const char *name)
{
	return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2];
}

static xmlNodePtr heading_around(xmlNodePtr a)
{
	xmlNodePtr n = a->parent;

	for (int i = 0; n && i < 3; i++, n = n->parent)
		if (is_heading_name(dom_name(n)))
			return n;
	return NULL;
}

static xmlNodePtr heading_inside(xmlNodePtr a)
{
	static const char *const tags[] = { "h1", "h2", "h3", "h4", "h5", "h6" };

	for (xmlNodePtr n = a->children; n; n = dom_next(n, a, false))
		for (size_t i = 0; i < 6; i++)
			if (dom_is(n, tags[i]))
				return n;
	return NULL;
}

/* Does this text read as a headline?  In a heading two words do;
 * elsewhere it takes a line of words (a menu item has one or two). */
static bool headline_text(const char *t, bool heading)
{
	size_t l = letters_of(t, strlen(t)), w = text_count_words(t, strlen(t));

	if (utility_text(t))
		return false;
	if (mostly_wide(t))
		return l >= (heading ? 6 : 10);
	return heading ? (w >= 2 && l >= 10) : (w >= 4 && l >= 20);
}

/* The link's URL, absolute, without fragment; NULL when it is no
 * story's (another scheme, the page itself, the home page). */
static char *story_url(struct finder *f, xmlNodePtr a)
{
	const char *href = dom_attr_raw(a, "href");
	char *url;

	if (!href || href[0] == '#' || hint_home_link(href))
		return NULL;
	url = url_resolve(f->base, href);
	if (!url)
		return NULL;
	url[strcspn(url, "#")] = '\0';
	if (!url_is_http(url) || hint_home_link(url) || (f->page && strcmp(url, f->page) == 0)) {
		free(url);
		return NULL;
	}
	return url;
}

/* The index of url among the stories' URLs (taking it over). */
static size_t url_index(struct finder *f, char *url)
{
	void *known = xmlHashLookup(f->ids, (const xmlChar *)url);
	char **g;

	if (known) {
		free(url);
		return (size_t)(uintptr_t)known - 1;
	}
	g = realloc(f->urls, (f->nurls + 1) * sizeof *g);
	if (!g || xmlHashAddEntry(f->ids, (const xmlChar *)url,
				  (void *)(uintptr_t)(f->nurls + 1)) != 0) {
		if (g)
			f->urls = g;
		free(url);
		f->oom = true;
		return 0;
	}
	f->urls = g;
	f->urls[f->nurls] = url;
	return f->nurls++;
}

/* A link inside a sentence (a paragraph with more words than the
 * link): a reference, not a story's headline. */
static bool inline_link(xmlNodePtr a, const char *title)
{
	static const char *const inline_tags[] = {
		"span", "em", "strong", "b", "i", "font", "small", "u", "mark", "cite", NULL
	};
	xmlNodePtr p = a->parent;
	char *text;
	bool in_sentence;

	while (p && in_list(dom_name(p), inline_tags))
		p = p->parent;
	if (!dom_is(p, "p"))
		return false;
	text = dom_text_max(p, TEASER_MAX);
	in_sentence = !text || strlen(text) > strlen(title) * 3 / 2 + 20;
	free(text);
	return in_sentence;
}

/* Does n hold at most max nodes?  A walk of at most max + 1 steps. */
static bool holds_at_most(xmlNodePtr n, size_t max)
{
	size_t nodes = 0;

	for (xmlNodePtr d = n->children; d; d = dom_next(d, n, false))
		if (++nodes > max)
			return false;
	return true;
}

/* A link that holds at most BOX_NODES_MAX nodes: a headline link holds
 * a heading, an image, a few spans.  Links nested in links (the HTML
 * parser keeps them so) would otherwise each be read to the bottom of
 * the nest: quadratic. */
static bool small_link(xmlNodePtr a)
{
	return holds_at_most(a, BOX_NODES_MAX);
}

static void add_link(struct finder *f, xmlNodePtr a)
{
	if (f->nlinks >= LINKS_MAX || !small_link(a))
		return;
	xmlNodePtr h = heading_inside(a);
	xmlNodePtr around = h ? NULL : heading_around(a);
	char *title = dom_text_max(h ? h : a, TITLE_MAX);
	char *url;

	if (!title || !headline_text(title, h || around) || inline_link(a, title) ||
	    !(url = story_url(f, a))) {
		free(title);
		return;
	}
	if (!BUF_GROW_ARRAY(f->links, f->cap, f->nlinks + 1, 64)) {
		free(title);
		free(url);
		f->oom = true;
		return;
	}
	f->links[f->nlinks] = (struct slink){
		.a = a, .title = title, .heading = h || around,
		.url = url_index(f, url),
	};
	if (!f->oom)
		f->nlinks++;
	else
		free(title);
}

static void collect_links(struct finder *f)
{
	xmlNodePtr n = f->body->children;

	while (n && !f->oom) {
		bool skip = n->type != XML_ELEMENT_NODE || boilerplate(n);
		if (!skip && dom_is(n, "a") && dom_attr_raw(n, "href"))
			add_link(f, n);
		n = dom_next(n, f->body, skip);
	}
}

/* ---- cards ------------------------------------------------------------- */

/* An ancestor of some headline link, and whose links it holds: one
 * story's (url) or several (mixed). */
struct holder {
	xmlNodePtr node;
	size_t url;
	bool mixed;
	signed char small;      /* small enough for a card: 1, 0, -1 not yet known */
};

static int by_node(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)((const struct holder *)x)->node;
	uintptr_t b = (uintptr_t)((const struct holder *)y)->node;
	return a < b ? -1 : a > b;
}

static int by_ptr(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)*(const xmlNodePtr *)x;
	uintptr_t b = (uintptr_t)*(const xmlNodePtr *)y;
	return a < b ? -1 : a > b;
}

static bool climbable(struct finder *f, xmlNodePtr p)
{
	return p && p != f->body && p->type == XML_ELEMENT_NODE && !dom_is(p, "html") &&
	       !dom_is(p, "main");
}

/* Every ancestor of every link (CLIMB_MAX up), merged by node: n of
 * them, sorted, each knowing whether it holds more than one story. */
static struct holder *holders_of(struct finder *f, size_t *n)
{
	struct holder *h = malloc((f->nlinks * CLIMB_MAX + 1) * sizeof *h);
	size_t k = 0, out = 0;

	if (!h)
		return NULL;
	for (size_t i = 0; i < f->nlinks; i++) {
		xmlNodePtr p = f->links[i].a->parent;
		for (int d = 0; d < CLIMB_MAX && climbable(f, p); d++, p = p->parent)
			h[k++] = (struct holder){ .node = p, .url = f->links[i].url, .small = -1 };
	}
	qsort(h, k, sizeof *h, by_node);
	for (size_t i = 0; i < k; i++) {
		if (out && h[out - 1].node == h[i].node) {
			h[out - 1].mixed |= h[out - 1].url != h[i].url;
			continue;
		}
		h[out++] = h[i];
	}
	*n = out;
	return h;
}

/* A card is a small box: at most CARD_TEXT_MAX bytes of text and
 * CARD_PARAS_MAX paragraphs (a teaser, not an article's body: a short
 * article with one "Read also" link in it is no card), looked at
 * through at most BOX_NODES_MAX nodes, so no page costs more than that
 * per box. */
static bool small_box(xmlNodePtr n)
{
	size_t text = 0, nodes = 0;
	int paras = 0;

	for (xmlNodePtr d = n->children; d; d = dom_next(d, n, false)) {
		if (++nodes > BOX_NODES_MAX)
			return false;
		if (d->type == XML_TEXT_NODE && d->content &&
		    (text += strlen((const char *)d->content)) > CARD_TEXT_MAX * 4)
			return false;    /* raw bytes; the cleaned text is checked below */
		if (dom_is(d, "p") && ++paras > CARD_PARAS_MAX)
			return false;
	}
	char *t = dom_text_max(n, CARD_TEXT_MAX);
	free(t);
	return t != NULL;
}

static xmlNodePtr card_of(struct finder *f, const struct slink *l,
			  struct holder *h, size_t nh)
{
	xmlNodePtr card = l->a, p = l->a->parent;

	for (int d = 0; d < CLIMB_MAX && climbable(f, p); d++, p = p->parent) {
		struct holder key = { .node = p };
		struct holder *at = bsearch(&key, h, nh, sizeof *h, by_node);

		if (!at || at->mixed)
			break;
		if (at->small < 0)      /* each box is measured once */
			at->small = small_box(p);
		if (!at->small)
			break;
		card = p;
	}
	return card;
}

/* ---- what a card says besides its title ---------------------------- */

static const char *const teaser_words[] = {
	"summary", "teaser", "dek", "standfirst", "excerpt", "description",
	"snippet", "intro", "lede", "abstract", "blurb", "synopsis", "strapline", NULL
};
static const char *const label_words[] = {
	"kicker", "eyebrow", "section", "category", "categories", "label", "tag",
	"rubric", "overline", "topic", "flag", "department", "vertical", NULL
};

static bool teaser_like(xmlNodePtr n)
{
	return dom_is(n, "p") || hint_token(n, teaser_words);
}

/* text unless it repeats the title or is too short to say anything */
static char *distinct_text(xmlNodePtr n, size_t max, const char *title, size_t min_letters)
{
	char *t = dom_text_max(n, max);

	if (t && (letters_of(t, strlen(t)) < min_letters || strstr(t, title) ||
		  strstr(title, t))) {
		free(t);
		t = NULL;
	}
	return t;
}

/* The first teaser, time or section label in n (n itself included)
 * that the story still lacks. */
static void details_in(xmlNodePtr n, struct page_story *st, bool teaser, bool label)
{
	size_t nodes = 0;

	for (xmlNodePtr d = n; d && ++nodes <= BOX_NODES_MAX; ) {
		bool skip = d->type != XML_ELEMENT_NODE || (d != n && boilerplate(d));

		if (skip) {
			d = dom_next(d, n, true);
			continue;
		}
		if (dom_is(d, "time")) {
			if (!st->published && !(st->published = dom_attr(d, "datetime")))
				st->published = dom_text_max(d, 100);
		} else {
			if (teaser && !st->summary && teaser_like(d))
				st->summary = distinct_text(d, TEASER_MAX, st->title, 20);
			if (label && !st->section && hint_token(d, label_words)) {
				char *t = distinct_text(d, LABEL_MAX, st->title, 2);
				if (t && text_count_words(t, strlen(t)) <= 4)
					st->section = t;
				else
					free(t);
			}
		}
		d = dom_next(d, n, false);
	}
}

static int by_ptr(const void *x, const void *y);

/* Does n hold a headline link (anchors: every headline link, sorted)? */
static bool holds_story(const struct finder *f, xmlNodePtr n)
{
	size_t nodes = 0;

	if (bsearch(&n, f->anchors, f->nlinks, sizeof *f->anchors, by_ptr))
		return true;
	for (xmlNodePtr d = n->children; d; d = dom_next(d, n, false))
		if (++nodes > BOX_NODES_MAX ||     /* a big box: no card's neighbour */
		    (dom_is(d, "a") && bsearch(&d, f->anchors, f->nlinks, sizeof *f->anchors, by_ptr)))
			return true;
	return false;
}

static xmlNodePtr element_beside(xmlNodePtr n, bool forward)
{
	do
		n = forward ? n->next : n->prev;
	while (n && n->type != XML_ELEMENT_NODE);
	return n;
}

#define BESIDE_MAX 4    /* siblings of a boxless card looked at, each way */

/* What the card says besides the title.  A card with no box of its own
 * (a heading or a bare link: <h3><a>Title</a></h3><p>teaser</p> in a
 * flat list, or a lead story whose box also holds related links) has
 * its kicker, teaser and time beside it, up to the next story. */
static void card_details(const struct finder *f, struct page_story *st)
{
	xmlNodePtr card = st->card, n;
	int k;

	details_in(card, st, true, true);
	if (!dom_is(card, "a") && !is_heading_name(dom_name(card)))
		return;
	/* a kicker goes above its headline, a teaser below */
	for (n = element_beside(card, false), k = 0; n && k < BESIDE_MAX && !holds_story(f, n);
	     n = element_beside(n, false), k++)
		details_in(n, st, false, true);
	for (n = element_beside(card, true), k = 0; n && k < BESIDE_MAX && !holds_story(f, n);
	     n = element_beside(n, true), k++)
		details_in(n, st, true, false);
}

/* ---- stories ----------------------------------------------------------- */

static int add_story(struct page_stories *s, struct finder *f, struct slink *l,
		     xmlNodePtr card)
{
	struct page_story *g = realloc(s->v, (s->n + 1) * sizeof *g);
	struct page_story *st;

	if (!g)
		return -1;
	s->v = g;
	st = &s->v[s->n++];
	*st = (struct page_story){ .card = card, .title = l->title, .heading = l->heading };
	l->title = NULL;
	st->url = strdup(f->urls[l->url]);
	if (!st->url)
		return -1;
	card_details(f, st);
	return 0;
}

/* The cards under each story's parent: the distinct cards' parents,
 * sorted, counted by range. */
static int count_siblings(struct page_stories *s, xmlNodePtr *cards, size_t n)
{
	xmlNodePtr *parents = malloc((n + 1) * sizeof *parents);
	size_t np = 0;

	if (!parents)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((i == 0 || cards[i] != cards[i - 1]) && cards[i]->parent)
			parents[np++] = cards[i]->parent;
	qsort(parents, np, sizeof *parents, by_ptr);
	for (size_t i = 0; i < s->n; i++) {
		xmlNodePtr key = s->v[i].card->parent;
		xmlNodePtr *at = bsearch(&key, parents, np, sizeof *parents, by_ptr);
		size_t k = 0;
		if (at) {
			while (at > parents && at[-1] == key)
				at--;
			while (at + k < parents + np && at[k] == key)
				k++;
		}
		s->v[i].siblings = k ? k : 1;
		s->grouped += k >= 3;
	}
	free(parents);
	return 0;
}

/* A link with neither a heading nor sibling stories ("All our
 * headlines from the past week" under a list) is no story. */
static void drop_lone_links(struct page_stories *s)
{
	size_t kept = 0;

	for (size_t i = 0; i < s->n; i++) {
		struct page_story *st = &s->v[i];
		if (!st->heading && st->siblings < 2) {
			free(st->url);
			free(st->title);
			free(st->summary);
			free(st->published);
			free(st->section);
			continue;
		}
		s->v[kept++] = *st;
	}
	s->n = kept;
}

/* f->cards: the cards of the links whose story is kept (keep[url];
 * NULL: all), sorted. */
static void cards_of(struct finder *f, const unsigned char *keep)
{
	f->ncards = 0;
	for (size_t i = 0; i < f->nlinks; i++)
		if (!keep || keep[f->links[i].url])
			f->cards[f->ncards++] = f->links[i].card;
	qsort(f->cards, f->ncards, sizeof *f->cards, by_ptr);
}

/* After dropping stories: only their cards' text is kept out of the
 * prose. */
static int keep_cards_of(struct finder *f, const struct page_stories *s)
{
	unsigned char *keep = calloc(f->nurls + 1, 1);

	if (!keep)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		void *id = xmlHashLookup(f->ids, (const xmlChar *)s->v[i].url);
		if (id)
			keep[(uintptr_t)id - 1] = 1;
	}
	cards_of(f, keep);
	free(keep);
	return 0;
}

static int make_stories(struct finder *f, struct page_stories *s)
{
	size_t nh = 0;
	struct holder *h = holders_of(f, &nh);
	size_t *story_of = calloc(f->nurls + 1, sizeof *story_of);   /* index + 1 */
	int rc = 0;

	f->cards = malloc((f->nlinks + 1) * sizeof *f->cards);
	f->anchors = malloc((f->nlinks + 1) * sizeof *f->anchors);
	if (!h || !story_of || !f->cards || !f->anchors) {
		free(h);
		free(story_of);
		return -1;
	}
	for (size_t i = 0; i < f->nlinks; i++)
		f->anchors[i] = f->links[i].a;
	qsort(f->anchors, f->nlinks, sizeof *f->anchors, by_ptr);
	for (size_t i = 0; i < f->nlinks && rc == 0; i++) {
		struct slink *l = &f->links[i];
		xmlNodePtr card = card_of(f, l, h, nh);
		struct page_story *known = story_of[l->url] ? &s->v[story_of[l->url] - 1] : NULL;

		l->card = card;
		if (!known) {
			rc = add_story(s, f, l, card);
			story_of[l->url] = s->n;
		} else if (l->heading && !known->heading) {
			/* the title a heading gives beats a list's or a caption's */
			free(known->title);
			known->title = l->title;
			known->heading = true;
			l->title = NULL;
		}
	}
	cards_of(f, NULL);
	if (rc == 0)
		rc = count_siblings(s, f->cards, f->ncards);
	if (rc == 0) {
		drop_lone_links(s);
		rc = keep_cards_of(f, s);
	}
	free(h);
	free(story_of);
	return rc;
}

/* ---- how the text is spread --------------------------------------- */

static const char *const block_tags[] = {
	"p", "div", "td", "th", "li", "dd", "dt", "blockquote", "section", "article",
	"main", "pre", "body", "center", "table", "ul", "ol", "figure", NULL
};

struct measure {
	size_t *own;            /* letters of each open block's own text */
	size_t *own_links;
	size_t depth, cap;
	int in_link, in_heading, in_card;
	size_t prose_at_h1;     /* prose_letters when the headline ended */
	bool headline;          /* an article's headline was seen */
	bool oom;
};

static bool is_heading(xmlNodePtr n)
{
	return is_heading_name(dom_name(n));
}

static void open_block(struct measure *m)
{
	/* two arrays of one capacity: it moves once both have grown */
	size_t cap_own = m->cap, cap_links = m->cap;
	if (!BUF_GROW_ARRAY(m->own, cap_own, m->depth + 1, 64) ||
	    !BUF_GROW_ARRAY(m->own_links, cap_links, m->depth + 1, 64)) {
		m->oom = true;
		return;
	}
	m->cap = cap_own;
	m->own[m->depth] = m->own_links[m->depth] = 0;
	m->depth++;
}

static void close_block(struct measure *m, struct page_stories *s)
{
	size_t own, links;

	if (!m->depth)
		return;
	m->depth--;
	own = m->own[m->depth];
	links = m->own_links[m->depth];
	if (own >= PROSE_BLOCK_MIN && links * 2 < own)
		s->prose_letters += own - links;
}

static void count_text(struct measure *m, struct page_stories *s, xmlNodePtr t)
{
	const char *c = (const char *)t->content;
	size_t l = c ? letters_of(c, strlen(c)) : 0;

	s->text_letters += l;
	if (m->in_link)
		s->link_letters += l;
	if (m->in_card || m->in_heading || !m->depth)
		return;
	m->own[m->depth - 1] += l;
	if (m->in_link)
		m->own_links[m->depth - 1] += l;
}

/* An h1 that reads as an article's headline: a line of words, no
 * link (a logo, a card), outside the cards. */
static bool headline_h1(const struct measure *m, xmlNodePtr n)
{
	char *t;
	bool yes;

	/* A line of words holds a few nodes; h1s nested 10 000 deep each
	 * searched all the rest for a link: quadratic.  Bounded first,
	 * the text and the link search stay as short. */
	if (!dom_is(n, "h1") || m->in_card || m->in_link ||
	    !holds_at_most(n, HEADLINE_NODES_MAX))
		return false;
	t = dom_text_max(n, TITLE_MAX);
	yes = t && !dom_find(n, "a") &&
	      (mostly_wide(t) ? letters_of(t, strlen(t)) >= 12
			      : text_count_words(t, strlen(t)) >= 4);
	free(t);
	return yes;
}

/* enter: +1, leave: -1 */
static void step(struct measure *m, struct page_stories *s, xmlNodePtr n, int dir,
		 const struct finder *f)
{
	bool card = bsearch(&n, f->cards, f->ncards, sizeof *f->cards, by_ptr) != NULL;

	if (dir < 0 && !m->headline && headline_h1(m, n)) {
		m->headline = true;
		m->prose_at_h1 = s->prose_letters;
	}
	m->in_card += card ? dir : 0;
	m->in_link += dom_is(n, "a") ? dir : 0;
	m->in_heading += is_heading(n) ? dir : 0;
	if (in_list(dom_name(n), block_tags)) {
		if (dir > 0)
			open_block(m);
		else
			close_block(m, s);
	}
}

static void measure_text(struct finder *f, struct page_stories *s)
{
	struct measure m = { 0 };
	xmlNodePtr root = f->body, n = root->children;

	step(&m, s, root, 1, f);
	while (n && !m.oom) {
		bool into = false;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			count_text(&m, s, n);
		} else if (n->type == XML_ELEMENT_NODE && !boilerplate_tag(n)) {
			step(&m, s, n, 1, f);
			into = n->children != NULL;
			if (!into)
				step(&m, s, n, -1, f);
		}
		if (into) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			if (n != root)
				step(&m, s, n, -1, f);
		}
		n = n == root ? NULL : n->next;
	}
	step(&m, s, root, -1, f);
	if (m.headline)
		s->prose_after_headline = s->prose_letters - m.prose_at_h1;
	s->headline = m.headline;
	free(m.own);
	free(m.own_links);
}

static void sum_cards(struct page_stories *s)
{
	for (size_t i = 0; i < s->n; i++) {
		size_t t = s->v[i].summary ? letters_of(s->v[i].summary, strlen(s->v[i].summary)) : 0;
		s->card_letters += letters_of(s->v[i].title, strlen(s->v[i].title));
		s->card_letters += t < TEASER_LONG ? t : TEASER_LONG;
		s->long_teasers += t > TEASER_LONG;
	}
}

/* ---- the whole ---------------------------------------------------- */

void page_stories_free(struct page_stories *s)
{
	for (size_t i = 0; s && i < s->n; i++) {
		free(s->v[i].url);
		free(s->v[i].title);
		free(s->v[i].summary);
		free(s->v[i].published);
		free(s->v[i].section);
	}
	if (s) {
		free(s->v);
		*s = (struct page_stories){ 0 };
	}
}

static void finder_free(struct finder *f)
{
	for (size_t i = 0; i < f->nlinks; i++)
		free(f->links[i].title);
	for (size_t i = 0; i < f->nurls; i++)
		free(f->urls[i]);
	free(f->links);
	free(f->urls);
	free(f->cards);
	free(f->anchors);
	free(f->page);
	xmlHashFree(f->ids, NULL);
}

int page_stories_find(xmlDocPtr doc, const char *base, struct page_stories *out)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	struct finder f = { .base = base };
	int rc = 0;

	*out = (struct page_stories){ 0 };
	if (!root)
		return 0;
	f.body = dom_find(root, "body");
	if (!f.body)
		f.body = root;
	f.ids = xmlHashCreate(64);
	if (base && (f.page = strdup(base)))
		f.page[strcspn(f.page, "#")] = '\0';
	if (!f.ids || (base && !f.page))
		rc = -1;
	if (rc == 0)
		collect_links(&f);
	if (rc == 0 && !f.oom)
		rc = make_stories(&f, out);
	if (rc == 0 && !f.oom) {
		sum_cards(out);
		measure_text(&f, out);
	}
	if (rc != 0 || f.oom) {
		page_stories_free(out);
		rc = -1;
	}
	finder_free(&f);
	return rc;
}
