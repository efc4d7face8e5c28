/* test_extract-para.c - the paragraph classifier of the second opinion:
 * the page's language from its stopwords, each paragraph judged alone
 * and then by its neighbours.  Texts written for these tests. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/extract-para.h"

static struct para para(const char *text, size_t link_len, bool heading)
{
	struct para p = { 0 };

	p.text = text;
	p.len = strlen(text);
	p.link_len = link_len;
	p.heading = heading;
	return p;
}

static void check_language(const char *text, const char *want)
{
	struct para p = para(text, 0, false);

	assert_string_equal(para_language_name(para_language(&p, 1)), want);
}

static void test_language(void **state)
{
	(void)state;
	check_language("The council said that the new bridge would be open to walkers "
		       "before the end of the year, and that it was paid for by the town.", "en");
	check_language("Der Rat hat am Dienstag beschlossen, dass die neue Brücke noch in "
		       "diesem Jahr für die Fußgänger geöffnet wird, und sie wird von der "
		       "Stadt bezahlt.", "de");
	check_language("Le conseil a décidé mardi que le nouveau pont serait ouvert aux "
		       "piétons avant la fin de l'année, et il sera payé par la ville.", "fr");
	check_language("El consejo decidió el martes que el nuevo puente estará abierto "
		       "para los peatones antes del fin del año, y que lo paga la ciudad.", "es");
	/* no spaces between words: no stopwords to count */
	check_language("市议会星期二决定，新桥将在年底前向行人开放，费用由市政府承担。", "");
	/* words of no known language */
	check_language("Xylo quartz brimble vortex klaxon zephyr jumbuck fjord nymph", "");
}

/* A page: menu links, a heading, two long paragraphs with a short
 * sentence between them, a keyword line, a copyright footer. */
static void test_classify_page(void **state)
{
	static const char *const good1 =
		"The council said on Tuesday that the new bridge over the river would be "
		"open to walkers before the end of the year, and that the town had paid for it.";
	static const char *const good2 =
		"Work on the bridge started in the spring, when the old one was closed after an "
		"inspection found that its supports had been worn away by the floods.";
	static const char *const keywords =
		"Bridge repair Flooding Town council Walking routes River Harwick Spring 2026 "
		"Inspection reports Supports Footpaths Valley trails Timber";
	struct para p[] = {
		para("Home", 4, false),
		para("News", 4, false),
		para("Walks and trails", 16, false),
		para("The bridge reopens", 0, true),
		para(good1, 0, false),
		para("It cost less than planned.", 0, false),
		para(good2, 0, false),
		para(keywords, 0, false),
		para("\xc2\xa9 2026 Harwick Valley Trust", 0, false),
	};
	size_t n = sizeof p / sizeof p[0];

	(void)state;
	para_classify(p, n);
	assert_int_equal(p[0].cls, PARA_BAD);           /* all link */
	assert_int_equal(p[1].cls, PARA_BAD);
	assert_int_equal(p[2].cls, PARA_BAD);
	assert_int_equal(p[3].cls, PARA_GOOD);          /* heading before good text */
	assert_int_equal(p[4].cls, PARA_GOOD);
	assert_int_equal(p[5].cls, PARA_GOOD);          /* short, between good ones */
	assert_int_equal(p[6].cls, PARA_GOOD);
	assert_int_equal(p[7].cls, PARA_BAD);           /* long, but no sentence */
	assert_int_equal(p[8].cls, PARA_BAD);           /* copyright line */
	assert_true(p[4].stopwords * 5 > p[4].words);
}

/* A short line between boilerplate stays out; a near-good paragraph
 * needs a good neighbour. */
static void test_neighbours(void **state)
{
	struct para p[] = {
		para("Sign in to comment", 0, false),
		para("Share this", 10, false),
		para("Read the rules before you post and be kind to the others.", 0, false),
		para("Next story", 10, false),
	};

	(void)state;
	para_classify(p, 4);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(p[i].cls, PARA_BAD);
}

/* Chinese: judged by length. */
static void test_unspaced(void **state)
{
	struct para p[] = {
		para("首页", 6, false),
		para("市议会星期二决定，新桥将在年底前向行人开放，费用由市政府承担。工程在春天开始，"
		     "当时旧桥在检查中发现桥墩被洪水冲坏，随后被关闭，直到新的桥梁建成为止。", 0, false),
	};

	(void)state;
	para_classify(p, 2);
	assert_int_equal(p[0].cls, PARA_BAD);
	assert_int_equal(p[1].cls, PARA_GOOD);
}

static void test_empty(void **state)
{
	struct para p = para("", 0, false);

	(void)state;
	para_classify(NULL, 0);
	para_classify(&p, 1);
	assert_int_equal(p.cls, PARA_BAD);
	assert_int_equal(para_language(&p, 1), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_language),
		cmocka_unit_test(test_classify_page),
		cmocka_unit_test(test_neighbours),
		cmocka_unit_test(test_unspaced),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
