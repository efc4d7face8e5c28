/* lead-image.c - the article's lead photo with its caption and credit.
 *
 * 1. Candidates are <img> elements (src, the lazy-load data-src family,
 *    srcset, <picture> sources) that are not logos, avatars, icons,
 *    hidden or tracking images, teasers linking to other pages, or
 *    inside nav/footer/aside/related chrome.
 * 2. The lead is the image the metadata names (og:image / JSON-LD: same
 *    file, stem or long path segment) when it shows before the article
 *    text is well under way; else an image marked as the hero; else the
 *    first candidate from the headline on.  None shown: no lead photo.
 * 3. Its caption region is the enclosing <figure>, a "photo box", or,
 *    climbing a few levels, following siblings marked as caption/credit.
 *    Inside it, elements marked credit/copyright/attribution/
 *    photographer (class, id, itemprop) or <cite> give the credit; the
 *    rest is the caption; visually-hidden labels are skipped.  A caption
 *    still carrying a credit is split by credit_split().
 * See doc/extraction.md, "Lead image". */
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>

#include "folio/lead-credit.h"
#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/lead-image.h"
#include "folio/meta.h"
#include "folio/meta-text.h"
#include "folio/text.h"
#include "folio/util-buf.h"
#include "folio/util-ascii.h"
#include "folio/util-url.h"

#define TOP_TEXT 2500   /* letters after the start beyond which images are "deep" */
#define CLIMB 4         /* ancestor levels searched for a caption */

static const char *const bad_img_hints[] = {
	"logo", "avatar", "icon", "sprite", "pixel", "tracking", "badge",
	"emoji", "button", "author", "profile", "thumb", "related", "promo",
	"social", "share", "advert", "sponsor", "headshot", "mugshot",
	"gravatar", "spinner", "loader", "placeholder", "svg", "math",
	"formula", "latex", "equation", NULL
};

static const char *const chrome_hints[] = {
	"related", "sidebar", "promo", "recommend", "nav", "menu", "masthead",
	"comment", "footer", "teaser", "advert", "sponsor", "outbrain",
	"taboola", "newsletter", NULL
};
static const char *const chrome_exact[] = {"ad", "ads", "adv", NULL};

/* Distinctive words, matched as substrings ("imgCaption", "photoCredit"). */
static const char *const credit_words[] = {
	"credit", "copyright", "photographer", "attribution", "courtesy", NULL
};
static const char *const caption_words[] = {
	"caption", "legend", "cutline", "bildunterschrift", "imagedescription", NULL
};
/* Short or ambiguous words, matched as class/id tokens; they mark a
 * credit only inside a figure or caption ("author" elsewhere is the
 * article's byline or a bio box). */
static const char *const credit_tokens[] = {
	"source", "byline", "author", "rights", "provider", "photo-by", NULL
};
static const char *const caption_tokens[] = {
	"desc", "figcaption", "media-meta", "image-meta", NULL
};

static const char *const hidden_hints[] = {
	"sr-only", "visually-hidden", "visuallyhidden", "screen-reader",
	"screenreader", "offscreen", "off-screen", "a11y", "hidden", NULL
};

/* The image URL an <img> shows: a real src, else a lazy-load attribute. */
static const char *img_src(xmlNodePtr img)
{
	static const char *const attrs[] = {
		"data-src", "data-lazy-src", "data-original", "data-hi-res-src",
		"data-url", "srcset", "data-srcset", NULL
	};
	const char *src = dom_attr_raw(img, "src");
	if (src && *src && strncmp(src, "data:", 5))
		return src;
	for (int i = 0; attrs[i]; i++) {
		const char *v = dom_attr_raw(img, attrs[i]);
		if (v && *v && strncmp(v, "data:", 5))
			return v;
	}
	/* <picture><source srcset="…"><img></picture>; libxml2 2.9 does not
	 * know <source> is empty and may nest the <img> inside it. */
	xmlNodePtr pic = img->parent;
	if (pic && dom_is(pic, "source"))
		pic = pic->parent;
	if (!pic || !dom_is(pic, "picture"))
		return NULL;
	int seen = 0;
	for (xmlNodePtr c = pic->children; c && seen < 32; c = dom_next(c, pic, false)) {
		seen++;
		const char *v = dom_is(c, "source") ? dom_attr_raw(c, "srcset") : NULL;
		if (v && *v && strncmp(v, "data:", 5))
			return v;
	}
	return NULL;
}

/* Absolute URL of an image source; a srcset gives its first URL. */
static char *img_url(const char *base, const char *src)
{
	while (*src == ' ' || *src == '\t' || *src == '\n')
		src++;
	char *one = strndup(src, strcspn(src, " \t\n\r"));
	if (!one)
		return NULL;
	char *url = url_resolve(base, one);
	free(one);
	return url;
}

static bool small_dimension(xmlNodePtr img, const char *attr)
{
	const char *v = dom_attr_raw(img, attr);
	if (!v || !ascii_isdigit((unsigned char)*v))
		return false;
	long n = strtol(v, NULL, 10);
	return n > 0 && n < 100;
}

/* Is anc an ancestor of (or equal to) n?  The walk stops at stop and
 * after MAX_WALK steps, so pages nested 100 000 deep stay linear. */
#define MAX_WALK 4096
static bool within(xmlNodePtr anc, xmlNodePtr n, xmlNodePtr stop)
{
	for (int i = 0; n && i < MAX_WALK; n = n->parent, i++) {
		if (n == anc)
			return true;
		if (n == stop)
			return false;
	}
	return false;
}

static bool is_ancestor(xmlNodePtr anc, xmlNodePtr n)
{
	return within(anc, n, NULL);
}

/* Inside page chrome (nav, footer, aside, related boxes)?  A wrapper
 * that also holds the article's body or headline is no chrome, whatever
 * its class says ("ad-portal", "l-sidebar-fixed"). */
#define CHROME_LEVELS 16
static bool in_chrome(xmlNodePtr n, xmlNodePtr body, xmlNodePtr start)
{
	int level = 0;
	for (xmlNodePtr p = n->parent; p && p != body && p->type == XML_ELEMENT_NODE &&
	     level < CHROME_LEVELS; p = p->parent, level++) {
		if (dom_is(p, "body") || (start && is_ancestor(p, start)) ||
		    (body && is_ancestor(p, body)))
			break;
		if (dom_is(p, "nav") || dom_is(p, "footer") || dom_is(p, "aside"))
			return true;
		if (hint_token(p, chrome_hints) || hint_token_exact(p, chrome_exact))
			return true;
	}
	return false;
}

/* Could img be the lead photo?  The metadata's own image (meta is
 * true) is trusted over file-name hints: "…_logo_main.jpg" can be it. */
static bool is_hidden(xmlNodePtr n)
{
	return dom_hidden(n) || hint_inside(n, hidden_hints, NULL);
}

/* Does href point at an image file (a lightbox link to the photo)? */
static bool image_href(const char *href)
{
	static const char *const exts[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", NULL
	};
	size_t n = strcspn(href, "?#");
	for (int i = 0; exts[i]; i++) {
		size_t k = strlen(exts[i]);
		if (n >= k && !ascii_ncasecmp(href + n - k, exts[i], k))
			return true;
	}
	return false;
}

/* An image wrapped in a link to another page is a teaser for that page
 * (a related story), not this article's photo.  Links to the image
 * itself, to an anchor, or to this page are fine. */
static bool links_elsewhere(xmlNodePtr img, const char *base)
{
	int level = 0;
	for (xmlNodePtr p = img->parent; p && level < 3; p = p->parent, level++) {
		if (!dom_is(p, "a"))
			continue;
		const char *href = dom_attr_raw(p, "href");
		if (!href || !*href || *href == '#' || !ascii_ncasecmp(href, "javascript:", 11) ||
		    image_href(href))
			return false;
		char *abs = url_resolve(base, href);
		bool same = abs && base && !strcmp(abs, base);
		free(abs);
		return !same;
	}
	return false;
}

static bool usable_img(xmlNodePtr img, xmlNodePtr content_root,
		       xmlNodePtr start, const char *base, bool meta)
{
	const char *src = img_src(img);
	if (!src)
		return false;
	/* (no guessing from "width:0" styles: image components size
	 * themselves with "width:0;min-width:100%") */
	if (small_dimension(img, "width") || small_dimension(img, "height") ||
	    is_hidden(img))
		return false;
	if (hint_token(img, bad_img_hints))
		return false;
	if (!meta && hint_token_str(src, bad_img_hints))
		return false;
	const char *dot = strrchr(src, '.');
	if (dot && (!ascii_ncasecmp(dot, ".svg", 4) || !ascii_ncasecmp(dot, ".ico", 4)))
		return false;
	if (!meta && links_elsewhere(img, base))
		return false;
	return !in_chrome(img, content_root, start);
}

/* File name of a URL, without query: ".../DSC001.jpg?w=1" -> "DSC001.jpg". */
static size_t url_file(const char *url, const char **start)
{
	size_t n = strcspn(url, "?# \t\n");
	size_t b = n;
	while (b && url[b - 1] != '/')
		b--;
	*start = url + b;
	return n - b;
}

/* The same picture, maybe in another size: equal file names, or file
 * names sharing a long stem ("IMG123-1140.jpg" / "IMG123-1138.jpg"). */
/* The longest path segment of url (no host, no query): often a UUID or
 * a file name that survives resizing services. */
static size_t longest_segment(const char *url, const char **start)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	p += strcspn(p, "/");           /* skip the host */
	size_t end = strcspn(p, "?# \t\n");
	size_t best = 0;
	*start = p;
	for (size_t i = 0; i < end;) {
		while (i < end && p[i] == '/')
			i++;
		size_t j = i;
		while (j < end && p[j] != '/')
			j++;
		if (j - i > best) {
			best = j - i;
			*start = p + i;
		}
		i = j;
	}
	return best;
}

static bool same_image(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	const char *fa, *fb;
	size_t na = url_file(a, &fa), nb = url_file(b, &fb);
	if (na >= 5 && na == nb && !memcmp(fa, fb, na))
		return true;
	size_t k = 0;
	while (k < na && k < nb && fa[k] == fb[k])
		k++;
	if (k >= 12)
		return true;
	/* ".../e80dae8a-b955-43f6-8ada-f023385e622b/scale-to-width-down/627" */
	const char *sa;
	size_t la = longest_segment(a, &sa);
	if (la < 16)
		return false;
	const char *qb = b + strcspn(b, "?#");
	for (const char *p = strstr(b, "/"); p && p < qb; p = strchr(p + 1, '/'))
		if ((size_t)(qb - p - 1) >= la && !strncmp(p + 1, sa, la) &&
		    (p[1 + la] == '/' || p + 1 + la == qb))
			return true;
	return false;
}

struct scan {
	xmlNodePtr content_root;
	const char *base;       /* document URL, for links to this page */
	const char *meta_url;
	xmlNodePtr start;       /* where the article begins (h1 or body) */
	bool started;           /* start is behind us */
	size_t text;            /* article letters seen so far */
	xmlNodePtr first;       /* first usable image after the start */
	xmlNodePtr hero;        /* first usable image marked as the hero */
};

/* Marked as the article's hero/featured image, on the image or a close
 * wrapper?  Such an image may sit above the headline. */
static bool is_hero(xmlNodePtr img)
{
	static const char *const words[] = {
		"hero", "featured-image", "featuredimage", "featured-media",
		"lead-image", "leadimage", "lead-media", "lead-photo",
		"lead-asset", "leadasset", "main-image", "mainimage",
		"article-image", "article__image", "post-thumbnail",
		"wp-post-image", "top-image", "story-image", "headline-image",
		NULL
	};
	int level = 0;
	for (xmlNodePtr p = img; p && level < 4 && p->type == XML_ELEMENT_NODE;
	     p = p->parent, level++)
		if (hint_inside(p, words, NULL))
			return true;
	return false;
}

/* Look at one node; returns the lead when it is decided. */
static xmlNodePtr scan_node(struct scan *sc, xmlNodePtr n)
{
	if (n == sc->start)
		sc->started = true;
	if (n->type == XML_TEXT_NODE) {
		/* Letters only: indentation is no text. */
		if (sc->started && n->content) {
			size_t len = strlen((const char *)n->content);
			sc->text += len - text_count_white((const char *)n->content, len);
		}
		return NULL;
	}
	if (!dom_is(n, "img"))
		return NULL;
	bool meta = same_image(img_src(n), sc->meta_url);
	if (!usable_img(n, sc->content_root, sc->start, sc->base, meta))
		return NULL;
	if (meta)
		return n;
	if (!sc->hero && is_hero(n))
		sc->hero = n;
	if (!sc->first && sc->started)
		sc->first = n;
	return NULL;
}

/* The page's headline: the h1 that reads like the title, else the
 * first h1 that is not the site's logo.  Only h1s up to the end of
 * content_root (when known) can start the article: the walk ends
 * there. */
static xmlNodePtr headline(xmlNodePtr root, xmlNodePtr content_root, const char *title)
{
	xmlNodePtr first = NULL;
	xmlNodePtr end = content_root ? dom_next(content_root, root, true) : NULL;
	int seen = 0;
	for (xmlNodePtr n = root; n && n != end && seen < 16; n = dom_next(n, root, false)) {
		if (!dom_is(n, "h1") || hint_logo_heading(n))
			continue;
		seen++;
		if (!first)
			first = n;
		char *t = title ? dom_text_max(n, 300) : NULL;
		double p = 0, r = 0;
		if (t)
			meta_overlap(t, title, &p, &r);
		free(t);
		if (p >= 0.6 && r >= 0.6)
			return n;
	}
	return first;
}

/* Where the article starts: its headline when the body contains it or
 * comes after it, else the body. */
static xmlNodePtr article_start(xmlNodePtr root, xmlNodePtr content_root,
				const char *title)
{
	xmlNodePtr h1 = headline(root, content_root, title);
	if (!content_root)
		return h1 ? h1 : root;
	/* xmlXPathCmpNodes: 1 when h1 comes first in document order. */
	if (h1 && (is_ancestor(content_root, h1) ||
		   xmlXPathCmpNodes(h1, content_root) == 1))
		return h1;
	return content_root;
}

/* Pick the lead <img>: the metadata's image if it shows up before the
 * article text is well under way, else the first usable image from the
 * headline (or the body's start) to that point. */
static xmlNodePtr find_lead_img(xmlDocPtr doc, xmlNodePtr content_root,
				const char *base, const char *meta_url,
				const char *title)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct scan sc = {content_root, base, meta_url, NULL, false, 0, NULL, NULL};
	sc.start = article_start(root, content_root, title);
	for (xmlNodePtr n = root; n && sc.text <= TOP_TEXT;) {
		/* noscript stays: its <img> is often the real one behind a
		 * lazy-load placeholder. */
		if (dom_is(n, "script") || dom_is(n, "style") ||
		    dom_is(n, "head") || dom_is(n, "template")) {
			n = dom_next(n, root, true);
			continue;
		}
		xmlNodePtr hit = scan_node(&sc, n);
		if (hit)
			return hit;
		n = dom_next(n, root, false);
	}
	return sc.hero ? sc.hero : sc.first;
}

/* ---- caption region ---- */


/* Marked as credit?  weak: also by the ambiguous tokens.  A class
 * name is read whole: "caption__credit" is a credit. */
static bool credit_mark(xmlNodePtr n, bool weak)
{
	const char *ip = dom_attr_raw(n, "itemprop");
	if (ip && (strstr(ip, "copyright") || strstr(ip, "creditText") ||
		   (weak && strstr(ip, "author"))))
		return true;
	return hint_inside(n, credit_words, NULL) ||
	       (weak && hint_token(n, credit_tokens));
}

/* Marked as caption by a class name that does not also say credit. */
static bool caption_mark(xmlNodePtr n)
{
	const char *ip = dom_attr_raw(n, "itemprop");
	if (ip && (strstr(ip, "caption") || strstr(ip, "description")))
		return true;
	return dom_is(n, "figcaption") || hint_inside(n, caption_words, credit_words) ||
	       hint_token(n, caption_tokens);
}

/* A credit element: marked as credit but not also as caption (a
 * wrapper classed "caption wysiwyg … attribution-auto" holds both). */
/* Is there text before n among its siblings? */
static bool text_before(xmlNodePtr n)
{
	for (xmlNodePtr p = n->prev; p; p = p->prev) {
		if (p->type == XML_TEXT_NODE && p->content) {
			for (const xmlChar *c = p->content; *c; c++)
				if (*c > ' ')
					return true;
		} else if (p->type == XML_ELEMENT_NODE && p->children) {
			return true;
		}
	}
	return false;
}

static bool is_credit_el(xmlNodePtr n)
{
	/* <cite>, and a <small> after the caption's words ("… quay.
	 * <small>Jo Berg</small>"): the fine print of a caption is its
	 * credit */
	if (dom_is(n, "cite") || (dom_is(n, "small") && text_before(n)))
		return true;
	return credit_mark(n, true) && !caption_mark(n);
}

/* Caption or credit text, gathered in parts (one per element), each
 * after a space. */
struct parts {
	struct buf text;
	/* where the first part ends and the last begins, to find an
	 * unmarked credit */
	xmlNodePtr part;
	size_t parts, first_end, last_start;
};

static void part_add(struct parts *b, const char *s)
{
	if (!*s)
		return;
	if (b->text.len)
		buf_char(&b->text, ' ');
	buf_str(&b->text, s);
}

/* Add caption text from element el, noting part boundaries. */
static void cap_add(struct parts *b, const char *t, xmlNodePtr el)
{
	if (!*t)
		return;
	if (el != b->part) {
		if (b->parts == 1)
			b->first_end = b->text.len;
		b->parts++;
		b->part = el;
		b->last_start = b->text.len ? b->text.len + 1 : 0;
	}
	part_add(b, t);
}

/* A visually hidden label that says the next element is the credit
 * ("<span class=visually-hidden>Image credit</span><span>Name</span>"). */
static bool hidden_credit_label(xmlNodePtr n)
{
	char *t = dom_text_max(n, 40);
	bool yes = t && credit_is_label(t);
	free(t);
	return yes;
}

/* Collect the text below region into caption and credit buffers.
 * in_caption says whether plain text counts as caption text.  Captions
 * are short: the walk stops after MAX_REGION nodes or 2000 bytes. */
#define MAX_REGION 4000
static void collect(xmlNodePtr region, struct parts *cap, struct parts *cr,
		    bool in_caption)
{
	xmlNodePtr credit_root = NULL, cap_root = NULL;
	if (is_credit_el(region))
		credit_root = region;
	bool labelled = false;  /* a hidden "Credit" label came last */
	int steps = 0;
	for (xmlNodePtr n = region; n && steps < MAX_REGION &&
	     cap->text.len + cr->text.len < 2000; steps++) {
		if (n->type == XML_ELEMENT_NODE && n != region &&
		    (is_hidden(n) || dom_is(n, "script") || dom_is(n, "style") ||
		     dom_is(n, "button") || dom_is(n, "svg"))) {
			labelled = !credit_root && is_hidden(n) && hidden_credit_label(n);
			n = dom_next(n, region, true);
			continue;
		}
		/* what a screen reader hears after "Credit" is the credit */
		if (labelled && n->type == XML_ELEMENT_NODE) {
			credit_root = n;
			labelled = false;
		}
		if (n->type == XML_ELEMENT_NODE && !credit_root && is_credit_el(n))
			credit_root = n;
		if (n->type == XML_ELEMENT_NODE && !cap_root && caption_mark(n))
			cap_root = n;
		if (n->type == XML_TEXT_NODE && n->content) {
			bool under_credit = labelled ||
					    (credit_root && within(credit_root, n, region));
			bool under_cap = in_caption ||
					 (cap_root && within(cap_root, n, region));
			char *t = text_clean_dup((const char *)n->content,
						 strlen((const char *)n->content));
			if (t && *t)
				labelled = false;
			if (t && under_credit)
				part_add(cr, t);
			else if (t && under_cap)
				cap_add(cap, t, n->parent);
			free(t);
		}
		xmlNodePtr next = dom_next(n, region, false);
		if (credit_root && next && !within(credit_root, next, region))
			credit_root = is_credit_el(next) ? next : NULL;
		if (cap_root && next && !within(cap_root, next, region))
			cap_root = NULL;
		n = next;
	}
}

/* Letters below n (spaces not counted), stopping past limit. */
static size_t letters(xmlNodePtr n, size_t limit)
{
	size_t k = 0;
	for (xmlNodePtr c = n; c && k <= limit; c = dom_next(c, n, false))
		if (c->type == XML_TEXT_NODE)
			for (const xmlChar *p = c->content; p && *p; p++)
				k += !ascii_isspace(*p);
	return k;
}

/* Does n hold an element marked as caption or credit? */
static bool holds_caption(xmlNodePtr n)
{
	int seen = 0;
	for (xmlNodePtr c = n->children; c && seen < 64; c = dom_next(c, n, false)) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		seen++;
		if (caption_mark(c) || credit_mark(c, false))
			return true;
	}
	return false;
}

/* An unmarked inline line after the image that reads as a credit
 * ("<img><em>(All photos: Jo Berg)</em>", "<small>© Agency</small>"). */
static bool credit_line(xmlNodePtr s)
{
	static const char *const inline_tags[] = { "em", "i", "small", "span", "cite", NULL };
	if (!dom_is_any(s, inline_tags))
		return false;
	if (letters(s, 200) > 200)
		return false;
	char *t = dom_text_max(s, 400);
	char *c = t ? credit_tidy(t) : NULL;
	bool yes = c && credit_is_credit(c);
	free(t);
	free(c);
	return yes;
}

/* Does n hold an h1, h2 or h3 (a headline block, no caption)? */
static bool holds_heading(xmlNodePtr n)
{
	static const char *const headings[] = { "h1", "h2", "h3", NULL };
	for (xmlNodePtr c = n; c; c = dom_next(c, n, false))
		if (dom_is_any(c, headings))
			return true;
	return false;
}

/* An unmarked line after the image that is a caption ending in a
 * labelled credit ("<div>Leaders meet. (Foto: Jo Berg)</div>", "<p>…
 * Photo: Jo Berg</p>"): the label tells it from the article's text. */
static bool captioned_line(xmlNodePtr s)
{
	static const char *const tags[] = { "div", "p", "span", "em", "i", "small", NULL };
	if (!dom_is_any(s, tags) || letters(s, 300) > 300 || holds_heading(s))
		return false;
	char *t = dom_text_max(s, 600), *cap = NULL, *cr = NULL;
	bool yes = t && !credit_split(t, &cap, &cr) && cap && cr && credit_has_label(cr);
	free(t);
	free(cap);
	free(cr);
	return yes;
}

/* Is sibling s a caption or credit block for the image: marked itself,
 * or a short footer holding marked parts ("media__footer" with a
 * credit span and a caption span) and no heading? */
static bool caption_sibling(xmlNodePtr s)
{
	if (caption_mark(s) || credit_mark(s, false) || credit_line(s) || captioned_line(s))
		return true;
	/* a headline block with a caption somewhere in it is no footer */
	return holds_caption(s) && letters(s, 400) <= 400 && !holds_heading(s);
}

/* A short line that opens with a credit label ("<p class=source>Foto:
 * Jo Berg</p>"): after the caption beside an image, its credit. */
static bool labelled_line(xmlNodePtr s)
{
	if (letters(s, 200) > 200)
		return false;
	char *t = dom_text_max(s, 400);
	bool yes = t && credit_has_label(t);
	free(t);
	return yes;
}

/* Next element sibling, skipping <br> and blank text. */
static xmlNodePtr next_el(xmlNodePtr n)
{
	for (n = n->next; n; n = n->next) {
		/* a lazy-loading page's <noscript> copy of the image stands
		 * between it and its caption */
		if (n->type == XML_ELEMENT_NODE && !dom_is(n, "br") &&
		    !dom_is(n, "noscript"))
			return n;
		if (n->type == XML_TEXT_NODE && n->content) {
			for (const xmlChar *p = n->content; *p; p++)
				if (!ascii_isspace(*p))
					return NULL;
		}
	}
	return NULL;
}

static xmlNodePtr enclosing_figure(xmlNodePtr img)
{
	int depth = 0;
	for (xmlNodePtr p = img->parent; p && depth < 8; p = p->parent, depth++)
		if (dom_is(p, "figure"))
			return p;
	return NULL;
}

/* The element to keep out of the body: the holder when it is little
 * more than the caption, else just the caption element.  Dropping a
 * big wrapper would take article text with it. */
static xmlNodePtr narrow(xmlNodePtr holder, xmlNodePtr caption, size_t caplen)
{
	if (holder && letters(holder, caplen + 30) <= caplen + 30)
		return holder;
	return caption;
}

/* libxml2's HTML parser knows no <source> as empty, so each source
 * holds the rest of the <picture>: "<picture><source><source><img>"
 * puts the image three levels down.  Such wrappers are no level of the
 * page's own. */
static bool source_wrapper(xmlNodePtr n)
{
	return dom_is(n, "source");
}

/* img, or the outermost <source> that wraps it. */
static xmlNodePtr out_of_sources(xmlNodePtr img)
{
	xmlNodePtr n = img;
	for (int i = 0; i < 16 && n->parent && source_wrapper(n->parent); i++)
		n = n->parent;
	return n;
}

/* A "photo box": a container named like one (photo, image, pic, media
 * …) holding the image, maybe a <br>, and one short text element as its
 * last child: "<div class=photobox><img><br><em>Caption</em></div>".
 * Returns that text element. */
static xmlNodePtr photo_box_caption(xmlNodePtr img)
{
	static const char *const box_words[] = {
		"photo", "image", "img", "pic", "media", "figure", "foto",
		"visual", "illustration", NULL
	};
	xmlNodePtr n = out_of_sources(img);
	/* Step out of a link or <picture> that only wraps the image. */
	if (n->parent && (dom_is(n->parent, "a") || dom_is(n->parent, "picture")) &&
	    !next_el(n))
		n = n->parent;
	xmlNodePtr box = n->parent;
	if (!box || !hint_token(box, box_words))
		return NULL;
	xmlNodePtr t = next_el(n);
	if (!t || next_el(t))
		return NULL;
	static const char *const tags[] = {
		"em", "i", "small", "span", "p", "div", "strong", "b", NULL
	};
	size_t k = dom_is_any(t, tags) ? letters(t, 400) : 0;
	return k > 0 && k <= 400 ? t : NULL;
}

/* Fill caption/credit for img; returns the element that holds them
 * (or NULL when none was found). */
static xmlNodePtr find_caption(xmlNodePtr img, struct parts *cap, struct parts *cr)
{
	xmlNodePtr fig = enclosing_figure(img), bare_fig = NULL;
	if (fig) {
		collect(fig, cap, cr, false);
		/* A figure without figcaption: the caption may follow it. */
		xmlNodePtr s = next_el(fig);
		if (!cap->text.len && !cr->text.len && s && caption_sibling(s)) {
			collect(s, cap, cr, true);
			return s;
		}
		if (cap->text.len || cr->text.len)
			return narrow(fig, dom_find(fig, "figcaption"),
				      cap->text.len + cr->text.len);
		/* nothing in or right after it: the caption may follow the
		 * figure's wrapper ("<div><figure>…</figure></div><div
		 * class=caption>") */
		bare_fig = narrow(fig, dom_find(fig, "figcaption"), 0);
	}
	xmlNodePtr box = fig ? NULL : photo_box_caption(img);
	if (box) {
		collect(box, cap, cr, true);
		return narrow(box->parent, box, cap->text.len + cr->text.len);
	}
	xmlNodePtr n = img;
	for (int level = 0, steps = 0; level < CLIMB && n && n->parent && steps < 32;
	     steps++) {
		xmlNodePtr found = NULL;
		for (xmlNodePtr s = next_el(n); s; s = next_el(s)) {
			if (!caption_sibling(s) && !(found && labelled_line(s)))
				break;
			/* Unmarked text next to a marked credit is the caption
			 * ("media__title" beside "media__copyright"). */
			collect(s, cap, cr, true);
			if (!found)
				found = s;
		}
		if (found)
			return narrow(n->parent, found, cap->text.len + cr->text.len);
		n = n->parent;
		if (!source_wrapper(n))
			level++;
		if (dom_is(n, "body") || dom_is(n, "article") || dom_is(n, "main"))
			break;
	}
	return bare_fig;
}

static void set_lead(struct article *a, const char *url, char *caption,
		     char *credit)
{
	struct lead_image *li = article_lead_image(a);
	if (!li)
		return;
	if (url)
		article_set(&li->url, url);
	article_set(&li->caption, caption);
	article_set(&li->credit, credit);
}

/* No credit marked: is the first or last part of the caption a credit
 * on its own ("<span>Caption</span><span>Getty Images</span>",
 * "<span>© X</span><span>Caption</span>")?  Moves it to cr. */
static void unmarked_credit(struct parts *cap, struct parts *cr)
{
	if (cr->text.len || cap->parts < 2 || cap->text.oom)
		return;
	const char *tail = cap->text.data + cap->last_start;
	if (cap->last_start < cap->text.len && strlen(tail) <= 120 &&
	    credit_is_credit(tail)) {
		part_add(cr, tail);
		cap->text.len = cap->last_start ? cap->last_start - 1 : 0;
		cap->text.data[cap->text.len] = '\0';
		return;
	}
	if (cap->first_end && cap->first_end <= 120) {
		char *head = strndup(cap->text.data, cap->first_end);
		size_t hl = head ? strlen(head) : 0;
		/* a bare "Photo:" label whose name is the next part is no
		 * credit on its own */
		if (head && credit_has_label(head) && hl && head[hl - 1] != ':' &&
		    strchr(head, ' ')) {
			part_add(cr, head);
			size_t skip = cap->first_end + (cap->text.data[cap->first_end] == ' ');
			memmove(cap->text.data, cap->text.data + skip, cap->text.len - skip + 1);
			cap->text.len -= skip;
		}
		free(head);
	}
}

/* Separate caption and credit from what the region gave. */
static void finish(struct parts *cap, struct parts *cr, char **caption, char **credit)
{
	*caption = *credit = NULL;
	unmarked_credit(cap, cr);
	if (cap->text.oom || cr->text.oom)
		return;
	char *c1 = NULL, *c2 = NULL;
	if (cap->text.len && credit_split(cap->text.data, &c1, &c2) < 0)
		return;
	if (cr->text.len) {
		/* The marked credit wins over one guessed from the text. */
		*credit = credit_tidy(cr->text.data);
		free(c2);
	} else {
		*credit = c2;
	}
	*caption = c1;
	if (*caption)
		text_clean(*caption, strlen(*caption));
	if (*credit)
		text_clean(*credit, strlen(*credit));
}

/* A credit the page keeps in an attribute its style shows
 * ("<figure data-credit='Jo Berg/AP'>", "<img data-photo-copyright=…>"):
 * a data- attribute named credit, copyright or photographer on the
 * image or a wrapper, up to the figure or DATA_CREDIT_LEVELS up and not
 * past the caption's holder.  Its value must read as words, not an id. */
#define DATA_CREDIT_LEVELS 4

static char *attr_credit(xmlAttrPtr at)
{
	static const char *const words[] = {"credit", "copyright", "photographer", NULL};
	const char *name = (const char *)at->name;
	if (ascii_ncasecmp(name, "data-", 5))
		return NULL;
	bool named = false;
	for (int i = 0; words[i] && !named; i++)
		named = ascii_casestr(name + 5, words[i]) != NULL;
	if (!named || !at->children || at->children->next ||
	    at->children->type != XML_TEXT_NODE || !at->children->content)
		return NULL;
	const char *v = (const char *)at->children->content;
	size_t len = strlen(v), alpha = 0;
	for (size_t i = 0; i < len; i++)
		alpha += ascii_isalpha((unsigned char)v[i]) || (unsigned char)v[i] >= 0x80;
	if (len > 200 || alpha < 2)
		return NULL;
	char *t = text_clean_dup(v, len);
	char *credit = t && *t ? credit_tidy(t) : NULL;
	free(t);
	return credit;
}

static char *data_credit(xmlNodePtr img, xmlNodePtr holder)
{
	xmlNodePtr stop = holder ? holder->parent : NULL;
	xmlNodePtr n = img;
	for (int level = 0; n && n->type == XML_ELEMENT_NODE && n != stop &&
	     level < DATA_CREDIT_LEVELS; level++, n = n->parent) {
		for (xmlAttrPtr at = n->properties; at; at = at->next) {
			char *credit = attr_credit(at);
			if (credit)
				return credit;
		}
		if (dom_is(n, "figure") || dom_is(n, "body"))
			break;
	}
	return NULL;
}

/* The image's alt text when it is a caption with its credit ("… on the
 * launch pad.(Jo Berg/AP)"): slideshows show it as the caption.  A
 * plain alt ("Deck of cards") is a description, not a caption. */
static void alt_caption(xmlNodePtr img, char **caption, char **credit)
{
	const char *alt = dom_attr_raw(img, "alt");
	size_t len = alt ? strlen(alt) : 0;
	if (!len || len > 1000)
		return;
	char *t = text_clean_dup(alt, len), *cap = NULL, *cr = NULL;
	if (t && !credit_split(t, &cap, &cr) && cap && cr) {
		*caption = cap;
		*credit = cr;
	} else {
		free(cap);
		free(cr);
	}
	free(t);
}

static void drop_lead(struct article *a)
{
	if (!a->lead_image)
		return;
	free(a->lead_image->url);
	free(a->lead_image->caption);
	free(a->lead_image->credit);
	free(a->lead_image);
	a->lead_image = NULL;
}

xmlNodePtr lead_image_extract(xmlDocPtr doc, xmlNodePtr content_root,
			      const char *base_url, struct article *a)
{
	if (!doc || !a || !xmlDocGetRootElement(doc))
		return NULL;
	const char *meta_url = a->lead_image ? a->lead_image->url : NULL;
	xmlNodePtr img = find_lead_img(doc, content_root, base_url, meta_url, a->title);
	if (!img) {
		/* The metadata names an image the page does not show (or
		 * shows only as a placeholder): there is no lead photo. */
		drop_lead(a);
		return NULL;
	}
	char *url = img_url(base_url, img_src(img));
	struct parts cap = {0}, cr = {0};
	xmlNodePtr holder = find_caption(img, &cap, &cr);
	char *caption = NULL, *credit = NULL;
	finish(&cap, &cr, &caption, &credit);
	if (!credit)
		credit = data_credit(img, holder);
	if (!caption && !credit && !(a->lead_image && (a->lead_image->caption ||
						       a->lead_image->credit)))
		alt_caption(img, &caption, &credit);
	/* The page's own caption/credit win; metadata's (already set) stay
	 * only when they describe this very image. */
	if (caption || credit || !same_image(img_src(img), meta_url))
		set_lead(a, url ? url : meta_url, caption, credit);
	else if (url)
		article_set(&a->lead_image->url, url);
	free(url);
	free(caption);
	free(credit);
	buf_free(&cap.text);
	buf_free(&cr.text);
	return holder ? holder : img;
}
