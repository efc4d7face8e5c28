/* test_extract-prune.c - boilerplate dropped from an emitted article:
 * advertisement labels (and the ad's link line after one), and the
 * short link lines, with their heading, that trail an article.  Texts
 * written for these tests. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/extract-prune.h"

static const char long_para[] =
	"The council voted on Tuesday to approve the new bridge, a project that has been "
	"debated for more than a decade.";
/* over 150 letters: a linked sentence this long is text, not a link line */
static const char linked_sentence[] =
	"The engineers' report, published by the council in full on Monday, sets out why the "
	"old crossing could not be repaired, what the new one will cost the town and how long "
	"the works on both banks of the river are expected to last.";

/* Add a block; linked = the whole text is one link. */
static void add(struct article *a, enum block_type type, const char *text, bool linked)
{
	struct block *b = article_add_block(a, type, text, strlen(text));

	assert_non_null(b);
	if (linked)
		assert_int_equal(block_add_link(b, 0, strlen(text), "https://x.example/"), 0);
}

static void test_ad_labels(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"Anzeige", "- Anzeige -", "ADVERTISEMENT", "Reklama", "*Werbung*", "[Publicité]",
		"Pubblicità", "РЕКЛАМА", "广告", NULL
	};
	static const char *const no[] = {
		"", "---", "Anzeige aufgeben", "Advertisement for the new bridge",
		"Werbung im Netz ist ein Thema dieser Woche", NULL
	};
	for (int i = 0; yes[i]; i++)
		assert_true(prune_is_ad_label(yes[i], strlen(yes[i])));
	for (int i = 0; no[i]; i++)
		assert_false(prune_is_ad_label(no[i], strlen(no[i])));
}

/* The label goes with the ad's link line; a real paragraph after a
 * label stays. */
static void test_ad_label_and_its_link(void **state)
{
	(void)state;
	struct article *a = article_new();

	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Anzeige", false);
	add(a, BLOCK_P, "Shirts for the whole team in our shop", true);
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Advertisement", false);
	add(a, BLOCK_P, long_para, false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 3);
	for (size_t i = 0; i < a->nblocks; i++)
		assert_string_equal(a->blocks[i].text, long_para);
	article_free(a);
}

/* Link lines after the last paragraph go, with the heading over them;
 * a trailing list of links (sources) and a long linked line stay. */
static void test_trailing_links(void **state)
{
	(void)state;
	struct article *a = article_new();

	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_H3, "More from the club", false);
	add(a, BLOCK_P, "Floodlights – discuss in the forum", true);
	add(a, BLOCK_P, "back to the list", true);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 1);
	article_free(a);

	a = article_new();
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_LI, "The council's decision", true);
	add(a, BLOCK_LI, "The engineers' report", true);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 3);
	article_free(a);

	a = article_new();
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_H2, "Reactions", false);
	add(a, BLOCK_P, "A closing remark that is a sentence of its own, with no link.", false);
	add(a, BLOCK_P, linked_sentence, true);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 4);
	article_free(a);
}

/* The site's messages to its readers after the article go (subscribe,
 * follow us, the app, ©), in several languages; the same words inside
 * the article, or in a paragraph that is most of the page, stay. */
static void test_messages_to_reader(void **state)
{
	(void)state;
	struct article *a = article_new();

	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Readers who want to follow us on the bridge works can subscribe to "
		     "the council's newsletter.", false);
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Subscribe now to our print edition for the full story.", false);
	add(a, BLOCK_P, "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS", false);
	add(a, BLOCK_P, "Folgen Sie uns auf Instagram!", false);
	add(a, BLOCK_P, "© 2025 The Town Paper", false);
	add(a, BLOCK_P, "Impressum | Datenschutz", false);
	add(a, BLOCK_P, "The town is not responsible for the content of external sites.", false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 3);
	assert_non_null(strstr(a->blocks[1].text, "newsletter"));
	article_free(a);

	a = article_new();
	add(a, BLOCK_P, "News archive", false);
	add(a, BLOCK_P, "Chapter 12 is online now; as always, the pictures can only be seen by "
		     "readers who have logged in.  Chapter 13 follows on Friday.", false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 2);
	article_free(a);
}

/* The page's date lines go: before the first long paragraph, or
 * labelled as the page's date anywhere.  A date that is content (an
 * event's time, a sentence with a date) stays. */
static void test_date_lines(void **state)
{
	(void)state;
	struct article *a = article_new();

	add(a, BLOCK_P, "24.01.2022 11:38 Kategorie: News", false);
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
	    false);
	add(a, BLOCK_P, "Termin: 29.02.2020, 19 Uhr", false);
	add(a, BLOCK_P, "Am 19. Dezember 2019 hat der Rat beschlossen, dass die Brücke gebaut wird.",
	    false);
	add(a, BLOCK_P, long_para, false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 4);
	assert_string_equal(a->blocks[0].text, long_para);
	assert_non_null(strstr(a->blocks[1].text, "Termin"));
	assert_non_null(strstr(a->blocks[2].text, "Dezember"));
	article_free(a);
}

/* The page's notes on its own advertising go wherever they stand; a
 * long paragraph about affiliate links is an article's. */
static void test_disclosures(void **state)
{
	(void)state;
	static const char about[] =
		"Affiliate links are the way many small blogs pay for themselves: the reader "
		"clicks through to a shop, and when they buy something the shop pays the blog "
		"a small share of the price.  The council's new rules on advertising do not "
		"cover them, which the consumer groups that wrote to the mayor this week say "
		"is a gap that the town should close before the summer, when the next round "
		"of grants for local shops and the markets in the old town is decided.";
	struct article *a = article_new();

	add(a, BLOCK_P, "*Werbung. Dieser Beitrag enthält Werbung für einen Laden.", false);
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Letzte Aktualisierung am 2.02.2025 / Bei den Verlinkungen handelt es "
		     "sich um Affiliate Links", false);
	add(a, BLOCK_P, about, false);
	add(a, BLOCK_P, long_para, false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 3);
	assert_string_equal(a->blocks[1].text, about);
	article_free(a);
}

/* The site's appeals to its readers (subscribe, become a member,
 * support us) go wherever they stand, in several languages; a long
 * paragraph about members of a club is the article's. */
static void test_appeals(void **state)
{
	(void)state;
	static const char club[] =
		"The rowing club has asked the council to become a member of the river trust, "
		"so that the boathouse can be repaired with the trust's money before the "
		"regatta in June; the council will decide after the summer, when the budget "
		"for the next two years is drawn up and the cost of the new bridge is known, "
		"and the club says it will please subscribe to whatever the trust asks of it.";
	struct article *a = article_new();

	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "To read the whole story, please subscribe to the Town Paper.", false);
	add(a, BLOCK_P, club, false);
	add(a, BLOCK_P, "Werden Sie Mitglied und erhalten Sie unsere Angebote!", false);
	add(a, BLOCK_P, "Si te gusta lo que hacemos, apóyanos con una donación.", false);
	add(a, BLOCK_P, long_para, false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 3);
	assert_string_equal(a->blocks[1].text, club);
	article_free(a);
}

/* A subscription's pitch (cancel any time), a donation button and the
 * title of a donation box that opens with "support" said to the reader
 * go wherever they stand; a sentence that reports support stays. */
static void test_appeals_pitch_and_donation(void **state)
{
	(void)state;
	static const char report[] =
		"Unterstützer der Brücke sammelten im Frühjahr Unterschriften in der Altstadt.";
	static const char support_long[] =
		"Apoya el ayuntamiento la idea de un puente nuevo, dijo el alcalde ayer por la tarde "
		"ante los vecinos reunidos en la plaza mayor del pueblo.";
	struct article *a = article_new();

	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Read every story for 1 € a month. Cancel anytime.", false);
	add(a, BLOCK_H2, "Je fais un don", false);
	add(a, BLOCK_H2, "UNTERSTÜTZE den Stadtboten schon mit 3 €!", false);
	add(a, BLOCK_P, "Soutenez le journal de votre ville", false);
	add(a, BLOCK_P, report, false);
	add(a, BLOCK_P, support_long, false);
	add(a, BLOCK_P, long_para, false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 4);
	assert_string_equal(a->blocks[1].text, report);
	assert_string_equal(a->blocks[2].text, support_long);
	article_free(a);
}

/* A picture's credit written as a line of its own ("Foto: Name",
 * "Crédits photos : Agence"), in several languages and cases. */
static void test_credit_labels(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"Foto: Anna Beispiel", "Fotos: Stadtarchiv, Anna Beispiel", "BILD: Werk",
		"© Bild: Werk/Anna Beispiel", "Titelbild: Agentur Beispiel",
		"Beitragsbild: Titelseite vom 2.4.2020", "Crédits photos : Agence Exemple",
		"Photo credit: Jane Roe", "Image: Town Council", "Imagen: Agencia Ejemplo",
		"ФОТО: Анна Пример", "(c) Photos : Agence", NULL
	};
	static const char *const no[] = {
		"", "Foto", "Fotos von der Feier gibt es hier.", "Quelle: Stadtverwaltung",
		"Das Bild: ein Rathaus im Regen", "Image of the week", "Foto:",
		"Foto: the council's new bridge, seen from the old town on the evening before "
		"it opened to the traffic of both banks, with the crowd that had come from the "
		"villages up the river", NULL
	};
	for (int i = 0; yes[i]; i++)
		assert_true(prune_is_credit_line(yes[i], strlen(yes[i])));
	for (int i = 0; no[i]; i++)
		assert_false(prune_is_credit_line(no[i], strlen(no[i])));
}

/* A credit line among the paragraphs goes; the same words in a caption
 * (the picture's own) stay. */
static void test_credit_lines(void **state)
{
	(void)state;
	struct article *a = article_new();

	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_CAPTION, "The new bridge. Foto: Anna Beispiel", false);
	add(a, BLOCK_P, "Foto: Anna Beispiel", false);
	add(a, BLOCK_P, long_para, false);
	add(a, BLOCK_P, "Beitragsbild: Stadtarchiv", false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 3);
	assert_int_equal(a->blocks[1].type, BLOCK_CAPTION);
	assert_string_equal(a->blocks[2].text, long_para);
	article_free(a);
}

/* Never the whole article: one link line alone is what the page has. */
static void test_never_everything(void **state)
{
	(void)state;
	struct article *a = article_new();

	add(a, BLOCK_P, "Anzeige", false);
	add(a, BLOCK_P, "Werbung", false);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 2);
	article_free(a);

	a = article_new();
	add(a, BLOCK_P, "back to the list", true);
	add(a, BLOCK_P, "the forum", true);
	assert_true(prune_article(a));
	assert_int_equal(a->nblocks, 1);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ad_labels),
		cmocka_unit_test(test_ad_label_and_its_link),
		cmocka_unit_test(test_trailing_links),
		cmocka_unit_test(test_messages_to_reader),
		cmocka_unit_test(test_date_lines),
		cmocka_unit_test(test_disclosures),
		cmocka_unit_test(test_appeals),
		cmocka_unit_test(test_appeals_pitch_and_donation),
		cmocka_unit_test(test_credit_labels),
		cmocka_unit_test(test_credit_lines),
		cmocka_unit_test(test_never_everything),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
