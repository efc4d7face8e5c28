/* extract-para.c - the paragraph classifier behind extract.c's second
 * opinion (extract-para.h).
 *
 * Boilerplate and article text differ in how they are written: menus,
 * teasers and footers are short, mostly links, and poor in the little
 * words ("the", "of", "und", "que") that run through every sentence;
 * article paragraphs are long, rarely links, and full of them.  Each
 * paragraph is judged alone, then the undecided ones (short, or nearly
 * good) take the side of their neighbours, so a short sentence between
 * two good paragraphs stays and a long-ish line among menus goes.
 *
 * The stopword lists are this project's own: for each language the
 * commonest function words (articles, pronouns, prepositions,
 * conjunctions, auxiliaries), enough to measure density, not complete. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include "folio/extract-para.h"
#include "folio/util-ascii.h"

static const struct { const char *lang, *words; } stoplists[] = {
	{ "en", "a about after all also an and any are as at be because been before "
		"being between both but by can could did do does each for from had has "
		"have he her his how i if in into is it its just like may more most my "
		"new no not of on one only or other our out over said she should so "
		"some such than that the their them then there these they this those "
		"through to under up very was we were what when where which while who "
		"will with would you your" },
	{ "de", "aber als also am an auch auf aus bei bis da damit dann das dass "
		"daß dem den denn der des die dies diese diesem diesen dieser dieses "
		"doch durch ein eine einem einen einer eines er es etwa für gegen gibt "
		"hat hatte haben hier ich ihr ihre im immer in ist ja jetzt kann kein "
		"keine man mehr mit muss nach nicht noch nun nur ob oder ohne schon "
		"sehr sein seine seit sich sie sind so sowie um und uns unter vom von "
		"vor war waren was weil wenn werden wie wieder wir wird wo wurde "
		"wurden zu zum zur zwischen über" },
	{ "fr", "a à au aux avec avait avant bien c ce ces cette comme d dans de des "
		"deux donc dont du elle elles en encore entre est et été être fait il "
		"ils j l la le les leur leurs lui m mais même n ne nous on ont ou où par "
		"pas plus pour qu que qui s sa sans se ses si son sont sur t très tout "
		"tous un une vous y" },
	{ "es", "a al como con cuando de del desde donde durante e el ella en entre "
		"era es esta este está fue ha han hasta hay la las le les lo los más "
		"muy no nos o otra otro para pero por porque que se ser si sin sobre "
		"son su sus también tiene todo todos un una y ya" },
	{ "it", "a ad al alla alle anche che chi ci come con così da dal dalla dei del "
		"della delle dello di dopo dove e è era essere fra gli ha hanno i il in "
		"la le lo loro ma molto nel nella nei non o per più perché questa questo "
		"se si sono stato su sua sul sulla suo tra tutti un una uno" },
	{ "pt", "a ao aos as até com como da das de do dos e ela ele eles em entre "
		"era esta este foi há isso já mais mas muito na nas não no nos o os ou "
		"para pela pelo por que se sem ser seu sua são também tem um uma é" },
	{ "nl", "aan al als bij dan dat de deze die dit door een en er geen had heeft "
		"hebben het hij hun in is je kan maar met meer naar niet nog of om ook "
		"op over te tot uit van voor was wat we wel werd wordt zal ze zich zij "
		"zijn zo" },
	{ "pl", "a ale by był była było być co czy dla do go i ich jak jako jego jej "
		"jest już lub ma może na nie o od oraz po pod przez przy się są ta tak "
		"także te tego tej ten to tym w we z za ze że" },
	{ "ru", "а без бы был была были было в вы да для до его ее её если есть же за "
		"и из или им их к как когда который которые ли на над не нет но о об от "
		"по при с со так также то только у уже что это этот я" },
	{ "sv", "att av de den det du efter eller en ett för från har hon han i inte "
		"jag kan med men mot när och om på sig sin som så till under var vi vid "
		"är även" },
	{ "da", "af at de den der det efter eller en er et for fra har han hun i ikke "
		"jeg kan med men når og om på sig sin som så til var vi ved" },
	{ "cs", "a aby ale ani by byl byla bylo být do i jak jako je jeho její jsou k "
		"kde když která které který na ne nebo o od po pro při s se si tak také "
		"to u v ve z za že" },
	{ "tr", "ama bir bu da daha de değil diye en gibi her için ile ise kadar ki "
		"mi ne o olan olarak sonra ve veya var ya çok" },
	{ "id", "ada adalah akan atau bahwa bisa dalam dan dari dengan di ini itu "
		"juga kami karena ke kita mereka oleh pada sudah tidak untuk yang" },
	{ "hu", "a az azt de egy el ez hogy is ha kell meg mint már még nem pedig "
		"sem van vagy volt és" },
	{ "ro", "a al ale au ca care cu că de din este fi fost la mai nu o pe pentru "
		"sa se sunt un una și în" },
};

#define NLANG (sizeof stoplists / sizeof stoplists[0])
_Static_assert(NLANG <= 32, "one bit per language");

struct sword {
	const char *w;
	size_t len;
	uint32_t langs;         /* bit k: in stoplists[k] */
};

static struct sword *swords;
static size_t nswords;

static int sword_cmp(const void *a, const void *b)
{
	const struct sword *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = memcmp(x->w, y->w, n);

	return r ? r : (x->len > y->len) - (x->len < y->len);
}

/* One sorted array of every list's words (pointers into the lists),
 * duplicates merged into one entry with several language bits. */
static void build_swords(void)
{
	size_t cap = 0;

	for (size_t k = 0; k < NLANG; k++)
		for (const char *p = stoplists[k].words; *p; p++)
			cap += *p == ' ';
	cap += NLANG;
	swords = malloc(cap * sizeof *swords);
	if (!swords)
		return;
	for (size_t k = 0; k < NLANG; k++) {
		const char *p = stoplists[k].words;
		while (*p) {
			size_t n = strcspn(p, " ");
			swords[nswords].w = p;
			swords[nswords].len = n;
			swords[nswords].langs = 1u << k;
			nswords++;
			p += n;
			p += *p == ' ';
		}
	}
	qsort(swords, nswords, sizeof *swords, sword_cmp);
	size_t w = 0;
	for (size_t i = 0; i < nswords; i++) {
		if (w > 0 && sword_cmp(&swords[w - 1], &swords[i]) == 0)
			swords[w - 1].langs |= swords[i].langs;
		else
			swords[w++] = swords[i];
	}
	nswords = w;
}

static pthread_once_t swords_once = PTHREAD_ONCE_INIT;

static uint32_t stopword_langs(const char *w, size_t len)
{
	struct sword key = { w, len, 0 }, *hit;

	if (!swords)
		return 0;
	hit = bsearch(&key, swords, nswords, sizeof *swords, sword_cmp);
	return hit ? hit->langs : 0;
}

const char *para_language_name(int lang)
{
	return lang >= 0 && (size_t)lang < NLANG ? stoplists[lang].lang : "";
}

/* Scripts written without spaces between words: a stopword count says
 * nothing there, length does. */
static bool unspaced_script(ucs4_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x0E00 && c <= 0x0E7F) ||
	       (c >= 0xF900 && c <= 0xFAFF);
}

/* Per paragraph: code points, words, unspaced-script code points, and
 * for each language how many of its words are its stopwords. */
struct pstat {
	size_t chars, words, unspaced;
	uint16_t hits[NLANG];
};

static bool word_char(ucs4_t c)
{
	if (c < 0x80)
		return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
	return !unspaced_script(c) && uc_is_alnum(c);
}

/* A word ends: count it, and its languages when it is a stopword. */
static void end_word(struct pstat *ps, const uint8_t *word, size_t wl, bool overlong)
{
	uint32_t langs;

	if (wl == 0 && !overlong)
		return;
	ps->words++;
	langs = overlong ? 0 : stopword_langs((const char *)word, wl);
	for (size_t k = 0; langs; k++, langs >>= 1)
		if (langs & 1)
			ps->hits[k]++;
}

static void measure(const struct para *p, struct pstat *ps)
{
	const uint8_t *s = (const uint8_t *)p->text, *end = s + p->len;
	uint8_t word[64];
	size_t wl = 0;
	bool overlong = false;

	memset(ps, 0, sizeof *ps);
	while (s < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, s, (size_t)(end - s));

		s += n > 0 ? n : 1;
		if (c != ' ')
			ps->chars++;
		if (unspaced_script(c))
			ps->unspaced++;
		if (word_char(c)) {
			uint8_t enc[6];
			/* ASCII folded here: uc_tolower's table would map
			 * more of libunistring into every run (RSS) */
			ucs4_t low = c < 0x80 ? (ucs4_t)ascii_tolower((int)c) : uc_tolower(c);
			int k = u8_uctomb(enc, low, sizeof enc);
			if (k > 0 && wl + (size_t)k <= sizeof word) {
				memcpy(word + wl, enc, (size_t)k);
				wl += (size_t)k;
			} else {
				overlong = true;
			}
		} else {
			end_word(ps, word, wl, overlong);
			wl = 0;
			overlong = false;
		}
	}
	end_word(ps, word, wl, overlong);
}

int para_language(struct para *p, size_t n)
{
	size_t words = 0, hits[NLANG] = { 0 };
	int best = -1;

	pthread_once(&swords_once, build_swords);
	for (size_t i = 0; i < n; i++) {
		struct pstat ps;
		measure(&p[i], &ps);
		words += ps.words;
		for (size_t k = 0; k < NLANG; k++)
			hits[k] += ps.hits[k];
	}
	for (size_t k = 0; k < NLANG; k++)
		if (best < 0 || hits[k] > hits[best])
			best = (int)k;
	/* a tenth of the words: a real match; less is chance overlap */
	if (best < 0 || words == 0 || hits[best] * 10 < words)
		return -1;
	return best;
}

/* Thresholds (code points; densities as fractions). */
#define MAX_LINK_DENSITY 0.2
#define LENGTH_LOW 70
#define LENGTH_HIGH 100
#define STOP_LOW 0.14
#define STOP_HIGH 0.18
#define UNSPACED_LOW 25     /* a sentence of Chinese or Japanese */
#define UNSPACED_HIGH 60
#define HEADING_REACH 200   /* code points from a heading to good text */

static bool has_copyright(const struct para *p)
{
	return memmem(p->text, p->len, "\xc2\xa9", 2) != NULL;    /* © */
}

/* Alone: by length, links and stopwords. */
static enum para_class classify_alone(struct para *p, const struct pstat *ps, int lang)
{
	double ld = p->len ? (double)p->link_len / (double)p->len : 0;
	bool unspaced = ps->unspaced * 2 > ps->chars;
	size_t low = unspaced ? UNSPACED_LOW : LENGTH_LOW;
	size_t high = unspaced ? UNSPACED_HIGH : LENGTH_HIGH;
	double sd;

	if (ld > MAX_LINK_DENSITY)
		return PARA_BAD;
	if (has_copyright(p) && ps->chars < high)
		return PARA_BAD;
	if (ps->chars < low)
		return PARA_SHORT;
	if (unspaced || lang < 0)       /* no stopwords to count: length only */
		return ps->chars >= high ? PARA_GOOD : PARA_NEARGOOD;
	sd = ps->words ? (double)ps->hits[lang] / (double)ps->words : 0;
	if (sd >= STOP_HIGH)
		return ps->chars > high ? PARA_GOOD : PARA_NEARGOOD;
	if (sd >= STOP_LOW)
		return PARA_NEARGOOD;
	return PARA_BAD;
}

/* Paragraphs a short one looks past to find its neighbours: short
 * ones, and near-good ones too when skip_near. */
static bool passed_over(enum para_class c, bool skip_near)
{
	return c == PARA_SHORT || (skip_near && c == PARA_NEARGOOD);
}

/* before[i] / after[i]: the class of the nearest paragraph before /
 * after i that is not passed over (bad at the ends).  Two passes, so a
 * page of 100 000 short lines costs 200 000 steps, not their square. */
static void neighbours(const struct para *p, size_t n, bool skip_near,
		       enum para_class *before, enum para_class *after)
{
	enum para_class seen = PARA_BAD;
	for (size_t i = 0; i < n; i++) {
		before[i] = seen;
		if (!passed_over(p[i].cls, skip_near))
			seen = p[i].cls;
	}
	seen = PARA_BAD;
	for (size_t i = n; i-- > 0;) {
		after[i] = seen;
		if (!passed_over(p[i].cls, skip_near))
			seen = p[i].cls;
	}
}

/* Short ones side with their neighbours, near-good ones stay unless
 * bad text is on both sides (each step decided all at once, from the
 * classes before it).  nb: room for 5 n classes. */
static void side_with_neighbours(struct para *p, size_t n, enum para_class *nb)
{
	enum para_class *next = nb, *far_l = nb + n, *far_r = nb + 2 * n,
			*near_l = nb + 3 * n, *near_r = nb + 4 * n;
	neighbours(p, n, true, far_l, far_r);
	neighbours(p, n, false, near_l, near_r);
	for (size_t i = 0; i < n; i++) {
		next[i] = p[i].cls;
		if (p[i].cls != PARA_SHORT)
			continue;
		if (far_l[i] == PARA_GOOD && far_r[i] == PARA_GOOD)
			next[i] = PARA_GOOD;
		else if (far_l[i] == PARA_BAD && far_r[i] == PARA_BAD)
			next[i] = PARA_BAD;
		else if (near_l[i] == PARA_NEARGOOD || near_r[i] == PARA_NEARGOOD)
			next[i] = PARA_GOOD;
		else
			next[i] = PARA_BAD;
	}
	for (size_t i = 0; i < n; i++)
		p[i].cls = next[i];
	neighbours(p, n, true, far_l, far_r);
	for (size_t i = 0; i < n; i++)
		if (p[i].cls == PARA_NEARGOOD)
			p[i].cls = far_l[i] == PARA_BAD && far_r[i] == PARA_BAD ?
				   PARA_BAD : PARA_GOOD;
}

/* A heading close before good text introduces it. */
static bool heading_before_good(const struct para *p, size_t n, size_t i)
{
	size_t dist = 0;

	/* as many paragraphs as code points at most: empty ones cannot
	 * stretch the reach */
	for (size_t k = i + 1; k < n && k - i <= HEADING_REACH && dist <= HEADING_REACH;
	     k++) {
		if (p[k].cls == PARA_GOOD)
			return true;
		dist += p[k].chars;
	}
	return false;
}

void para_classify(struct para *p, size_t n)
{
	int lang = para_language(p, n);

	for (size_t i = 0; i < n; i++) {
		struct pstat ps;
		measure(&p[i], &ps);
		p[i].chars = ps.chars;
		p[i].words = ps.words;
		p[i].stopwords = lang >= 0 ? ps.hits[lang] : 0;
		p[i].cls = classify_alone(&p[i], &ps, lang);
	}
	/* short headings that lead into good text count as near-good */
	for (size_t i = 0; i < n; i++)
		if (p[i].heading && p[i].cls == PARA_SHORT && heading_before_good(p, n, i))
			p[i].cls = PARA_NEARGOOD;
	enum para_class *nb = malloc((n ? n : 1) * 5 * sizeof *nb);
	if (!nb)
		return;
	side_with_neighbours(p, n, nb);
	free(nb);
	/* headings left out but right before good text come back */
	for (size_t i = 0; i < n; i++)
		if (p[i].heading && p[i].cls == PARA_BAD && p[i].chars < LENGTH_HIGH &&
		    heading_before_good(p, n, i))
			p[i].cls = PARA_GOOD;
}
