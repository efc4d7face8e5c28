/* test_lead-credit.c - caption/credit splitting, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/lead-credit.h"

struct split_case {
	const char *in, *caption, *credit;
};

/* Texts written for these tests in the shapes pages use. */
static const struct split_case split_cases[] = {
	{"A ferry leaves the harbour at dawn.", "A ferry leaves the harbour at dawn.", NULL},
	{"A ferry leaves the harbour. Photograph: Jane Roe for the Daily",
	 "A ferry leaves the harbour.", "Photograph: Jane Roe for the Daily"},
	{"Crowds gather in the square on Monday. (AP Photo/John Doe)",
	 "Crowds gather in the square on Monday.", "AP Photo/John Doe"},
	{"The mayor speaks to reporters. (Ann Smith/AFP/Getty Images)",
	 "The mayor speaks to reporters.", "Ann Smith/AFP/Getty Images"},
	{"Vítěz po zápase v Praze. | Foto: Reuters", "Vítěz po zápase v Praze.", "Foto: Reuters"},
	{"Un homme marche à Lyon, le 3 mai. (Photo Paul Martin. AFP)",
	 "Un homme marche à Lyon, le 3 mai.", "Photo Paul Martin. AFP"},
	{"Tiny computer board - A small PC for $35 - Image: Board Foundation",
	 "Tiny computer board - A small PC for $35", "Image: Board Foundation"},
	{"Source: Supplied", NULL, "Source: Supplied"},
	/* "FILE PHOTO:" marks an archive picture; the credit comes last
	 * (issue 15, class 5) */
	{"FILE PHOTO: Boats wait at the quay in Harbourtown, May 3, 2021. Wirecorp",
	 "FILE PHOTO: Boats wait at the quay in Harbourtown, May 3, 2021. Wirecorp", NULL},
	{"FILE PHOTO: Boats wait at the quay. REUTERS/Jo Berg/File Photo",
	 "FILE PHOTO: Boats wait at the quay.", "REUTERS/Jo Berg/File Photo"},
	{"The bridge at night. Image Credit: Jo Berg", "The bridge at night.", "Image Credit: Jo Berg"},
	{"Die Br\xc3\xbc" "cke am Abend. Bild: Jo Berg", "Die Br\xc3\xbc" "cke am Abend.", "Bild: Jo Berg"},
	{"\xc2\xa9 Ivan Petrov / Agency", NULL, "\xc2\xa9 Ivan Petrov / Agency"},
	{"(Credit: AP/Jane Roe/Photo montage by Desk)", NULL, "Credit: AP/Jane Roe/Photo montage by Desk"},
	{"Ракета на старте. Фото: ТАСС", "Ракета на старте.", "Фото: ТАСС"},
	{"Protesters in the capital / Reuters", "Protesters in the capital", "Reuters"},
	/* the photographer's name before the agency, after the caption's
	 * last full stop, is the credit's too (issue 15 class 5) */
	{"Crowds wait at the pier. Ann Smith / AFP", "Crowds wait at the pier.", "Ann Smith / AFP"},
	{"Crowds wait at the pier. Ann Smith | Shutterstock", "Crowds wait at the pier.",
	 "Ann Smith | Shutterstock"},
	{"Crowds wait. The Old Pier / Reuters", "Crowds wait. The Old Pier", "Reuters"},
	/* agencies as captions write them: in other cases, glued, the
	 * German "picture alliance" */
	{"Crowds at the pier / picture alliance", "Crowds at the pier", "picture alliance"},
	{"Ann Smith / Jo Berg/GettyImages", "Ann Smith", "Jo Berg/GettyImages"},
	{"work / ShutterStock", "work", "ShutterStock"},
	{"Jo Berg at the pool / Pool", "Jo Berg at the pool", "Pool"},
	{"The swimming pool / pool", "The swimming pool / pool", NULL},
	{"A bottle of red / magnum", "A bottle of red / magnum", NULL},
	/* the US papers' "Name/Paper" after the caption's last sentence,
	 * and a bracketed "(Name for The Paper)" (issue 15 class 5) */
	{"Crowds wait at the pier. Ann Smith/The Coast Post", "Crowds wait at the pier.",
	 "Ann Smith/The Coast Post"},
	{"Crowds wait at the pier. Ann Smith/The Coast Post/TNS", "Crowds wait at the pier.",
	 "Ann Smith/The Coast Post/TNS"},
	{"Crowds wait at the pier \xe2\x80\x94 Ann Smith/Staff", "Crowds wait at the pier",
	 "Ann Smith/Staff"},
	{"Crowds wait at the pier. (Ann Smith for The Coast Post)", "Crowds wait at the pier.",
	 "Ann Smith for The Coast Post"},
	{"Crowds wait at the pier. Mother/Daughter", "Crowds wait at the pier. Mother/Daughter", NULL},
	{"The ferry (built for The Coast Line)", "The ferry (built for The Coast Line)", NULL},
	{"Two leaders shake hands Photo by Max Mustermann", "Two leaders shake hands", "Photo by Max Mustermann"},
	{"A credit card sized computer", "A credit card sized computer", NULL},
	{"We saw an image: a bird (probably)", "We saw an image: a bird (probably)", NULL},
	{"Supporters cheer (left to right)", "Supporters cheer (left to right)", NULL},
	{"Dam at dusk. \xc2\xa9 River Trust", "Dam at dusk.", "\xc2\xa9 River Trust"},
	{"Glass jars on a shelf (Lucy Akers)", "Glass jars on a shelf", "Lucy Akers"},
	{"Leaders meet (From Left To Right)", "Leaders meet (From Left To Right)", NULL},
	{"The bridge at dawn.Credit...Jane Roe for The Times", "The bridge at dawn.", "Credit...Jane Roe for The Times"},
	{"\xe4\xbc\x9a\xe8\xa6\x8b\xef\xbc\x88\xe5\x86\x99\xe7\x9c\x9f\xef\xbc\x9a\xe5\x85\xb1\xe5\x90\x8c\xef\xbc\x89",
	 "\xe4\xbc\x9a\xe8\xa6\x8b", "\xe5\x86\x99\xe7\x9c\x9f\xef\xbc\x9a\xe5\x85\xb1\xe5\x90\x8c"},
	{"Leaders meet in Brussels, May 3. REUTERS/Yves Herman", "Leaders meet in Brussels, May 3.", "REUTERS/Yves Herman"},
	{"\xe4\xbf\xae\xe5\xa4\x8d\xe5\x90\x8e\xe7\x9a\x84\xe5\x9f\x8e\xe6\xa5\xbc \xe6\x9d\x8e\xe6\x98\x8e \xe6\x91\x84",
	 "\xe4\xbf\xae\xe5\xa4\x8d\xe5\x90\x8e\xe7\x9a\x84\xe5\x9f\x8e\xe6\xa5\xbc", "\xe6\x9d\x8e\xe6\x98\x8e \xe6\x91\x84"},
	{"Ludzie na placu. Zdj\xc4\x99" "cie: Jan Kowalski", "Ludzie na placu.", "Zdj\xc4\x99" "cie: Jan Kowalski"},
	{"Demonstranten in Berlin. Quelle: dpa", "Demonstranten in Berlin.", "Quelle: dpa"},
	/* labels in more forms: Polish "Fot." with its dot, Spanish
	 * "Imagen:", "Photo via" */
	{"Ludzie na placu. Fot. Jan Kowalski", "Ludzie na placu.", "Fot. Jan Kowalski"},
	{"Fot. Jan Kowalski", NULL, "Fot. Jan Kowalski"},
	{"Marcha en la plaza. Imagen: Agencia Sur", "Marcha en la plaza.", "Imagen: Agencia Sur"},
	{"The winner of the cup. Photo via Coast Tennis Club", "The winner of the cup.",
	 "Photo via Coast Tennis Club"},
	{"A fot. of the team", "A fot. of the team", NULL},
	{". Imagen: Agencia Sur", NULL, "Imagen: Agencia Sur"},
	{"\xe2\x80\xa6 Imagen: Agencia Sur", NULL, "Imagen: Agencia Sur"},
	{"   ", NULL, NULL},
};

static void test_split_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof split_cases / sizeof split_cases[0]; i++) {
		const struct split_case *c = &split_cases[i];
		char *cap = NULL, *cr = NULL;
		assert_int_equal(credit_split(c->in, &cap, &cr), 0);
		if (c->caption)
			assert_non_null(cap), assert_string_equal(cap, c->caption);
		else
			assert_null(cap);
		if (c->credit)
			assert_non_null(cr), assert_string_equal(cr, c->credit);
		else
			assert_null(cr);
		free(cap);
		free(cr);
	}
}

static void test_is_credit(void **state)
{
	(void)state;
	assert_true(credit_is_credit("Getty Images"));
	assert_true(credit_is_credit("Jane Roe/The Daily Planet"));
	assert_true(credit_is_credit("Photo: someone"));
	assert_true(credit_is_credit("\xc2\xa9 Provided by Someone Inc"));
	assert_true(credit_is_credit("(Photo Paul Martin. AFP)"));
	assert_false(credit_is_credit("Tourists walk along the beach in the morning sun."));
	assert_false(credit_is_credit("APPLE unveils a new phone"));
	assert_false(credit_is_credit("See https://example.com/x for more"));
	assert_false(credit_is_credit(""));
	assert_false(credit_is_credit(NULL));
}

static void test_tidy(void **state)
{
	(void)state;
	char *s = credit_tidy(" (AP Photo/John Doe) ");
	assert_string_equal(s, "AP Photo/John Doe");
	free(s);
	s = credit_tidy("[Reuters]");
	assert_string_equal(s, "Reuters");
	free(s);
	assert_null(credit_tidy("()"));
	s = credit_tidy("-/Agency/dpa");       /* an agency's own dash stays */
	assert_string_equal(s, "-/Agency/dpa");
	free(s);
	assert_true(credit_has_label("Credit: X"));
	assert_true(credit_has_label("  Photograph by X"));
	assert_false(credit_has_label("Photographers gather"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_table),
		cmocka_unit_test(test_is_credit),
		cmocka_unit_test(test_tidy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
