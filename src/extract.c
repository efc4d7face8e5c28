/* extract.c - HTML bytes -> struct article.
 *
 * Stages (doc/extraction.md explains each rule and why it exists):
 *   1. charset: the bytes become UTF-8 (charset.c), parsed with libxml2.
 *   2. metadata (meta.c).
 *   3. one pre-order pass numbers every element, classifies its tag,
 *      marks junk (script, nav, hidden, unlikely class/id) and counts the
 *      letters of text nodes; one reverse pass sums the counts bottom-up.
 *      Nothing later re-reads text to measure it.
 *   4. scoring: paragraph-like elements give points to their ancestors;
 *      link density and class/id hints scale them; the best candidate,
 *      lifted to a common ancestor when that is better, plus the
 *      siblings that belong to it, is the content.
 *   5. emission: one enter/leave walk over the content produces blocks,
 *      dropping boxes that look like boilerplate by hints or by shape.
 * No stage recurses per tree level. */
#include <assert.h>
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include "folio/charset.h"
#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/extract.h"
#include "folio/extract-prune.h"
#include "folio/extract-para.h"
#include "folio/lead-image.h"
#include "folio/meta-date.h"
#include "folio/meta.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-index.h"
#include "folio/util-buf.h"
#include "folio/util-url.h"

/* ---- tag kinds ------------------------------------------------------ */

enum kind {
	K_OTHER, K_INLINE, K_A, K_BR, K_P, K_DIV, K_SECTION, K_ARTICLE, K_MAIN,
	K_HEADER, K_H1, K_H2, K_H3, K_H4, K_H5, K_H6, K_UL, K_OL, K_LI, K_DL,
	K_DT, K_DD, K_BLOCKQUOTE, K_PRE, K_TABLE, K_TR, K_CELL, K_TSECT,
	K_FIGURE, K_FIGCAPTION, K_IMG, K_FORM, K_EMBED, K_INPUT, K_JUNK,
	K_NAV, K_ASIDE, K_FOOTER, K_BODY, K_HR, K_BLOCK, K_CODE
};

static const struct { const char *name; enum kind kind; } kinds[] = {
	{ "a", K_A }, { "br", K_BR }, { "p", K_P }, { "div", K_DIV },
	{ "section", K_SECTION }, { "article", K_ARTICLE }, { "main", K_MAIN },
	{ "header", K_HEADER }, { "h1", K_H1 }, { "h2", K_H2 }, { "h3", K_H3 },
	{ "h4", K_H4 }, { "h5", K_H5 }, { "h6", K_H6 }, { "ul", K_UL },
	{ "ol", K_OL }, { "li", K_LI }, { "dl", K_DL }, { "dt", K_DT },
	{ "dd", K_DD }, { "blockquote", K_BLOCKQUOTE }, { "pre", K_PRE },
	{ "table", K_TABLE }, { "tr", K_TR }, { "td", K_CELL }, { "th", K_CELL },
	{ "thead", K_TSECT }, { "tbody", K_TSECT }, { "tfoot", K_TSECT },
	{ "figure", K_FIGURE }, { "figcaption", K_FIGCAPTION }, { "img", K_IMG },
	{ "picture", K_IMG }, { "form", K_FORM }, { "iframe", K_EMBED },
	{ "object", K_EMBED }, { "embed", K_EMBED }, { "video", K_EMBED },
	{ "audio", K_EMBED }, { "input", K_INPUT }, { "textarea", K_JUNK },
	{ "select", K_JUNK }, { "button", K_JUNK }, { "option", K_JUNK },
	{ "script", K_JUNK }, { "style", K_JUNK }, { "noscript", K_JUNK },
	{ "template", K_JUNK }, { "svg", K_JUNK }, { "canvas", K_JUNK },
	{ "math", K_INLINE }, { "head", K_JUNK }, { "title", K_JUNK },
	{ "meta", K_JUNK }, { "link", K_JUNK }, { "map", K_JUNK },
	{ "nav", K_NAV }, { "aside", K_ASIDE }, { "footer", K_FOOTER },
	{ "body", K_BODY }, { "hr", K_HR }, { "address", K_BLOCK },
	{ "center", K_BLOCK }, { "fieldset", K_BLOCK }, { "details", K_BLOCK },
	{ "summary", K_BLOCK }, { "legend", K_BLOCK }, { "caption", K_BLOCK },
	{ "hgroup", K_BLOCK }, { "dialog", K_JUNK }, { "menu", K_NAV },
	{ "code", K_CODE }, { "html", K_BLOCK },
	{ "span", K_INLINE }, { "em", K_INLINE }, { "strong", K_INLINE },
	{ "b", K_INLINE }, { "i", K_INLINE }, { "u", K_INLINE },
	{ "small", K_INLINE }, { "sup", K_INLINE }, { "sub", K_INLINE },
	{ "font", K_INLINE }, { "time", K_INLINE }, { "abbr", K_INLINE },
	{ "cite", K_INLINE }, { "q", K_INLINE }, { "mark", K_INLINE },
	{ "label", K_INLINE }, { "s", K_INLINE }, { "del", K_INLINE },
	{ "ins", K_INLINE }, { "kbd", K_INLINE }, { "samp", K_INLINE },
	{ "var", K_INLINE }, { "tt", K_INLINE }, { "big", K_INLINE },
	{ "strike", K_INLINE }, { "dfn", K_INLINE }, { "bdi", K_INLINE },
	{ "bdo", K_INLINE }, { "wbr", K_INLINE }, { "nobr", K_INLINE },
	{ "data", K_INLINE }, { "ruby", K_INLINE }, { "rt", K_INLINE },
	{ "rp", K_INLINE },
};

/* ---- name tables by first byte (util-index.h) ---- */

static struct name_index kinds_ix;

static enum kind kind_of(const char *name)
{
	unsigned char ch = (unsigned char)name[0];

	if (ch < 'a' || ch > 'z')
		return K_OTHER;
	for (int i = kinds_ix.start[ch]; i < kinds_ix.start[ch + 1]; i++)
		if (strcmp(name, kinds[kinds_ix.order[i]].name) == 0)
			return kinds[kinds_ix.order[i]].kind;
	return K_OTHER;
}

static bool is_heading(enum kind k) { return k >= K_H1 && k <= K_H6; }

/* Elements whose edges end a block of text. */
static bool is_block(enum kind k)
{
	switch (k) {
	case K_OTHER: case K_INLINE: case K_A: case K_BR: case K_IMG:
	case K_EMBED: case K_INPUT: case K_JUNK: case K_CODE:
		return false;
	default:
		return true;
	}
}

/* ---- class/id hints ------------------------------------------------- */

/* Words are matched against the tokens of class and id (split at
 * anything not a letter or digit, lower-cased), as prefixes: "comment"
 * matches "comments" and "commentlist", not "uncommented"; short words
 * match whole tokens only.
 *   UNLIKELY  never the content (dropped before scoring), unless a MAYBE
 *             word is there too
 *   POS/NEG   the +25 / -25 class weight of a candidate and of a box
 *   CONSENT, PAYWALL  cues for the notice when little text is found */
enum {
	H_UNLIKELY = 1, H_MAYBE = 2, H_POS = 4, H_NEG = 8, H_CONSENT = 16,
	H_PAYWALL = 32, H_CAPTION = 64, H_LEAD = 128
};

struct hword {
	const char *w;
	uint8_t len, flags;
	bool exact;
};

#define PRE(w, f) { w, sizeof(w) - 1, f, false }
#define TOK(w, f) { w, sizeof(w) - 1, f, true }

static const struct hword hwords[] = {
	PRE("comment", H_UNLIKELY | H_NEG), PRE("disqus", H_UNLIKELY),
	PRE("social", H_UNLIKELY | H_NEG), PRE("navbar", H_UNLIKELY),
	PRE("footer", H_UNLIKELY | H_NEG), PRE("sidebar", H_UNLIKELY | H_NEG),
	PRE("related", H_UNLIKELY | H_NEG), PRE("banner", H_UNLIKELY | H_NEG),
	PRE("gdpr", H_UNLIKELY | H_CONSENT), PRE("popup", H_UNLIKELY | H_NEG),
	PRE("breadcrumb", H_UNLIKELY), PRE("pagination", H_UNLIKELY),
	PRE("pager", H_UNLIKELY), PRE("sponsor", H_UNLIKELY | H_NEG),
	PRE("outbrain", H_UNLIKELY | H_NEG), PRE("taboola", H_UNLIKELY),
	PRE("menu", H_UNLIKELY), PRE("combx", H_UNLIKELY | H_NEG),
	PRE("community", H_UNLIKELY), PRE("remark", H_UNLIKELY),
	PRE("replies", H_UNLIKELY), PRE("shoutbox", H_UNLIKELY | H_NEG),
	PRE("skyscraper", H_UNLIKELY | H_NEG), PRE("supplemental", H_UNLIKELY),
	PRE("agegate", H_UNLIKELY), PRE("rss", H_UNLIKELY),
	PRE("skiplink", H_UNLIKELY), PRE("tagcloud", H_UNLIKELY),
	PRE("widget", H_UNLIKELY | H_NEG), PRE("gallery", H_UNLIKELY),
	PRE("slideshow", H_UNLIKELY), PRE("carousel", H_UNLIKELY),
	TOK("ad", H_UNLIKELY | H_NEG), TOK("ads", H_UNLIKELY | H_NEG),
	TOK("nav", H_UNLIKELY | H_NEG), TOK("aside", H_UNLIKELY),
	TOK("extra", H_UNLIKELY), TOK("header", H_UNLIKELY),
	TOK("topbar", H_UNLIKELY),
	PRE("article", H_MAYBE | H_POS), PRE("body", H_MAYBE | H_POS),
	PRE("column", H_MAYBE), PRE("content", H_MAYBE | H_POS),
	PRE("main", H_MAYBE | H_POS), PRE("shadow", H_MAYBE),
	PRE("story", H_MAYBE | H_POS), PRE("entry", H_MAYBE | H_POS),
	PRE("hentry", H_POS), PRE("page", H_POS), PRE("post", H_POS),
	PRE("text", H_POS), PRE("blog", H_POS), PRE("prose", H_POS),
	PRE("chapter", H_POS),
	PRE("contact", H_NEG), PRE("masthead", H_NEG), PRE("media", H_NEG),
	PRE("meta", H_NEG), PRE("promo", H_NEG), PRE("scroll", H_NEG),
	PRE("share", H_NEG), PRE("shopping", H_NEG), PRE("advert", H_NEG),
	PRE("newsletter", H_NEG), PRE("subscri", H_NEG), PRE("recommend", H_NEG),
	PRE("cookie", H_NEG | H_CONSENT), PRE("consent", H_NEG | H_CONSENT),
	PRE("modal", H_NEG), PRE("login", H_NEG), PRE("signup", H_NEG),
	PRE("follow", H_NEG), PRE("toolbar", H_NEG), PRE("print", H_NEG),
	PRE("hidden", H_NEG), PRE("paywall", H_PAYWALL), PRE("teaser", H_NEG),
	PRE("caption", H_CAPTION), PRE("figcaption", H_CAPTION),
	TOK("lead", H_LEAD), TOK("lede", H_LEAD), TOK("leader", H_LEAD), PRE("leadtext", H_LEAD),
	PRE("intro", H_LEAD), PRE("excerpt", H_LEAD),
	PRE("abstract", H_LEAD), PRE("perex", H_LEAD), PRE("standfirst", H_LEAD),
	PRE("bajada", H_LEAD), PRE("chapo", H_LEAD), TOK("dek", H_LEAD),
	TOK("tags", H_NEG), TOK("hid", H_NEG), TOK("more", H_NEG),
	PRE("kommentar", H_UNLIKELY | H_NEG), PRE("rating", H_NEG), PRE("licen", H_NEG),
	TOK("com", H_NEG),
};

struct hints {
	bool unlikely, maybe;
	int weight;
	uint8_t flags;
};

static struct name_index hwords_ix;

/* tok: lower-case letters and digits */
static uint8_t token_flags(const char *tok, size_t n)
{
	unsigned char ch = (unsigned char)tok[0];
	uint8_t f = 0;

	if (ch < 'a' || ch > 'z')
		return 0;
	for (int i = hwords_ix.start[ch]; i < hwords_ix.start[ch + 1]; i++) {
		const struct hword *h = &hwords[hwords_ix.order[i]];
		if (n < h->len || (h->exact && n != h->len))
			continue;
		/* every word has two bytes at least (build_indexes checks);
		 * the second tells most of a bucket apart without a call */
		if (tok[1] == h->w[1] && memcmp(tok + 2, h->w + 2, h->len - 2u) == 0)
			f |= h->flags;
	}
	return f;
}

_Static_assert(sizeof kinds / sizeof kinds[0] <= NAME_INDEX_MAX &&
	       sizeof hwords / sizeof hwords[0] <= NAME_INDEX_MAX,
	       "a name_index holds NAME_INDEX_MAX entries");

static void build_indexes(void)
{
	name_index_build(&kinds_ix, kinds, sizeof kinds / sizeof kinds[0], sizeof kinds[0]);
	name_index_build(&hwords_ix, hwords, sizeof hwords / sizeof hwords[0], sizeof hwords[0]);
	for (size_t i = 0; i < sizeof hwords / sizeof hwords[0]; i++)
		assert(hwords[i].len >= 2);     /* token_flags reads w[1] */
}

/* The attributes extraction looks at, found in one pass over the
 * element's attribute list. */
struct eattrs {
	const char *cls, *id, *itemprop, *style, *role, *aria_hidden;
	bool hidden;
};

static void read_attrs(xmlNodePtr node, struct eattrs *ea)
{
	static const char *const names[] = {
		"class", "id", "itemprop", "style", "role", "aria-hidden", "hidden", NULL
	};
	const char *v[7];

	dom_attrs(node, names, v);
	ea->cls = v[0];
	ea->id = v[1];
	ea->itemprop = v[2];
	ea->style = v[3];
	ea->role = v[4];
	ea->aria_hidden = v[5];
	ea->hidden = v[6] != NULL;
}

/* Does one class name (or the id), v[0..n), name a box about the
 * author ("author-bio", "post-author__info", "AuthorBox",
 * "about-author")?  Such a box is a short biography or a card with a
 * photo and links: not the article, wherever it stands. */
static bool names_author_box(const char *v, size_t n)
{
	static const char *const parts[] = {
		"bio", "box", "info", "desc", "about", "profil", "card", NULL
	};
	char low[96];
	const char *at;

	if (n >= sizeof low)
		n = sizeof low - 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)ascii_tolower((unsigned char)v[i]);
	low[n] = '\0';
	at = strstr(low, "author");
	if (!at)
		return false;
	for (int i = 0; parts[i]; i++)
		if (strstr(low, parts[i]))
			return true;
	return false;
}

static bool author_box(const struct eattrs *ea)
{
	const char *v = ea->cls;

	if (ea->id && names_author_box(ea->id, strlen(ea->id)))
		return true;
	/* most class lists have no "author" in any name: one look, not a
	 * lower-cased copy of every name */
	if (!v || !ascii_casestr(v, "author"))
		return false;
	while (*v) {
		size_t n = 0;
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		while (v[n] && v[n] != ' ' && v[n] != '\t' && v[n] != '\n')
			n++;
		if (n && names_author_box(v, n))
			return true;
		v += n;
	}
	return false;
}

/* Tokenise "class id" once and look every token up. */
static struct hints hints_of(const struct eattrs *ea)
{
	struct hints h = { false, false, 0, 0 };
	const char *attrs[2] = { ea->cls, ea->id };
	uint8_t f = 0;

	for (int k = 0; k < 2; k++) {
		const char *v = attrs[k];
		size_t len;
		char tok[64];

		/* dom-hint.h's tokens, lower-cased (a long one's head is
		 * enough for the words) */
		for (const char *t; v && (t = hint_next_token(v, &len)); v = t + len) {
			size_t n = len < sizeof tok - 1 ? len : sizeof tok - 1;
			for (size_t i = 0; i < n; i++)
				tok[i] = (char)ascii_tolower((unsigned char)t[i]);
			f |= token_flags(tok, n);
		}
	}
	if (author_box(ea))
		f = (uint8_t)((f | H_NEG) & ~H_POS);
	/* schema.org's own mark for the article text outranks any word */
	if (ea->itemprop && ascii_casestr(ea->itemprop, "articleBody"))
		f = (uint8_t)((f | H_POS) & ~(H_UNLIKELY | H_NEG));
	/* and its mark for the article's summary: a lead when it comes first */
	else if (ea->itemprop && (ascii_casestr(ea->itemprop, "description") ||
				  ascii_casestr(ea->itemprop, "abstract")))
		f = (uint8_t)((f | H_LEAD) & ~H_NEG);
	h.flags = f;
	h.unlikely = f & H_UNLIKELY;
	/* a lead word outranks an unlikely one: "story-intro-header" is the
	 * article's header holding its lead, not the site's; not a
	 * boilerplate word ("related-excerpt", "comment-intro") */
	h.maybe = (f & H_MAYBE) || ((f & H_LEAD) && !(f & H_NEG));
	h.weight = ((f & H_POS) ? 25 : 0) - ((f & H_NEG) ? 25 : 0);
	return h;
}

/* ---- per-element statistics ----------------------------------------- */

enum {
	F_DROP = 1,        /* junk: never content, never emitted */
	F_CANDIDATE = 2,   /* received a score */
	F_HIDDEN = 4,
	F_SKIP = 8,        /* dropped at emission (boilerplate box) */
};

struct nstat {
	xmlNodePtr node;
	int parent;             /* element index, -1 at the root */
	uint8_t kind, flags;
	int8_t weight;
	uint8_t unlikely;
	uint8_t hints;          /* H_* flags of its class/id */
	uint32_t text;          /* letters below (not counting junk) */
	uint32_t link;          /* of which inside links */
	uint32_t own;           /* letters in direct text children */
	uint32_t commas;
	uint32_t heading;       /* letters inside headings */
	uint32_t p, li, img, input, embed, blocks, lists, listtext;
	float score;
	float content;          /* the part of score paragraphs gave */
};

#define MAX_H1 8

struct ctx {
	xmlDocPtr doc;
	xmlNodePtr body;
	struct nstat *st;
	size_t n, cap;
	struct article *a;
	char *base;
	struct url_base *ubase; /* base, cleaned and split once */
	xmlNodePtr lead;        /* lead image element: not emitted */
	bool lead_inside;       /* ... unless inside the content root and */
	bool cue_consent, cue_paywall, cue_js;
	bool strict_dropped;    /* the class/id rule removed something */
	bool open_noscript;     /* last resort: <noscript> content is text */
	int h1[MAX_H1];         /* the first h1 elements kept (indexes) */
	int nh1;
};

static inline int idx_of(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && n->_private ?
	       (int)((uintptr_t)n->_private - 1) : -1;
}

/* Letters (non-space code points) and commas of a text node. */
/* How many bytes have bit 7 set in marks (a word of 0x80/0x00 bytes):
 * the multiply adds the eight 0/1 bytes into the top one. */
static inline uint32_t count_marked(uint64_t marks)
{
	return (uint32_t)(((marks >> 7) * 0x0101010101010101ULL) >> 56);
}

/* One byte of count_text's slow path: a letter unless white space or
 * a UTF-8 continuation byte; the comma forms (s is NUL-terminated, so
 * the look ahead stops at the end). */
static inline void count_byte(const unsigned char *s, uint32_t *l, uint32_t *c)
{
	unsigned char ch = *s;

	if (ch <= ' ' || (ch & 0xC0) == 0x80)
		return;
	(*l)++;
	if (ch == ',')
		(*c)++;
	/* U+FF0C fullwidth comma, U+3001 ideographic comma, U+060C */
	else if ((ch == 0xEF && s[1] == 0xBC && s[2] == 0x8C) ||
		 (ch == 0xE3 && s[1] == 0x80 && s[2] == 0x81) ||
		 (ch == 0xD8 && s[1] == 0x8C))
		(*c)++;
}

static void count_text(const unsigned char *s, uint32_t *letters, uint32_t *commas)
{
	uint32_t l = 0, c = 0;
	size_t len = strlen((const char *)s), i = 0;

	while (i < len) {
		uint64_t w = TEXT_BYTES(0x80);

		if (i + 8 <= len)
			memcpy(&w, s + i, 8);
		/* Pure ASCII words eight bytes at a time: letters are the
		 * bytes above ' ', commas the ',' (both exact: no carries
		 * cross bytes). */
		if (!(w & TEXT_BYTES(0x80))) {
			uint64_t comma = w ^ TEXT_BYTES(',');
			l += count_marked((w + TEXT_BYTES(0x5F)) & TEXT_BYTES(0x80));
			c += count_marked(~((comma + TEXT_BYTES(0x7F)) | comma) & TEXT_BYTES(0x80));
			i += 8;
			continue;
		}
		/* a word with a byte above 0x7F (or the last bytes) one byte
		 * at a time, then words again: an accented letter does not
		 * slow the rest of the text */
		for (size_t end = i + 8 < len ? i + 8 : len; i < end; i++)
			count_byte(s + i, &l, &c);
	}
	*letters = l;
	*commas = c;
}

static bool is_hidden(const struct eattrs *ea)
{
	const char *v;

	if (ea->hidden)
		return true;
	v = ea->aria_hidden;
	if (v && ascii_casecmp(v, "true") == 0)
		return true;
	return ea->style && dom_style_hides(ea->style);
}

/* Does v hold "hidden", "screen" or "sr-only" (ASCII case folded)? */
static bool has_sr_word(const char *v)
{
	for (; *v; v++) {
		int c = ascii_tolower((unsigned char)*v);
		if ((c == 'h' && !ascii_ncasecmp(v, "hidden", 6)) ||
		    (c == 's' && (!ascii_ncasecmp(v, "screen", 6) ||
				  !ascii_ncasecmp(v, "sr-only", 7))))
			return true;
	}
	return false;
}

/* Text only screen readers get ("Image caption", "Share on X"): the
 * usual utility classes hide it off screen, so no reader sees it. */
static bool screen_reader_only(const struct eattrs *ea)
{
	static const char *const classes[] = {
		"sr-only", "visually-hidden", "visuallyhidden", "screen-reader",
		"screenreader", "a11y-hidden", "offscreen", NULL
	};

	if (!ea->cls || !*ea->cls)
		return false;
	/* each of them has "hidden", "screen" or "sr-only" in it: most
	 * classes have none, found in one pass */
	if (!has_sr_word(ea->cls))
		return false;
	for (int i = 0; classes[i]; i++)
		if (ascii_casestr(ea->cls, classes[i]))
			return true;
	return false;
}

static bool role_is_junk(const struct eattrs *ea)
{
	static const char *const roles[] = {
		"navigation", "menu", "menubar", "complementary", "alert",
		"alertdialog", "dialog", "banner", "contentinfo", "search", NULL
	};
	const char *v = ea->role;

	if (!v)
		return false;
	for (int i = 0; roles[i]; i++)
		if (ascii_casecmp(v, roles[i]) == 0)
			return true;
	return false;
}

static bool stat_push(struct ctx *c, xmlNodePtr n, int parent)
{
	struct nstat *s;

	if (!BUF_GROW_ARRAY(c->st, c->cap, c->n + 1, 1024))
		return false;
	s = &c->st[c->n];
	memset(s, 0, sizeof *s);
	s->node = n;
	s->parent = parent;
	n->_private = (void *)(uintptr_t)(c->n + 1);
	c->n++;
	return true;
}

/* Should this element be junk for content finding?  strict: also by
 * class/id (the first try; the retry keeps them). */
static bool junk(struct nstat *s, xmlNodePtr n, const struct eattrs *ea, bool strict)
{
	enum kind k = s->kind;

	if (k == K_JUNK || k == K_NAV || k == K_ASIDE || k == K_FOOTER)
		return true;
	if (k == K_BODY || (k == K_BLOCK && strcmp(dom_name(n), "html") == 0))
		return false;
	if (is_hidden(ea) || screen_reader_only(ea)) {
		s->flags |= F_HIDDEN;
		return true;
	}
	if (!strict)
		return false;
	if (role_is_junk(ea))
		return true;
	return s->unlikely && k != K_ARTICLE && k != K_MAIN && k != K_A &&
	       k != K_TABLE && k != K_CELL && k != K_TR && k != K_TSECT;
}

/* WordPress's caption under a picture in a post (its [caption] block):
 * trafilatura-style references leave captions out of the text and
 * Readability keeps them; leaving out every caption cost readability-dev
 * 0.44 points, this one block (the commonest CMS's, no site's own
 * class) fixed 5 pages there for 0.02 (doc/extraction.md). */
static const char *const wp_caption[] = { "wp-caption-text", NULL };

/* Pass 1 (pre-order): number elements, classify, mark junk, count the
 * letters of text nodes into their parent element. */
static bool pass_collect(struct ctx *c, bool strict)
{
	xmlNodePtr root = c->body;

	c->n = 0;
	c->nh1 = 0;
	for (xmlNodePtr n = root; n; ) {
		bool skip = false;

		if (n->type == XML_ELEMENT_NODE) {
			int parent = n == root ? -1 : idx_of(n->parent);
			struct nstat *s;
			struct hints h;
			struct eattrs ea;

			if (!stat_push(c, n, parent))
				return false;
			s = &c->st[c->n - 1];
			s->kind = (uint8_t)kind_of(dom_name(n));
			read_attrs(n, &ea);
			h = hints_of(&ea);
			s->weight = (int8_t)h.weight;
			s->hints = h.flags;
			s->unlikely = h.unlikely && !h.maybe;
			if (s->kind == K_H1 && c->nh1 < MAX_H1)
				c->h1[c->nh1++] = (int)c->n - 1;
			if (h.flags & H_CONSENT)
				c->cue_consent = true;
			if (h.flags & H_PAYWALL)
				c->cue_paywall = true;
			if ((h.flags & H_CAPTION) && hint_inside(n, wp_caption, NULL))
				s->flags |= F_SKIP;
			if (n != root && junk(s, n, &ea, strict) &&
			    !(c->open_noscript && dom_is(n, "noscript"))) {
				if (strict && !(s->kind == K_JUNK || s->kind == K_NAV ||
						s->kind == K_ASIDE || s->kind == K_FOOTER ||
						(s->flags & F_HIDDEN)))
					c->strict_dropped = true;
				s->flags |= F_DROP;
				skip = true;
				if (s->kind == K_JUNK && dom_is(n, "noscript")) {
					const char *t = n->children ? (const char *)n->children->content : NULL;
					if (t && ascii_casestr(t, "javascript"))
						c->cue_js = true;
				}
			}
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
			   n->content) {
			int p = idx_of(n->parent);
			if (p >= 0) {
				uint32_t l, cm;
				count_text(n->content, &l, &cm);
				c->st[p].text += l;
				c->st[p].own += l;
				c->st[p].commas += cm;
			}
			skip = true;
		} else {
			skip = true;
		}
		n = dom_next(n, root, skip);
	}
	return true;
}

/* Pass 2 (reverse pre-order = children before parents): sum up. */
static void pass_sum(struct ctx *c)
{
	for (size_t i = c->n; i-- > 0;) {
		struct nstat *s = &c->st[i], *p;
		enum kind k = s->kind;

		if (s->flags & F_DROP)
			continue;
		if (k == K_A)
			s->link = s->text;
		if (is_heading(k))
			s->heading = s->text;
		if (s->parent < 0)
			continue;
		p = &c->st[s->parent];
		p->text += s->text;
		p->link += s->link;
		if (!is_block(k))       /* inline text is its block's own text */
			p->own += s->own;
		p->commas += s->commas;
		p->heading += s->heading;
		p->p += s->p + (k == K_P);
		p->li += s->li + (k == K_LI);
		p->img += s->img + (k == K_IMG);
		p->input += s->input + (k == K_INPUT);
		p->embed += s->embed + (k == K_EMBED);
		p->lists += s->lists + (k == K_UL || k == K_OL);
		p->listtext += (k == K_UL || k == K_OL) ? s->text : s->listtext;
		if (is_block(k))
			p->blocks++;
	}
}

/* ---- scoring --------------------------------------------------------- */

static float link_density(const struct nstat *s)
{
	return s->text ? (float)s->link / (float)s->text : 0.0f;
}

static void init_candidate(struct nstat *s)
{
	float base = 0;

	if (s->flags & F_CANDIDATE)
		return;
	switch (s->kind) {
	case K_DIV: case K_ARTICLE: case K_MAIN: case K_SECTION: base = 5; break;
	case K_PRE: case K_CELL: case K_BLOCKQUOTE: base = 3; break;
	case K_UL: case K_OL: case K_DL: case K_DD: case K_DT: case K_LI:
	case K_FORM: case K_BLOCK: base = -3; break;
	default:
		if (is_heading(s->kind))
			base = -5;
	}
	if (s->kind == K_ARTICLE || s->kind == K_MAIN)
		base += 10;
	s->score = base + s->weight;
	s->flags |= F_CANDIDATE;
}

/* Is element s a paragraph for scoring?  p, pre, td, and divs/sections
 * that hold text of their own rather than only blocks. */
static bool scores_as_paragraph(const struct nstat *s)
{
	switch (s->kind) {
	case K_P: case K_PRE: case K_CELL:
		return true;
	case K_DIV: case K_SECTION: case K_BLOCK: case K_ARTICLE:
		return s->own >= 25 || s->blocks == 0;
	case K_LI: case K_DD: case K_BLOCKQUOTE:
		return s->own >= 25;
	default:
		return is_heading(s->kind) && s->kind != K_H1 && false;
	}
}

/* A paragraph's commas count up to this many: a list of names (the
 * signatories of a letter, a cast) has a comma a word and would
 * outscore the text it follows. */
#define MAX_COMMAS 40

static void pass_score(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct nstat *s = &c->st[i];
		float score;
		uint32_t len;
		int anc, level;

		if ((s->flags & F_DROP) || !scores_as_paragraph(s))
			continue;
		len = (s->kind == K_DIV || s->kind == K_SECTION || s->kind == K_BLOCK ||
		       s->kind == K_ARTICLE || s->kind == K_LI || s->kind == K_DD ||
		       s->kind == K_BLOCKQUOTE) && s->blocks ? s->own : s->text;
		if (len < 25)
			continue;
		score = 1.0f + (float)(s->commas < MAX_COMMAS ? s->commas : MAX_COMMAS) + (float)(len / 100 < 3 ? len / 100 : 3);
		for (anc = s->parent, level = 0; anc >= 0 && level < 5;
		     anc = c->st[anc].parent, level++) {
			struct nstat *a = &c->st[anc];
			float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
			init_candidate(a);
			a->score += score / div;
			a->content += score / div;
		}
	}
	for (size_t i = 0; i < c->n; i++)
		if (c->st[i].flags & F_CANDIDATE) {
			float keep = 1.0f - link_density(&c->st[i]);
			c->st[i].score *= keep;
			c->st[i].content *= keep;
		}
}

static bool is_ancestor(struct ctx *c, int anc, int node, int limit)
{
	for (int k = 0; node >= 0 && k < limit; node = c->st[node].parent, k++)
		if (node == anc)
			return true;
	return false;
}

/* The best candidate, lifted to a shared ancestor when several nearly as
 * good candidates sit below one (an article split into sections). */
static int pick_top(struct ctx *c)
{
	int top[5] = { -1, -1, -1, -1, -1 };
	int best, parent;
	float last, threshold;

	for (size_t i = 0; i < c->n; i++) {
		if (!(c->st[i].flags & F_CANDIDATE))
			continue;
		for (int k = 0; k < 5; k++) {
			if (top[k] < 0 || c->st[i].score > c->st[top[k]].score) {
				memmove(top + k + 1, top + k, (size_t)(4 - k) * sizeof top[0]);
				top[k] = (int)i;
				break;
			}
		}
	}
	best = top[0];
	if (best < 0 || c->st[best].kind == K_BODY)
		return best;
	/* shared ancestor of the close runners-up */
	parent = c->st[best].parent;
	while (parent >= 0 && c->st[parent].kind != K_BODY) {
		int shared = 0;
		for (int k = 1; k < 5; k++)
			if (top[k] >= 0 && c->st[top[k]].score >= c->st[best].score * 0.75f &&
			    is_ancestor(c, parent, top[k], 64))
				shared++;
		if (shared >= 2) {
			best = parent;
			break;
		}
		parent = c->st[parent].parent;
		if (!is_ancestor(c, parent, best, 64))
			break;
	}
	init_candidate(&c->st[best]);
	/* climb while the parent got more from paragraphs (the content is
	 * spread over it); its own tag and class bonus do not count here, or
	 * a <main id=main-content> would swallow what follows the article */
	last = c->st[best].content;
	threshold = last / 3;
	for (parent = c->st[best].parent; parent >= 0 && c->st[parent].kind != K_BODY;
	     parent = c->st[parent].parent) {
		struct nstat *p = &c->st[parent];
		if (!(p->flags & F_CANDIDATE))
			continue;
		if (p->content < threshold)
			break;
		if (p->content > last) {
			best = parent;
			break;
		}
		last = p->content;
	}
	/* an only child says nothing its parent does not */
	for (;;) {
		int p = c->st[best].parent;
		xmlNodePtr n = c->st[best].node, sib;
		int elems = 0;
		if (p < 0 || c->st[p].kind == K_BODY)
			break;
		for (sib = c->st[p].node->children; sib; sib = sib->next)
			if (sib->type == XML_ELEMENT_NODE && !(idx_of(sib) >= 0 && (c->st[idx_of(sib)].flags & F_DROP)))
				elems++;
		(void)n;
		if (elems != 1)
			break;
		init_candidate(&c->st[p]);
		best = p;
	}
	return best;
}

/* The article continued in sibling boxes: how far up, how much text. */
#define CONT_LEVELS 4
#define CONT_LETTERS 80

/* Does a short sibling paragraph read like a sentence? */
static bool ends_sentence(xmlNodePtr n)
{
	char *t = dom_text_max(n, 400);
	size_t l;
	bool r;

	if (!t)
		return false;
	l = strlen(t);
	r = l > 0 && (t[l - 1] == '.' || strstr(t, ". ") != NULL);
	free(t);
	return r;
}

/* The first class name of n (up to white space), or length 0. */
static size_t first_class(xmlNodePtr n, const char **at)
{
	const char *v = dom_attr_raw(n, "class");
	size_t len = 0;

	while (v && (*v == ' ' || *v == '\t' || *v == '\n'))
		v++;
	while (v && v[len] && v[len] != ' ' && v[len] != '\t' && v[len] != '\n')
		len++;
	*at = v;
	return len;
}

/* Is sib a box of the same template as a (same tag, same first class
 * name) that holds prose (text, few links)? */
static bool same_template_prose(struct ctx *c, xmlNodePtr a, xmlNodePtr sib)
{
	const char *ac, *sc;
	size_t al, sl;
	int i = idx_of(sib);
	struct nstat *s;

	if (i < 0 || sib == a)
		return false;
	s = &c->st[i];
	if ((s->flags & F_DROP) || s->weight < 0 || s->text < CONT_LETTERS ||
	    link_density(s) >= 0.2f || strcmp((const char *)sib->name, (const char *)a->name) != 0)
		return false;
	al = first_class(a, &ac);
	sl = first_class(sib, &sc);
	return al > 0 && al == sl && memcmp(ac, sc, al) == 0;
}

/* The article continued in boxes of its own template a few levels up:
 * the other posts of a forum thread or a lexicon page, the rows of a
 * page builder, the sections an ad splits a story into.  The nearest
 * ancestor of the top (up to CONT_LEVELS up) with such siblings gives
 * them: those before it go before the roots, those after it after.
 * Returns how many were added to roots[0..n). */
static size_t continuations(struct ctx *c, int top, xmlNodePtr *roots, size_t n, size_t max)
{
	int a = c->st[top].parent;

	for (int level = 1; level <= CONT_LEVELS && a >= 0 && c->st[a].kind != K_BODY;
	     level++, a = c->st[a].parent) {
		xmlNodePtr an = c->st[a].node, parent = an->parent;
		size_t before = 0, after = 0;

		if (!parent)
			break;
		for (xmlNodePtr sib = parent->children; sib; sib = sib->next)
			if (same_template_prose(c, an, sib)) {
				if (idx_of(sib) < a)
					before++;
				else
					after++;
			}
		if (before + after == 0)
			continue;
		if (n + before + after > max)
			return 0;
		memmove(roots + before, roots, n * sizeof roots[0]);
		before = after = 0;
		for (xmlNodePtr sib = parent->children; sib; sib = sib->next)
			if (same_template_prose(c, an, sib)) {
				if (idx_of(sib) < a)
					roots[before++] = sib;
				else
					roots[n + before + after++] = sib;
			}
		return before + after;
	}
	return 0;
}

static bool is_lead(const struct ctx *c, int i);

/* Siblings of the top candidate that belong to the article. */
static size_t pick_roots(struct ctx *c, int top, xmlNodePtr *roots, size_t max)
{
	struct nstat *t = &c->st[top];
	float threshold = t->score * 0.2f > 10 ? t->score * 0.2f : 10;
	const char *tclass = dom_attr_raw(t->node, "class");
	size_t n = 0;

	if (t->parent < 0 || t->kind == K_BODY) {
		roots[n++] = t->node;
		return n;
	}
	for (xmlNodePtr sib = c->st[t->parent].node->children; sib && n < max; sib = sib->next) {
		int i = idx_of(sib);
		struct nstat *s;
		bool take = false;
		float bonus = 0;

		if (i < 0)
			continue;
		s = &c->st[i];
		if (i == top) {
			roots[n++] = sib;
			continue;
		}
		if (s->flags & F_DROP)
			continue;
		if (tclass && *tclass) {
			const char *sc = dom_attr_raw(sib, "class");
			if (sc && strcmp(sc, tclass) == 0)
				bonus = t->score * 0.2f;
		}
		if ((s->flags & F_CANDIDATE) && s->score + bonus >= threshold)
			take = true;
		else if (bonus > 0 && s->weight >= 0 && s->text >= 80 && link_density(s) < 0.2f)
			take = true;    /* a section of the same template as the top */
		else if (s->weight >= 0 && s->text >= 200 && s->text * 3 >= t->text &&
			 link_density(s) < 0.2f)
			take = true;    /* deep text the 5-level scoring missed */
		else if (i < top && is_lead(c, i))
			take = true;    /* the lead set apart, beside the body */
		else if (s->kind == K_P || (s->kind == K_DIV && s->blocks == 0)) {
			float ld = link_density(s);
			if (s->text > 80 && ld < 0.25f)
				take = true;
			else if (s->text > 0 && s->text <= 80 && ld == 0 && ends_sentence(sib))
				take = true;
		}
		if (take)
			roots[n++] = sib;
	}
	return n + continuations(c, top, roots, n, max);
}

/* The article's lead paragraph, when the page sets it apart before the
 * content (in the header, above the body's box): an element marked lead,
 * intro, excerpt, abstract, perex, standfirst... that holds a sentence
 * or a few, not links.  Looked for in what precedes the first root, up
 * to LEAD_LEVELS levels up (a grid's wrapper, container, row and column
 * stand between a header and the text), nearest first; at most
 * LEAD_LOOK elements are read. */
#define LEAD_LOOK 4000
#define LEAD_LEVELS 5

static bool is_lead(const struct ctx *c, int i)
{
	const struct nstat *s = &c->st[i];

	return (s->hints & H_LEAD) && !(s->flags & F_DROP) && !is_heading(s->kind) &&
	       s->kind != K_A && s->kind != K_IMG && s->kind != K_LI && s->kind != K_FIGURE &&
	       s->kind != K_FIGCAPTION && !(s->hints & H_CAPTION) && s->img == 0 &&
	       s->text >= 40 && s->text <= 1500 && link_density(s) < 0.3f && s->weight >= 0;
}

static xmlNodePtr find_lead(struct ctx *c, xmlNodePtr first)
{
	int budget = LEAD_LOOK;
	xmlNodePtr anc = first;

	for (int level = 0; level < LEAD_LEVELS && anc && anc != c->body; level++, anc = anc->parent) {
		for (xmlNodePtr sib = anc->prev; sib && budget > 0; sib = sib->prev) {
			xmlNodePtr found = NULL;
			if (sib->type != XML_ELEMENT_NODE)
				continue;
			/* the last lead in this sibling's subtree, in page order */
			for (xmlNodePtr n = sib; n && budget-- > 0; ) {
				int i = idx_of(n);
				bool skip = n->type != XML_ELEMENT_NODE || i < 0 ||
					    (c->st[i].flags & F_DROP);
				if (!skip && is_lead(c, i)) {
					found = n;
					skip = true;    /* not its own children */
				}
				n = dom_next(n, sib, skip);
			}
			if (found)
				return found;
		}
	}
	return NULL;
}

/* The lead written right under the headline, without a class to know
 * it by: the first paragraph between the page's headline (an h1 before
 * the first root) and the first root.  Only small boxes are looked
 * into (the header between headline and body is small); at most
 * HEADLINE_LOOK elements are read. */
#define HEADLINE_LOOK 400

static bool headline_lead_ok(const struct ctx *c, int i)
{
	const struct nstat *s = &c->st[i];

	return (s->kind == K_P || (s->kind == K_DIV && s->blocks == 0)) &&
	       !dom_attr_raw(s->node, "class") && s->weight >= 0 && !(s->hints & H_CAPTION) && s->img == 0 &&
	       s->text >= 40 && s->text <= 1500 && link_density(s) < 0.3f &&
	       ends_sentence(s->node);
}

static xmlNodePtr headline_lead(struct ctx *c, xmlNodePtr first)
{
	int r = idx_of(first), h = -1, budget = HEADLINE_LOOK;

	for (int k = 0; k < c->nh1; k++) {
		int i = c->h1[k];
		if (i < r && !(c->st[i].flags & F_DROP) && !is_ancestor(c, i, r, 64) &&
		    !hint_logo_heading(c->st[i].node))
			h = i;
	}
	if (h < 0)
		return NULL;
	for (xmlNodePtr n = dom_next(c->st[h].node, c->body, true); n && budget-- > 0; ) {
		int i = idx_of(n);
		bool skip = true;

		if (n == first || (i >= 0 && i >= r))
			return NULL;
		if (i >= 0 && !(c->st[i].flags & F_DROP)) {
			if (is_ancestor(c, i, r, 64))
				skip = false;
			else if (headline_lead_ok(c, i))
				return n;
			else
				skip = c->st[i].text > 1500 || c->st[i].weight < 0 ||
				       c->st[i].kind == K_FIGURE || c->st[i].kind == K_FORM ||
				       is_heading(c->st[i].kind);
		}
		n = dom_next(n, c->body, skip);
	}
	return NULL;
}

/* ---- emission -------------------------------------------------------- */

struct emit {
	struct ctx *c;
	struct buf text;        /* the block being gathered */
	bool space;             /* a word boundary is pending */
	struct link *links;
	size_t nlinks, links_cap;
	int a_depth;
	size_t a_start;
	bool a_started;
	const char *a_href;
	/* context counters */
	int pre, quote, caption, table, li, dt, dd, heading;
	int list_depth;
	int *ordinals;          /* per list level: next number, 0 = bullets */
	size_t ord_cap;
	bool table_row_open, table_cell_open;
	size_t long_paras;      /* paragraphs > 100 bytes emitted so far */
	char *title_norm;
	struct buf scratch;     /* one text node being cleaned */
	bool lenient;           /* last resort: only junk tags are dropped */
	bool oom;
	/* the heading emitted last, until text follows it: when a box
	 * under its parent is dropped and nothing follows, it was that
	 * box's title ("Discover now" over a list of links) */
	xmlNodePtr title_parent;        /* NULL: none pending */
	size_t title_block;             /* its index among the blocks */
	bool title_orphaned;            /* a box with text went since */
};

static void emit_text(struct emit *e, const char *raw)
{
	size_t n;
	char *tmp;
	bool lead, trail, blank;

	/* Most text nodes between tags are only indentation. */
	n = strlen(raw);
	blank = raw[strspn(raw, " \n\t\r")] == '\0';
	if (n == 0)
		return;
	if (e->pre) {           /* kept raw, cleaned with its lines at flush */
		buf_add(&e->text, raw, n);
		return;
	}
	if (blank) {
		e->space = true;
		return;
	}
	e->scratch.len = 0;
	if (!buf_reserve(&e->scratch, n)) {
		e->oom = true;
		return;
	}
	tmp = e->scratch.data;
	memcpy(tmp, raw, n);
	n = text_clean_inner(tmp, n, &lead, &trail);
	if (n == 0) {
		if (lead || trail)
			e->space = true;
		return;
	}
	if ((e->space || lead) && e->text.len > 0 && e->text.data[e->text.len - 1] != ' ' &&
	    e->text.data[e->text.len - 1] != '\n')
		buf_add(&e->text, " ", 1);
	if (e->a_depth > 0 && !e->a_started) {
		e->a_start = e->text.len;
		e->a_started = true;
	}
	buf_add(&e->text, tmp, n);
	e->space = trail;
}

static void add_link(struct emit *e, size_t start, size_t end, const char *href)
{
	char *url;

	if (end <= start || !href || e->pre)
		return;
	/* the page's base read once for all its links (url_base_new
	 * failed: the plain call) */
	url = e->c->ubase ? url_resolve_at(e->c->ubase, href) : url_resolve(e->c->base, href);
	if (!url)
		return;
	if (!BUF_GROW_ARRAY(e->links, e->links_cap, e->nlinks + 1, 8)) {
		free(url);
		e->oom = true;
		return;
	}
	e->links[e->nlinks].start = start;
	e->links[e->nlinks].end = end;
	e->links[e->nlinks].url = url;
	e->nlinks++;
}

static void clear_links(struct emit *e)
{
	for (size_t i = 0; i < e->nlinks; i++)
		free(e->links[i].url);
	e->nlinks = 0;
}

/* Lower-case ASCII, letters and digits only: for comparing a heading
 * or byline line with the metadata. */
static char *norm(const char *s)
{
	size_t n = strlen(s), w = 0;
	char *d = malloc(n + 1);

	if (!d)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 'A' && ch <= 'Z')
			d[w++] = (char)(ch + 32);
		else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
			d[w++] = (char)ch;
	}
	d[w] = '\0';
	return d;
}

static bool same_as_title(struct emit *e, const char *text)
{
	char *n;
	bool r;

	if (!e->title_norm || !*e->title_norm)
		return false;
	n = norm(text);
	r = n && strcmp(n, e->title_norm) == 0;
	free(n);
	return r;
}

/* A short line near the top that carries the byline ("By Jane Doe",
 * "4 May 2026, 15:30 Text: Jane Doe"): the byline is shown already. */
static bool is_byline_line(struct emit *e, const char *text, size_t len)
{
	const char *by = e->c->a->byline;
	size_t bl;

	if (!by || !*by || e->long_paras > 2)
		return false;
	bl = strlen(by);
	if (len > bl + 50)
		return false;
	return strstr(text, by) != NULL;
}

/* A short block near the top that is nothing but links: a section label
 * ("Science"), a kicker, skip links ("Jump to navigation"). */
static bool is_label_link(struct emit *e, size_t len)
{
	size_t covered = 0;

	if (e->long_paras > 0 || e->nlinks == 0 || len > 60)
		return false;
	for (size_t i = 0; i < e->nlinks; i++)
		covered += e->links[i].end - e->links[i].start;
	return covered + 3 * (e->nlinks - 1) >= len;
}

static enum block_type current_type(struct emit *e)
{
	if (e->table)
		return BLOCK_TABLE;
	if (e->pre)
		return BLOCK_PRE;
	if (e->heading)
		return (enum block_type)(BLOCK_H2 + (e->heading > 2 ? e->heading - 2 : 0));
	if (e->caption)
		return BLOCK_CAPTION;
	if (e->dt)
		return BLOCK_DT;
	if (e->dd)
		return BLOCK_DD;
	if (e->li)
		return BLOCK_LI;
	if (e->quote)
		return BLOCK_QUOTE;
	return BLOCK_P;
}

static bool is_related_title(const char *text, size_t len);

/* The pending heading's fate, decided at its parent's end: when a box
 * went after it and no block came, it was that box's title, and it
 * goes.  (A block after it, even a heading, keeps it: a section.) */
static void end_title_wait(struct emit *e, bool parent_ends)
{
	struct article *a = e->c->a;

	if (parent_ends && e->title_orphaned && a->nblocks == e->title_block + 1)
		article_drop_last_block(a);
	e->title_parent = NULL;
}

static void flush(struct emit *e)
{
	enum block_type type = current_type(e);
	struct block *b;
	size_t len = e->text.len;
	bool drop = false;

	if (e->a_depth > 0 && e->a_started) {   /* a link across blocks */
		add_link(e, e->a_start, e->text.len, e->a_href);
		e->a_started = false;
	}
	if (type == BLOCK_PRE)
		len = text_clean_keep_lines(e->text.data, len);
	while (len > 0 && (e->text.data[len - 1] == ' ' || e->text.data[len - 1] == '\n'))
		len--;
	e->space = false;
	if (len == 0 || e->oom || e->text.oom)
		goto out;
	e->text.data[len] = '\0';
	if (type >= BLOCK_H2 && type <= BLOCK_H6 && same_as_title(e, e->text.data))
		drop = true;
	if (type == BLOCK_P && (is_byline_line(e, e->text.data, len) || is_label_link(e, len)))
		drop = true;
	if ((type == BLOCK_P || (type >= BLOCK_H2 && type <= BLOCK_H6)) && !e->lenient &&
	    is_related_title(e->text.data, len))
		drop = true;
	if (drop)
		goto out;
	end_title_wait(e, false);       /* a block follows: a section */
	b = article_add_block(e->c->a, type, e->text.data, len);
	if (!b) {
		e->oom = true;
		goto out;
	}
	if (type == BLOCK_LI) {
		b->depth = e->list_depth > 0 ? e->list_depth : 1;
		if (e->list_depth > 0 && (size_t)e->list_depth <= e->ord_cap)
			b->ordinal = e->ordinals[e->list_depth - 1] > 0 ?
				     e->ordinals[e->list_depth - 1] - 1 : 0;
	}
	for (size_t i = 0; i < e->nlinks; i++) {
		size_t s = e->links[i].start, en = e->links[i].end;
		if (en > len)
			en = len;
		if (s < en)
			block_add_link(b, s, en, e->links[i].url);
	}
	if (type == BLOCK_P && len > 100)
		e->long_paras++;
out:
	clear_links(e);
	e->text.len = 0;
	if (e->text.data)
		e->text.data[0] = '\0';
	if (e->a_depth > 0) {
		e->a_start = 0;
		e->a_started = false;
	}
}

/* Words that open a related-links box or a teaser list, in the
 * languages of the web (lower-case; matched at the start of the text). */
static const char *const related_leads[] = {
	"more from", "read more", "read also", "also read", "related",
	"recommended", "see also", "you may also like", "you might also like",
	"more on this", "more stories", "more news", "trending", "most read",
	"most popular", "don't miss", "further reading", "popular posts",
	"recent posts", "latest news", "latest posts", "more like this",
	"what to read next", "up next", "читайте также", "смотрите также",
	"лучшее за", "lire aussi", "à lire aussi", "à lire également",
	"sur le même sujet", "vous aimerez aussi", "voir aussi", "à voir aussi", "lesen sie auch",
	"mehr zum thema", "lesen sie hier", "lesen sie dazu", "siehe auch",
	"das thema könnte", "weitere artikel", "weitere beiträge", "neueste artikel",
	"ähnliche beiträge", "ähnliche artikel", "das könnte sie auch",
	"das könnte dich auch", "auch interessant", "auch lesen", "meistgelesen",
	"top themen", "leer más", "lea también", "le puede interesar", "lee también", "ver también", "te recomendamos",
	"te puede interesar", "noticias relacionadas", "leia também",
	"veja também", "leggi anche", "potrebbe interessarti",
	"articoli correlati", "lees ook", "zie ook", "meer nieuws", "se även", "se også", "zobacz również",
	"zobacz także", "czytaj też", "czytaj także", "相关", "延伸阅读",
	"関連", NULL
};

#define NLEADS (sizeof related_leads / sizeof related_leads[0] - 1)
_Static_assert(NLEADS <= NAME_INDEX_MAX, "a name_index holds NAME_INDEX_MAX entries");
static struct name_index leads_ix;

static void index_leads(void)
{
	name_index_build(&leads_ix, related_leads, NLEADS, sizeof related_leads[0]);
}

/* Does text start with a related lead?  Case is folded over the first
 * bytes only (the leads are short): any script, any locale.  Only the
 * leads that start with the text's first byte are compared. */
static bool text_starts_related(const char *text, size_t len)
{
	static pthread_once_t indexed = PTHREAD_ONCE_INIT;
	char folded[160];
	size_t flen = sizeof folded;
	char *f;
	bool found = false;

	if (len > 120)
		len = 120;
	f = text_lower(text, len, folded, &flen);
	if (!f)
		return false;
	pthread_once(&indexed, index_leads);
	unsigned char first = flen ? (unsigned char)f[0] : 0;
	for (int k = leads_ix.start[first]; flen && k < leads_ix.start[first + 1] && !found; k++) {
		const char *lead = related_leads[leads_ix.order[k]];
		size_t n = strlen(lead);
		found = flen >= n && memcmp(f, lead, n) == 0;
	}
	if (f != folded)
		free(f);
	return found;
}

static bool starts_related(xmlNodePtr n)
{
	char *t = dom_text_head(n, 120);
	bool r = t && text_starts_related(t, strlen(t));

	free(t);
	return r;
}

/* A short heading or line that opens a box of teasers ("Weitere
 * Artikel", "Das könnte Sie auch interessieren"): the box goes by its
 * own shape, its title must go with it. */
static bool is_related_title(const char *text, size_t len)
{
	return len <= 60 && text_starts_related(text, len);
}

/* Is this a data table, or layout?  Layout: role=presentation, a
 * nested table, paragraphs, headings or lists inside, fewer than 2 rows
 * or columns, or cells that average more than a long sentence.  Plain
 * divs in cells are fine (editors wrap every cell in one). */
static bool is_data_table(struct ctx *c, xmlNodePtr t)
{
	int rows = 0, cols = 0, cells = 0;
	const char *role = dom_attr_raw(t, "role");
	int ti = idx_of(t);

	if (role && ascii_casecmp(role, "presentation") == 0)
		return false;
	for (xmlNodePtr n = t->children; n; n = dom_next(n, t, false)) {
		int i;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		i = idx_of(n);
		if (i < 0)
			continue;
		switch (c->st[i].kind) {
		case K_TABLE: case K_P: case K_H1: case K_H2: case K_H3:
		case K_BLOCKQUOTE: case K_UL: case K_OL: case K_PRE:
			return false;
		case K_TR: {
			int k = 0;
			rows++;
			for (xmlNodePtr cell = n->children; cell; cell = cell->next)
				if (dom_is(cell, "td") || dom_is(cell, "th"))
					k++;
			if (k > cols)
				cols = k;
			cells += k;
			break;
		}
		default:
			break;
		}
	}
	if (rows < 2 || cols < 2)
		return false;
	return ti < 0 || c->st[ti].text <= (uint32_t)cells * 150;
}

/* A listing of other stories: at least two element children alike (same
 * tag and class), each a short text that starts with or holds a
 * headline link (15-99 % link) - the "cards" of a related-stories grid,
 * which carry summaries and so escape the link-density test. */
static bool story_listing(struct ctx *c, xmlNodePtr n)
{
	const char *cls = NULL, *tag = NULL;
	int items = 0;

	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		int i;
		struct nstat *s;
		float ld;

		if (ch->type == XML_TEXT_NODE) {
			if (ch->content && ch->content[strspn((const char *)ch->content, " \t\r\n")])
				return false;   /* loose text: prose, not a grid */
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		i = idx_of(ch);
		if (i < 0)
			continue;
		s = &c->st[i];
		if (s->flags & F_DROP)
			continue;
		ld = link_density(s);
		if (s->text == 0 || s->text > 400 || ld < 0.15f || ld >= 0.99f)
			return false;
		if (!tag) {
			tag = (const char *)ch->name;
			cls = dom_attr_raw(ch, "class");
		} else {
			const char *k = dom_attr_raw(ch, "class");
			if (strcmp(tag, (const char *)ch->name) != 0 ||
			    (cls == NULL) != (k == NULL) || (cls && strcmp(cls, k) != 0))
				return false;
		}
		items++;
	}
	/* list items with links are often content (notes, references):
	 * only classed cards count */
	return items >= 2 && tag && cls && *cls && strcmp(tag, "li") != 0 &&
	       strcmp(tag, "p") != 0;
}

/* A box of images is a gallery or a row of thumbnails when its text is
 * no more than captions: under this many letters per image.  Icons,
 * emoticons and step photos sit in boxes of real text (a forum post, a
 * recipe's directions, a comparison table). */
#define IMAGE_BOX_LETTERS 30

static size_t article_letters(const struct article *a, size_t limit);

/* Is n inside root (a bounded walk up: pages nest deep)? */
static bool within(xmlNodePtr n, xmlNodePtr root)
{
	for (int k = 0; n && k < 4096; n = n->parent, k++)
		if (n == root)
			return true;
	return false;
}

/* The lead image is shown above the text with its caption, so its box
 * is withheld from the body; but an image that comes after the opening
 * of the article's text, inside the article's own box, is one of its
 * figures (the lead only because it is the first), and its caption
 * stays where it stands, as every other figure's does. */
#define FLOW_LETTERS 300

static bool lead_withheld(const struct emit *e)
{
	const struct ctx *c = e->c;

	return !c->lead_inside || e->lenient ||
	       article_letters(c->a, FLOW_LETTERS) < FLOW_LETTERS;
}

/* Boilerplate by shape, for a box inside the content. */
static bool drop_box(struct emit *e, struct nstat *s, xmlNodePtr n)
{
	struct ctx *c = e->c;
	enum kind k = s->kind;
	float ld = link_density(s);
	bool list = k == K_UL || k == K_OL;

	if (s->flags & (F_DROP | F_SKIP))
		return true;
	if (n == c->lead && lead_withheld(e))
		return true;
	if (e->lenient || e->table)
		return false;   /* inside a data table every cell counts */
	if (k == K_FORM && s->text < 200)
		return true;
	if (is_heading(k) && s->weight < 0)
		return true;
	/* A short lead ("More from X:", "Related") + a box of links. */
	if ((k == K_P || is_heading(k) || k == K_DIV || k == K_INLINE ||
	     k == K_SECTION || list || k == K_ASIDE) &&
	    s->text < 400 && ld > 0.3f && starts_related(n))
		return true;
	if (!(k == K_DIV || k == K_SECTION || list || k == K_TABLE || k == K_FORM ||
	      k == K_BLOCK || k == K_HEADER || k == K_FIGURE))
		return false;
	if (k == K_TABLE && is_data_table(c, n))
		return s->weight < 0 || ld > 0.5f;     /* short tables are fine */
	if ((s->hints & H_CAPTION) && ld < 0.5f)
		return false;   /* a figure's caption box ("media-caption") */
	if (s->weight < 0 && s->text < 1000)
		return true;
	if (s->text < 2000 && s->weight <= 0 && story_listing(c, n))
		return true;
	if (s->commas >= 10)
		return false;
	if (!list && s->text && s->listtext * 10 > s->text * 9)
		list = true;
	if (s->img > 1 && s->p * 2 < s->img && k != K_FIGURE &&
	    s->text < IMAGE_BOX_LETTERS * s->img)
		return true;
	if (!list && s->li > s->p + 1 && ld > 0.2f)
		return true;
	if (s->input > s->p / 3 + 1)
		return true;
	if (!list && s->text < 25 && (s->img == 0 || s->img > 2) && k != K_FIGURE &&
	    s->heading * 10 < s->text * 9)
		return true;
	if (!list && s->weight < 25 && ld > 0.2f && s->text < 2000)
		return true;
	if (list && e->li == 0 && ld > 0.9f && s->text < 600)
		return true;    /* a bare box of links, not a nested sub-list */
	if (s->weight >= 25 && ld > 0.5f)
		return true;
	if ((s->embed == 1 && s->text < 75) || s->embed > 1)
		return s->text < 200;
	return false;
}

/* A short heading / lead line directly followed by a box of links: both
 * go ("More from X:" + a list). */
/* The next element sibling, or NULL. */
static xmlNodePtr next_element(xmlNodePtr n)
{
	for (n = n ? n->next : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* A short paragraph that is (almost) all link: one headline of a list
 * of related stories written as paragraphs. */
static bool link_para(struct ctx *c, xmlNodePtr n)
{
	int i = idx_of(n);
	struct nstat *s = i >= 0 ? &c->st[i] : NULL;

	return s && (s->kind == K_P || s->kind == K_LI) && s->text >= 10 &&
	       s->text < 200 && link_density(s) >= 0.7f;
}

static bool lead_of_link_box(struct emit *e, struct nstat *s, xmlNodePtr n)
{
	struct ctx *c = e->c;
	xmlNodePtr next = next_element(n);
	int i;

	if (s->text == 0 || s->text > 60 || s->link * 2 > s->text)
		return false;
	i = idx_of(next);
	if (i < 0)
		return false;
	struct nstat *ns = &c->st[i];
	if (link_para(c, next)) {
		/* "More from X:" then headline paragraphs, each a link */
		int run = 0;
		for (xmlNodePtr m = next; m && link_para(c, m); m = next_element(m))
			run++;
		if (run < 2 || !starts_related(n))
			return false;
		for (xmlNodePtr m = next; m && link_para(c, m); m = next_element(m))
			c->st[idx_of(m)].flags |= F_SKIP;
		return true;
	}
	if (ns->text < 20 || link_density(ns) < 0.7f)
		return false;
	if (!(ns->kind == K_UL || ns->kind == K_OL || ns->kind == K_DIV ||
	      ns->kind == K_SECTION))
		return false;
	/* a line ending in ':' is no such lead: "Sources:", "The paper is
	 * here:" introduce the article's own links */
	if (!starts_related(n))
		return false;
	ns->flags |= F_SKIP;
	return true;
}

/* An ordered list's first number: the start attribute's digits (after
 * blanks and a '+'), 1 when there are none or they say 0 or more than
 * LIST_START_MAX.  The cap keeps the count of items after it far from
 * INT_MAX: a page would need 10^9 more items to reach it. */
#define LIST_START_MAX 1000000000
static int list_start(const char *v)
{
	long n = 0;
	if (!v)
		return 1;
	while (ascii_isspace((unsigned char)*v))
		v++;
	if (*v == '+')
		v++;
	if (!ascii_isdigit((unsigned char)*v))
		return 1;
	for (; ascii_isdigit((unsigned char)*v); v++) {
		n = n * 10 + (*v - '0');
		if (n > LIST_START_MAX)
			return 1;
	}
	return n > 0 ? (int)n : 1;
}

static bool push_list(struct emit *e, bool ordered, xmlNodePtr n)
{
	if (!BUF_GROW_ARRAY(e->ordinals, e->ord_cap, (size_t)e->list_depth + 1, 8)) {
		e->oom = true;
		return false;
	}
	int start = ordered ? list_start(dom_attr_raw(n, "start")) : 1;
	e->ordinals[e->list_depth++] = ordered ? start : 0;
	return true;
}

/* Did a dropped box hold text?  Junk boxes (a widget, a hidden panel)
 * were never counted, so their text is looked at, up to its first
 * letters. */
static bool dropped_text(const struct nstat *s, xmlNodePtr n)
{
	char *t;
	bool any;

	if (s->text > 0)
		return true;
	if (!(s->flags & F_DROP) || s->kind == K_JUNK)
		return false;
	/* a dropped box of icons or empty wrappers: no copy of nothing */
	if (!dom_may_have_text(n))
		return false;
	t = dom_text_head(n, 8);
	any = t && *t;
	free(t);
	return any;
}

/* Inside a data table, rows and cells set the table's text apart:
 * " | " between cells, a line per row. */
static void enter_table_part(struct emit *e, enum kind kind)
{
	if (kind == K_TR) {
		if (e->table_row_open && e->text.len > 0)
			buf_add(&e->text, "\n", 1);
		e->table_row_open = true;
		e->table_cell_open = false;
		e->space = false;
	} else if (kind == K_CELL) {
		if (e->table_cell_open)
			buf_add(&e->text, " | ", 3);
		e->table_cell_open = true;
		e->space = false;
	} else if (kind == K_BR || is_block(kind)) {
		e->space = true;
	}
}

/* A <br>: a line break in <pre>; elsewhere a space, and two in a row
 * (blank text between them) end a paragraph. */
static void enter_break(struct emit *e, xmlNodePtr n)
{
	if (e->pre) {
		buf_add(&e->text, "\n", 1);
		return;
	}
	xmlNodePtr p = n->prev;
	while (p && p->type == XML_TEXT_NODE && p->content &&
	       strspn((const char *)p->content, " \t\r\n") == strlen((const char *)p->content))
		p = p->prev;
	if (dom_is(p, "br"))
		flush(e);
	else
		e->space = true;
}

/* A block element opens: what it makes of the text inside it (a
 * heading's level, a quote, a caption, a list item, a data table). */
static void open_block(struct emit *e, const struct nstat *s, xmlNodePtr n)
{
	switch (s->kind) {
	case K_H1: case K_H2: case K_H3: case K_H4: case K_H5: case K_H6:
		if (!e->heading)
			e->heading = s->kind == K_H1 ? 2 : (int)(s->kind - K_H1) + 1;
		break;
	case K_PRE: e->pre++; break;
	case K_BLOCKQUOTE: e->quote++; break;
	case K_FIGCAPTION: e->caption++; break;
	case K_DT: e->dt++; break;
	case K_DD: e->dd++; break;
	case K_DIV:
		if (s->hints & H_CAPTION)
			e->caption++;
		break;
	case K_LI:
		e->li++;
		if (e->list_depth > 0 && e->ordinals[e->list_depth - 1] > 0)
			e->ordinals[e->list_depth - 1]++;
		break;
	case K_UL: case K_OL: push_list(e, s->kind == K_OL, n); break;
	case K_TABLE:
		if (is_data_table(e->c, n)) {
			e->table++;
			e->table_row_open = false;
			e->table_cell_open = false;
		}
		break;
	default:
		break;
	}
}

/* Entering a node; returns whether to walk its children. */
static bool enter(struct emit *e, xmlNodePtr n)
{
	struct ctx *c = e->c;
	struct nstat *s;
	int i;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			emit_text(e, (const char *)n->content);
		return false;
	}
	if (n->type != XML_ELEMENT_NODE)
		return false;
	i = idx_of(n);
	if (i < 0)
		return false;
	s = &c->st[i];
	if (drop_box(e, s, n)) {
		if (e->title_parent && dropped_text(s, n))
			e->title_orphaned = true;
		return false;
	}
	if (!e->table && !e->pre && !e->lenient && (s->kind == K_P || is_heading(s->kind) ||
				     s->kind == K_DIV) && lead_of_link_box(e, s, n))
		return false;
	if (e->table) {
		enter_table_part(e, s->kind);
		return true;
	}
	if (s->kind == K_BR) {
		enter_break(e, n);
		return false;
	}
	if (s->kind == K_IMG || s->kind == K_HR)
		return false;
	if (s->kind == K_A) {
		if (e->a_depth++ == 0) {
			e->a_href = dom_attr_raw(n, "href");
			e->a_started = false;
		}
		return true;
	}
	if (e->pre || !is_block(s->kind))
		return true;
	flush(e);
	open_block(e, s, n);
	return true;
}

/* Longest heading taken for a box's title (a standfirst set as a
 * heading is longer). */
#define TITLE_BYTES 80

static void leave_element(struct emit *e, xmlNodePtr n)
{
	int i = idx_of(n);
	enum kind k;
	size_t before = e->c->a->nblocks;

	if (i < 0)
		return;
	k = (enum kind)e->c->st[i].kind;
	if (k == K_A) {
		if (e->a_depth > 0 && --e->a_depth == 0) {
			if (e->a_started)
				add_link(e, e->a_start, e->text.len, e->a_href);
			e->a_started = false;
			e->a_href = NULL;
		}
		return;
	}
	if (e->table) {
		if (k == K_TABLE) {
			flush(e);
			e->table--;
		}
		return;
	}
	if (e->pre && k != K_PRE)
		return;
	if (!is_block(k))
		return;
	flush(e);
	switch (k) {
	case K_H1: case K_H2: case K_H3: case K_H4: case K_H5: case K_H6:
		e->heading = 0;
		if (!e->lenient && e->long_paras > 0 && e->c->a->nblocks == before + 1 &&
		    e->c->a->blocks[before].len <= TITLE_BYTES) {
			e->title_parent = n->parent;    /* wait for what follows */
			e->title_block = before;
			e->title_orphaned = false;
		}
		break;
	case K_PRE: e->pre--; break;
	case K_BLOCKQUOTE: e->quote--; break;
	case K_FIGCAPTION: e->caption--; break;
	case K_DT: e->dt--; break;
	case K_DD: e->dd--; break;
	case K_DIV:
		if ((e->c->st[i].hints & H_CAPTION) && e->caption > 0)
			e->caption--;
		break;
	case K_LI: e->li--; break;
	case K_UL: case K_OL:
		if (e->list_depth > 0)
			e->list_depth--;
		break;
	default:
		break;
	}
}

static void leave(struct emit *e, xmlNodePtr n)
{
	leave_element(e, n);
	if (e->title_parent == n)
		end_title_wait(e, true);
}

/* Walk root with enter/leave events, iteratively: leave() is called
 * for every element whose enter() said to walk its children. */
static void emit_tree(struct emit *e, xmlNodePtr root)
{
	xmlNodePtr n = root;
	bool descend = enter(e, n);

	for (;;) {
		if (descend && n->children) {
			n = n->children;
			descend = enter(e, n);
			continue;
		}
		if (descend)
			leave(e, n);
		for (;;) {
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			leave(e, n);
		}
		descend = enter(e, n);
	}
}

/* ---- the whole ------------------------------------------------------- */

/* Letters in the article's blocks, counted up to limit: the callers
 * ask "at least so many?", and a long article need not be read through
 * to answer. */
static size_t article_letters(const struct article *a, size_t limit)
{
	size_t n = 0;

	for (size_t i = 0; i < a->nblocks && n < limit; i++)
		n += text_count_chars(a->blocks[i].text, a->blocks[i].len, TEXT_SKIP_CONTROL);
	return n;
}

/* Is byte c a control that is not white space (DEL included)? */
static inline bool is_binary_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
}

#ifdef __SSE2__
/* is_binary_control's count over the sixteen bytes at p.  (SSE2 is part
 * of x86-64: a page's newlines put a control in most words, so a test
 * for "no control at all" would send most of them down the byte loop.) */
static inline size_t binary_controls16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i high = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x20)), v);
	__m128i white = _mm_or_si128(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))));
	__m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
	/* below ' ' and not white space, or DEL */
	__m128i ctl = _mm_or_si128(_mm_andnot_si128(_mm_or_si128(high, white), _mm_set1_epi8(-1)), del);
	unsigned mask = (unsigned)_mm_movemask_epi8(ctl);
	/* most words have none (without -mpopcnt the count is a call) */
	return mask ? (size_t)__builtin_popcount(mask) : 0;
}
#endif

/* Control bytes other than white space are rare in any text; binary
 * files are full of them. */
static bool looks_binary(const char *bytes, size_t len)
{
	const unsigned char *u = (const unsigned char *)bytes;
	size_t n = len < 65536 ? len : 65536, ctl = 0, i = 0;

	size_t bom;

	if (charset_utf16(bytes, len, &bom))    /* its NULs are half of it */
		return false;
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16)
		ctl += binary_controls16(u + i);
#endif
	for (; i < n; i++) {
		/* eight bytes at a time while none is below 0x20 or DEL */
		uint64_t w;
		if (i + 8 <= n && (memcpy(&w, u + i, 8),
				   !text_word_has_below(w, 0x20) && !text_word_has(w, 0x7F))) {
			i += 7;
			continue;
		}
		ctl += is_binary_control(u[i]);
	}
	return ctl * 20 > n;
}

static void clear_private(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		c->st[i].node->_private = NULL;
	c->n = 0;
}

static void emit_free(struct emit *e)
{
	clear_links(e);
	free(e->links);
	buf_free(&e->text);
	free(e->ordinals);
	free(e->title_norm);
	buf_free(&e->scratch);
}

/* One attempt: collect, score, pick, emit.  strict: junk by class/id. */
static bool attempt(struct ctx *c, bool strict, bool first, bool lenient)
{
	xmlNodePtr roots[256];
	size_t nroots;
	int top;
	struct emit e;
	bool ok;

	clear_private(c);
	if (!pass_collect(c, strict))
		return false;
	pass_sum(c);
	pass_score(c);
	top = pick_top(c);
	if (top < 0) {
		roots[0] = c->body;
		nroots = 1;
	} else {
		nroots = pick_roots(c, top, roots + 1, sizeof roots / sizeof roots[0] - 1);
		roots[0] = nroots ? find_lead(c, roots[1]) : NULL;
		if (nroots && !roots[0])
			roots[0] = headline_lead(c, roots[1]);
		if (roots[0])
			nroots++;
		else
			memmove(roots, roots + 1, nroots * sizeof roots[0]);
	}
	if (first)
		c->lead = lead_image_extract(c->doc, top >= 0 ? c->st[top].node : NULL,
					     c->base, c->a);
	c->lead_inside = top >= 0 && within(c->lead, c->st[top].node);
	memset(&e, 0, sizeof e);
	e.c = c;
	e.lenient = lenient;
	if (lenient) {
		roots[0] = c->body;
		nroots = 1;
	}
	if (c->a->title)
		e.title_norm = norm(c->a->title);
	for (size_t i = 0; i < nroots && !e.oom && !e.text.oom; i++) {
		emit_tree(&e, roots[i]);
		flush(&e);
	}
	ok = !e.oom && !e.text.oom;
	emit_free(&e);
	return ok;
}

/* ---- the second opinion ---------------------------------------------
 * The scorer is one algorithm with one way of failing: it can pick a
 * box of page chrome, or lose the article's text to a box rule (a class
 * word a page builder puts on every wrapper, a layout table).  The
 * whole page, cut into paragraphs by the same emitter with only junk
 * tags removed, is judged paragraph by paragraph by an independent
 * classifier (extract-para.c); when the scorer found next to nothing and
 * the classifier clearly more, the article is the union of the two. */

/* Below this many letters the scorer's result is in doubt. */
#define DOUBT_LETTERS 300
/* Below this many it is in doubt too when the page holds, outside its
 * links, room for clearly more (a page of sections or rows where the
 * scorer picked one; the text of a forum post or an infographic's note
 * beside a bigger box).  The room is read from the scoring pass's
 * sums, so a page without it costs nothing more. */
#define DOUBT_ROOM_LETTERS 2000

/* Letters the classifier must find to be believed over a scorer that
 * found `scorer`: clearly more, a paragraph or two it missed entirely. */
static size_t clearly_more(size_t scorer)
{
	return 2 * scorer + 150;
}

/* Could the whole page hold clearly more text than the scorer found?
 * Its letters outside links, from the last scoring pass (good
 * paragraphs are the ones with few links). */
static bool room_for_more(const struct ctx *c, size_t scorer)
{
	int b = idx_of(c->body);
	const struct nstat *s = b >= 0 ? &c->st[b] : NULL;

	return s && s->text >= s->link && s->text - s->link >= clearly_more(scorer);
}

struct blocks_saved {
	struct block *blocks;
	size_t n, cap;
};

/* Take the blocks out of article a (to keep or give back). */
static struct blocks_saved blocks_take(struct article *a)
{
	struct blocks_saved b = { a->blocks, a->nblocks, a->blocks_cap };

	a->blocks = NULL;
	a->nblocks = 0;
	a->blocks_cap = 0;
	return b;
}

static void blocks_free(struct blocks_saved b)
{
	struct article tmp = { 0 };

	tmp.blocks = b.blocks;
	tmp.nblocks = b.n;
	article_keep_blocks(&tmp, NULL);
	free(b.blocks);
}

/* Put saved blocks back in place of a's. */
static void blocks_put(struct article *a, struct blocks_saved b)
{
	blocks_free(blocks_take(a));
	a->blocks = b.blocks;
	a->nblocks = b.n;
	a->blocks_cap = b.cap;
}

static uint64_t text_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;    /* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Mark the page's paragraphs that the scorer's article holds (the same
 * text: both come from one emitter). */
static bool mark_scorer_blocks(const struct blocks_saved *m, const struct article *page,
			       bool *mark)
{
	uint64_t *h = malloc((m->n ? m->n : 1) * sizeof *h);

	if (!h)
		return false;
	for (size_t i = 0; i < m->n; i++)
		h[i] = text_hash(m->blocks[i].text, m->blocks[i].len);
	qsort(h, m->n, sizeof *h, cmp_u64);
	for (size_t i = 0; i < page->nblocks; i++) {
		uint64_t k = text_hash(page->blocks[i].text, page->blocks[i].len);
		mark[i] = bsearch(&k, h, m->n, sizeof *h, cmp_u64) != NULL;
	}
	free(h);
	return true;
}

/* The page's blocks as the classifier's paragraphs. */
static void blocks_to_paras(const struct article *a, struct para *p)
{
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		p[i].text = b->text;
		p[i].len = b->len;
		for (size_t k = 0; k < b->nlinks; k++)
			p[i].link_len += b->links[k].end - b->links[k].start;
		p[i].heading = b->type >= BLOCK_H2 && b->type <= BLOCK_H6;
	}
}

/* Returns false only when out of memory. */
static bool second_opinion(struct ctx *c)
{
	size_t scorer = article_letters(c->a, DOUBT_ROOM_LETTERS), good = 0, n;
	struct blocks_saved mine;
	struct para *p;
	bool *keep;

	if (scorer >= DOUBT_ROOM_LETTERS ||
	    (scorer >= DOUBT_LETTERS && !room_for_more(c, scorer)))
		return true;
	mine = blocks_take(c->a);
	if (!attempt(c, false, false, true)) {
		blocks_put(c->a, mine);
		return false;
	}
	n = c->a->nblocks;
	p = calloc(n ? n : 1, sizeof *p);
	keep = calloc(n ? n : 1, sizeof *keep);
	if (!p || !keep || !mark_scorer_blocks(&mine, c->a, keep)) {
		free(p);
		free(keep);
		blocks_put(c->a, mine);
		return false;
	}
	blocks_to_paras(c->a, p);
	para_classify(p, n);
	for (size_t i = 0; i < n; i++)
		if (p[i].cls == PARA_GOOD)
			good += p[i].chars;
	if (good >= clearly_more(scorer)) {
		for (size_t i = 0; i < n; i++)
			keep[i] = keep[i] || p[i].cls == PARA_GOOD;
		article_keep_blocks(c->a, keep);
		blocks_free(mine);
	} else {
		blocks_put(c->a, mine);
	}
	free(p);
	free(keep);
	return true;
}

static const char *const js_cues[] = {
	"enable javascript", "javascript is disabled", "javascript is required",
	"requires javascript", "turn on javascript", "javascript enabled", NULL
};
static const char *const consent_cues[] = {
	"cookie", "consent", "privacy settings", "accept all", NULL
};
static const char *const paywall_cues[] = {
	"subscribe to continue", "subscribe to read", "subscribers only",
	"for subscribers", "already a subscriber", "sign in to continue",
	"log in to continue", "to continue reading", "premium article", NULL
};

/* text folded to ASCII lower case already (the cues are): strstr runs
 * at memory speed, where a case-folding search per cue would walk a
 * long page's text byte by byte nineteen times. */
static bool text_has(const char *folded, const char *const *cues)
{
	for (int i = 0; cues[i]; i++)
		if (strstr(folded, cues[i]))
			return true;
	return false;
}

/* Little text found: say why when the page shows the usual walls. */
static void set_notice(struct ctx *c)
{
	char *t;
	const char *msg = NULL;

	if (article_letters(c->a, 300) >= 300)
		return;
	t = dom_text(c->body);
	if (!t)
		return;
	for (char *p = t; *p; p++)
		*p = (char)ascii_tolower((unsigned char)*p);
	if (c->cue_js || text_has(t, js_cues))
		msg = "this page needs JavaScript; only part of it could be read";
	else if (text_has(t, paywall_cues) || c->cue_paywall)
		msg = "looks like a paywall; only part of the article could be read";
	else if (c->cue_consent || text_has(t, consent_cues))
		msg = "looks like a consent wall; only part of the page could be read";
	free(t);
	if (msg)
		article_set(&c->a->notice, msg);
}

#define PARSE_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
		    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

/* libxml2 (2.9) checks each end tag it cannot match against every open
 * element: N open elements and N stray end tags cost N^2 (64 000 of
 * each: 5 s; a 32 MB page: an hour).  It reports each stray end tag as
 * a TAG_NAME_MISMATCH error, so the errors are counted and the parse
 * stops once those checks have cost PARSE_STRAY_BUDGET comparisons (the
 * real pages of both corpora need at most 40 000; what follows the
 * point where a page passes the budget is not read). */
#define PARSE_STRAY_BUDGET (1ull << 26)

struct stray_watch {
	htmlParserCtxtPtr ctxt;
	unsigned long long cost;        /* open elements checked so far */
};

static void count_stray_end(void *data, xmlErrorPtr err)
{
	struct stray_watch *w = data;
	if (!err || err->code != XML_ERR_TAG_NAME_MISMATCH || !w->ctxt)
		return;
	w->cost += (unsigned)w->ctxt->nameNr;
	if (w->cost > PARSE_STRAY_BUDGET) {
		xmlStopParser(w->ctxt);
		w->ctxt = NULL;
	}
}

/* htmlParseDocument with the stray end tag budget above.  The error
 * handler is libxml2's per-thread one, restored afterwards. */
static void parse_watched(htmlParserCtxtPtr ctxt)
{
	struct stray_watch w = { ctxt, 0 };
	xmlStructuredErrorFunc old = xmlStructuredError;
	void *old_data = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&w, count_stray_end);
	htmlParseDocument(ctxt);
	xmlSetStructuredErrorFunc(old_data, old);
}

/* Parse bytes that are valid UTF-8.  htmlReadMemory(..., "UTF-8")
 * would run them through libxml2's UTF-8 to UTF-8 converter, one more
 * copy of the page; a parser context told its input is UTF-8 reads the
 * bytes as they are.  (Only for valid UTF-8: on a bad byte the parser
 * would fall back to Latin-1 for the rest of the page.) */
static xmlDocPtr parse_utf8(const char *bytes, size_t len, const char *url)
{
	htmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	ctxt = htmlCreateMemoryParserCtxt(bytes, (int)(len > INT32_MAX ? INT32_MAX : len));
	if (!ctxt)
		return NULL;
	htmlCtxtUseOptions(ctxt, PARSE_OPTS);
	ctxt->charset = XML_CHAR_ENCODING_UTF8;
	if (url && ctxt->input && !ctxt->input->filename)
		ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)url);
	parse_watched(ctxt);
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	return doc;
}

static xmlDocPtr parse(const struct extract_input *in)
{
	char enc[CHARSET_NAME_MAX];
	size_t len, bom;
	bool as_is;
	char *utf8;
	xmlDocPtr doc;

	/* Most pages are clean UTF-8 already: parse them in place. */
	charset_detect_ex(in->bytes, in->len, in->charset, enc, &bom, &as_is);
	if (as_is)
		return parse_utf8(in->bytes + bom, in->len - bom, in->base_url);
	utf8 = charset_decode(in->bytes + bom, in->len - bom, enc, &len);
	if (!utf8)
		return NULL;
	/* charset_decode makes valid UTF-8, and stripping escapes keeps
	 * it valid; IGNORE_ENC keeps a <meta charset> in the bytes from
	 * switching the parser to another decoder. */
	len = text_strip_escapes(utf8, len);
	doc = parse_utf8(utf8, len, in->base_url);
	free(utf8);
	return doc;
}

xmlDocPtr extract_parse(const struct extract_input *in, const char **why)
{
	xmlDocPtr doc;

	*why = NULL;
	if (!in || !in->bytes || in->len == 0) {
		*why = "empty document";
		return NULL;
	}
	if (looks_binary(in->bytes, in->len)) {
		*why = "not a readable HTML or text document";
		return NULL;
	}
	doc = parse(in);
	if (doc && !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc)
		*why = "no readable text";
	return doc;
}

enum status_code extract_article(const struct extract_input *in,
				 struct article **out, const char **why)
{
	xmlDocPtr doc = extract_parse(in, why);
	enum status_code rc;

	*out = NULL;
	if (!doc)
		return STATUS_NO_ARTICLE;
	rc = extract_article_doc(doc, in->base_url, out, why);
	xmlFreeDoc(doc);
	return rc;
}

/* Class/id hints can be wrong about a whole page: when they dropped
 * much and little is left, try again trusting only tags and
 * visibility, and keep the longer. */
static void retry_trusting_tags(struct ctx *c)
{
	size_t before = article_letters(c->a, SIZE_MAX);
	struct article keep = *c->a;
	struct block *saved = c->a->blocks;
	size_t nsaved = c->a->nblocks;
	c->a->blocks = NULL;
	c->a->nblocks = 0;
	c->a->blocks_cap = 0;
	if (attempt(c, false, false, false) && article_letters(c->a, SIZE_MAX) > before * 2 + 50) {
		struct article tmp = *c->a;
		tmp.blocks = saved;
		tmp.nblocks = nsaved;
		article_keep_blocks(&tmp, NULL);
		free(saved);
	} else {
		article_keep_blocks(c->a, NULL);
		free(c->a->blocks);
		c->a->blocks = saved;
		c->a->nblocks = nsaved;
		c->a->blocks_cap = keep.blocks_cap;
	}
}

/* The passes after the first: the retry above, the second opinion,
 * pruning, then for an empty result a lenient pass and, for a page
 * that keeps its whole text in <noscript> (its script version draws
 * it), that text rather than nothing.  false on OOM. */
static bool later_passes(struct ctx *c)
{
	if (c->strict_dropped && article_letters(c->a, 500) < 500)
		retry_trusting_tags(c);
	if (!second_opinion(c) || !prune_article(c->a))
		return false;
	if (c->a->nblocks == 0 && !attempt(c, false, false, true))
		return false;
	if (c->a->nblocks == 0) {
		c->open_noscript = true;
		if (!attempt(c, true, false, false) ||
		    (c->a->nblocks == 0 && !attempt(c, false, false, true)))
			return false;
	}
	return true;
}

enum status_code extract_article_doc(xmlDocPtr doc, const char *base_url,
				     struct article **out, const char **why)
{
	struct ctx c;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	enum status_code rc = STATUS_OK;

	static pthread_once_t indexed = PTHREAD_ONCE_INIT;

	pthread_once(&indexed, build_indexes);
	*out = NULL;
	*why = NULL;
	memset(&c, 0, sizeof c);
	c.doc = doc;
	c.body = dom_find(root, "body");
	if (!c.body)
		c.body = root;
	c.a = article_new();
	if (!c.a) {
		*why = "out of memory";
		return STATUS_NO_ARTICLE;
	}
	if (base_url)
		article_set(&c.a->url, base_url);
	c.base = dom_base_url(doc, base_url);
	c.ubase = url_base_new(c.base);
	meta_extract(doc, c.base, c.a);
	if (!attempt(&c, true, true, false) || !later_passes(&c)) {
		rc = STATUS_NO_ARTICLE;
		*why = "out of memory";
	} else if (c.a->nblocks == 0) {
		rc = STATUS_NO_ARTICLE;
		*why = "no readable text";
	} else {
		meta_signature(c.a);    /* the author signs at the end */
		meta_date_from_body(c.a);       /* the lead's dateline, the URL's date */
		set_notice(&c);
	}
	/* The nodes' _private marks die with the doc: no pass to clear
	 * them. */
	free(c.st);
	free(c.base);
	url_base_free(c.ubase);
	if (rc != STATUS_OK) {
		article_free(c.a);
		return rc;
	}
	*out = c.a;
	return STATUS_OK;
}
