/* meta.c - title, byline, site name and date of an article.
 *
 * Sources, in the order they are trusted for each field:
 *   title:     the page's own h1 when it agrees with a metadata title
 *              (the headline as shown); else dc/og/twitter/JSON-LD/
 *              parsely metadata; else <title>; site names are cut off.
 *   byline:    author names from JSON-LD, <meta> and visible byline
 *              elements, cross-checked; people only, no "By", dates,
 *              job titles or e-mail addresses.
 *   published: JSON-LD datePublished, article:published_time and kin,
 *              then the page's marks and datelines (meta-date.c).
 * See doc/extraction.md, "Metadata". */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "folio/date.h"
#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/meta-date.h"
#include "folio/meta-jsonld.h"
#include "folio/meta.h"
#include "folio/meta-text.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-url.h"

/* <meta> keys we read, after normalising (lower case, '.' -> ':'). */
enum mkey {
	K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_ART_TITLE,
	K_WEIBO_PAGE_TITLE, K_TITLE, K_TW_TITLE, K_PARSELY_TITLE,
	K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
	K_ART_AUTHOR, K_OG_ART_AUTHOR, K_SAILTHRU_AUTHOR, K_BYL,
	K_OG_SITE, K_APP_NAME,
	K_ART_PUB, K_OG_ART_PUB, K_PARSELY_PUB, K_ITEMPROP_PUB, K_DC_DATE,
	K_DCTERMS_CREATED, K_PUBDATE, K_SAILTHRU_DATE,
	K_DC_ISSUED, K_DCTERMS_ISSUED, K_PUBLICATION_DATE, K_PUBLISHED_TIME, K_DATE,
	K_OG_TYPE, K_OG_IMAGE, K_OG_IMAGE_URL, K_OG_IMAGE_SECURE, K_TW_IMAGE,
	K_TW_IMAGE_SRC,
	K_COUNT
};

static const char *const mkey_names[K_COUNT] = {
	"dc:title", "dcterm:title", "og:title", "weibo:article:title",
	"weibo:webpage:title", "title", "twitter:title", "parsely-title",
	"dc:creator", "dcterm:creator", "author", "parsely-author",
	"article:author", "og:article:author", "sailthru:author", "byl",
	"og:site_name", "application-name",
	"article:published_time", "og:article:published_time",
	"parsely-pub-date", "datepublished", "dc:date", "dcterms:created",
	"pubdate", "sailthru:date",
	"dc:date:issued", "dcterms:issued", "publication_date", "published_time", "date",
	"og:type", "og:image", "og:image:url", "og:image:secure_url",
	"twitter:image", "twitter:image:src",
};

struct metas {
	char *v[K_COUNT];
};

static void metas_free(struct metas *m)
{
	for (int i = 0; i < K_COUNT; i++)
		free(m->v[i]);
}

/* Record content under one key (first value wins). */
static void metas_put(struct metas *m, const char *key, size_t klen,
		      const char *content)
{
	char norm[64];
	if (klen == 0 || klen >= sizeof norm)
		return;
	for (size_t i = 0; i < klen; i++) {
		char c = (char)ascii_tolower((unsigned char)key[i]);
		norm[i] = c == '.' ? ':' : c;
	}
	norm[klen] = '\0';
	for (int i = 0; i < K_COUNT; i++) {
		if (strcmp(norm, mkey_names[i]) || m->v[i])
			continue;
		m->v[i] = strdup(content);
		if (m->v[i] && strchr(m->v[i], '&'))      /* escaped twice */
			meta_decode_refs(m->v[i]);
		return;
	}
}

/* A property attribute may hold several space-separated keys. */
static void metas_put_all(struct metas *m, const char *keys, const char *content)
{
	const char *p = keys;
	while (*p) {
		while (*p && ascii_isspace((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !ascii_isspace((unsigned char)*e))
			e++;
		metas_put(m, p, (size_t)(e - p), content);
		p = e;
	}
}

#define MAX_H1 12
/* What one walk over the page finds for the later steps. */
struct survey {
	xmlNodePtr title;               /* first <title> outside <svg> */
	xmlNodePtr h1[MAX_H1];
	size_t nh1;
	struct date_marks dates;        /* meta-date.c's */
};

static void survey_node(xmlNodePtr n, struct survey *sv)
{
	if (dom_is(n, "title") && !sv->title)
		sv->title = n;
	else if (dom_is(n, "h1") && sv->nh1 < MAX_H1) {
		if (!sv->nh1)
			sv->dates.h1 = n;       /* the dateline's anchor */
		sv->h1[sv->nh1++] = n;
	}
	else
		meta_date_note(n, sv->nh1 > 0, &sv->dates);
}

/* One walk: <meta> values (property= wins over name= and itemprop=: a
 * page that has both usually means the property one for Open Graph /
 * Dublin Core), JSON-LD scripts, and the survey's elements. */
static void collect_all(xmlDocPtr doc, struct metas *m, struct jsonld_meta *j,
			struct survey *sv)
{
	struct metas named = {0};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root; n;) {
		if (dom_is(n, "svg")) {         /* an SVG <title> is no page title */
			n = dom_next(n, root, true);
			continue;
		}
		if (dom_is(n, "script")) {
			jsonld_script(n, j);
			n = dom_next(n, root, true);
			continue;
		}
		survey_node(n, sv);
		char *content = dom_is(n, "meta") ? dom_attr(n, "content") : NULL;
		if (content) {
			const char *k = dom_attr_raw(n, "property");
			if (k)
				metas_put_all(m, k, content);
			if ((k = dom_attr_raw(n, "name")))
				metas_put_all(&named, k, content);
			if ((k = dom_attr_raw(n, "itemprop")))
				metas_put_all(&named, k, content);
			free(content);
		}
		n = dom_next(n, root, false);
	}
	for (int i = 0; i < K_COUNT; i++) {
		if (!m->v[i]) {
			m->v[i] = named.v[i];
			named.v[i] = NULL;
		}
	}
	metas_free(&named);
}

static const char *first_of(const struct metas *m, const enum mkey *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m->v[keys[i]])
			return m->v[keys[i]];
	return NULL;
}

/* ---- title ---- */

struct h1s {
	char *text[MAX_H1];
	xmlNodePtr node[MAX_H1];
	size_t n;
	char *logo;     /* text of an h1 that links to the site's home */
};

static void h1s_collect(const struct survey *sv, struct h1s *h)
{
	for (size_t i = 0; i < sv->nh1; i++) {
		xmlNodePtr n = sv->h1[i];
		char *t = dom_text_max(n, 300);
		if (!t || !*t) {
			free(t);
			continue;
		}
		if (hint_logo_heading(n)) {
			if (!h->logo)
				h->logo = t;
			else
				free(t);
			continue;
		}
		h->node[h->n] = n;
		h->text[h->n++] = t;
	}
}

/* The h1 minus a kicker: "<h1><span class=kicker>Coastal works</span>
 * <span>Wall finished</span></h1>" when the metadata title is "Wall
 * finished".  The words before the title must be an element of their
 * own inside the h1 (its first child element), so a headline's own
 * "Storm warning: …" stays.  NULL when h1 is no kicker + title. */
static char *without_kicker(xmlNodePtr h1, const char *text, const char *title)
{
	size_t tl = title ? strlen(title) : 0, hl = strlen(text);
	if (!tl || hl <= tl || strcmp(text + hl - tl, title))
		return NULL;
	xmlNodePtr first = h1->children;
	while (first && first->type != XML_ELEMENT_NODE) {
		if (first->type == XML_TEXT_NODE && first->content &&
		    first->content[strspn((const char *)first->content, " \t\r\n")])
			return NULL;    /* plain words come first */
		first = first->next;
	}
	char *kicker = first ? dom_text_max(first, 200) : NULL;
	size_t kl = kicker ? strlen(kicker) : 0;
	/* the kicker, then separators only, then the title */
	bool yes = kl && kl < hl - tl + 1 && !strncmp(text, kicker, kl) &&
		   strspn(text + kl, " -:|\xe2\x80\x93\x94") >= hl - tl - kl;
	free(kicker);
	return yes ? strdup(title) : NULL;
}

static void h1s_free(struct h1s *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->text[i]);
	free(h->logo);
}

static char *doc_title(const struct survey *sv)
{
	char *t = sv->title ? dom_text(sv->title) : NULL;
	if (t && !*t) {
		free(t);
		t = NULL;
	}
	return t;
}

/* Does the page carry article metadata (so it is a real article page
 * whose h1 is its headline), rather than a bare test document? */
static bool has_article_meta(const struct metas *m, const struct jsonld_meta *j)
{
	return j->found || m->v[K_OG_TITLE] || m->v[K_ART_PUB] ||
	       (m->v[K_OG_TYPE] && strstr(m->v[K_OG_TYPE], "article"));
}

/* Does h1 read as the same headline as ref? */
static bool agrees(const char *h1, const char *ref, bool article)
{
	if (!ref)
		return false;
	double p, r;
	meta_overlap(h1, ref, &p, &r);
	if (p + r == 0)
		return false;
	double f1 = 2 * p * r / (p + r);
	if (article)
		return p > 0.5 && r >= 0.5;
	return f1 >= 0.8;
}

/* Is h1 the <title>'s first segment ("Wall finished" of "Wall
 * finished | The Coastal Post of the Northern Shore")?  Then the rest is
 * the site's, however long its name, and the h1 the headline; unless
 * the h1 is the site's name itself ("Coast Post | Wall finished"). */
static bool heads_title(const char *h1, const char *doc_title,
			const char *const *sites, size_t ns, const char *base_url)
{
	return doc_title && meta_title_leads(doc_title, h1) &&
	       !meta_is_site_name(h1, sites, ns, base_url);
}

static char *choose_title(const struct survey *sv, const struct metas *m,
			  const struct jsonld_meta *j, const char *base_url,
			  const char *byline)
{
	static const enum mkey tkeys[] = {
		K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_ART_TITLE,
		K_WEIBO_PAGE_TITLE, K_TITLE, K_TW_TITLE,
	};
	const char *mt = first_of(m, tkeys, sizeof tkeys / sizeof tkeys[0]);
	if (!mt)
		mt = j->headline;
	if (!mt)
		mt = m->v[K_PARSELY_TITLE];
	struct h1s h = {0};
	h1s_collect(sv, &h);
	char *dt = doc_title(sv);
	const char *sites[] = {
		m->v[K_OG_SITE], j->publisher, m->v[K_APP_NAME], h.logo, byline,
	};
	size_t ns = sizeof sites / sizeof sites[0];
	char *dts = dt ? meta_strip_site(dt, sites, ns, base_url, true) : NULL;
	char *mts = mt ? meta_strip_site(mt, sites, ns, base_url, false) : NULL;
	bool art = has_article_meta(m, j);
	char *out = NULL;
	for (size_t i = 0; i < h.n && !out; i++) {
		if (agrees(h.text[i], mts, art) || agrees(h.text[i], dts, art) ||
		    agrees(h.text[i], j->headline, art) ||
		    heads_title(h.text[i], dt, sites, ns, base_url)) {
			const char *refs[] = {mts, dts, j->headline};
			for (size_t k = 0; k < 3 && !out; k++)
				out = without_kicker(h.node[i], h.text[i], refs[k]);
			if (!out)
				out = strdup(h.text[i]);
		}
	}
	if (!out && mts)
		out = strdup(mts);
	/* a <title> that is the site's name alone names no article */
	if (!out && dts && !(h.n && meta_is_site_name(dts, sites, ns, base_url)))
		out = strdup(dts);
	if (!out && h.n)
		out = strdup(h.text[0]);
	free(dts);
	free(mts);
	free(dt);
	h1s_free(&h);
	return out;
}

/* ---- byline ---- */

/* Class/id words of elements that hold the author's name. */
static const char *const byline_hints[] = {
	"byline", "author", "writer", "reporter", "contributor", "postedby",
	"creator", "autor", "auteur", NULL
};
/* ... unless they are one of these (bio boxes, photos, comments). */
static const char *const byline_vetoes[] = {
	"bio", "avatar", "photo", "image", "img", "comment", "related",
	"social", "share", "follow", "more", "about", "description", "authori",
	"pic", "thumb", "desc", NULL
};

/* Name given by an itemprop=author element: its itemprop=name when it
 * has one (the rest may be a job title or a bio). */
static char *itemprop_author(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = dom_next(c, n, false)) {
		const char *ip = dom_attr_raw(c, "itemprop");
		if (ip && strstr(ip, "name")) {
			const char *content = dom_attr_raw(c, "content");
			return content ? text_clean_dup(content, strlen(content))
				       : dom_text_max(c, 300);
		}
	}
	const char *content = dom_attr_raw(n, "content");
	if (content && !dom_is(n, "meta"))
		return text_clean_dup(content, strlen(content));
	return dom_is(n, "meta") ? NULL : dom_text_max(n, 300);
}

/* Class/id words of comment threads, related-story lists, navigation
 * and sidebars: no byline inside such an area is the article's. */
static const char *const veto_areas[] = {
	"comment", "related", "nav", "menu", "sidebar", "recommend", "promo", NULL
};

/* What still vetoes in the second pass: reader comments, teaser and
 * "more stories" lists (other articles' bylines). */
static const char *const thread_areas[] = {
	"comment", "related", "recommend", "promo", "more", NULL
};

/* Footers veto class hints only (weak): blogs put the real author
 * (rel=author) in the post's footer line. */
static const char *const weak_areas[] = {"footer", NULL};

/* The lists asked of every element's class and id, as bits of
 * battrs.marks: its tokens are read once for all of them. */
enum {
	MARK_HINT = 1 << 0,     /* byline_hints */
	MARK_VETO = 1 << 1,     /* byline_vetoes */
	MARK_AREA = 1 << 2,     /* veto_areas */
	MARK_WEAK = 1 << 3,     /* weak_areas */
	MARK_THREAD = 1 << 4,   /* thread_areas */
};
static const char *const *const mark_lists[] = {
	byline_hints, byline_vetoes, veto_areas, weak_areas, thread_areas, NULL
};
static struct hint_marks marks_ix;
static pthread_once_t marks_indexed = PTHREAD_ONCE_INIT;

static void index_marks(void)
{
	hint_marks_build(&marks_ix, mark_lists);
}

/* The MARK_ bits of class or id value v: a token starts with a word of
 * the list.  "promoted" is no promotion box for the areas: CMSs mark
 * an article shown on the front page so ("node-promoted"), and the
 * whole article would go. */
static unsigned class_marks(const char *v)
{
	unsigned marks = 0;
	size_t len;
	for (const char *t; v && (t = hint_next_token(v, &len)); v = t + len) {
		unsigned m = hint_marks_token(&marks_ix, t, len);
		if (len == 8 && !ascii_ncasecmp(t, "promoted", 8))
			m &= ~(unsigned)(MARK_AREA | MARK_THREAD);
		marks |= m;
	}
	return marks;
}

/* An element's attributes the byline tests read, in one pass. */
struct battrs {
	const char *rel, *itemprop, *cls, *id;
	unsigned marks;         /* MARK_ bits of class and id */
};

static void read_battrs(xmlNodePtr n, struct battrs *ba)
{
	static const char *const names[] = {"rel", "itemprop", "class", "id", NULL};
	const char *v[4];
	dom_attrs(n, names, v);
	ba->rel = v[0];
	ba->itemprop = v[1];
	ba->cls = v[2];
	ba->id = v[3];
	pthread_once(&marks_indexed, index_marks);
	ba->marks = class_marks(ba->cls) | class_marks(ba->id);
}

/* The headline's ancestors, sorted by address for bsearch: a wrapper
 * that holds the headline is the article's, whatever its class says
 * (an article column with id=sidebar).  The nearest MAX_CHAIN only. */
#define MAX_CHAIN 4096

#define MAX_PASSED 64

/* What the first pass left for the second: a candidate an area vetoed,
 * or the root of an area it did not enter. */
struct passed {
	xmlNodePtr n;
	bool area;
};

struct bscan {
	xmlNodePtr root, h1;
	xmlNodePtr *chain;      /* ancestors of h1, sorted */
	size_t nchain;
	int tries;              /* candidates looked at */
	bool relaxed;           /* second pass: vetoes_below's */
	long work;              /* what short_text may still visit */
	struct passed passed[MAX_PASSED];       /* in document order */
	size_t npassed;
};

static void pass_by(struct bscan *bs, xmlNodePtr n, bool area)
{
	if (!bs->relaxed && bs->npassed < MAX_PASSED)
		bs->passed[bs->npassed++] = (struct passed){n, area};
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const xmlNodePtr *)a;
	uintptr_t y = (uintptr_t)*(const xmlNodePtr *)b;
	return x < y ? -1 : x > y;
}

static void chain_build(struct bscan *bs)
{
	size_t n = 0;
	for (xmlNodePtr p = bs->h1 ? bs->h1->parent : NULL;
	     p && p->type == XML_ELEMENT_NODE && n < MAX_CHAIN; p = p->parent)
		n++;
	bs->chain = n ? malloc(n * sizeof *bs->chain) : NULL;
	if (!bs->chain)
		return;
	for (xmlNodePtr p = bs->h1->parent; bs->nchain < n; p = p->parent)
		bs->chain[bs->nchain++] = p;
	qsort(bs->chain, bs->nchain, sizeof *bs->chain, cmp_ptr);
}

static bool holds_headline(const struct bscan *bs, xmlNodePtr p)
{
	return bs->nchain &&
	       bsearch(&p, bs->chain, bs->nchain, sizeof *bs->chain, cmp_ptr);
}

/* Does element p (attributes ba), as an ancestor, veto every byline
 * below it?  body/html never do: their classes describe the page, not
 * a corner of it.  Footers only count against class hints (weak): blogs
 * put the real author (rel=author) in the post's footer line.  In the
 * second pass (relaxed) only <nav>, another <article> and thread_areas
 * do. */
static bool vetoes_below(xmlNodePtr p, const struct battrs *ba, bool strong, bool relaxed)
{
	if (dom_is(p, "body") || dom_is(p, "html"))
		return false;
	if (relaxed)
		return dom_is(p, "nav") || dom_is(p, "article") || (ba->marks & MARK_THREAD);
	return dom_is(p, "nav") || dom_is(p, "aside") || (!strong && dom_is(p, "footer")) ||
	       (ba->marks & MARK_AREA) || (!strong && (ba->marks & MARK_WEAK));
}

/* In a comment thread, related-story list, navigation or sidebar that
 * does not also hold the headline? */
static bool inside_vetoed(const struct bscan *bs, xmlNodePtr n, bool strong)
{
	for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		if (dom_is(p, "body") || dom_is(p, "html") || holds_headline(bs, p))
			break;
		struct battrs ba;
		read_battrs(p, &ba);
		if (vetoes_below(p, &ba, strong, bs->relaxed))
			return true;
	}
	return false;
}

/* Names from one candidate element, or NULL.  *tries counts the
 * candidates looked at. */
static bool names_shaped(const char *t, bool handle_ok);

/* Does the link's path name an author's page ("/author/jo-berg/",
 * "/autoren/jberg", "/staff/jo-berg", "/profile/1234")?  Blogs and
 * papers link the byline there; the link text is the name. */
static bool href_names_author(const char *href)
{
	static const char *const segs[] = {
		"author", "authors", "autor", "autoren", "auteur", "auteurs",
		"autore", "autori", "staff", "redaktion", "journalist",
		"journalisten", "profil", "profile", NULL
	};
	const char *p = href ? strstr(href, "//") : NULL;
	p = p ? strchr(p + 2, '/') : href;      /* the path */
	for (; p && *p; p = strchr(p + 1, '/')) {
		const char *w = p + 1;
		int c = ascii_tolower((unsigned char)*w);
		if (c != 'a' && c != 's' && c != 'r' && c != 'j' && c != 'p')
			continue;       /* no segment of the list starts so */
		size_t n = strcspn(w, "/?#=");
		if (!w[n] || w[n + 1] == '\0')
			continue;               /* "/authors/": an index page */
		for (int i = 0; segs[i]; i++)
			if (strlen(segs[i]) == n && !ascii_ncasecmp(w, segs[i], n))
				return true;
	}
	return false;
}

/* Does the line n hold an element marked as the byline (rel or
 * itemprop author, a byline class)?  Then that element is read, not
 * the line around it: "am 23. Januar 2020 von <a class=author>Jo
 * Berg</a> in <a>Allgemeines</a>" runs the category into the name. */
static bool holds_marked_byline(xmlNodePtr n, bool strong_only)
{
	for (xmlNodePtr c = n->children; c; c = dom_next(c, n, false)) {
		if (c->type != XML_ELEMENT_NODE || !c->properties)
			continue;
		struct battrs ba;
		read_battrs(c, &ba);
		if ((ba.rel && strstr(ba.rel, "author")) ||
		    (ba.itemprop && strstr(ba.itemprop, "author")) ||
		    (!strong_only && (ba.marks & (MARK_HINT | MARK_VETO)) == MARK_HINT))
			return true;
	}
	return false;
}

/* Names from one candidate element, or NULL.  bs->tries counts the
 * candidates looked at. */
static char *byline_from(struct bscan *bs, xmlNodePtr n, const struct battrs *ba)
{
	bool by_rel = ba->rel && strstr(ba->rel, "author");
	bool by_ip = ba->itemprop && strstr(ba->itemprop, "author");
	bool by_class = (ba->marks & (MARK_HINT | MARK_VETO)) == MARK_HINT;
	bool by_href = !by_rel && !by_ip && !by_class && dom_is(n, "a") &&
		       href_names_author(dom_attr_raw(n, "href"));
	if (!by_rel && !by_ip && !by_class && !by_href)
		return NULL;
	bs->tries++;
	if (inside_vetoed(bs, n, by_rel || by_ip)) {
		pass_by(bs, n, false);
		return NULL;
	}
	/* "<p class=byline><span itemprop=author>Jo Berg</span> Education
	 * editor</p>": the marked name inside is read instead */
	if (by_class && !by_rel && !by_ip && holds_marked_byline(n, true))
		return NULL;
	char *raw = by_ip ? itemprop_author(n) : dom_text_max(n, 300);
	if (!raw)
		return NULL;
	char *name = strlen(raw) < 300 ? meta_clean_byline(raw) : NULL;
	free(raw);
	if (name && by_href && !names_shaped(name, true)) {
		free(name);
		name = NULL;
	}
	/* the second pass takes names only, and from a class alone two
	 * words at least ("JF", "Tango" in a sidebar box are no names) */
	if (name && bs->relaxed && !by_href &&
	    (!names_shaped(name, false) || (!by_rel && !by_ip && !strchr(name, ' ')))) {
		free(name);
		name = NULL;
	}
	return name;
}

/* Could a byline label (meta_byline_label's table) start at p, which
 * starts a word?  A colon or slash ("Autor:", "文/"), a particle or the
 * start of "author"/"autor"/"auteur" in any case, a CJK, Cyrillic or
 * full-width character. */
static bool may_start_label(const unsigned char *p)
{
	static const struct { const char *w; size_t n; } starts[] = {
		{"by", 2}, {"von", 3}, {"par", 3}, {"por", 3}, {"di", 2},
		{"da", 2}, {"door", 4}, {"av", 2}, {"af", 2}, {"durch", 5},
		{"aut", 3},
	};
	if (*p == 0xEF || (*p >= 0xE4 && *p <= 0xEA) || *p == 0xD0)
		return true;
	int c = ascii_tolower(*p);
	if (c != 'b' && c != 'v' && c != 'p' && c != 'd' && c != 'a')
		return false;
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
		if (starts[i].w[0] == c &&
		    !ascii_ncasecmp((const char *)p, starts[i].w, starts[i].n))
			return true;
	return false;
}

/* short_text's count alone, for the callers that want no text: the
 * bytes of a text node's content that are not white space nor a
 * no-break space, added to *kept; false once past max. */
#define KEPT_CHUNK 256

/* Is p (not empty) white space alone, as most text nodes of a
 * pretty-printed page are (indentation between tags)? */
static bool is_indentation(const unsigned char *p)
{
	return *p && *p <= ' ' && !p[strspn((const char *)p, " \n\t\r")];
}

static bool count_kept(const unsigned char *p, size_t max, size_t *kept)
{
	/* indentation: nothing kept, for one call */
	if (is_indentation(p))
		return true;
	/* a chunk at a time (the count is exact, the stop past max a
	 * chunk late): bytes above ' ', less both bytes of each C2 A0 */
	while (*p) {
		size_t n = strnlen((const char *)p, KEPT_CHUNK);
		if (n == KEPT_CHUNK && p[n - 1] == 0xC2 && p[n] == 0xA0)
			n++;            /* a no-break space is not cut in two */
		size_t nbsp = 0;
		for (const unsigned char *a = memchr(p + 1, 0xA0, n - 1); a;
		     a = memchr(a + 1, 0xA0, (size_t)(p + n - a - 1)))
			nbsp += a[-1] == 0xC2;
		size_t added = n - text_count_controls((const char *)p, n) - 2 * nbsp;
		*kept += added;
		if (added && *kept > max)
			return false;
		p += n;
	}
	return true;
}

/* Could the text below n be a line of at most max bytes?  Looking at
 * the raw text nodes is much cheaper than collecting and cleaning the
 * text (dom_text_max).  It counts the bytes dom_text_max would keep at
 * least (those that are not white space, outside dom_invisible
 * elements): past max, that text is too long.  The raw text, white
 * space runs made one space, goes to buf (size > max * 2) for a first
 * look for a label; *signal says whether one may start anywhere in it
 * (may_start_label), which most lines rule out at no cost; with buf
 * NULL it only counts.  Each node visited costs two units of *work (this
 * walk, and dom_text_max's over the same nodes when it says yes); with
 * *work spent it says no: under deep unclosed inline elements every
 * candidate's text lies at the bottom of the page, and each walk would
 * reach it. */
static bool is_text_node(xmlNodePtr c)
{
	return (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content;
}

/* short_text's walk, counting only: false once past max or out of
 * *work, spent as short_text spends it. */
static bool count_below(xmlNodePtr n, size_t max, long *work, size_t *kept)
{
	for (xmlNodePtr c = n->children; c;) {
		if ((*work -= 2) < 0)
			return false;
		bool skip = dom_invisible(c);
		if (!skip && is_text_node(c) && !count_kept(c->content, max, kept))
			return false;
		c = dom_next(c, n, skip || c->type != XML_ELEMENT_NODE);
	}
	return true;
}

static bool short_text(xmlNodePtr n, size_t max, long *work, char *buf, size_t size,
		       bool *signal)
{
	*signal = false;
	size_t kept = 0, o = 0;
	/* the count first: most candidates are long, and a long text needs
	 * no copy nor label look (the walk again, for a short one, spends
	 * *work exactly as the count did) */
	long counted = *work;
	if (!count_below(n, max, &counted, &kept) || !buf) {
		*work = counted;
		return buf ? false : kept > 3;
	}
	kept = 0;
	for (xmlNodePtr c = n->children; c;) {
		if ((*work -= 2) < 0)
			return false;
		bool skip = dom_invisible(c);
		if (!skip && is_text_node(c) && is_indentation(c->content)) {
			/* the byte loop would write one space for it */
			if (o && buf[o - 1] != ' ' && o + 1 < size)
				buf[o++] = ' ';
		} else if (!skip && is_text_node(c)) {
			for (const unsigned char *p = c->content; *p; p++) {
				bool nbsp = *p == 0xC2 && p[1] == 0xA0;
				if (nbsp)
					p++;            /* a no-break space is a space */
				if (*p <= ' ' || nbsp) {  /* most bytes of pretty-printed pages */
					if (o && buf[o - 1] != ' ' && o + 1 < size)
						buf[o++] = ' ';
					continue;
				}
				if (++kept > max)
					return false;
				if (o + 1 < size)
					buf[o++] = (char)*p;
				if (!*signal)
					*signal = *p == ':' || *p == '/' ||
						  ((p == c->content || !ascii_isalpha(p[-1])) &&
						   may_start_label(p));
			}
		}
		c = dom_next(c, n, skip || c->type != XML_ELEMENT_NODE);
	}
	buf[o] = '\0';
	return kept > 3;
}

/* Does the cleaned line t read as person names (or one handle after
 * a word label)?  Capitalised words and lower-case particles ("von",
 * "de", "and") only: "ailleurs, le gouvernement" is prose. */
static bool names_shaped(const char *t, bool handle_ok)
{
	static const char *const joiners[] = {
		"von", "van", "der", "den", "de", "di", "da", "du", "del", "la",
		"le", "y", "e", "und", "and", "et", "bin", "al", "zu", NULL
	};
	size_t words = 0, lower = 0;
	for (const char *p = t; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e == p)
			break;
		words++;
		bool joiner = false;
		for (int i = 0; joiners[i]; i++)
			joiner |= (size_t)(e - p) == strlen(joiners[i]) &&
				  !strncmp(p, joiners[i], (size_t)(e - p));
		if ((ascii_islower((unsigned char)*p) && !joiner) ||
		    meta_is_label_word(p, (size_t)(e - p)))
			lower++;        /* prose, or a label left: no name */
		p = e;
	}
	if (words == 1 && handle_ok)
		return true;
	return words && words <= 6 && !lower &&
	       (ascii_isupper((unsigned char)t[0]) || (unsigned char)t[0] >= 0x80 ||
		t[0] == '@');
}

/* "By Jane Roe", "Posted by Jane Roe, Engineer", "On 6/1/2018 by X",
 * "Autor: Jane Roe", "Veröffentlicht von X", "05.02.2020 - Redaktion:
 * X", "作者：X": a short line of text that introduces its author with
 * a label of meta_byline_label's table, or a dateline that does
 * (meta_dateline_names: "11.12.2019 - Jane Roe").  Last resort for
 * pages without byline markup.  lead_only: the label must open the
 * line ("© 2020 by X" and "Designed by X" credit the site). */
static char *byline_from_text(xmlNodePtr n, long *work, bool lead_only)
{
	static const char *const line_tags[] = {
		"p", "em", "small", "span", "div", "address", "strong", "i", "b",
		"byline", "li", NULL
	};
	static const char *const opening_tags[] = { "em", "strong", "i", "b", "span", NULL };
	if (!dom_is_any(n, line_tags))
		return NULL;
	xmlNodePtr c = n->children;
	if (!c || (c->type != XML_TEXT_NODE && !dom_is_any(c, opening_tags)))
		return NULL;
	char raw[256];
	bool signal, part;
	if (!short_text(n, 100, work, raw, sizeof raw, &signal))
		return NULL;
	bool digit_lead = ascii_isdigit((unsigned char)raw[0]);
	if (!signal && !digit_lead)
		return NULL;
	/* the first look, on the raw text: most lines carry no label */
	bool raw_start;
	const char *raw_by = strstr(raw, " by ");
	if (!meta_byline_label(raw, &raw_start) &&
	    !(raw_by && strpbrk(raw, "0123456789") && strpbrk(raw, "0123456789") < raw_by) &&
	    !(digit_lead && meta_dateline_names(raw, &part)))
		return NULL;
	char *t = dom_text_max(n, 100);  /* longer is no byline line */
	if (!t)
		return NULL;
	char *out = NULL;
	size_t len = strlen(t);
	const char *by = strstr(t, " by ");
	bool start;
	const char *named = meta_byline_label(t, &start);
	bool dated = by && strpbrk(t, "0123456789") &&
		     strpbrk(t, "0123456789") < by;
	if (named && !*named)
		named = NULL;           /* "Share this article:" names no one */
	/* "11.12.2019 - Jo Berg", "06.11.2023 13:30 von Lea" */
	const char *after_date = named || dated ? NULL : meta_dateline_names(t, &part);
	if (len > 3 && len <= 100 && (named || dated || after_date))
		out = meta_clean_byline(named ? t : dated ? by + 4 : after_date);
	/* a word or colon label ("Gespeichert von rasos", "Von: dpa") may
	 * name a user handle or an agency */
	bool word_label = named && (!(start && named - t <= 4) || memchr(t, ':', (size_t)(named - t)));
	if (out && (!names_shaped(out, word_label) || holds_marked_byline(n, false) ||
		    (lead_only && !start))) {
		free(out);
		out = NULL;
	}
	free(t);
	return out;
}

#define MAX_BYLINE_TRIES 64
#define MAX_BYLINE_NODES 20000  /* bylines sit near the headline */
/* Nodes the "By …" line tests may visit in all, over both scans: a
 * few times what an ordinary page needs. */
#define BYLINE_TEXT_WORK 400000L

/* Names from element n (attributes ba): a marked byline element or a
 * "By …" line. */
static char *byline_at(struct bscan *bs, xmlNodePtr n, const struct battrs *ba)
{
	if (dom_is(n, "meta") || dom_is(n, "link"))
		return NULL;
	char *name = byline_from(bs, n, ba);
	/* the cheap shape test first: inside_vetoed climbs every
	 * ancestor, quadratic on a deeply nested page */
	if (!name) {
		name = byline_from_text(n, &bs->work, bs->relaxed);
		if (name && inside_vetoed(bs, n, false)) {
			free(name);
			name = NULL;
			pass_by(bs, n, false);
		}
	}
	return name;
}

/* First byline in [from, until) in document order (until may be NULL).
 * Below an element that vetoes every byline (a comment thread, a
 * sidebar) there is nothing to find: the walk skips it. */
static char *byline_scan(struct bscan *bs, xmlNodePtr from, xmlNodePtr until)
{
	xmlNodePtr root = bs->root;
	size_t seen = 0;
	for (xmlNodePtr n = from; n && n != until && bs->tries < MAX_BYLINE_TRIES &&
	     seen++ < MAX_BYLINE_NODES;) {
		if (n->type != XML_ELEMENT_NODE) {
			n = dom_next(n, root, true);
			continue;
		}
		if (dom_is(n, "script") || dom_is(n, "style") || dom_is(n, "head")) {
			n = dom_next(n, root, true);
			continue;
		}
		struct battrs ba = {0};
		if (n->properties)
			read_battrs(n, &ba);
		char *name = byline_at(bs, n, &ba);
		if (name)
			return name;
		bool skip = n->children && vetoes_below(n, &ba, true, bs->relaxed) &&
			    !holds_headline(bs, n);
		if (skip)
			pass_by(bs, n, true);
		n = dom_next(n, root, skip);
	}
	return NULL;
}

/* The second pass looks again at what the first left (it found nothing
 * anywhere else), with the vetoes relaxed, in the same order. */
static char *second_scan(struct bscan *bs)
{
	bs->relaxed = true;
	bs->tries = 0;
	char *name = NULL;
	for (size_t i = 0; i < bs->npassed && !name; i++) {
		xmlNodePtr n = bs->passed[i].n;
		if (bs->passed[i].area) {
			name = byline_scan(bs, n, dom_next(n, bs->root, true));
		} else {
			struct battrs ba;
			read_battrs(n, &ba);
			name = byline_at(bs, n, &ba);
		}
	}
	return name;
}

/* The visible byline: the first one after the headline (bylines follow
 * it; what comes before is mostly navigation and teasers), else the
 * first one before it.  When there is none (and second_pass), the same
 * again with the vetoes relaxed: sites put the byline in an aside, a
 * footer block or an author box in the sidebar, or wrap the article in
 * a layout class ("has-double-sidebar") that reads as a sidebar; names
 * only then.
 * Bounded: a pathological page with thousands of "author" elements
 * costs at most MAX_BYLINE_TRIES candidates a pass. */
static char *visible_byline(xmlDocPtr doc, const struct survey *sv, bool second_pass)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr h1 = NULL;
	for (size_t i = 0; i < sv->nh1 && !h1; i++)
		if (!hint_logo_heading(sv->h1[i]))
			h1 = sv->h1[i];
	struct bscan bs = {.root = root, .h1 = h1, .work = BYLINE_TEXT_WORK};
	chain_build(&bs);
	char *name = h1 ? byline_scan(&bs, h1, NULL) : NULL;
	if (!name)
		name = byline_scan(&bs, root, h1);
	if (!name && second_pass)
		name = second_scan(&bs);
	free(bs.chain);
	return name;
}

/* ---- the meta line ---- */

#define META_LINE_ELEMENTS 40
#define META_LINE_MAX 140
#define META_LINE_WORK 40000L   /* nodes short_text may visit in all */

/* Is the part c of a meta line the date alone ("18.10.2019, 15:07
 * Uhr")?  It opens the part: "MikeNils 18.10.2019" is a line of its
 * own.  short_text reads the raw text, with no copy. */
static bool part_is_date(xmlNodePtr c, long *work)
{
	char buf[128];
	const char *t = buf;
	bool signal;
	if (c->type == XML_TEXT_NODE) {
		t = (const char *)c->content;
		while (t && (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r'))
			t++;
		if (!t || strlen(t) > 60)
			return false;
	} else if (c->type != XML_ELEMENT_NODE || !short_text(c, 60, work, buf, sizeof buf, &signal)) {
		return false;
	}
	size_t w = strcspn(t, " ,");
	return (ascii_isdigit((unsigned char)*t) || date_word(t, w)) && date_parse_epoch(t) > 0;
}

/* Does a link lead to a person's page ("/user-uebersicht/?u=79003",
 * "/members/12", "/autor/x") rather than a section's? */
static bool href_names_person(const char *href)
{
	static const char *const marks[] = {"user", "member", "profil", "autor", "author", NULL};
	for (int i = 0; href && marks[i]; i++)
		if (ascii_casestr(href, marks[i]))
			return true;
	return false;
}

/* The name a part of a meta line gives: names of two words at least,
 * or one from a link to a person's page; nothing else in the part. */
static char *part_name(xmlNodePtr c)
{
	if (c->type != XML_ELEMENT_NODE)
		return NULL;
	char *t = dom_text_max(c, 60);
	size_t len = t ? strlen(t) : 0;
	while (len && (t[len - 1] == '|' || t[len - 1] == ' '))
		t[--len] = '\0';       /* "ET Online |" */
	char *name = len && len < 60 ? meta_clean_byline(t) : NULL;
	bool ok = name && !strcmp(name, t) && names_shaped(name, false);
	/* only after the bounded read succeeded: a search of a whole nest
	 * from each part of it is quadratic */
	xmlNodePtr a = !ok ? NULL : dom_is(c, "a") ? c : dom_find(c, "a");
	/* a link leads to the person ("/user/…"), not to a section
	 * ("/section/real-estate") or a tool ("Facebook Pinterest"); a
	 * single word only so */
	if (ok && (a || !strchr(name, ' ')))
		ok = a && href_names_person(dom_attr_raw(a, "href"));
	free(t);
	if (!ok) {
		free(name);
		name = NULL;
	}
	return name;
}

static bool short_line(xmlNodePtr n, long *work)
{
	bool signal;
	return short_text(n, META_LINE_MAX, work, NULL, 0, &signal);
}

/* The name in the parts [from, until) when one of them is the date. */
static char *dated_parts_name(xmlNodePtr from, xmlNodePtr until, long *work)
{
	bool dated = false;
	for (xmlNodePtr p = from; p != until && !dated; p = p->next)
		dated = part_is_date(p, work);
	char *name = NULL;
	for (xmlNodePtr p = from; dated && p != until && !name; p = p->next)
		name = part_name(p);
	return name;
}

/* The meta line under the headline ("MikeNils 18.10.2019, 15:07 Uhr",
 * "Kommentar · 19. Oktober 2019 · Boris T. Kaiser · 1 Kommentar"):
 * the headline's next siblings up to the first long one, else the
 * first short element after the h1 one of whose parts (children) is a
 * date; another part that reads as a name is the author, with no
 * label or class to say so. */
static char *meta_line_byline(const struct survey *sv)
{
	xmlNodePtr h1 = NULL;
	for (size_t i = 0; i < sv->nh1 && !h1; i++)
		if (!hint_logo_heading(sv->h1[i]))
			h1 = sv->h1[i];
	if (!h1)
		return NULL;
	long work = META_LINE_WORK;
	xmlNodePtr end = h1->next;
	for (int parts = 0; end && parts < 4; end = end->next)
		if (end->type == XML_ELEMENT_NODE && (parts++, !short_line(end, &work)))
			break;
	char *name = dated_parts_name(h1->next, end, &work);
	if (name)
		return name;
	xmlNodePtr root = xmlDocGetRootElement(h1->doc);
	int seen = 0;
	for (xmlNodePtr n = dom_next(h1, root, true); n && seen < META_LINE_ELEMENTS;
	     n = dom_next(n, root, false)) {
		if (n->type != XML_ELEMENT_NODE || !n->children)
			continue;
		seen++;
		if (!short_line(n, &work))
			continue;
		bool dated = false;
		for (xmlNodePtr p = n->children; p && !dated; p = p->next)
			dated = part_is_date(p, &work);
		if (dated)      /* the first dated line decides */
			return dated_parts_name(n->children, NULL, &work);
	}
	return NULL;
}

/* Words that mark an organisation rather than a person. */
static bool names_org(const char *s)
{
	static const char *const org[] = {
		"organization", "organisation", "foundation", " inc", " ltd",
		"llc", "corporation", "company", "group", "media", "news",
		"press", "team", "staff", "editorial", "contributors", "wikimedia",
		"network", "magazine", "agency", "agencies", "desk", " e.v", "gmbh",
		"stiftung", "verband", "verlag", NULL
	};
	for (int i = 0; org[i]; i++)
		if (ascii_casestr(s, org[i]))
			return true;
	return false;
}

/* A user handle ("mcupdate", "CC7567"), not a name a page would show. */
static bool is_handle(const char *s)
{
	if (strchr(s, ' ') || (unsigned char)s[0] >= 0x80)
		return false;
	if (strpbrk(s, "0123456789_"))
		return true;
	return !ascii_isupper((unsigned char)s[0]);
}

/* Metadata author, people only: URLs, handles and organisations (the
 * site's own name, "Contributors to …") do not count. */
static char *meta_author(const struct metas *m, const struct jsonld_meta *j,
			 const char *base_url)
{
	static const enum mkey akeys[] = {
		K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
		K_ART_AUTHOR, K_OG_ART_AUTHOR, K_SAILTHRU_AUTHOR, K_BYL,
	};
	/* the site's own name ("El Colombiano" on www.elcolombiano.com)
	 * is no author */
	const char *sites[] = {m->v[K_OG_SITE], j->publisher, m->v[K_APP_NAME]};
	size_t ns = sizeof sites / sizeof sites[0];
	if (j->author && !j->author_org && !is_handle(j->author) &&
	    !names_org(j->author) && !meta_is_site_name(j->author, sites, ns, base_url))
		return meta_clean_byline(j->author);
	for (size_t i = 0; i < sizeof akeys / sizeof akeys[0]; i++) {
		const char *v = m->v[akeys[i]];
		if (!v || !ascii_ncasecmp(v, "http", 4) || !strncmp(v, "www.", 4) ||
		    names_org(v) || is_handle(v) || meta_is_site_name(v, sites, ns, base_url))
			continue;
		char *c = meta_clean_byline(v);
		if (c)
			return c;
	}
	return NULL;
}

/* Prefer the page's own wording when it names the same people. */
static char *choose_byline(xmlDocPtr doc, const struct survey *sv,
			   const struct metas *m, const struct jsonld_meta *j,
			   const char *base_url)
{
	char *meta = meta_author(m, j, base_url);
	/* the second pass only where the metadata names no one (the
	 * metadata's name would stand anyway) */
	char *vis = visible_byline(doc, sv, !meta);
	if (vis) {              /* "Jo Berg Hill Post": the paper appended */
		const char *sites[] = {m->v[K_OG_SITE], j->publisher, m->v[K_APP_NAME]};
		meta_byline_drop_site(vis, sites, sizeof sites / sizeof sites[0], base_url);
		if (!*vis) {    /* it was the site's name */
			free(vis);
			vis = NULL;
		}
	}
	if (!meta && !vis)
		vis = meta_line_byline(sv);
	if (!meta)
		return vis;
	if (!vis)
		return meta;
	double p, r;
	meta_overlap(meta, vis, &p, &r);
	/* All metadata names shown, little else around them. */
	if (p >= 0.99 && r >= 0.5) {
		free(meta);
		return vis;
	}
	free(vis);
	return meta;
}

/* ---- date ---- */

/* The first source that reads as a date, as RFC 3339: a placeholder
 * ("0001-01-01") or an unreadable value gives way to the next one. */
static char *choose_published(const struct survey *sv, const struct metas *m,
			      const struct jsonld_meta *j)
{
	static const enum mkey dkeys[] = {
		K_ART_PUB, K_OG_ART_PUB, K_PARSELY_PUB, K_ITEMPROP_PUB,
		K_DC_DATE, K_DCTERMS_CREATED, K_PUBDATE, K_SAILTHRU_DATE,
	};
	char *out = date_rfc3339(j->published);
	for (size_t i = 0; !out && i < sizeof dkeys / sizeof dkeys[0]; i++)
		out = date_rfc3339(m->v[dkeys[i]]);
	/* an element marked as the published date, else the first dated
	 * <time> after the headline (the article's dateline; "updated"
	 * times and comments come later) */
	if (!out)
		out = meta_date_marked(&sv->dates);
	/* a WebPage's date (no article object): after the page's own
	 * <time>, which may show a later edition */
	if (!out)
		out = date_rfc3339(j->page_published);
	if (!out)
		out = meta_date_visible(&sv->dates);
	/* the weaker <meta> dates, when the page shows none: an issue
	 * date, a bare "date" (which some CMSs fill with the last edit) */
	static const enum mkey weak[] = {
		K_DC_ISSUED, K_DCTERMS_ISSUED, K_PUBLICATION_DATE, K_PUBLISHED_TIME,
		K_DATE,
	};
	for (size_t i = 0; !out && i < sizeof weak / sizeof weak[0]; i++)
		out = date_rfc3339(m->v[weak[i]]);
	return out;
}

/* ---- lead image from metadata ---- */

static void meta_image(const struct metas *m, const struct jsonld_meta *j,
		       const char *base_url, struct article *a)
{
	static const enum mkey ikeys[] = {
		K_OG_IMAGE, K_OG_IMAGE_URL, K_OG_IMAGE_SECURE, K_TW_IMAGE,
		K_TW_IMAGE_SRC,
	};
	const char *src = first_of(m, ikeys, sizeof ikeys / sizeof ikeys[0]);
	if (!src)
		src = j->image_url;
	char *url = src ? url_resolve(base_url, src) : NULL;
	if (!url)
		return;
	struct lead_image *li = article_lead_image(a);
	if (li) {
		article_set(&li->url, url);
		/* JSON-LD's caption and credit describe its own image only. */
		bool same = j->image_url && !strcmp(src, j->image_url);
		if (same || !j->image_url) {
			article_set(&li->caption, j->image_caption);
			article_set(&li->credit, j->image_credit);
		}
	}
	free(url);
}

/* ---- signature ---- */

#define MAX_SIGNATURE 80

/* Does w[0..n) read as one word of a name: a capital, then small
 * letters (not an acronym, "ISSN"), no digit; or an initial ("T.")? */
static bool name_word(const char *w, size_t n)
{
	if (n == 2 && ascii_isupper((unsigned char)w[0]) && w[1] == '.')
		return true;
	if (n < 2 || n > 20 || !ascii_isupper((unsigned char)w[0]) ||
	    meta_is_label_word(w, n))
		return false;
	bool small = false;
	for (size_t i = 1; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (ascii_isdigit(c) || ascii_isupper(c))
			return false;
		small |= ascii_islower(c) || c >= 0x80;
	}
	return small;
}

/* The name a signature line t gives, or NULL: two name words (three
 * with an initial in the middle), or one to three before a date. */
static char *signature_name(const char *t)
{
	const char *w[4], *e[4];
	size_t n = 0;
	const char *p = t;
	while (n < 4) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q == p || !name_word(p, (size_t)(q - p)))
			break;
		w[n] = p;
		e[n++] = q;
		p = q;
	}
	while (*p == ' ')
		p++;
	bool dated = *p && n >= 1 && n <= 3 && date_parse_epoch(p) > 0;
	bool alone = !*p && (n == 2 || (n == 3 && e[1] - w[1] == 2));
	if (!dated && !alone)
		return NULL;
	char *name = strndup(t, (size_t)(e[n - 1] - t));
	char *clean = name ? meta_clean_byline(name) : NULL;
	if (clean && strcmp(clean, name)) {     /* a tool's words ("Read More") */
		free(clean);
		clean = NULL;
	}
	free(name);
	return clean;
}

void meta_signature(struct article *a)
{
	if (!a || a->byline || !a->nblocks)
		return;
	const struct block *b = &a->blocks[a->nblocks - 1];
	if (b->type != BLOCK_P || b->len > MAX_SIGNATURE)
		return;
	char *name = signature_name(b->text);
	if (name)
		article_set(&a->byline, name);
	free(name);
}

void meta_extract(xmlDocPtr doc, const char *base_url, struct article *a)
{
	if (!doc || !a || !xmlDocGetRootElement(doc))
		return;
	struct metas m = {0};
	struct jsonld_meta j = {0};
	struct survey sv = {0};
	collect_all(doc, &m, &j, &sv);

	char *byline = choose_byline(doc, &sv, &m, &j, base_url);
	char *title = choose_title(&sv, &m, &j, base_url, byline);
	char *published = choose_published(&sv, &m, &j);
	const char *site = m.v[K_OG_SITE] ? m.v[K_OG_SITE] : j.publisher;

	article_set(&a->title, title);
	article_set(&a->byline, byline);
	article_set(&a->published, published);
	article_set(&a->site_name, site);
	meta_image(&m, &j, base_url, a);

	free(title);
	free(byline);
	free(published);
	metas_free(&m);
	jsonld_meta_free(&j);
}
