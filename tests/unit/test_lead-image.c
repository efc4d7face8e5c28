/* test_lead-image.c - lead photo choice, caption/credit separation and
 * the element withheld from the body, on small pages written for these
 * tests in the shapes news pages use. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "folio/article.h"
#include "folio/dom.h"
#include "folio/lead-image.h"
#include "folio/meta.h"

struct run {
	htmlDocPtr doc;
	struct article *a;
	xmlNodePtr held;
};

static xmlNodePtr by_id(xmlDocPtr doc, const char *id)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root; n; n = dom_next(n, root, false)) {
		const char *v = dom_attr_raw(n, "id");
		if (v && !strcmp(v, id))
			return n;
	}
	return NULL;
}

/* Parse, run meta_extract then lead_image_extract with the element of
 * id "body" (if any) as content root, as extract_article does. */
static struct run run(const char *html)
{
	struct run r;
	const char *url = "https://news.example/2024/story";
	r.doc = htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
			       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			       HTML_PARSE_NONET);
	assert_non_null(r.doc);
	r.a = article_new();
	assert_non_null(r.a);
	meta_extract(r.doc, url, r.a);
	r.held = lead_image_extract(r.doc, by_id(r.doc, "body"), url, r.a);
	return r;
}

static void done(struct run *r)
{
	article_free(r->a);
	xmlFreeDoc(r->doc);
}

static void expect(const struct run *r, const char *url, const char *caption,
		   const char *credit)
{
	assert_non_null(r->a->lead_image);
	const struct lead_image *li = r->a->lead_image;
	if (url)
		assert_string_equal(li->url, url);
	if (caption)
		assert_non_null(li->caption), assert_string_equal(li->caption, caption);
	else
		assert_null(li->caption);
	if (credit)
		assert_non_null(li->credit), assert_string_equal(li->credit, credit);
	else
		assert_null(li->credit);
}

/* The seed's shape: credit then caption in one media footer. */
static void test_media_footer(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><header class=\"site-header\"><img src=\"/logo.png\" class=\"logo\"></header>"
		"<h1>Senators meet in Moscow</h1>"
		"<div class=\"media\" id=\"m\"><img src=\"/photos/meeting.jpg\" alt=\"Two men\">"
		"<div class=\"media__footer\"><span class=\"media__copyright\">\xc2\xa9 Ivan Petrov / Agency</span>"
		"<span class=\"media__caption\">Senator One \xe2\x80\xa2 Senator Two</span></div></div>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/photos/meeting.jpg",
	       "Senator One \xe2\x80\xa2 Senator Two", "\xc2\xa9 Ivan Petrov / Agency");
	/* The media block (little more than its caption) stays out of the body. */
	assert_ptr_equal(r.held, by_id(r.doc, "m"));
	done(&r);
}

static void test_figcaption_run_together(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><article id=\"body\"><h1>Ferry service returns</h1>"
		"<figure id=\"f\"><img src=\"https://img.example/ferry.jpg\">"
		"<figcaption>The ferry leaves at dawn. Photograph: Jane Roe for the Daily</figcaption></figure>"
		"<p>Story text.</p></article></body></html>");
	expect(&r, "https://img.example/ferry.jpg", "The ferry leaves at dawn.",
	       "Photograph: Jane Roe for the Daily");
	assert_ptr_equal(r.held, by_id(r.doc, "f"));
	done(&r);
}

static void test_credit_span_and_hidden_label(void **state)
{
	(void)state;
	/* A screen-reader label is no caption; the credit element is
	 * found by its class; "(…)" around the credit is dropped. */
	struct run r = run(
		"<html><body><div id=\"body\"><h1>Storm damage</h1>"
		"<figure><img src=\"/storm.jpg\"><figcaption>"
		"<span class=\"visually-hidden\">Image caption</span>Trees down on Main Street."
		"<span class=\"photo-credit\">(Ann Smith/AFP/Getty Images)</span>"
		"</figcaption></figure><p>Text.</p></div></body></html>");
	expect(&r, "https://news.example/storm.jpg", "Trees down on Main Street.",
	       "Ann Smith/AFP/Getty Images");
	done(&r);
}

static void test_skips_logos_and_avatars(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Budget passes</h1>"
		"<img src=\"/img/site-logo.png\">"
		"<div class=\"author\"><img class=\"avatar\" src=\"/u/jane.jpg\"></div>"
		"<img src=\"/pixel.gif\" width=\"1\" height=\"1\">"
		"<div id=\"body\"><div class=\"photo\"><img src=\"/img/parliament.jpg\">"
		"<p class=\"caption\">The vote in parliament. (AP Photo/Jo Doe)</p></div>"
		"<p>Text of the story.</p></div></body></html>");
	expect(&r, "https://news.example/img/parliament.jpg", "The vote in parliament.",
	       "AP Photo/Jo Doe");
	done(&r);
}

static void test_metadata_image_preferred(void **state)
{
	(void)state;
	/* og:image names the hero; a smaller inline image comes first. */
	struct run r = run(
		"<html><head><meta property=\"og:image\" content=\"https://cdn.example/hero-1200.jpg\">"
		"</head><body><h1>Harbour plan</h1><div id=\"body\">"
		"<p>Intro <img src=\"https://cdn.example/chart.png\"></p>"
		"<figure><img src=\"https://cdn.example/hero-1200.jpg\"><figcaption>The harbour.</figcaption></figure>"
		"<p>Text.</p></div></body></html>");
	expect(&r, "https://cdn.example/hero-1200.jpg", "The harbour.", NULL);
	done(&r);
}

static void test_no_image(void **state)
{
	(void)state;
	struct run r = run("<html><body><h1>Words only</h1><div id=\"body\"><p>Text.</p></div></body></html>");
	assert_null(r.a->lead_image);
	assert_null(r.held);
	done(&r);
}

static void test_deep_image_is_not_lead(void **state)
{
	(void)state;
	/* An image after a long stretch of text is a body image. */
	char html[20000];
	strcpy(html, "<html><body><h1>Long read</h1><div id=\"body\">");
	for (int i = 0; i < 60; i++)
		strcat(html, "<p>Paragraph of body text that goes on for a while to fill the page up.</p>");
	strcat(html, "<figure><img src=\"/late.jpg\"><figcaption>Late.</figcaption></figure></div></body></html>");
	struct run r = run(html);
	assert_null(r.a->lead_image);
	done(&r);
}

static void test_big_wrapper_not_held(void **state)
{
	(void)state;
	/* Image and caption inside the article's own wrapper: only the
	 * caption is withheld, never the wrapper with the text. */
	struct run r = run(
		"<html><body><div id=\"body\"><h1>Garden show</h1>"
		"<div><img src=\"/garden.jpg\"></div><p class=\"caption\" id=\"c\">Roses on show.</p>"
		"<p>A long paragraph of the article that must not be dropped with the image.</p>"
		"</div></body></html>");
	expect(&r, "https://news.example/garden.jpg", "Roses on show.", NULL);
	assert_ptr_equal(r.held, by_id(r.doc, "c"));
	done(&r);
}

static void test_jsonld_image_credit(void **state)
{
	(void)state;
	/* Only metadata knows the credit: it is used. */
	struct run r = run(
		"<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		"\"headline\":\"H\",\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://c.example/a.jpg\","
		"\"creditText\":\"Mo Ali/Wire\"}}</script></head><body><h1>H</h1>"
		"<div id=\"body\"><img src=\"https://c.example/a.jpg\"><p>Text.</p></div></body></html>");
	expect(&r, "https://c.example/a.jpg", NULL, "Mo Ali/Wire");
	done(&r);
}

static void test_photo_box(void **state)
{
	(void)state;
	/* No caption markup at all: a box named "photo" holding the image,
	 * a <br> and one short line. */
	struct run r = run(
		"<html><body><div id=\"body\"><h1>Brain study</h1>"
		"<div class=\"photobox_right\"><img src=\"data:image/gif;base64,R0lGOD\" "
		"data-src=\"/img/brain.jpg\"><br><em>A new study looks at insight.</em></div>"
		"<p>Story text that goes on.</p></div></body></html>");
	expect(&r, "https://news.example/img/brain.jpg", "A new study looks at insight.", NULL);
	done(&r);
}

static void test_metadata_caption_not_shown(void **state)
{
	(void)state;
	/* JSON-LD describes an image the page never shows: no lead photo,
	 * so no caption either. */
	struct run r = run(
		"<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
		"\"headline\":\"H\",\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://c.example/z.jpg\","
		"\"caption\":\"Zed\"}}</script></head><body><h1>H</h1>"
		"<div id=\"body\"><p>Text.</p></div></body></html>");
	assert_null(r.a->lead_image);
	done(&r);
}

static void test_unmarked_parts(void **state)
{
	(void)state;
	/* No credit class: the last part names an agency; a link inside
	 * the caption is no part of its own meaning. */
	struct run r = run(
		"<html><body><div id=\"body\"><h1>Flood</h1>"
		"<figure><picture><source srcset=\"/f-800.jpg 800w, /f-1600.jpg 1600w\"><img alt=\"x\"></picture>"
		"<figcaption><span>Water rises in <a href=\"/t\">the town</a> centre.</span>"
		"<span>Getty Images</span></figcaption></figure><p>Text.</p></div></body></html>");
	expect(&r, "https://news.example/f-800.jpg", "Water rises in the town centre.", "Getty Images");
	done(&r);
	r = run("<html><body><div id=\"body\"><h1>Flood</h1>"
		"<figure><img src=\"/f.jpg\"><figcaption><span>\xc2\xa9 Ivan Petrov / Agency</span>"
		"<span>Water rises.</span></figcaption></figure><p>Text.</p></div></body></html>");
	expect(&r, NULL, "Water rises.", "\xc2\xa9 Ivan Petrov / Agency");
	done(&r);
	r = run("<html><body><div id=\"body\"><h1>Flood</h1>"
		"<figure><img src=\"/f.jpg\"><figcaption>Photo: <a href=\"/p\">Jane Roe</a>"
		"</figcaption></figure><p>Text.</p></div></body></html>");
	expect(&r, NULL, NULL, "Photo: Jane Roe");
	done(&r);
}

/* The fine print after a caption's words is its credit (issue 15,
 * class 5); a <small> holding the whole caption is the caption. */
static void test_small_credit(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Bridge opens</h1>"
		"<figure><img src=\"/a/bridge.jpg\" width=\"800\" height=\"450\">"
		"<figcaption>The bridge at night. <small>Jo Berg</small></figcaption></figure>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/bridge.jpg", "The bridge at night.", "Jo Berg");
	done(&r);
	r = run(
		"<html><body><h1>Bridge opens</h1>"
		"<figure><img src=\"/a/bridge.jpg\" width=\"800\" height=\"450\">"
		"<figcaption><small>The bridge at night.</small></figcaption></figure>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/bridge.jpg", "The bridge at night.", NULL);
	done(&r);
}

/* Issue 15 class 5: a credit the page keeps in a data- attribute
 * (named credit, copyright, photographer) of the image or its wrappers,
 * when its text gives none; a "Credit" label only screen readers get
 * marks the element after it as the credit. */
static void test_attribute_and_label_credit(void **state)
{
	(void)state;
	static const struct { const char *figure, *caption, *credit; } t[] = {
		{ "<figure data-credit=\"Jo Berg/AP\"><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\">"
		  "<figcaption>The wall at low tide.</figcaption></figure>", "The wall at low tide.", "Jo Berg/AP" },
		{ "<figure><div class=\"frame\"><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\" "
		  "data-photo-copyright=\"\xc2\xa9 Harbour Agency\"></div>"
		  "<figcaption>The wall at low tide.</figcaption></figure>",
		  "The wall at low tide.", "\xc2\xa9 Harbour Agency" },
		/* the text's credit wins over the attribute's */
		{ "<figure data-credit=\"Old Name\"><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\">"
		  "<figcaption>The wall at low tide. <cite>Jo Berg</cite></figcaption></figure>",
		  "The wall at low tide.", "Jo Berg" },
		/* an attribute of the article around it is not the photo's */
		{ "<figure><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\" data-credit-id=\"42\">"
		  "<figcaption>The wall at low tide.</figcaption></figure>", "The wall at low tide.", NULL },
		{ "<figure><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\"><figcaption>"
		  "<span>The wall at low tide.</span><span class=\"visually-hidden\">Credit</span>"
		  "<span>Jo Berg</span></figcaption></figure>", "The wall at low tide.", "Jo Berg" },
		{ "<figure><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\"><figcaption>"
		  "The wall at low tide.<span class=\"sr-only\">Image credit:</span> "
		  "<span>Jo Berg</span></figcaption></figure>", "The wall at low tide.", "Jo Berg" },
		/* a labelled line after the caption beside the image */
		{ "<div class=\"image\"><img src=\"/a/wall.jpg\" width=\"800\" height=\"450\">"
		  "<p class=\"caption\">The wall at low tide.</p><p class=\"source\">Foto: Jo Berg</p></div>",
		  "The wall at low tide.", "Foto: Jo Berg" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char html[1024];
		snprintf(html, sizeof html,
			 "<html><body><div data-credit=\"Desk\"><h1>Wall finished</h1>%s"
			 "<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p>"
			 "</div></div></body></html>", t[i].figure);
		struct run r = run(html);
		expect(&r, "https://news.example/a/wall.jpg", t[i].caption, t[i].credit);
		done(&r);
	}
}

static void test_hero_above_headline(void **state)
{
	(void)state;
	/* A hero image above the h1, not named by the metadata; a teaser
	 * image linking to another story comes first in the body. */
	struct run r = run(
		"<html><head><meta property=\"og:image\" content=\"https://x.example/social-card.png\"></head><body>"
		"<div class=\"article-hero\"><img src=\"/hero-wide.jpg\"></div>"
		"<h1>Async tasks at scale</h1><div id=\"body\">"
		"<p>Intro text.</p><a href=\"/other-story\"><img src=\"/other-thumb-x.jpg\"></a>"
		"<p>More text.</p></div></body></html>");
	expect(&r, "https://news.example/hero-wide.jpg", NULL, NULL);
	done(&r);
	r = run("<html><body><h1>Async tasks at scale</h1><div id=\"body\">"
		"<p>Intro text.</p><a href=\"/other-story\"><img src=\"/other-thumb-x.jpg\"></a>"
		"<p>More text.</p></div></body></html>");
	assert_null(r.a->lead_image);
	done(&r);
}

/* An unmarked inline line right after the image that reads as a
 * credit is the credit; one that does not is no caption. */
static void test_inline_credit_line(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Cards on the table</h1>"
		"<p><img src=\"/a/cards.jpg\" width=\"800\" height=\"450\"><em>(All photos: Jo Berg)</em></p>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", NULL, "All photos: Jo Berg");
	done(&r);
	r = run(
		"<html><body><h1>Cards on the table</h1>"
		"<p><img src=\"/a/cards.jpg\" width=\"800\" height=\"450\"><em>Picture a deck of cards.</em></p>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", NULL, NULL);
	done(&r);
}

/* A lazy-loading page puts a <noscript> copy of the image right after
 * it: the caption after that copy is still the image's. */
static void test_caption_after_noscript(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Cards on the table</h1>"
		"<div class=\"slide\"><img class=\"lazy\" src=\"/a/cards.jpg\" width=\"800\" height=\"450\">"
		"<noscript><img src=\"/a/cards.jpg\"></noscript>"
		"<div class=\"slide-caption\"><em>Photo: Jo Berg</em></div></div>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", NULL, "Photo: Jo Berg");
	done(&r);
}

/* libxml2's HTML parser does not know <source> as empty: each one
 * holds the rest of the <picture>, so the image sits a level deeper per
 * source; the caption after the picture is still the image's. */
static void test_caption_after_picture_sources(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Cards on the table</h1>"
		"<div class=\"media\"><a href=\"/a/big.jpg\"><div class=\"m\"><picture>"
		"<source srcset=\"/a/cards-1200.jpg\" media=\"(min-width: 1200px)\">"
		"<source srcset=\"/a/cards-800.jpg\" media=\"(min-width: 800px)\">"
		"<source srcset=\"/a/cards-600.jpg\" media=\"(min-width: 600px)\">"
		"<source srcset=\"/a/cards-480.jpg\">"
		"<img src=\"/a/cards.jpg\" alt=\"\"></picture>"
		"<p class=\"m-media__caption\">A full deck. (Bildquelle: Jo Berg)</p></div></a></div>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", "A full deck.", "Bildquelle: Jo Berg");
	done(&r);
}

/* An unmarked line right after the image that ends in a labelled
 * credit is its caption ("<a><img></a><div>Leaders meet. (Foto: Jo
 * Berg)</div>"); a paragraph of the article's text is longer. */
static void test_unmarked_caption_with_credit(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"<div>Leaders meet at the pier. (Foto: Jo Berg)</div>",
		"<p class=\"small\">Leaders meet at the pier. Photo: Jo Berg</p>",
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		char html[1024];
		snprintf(html, sizeof html,
			 "<html><body><h1>Cards on the table</h1><div class=\"top\">"
			 "<a href=\"/a/big.jpg\"><img src=\"/a/cards.jpg\" width=\"800\" height=\"450\"></a>%s</div>"
			 "<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
			 "</body></html>", lines[i]);
		struct run r = run(html);
		expect(&r, "https://news.example/a/cards.jpg", "Leaders meet at the pier.",
		       i ? "Photo: Jo Berg" : "Foto: Jo Berg");
		done(&r);
	}
	struct run r = run(
		"<html><body><h1>Cards on the table</h1><div class=\"top\">"
		"<a href=\"/a/big.jpg\"><img src=\"/a/cards.jpg\" width=\"800\" height=\"450\"></a>"
		"<p>We took the cards to the pier, where the light was good, and laid them out "
		"one by one on the boards; the wind kept lifting the corners, so we weighed each "
		"of them down with a pebble from the beach and waited for the sun to come out from "
		"behind the clouds again, which took most of the afternoon and all of our patience "
		"in the end, and then for the tide to turn and the boats to come in. Photo: Jo Berg</p></div>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", NULL, NULL);
	done(&r);
}

/* An image whose alt text is a whole caption with its credit ("… on the
 * launch pad.(Jo Berg/AP)"), and nothing else around it names one: the
 * alt is the caption the page shows in its slideshow.  A plain alt
 * ("Deck of cards") stays no caption. */
static void test_alt_caption_with_credit(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Cards on the table</h1><figure>"
		"<img src=\"/a/cards.jpg\" width=\"800\" height=\"450\" "
		"alt=\"A full deck on the table at the club.(Jo Berg/AP)\"></figure>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", "A full deck on the table at the club.",
	       "Jo Berg/AP");
	done(&r);
	r = run(
		"<html><body><h1>Cards on the table</h1><figure>"
		"<img src=\"/a/cards.jpg\" width=\"800\" height=\"450\" alt=\"Deck of cards\"></figure>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", NULL, NULL);
	done(&r);
}

/* A figure with nothing in it but the image, in a wrapper followed by
 * the caption ("<div><figure><img></figure></div><div
 * class=bildunterschrift>…</div>": German for caption). */
static void test_caption_after_figure_wrapper(void **state)
{
	(void)state;
	struct run r = run(
		"<html><body><h1>Cards on the table</h1><div class=\"row\"><div class=\"col\">"
		"<figure class=\"wrap\"><a href=\"/a/big.jpg\"><img src=\"/a/cards.jpg\" width=\"800\" "
		"height=\"450\"></a></figure></div><div class=\"text bildunterschrift\"><div><h6>A full "
		"deck on the table. (Foto: Jo Berg)</h6></div></div></div>"
		"<div id=\"body\"><p>First paragraph of the story, long enough to be text.</p></div>"
		"</body></html>");
	expect(&r, "https://news.example/a/cards.jpg", "A full deck on the table.", "Foto: Jo Berg");
	done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_media_footer),
		cmocka_unit_test(test_figcaption_run_together),
		cmocka_unit_test(test_credit_span_and_hidden_label),
		cmocka_unit_test(test_skips_logos_and_avatars),
		cmocka_unit_test(test_metadata_image_preferred),
		cmocka_unit_test(test_no_image),
		cmocka_unit_test(test_deep_image_is_not_lead),
		cmocka_unit_test(test_big_wrapper_not_held),
		cmocka_unit_test(test_jsonld_image_credit),
		cmocka_unit_test(test_photo_box),
		cmocka_unit_test(test_metadata_caption_not_shown),
		cmocka_unit_test(test_unmarked_parts),
		cmocka_unit_test(test_hero_above_headline),
		cmocka_unit_test(test_small_credit),
		cmocka_unit_test(test_inline_credit_line),
		cmocka_unit_test(test_attribute_and_label_credit),
		cmocka_unit_test(test_caption_after_noscript),
		cmocka_unit_test(test_caption_after_picture_sources),
		cmocka_unit_test(test_unmarked_caption_with_credit),
		cmocka_unit_test(test_alt_caption_with_credit),
		cmocka_unit_test(test_caption_after_figure_wrapper),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
