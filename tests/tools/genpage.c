/* genpage.c - writes the pathological pages the bad-input tests and
 * `make bench` feed to folio, so neither commits big files.  Output is
 * deterministic (a fixed-seed generator for the random kinds).
 *
 * usage: genpage KIND FILE
 *   flat50mb  50 MB of flat paragraphs; prints the last paragraph's number
 *   deep1k    a paragraph nested 1 000 elements deep, text before and after
 *   deep100k  the same, 100 000 deep
 *   word      a 1 MB word
 *   links     100 000 links in one paragraph
 *   attr      a 10 MB attribute
 *   entities  5 MB of nothing but entities (named, numeric, bogus, NUL, C1)
 *   invalid   1 MB of invalid UTF-8 between ASCII words, no charset
 *   title     a 1 MB title
 *   junk      200 000 random bytes (NULs and controls included)
 * Pages other than junk/invalid/entities also carry a normal paragraph
 * starting "The harbour master said", which must come out. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char para[] =
	"<p>The harbour master said the new crane arrives in June and will "
	"lift the heaviest containers.</p>\n";

static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned rand_byte(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 24) & 0xff;
}

static void head(FILE *f, const char *title)
{
	fprintf(f, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>"
		"</head><body><article>\n", title);
}

static void tail(FILE *f)
{
	fputs("</article></body></html>\n", f);
}

static void repeat(FILE *f, const char *s, long n)
{
	for (long i = 0; i < n; i++)
		fputs(s, f);
}

static void flat(FILE *f)
{
	long size = 0, i = 0;
	head(f, "A very long page");
	while (size < 50L * 1000 * 1000) {
		size += fprintf(f, "<p>Paragraph %ld of the long page: the council met again on "
				"Tuesday to discuss the harbour budget, and the debate ran late "
				"into the evening.</p>\n", i++);
	}
	tail(f);
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
	tail(f);
}

static void word(FILE *f)
{
	head(f, "Long word");
	fputs("<p>", f);
	repeat(f, "aaaaaaaaaa", 100000);
	fputs("</p>\n", f);
	fputs(para, f);
	tail(f);
}

static void links(FILE *f)
{
	head(f, "Many links");
	fputs(para, f);
	fputs("<p>", f);
	for (long i = 0; i < 100000; i++)
		fprintf(f, "<a href=\"/l/%ld\">link %ld</a> ", i, i);
	fputs("</p>\n", f);
	fputs(para, f);
	tail(f);
}

static void attr(FILE *f)
{
	head(f, "Big attribute");
	fputs("<div data-x=\"", f);
	repeat(f, "xxxxxxxxxx", 1000000);
	fputs("\">", f);
	fputs(para, f);
	fputs(para, f);
	fputs("</div>\n", f);
	tail(f);
}

static void entities(FILE *f)
{
	head(f, "Entities");
	fputs("<p>", f);
	repeat(f, "&amp;&lt;&eacute;&#x1F600;&nbsp;&#0;&#x9b;&#27;&bogus;", 100000);
	fputs("</p>\n", f);
	tail(f);
}

static void invalid(FILE *f)
{
	long size = 0;
	fputs("<html><body><p>", f);
	while (size < 1000000) {
		fputs("word ", f);
		for (int i = 0; i < 3; i++)
			fputc(0x80 | rand_byte(), f);
		size += 8;
	}
	fputs("</p></body></html>\n", f);
}

static void title(FILE *f)
{
	fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>", f);
	repeat(f, "TTTTTTTTTT", 100000);
	fputs("</title></head><body><article>\n", f);
	fputs(para, f);
	tail(f);
}

static void junk(FILE *f)
{
	for (long i = 0; i < 200000; i++)
		fputc((int)rand_byte(), f);
}

int main(int argc, char **argv)
{
	static const struct { const char *name; void (*gen)(FILE *); } kinds[] = {
		{ "flat50mb", flat }, { "word", word }, { "links", links },
		{ "attr", attr }, { "entities", entities }, { "invalid", invalid },
		{ "title", title }, { "junk", junk },
	};
	if (argc != 3) {
		fprintf(stderr, "usage: genpage KIND FILE\n");
		return 1;
	}
	FILE *f = fopen(argv[2], "wb");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	int found = 1;
	if (strcmp(argv[1], "deep1k") == 0)
		deep(f, 1000);
	else if (strcmp(argv[1], "deep100k") == 0)
		deep(f, 100000);
	else {
		found = 0;
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			if (strcmp(argv[1], kinds[i].name) == 0) {
				kinds[i].gen(f);
				found = 1;
			}
	}
	if (fclose(f) != 0 || !found) {
		fprintf(stderr, "genpage: %s: %s\n", argv[1], found ? "write error" : "unknown kind");
		return 1;
	}
	return 0;
}
