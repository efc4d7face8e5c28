/* genpage.c - writes the pathological pages of issue 6 that the tests
 * (test_badinput.sh, test_pathological.sh) and `make bench` feed to
 * folio, so none of them commits big files.  Output is deterministic (a
 * fixed-seed generator for the random kinds).
 *
 * usage: genpage KIND FILE [N]  (genpage with no arguments lists the kinds)
 *
 * N scales the page: each kind's size parameter (bytes, depth, count of
 * paragraphs or links), default the size the tests use; `make bench`
 * doubles it to measure how the time grows.
 *
 * Every page but junk is UTF-8 HTML with a <title> and an <h1>.  The
 * kinds marked * put their strange part between an ordinary opening
 * paragraph ("The opening paragraph is an ordinary sentence about the
 * harbour council meeting.") and a closing one ("The closing paragraph
 * after the strange part must still reach the reader."), which must
 * both come out. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define OPEN "<p>The opening paragraph is an ordinary sentence about the harbour council meeting.</p>\n"
#define CLOSE "<p>The closing paragraph after the strange part must still reach the reader.</p>\n"
#define DOC_HEAD "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
#define TAIL "</article></body></html>\n"

static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned rand_below(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)((rng >> 24) % n);
}

static void head(FILE *f, const char *title)
{
	fprintf(f, DOC_HEAD "<title>%s</title></head><body><article><h1>%s</h1>\n",
		title, title);
}

static void repeat(FILE *f, const char *s, long n)
{
	for (long i = 0; i < n; i++)
		fputs(s, f);
}

/* n bytes of the string s over and over (the last copy cut). */
static void cycle(FILE *f, const char *s, long n)
{
	long len = (long)strlen(s);
	for (; n >= len; n -= len)
		fputs(s, f);
	fwrite(s, 1, (size_t)n, f);
}

static void flat(FILE *f, long bytes)
{
	long size = 0, i = 0;
	head(f, "A very long page");
	while (size < bytes) {
		size += fprintf(f, "<p>Paragraph %ld of the long page: the council met again on "
				"Tuesday to discuss the harbour budget, and the debate ran late "
				"into the evening.</p>\n", i++);
	}
	fputs(TAIL, f);
	printf("%ld\n", i - 1);
}

static void deep(FILE *f, long n)
{
	head(f, "Deep page");
	fputs("<p>The opening paragraph of the deep page comes before all of the nesting.</p>\n", f);
	repeat(f, "<div>", n);
	fputs("<p>This sentence sits at the very bottom of the nested divisions.</p>", f);
	repeat(f, "</div>", n);
	fputs("\n<p>The closing paragraph after the nesting must still reach the reader.</p>\n", f);
	fputs(TAIL, f);
}

/* n unclosed inline elements (<b>) between the opening and closing
 * paragraphs: every one is open to the end of the page, each a
 * candidate byline line whose text lies at the bottom. */
static void deep_unclosed(FILE *f, long n)
{
	head(f, "Deep unclosed page");
	fputs(OPEN, f);
	repeat(f, "<b>", n);
	fputs(CLOSE TAIL, f);
}

/* n open divisions, then n end tags that match none of them: libxml2
 * checks each stray end tag against every open element (n^2). */
static void stray_end_tags(FILE *f, long n)
{
	head(f, "Stray end tags");
	fputs(OPEN, f);
	repeat(f, "<div>", n);
	repeat(f, "</p>", n);
	fputs(CLOSE TAIL, f);
}

/* n h1 + h2 pairs, never closed: libxml2 nests them, each h1 inside
 * the h2 before it. */
static void nested_headings(FILE *f, long n)
{
	head(f, "Nested headings");
	fputs(OPEN, f);
	repeat(f, "<h1><h2>", n);
	fputs(CLOSE TAIL, f);
}

static void word(FILE *f, long bytes)
{
	head(f, "A one megabyte word");
	fputs(OPEN "<p>Before the word ", f);
	cycle(f, "xxxxxxxxxxxxxxxx", bytes);     /* no break opportunity */
	fputs(" after the word.</p>\n" CLOSE TAIL, f);
}

/* n (20 000) ordinary paragraphs of 5 short links each. */
static void links_paras(FILE *f, long n)
{
	head(f, "One hundred thousand links");
	fputs(OPEN, f);
	for (long i = 0; i < n; i++) {
		fprintf(f, "<p>Paragraph %ld of many: the council talked about", i);
		for (int k = 0; k < 5; k++)
			fprintf(f, " the <a href=\"/story/%ld/%d\">ferry %d</a> crossing", i, k, k);
		fputs(" and the budget for the winter timetable.</p>\n", f);
	}
	fputs(CLOSE TAIL, f);
}

/* n (100 000) links in one paragraph (JSON link offsets were once
 * counted from the start of the text for every link: 30 s of CPU). */
static void links_one_para(FILE *f, long n)
{
	head(f, "One paragraph of links");
	fputs(OPEN "<p>", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "%s<a href=\"/l/%ld\">link %ld</a>", i ? " " : "", i, i);
	fputs("</p>\n" CLOSE TAIL, f);
}

/* n headline links to one story, each after 40 empty elements, all in
 * one box: a story's card was once measured again for every link that
 * shares it (quadratic: 33 s for 5 000). */
static void cards_one_story(FILE *f, long n)
{
	head(f, "One story linked again and again");
	fputs(OPEN "<div><div>", f);
	for (long i = 0; i < n; i++) {
		for (int k = 0; k < 40; k++)
			fputs("<span></span>", f);
		fputs("<h3><a href=\"/one-story\">The same story linked again and again</a></h3>\n", f);
	}
	fputs("</div></div>\n" CLOSE TAIL, f);
}

/* n headings, each holding a link that holds the next heading: every
 * heading and link once read its text from the bottom of the nest. */
static void nested_links(FILE *f, long n)
{
	head(f, "Headlines nested in links");
	fputs(OPEN "<div>", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "<h2><a href=\"/story/%ld\">", i);
	fputs("The innermost headline of the nest", f);
	repeat(f, "</a></h2>", n);
	fputs("</div>\n" CLOSE TAIL, f);
}

/* A 10 MiB attribute value on a div, and a 10 MiB href on a link. */
static void attr(FILE *f, long bytes)
{
	head(f, "A ten megabyte attribute");
	fputs(OPEN "<div data-blob=\"", f);
	cycle(f, "qqqqqqqqqqqqqqqq", bytes);
	fputs("\"><p>Text inside the division with the huge attribute stays readable.</p></div>\n"
	      "<p>A paragraph with <a href=\"https://example.org/", f);
	cycle(f, "qqqqqqqqqqqqqqqq", bytes);
	fputs("\">a huge link</a> in its middle.</p>\n" CLOSE TAIL, f);
}

/* n character references drawn at random: named and numeric, ones that
 * name controls (ESC, CSI, OSC, NUL), out of range, surrogates, bogus
 * and unterminated ones. */
static void random_entities(FILE *f, long n)
{
	static const char *const ents[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&eacute;", "&nbsp;", "&mdash;",
		"&hellip;", "&#x1F600;", "&#233;", "&#x1b;", "&#27;", "&#155;",
		"&#x9d;", "&#0;", "&#x0;", "&#x110000;", "&#xD800;",
		"&#99999999999;", "&bogus;", "&", "&#", "&#x;", "&amp",
	};
	for (long i = 0; i < n; i++)
		fputs(ents[rand_below(sizeof ents / sizeof ents[0])], f);
}

/* About 6 MB (n = 1 000 000 references) with nothing but references in
 * the body paragraph, and 3 000 of them in the title. */
static void entities(FILE *f, long n)
{
	fputs(DOC_HEAD "<title>", f);
	random_entities(f, 3000);
	fputs("</title></head><body><article>\n" OPEN "<p>", f);
	random_entities(f, n);
	fputs("</p>\n" CLOSE TAIL, f);
}

/* Declared UTF-8; every word of n (5 000) paragraphs followed by an
 * invalid sequence (stray continuation bytes, overlong forms,
 * surrogates, truncated sequences), the title too. */
static void invalid(FILE *f, long n)
{
	static const char *const bad[] = {
		"\x80", "\xbf", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
		"\xe2\x82", "\xc3",
	};
	head(f, "\xff\xfeInvalid UTF-8");
	fputs(OPEN, f);
	for (long i = 0; i < n; i++) {
		char words[100];
		snprintf(words, sizeof words,
			 "Paragraph %ld says the council voted on the ferry budget again", i);
		fputs("<p>", f);
		for (char *w = strtok(words, " "); w; w = strtok(NULL, " "))
			fprintf(f, "%s%s ", w, bad[rand_below(sizeof bad / sizeof bad[0])]);
		fputs("</p>\n", f);
	}
	fputs(CLOSE TAIL, f);
}

/* n (5000) paragraphs BEFORE, the paragraph's number, AFTER: string
 * literals with NUL bytes inside. */
#define NUL_PARAS(f, n, before, after) \
	nul_paras(f, n, before, sizeof before - 1, after, sizeof after - 1)

static void nul_paras(FILE *f, long n, const char *before, size_t nbefore,
		      const char *after, size_t nafter)
{
	head(f, "Nul bytes");
	fputs(OPEN, f);
	for (long i = 0; i < n; i++) {
		fwrite(before, 1, nbefore, f);
		fprintf(f, "%ld", i);
		fwrite(after, 1, nafter, f);
	}
	fputs(CLOSE TAIL, f);
}

/* A NUL byte about every 50 bytes, in text, tags and attributes (under
 * the 5 % of control bytes at which folio calls a file binary). */
static void nul_sparse(FILE *f, long n)
{
	NUL_PARAS(f, n, "<p class=\"x\0y\">Paragraph ",
		  " says the council\0 voted on the ferry budget again\0</p>\n");
}

/* A NUL before every word: a quarter of the bytes or so. */
static void nul_dense(FILE *f, long n)
{
	NUL_PARAS(f, n, "<p\0 class=\"x\0y\">Paragraph\0 ",
		  "\0 says\0 the\0 council\0 voted\0 on\0 the\0 ferry\0 budget\0 again\0</p>\n");
}

/* A <title>, og:title and <h1> of 1 MiB each (words, so it can be
 * wrapped). */
static void title(FILE *f, long bytes)
{
	static const char t[] = "Harbour council votes on ferry budget ";
	fputs(DOC_HEAD "<title>", f);
	cycle(f, t, bytes);
	fputs("</title><meta property=\"og:title\" content=\"", f);
	cycle(f, t, bytes);
	fputs("\"></head><body><article><h1>", f);
	cycle(f, t, bytes);
	fputs("</h1>" OPEN CLOSE TAIL, f);
}

/* A short article, then n (100 000) short lines: the paragraph
 * classifier (the second opinion) once looked from every short line
 * for the nearest long one on each side, across all the others:
 * quadratic, 8.5 s for 80 000 lines. */
static void short_lines(FILE *f, long n)
{
	head(f, "Short lines");
	fputs(OPEN, f);
	for (int k = 0; k < 4; k++)
		fputs("<p>The council met on Tuesday evening and talked for three hours "
		      "about the ferry, the harbour wall and the budget for next winter, "
		      "and in the end it voted to keep the late boat running.</p>\n", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "<div>Item %ld</div>\n", i);
	fputs(CLOSE TAIL, f);
}

/* An RSS feed of n items, each with a title, link, guid, date and a
 * description; no '&' anywhere (the pre-pass once looked for the next
 * '&' from every '<' to the end of the feed: quadratic). */
static void feed_items(FILE *f, long n)
{
	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	      "<rss version=\"2.0\"><channel><title>A long feed</title>"
	      "<link>https://news.example/</link>\n", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "<item><title>Story %ld of the harbour council</title>"
			"<link>https://news.example/story/%ld</link>"
			"<guid>https://news.example/story/%ld</guid>"
			"<pubDate>Mon, 07 Dec 2026 12:%02ld:00 GMT</pubDate>"
			"<description>The council met on Tuesday about story %ld."
			"</description></item>\n", i, i, i, i % 60, i);
	fputs("</channel></rss>\n", f);
}

static void junk(FILE *f, long bytes)
{
	for (long i = 0; i < bytes; i++)
		fputc((int)rand_below(256), f);
}

static const struct kind {
	const char *name;
	void (*gen)(FILE *, long n);
	long n;         /* the default size */
	const char *what;
} kinds[] = {
	{ "flat-50mb", flat, 50L * 1000 * 1000,
	  "N bytes (50 MB) of flat paragraphs; prints the last paragraph's number" },
	{ "deep-1k", deep, 1000, "a paragraph nested N (1 000) elements deep, text before and after" },
	{ "deep-100k", deep, 100000, "the same, 100 000 deep" },
	{ "deep-unclosed", deep_unclosed, 100000, "* N (100 000) unclosed <b> elements" },
	{ "stray-end-tags", stray_end_tags, 200000,
	  "* N (200 000) open <div>s, then N </p> that close none of them" },
	{ "nested-headings", nested_headings, 40000,
	  "* N (40 000) unclosed <h1><h2> pairs, nested 80 000 deep" },
	{ "word-1mb", word, 1L << 20, "* a 1 MiB word (N bytes)" },
	{ "links-100k", links_paras, 20000,
	  "* 100 000 links, 5 in each of N (20 000) paragraphs" },
	{ "links-one-para", links_one_para, 100000, "* N (100 000) links in one paragraph" },
	{ "cards-one-story", cards_one_story, 5000,
	  "* N (5 000) headline links to one story among 200 000 empty elements" },
	{ "nested-links", nested_links, 20000,
	  "* N (20 000) headings, each in a link in the heading before" },
	{ "attr-10mb", attr, 10L << 20, "* a 10 MiB attribute and a 10 MiB href (N bytes each)" },
	{ "entities", entities, 1000000,
	  "* 6 MB (N = 1 000 000) of nothing but character references, title too" },
	{ "invalid-utf8", invalid, 5000,
	  "* invalid UTF-8 after every word of N (5 000) paragraphs (declared UTF-8)" },
	{ "nul-sparse", nul_sparse, 5000, "* a NUL byte every 50 bytes or so (N paragraphs)" },
	{ "nul-dense", nul_dense, 5000, "* a NUL byte before every word (N paragraphs)" },
	{ "title-1mb", title, 1L << 20, "* a 1 MiB title (also og:title and h1; N bytes each)" },
	{ "short-lines", short_lines, 100000, "* a short article, then N (100 000) short lines" },
	{ "feed-items", feed_items, 40000, "an RSS feed of N (40 000) items (not HTML)" },
	{ "junk", junk, 200000, "N (200 000) random bytes (NULs and controls included)" },
};

int main(int argc, char **argv)
{
	const struct kind *k = NULL;
	bool args_ok = argc == 3 || argc == 4;
	for (size_t i = 0; args_ok && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(argv[1], kinds[i].name) == 0)
			k = &kinds[i];
	long n = k ? k->n : 0;
	if (k && argc == 4) {
		char *end;
		n = strtol(argv[3], &end, 10);
		if (*end || n < 0) {
			fprintf(stderr, "genpage: %s: not a size\n", argv[3]);
			return 1;
		}
	}
	if (!k) {
		if (args_ok)
			fprintf(stderr, "genpage: %s: unknown kind\n", argv[1]);
		fprintf(stderr, "usage: genpage KIND FILE [N], KIND one of:\n");
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			fprintf(stderr, "  %-15s %s\n", kinds[i].name, kinds[i].what);
		return 1;
	}
	FILE *f = fopen(argv[2], "wb");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	k->gen(f, n);
	if (ferror(f) | (fclose(f) != 0)) {
		fprintf(stderr, "genpage: %s: write error\n", argv[2]);
		return 1;
	}
	return 0;
}
