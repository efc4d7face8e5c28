/* extract-prune.c - boilerplate dropped from the emitted article
 * (extract-prune.h).
 *
 * Some boilerplate has no box of its own to be known by: an
 * advertisement label is one line among the paragraphs, and the links
 * after an article ("Back to the list", "Another story …", a forum
 * thread on the topic) are paragraphs of the article's own box.  Once
 * the article is a list of blocks they show by what they say and where
 * they stand. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/extract-prune.h"
#include "folio/date.h"
#include "folio/util-ascii.h"
#include "folio/util-cues.h"
#include "folio/text.h"

/* Longest link line (code points that are not spaces) taken for a
 * trailing link rather than the article's last sentence. */
#define TAIL_LINK_CHARS 150

/* The words advertisers' labels use, lower-case. */
static const char *const ad_labels[] = {
	"advertisement", "advertising", "anzeige", "werbung", "reklama", "reklame",
	"publicité", "publicidad", "publicidade", "pubblicità", "advertentie",
	"annons", "mainos", "реклама", "广告", "広告", "광고", NULL
};

static bool is_edge_byte(unsigned char ch)
{
	return ch == ' ' || ch == '-' || ch == '*' || ch == ':' || ch == '[' || ch == ']' ||
	       ch == '(' || ch == ')' || ch == '|' || ch == '.';
}

/* Is text[0, len), case folded (any script: libunistring), one of
 * words, whole? */
static bool folded_is_one_of(const char *text, size_t len, const char *const *words)
{
	char folded[64];
	size_t flen = sizeof folded;
	char *f = text_lower(text, len, folded, &flen);
	bool found = false;

	if (!f)
		return false;
	for (int i = 0; words[i] && !found; i++)
		found = strlen(words[i]) == flen && memcmp(f, words[i], flen) == 0;
	if (f != folded)
		free(f);
	return found;
}

bool prune_is_ad_label(const char *text, size_t len)
{
	size_t s = 0;

	while (s < len && is_edge_byte((unsigned char)text[s]))
		s++;
	while (len > s && is_edge_byte((unsigned char)text[len - 1]))
		len--;
	if (len - s == 0 || len - s > 40)
		return false;
	return folded_is_one_of(text + s, len - s, ad_labels);
}

static size_t link_bytes(const struct block *b)
{
	size_t n = 0;

	for (size_t k = 0; k < b->nlinks; k++)
		n += b->links[k].end - b->links[k].start;
	return n;
}

/* Code points that are not spaces. */
static size_t visible_chars(const struct block *b)
{
	return text_count_chars(b->text, b->len, TEXT_SKIP_SPACE);
}

/* Has b at most max code points that are not spaces?  Long blocks are
 * told by their bytes alone (a code point is at most 4 bytes), so no
 * paragraph is read through for this. */
static bool at_most(const struct block *b, size_t max)
{
	if (b->len <= max)
		return true;
	if (b->len > 4 * max)
		return false;
	return visible_chars(b) <= max;
}

/* Labels of a picture's credit (lower-case), whole: what stands before
 * the colon of "Foto: Name".  A source ("Quelle:") is not one: it may
 * name the text's. */
static const char *const credit_labels[] = {
	"bild", "bilder", "bildquelle", "bildnachweis", "bildrechte", "titelbild",
	"beitragsbild", "headerbild", "foto", "fotos", "fotoquelle", "fotonachweis",
	"photo", "photos", "photograph", "photo credit", "photo credits", "image",
	"images", "image credit", "image credits", "picture", "credit", "credits",
	"crédit", "crédits", "crédit photo", "crédits photo", "crédit photos",
	"crédits photos", "imagen", "imágenes", "fotografía", "fotografia", "immagine",
	"zdjęcie", "zdjęcia", "фото", "kuva", "billede", "图片", "摄影", "写真", NULL
};

/* Longest credit line (code points that are not spaces), and the
 * furthest its colon stands from its start (bytes). */
#define CREDIT_CHARS 120
#define CREDIT_LABEL_BYTES 40

static size_t skip_spaces(const char *text, size_t i, size_t len)
{
	while (i < len && text[i] == ' ')
		i++;
	return i;
}

/* Is text[s, e) one of credit_labels, in any case? */
static bool is_credit_label(const char *text, size_t s, size_t e)
{
	/* a French colon has a (no-break) space before it */
	while (e > s && text[e - 1] == ' ')
		e--;
	if (e - s >= 2 && !memcmp(text + e - 2, "\xc2\xa0", 2))
		e -= 2;
	return e > s && folded_is_one_of(text + s, e - s, credit_labels);
}

bool prune_is_credit_line(const char *text, size_t len)
{
	size_t s = skip_spaces(text, 0, len), colon;
	const char *c;

	if (len - s >= 2 && !memcmp(text + s, "\xc2\xa9", 2))        /* © */
		s = skip_spaces(text, s + 2, len);
	else if (len - s >= 3 && !ascii_ncasecmp(text + s, "(c)", 3))
		s = skip_spaces(text, s + 3, len);
	c = memchr(text + s, ':', len - s < CREDIT_LABEL_BYTES ? len - s : CREDIT_LABEL_BYTES);
	if (!c)
		return false;
	colon = (size_t)(c - text);
	return skip_spaces(text, colon + 1, len) < len &&
	       text_count_chars(text, len, TEXT_SKIP_SPACE) <= CREDIT_CHARS &&
	       is_credit_label(text, s, colon);
}

/* Mark the pictures' credits that stand as paragraphs of their own
 * ("Beitragsbild: …" under the article, "Foto: …" under a picture the
 * emitter did not keep).  A caption block keeps its credit: it is the
 * picture's own text. */
static void mark_credit_lines(const struct article *a, bool *keep)
{
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		if (b->type == BLOCK_P && b->len <= 4 * CREDIT_CHARS &&
		    prune_is_credit_line(b->text, b->len))
			keep[i] = false;
	}
}

/* A short line that is at least half link: a teaser, a "back" link. */
static bool is_link_line(const struct block *b)
{
	return b->len > 0 && link_bytes(b) * 2 >= b->len && at_most(b, TAIL_LINK_CHARS);
}

static bool is_heading(const struct block *b)
{
	return b->type >= BLOCK_H2 && b->type <= BLOCK_H6;
}

/* Mark the ad labels, and the line of the ad right after one. */
static void mark_ads(const struct article *a, bool *keep)
{
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		if (b->type == BLOCK_PRE || b->type == BLOCK_TABLE || !prune_is_ad_label(b->text, b->len))
			continue;
		keep[i] = false;
		if (i + 1 < a->nblocks && a->blocks[i + 1].type != BLOCK_LI &&
		    is_link_line(&a->blocks[i + 1]))
			keep[i + 1] = false;
	}
}

/* What a site says to its readers after an article (subscribe, follow
 * us, get the app, support us, copyright), lower-case, in the
 * languages of the web. */
static const char *const cta_cues[] = {
	"subscribe", "subscriber", "subscription", "sign up for our", "newsletter", "follow us",
	"like us on", "download the", "get the app", "our app", "for ios and android",
	"copyrighted", "all rights reserved", "written permission", "support our",
	"supporting our", "support independent", "donate", "become a member", "join now",
	"log in", "logged in", "advertise with", "send us a message", "email us at",
	"contact us at", "share this",
	"abonnier", "abonnement", "jetzt kostenlos", "unterstütze", "unterstützen sie",
	"gutscheincode", "eingeloggt", "folgen sie uns", "folge uns", "teilen mit", "sharen",
	"cookies", "alle rechte vorbehalten",
	"abonnez", "s'abonner", "suivez-nous", "soutenez", "tous droits réservés",
	"faire un don",
	"suscríbete", "suscripción", "hazte miembro", "apóyanos", "membresía", "síguenos",
	"todos los derechos reservados",
	"abbonati", "iscriviti", "seguici", "tutti i diritti riservati",
	"assine", "assinante", "siga-nos", "abonneer", "volg ons", "obserwuj nas",
	"подпишитесь", "подписывайтесь",
	"impressum", "datenschutz", "privacy policy", "terms of use", "mentions légales",
	"aviso legal", "note legali", "einloggen", "rss", "disclaimer",
	"haftungsausschluss", "not responsible for the", "für den inhalt",
	"©", NULL
};

/* Does the text of b, ASCII letters folded to lower case, hold one of
 * cues?  The cues are lower case; a capital outside ASCII is not folded
 * (a full case mapping of every short block was most of this step's
 * cost).  Only the first CUE_SCAN bytes are read, up to a NUL: the
 * blocks asked about are short. */
#define CUE_SCAN 2048

static size_t cue_scan_len(const struct block *b)
{
	size_t n = b->len < CUE_SCAN - 1 ? b->len : CUE_SCAN - 1;

	return n ? strnlen(b->text, n) : 0;
}

static bool holds_cue(const struct block *b, const char *const *cues)
{
	return cues_find(cues, b->text, cue_scan_len(b));
}

/* One of the phrases of lists, in one read of the block. */
static bool holds_any_cue(const struct block *b, const char *const *const *lists)
{
	return cues_find_any(lists, b->text, cue_scan_len(b));
}

/* What a page says about its own advertising: affiliate links, paid
 * posts, commissions (lower-case). */
static const char *const disclosure_cues[] = {
	"affiliate link", "affiliate-link", "contains affiliate", "advertiser disclosure",
	"may receive compensation", "we may earn", "earn a commission", "enthält werbung",
	"werbelink", "partnerlink", "provisionslink", "lien affilié", "liens affiliés",
	"enlace de afiliado", "enlaces de afiliados", "link di affiliazione", NULL
};

/* What a site asks of its readers in the middle of an article:
 * subscribe, become a member, support us (lower-case).  Phrases that
 * ask, not words that report: "subscribe" alone is in the news. */
static const char *const appeal_cues[] = {
	"please subscribe", "subscribe to read", "subscribe to continue", "subscribe now",
	"become a member", "become a subscriber", "consider supporting", "support our work",
	"support our journalism", "support independent journalism",
	"werden sie mitglied", "werde mitglied", "jetzt abonnieren", "jetzt registrieren",
	"unterstützen sie uns", "unterstütze uns", "unterstützen sie unsere arbeit",
	"abonnez-vous", "soutenez-nous", "devenez membre", "soutenez notre",
	"suscríbete", "apóyanos", "hazte socio", "hazte miembro",
	"sostienici", "abbonati ora", "diventa socio", "assine já", "steun ons",
	"wesprzyj nas", "подпишитесь на",
	/* the subscription's pitch: cancel any time */
	"cancel anytime", "cancel at any time", "jederzeit kündbar", "jederzeit kündigen",
	"résiliable à tout moment", "cancela cuando quieras", "cancela en cualquier momento",
	"disdici quando vuoi", "cancele quando quiser",
	/* the donation's */
	"make a donation", "donate now", "jetzt spenden", "je fais un don", "faites un don",
	"haz una donación", "dona ahora", "fai una donazione", "faça uma doação",
	NULL
};

/* A short line that opens with "support" said to the reader
 * ("Unterstütze X mit 5 €!", "Apoya el periodismo independiente"): the
 * title of a donation box.  Imperatives only; English "Support" also
 * opens a manual's section ("Support for older systems"), so it is not
 * here. */
static const char *const appeal_heads[] = {
	"unterstütze ", "unterstützen sie ", "apoya ", "apoye ", "apóyanos ", "soutenez ",
	"sostieni ", "apoie ", "wesprzyj ", "steun ", NULL
};

/* Longest line read for an appeal's opening word. */
#define APPEAL_HEAD_CHARS 80

static bool opens_with_appeal(const struct block *b)
{
	char folded[64];
	size_t flen = sizeof folded;
	size_t n = b->len < 40 ? b->len : 40;
	char *f;
	bool found = false;

	while (n > 0 && n < b->len && ((unsigned char)b->text[n] & 0xC0) == 0x80)
		n--;    /* whole characters only */
	if (!at_most(b, APPEAL_HEAD_CHARS) || !(f = text_lower(b->text, n, folded, &flen)))
		return false;
	for (int i = 0; appeal_heads[i] && !found; i++) {
		size_t w = strlen(appeal_heads[i]);
		found = flen >= w && memcmp(f, appeal_heads[i], w) == 0;
	}
	if (f != folded)
		free(f);
	return found;
}

static const char *const *const disclosures_and_appeals[] = {
	disclosure_cues, appeal_cues, NULL
};

/* Longest disclosure or appeal (code points that are not spaces). */
#define DISCLOSURE_CHARS 300

/* Mark the page's notes on its own advertising, and its appeals to
 * the reader, wherever they stand (at the top of a paid post, under a
 * product box, between two paragraphs). */
static void mark_disclosures(const struct article *a, bool *keep)
{
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		if (b->type != BLOCK_PRE && b->type != BLOCK_TABLE &&
		    at_most(b, DISCLOSURE_CHARS) &&
		    (holds_any_cue(b, disclosures_and_appeals) || opens_with_appeal(b)))
			keep[i] = false;
	}
}

/* Longest block (code points that are not spaces) read as a message to
 * the reader rather than the article's last paragraph. */
#define CTA_CHARS 400

/* A short block that speaks to the reader about the site, not about
 * the story.  (A cue inside the article is no matter: only the blocks
 * that end it are read this way.) */
static bool is_cta(const struct block *b)
{
	return at_most(b, CTA_CHARS) && holds_cue(b, cta_cues);
}

/* Mark the run of link lines and messages to the reader that ends the
 * article, and the heading that introduces it.  Lists, code and tables
 * stay: a list of links at the end is often the article's own (sources,
 * downloads).  A message needs at least as many letters of article
 * before it: a page of one paragraph that happens to say "log in" is
 * what the page has. */
static void mark_tail(const struct article *a, bool *keep)
{
	size_t hi = a->nblocks, before = SIZE_MAX;      /* SIZE_MAX: not counted yet */

	while (hi > 1) {
		const struct block *b = &a->blocks[hi - 1];
		if (b->type == BLOCK_LI || b->type == BLOCK_PRE || b->type == BLOCK_TABLE)
			break;
		if (is_heading(b) && hi < a->nblocks) {
			keep[hi - 1] = false;
			break;
		}
		bool link = is_link_line(b);
		if (!link && !is_cta(b))
			break;
		/* the letters of blocks [0, hi - 1), counted only when a
		 * message to the reader asks (most articles end in prose) */
		size_t chars = visible_chars(b);
		if (before == SIZE_MAX) {
			before = 0;
			for (size_t i = 0; i + 1 < hi; i++)
				before += visible_chars(&a->blocks[i]);
		} else {
			before -= chars;
		}
		if (!link && before < chars)
			break;
		keep[--hi] = false;
	}
}

/* Every date has digits: the cheap test first. */
static bool has_digit(const struct block *b)
{
	for (size_t i = 0; i < b->len; i++)
		if (ascii_isdigit((unsigned char)b->text[i]))
			return true;
	return false;
}

/* Words of text that are not numbers nor month/day names, counted up
 * to one past limit (a paragraph is seen not to be a date line after a
 * few words, not after every word looked up in the month tables). */
static size_t non_date_words(const char *t, size_t len, size_t limit)
{
	size_t words = 0, i = 0;

	while (i < len && words <= limit) {
		size_t s;
		bool digit = false;
		while (i < len && (unsigned char)t[i] < 0x80 && !ascii_isalnum((unsigned char)t[i]))
			i++;
		s = i;
		while (i < len && ((unsigned char)t[i] >= 0x80 || ascii_isalnum((unsigned char)t[i]))) {
			digit = digit || ascii_isdigit((unsigned char)t[i]);
			i++;
		}
		if (i > s && !digit && !date_word(t + s, i - s))
			words++;
	}
	return words;
}

/* Labels of a page's own dates and filing (lower-case). */
static const char *const date_labels[] = {
	"published", "updated", "posted", "modified", "category",
	"veröffentlicht", "aktualisiert", "kategorie", "pubblicato", "modifica",
	"aggiornato", "publié", "mis à jour", "publicado", "actualizado",
	"gepubliceerd", "opublikowano", NULL
};

static bool has_date_label(const struct block *b)
{
	return holds_cue(b, date_labels);
}

/* Longest date line (code points that are not spaces), and the most
 * words in it that are not part of the date. */
#define DATE_LINE_CHARS 80
#define DATE_LINE_WORDS 5

/* A short line that is a date with a label or two ("Pubblicato il 19
 * Febbraio 2020", "24.01.2022 11:38 Kategorie: News"). */
static bool is_date_line(const struct block *b)
{
	struct date d;

	return b->type == BLOCK_P && at_most(b, DATE_LINE_CHARS) && has_digit(b) &&
	       non_date_words(b->text, b->len, DATE_LINE_WORDS) <= DATE_LINE_WORDS &&
	       date_parse(b->text, &d);
}

/* Mark the page's date lines: before the first long paragraph (where
 * the header's date and filing stand), or anywhere when labelled as
 * the page's date ("Published", "Kategorie", "Ultima modifica").  An
 * unlabelled date later on is content: "Termin: 29.02.2020, 19 Uhr". */
static void mark_date_lines(const struct article *a, bool *keep)
{
	bool opening = true;

	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		if (b->type == BLOCK_P && b->len > 100)
			opening = false;
		if (is_date_line(b) && (opening || has_date_label(b)))
			keep[i] = false;
	}
}

bool prune_article(struct article *a)
{
	bool *keep;

	if (a->nblocks < 2)
		return true;
	keep = malloc(a->nblocks * sizeof *keep);
	if (!keep)
		return false;
	for (size_t i = 0; i < a->nblocks; i++)
		keep[i] = true;
	mark_ads(a, keep);
	mark_date_lines(a, keep);
	mark_disclosures(a, keep);
	mark_credit_lines(a, keep);
	mark_tail(a, keep);
	/* never the whole article: a page of one ad label is what it is */
	for (size_t i = 0; i < a->nblocks; i++)
		if (keep[i]) {
			article_keep_blocks(a, keep);
			break;
		}
	free(keep);
	return true;
}

