/* meta-date.c - the article's own publication date from the page's
 * markup, after the <meta> and JSON-LD dates meta.c reads, in this
 * order: an element marked as the published date (microdata's
 * itemprop=datePublished on any element, <time pubdate>, hAtom's <abbr
 * class="published" title=…>), the first <time datetime> after the
 * headline, the visible dateline (a marked one or the byline's line
 * below the headline, one just above it, a short line of the date
 * alone).  After the body is extracted, when still nothing: the
 * dateline the first paragraph opens with, the date in the URL's path.
 * A comment's or a review's date is never the article's.  See
 * doc/extraction.md, "Published and site name". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "folio/article.h"
#include "folio/date.h"
#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/meta-date.h"
#include "folio/meta-text.h"
#include "folio/util-ascii.h"

/* Ancestors looked at for a comment or review around a date. */
#define MAX_DEPTH 64

/* Is itemtype a reader's review or comment ("https://schema.org/
 * UserReview"), not an article about one ("ReviewNewsArticle")?  The
 * type's last path segment, exactly. */
static bool reader_item(const char *itemtype)
{
	static const char *const types[] = {
		"Review", "UserReview", "EmployerReview", "Comment", NULL
	};
	const char *slash = itemtype ? strrchr(itemtype, '/') : NULL;
	const char *name = slash ? slash + 1 : itemtype;
	for (int i = 0; name && types[i]; i++)
		if (!strcmp(name, types[i]))
			return true;
	return false;
}

/* Is n inside a reader's comment (a container named "comment" or
 * "comments": "comment-meta", "comments-area", "div-comment-12"; not
 * "commentary", nor the <body>'s "showing-comments") or inside a
 * microdata item that is a review or a comment (the nearest item is
 * the one its properties describe)? */
static bool in_comment(xmlNodePtr n)
{
	static const char *const words[] = {"comment", "comments", NULL};
	bool item_seen = false;
	int depth = 0;
	for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE && depth++ < MAX_DEPTH &&
	     !dom_is(p, "body"); p = p->parent) {
		if (!p->properties)
			continue;
		if (hint_token_exact(p, words))
			return true;
		if (!item_seen && dom_attr_raw(p, "itemscope")) {
			item_seen = true;
			if (reader_item(dom_attr_raw(p, "itemtype")))
				return true;
		}
	}
	return false;
}

/* Is n marked as the published date: itemprop=datePublished (a <meta>
 * is meta.c's), <time pubdate>, hAtom's <abbr class="published">? */
static bool marked_published(xmlNodePtr n)
{
	const char *ip = dom_attr_raw(n, "itemprop");
	if (ip && ascii_has_token(ip, "datePublished"))
		return !dom_is(n, "meta");
	if (dom_is(n, "time"))
		return dom_attr_raw(n, "pubdate");
	return dom_is(n, "abbr") && ascii_has_token(dom_attr_raw(n, "class"), "published") &&
	       dom_attr_raw(n, "title");
}

void meta_date_note(xmlNodePtr n, bool after_h1, struct date_marks *dm)
{
	if (!n->properties)
		return;
	if (!dm->marked && marked_published(n) && !in_comment(n))
		dm->marked = n;
	else if (after_h1 && !dm->marked && !dm->time_any && dom_is(n, "time") &&
		 dom_attr_raw(n, "datetime") && !in_comment(n))
		dm->time_any = n;
}

/* The date of one element: its machine-readable attribute (datetime,
 * content, an <abbr>'s title), else its short text. */
static char *element_date(xmlNodePtr n)
{
	static const char *const attrs[] = {"datetime", "content", "title"};
	char *out = NULL;
	for (size_t i = 0; !out && i < sizeof attrs / sizeof attrs[0]; i++) {
		char *v = dom_attr(n, attrs[i]);
		out = date_rfc3339(v);
		free(v);
	}
	if (!out) {
		char *v = dom_text_max(n, 100);
		out = date_rfc3339(v);
		free(v);
	}
	return out;
}

char *meta_date_marked(const struct date_marks *dm)
{
	char *out = dm->marked ? element_date(dm->marked) : NULL;
	return out || !dm->time_any ? out : element_date(dm->time_any);
}

/* ---- the visible dateline ---- */

/* The visible dateline: "November 19, 2019, 07:47 PM EST" in one of
 * the first MAX_DATELINES elements after the headline named as a date
 * ("post-date", "published", "timestamp", camelCase "pubTime"; not the
 * update's), or on the byline's line: an element named for the author
 * ("article-author": name, then date) or a short line that opens with a
 * byline label ("By X • Nov 11, 2020", "Von X | 19.11.2019").  Looked
 * for only when no metadata gives the date, within MAX_DATELINE_NODES
 * nodes; unmarked lines only among the first MAX_BYLINE_LINES with text
 * of their own (a byline sits right under the headline). */
#define MAX_DATELINES 8
#define MAX_DATELINE_NODES 20000
#define MAX_BYLINE_LINES 6

/* Class/id words of a visible dateline ("post-date", "published",
 * "timestamp"), unless it is the update's. */
static const char *const dateline_hints[] = {
	"date", "time", "publish", "posted", "pubdate", NULL
};
static const char *const dateline_vetoes[] = {"update", "modif", NULL};
static const char *const author_hints[] = {"author", "byline", NULL};

/* Does n's own first text open with a byline label ("By ", "// By ")? */
static bool opens_with_label(xmlNodePtr n, bool *has_text)
{
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type != XML_TEXT_NODE || !k->content)
			continue;
		const char *t = (const char *)k->content;
		t += strspn(t, " \t\r\n/|-");
		if (!*t)
			continue;
		*has_text = true;
		bool at_start = false;
		const char *names = meta_byline_label(t, &at_start);
		if (!names || !at_start)
			return false;
		/* "By March 3, 2021 the …" is a sentence of the story */
		names += strspn(names, " \t\r\n");
		size_t w = strcspn(names, " \t\r\n,");
		return w && !ascii_isdigit((unsigned char)*names) &&
		       !date_word(names, w);
	}
	return false;
}

/* The date of n when it is marked as a dateline (not the update's,
 * not a comment's). */
static char *marked_dateline(xmlNodePtr n)
{
	if (!n->properties || hint_token_part(n, dateline_vetoes) ||
	    !hint_token_part(n, dateline_hints) || in_comment(n))
		return NULL;
	char *v = dom_text_max(n, 100);
	char *out = date_rfc3339(v);
	free(v);
	return out;
}

/* Elements looked at above the headline, and siblings. */
#define MAX_ABOVE_NODES 40
#define MAX_ABOVE_SIBLINGS 4

/* A dateline just above the headline, in its own container: in one of
 * the h1's nearest preceding siblings ("<div class=meta-date>19.11.2021
 * </div><h1>", a kicker line with the date), not further up the page
 * (the site's header shows today's date). */
static char *short_date_line(xmlNodePtr n);

static char *dateline_above(xmlNodePtr h1)
{
	char *line = NULL;      /* an unmarked date line, the fallback */
	size_t seen = 0, siblings = 0;
	for (xmlNodePtr s = h1->prev; s && siblings < MAX_ABOVE_SIBLINGS; s = s->prev) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		siblings++;
		for (xmlNodePtr n = s; n && seen++ < MAX_ABOVE_NODES; n = dom_next(n, s, false)) {
			if (n->type != XML_ELEMENT_NODE)
				continue;
			char *out = marked_dateline(n);
			if (out) {
				free(line);
				return out;
			}
			if (!line)
				line = short_date_line(n);
		}
	}
	return line;
}

/* A short line of the date alone under the headline: "10. September
 * 2017", "am 25.01.2022", "Handball Schweiz • 02.02.2022"; at most
 * MAX_DATE_LINE bytes, among the first MAX_BYLINE_LINES elements with
 * text of their own, not a comment's nor an update's ("Aktualisiert:
 * 3.5.2021", "Updated May 3, 2021"). */
#define MAX_DATE_LINE 48

static bool has_own_text(xmlNodePtr n)
{
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_TEXT_NODE && k->content &&
		    ((const char *)k->content)[strspn((const char *)k->content, " \t\r\n")])
			return true;
	return false;
}

static bool says_updated(const char *t)
{
	static const char *const words[] = {
		"updat", "aktualisiert", "actualiz", "mis \xc3\xa0 jour", "modifi",
		"ge\xc3\xa4ndert", "stand:", NULL
	};
	for (size_t i = 0; words[i]; i++)
		if (ascii_casestr(t, words[i]))
			return true;
	return false;
}

/* The date of n when it is a short line of the date alone. */
static char *short_date_line(xmlNodePtr n)
{
	if (dom_invisible(n) || !has_own_text(n) ||
	    (n->properties && hint_token_part(n, dateline_vetoes)))
		return NULL;
	char *v = dom_text_max(n, MAX_DATE_LINE);
	char *out = v && !says_updated(v) && !in_comment(n) ? date_rfc3339(v) : NULL;
	free(v);
	return out;
}

static char *date_line_below(xmlNodePtr h1)
{
	xmlNodePtr root = xmlDocGetRootElement(h1->doc);
	size_t seen = 0, lines = 0;
	for (xmlNodePtr n = dom_next(h1, root, true); n && lines < MAX_BYLINE_LINES &&
	     seen++ < MAX_DATELINE_NODES; n = dom_next(n, root, false)) {
		if (n->type != XML_ELEMENT_NODE || dom_invisible(n) || !has_own_text(n))
			continue;
		lines++;
		char *out = short_date_line(n);
		if (out)
			return out;
	}
	return NULL;
}

char *meta_date_visible(const struct date_marks *dm)
{
	/* from the first h1, a logo's too: a blog's date header may sit
	 * above the post's title */
	xmlNodePtr h1 = dm->h1;
	if (!h1)
		return NULL;
	xmlNodePtr root = xmlDocGetRootElement(h1->doc);
	char *out = NULL;
	size_t seen = 0, tried = 0, lines = 0;
	for (xmlNodePtr n = dom_next(h1, root, true); n && !out && tried < MAX_DATELINES &&
	     seen++ < MAX_DATELINE_NODES; n = dom_next(n, root, false)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		struct hint_attrs ha = {0};     /* read once for the three lists */
		bool named = n->properties;
		if (named)
			hint_attrs_read(n, &ha);
		bool vetoed = named && hint_attrs_token_part(&ha, dateline_vetoes);
		bool marked = named && !vetoed && hint_attrs_token_part(&ha, dateline_hints);
		bool text = false;
		bool byline = !marked && !vetoed && lines < MAX_BYLINE_LINES &&
			      ((named && hint_attrs_token(&ha, author_hints)) ||
			       opens_with_label(n, &text));
		lines += text;
		if (!marked && !byline)
			continue;
		tried += marked;
		if (in_comment(n))
			continue;
		char *v = dom_text_max(n, 100);
		out = date_rfc3339(v);
		free(v);
	}
	if (!out)
		out = dateline_above(h1);
	return out ? out : date_line_below(h1);
}

/* ---- the URL's date ---- */

/* Reads a run of 1..max digits at *p (advancing it); -1 when none or
 * longer. */
static int read_number(const char **p, int max)
{
	int v = 0, n = 0;
	while (ascii_isdigit((unsigned char)**p) && n <= max) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n && n <= max ? v : -1;
}

/* "YYYY/MM/DD", "YYYY-MM-DD", "YYYY-MM/DD" at p (a segment's start),
 * ending a segment or a dash-joined part: a date as "YYYY-MM-DD" into
 * buf. */
static bool path_date_at(const char *p, char buf[32])
{
	const char *q = p;
	if (read_number(&q, 4) < 0 || q - p != 4)
		return false;
	int year = atoi(p);
	if (*q != '/' && *q != '-')
		return false;
	q++;
	int month = read_number(&q, 2);
	if (month < 1 || (*q != '/' && *q != '-'))
		return false;
	q++;
	int day = read_number(&q, 2);
	if (day < 1 || !(*q == '\0' || strchr("/-._?#", *q)))
		return false;
	snprintf(buf, 32, "%04d-%02d-%02d", year, month, day);
	return true;
}

char *meta_date_from_url(const char *url)
{
	/* a web address's path: a file's names its folders, not a day */
	if (!url || (ascii_ncasecmp(url, "http://", 7) && ascii_ncasecmp(url, "https://", 8)))
		return NULL;
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : NULL;     /* the path, after the host */
	size_t path_len = p ? strcspn(p, "?#") : 0;
	for (size_t i = 0; i < path_len; i++) {
		char buf[32];
		if (p[i] == '/' && path_date_at(p + i + 1, buf))
			return date_rfc3339(buf);
	}
	return NULL;
}

/* ---- the lead's dateline ---- */

/* A place before a dateline's comma: at most this many bytes, words. */
#define MAX_PLACE 40
#define MAX_PLACE_WORDS 4

/* Does t[0..n) read as the place of a dateline: one to four words,
 * each opening with a capital letter or a bracket ("Bern", "NEW YORK",
 * "MANCHESTER (BRITAIN)", "Zürich")? */
static bool place_words(const char *t, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n;) {
		if (t[i] == ' ') {
			i++;
			continue;
		}
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)t + i, n - i);
		if (++words > MAX_PLACE_WORDS || (c != '(' && !uc_is_upper(c)))
			return false;
		i += (size_t)(k > 0 ? k : 1);
		while (i < n && t[i] != ' ')
			i++;
	}
	return words > 0;
}

/* Where the date of a dateline opening t starts: t itself, or after a
 * place and its comma, a short particle and a bracket ("Bern, ",
 * "Hamburg, den ", "Karlsruhe, ("); NULL when t opens otherwise. */
static const char *dateline_start(const char *t)
{
	const char *p = t;
	if (!ascii_isdigit((unsigned char)*p) && !date_word(p, strcspn(p, " .,"))) {
		size_t n = strcspn(t, ",");
		if (n > MAX_PLACE || !t[n] || !place_words(t, n))
			return NULL;
		p = t + n + 1;
		p += strspn(p, " ");
		size_t w = strspn(p, "abcdefghijklmnopqrstuvwxyz");
		if (w && w <= 3 && p[w] == ' ')         /* "den", "le", "am" */
			p += w + 1;
		p += *p == '(';
	}
	size_t w = strcspn(p, " .,");
	return ascii_isdigit((unsigned char)*p) || date_word(p, w) ? p : NULL;
}

/* Does what follows a dateline's date end it: nothing, or a dash, a
 * colon, a bar, a slash, a full stop or a bracket ("17.08.2007 - Rede",
 * "Feb. 23, 2015 -- Life", "(12.11.2021). Traditionell")? */
static bool ends_dateline(const char *p)
{
	p += strspn(p, " ");
	if (!*p || strchr("-:|/.)", *p))
		return true;
	/* U+2013, U+2014: en and em dash */
	return (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	       ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94);
}

/* The dateline the article's first paragraph opens with, as wire
 * stories and press releases write it, as RFC 3339 (malloc'd) or NULL. */
static char *lead_dateline(const struct article *a)
{
	if (!a->nblocks || a->blocks[0].type != BLOCK_P)
		return NULL;
	const char *start = dateline_start(a->blocks[0].text);
	struct date d;
	size_t used;
	if (!start || !date_parse_span(start, &d, &used) || !ends_dateline(start + used))
		return NULL;
	char buf[DATE_RFC3339_MAX];
	return strdup(date_format(&d, buf));
}

void meta_date_from_body(struct article *a)
{
	if (!a || a->published)
		return;
	char *date = lead_dateline(a);
	if (!date)
		date = meta_date_from_url(a->url);
	article_set(&a->published, date);
	free(date);
}
