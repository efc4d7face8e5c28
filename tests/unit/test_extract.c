/* Unit tests for extract.c: body blocks, boilerplate removal, links,
 * whitespace, charsets and bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/extract.h"
#include "folio/util-buf.h"

static const char para1[] =
	"The council voted on Tuesday to approve the new bridge, a project that "
	"has been debated for more than a decade, with supporters citing traffic "
	"relief and critics pointing to its cost.";
static const char para2[] =
	"Construction is expected to begin next spring, officials said, and the "
	"bridge should open to traffic within three years, barring delays in "
	"securing the remaining federal funds.";
static const char para3[] =
	"Residents who spoke at the meeting were divided, with some praising the "
	"plan and others, including several shop owners, warning that years of "
	"construction would hurt local business.";

static struct article *run(const char *html, size_t len, const char *charset)
{
	struct extract_input in = { html, len, "https://news.example/city/bridge.html", charset };
	struct article *a = NULL;
	const char *why = NULL;
	enum status_code rc = extract_article(&in, &a, &why);
	if (rc != STATUS_OK)
		fail_msg("extract failed: %s", why ? why : "?");
	return a;
}

static struct article *run_str(const char *html)
{
	return run(html, strlen(html), NULL);
}

/* Index of the first block holding needle, or -1. */
static int find_block(const struct article *a, const char *needle)
{
	for (size_t i = 0; i < a->nblocks; i++)
		if (strstr(a->blocks[i].text, needle))
			return (int)i;
	return -1;
}

static char *__attribute__((format(printf, 1, 2))) page(const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	va_start(ap, fmt);
	assert_true(vasprintf(&s, fmt, ap) >= 0);
	va_end(ap);
	return s;
}

static void test_boilerplate_removed(void **state)
{
	(void)state;
	char *html = page(
		"<html><head><title>Council approves bridge</title></head><body>"
		"<nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
		"<div class='cookie-banner'>We use cookies. Accept all cookies to continue.</div>"
		"<div class='wrap'><article><h1>Council approves bridge</h1>"
		"<div class='social-share'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
		"<p>%s</p>"
		"<div><p>More from City:</p><ul><li><a href='/a'>Mayor opens park</a></li>"
		"<li><a href='/b'>Library hours extended</a></li><li><a href='/c'>Road closures this week</a></li></ul></div>"
		"<p>%s</p><h2>Reaction</h2><p>%s</p></article>"
		"<aside class='sidebar'><h3>Most read</h3><p>Something else entirely, a long text about other things.</p></aside></div>"
		"<footer>Copyright 2026 News Example. All rights reserved.</footer></body></html>",
		para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 4);
	assert_int_equal(a->blocks[0].type, BLOCK_P);
	assert_string_equal(a->blocks[0].text, para1);
	assert_string_equal(a->blocks[1].text, para2);
	assert_int_equal(a->blocks[2].type, BLOCK_H2);
	assert_string_equal(a->blocks[2].text, "Reaction");
	assert_string_equal(a->blocks[3].text, para3);
	assert_int_equal(find_block(a, "cookie"), -1);
	assert_int_equal(find_block(a, "More from"), -1);
	assert_int_equal(find_block(a, "Mayor"), -1);
	assert_int_equal(find_block(a, "Copyright"), -1);
	assert_null(a->notice);
	article_free(a);
}

static void test_read_more_line_and_hidden(void **state)
{
	(void)state;
	char *html = page(
		"<body><div class='story'><p>%s</p>"
		"<p><strong>READ MORE:</strong> <a href='/x'>Another story about the bridge project</a></p>"
		"<p hidden>hidden text one</p><div style='display: none'>hidden text two</div>"
		"<p aria-hidden='true'>hidden text three</p>"
		"<p><span class='visually-hidden'>hidden text four</span></p>"
		"<p><span class='x SR-Only'>hidden text five</span></p>"
		"<p><span class='Screen-Reader-Text'>hidden text six</span></p>"
		"<p>%s</p></div></body>", para1, para2);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 2);
	assert_int_equal(find_block(a, "READ MORE"), -1);
	assert_int_equal(find_block(a, "hidden text"), -1);
	article_free(a);
}

static void test_related_paragraph_run(void **state)
{
	(void)state;
	char *html = page(
		"<body><div class='story'><p>%s</p>"
		"<p><strong>More from Business:</strong></p>"
		"<p><a href='/1'>Shipping rates rise for a third month</a></p>"
		"<p><a href='/2'>Port strike talks resume on Monday</a></p>"
		"<p>%s</p><p>%s</p></div></body>", para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 3);
	assert_int_equal(find_block(a, "More from"), -1);
	assert_int_equal(find_block(a, "Shipping"), -1);
	article_free(a);
}

/* The title of a teaser box stays behind when the box goes by its
 * shape ("Weitere Artikel", "Zobacz również", "LE PUEDE INTERESAR"):
 * a short line starting with a related lead, in any language and case. */
static void test_teaser_titles_dropped(void **state)
{
	(void)state;
	char *html = page(
		"<body><div class='story'><p>%s</p>"
		"<h3>Das könnte Sie auch interessieren</h3>"
		"<div class='grid'><a href='/1'><img src='/1.jpg'></a><a href='/2'><img src='/2.jpg'></a></div>"
		"<p>%s</p>"
		"<p><b>ZOBACZ RÓWNIEŻ</b></p>"
		"<p>%s</p>"
		"<h2>Ähnliche Beiträge</h2></div></body>", para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 3);
	assert_string_equal(a->blocks[0].text, para1);
	assert_string_equal(a->blocks[1].text, para2);
	assert_string_equal(a->blocks[2].text, para3);
	article_free(a);
}

/* A teaser link inside the article's box, opened by "Lesen Sie hier:",
 * "Siehe auch", "Das Thema könnte dich auch interessieren:" (issue 15,
 * class 3): the line goes, the paragraphs around it stay. */
static void test_related_leads_german(void **state)
{
	(void)state;
	char *html = page(
		"<body><div class='story'><p>%s</p>"
		"<p>Lesen Sie hier: <a href='/1'>Streit im Stadtrat um die Parkgebühren</a></p>"
		"<p>%s</p>"
		"<p>Siehe auch<br><a href='/2'>Die alte Brücke im Winter</a><br>"
		"<a href='/3'>Wer zahlt für den Neubau?</a></p>"
		"<p>%s</p>"
		"<p>Das Thema könnte dich auch interessieren: <a href='/4'>Radwege im Kreis</a></p>"
		"<p>%s</p></div></body>", para1, para2, para3, para1);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 4);
	assert_int_equal(find_block(a, "Lesen Sie"), -1);
	assert_int_equal(find_block(a, "Siehe auch"), -1);
	assert_int_equal(find_block(a, "Thema"), -1);
	article_free(a);
}

/* The lead is read from the block's opening words, however long the
 * list after it: "Siehe auch" and six headlines (over 200 bytes) go. */
static void test_related_lead_long_box(void **state)
{
	(void)state;
	char *html = page(
		"<body><div class='story'><p>%s</p><p>%s</p>"
		"<p>Siehe auch<br><a href='/1'>Die alte Brücke im Winter</a><br>"
		"<a href='/2'>Wer zahlt für den Neubau am Fluss?</a><br>"
		"<a href='/3'>Der Stadtrat streitet über die Parkgebühren</a><br>"
		"<a href='/4'>Radwege im Kreis: was sich ändert</a><br>"
		"<a href='/5'>Die Fähre fährt wieder ab dem ersten Mai</a><br>"
		"<a href='/6'>Ein Sommer ohne Baustelle am Markt</a></p>"
		"<p>%s</p></div></body>", para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 3);
	assert_int_equal(find_block(a, "Siehe auch"), -1);
	article_free(a);
}

/* A box's title stays behind when the box's body goes by its shape
 * (a list of links, a widget of links, a lone link): the title goes
 * too, at the article's end or between its sections.  A heading with
 * text under it, or with a dropped box and then text, stays. */
static void test_box_title_left_alone(void **state)
{
	(void)state;
	char *html = page(
		"<body><div class='story'><p>%s</p>"
		"<div class='box'><h2>Discover now</h2><ul>"
		"<li><a href='/1'>The old bridge in winter</a></li>"
		"<li><a href='/2'>Who pays for the new one?</a></li>"
		"<li><a href='/3'>Parking fees: the council argues</a></li></ul></div>"
		"<h3>The vote</h3><div class='w'><a href='/4'>Poll</a></div><p>%s</p>"
		"<h3>Cycling alone is no fun?</h3>"
		"<div id='tours'><a href='/5'>Powered by a tour shop.</a> <a href='/6'>Become a partner.</a></div>"
		"<p><script>load()</script></p></div></body>", para1, para2);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(find_block(a, "Discover"), -1);
	assert_int_equal(find_block(a, "no fun"), -1);
	assert_true(find_block(a, "The vote") >= 0);
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A box about the author after the article ("author-bio",
 * "post-author__info", "AuthorBox"): a biography, not the article,
 * though it is written in sentences inside the article's own box. */
static void test_author_box_dropped(void **state)
{
	(void)state;
	char *html = page(
		"<body><article class='post'><div class='entry-content'><p>%s</p><p>%s</p><p>%s</p></div>"
		"<section class='author-bio'><h4>Jane Roe</h4><p>Jane Roe has covered the city hall "
		"for the paper since 2015 and writes about transport, housing and the budget.</p></section>"
		"<div class='Report__AuthorBox'><p>John Doe is our editor for local politics, and he "
		"likes to test new bicycles on the roads he writes about.</p></div>"
		"</article></body>", para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 3);
	assert_int_equal(find_block(a, "Jane Roe"), -1);
	assert_int_equal(find_block(a, "John Doe"), -1);
	article_free(a);
}

/* An article cut into sections of one template, each paragraph nested
 * deeper than the scoring reaches: the top section's siblings of the
 * same class come along though their scores are low. */
static void test_sections_of_one_template(void **state)
{
	(void)state;
	static const char open[] =
		"<div class='sect'><div class='wrap'><div class='row'><div class='col'>"
		"<div class='tp'><div class='ft'>";
	static const char close[] = "</div></div></div></div></div></div>";
	static const char later[] =
		"The work is due to start in the spring, once the last permits are in and the "
		"contractor has been chosen.";
	char *html = page("<body><div class='detail'>%s<p>%s</p><p>%s</p><p>%s</p>%s"
			  "%s<p>%s</p>%s</div>"
			  "<div class='sect'><a href='/a'>Imprint</a> <a href='/b'>Privacy</a></div></body>",
			  open, para1, para2, para3, close, open, later, close);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 4);
	assert_string_equal(a->blocks[0].text, para1);
	assert_string_equal(a->blocks[3].text, later);
	assert_int_equal(find_block(a, "Imprint"), -1);
	article_free(a);
}

/* The article continued in boxes of one template a level or more above
 * the best box: the entries of a lexicon page, the posts of a thread,
 * the rows of a page builder, a story split in two by an ad.  A box of
 * another class beside them stays out. */
static void test_article_continued_in_boxes(void **state)
{
	(void)state;
	static const char first[] =
		"The first entry explains where the word comes from and how it was used "
		"in the old town records.";
	static const char last[] =
		"The last entry lists the places where the custom is still kept, mostly "
		"villages in the hills.";
	char *html = page("<body><div class='lexicon'>"
			  "<div class='item item-1'><h3>Origin</h3><div class='in'><div class='txt'>"
			  "<p>%s</p></div></div></div>"
			  "<div class='item item-2'><h3>Use</h3><div class='in'><div class='txt'>"
			  "<p>%s</p><p>%s</p><p>%s</p></div></div></div>"
			  "<div class='item item-3'><h3>Today</h3><div class='in'><div class='txt'>"
			  "<p>%s</p></div></div></div>"
			  "<div class='note'><div class='in'><p>Our office is open from nine to five "
			  "on weekdays, and closed on public holidays.</p></div></div>"
			  "</div></body>", first, para1, para2, para3, last);
	struct article *a = run_str(html);
	free(html);
	assert_true(find_block(a, "The first entry") >= 0);
	assert_true(find_block(a, "The last entry") >= 0);
	assert_true(find_block(a, "The first entry") < find_block(a, para1));
	assert_true(find_block(a, para3) < find_block(a, "The last entry"));
	assert_int_equal(find_block(a, "Our office"), -1);
	article_free(a);
}

/* A list of names runs to a comma a word: the signatories under an
 * open letter, a cast list.  Each paragraph's commas count up to a cap,
 * or such a cell outscores the letter itself. */
static void test_commas_capped(void **state)
{
	(void)state;
	static const char *const letter[] = {
		"We, the undersigned, writers, teachers, and editors, believe that the free "
		"exchange of ideas, in print, on the air, and online, is worth defending, "
		"even, and above all, when it is uncomfortable.",
		"Debate, dissent, satire, and doubt, as our history shows, have moved us "
		"forward, again and again, in science, in law, in art, and in everyday life, "
		"far more than silence ever has.",
		"Editors, publishers, and heads of schools, under pressure, now drop work, "
		"cancel talks, and let people go, often quickly, quietly, and without a "
		"hearing, for a word, a joke, or a question.",
		"We ask, therefore, for room to argue, to err, to learn, and to change our "
		"minds, in public, together, and without fear, because a free society, in "
		"the end, depends on it.",
	};
	struct buf names = { 0 };
	char *html;

	for (int i = 0; i < 80; i++) {
		char one[64];
		int n = snprintf(one, sizeof one, "Signer Number%d of Town%d, ", i, i % 7);
		buf_add(&names, one, (size_t)n);
	}
	buf_add(&names, "", 1);
	html = page("<body><div class='wrap'><div class='text'><p>%s</p><p>%s</p><p>%s</p>"
		    "<p>%s</p><table><tbody><tr><td>%s</td><td>%s</td></tr>"
		    "<tr><td>Listed for identification only.</td></tr></tbody></table>"
		    "</div></div></body>",
		    letter[0], letter[1], letter[2], letter[3], names.data, names.data);
	buf_free(&names);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(find_block(a, "We, the undersigned"), 0);
	assert_true(find_block(a, "We ask, therefore") > 0);
	article_free(a);
}

/* A line of the article that ends in ':' and introduces its own links
 * ("The full report is here:", "Sources:") stays with them; a related
 * lead ("More from the city desk") and its box of links go. */
static void test_colon_line_kept(void **state)
{
	(void)state;
	char *html = page("<body><div class='text'><p>%s</p><p>%s</p><p>%s</p>"
			  "<p>The full report of the council can be read here:</p>"
			  "<ul><li><a href='/r.pdf'>Bridge report 2026</a></li>"
			  "<li><a href='/m.pdf'>Minutes of the meeting</a></li></ul>"
			  "<p>More from the city desk</p>"
			  "<ul><li><a href='/x'>Parking fees go up in May</a></li>"
			  "<li><a href='/y'>New library opens</a></li></ul></div></body>",
			  para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_true(find_block(a, "The full report of the council") > 0);
	assert_int_equal(find_block(a, "More from the city desk"), -1);
	assert_int_equal(find_block(a, "Parking fees"), -1);
	article_free(a);
}

/* A lead paragraph the page sets apart in the article's header, before
 * the box of the body: it opens the article.  A line-height utility
 * class ("leading-7") is no lead. */
static void test_lead_set_apart(void **state)
{
	(void)state;
	static const char lead[] =
		"After ten years of debate, the town will have its second bridge by the "
		"end of the decade.";
	char *html = page("<body><article><header><h1>Council approves bridge</h1>"
			  "<p class='leading-7'>By Jane Roe, who covers the city hall for the paper.</p>"
			  "<div class='article-intro'><p>%s</p></div></header>"
			  "<div class='body'><p>%s</p><p>%s</p><p>%s</p></div></article>"
			  "<div class='teasers'><div class='intro'><a href='/x'>Another story about "
			  "the council and its many decisions this year</a></div></div></body>",
			  lead, para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 4);
	assert_string_equal(a->blocks[0].text, lead);
	assert_string_equal(a->blocks[1].text, para1);
	assert_int_equal(find_block(a, "Jane Roe"), -1);
	assert_int_equal(find_block(a, "Another story"), -1);
	article_free(a);
}

/* A lead set apart further from the body's box than the first reach:
 * five levels up from the text (a grid's columns and rows), inside a
 * header whose class says both "intro" and "header", and beside the
 * body between a short meta line and the text. */
static void test_lead_reached(void **state)
{
	(void)state;
	static const char lead[] =
		"After ten years of debate, the town will have its second bridge by the "
		"end of the decade.";
	static const char *const shapes[] = {
		"<body><div class='page'><header><h1>Council approves bridge</h1>"
		"<p class='lead'>%s</p></header><div class='wrap'><div class='grid'>"
		"<div class='row'><div class='col-10'><div class='article-text'><p>%s</p>"
		"<p>%s</p><p>%s</p></div><div class='tools'>Print</div></div>"
		"<div class='col-2'>Ad</div></div><div class='row'>Top</div></div>"
		"<div class='grid'>Bottom</div></div></div></body>",
		"<body><main><div class='wrap'><header class='story-intro-header'>"
		"<h1>Council approves bridge</h1><p class='a-lead'>%s</p></header></div>"
		"<div class='wrap'><div class='article-body'><div class='pagetext'><p>%s</p>"
		"<p>%s</p><p>%s</p></div></div></div></main></body>",
		"<body><div class='news'><h1>Council approves bridge</h1>"
		"<div class='row'><div class='news-date'>Written by the city desk.</div>"
		"<div class='news-intro'><p>%s</p></div><div class='news-text'><p>%s</p>"
		"<p>%s</p><p>%s</p></div></div></div></body>",
	};

	int bad = 0;

	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		char *html = page(shapes[k], lead, para1, para2, para3);
		struct article *a = run_str(html);
		free(html);
		int at = find_block(a, lead), first = find_block(a, para1);
		if (at < 0 || first < 0 || at > first) {
			print_message("shape %zu: lead at %d, text at %d\n", k, at, first);
			bad++;
		}
		article_free(a);
	}
	assert_int_equal(bad, 0);
}

/* A WordPress caption block (the editor's [caption], "wp-caption-text")
 * under a picture in the post is left out of the text; a figure's
 * <figcaption> elsewhere stays where it stands. */
static void test_wordpress_caption_left_out(void **state)
{
	(void)state;
	char *html = page("<body><article class='post'><h1>Council approves bridge</h1>"
			  "<div class='entry-content'><p>%s</p><p>%s</p>"
			  "<div id='attachment_7' class='wp-caption aligncenter'><img src='/a.jpg' "
			  "width='800' height='500'><p id='caption-attachment-7' class='wp-caption-text'>"
			  "The old ferry landing at dawn / (C) Jo Berg</p></div>"
			  "<p>%s</p><figure><img src='/b.jpg' width='800' height='500'>"
			  "<figcaption>The new bridge as the architects drew it.</figcaption></figure>"
			  "<p>%s</p></div></article></body>", para1, para2, para3, para1);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(find_block(a, "ferry landing"), -1);
	assert_true(find_block(a, "as the architects drew it") > 0);
	assert_int_equal(find_block(a, para3), 2);
	article_free(a);
}

/* The lead written under the headline with no class to know it by
 * opens the article; a classed line there (a component the page named:
 * its byline, its kicker) and a newsletter box are not it. */
static void test_lead_under_headline(void **state)
{
	(void)state;
	static const char lead[] =
		"After ten years of debate, the town will have its second bridge by the "
		"end of the decade.";
	char *html = page("<body><div class='top'><div class='hero'><h1>Council approves bridge</h1>"
			  "<p class='hero-meta'>Posted in City, Politics and Transport on the first "
			  "of May.</p></div>"
			  "<div class='newsletter'><form><p>Get the city news every morning in your "
			  "inbox, free of charge.</p></form></div><div><p>%s</p></div></div>"
			  "<div class='main'><div class='body'><p>%s</p><p>%s</p><p>%s</p></div></div>"
			  "</body>", lead, para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(find_block(a, lead), 0);
	assert_int_equal(find_block(a, para1), 1);
	assert_int_equal(find_block(a, "Posted in"), -1);
	assert_int_equal(find_block(a, "Get the city news"), -1);
	article_free(a);
}

/* schema.org's description mark before the text is a lead too, whatever
 * the class says ("teaser-text"). */
static void test_lead_itemprop(void **state)
{
	(void)state;
	static const char lead[] =
		"The town will have its second bridge by the end of the decade, the council decided.";
	char *html = page("<body><div class='news-single'><h1>Council approves bridge</h1>"
			  "<div class='teaser-text' itemprop='description'><p>%s</p></div>"
			  "<div class='news-img'><img src='/b.jpg' width='600' height='400'></div>"
			  "<div class='news-text-wrap'><p>%s</p><p>%s</p><p>%s</p></div></div></body>",
			  lead, para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 4);
	assert_string_equal(a->blocks[0].text, lead);
	article_free(a);
}

/* Boxes that are never the article, by their class: a comment area
 * named in German, a rating widget, a licence note. */
static void test_more_boilerplate_words(void **state)
{
	(void)state;
	char *html = page("<body><div class='story'><p>%s</p><p>%s</p>"
			  "<div class='rating'><span>Rate this article</span> <span>(no votes yet)</span></div>"
			  "<p>%s</p>"
			  "<div class='licenceInfo'><p>Material protected by copyright law.</p></div>"
			  "<div class='kommentarModul'><p>You are not logged in.</p></div></div></body>",
			  para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 3);
	assert_int_equal(find_block(a, "Rate this"), -1);
	assert_int_equal(find_block(a, "copyright"), -1);
	assert_int_equal(find_block(a, "logged in"), -1);
	article_free(a);
}

/* A page that keeps its whole text in <noscript> (the script draws the
 * page otherwise): that text, not "no readable text". */
static void test_noscript_page(void **state)
{
	(void)state;
	char *html = page("<body><div id='app'></div><script>draw()</script>"
			  "<noscript><div id='page'><ul class='menu'><li><a href='/'>Home</a></li>"
			  "<li><a href='/news'>News</a></li></ul>"
			  "<div id='text'><p>%s</p><p>%s</p></div></div></noscript></body>",
			  para1, para2);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 2);
	assert_string_equal(a->blocks[0].text, para1);
	assert_string_equal(a->blocks[1].text, para2);
	article_free(a);
}

/* A box with more images than paragraphs is a gallery only when its
 * text is no more than captions: emoticons in a forum post, photos of
 * a recipe's steps leave the text in; a row of thumbnails goes. */
static void test_images_in_text_box(void **state)
{
	(void)state;
	char *html = page("<body><div class='thread'><p>%s</p>"
			  "<div class='postbody'>I tried the update this morning <img src='/s/smile.gif'> "
			  "and the phone restarted twice before it worked, so give it time "
			  "<img src='/s/wink.gif'><br>It was worth the wait, the battery lasts longer now."
			  "<img src='/s/thumb.gif'></div>"
			  "<p>%s</p>"
			  "<div class='row'><img src='/t/1.jpg'><img src='/t/2.jpg'><img src='/t/3.jpg'>"
			  "<span>More photos</span></div><p>%s</p></div></body>", para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_true(find_block(a, "battery lasts longer") >= 0);
	assert_int_equal(find_block(a, "More photos"), -1);
	article_free(a);
}

static void test_story_cards_dropped(void **state)
{
	(void)state;
	/* cards of other stories carry summaries, so their link density is
	 * low; their shape (alike siblings, each with a headline link) and
	 * not any class word gives them away */
	char *html = page(
		"<body><div id='main'><div class='txt'>%s<br><br>%s<br><br>%s</div>"
		"<div class='grid'><div class='item'><a href='/a'>Flood defences to be reviewed</a>"
		"<p>The council says it will look again at the sea wall after failures.</p></div>"
		"<div class='item'><a href='/b'>Power company apologises</a>"
		"<p>Customers were left without power for two days last year.</p></div></div>"
		"</div></body>", para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	assert_int_equal(a->nblocks, 3);
	assert_string_equal(a->blocks[1].text, para2);
	assert_int_equal(find_block(a, "Flood defences"), -1);
	assert_int_equal(find_block(a, "sea wall"), -1);
	article_free(a);
}

static void test_links_and_whitespace(void **state)
{
	(void)state;
	char *html = page(
		"<body><article><p>%s</p><p>Read the <a href='/docs/report.pdf'>full\n report</a>"
		" and <a href='javascript:void(0)'>this</a> and <b>bold</b><i>italic</i>"
		" words, line<br>break and&nbsp;space\xc2\xad.</p><p>%s</p></article></body>",
		para1, para2);
	struct article *a = run_str(html);
	free(html);
	int i = find_block(a, "Read the");
	assert_true(i >= 0);
	const struct block *b = &a->blocks[i];
	assert_string_equal(b->text,
		"Read the full report and this and bolditalic words, line break and space.");
	assert_int_equal(b->nlinks, 1);
	assert_int_equal(b->links[0].start, 9);
	assert_int_equal(b->links[0].end, 20);
	assert_string_equal(b->links[0].url, "https://news.example/docs/report.pdf");
	article_free(a);
}

static void test_block_types(void **state)
{
	(void)state;
	char *html = page(
		"<body><article><p>%s</p>"
		"<blockquote><p>A quoted remark, long enough.</p></blockquote>"
		"<ol start='3'><li>first</li><li>second<ul><li>nested</li></ul></li></ol>"
		"<pre>line one\n    indented</pre>"
		"<figure><img src='x.jpg'><figcaption>A figure caption</figcaption></figure>"
		"<div class='share-tools'><a href='/s'>Share</a> <a href='/t'>Tweet</a></div>"
		"<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Yes</td><td>7</td></tr>"
		"<tr><td>No</td><td>2</td></tr></table>"
		"<dl><dt>Term</dt><dd>Definition</dd></dl>"
		"<div>Own text of a div.<p>%s</p></div>"
		"<h4>Small heading</h4><p>%s</p></article></body>",
		para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	int i;
	i = find_block(a, "quoted remark");
	assert_true(i >= 0);
	assert_int_equal(a->blocks[i].type, BLOCK_QUOTE);
	i = find_block(a, "first");
	assert_int_equal(a->blocks[i].type, BLOCK_LI);
	assert_int_equal(a->blocks[i].ordinal, 3);
	assert_int_equal(a->blocks[i].depth, 1);
	i = find_block(a, "second");
	assert_int_equal(a->blocks[i].ordinal, 4);
	i = find_block(a, "nested");
	assert_int_equal(a->blocks[i].depth, 2);
	assert_int_equal(a->blocks[i].ordinal, 0);
	i = find_block(a, "line one");
	assert_int_equal(a->blocks[i].type, BLOCK_PRE);
	assert_string_equal(a->blocks[i].text, "line one\n    indented");
	/* a caption is a caption block, unless it is the lead image's:
	 * then it lives in lead_image only, never in both */
	i = find_block(a, "A figure caption");
	if (a->lead_image && a->lead_image->caption &&
	    strstr(a->lead_image->caption, "A figure caption"))
		assert_int_equal(i, -1);
	else
		assert_int_equal(a->blocks[i].type, BLOCK_CAPTION);
	i = find_block(a, "Votes");
	assert_int_equal(a->blocks[i].type, BLOCK_TABLE);
	assert_string_equal(a->blocks[i].text, "Name | Votes\nYes | 7\nNo | 2");
	i = find_block(a, "Term");
	assert_int_equal(a->blocks[i].type, BLOCK_DT);
	i = find_block(a, "Definition");
	assert_int_equal(a->blocks[i].type, BLOCK_DD);
	i = find_block(a, "Own text of a div.");
	assert_int_equal(a->blocks[i].type, BLOCK_P);
	assert_string_equal(a->blocks[i].text, "Own text of a div.");
	i = find_block(a, "Small heading");
	assert_int_equal(a->blocks[i].type, BLOCK_H4);
	article_free(a);
}

/* An ordered list's start attribute is page data: beyond 10^9 it
 * counts as no start, so neither reading it (atoi's undefined
 * behaviour past INT_MAX) nor counting items after it (start=INT_MAX
 * overflowed at the first item, found by UBSan in fuzz_extract) can
 * overflow. */
static void test_list_start_bounds(void **state)
{
	(void)state;
	static const struct {
		const char *start;
		int first, second;
	} rows[] = {
		{ "3", 3, 4 },
		{ " +7", 7, 8 },
		{ "0", 1, 2 },
		{ "-5", 1, 2 },
		{ "x", 1, 2 },
		{ "1000000000", 1000000000, 1000000001 },
		{ "1000000001", 1, 2 },
		{ "2147483647", 1, 2 },
		{ "2147483648", 1, 2 },
		{ "99999999999999999999", 1, 2 },
	};
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		char *html = page("<body><article><p>%s</p><ol start='%s'><li>first item</li>"
				  "<li>second item</li></ol><p>%s</p></article></body>",
				  para1, rows[r].start, para2);
		struct article *a = run_str(html);
		free(html);
		int i = find_block(a, "first item"), k = find_block(a, "second item");
		assert_true(i >= 0 && k >= 0);
		if (a->blocks[i].ordinal != rows[r].first || a->blocks[k].ordinal != rows[r].second)
			fail_msg("start '%s': %d, %d (want %d, %d)", rows[r].start,
				 a->blocks[i].ordinal, a->blocks[k].ordinal, rows[r].first,
				 rows[r].second);
		article_free(a);
	}
}

static void test_layout_table(void **state)
{
	(void)state;
	char *html = page("<body><table><tr><td><p>%s</p><p>%s</p></td><td><p>%s</p></td></tr></table></body>",
			  para1, para2, para3);
	struct article *a = run_str(html);
	free(html);
	for (size_t i = 0; i < a->nblocks; i++)
		assert_int_not_equal(a->blocks[i].type, BLOCK_TABLE);
	assert_true(find_block(a, "council voted") >= 0);
	article_free(a);
}

static void test_short_page(void **state)
{
	(void)state;
	struct article *a = run_str("<p>Just one short line.</p>");
	assert_int_equal(a->nblocks, 1);
	assert_string_equal(a->blocks[0].text, "Just one short line.");
	article_free(a);
	a = run_str("plain text, no markup at all");
	assert_int_equal(a->nblocks, 1);
	article_free(a);
}

/* A short page naming its wall in its text gets the notice, whatever
 * the text's case (ASCII only: "COOK\u0130E" with a Turkish dotted I is
 * no cookie); an article long enough gets none. */
static void expect_notice(const char *html, const char *notice)
{
	struct article *a = run_str(html);
	if (notice)
		assert_string_equal(a->notice, notice);
	else
		assert_null(a->notice);
	article_free(a);
}

static void test_wall_notices(void **state)
{
	(void)state;
	expect_notice("<p>Please ENABLE JavaScript to read this story.</p>",
		      "this page needs JavaScript; only part of it could be read");
	expect_notice("<p>The first line.</p><div>Already a Subscriber? Sign In To Continue</div>",
		      "looks like a paywall; only part of the article could be read");
	expect_notice("<p>The first line.</p><div>We use COOKIES. Accept All</div>",
		      "looks like a consent wall; only part of the page could be read");
	expect_notice("<p>The first line.</p><div>COOK\xc4\xb0" "E settings</div>", NULL);
	char *long_page = page("<p>%s</p><p>%s</p><p>%s</p><p>Enable JavaScript</p>",
			       para1, para2, para3);
	expect_notice(long_page, NULL);
	free(long_page);
}

static void expect_no_article(const char *bytes, size_t len)
{
	struct extract_input in = { bytes, len, NULL, NULL };
	struct article *a = (struct article *)1;
	const char *why = NULL;
	assert_int_equal(extract_article(&in, &a, &why), STATUS_NO_ARTICLE);
	assert_null(a);
	assert_non_null(why);
}

static void test_no_article(void **state)
{
	(void)state;
	expect_no_article("", 0);
	expect_no_article("<html><body><script>x()</script></body></html>", 46);
	/* binary junk: control bytes everywhere */
	unsigned char junk[4096];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	expect_no_article((const char *)junk, sizeof junk);
}

static void test_nul_bytes(void **state)
{
	(void)state;
	const char html[] = "<p>before\0after and more</p>";
	struct article *a = run(html, sizeof html - 1, NULL);
	assert_int_equal(a->nblocks, 1);
	assert_string_equal(a->blocks[0].text, "beforeafter and more");
	article_free(a);
}

static void test_escapes_never_pass(void **state)
{
	(void)state;
	const char html[] = "<p>safe\x1b[2Jtext\xc2\x9b" "31m here \xc2\x9d" "0;x\x07 end</p>";
	struct article *a = run_str(html);
	assert_string_equal(a->blocks[0].text, "safetext here end");
	article_free(a);
}

static void test_windows1251(void **state)
{
	(void)state;
	/* "Привет мир" in windows-1251 */
	const char html[] = "<html><head><meta charset=windows-1251></head><body>"
			    "<p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0</p></body></html>";
	struct article *a = run_str(html);
	assert_string_equal(a->blocks[0].text, "Привет мир");
	article_free(a);
	/* same bytes, charset from the HTTP header and no meta */
	const char bare[] = "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
	a = run(bare, sizeof bare - 1, "windows-1251");
	assert_string_equal(a->blocks[0].text, "Привет");
	article_free(a);
}

static void test_utf8_meta_lies(void **state)
{
	(void)state;
	/* says gb2312 (and, later, latin1); the bytes are UTF-8 */
	const char html[] = "<html><head><meta charset=gb2312><meta http-equiv=content-type "
			    "content='text/html; charset=iso-8859-1'></head><body><p>中文正文，日本語も。</p></body></html>";
	struct article *a = run_str(html);
	assert_string_equal(a->blocks[0].text, "中文正文，日本語も。");
	article_free(a);
}

static char *nest(size_t depth, const char *inner)
{
	size_t n = 0, len = strlen(inner);
	char *s = malloc(depth * 11 + len + 1);
	assert_non_null(s);
	for (size_t i = 0; i < depth; i++) {
		memcpy(s + n, "<div>", 5);
		n += 5;
	}
	memcpy(s + n, inner, len);
	n += len;
	for (size_t i = 0; i < depth; i++) {
		memcpy(s + n, "</div>", 6);
		n += 6;
	}
	s[n] = '\0';
	return s;
}

static void test_deep_nesting(void **state)
{
	(void)state;
	char *inner = page("<p>%s</p>", para1);
	char *html = nest(1000, inner);
	struct article *a = run_str(html);
	assert_true(find_block(a, "council voted") >= 0);
	article_free(a);
	free(html);
	html = nest(100000, inner);
	a = run_str(html);          /* no crash; the text still comes out */
	assert_true(find_block(a, "council voted") >= 0);
	article_free(a);
	free(html);
	free(inner);
}

static void test_consent_notice(void **state)
{
	(void)state;
	const char html[] = "<body><div id='consent-wall'><h2>Before you continue</h2>"
			    "<p>We use cookies and data to deliver our services. Accept all to continue.</p>"
			    "<button>Accept all</button></div></body>";
	struct article *a = run_str(html);
	assert_non_null(a->notice);
	assert_non_null(strstr(a->notice, "consent"));
	article_free(a);
}

static void test_byline_line_dropped(void **state)
{
	(void)state;
	char *html = page("<html><head><title>Bridge</title><meta name=author content='Jane Doe'>"
			  "</head><body><article><p class=byl>By Jane Doe</p><p>%s</p><p>%s</p>"
			  "</article></body></html>", para1, para2);
	struct article *a = run_str(html);
	free(html);
	if (a->byline && strcmp(a->byline, "Jane Doe") == 0)
		assert_int_equal(find_block(a, "By Jane Doe"), -1);
	assert_string_equal(a->blocks[0].text, para1);
	article_free(a);
}

/* The author's signature under the story is the byline (meta_signature
 * on the extracted blocks; its table is in test_meta). */
static void test_signature_byline(void **state)
{
	(void)state;
	char *html = page("<html><head><title>Bridge</title></head><body><article>"
			  "<h1>Bridge</h1><p>%s</p><p>%s</p><p>Jo Berg<br>10. September 2017</p>"
			  "</article></body></html>", para1, para2);
	struct article *a = run_str(html);
	free(html);
	assert_non_null(a->byline);
	assert_string_equal(a->byline, "Jo Berg");
	article_free(a);
}

/* The binary test's rule, the plain way: more than one byte in twenty
 * of the first 64 KiB a control other than white space, or DEL. */
static bool binary_plain(const unsigned char *u, size_t len)
{
	size_t n = len < 65536 ? len : 65536, ctl = 0;

	for (size_t i = 0; i < n; i++)
		ctl += (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' &&
			u[i] != '\f') || u[i] == 0x7F;
	return ctl * 20 > n;
}

/* extract_parse refuses a binary file by counting controls sixteen
 * bytes at a time: the same verdict as the plain count on pages of
 * every length around the one-in-twenty line, with the controls, white
 * space, DEL and high bytes anywhere in the 16-byte words. */
static void test_binary_verdict_matches_plain_count(void **state)
{
	static const unsigned char plain[] = {
		'a', '<', ' ', '\t', '\n', '\r', '\f', 0x80, 0xC3, 0xFF,
	};
	static const unsigned char controls[] = { 0x01, 0x1B, 0x1F, 0x7F };
	unsigned char buf[600];
	uint32_t seed = 12345;
	int binary = 0, text = 0;
	(void)state;
	for (int round = 0; round < 400; round++) {
		size_t len = 1 + (size_t)(round * 7 % 599);
		unsigned share = (unsigned)(round % 40);  /* in 256ths: 0..15 % */
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			buf[i] = (r & 255) < share ? controls[(r >> 8) % sizeof controls] :
				 plain[(r >> 8) % sizeof plain];
		}
		buf[0] = 'a';   /* no UTF-16 byte order mark */
		struct extract_input in = { .bytes = (const char *)buf, .len = len };
		const char *why = NULL;
		xmlDocPtr doc = extract_parse(&in, &why);
		bool refused = !doc && why && strstr(why, "not a readable");
		assert_int_equal(refused, binary_plain(buf, len));
		binary += refused;
		text += !refused;
		xmlFreeDoc(doc);
	}
	assert_true(binary > 20 && text > 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boilerplate_removed),
		cmocka_unit_test(test_list_start_bounds),
		cmocka_unit_test(test_binary_verdict_matches_plain_count),
		cmocka_unit_test(test_read_more_line_and_hidden),
		cmocka_unit_test(test_related_paragraph_run),
		cmocka_unit_test(test_teaser_titles_dropped),
		cmocka_unit_test(test_related_leads_german),
		cmocka_unit_test(test_related_lead_long_box),
		cmocka_unit_test(test_box_title_left_alone),
		cmocka_unit_test(test_author_box_dropped),
		cmocka_unit_test(test_sections_of_one_template),
		cmocka_unit_test(test_article_continued_in_boxes),
		cmocka_unit_test(test_commas_capped),
		cmocka_unit_test(test_colon_line_kept),
		cmocka_unit_test(test_lead_set_apart),
		cmocka_unit_test(test_lead_itemprop),
		cmocka_unit_test(test_lead_reached),
		cmocka_unit_test(test_wordpress_caption_left_out),
		cmocka_unit_test(test_lead_under_headline),
		cmocka_unit_test(test_more_boilerplate_words),
		cmocka_unit_test(test_noscript_page),
		cmocka_unit_test(test_images_in_text_box),
		cmocka_unit_test(test_story_cards_dropped),
		cmocka_unit_test(test_links_and_whitespace),
		cmocka_unit_test(test_block_types),
		cmocka_unit_test(test_layout_table),
		cmocka_unit_test(test_short_page),
		cmocka_unit_test(test_wall_notices),
		cmocka_unit_test(test_no_article),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_escapes_never_pass),
		cmocka_unit_test(test_windows1251),
		cmocka_unit_test(test_utf8_meta_lies),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_consent_notice),
		cmocka_unit_test(test_byline_line_dropped),
		cmocka_unit_test(test_signature_byline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
