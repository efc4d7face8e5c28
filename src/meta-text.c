/* meta-text.c - pure string helpers for titles and bylines. */
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <unicase.h>
#include <unistr.h>

#include "folio/date.h"
#include "folio/meta-text.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-index.h"

#define MAX_TOKENS 256

/* ---- words ---- */

/* One code point at s (len bytes left); *n = its length.  The text
 * is clean UTF-8; a stray byte would count as one character. */
static uint32_t next_cp(const unsigned char *s, size_t len, size_t *n)
{
	uint32_t c = s[0];

	*n = text_utf8_next(s, len, &c);
	if (!*n)
		*n = 1;
	return c;
}

/* Word characters: letters and digits of any script.  Punctuation
 * blocks (general, CJK, full-width) separate words like ASCII ones. */
static bool is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return ascii_isalnum((int)c);
	if ((c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7)
		return false;
	if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F))
		return false;
	if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
	    (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
		return false;
	return true;
}

struct words {
	char *buf;              /* folded copy, words NUL-separated */
	const char *w[MAX_TOKENS];
	size_t n;
};

static bool words_split(const char *s, struct words *ws)
{
	size_t len = strlen(s);
	ws->n = 0;
	ws->buf = malloc(len + 1);
	if (!ws->buf)
		return false;
	size_t o = 0;
	bool in = false;
	for (size_t i = 0; i < len;) {
		size_t k;
		uint32_t c = next_cp((const unsigned char *)s + i, len - i, &k);
		if (is_word_cp(c)) {
			if (!in && ws->n < MAX_TOKENS)
				ws->w[ws->n++] = ws->buf + o;
			in = true;
			for (size_t j = 0; j < k; j++)
				ws->buf[o++] = (char)ascii_tolower((unsigned char)s[i + j]);
		} else if (in) {
			ws->buf[o++] = '\0';
			in = false;
		}
		i += k;
	}
	ws->buf[o] = '\0';
	return true;
}

void meta_overlap(const char *a, const char *b, double *precision, double *recall)
{
	*precision = *recall = 0;
	struct words wa, wb;
	if (!a || !b || !words_split(a, &wa))
		return;
	if (!words_split(b, &wb)) {
		free(wa.buf);
		return;
	}
	bool used[MAX_TOKENS] = {false};
	size_t hit = 0;
	for (size_t i = 0; i < wa.n; i++) {
		for (size_t j = 0; j < wb.n; j++) {
			if (!used[j] && !strcmp(wa.w[i], wb.w[j])) {
				used[j] = true;
				hit++;
				break;
			}
		}
	}
	if (wa.n && wb.n) {
		*precision = (double)hit / (double)wa.n;
		*recall = (double)hit / (double)wb.n;
	}
	free(wa.buf);
	free(wb.buf);
}

/* Letters and digits only, folded: "The Guardian" -> "theguardian". */
static char *squash(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		size_t k;
		uint32_t c = next_cp((const unsigned char *)s + i, len - i, &k);
		if (is_word_cp(c))
			for (size_t j = 0; j < k; j++)
				out[o++] = (char)ascii_tolower((unsigned char)s[i + j]);
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* ---- titles ---- */

#define MAX_SEGS 16

struct seg {
	size_t start, end;
};

/* Length of a title separator at s[i], 0 when none. */
static size_t sep_at(const char *s, size_t i, size_t len)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
		" \xc2\xb7 ", " \xe2\x80\xa2 ", " \xc2\xbb ", " \xc2\xab ",
		" / ", " ~ ", " @ ", "\xef\xbd\x9c", NULL
	};
	/* every separator starts with one of these: most bytes are none;
	 * and after a space comes one of the second bytes (or the "[" of
	 * "Headline [Site]"): most spaces are followed by a word */
	if (s[i] != ' ' && s[i] != '_' && (unsigned char)s[i] != 0xEF)
		return 0;
	if (s[i] == ' ' && i + 1 < len && s[i + 1] && !strchr("|-\xe2:\xc2/~@[", s[i + 1]))
		return 0;
	for (int k = 0; seps[k]; k++) {
		size_t n = strlen(seps[k]);
		if (i + n <= len && !memcmp(s + i, seps[k], n))
			return n;
	}
	/* "标题_栏目_网站": an underscore joined to CJK text. */
	if (s[i] == '_' && ((i + 1 < len && (unsigned char)s[i + 1] >= 0x80) ||
			    (i > 0 && (unsigned char)s[i - 1] >= 0x80)))
		return 1;
	/* "Headline [Site]" */
	if (s[i] == ' ' && s[i + 1] == '[' && len && s[len - 1] == ']')
		return 2;
	return 0;
}

static size_t split_segs(const char *s, size_t len, struct seg *segs)
{
	size_t n = 0, start = 0;
	for (size_t i = 0; i < len && n < MAX_SEGS - 1;) {
		size_t k = sep_at(s, i, len);
		if (!k || i == start) {
			i++;
			continue;
		}
		segs[n++] = (struct seg){start, i};
		start = i + k;
		i = start;
	}
	segs[n++] = (struct seg){start, len};
	/* Trim blanks and a closing bracket of "[Site]". */
	for (size_t k = 0; k < n; k++) {
		while (segs[k].start < segs[k].end && s[segs[k].start] == ' ')
			segs[k].start++;
		while (segs[k].end > segs[k].start &&
		       (s[segs[k].end - 1] == ' ' ||
			(k == n - 1 && k && s[segs[k].end - 1] == ']')))
			segs[k].end--;
	}
	return n;
}

/* "www.theguardian.com" -> "theguardian". */
static char *host_label(const char *url)
{
	if (!url)
		return NULL;
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/:?#");
	char *host = strndup(p, n);
	if (!host)
		return NULL;
	char *labels[16];
	size_t nl = 0;
	for (char *tok = strtok(host, "."); tok && nl < 16; tok = strtok(NULL, "."))
		labels[nl++] = tok;
	static const char *const generic[] = {
		"www", "m", "com", "co", "org", "net", "gov", "ac", "edu", "news",
		"amp", NULL
	};
	char *best = NULL;
	for (size_t i = 0; i + 1 < nl || (nl == 1 && i == 0); i++) {
		bool gen = false;
		for (int g = 0; generic[g]; g++)
			gen |= !ascii_casecmp(labels[i], generic[g]);
		if (!gen)
			best = labels[i];
	}
	char *out = best ? squash(best, strlen(best)) : NULL;
	free(host);
	return out;
}

/* Does segment s[0..len) name the site? */
static bool seg_is_site(const char *s, size_t len, const char *const *sites,
			size_t nsites, const char *host)
{
	char *q = squash(s, len);
	if (!q)
		return false;
	bool yes = false;
	size_t ql = strlen(q), words = text_count_words(s, len);
	for (size_t i = 0; i < nsites && !yes && ql; i++) {
		if (!sites[i])
			continue;
		char *site = squash(sites[i], strlen(sites[i]));
		if (!site)
			continue;
		size_t sl = strlen(site);
		yes = sl && (!strcmp(q, site) ||
			     (ql >= 3 && strstr(site, q)) ||
			     (sl >= 3 && words <= 4 && strstr(q, site)));
		free(site);
	}
	if (!yes && host && strlen(host) >= 3 && words <= 4)
		yes = strstr(q, host) != NULL;
	/* "Jane Roe ( Jane ) ( jroe )" starts with the known name and
	 * goes on in brackets; "jroe/tiles: tile maps" is a headline */
	bool bracketed = memchr(s, '(', len) != NULL;
	for (size_t i = 0; i < nsites && !yes && bracketed; i++) {
		char *site = sites[i] ? squash(sites[i], strlen(sites[i])) : NULL;
		yes = site && strlen(site) >= 6 && !strncmp(q, site, strlen(site));
		free(site);
	}
	free(q);
	return yes;
}

bool meta_is_site_name(const char *s, const char *const *sites, size_t nsites,
		       const char *base_url)
{
	char *q = squash(s, strlen(s));
	char *host = host_label(base_url);
	bool yes = q && *q && host && !strcmp(q, host);
	for (size_t i = 0; q && *q && i < nsites && !yes; i++) {
		char *site = sites[i] ? squash(sites[i], strlen(sites[i])) : NULL;
		yes = site && !strcmp(q, site);
		free(site);
	}
	free(host);
	free(q);
	return yes;
}

static bool only_tools(const char *s);

void meta_byline_drop_site(char *byline, const char *const *sites, size_t nsites,
			   const char *base_url)
{
	size_t n = strlen(byline);
	char *cut = NULL;
	/* the last one to four words, longest first */
	char *starts[5];
	size_t ns = 0;
	for (char *p = byline + n; p > byline && ns < 5; p--)
		if (p[-1] == ' ')
			starts[ns++] = p;
	for (size_t i = ns; i-- > 0 && !cut;)
		if (i < 4 && meta_is_site_name(starts[i], sites, nsites, base_url))
			cut = starts[i] - 1;
	/* "Dr. Oetker" on the brand's own site: a title alone is left,
	 * and the whole is the site's name, no author */
	char keep = cut ? *cut : 0;
	if (cut) {
		*cut = '\0';
		bool lone_title = only_tools(byline);
		*cut = keep;
		if (lone_title) {
			*byline = '\0';
			return;
		}
	}
	if (cut) {
		*cut = '\0';
		while (cut > byline && strchr(" ,|-", cut[-1]))
			*--cut = '\0';
	}
}

bool meta_title_leads(const char *title, const char *head)
{
	size_t hl = strlen(head), tl = strlen(title);
	if (!hl || tl <= hl || memcmp(title, head, hl))
		return false;
	return sep_at(title, hl, tl) || !strncmp(title + hl, " : ", 3);
}

char *meta_strip_site(const char *title, const char *const *sites, size_t nsites,
		      const char *base_url, bool guess)
{
	size_t len = strlen(title);
	struct seg segs[MAX_SEGS];
	size_t n = split_segs(title, len, segs);
	char *host = host_label(base_url);
	size_t lo = 0, hi = n;          /* kept segments [lo, hi) */
	while (hi - lo > 1 && seg_is_site(title + segs[hi - 1].start,
					  segs[hi - 1].end - segs[hi - 1].start,
					  sites, nsites, host))
		hi--;
	while (hi - lo > 1 && seg_is_site(title + segs[lo].start,
					  segs[lo].end - segs[lo].start,
					  sites, nsites, host))
		lo++;
	size_t words_first = text_count_words(title + segs[lo].start,
					 segs[lo].end - segs[lo].start);
	if (!guess) {
		/* keep the rest as it is */
	} else if (hi - lo >= 3) {
		/* "Headline | Section | Site": the headline comes first. */
		hi = lo + 1;
	} else if (hi - lo == 2) {
		size_t wl = text_count_words(title + segs[lo + 1].start,
					segs[lo + 1].end - segs[lo + 1].start);
		/* the separator between the two: "|", "::" or "»" only ever
		 * set a site name apart, "-" may be part of a headline */
		const char *gap = title + segs[lo].end;
		size_t gl = segs[lo + 1].start - segs[lo].end;
		bool hard = memchr(gap, '|', gl) || memmem(gap, gl, "::", 2) ||
			    memmem(gap, gl, "\xc2\xbb", 2);
		if (wl <= 3 && wl < words_first)
			hi = lo + 1;
		else if (hard && words_first <= 3 && wl >= 4 && wl >= 2 * words_first)
			lo++;   /* "Site | A long headline here" */
	}
	size_t a = segs[lo].start, b = segs[hi - 1].end;
	/* "Site: Headline" when the part before the colon is the site
	 * (a known name, or the host's: "Daring Fireball: …" on
	 * daringfireball.net). */
	const char *colon = memchr(title + a, ':', b - a);
	if (colon && colon[1] == ' ' && colon > title + a &&
	    seg_is_site(title + a, (size_t)(colon - title) - a, sites, nsites, host))
		a = (size_t)(colon - title) + 2;
	free(host);
	char *out = strndup(title + a, b - a);
	if (out)
		text_clean(out, strlen(out));
	return out;
}

/* ---- bylines ---- */

/* ---- byline labels ---- */

/* How pages introduce their author, one table for every language:
 * NOUN  may stand alone before the name ("Autor Jane Roe", "Author:
 *       X"), VERB needs a colon or a particle after it ("Veröffentlicht
 *       von X", "Posted by X", "Text: X"), STAFF is like VERB but also
 *       what pages print as the author ("Redaktion", "Rédaction"), PART
 *       is the particle itself
 *       ("by", "von", "par", "por", "di", "door", "av" ...), CJK is
 *       matched as a prefix, there being no spaces ("作者：X", "记者 X",
 *       "文/X", "글 X").  Words match in any case (label_of): the table
 *       holds them in lower case. */
enum label_kind { NOUN, VERB, STAFF, PART, CJK };

static const struct { const char *w; enum label_kind k; } labels[] = {
	{"author", NOUN}, {"authors", NOUN}, {"autor", NOUN},
	{"autorin", NOUN}, {"autoren", NOUN}, {"auteur", NOUN},
	{"auteure", NOUN}, {"auteurs", NOUN}, {"autore", NOUN},
	{"autori", NOUN}, {"autora", NOUN}, {"autor/in", NOUN},
	{"autor*in", NOUN}, {"autor:in", NOUN}, {"redaktion", STAFF},
	{"r\xc3\xa9" "daction", STAFF}, {"redacci\xc3\xb3n", STAFF},
	{"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", NOUN},          /* автор */
	{"yazar", NOUN}, {"szerz\xc5\x91", NOUN}, {"penulis", NOUN},   /* szerző */
	{"kirjoittaja", NOUN}, {"f\xc3\xb6rfattare", NOUN}, {"forfatter", NOUN},
	{"\xcf\x83\xcf\x85\xce\xbd\xcf\x84\xce\xac\xce\xba\xcf\x84\xce\xb7\xcf\x82", NOUN}, /* συντάκτης */
	{"written", VERB}, {"posted", VERB}, {"published", VERB},
	{"authored", VERB}, {"reported", VERB}, {"reporting", VERB},
	{"words", VERB}, {"story", VERB}, {"text", VERB}, {"texte", VERB},
	{"texto", VERB}, {"testo", VERB}, {"tekst", VERB},
	{"article", VERB}, {"artikel", VERB}, {"art\xc3\xad" "culo", VERB},
	{"articolo", VERB}, {"post", VERB}, {"posts", VERB}, {"beitrag", VERB},
	{"beitr\xc3\xa4ge", VERB}, {"interview", VERB}, {"recipe", VERB},
	{"profil", VERB}, {"profile", VERB},
	{"rezept", VERB}, {"ver\xc3\xb6" "ffentlicht", VERB},
	{"kolumne", VERB}, {"gastbeitrag", VERB}, {"gastkommentar", VERB},
	{"reportage", VERB}, {"essay", VERB}, {"column", VERB},
	{"chronique", VERB}, {"columna", VERB}, {"rubrica", VERB},
	{"geschrieben", VERB}, {"verfasst", VERB}, {"erstellt", VERB},
	{"gespeichert", VERB}, {"eingestellt", VERB}, {"gepostet", VERB},
	{"publiziert", VERB}, {"publi\xc3\xa9", VERB}, {"publi\xc3\xa9" "e", VERB},
	{"\xc3\xa9" "crit", VERB}, {"r\xc3\xa9" "dig\xc3\xa9", VERB},
	{"publicado", VERB}, {"publicada", VERB}, {"escrito", VERB},
	{"escrita", VERB}, {"scritto", VERB}, {"pubblicato", VERB},
	{"geplaatst", VERB}, {"geschreven", VERB}, {"skrevet", VERB},
	{"skriven", VERB}, {"publicerad", VERB},
	{"\xd1\x82\xd0\xb5\xd0\xba\xd1\x81\xd1\x82", VERB},          /* текст */
	{"by", PART}, {"von", PART}, {"par", PART}, {"por", PART},
	{"di", PART}, {"da", PART}, {"door", PART}, {"av", PART},
	{"af", PART}, {"durch", PART},
	{"\xe8\xb4\xa3\xe4\xbb\xbb\xe7\xbc\x96\xe8\xbe\x91", CJK},  /* 责任编辑 */
	{"\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xb0\xe8\x80\x85", CJK},  /* 本报记者 */
	{"\xe4\xbd\x9c\xe8\x80\x85", CJK},                          /* 作者 */
	{"\xe8\xae\xb0\xe8\x80\x85", CJK}, {"\xe8\xa8\x98\xe8\x80\x85", CJK}, /* 记者 記者 */
	{"\xe7\xbc\x96\xe8\xbe\x91", CJK},                          /* 编辑 */
	{"\xe6\x96\x87/", CJK}, {"\xe6\x96\x87\xef\xbc\x8f", CJK},  /* 文/ */
	{"\xea\xb8\x80", CJK},                                      /* 글 */
};

#define NLABELS (sizeof labels / sizeof labels[0])

_Static_assert(NLABELS <= NAME_INDEX_MAX, "a name_index holds NAME_INDEX_MAX entries");
static struct name_index labels_ix;
static pthread_once_t indexed = PTHREAD_ONCE_INIT;

static void index_labels(void)
{
	name_index_build(&labels_ix, labels, NLABELS, sizeof labels[0]);
}

/* The label w[0..n), as written or with ASCII letters folded, or -1.
 * A CJK label is a prefix, never a whole word (each name is in the
 * table once). */
static int label_lookup(const char *w, size_t n)
{
	int i = name_index_find_folded(&labels_ix, labels, sizeof labels[0], w, n);
	return i >= 0 && labels[i].k != CJK ? i : -1;
}

static bool has_non_ascii(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)w[i] >= 0x80)
			return true;
	return false;
}

/* Longest word whose letters outside ASCII are folded for the lookup:
 * past the longest label ("συντάκτης", 18 bytes) and its upper case,
 * no label. */
#define LABEL_FOLD_MAX 32

/* The label w[0..n) is, or -1.  A word with letters outside ASCII is
 * also looked up in lower case ("Автор", "Écrit", "VERÖFFENTLICHT":
 * the table holds the lower-case form), folded by libunistring with no
 * language's rules, so the locale never matters. */
static int label_of(const char *w, size_t n)
{
	if (!n)
		return -1;
	pthread_once(&indexed, index_labels);
	int k = label_lookup(w, n);
	/* a word starting with a character of three bytes or more (CJK,
	 * Hangul: no case, and the CJK labels are prefixes) is not
	 * folded: every word label starts with a letter of one or two */
	if (k >= 0 || n > LABEL_FOLD_MAX || (unsigned char)w[0] >= 0xE0 || !has_non_ascii(w, n))
		return k;
	uint8_t buf[2 * LABEL_FOLD_MAX];
	size_t len = sizeof buf;
	uint8_t *low = u8_tolower((const uint8_t *)w, n, NULL, NULL, buf, &len);
	if (low && (len != n || memcmp(low, w, n)))
		k = label_lookup((const char *)low, len);
	if (low != buf)
		free(low);
	return k;
}

/* An ASCII label glued to the name that follows ("AuthorJane Roe",
 * "vonChris Jung"): its length, 0 when w does not start with one. */
static size_t glued_label(const char *w, size_t n, int *which)
{
	bool joint = false;     /* a lower-case letter, then a capital */
	for (size_t k = 1; k < n && !joint; k++)
		joint = ascii_islower((unsigned char)w[k - 1]) && ascii_isupper((unsigned char)w[k]);
	if (!joint)
		return 0;
	/* only the labels that start as w does can fit (the index keeps
	 * the table's order among them) */
	pthread_once(&indexed, index_labels);
	int first = ascii_tolower((unsigned char)w[0]);
	for (int k = labels_ix.start[first]; k < labels_ix.start[first + 1]; k++) {
		size_t i = labels_ix.order[k], ln = labels_ix.len[k];
		if (labels[i].k != CJK && ln >= 2 && ln < n &&
		    ascii_isupper((unsigned char)w[ln]) &&
		    ascii_islower((unsigned char)w[ln - 1]) &&
		    !ascii_ncasecmp(w, labels[i].w, ln)) {
			*which = (int)i;
			return ln;
		}
	}
	return 0;
}

/* A CJK label at the start of w: where the name starts after it (and
 * after "：", ":", "/" or spaces), NULL when none. */
static const char *cjk_label(const char *w)
{
	if ((unsigned char)*w < 0xE0)
		return NULL;            /* every CJK label starts so */
	for (size_t i = 0; i < NLABELS; i++) {
		size_t ln = strlen(labels[i].w);
		if (labels[i].k != CJK || strncmp(w, labels[i].w, ln))
			continue;
		const char *p = w + ln;
		for (;;) {
			if (*p == ':' || *p == '/' || *p == ' ')
				p++;
			else if (!strncmp(p, "\xef\xbc\x9a", 3))       /* ： */
				p += 3;
			else
				break;
		}
		return p;
	}
	return NULL;
}

#define MAX_LEAD_WORDS 8

struct lword {
	const char *a, *b;      /* the word, without a final colon */
	const char *next;       /* after it and its colon */
	bool colon;
};

static bool next_word(const char *p, struct lword *w)
{
	while (*p == ' ')
		p++;
	if (!*p)
		return false;
	w->a = p;
	while (*p && *p != ' ')
		p++;
	w->next = p;
	w->b = p;
	w->colon = false;
	if (w->b > w->a && w->b[-1] == ':') {
		w->b--;
		w->colon = true;
	} else if (w->b - w->a >= 3 && !memcmp(w->b - 3, "\xef\xbc\x9a", 3)) {
		w->b -= 3;
		w->colon = true;
	}
	return true;
}

static size_t words_after(const char *p)
{
	return text_count_words(p, strlen(p));
}

/* A particle alone at the start: "by", "par", "por" in any case;
 * "Von" only before a full name ("Von Miller" is a name); "von", "di",
 * "door", "av" only in lower case ("Di Wang" is a name). */
static bool starts_with_particle(const struct lword *w, int which)
{
	const char *l = labels[which].w;
	if (!strcmp(l, "by") || !strcmp(l, "par") || !strcmp(l, "por"))
		return words_after(w->next) >= 1;
	if (!strcmp(l, "von") && (w->a[0] == 'V'))
		return words_after(w->next) >= 2;
	return ascii_islower((unsigned char)w->a[0]) && words_after(w->next) >= 1;
}

/* A label glued to the name by its colon ("By:Jane Roe", "Autor:Jo
 * Berg"): where the name starts, NULL when w is no such word. */
static const char *colon_glued(const struct lword *w)
{
	const char *colon = memchr(w->a, ':', (size_t)(w->b - w->a));
	if (!colon || colon == w->a || colon + 1 >= w->b)
		return NULL;
	return label_of(w->a, (size_t)(colon - w->a)) >= 0 ? colon + 1 : NULL;
}

const char *meta_byline_label(const char *s, bool *at_start)
{
	struct lword w, x;
	const char *p = s;
	*at_start = false;
	for (int i = 0; i < MAX_LEAD_WORDS && next_word(p, &w); i++, p = w.next) {
		const char *c = cjk_label(w.a);
		if (c) {
			*at_start = i == 0;
			return c;
		}
		int g = 0, k = label_of(w.a, (size_t)(w.b - w.a));
		const char *glued = i == 0 && k < 0 ? colon_glued(&w) : NULL;
		if (glued) {
			*at_start = true;
			return glued;
		}
		size_t gl = glued_label(w.a, (size_t)(w.b - w.a), &g);
		/* glued particles: by, von, par, por only ("DiMaggio") */
		bool long_part = gl && (labels[g].k != PART || strlen(labels[g].w) >= 3 ||
					!strcmp(labels[g].w, "by"));
		if (k < 0 && long_part && (labels[g].k != PART || i == 0)) {
			*at_start = i == 0;
			return w.a + gl;
		}
		if (k < 0)
			continue;
		enum label_kind kind = labels[k].k;
		if (kind != PART && w.colon) {
			*at_start = i == 0;
			return w.next;
		}
		if (kind != PART && next_word(w.next, &x)) {
			int k2 = label_of(x.a, (size_t)(x.b - x.a));
			g = 0;
			size_t gl2 = glued_label(x.a, (size_t)(x.b - x.a), &g);
			if (k2 >= 0 && labels[k2].k == PART && words_after(x.next)) {
				*at_start = i == 0;
				return x.next;
			}
			if (k2 < 0 && gl2 && labels[g].k == PART) {
				*at_start = i == 0;
				return x.a + gl2;
			}
		}
		if (kind == NOUN && i == 0 && words_after(w.next) &&
		    !ascii_islower((unsigned char)*(w.next + 1))) {
			*at_start = true;
			return w.next;
		}
		if (kind == PART && i == 0 && (w.colon || starts_with_particle(&w, k)) &&
		    words_after(w.next)) {
			*at_start = true;
			return w.next;
		}
		/* "Disko Von Jane Roe", "… VON JANE ROE": a capitalised
		 * particle inside a line introduces a full name */
		if (kind == PART && i > 0 && ascii_isupper((unsigned char)w.a[0]) &&
		    words_after(w.next) >= 2 && strcmp(labels[k].w, "di") &&
		    strcmp(labels[k].w, "da"))
			return w.next;
	}
	return NULL;
}

/* Could token w[0..n) be part of a date ("11.12.2019", "13:30",
 * "Dezember", "5,")?  *numeric: digits with '.', '/' or '-' between
 * them ("11.12.2019", "2019-12-11"). */
static bool date_token(const char *w, size_t n, bool *numeric)
{
	static const char *const glue[] = {"um", "at", "uhr", "h", NULL};
	size_t digits = 0, seps = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		if (ascii_isdigit((unsigned char)w[i]))
			digits++;
		else if (w[i] == '.' || w[i] == '/' || w[i] == '-')
			seps++;
		else if (w[i] != ':' && w[i] != ',')
			other++;
	}
	if (digits && !other) {
		*numeric |= seps >= 2;
		return true;
	}
	size_t k = n;
	while (k && (w[k - 1] == '.' || w[k - 1] == ','))
		k--;
	for (int i = 0; glue[i]; i++)
		if (strlen(glue[i]) == k && !ascii_ncasecmp(w, glue[i], k))
			return true;
	return k && date_word(w, k);
}

/* A dash between a dateline and what follows: "-", "–", "—". */
static bool is_dash(const char *w, size_t n)
{
	return (n == 1 && *w == '-') ||
	       (n == 3 && (!memcmp(w, "\xe2\x80\x93", 3) || !memcmp(w, "\xe2\x80\x94", 3)));
}

static bool strpbrk_n(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(set, s[i]))
			return true;
	return false;
}

/* Would the words at p read as a name, not a list or a category?  No
 * separator or digit left ("Mark Turner - Arena", "Formel 1"), at
 * most five words. */
static bool plain_words(const char *p, size_t min)
{
	struct lword w;
	size_t n = 0;
	for (; next_word(p, &w); p = w.next) {
		size_t len = (size_t)(w.next - w.a);
		if (is_dash(w.a, len) || w.colon || memchr(w.a, '|', len) ||
		    strpbrk_n(w.a, len, "0123456789") ||
		    (len == 2 && !memcmp(w.a, "\xc2\xb7", 2)) || ++n > 5)
			return false;
	}
	return n >= min;
}

const char *meta_dateline_names(const char *s, bool *particle)
{
	struct lword w;
	const char *p = s, *date_end = NULL;
	bool numeric = false;
	*particle = false;
	if (!ascii_isdigit((unsigned char)*s))
		return NULL;
	for (int i = 0; i < 6 && next_word(p, &w); i++, p = w.next) {
		if (!date_token(w.a, (size_t)(w.next - w.a), &numeric))
			break;
		date_end = w.next;
	}
	if (!date_end || date_end != p || !next_word(p, &w))
		return NULL;
	size_t n = (size_t)(w.next - w.a);
	int k = label_of(w.a, n);
	bool part = k >= 0 && labels[k].k == PART && ascii_islower((unsigned char)*w.a);
	if (!part && !(numeric && is_dash(w.a, n)))
		return NULL;
	if (!plain_words(w.next, part ? 1 : 2))
		return NULL;
	char date[64];
	size_t dl = (size_t)(date_end - s);
	if (dl >= sizeof date)
		return NULL;
	memcpy(date, s, dl);
	date[dl] = '\0';
	struct date d;
	if (!date_parse(date, &d))
		return NULL;
	*particle = part;
	return w.next;
}

bool meta_is_label_word(const char *w, size_t n)
{
	while (n && (w[n - 1] == ':' || w[n - 1] == '.'))
		n--;
	int k = label_of(w, n);
	return k >= 0 && labels[k].k != STAFF;
}

/* "Jane Roe Veröffentlicht": a verb label left at the end; short ones
 * ("Post", "Text") may end a paper's name ("Hill Post"). */
static bool is_verb_label(const char *w, size_t n)
{
	int k = label_of(w, n);
	return k >= 0 && labels[k].k == VERB && n >= 6;
}

/* Words after which the rest is not a name ("X, Senior Reporter"). */
static const char *const not_name_words[] = {
	"reporter", "editor", "correspondent", "writer", "staff",
	"contributor", "columnist", "producer", "journalist", "senior",
	"chief", "associate", "intern", "photographer", "bureau", "director",
	"analyst", "professor", "president", "manager", "founder", "ceo",
	"head", "team", "desk", "updated", "published", "posted", "share",
	"ma", "md", "phd", "mph", "rn", "msc", "mba", "news", "health",
	"engineer", "developer", "designer", "scientist", "researcher",
	"officer", "specialist", "strategist", "consultant", "evangelist",
	"manager", "student", "fellow", "lecturer", "host", "anchor",
	"press", "novosti", "agency", "reuters", "bloomberg", "wire",
	"gazette", "tribune", "journal", "magazine", "media", "network",
	"times", "autor", "autorin", "redakteur", "redakteurin",
	"journalistin", "korrespondent", "korrespondentin",
	"follow", "email", "twitter", "read", "more", "min", "ago", NULL
};

/* Prefixes that are also name particles ("Di Wang", "Von Miller"):
 * only in lower case. */
static const char *const lower_prefixes[] = {
	"von ", "di ", "door ", "av ", "af ", "de ", NULL
};

/* Strip one leading "By"-style prefix; returns the new start. */
static char *strip_prefix(char *s)
{
	/* German "Von Anna Schmidt": "Von" before a full name */
	if (!strncmp(s, "Von ", 4) && text_count_words(s, strlen(s)) >= 3)
		return s + 4;
	for (int i = 0; lower_prefixes[i]; i++) {
		size_t n = strlen(lower_prefixes[i]);
		if (!strncmp(s, lower_prefixes[i], n))
			return s + n;
	}
	return s;
}

/* Cut s at the first marker that ends the names: a separator, a date,
 * "Updated", " on ", " at " ... */
static void cut_tail(char *s)
{
	static const char *const marks[] = {
		" | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " \xe2\x80\x94 ",
		" \xe2\x80\x93 ", " - ", "|", " Updated", " updated", " UPDATED",
		" Published", " published", " Posted", " posted", " on ", " On ",
		" at ", " for ", " in ", " In ", " Last ", " last ", "\xe2\x80\xa2",
		" Twitter", " Email", " Follow", " follow", " Edited by",
		" edited by", " Reviewed by", " reviewed by", " Photographs by",
		" Photos by", " Illustrations by", " Additional reporting",
		" Fact checked", " Translated by", " translated by",
		" \xc3\x9c" "bersetzt", " Traduit par", " traduit par",
		" Traducido por", " traducido por", " Weitere ", " Weitere",
		" \xc3\x9c" "ber ", " Alle Beitr", " Alle Artikel", " View all",
		" View profile", " See all", " More by", " More from",
		" Mehr von", " Filed under", NULL
	};
	for (int i = 0; marks[i]; i++) {
		char *p = strstr(s, marks[i]);
		if (p)
			*p = '\0';
	}
	/* Another labelled field after the names ("Jane Roe From: Daily"). */
	for (char *sp = strchr(s, ' '); sp; sp = strchr(sp + 1, ' ')) {
		size_t wl = strcspn(sp + 1, " ");
		/* a colon ending the line is no field ("Autor Jo Berg:"),
		 * nor one after a first name alone: it ends the name ("Jo
		 * Berg: EN, Übersetzung …") */
		if (wl > 1 && sp[wl] == ':') {
			*sp = '\0';
			break;
		}
	}
	/* A date or time, even glued to the name ("Nolan22 Dec"); not
	 * the digits of a handle ("Bo2man", "marianne1" alone). */
	for (char *p = s; *p; p++) {
		if (!ascii_isdigit((unsigned char)*p))
			continue;
		char *e = p;
		while (ascii_isdigit((unsigned char)*e))
			e++;
		bool in_word = p > s && p[-1] != ' ';
		/* glued digits are a day when a month follows ("22 Dec") */
		const char *nw = e;
		while (*nw == ' ' || *nw == '.')
			nw++;
		size_t nl = strcspn(nw, " .,");
		bool day = date_word(nw, nl) || ascii_isdigit((unsigned char)*nw);
		bool first_word = !memchr(s, ' ', (size_t)(p - s));
		bool handle = in_word && (ascii_isalpha((unsigned char)*e) || *e == '_' ||
					  (first_word && !day && e - p <= 4));
		if (handle) {
			p = e - 1;
			continue;
		}
		*p = '\0';
		break;
	}
	/* A handle after the name ("Jane Roe @janeroe", "Jane Roe@janeroe")
	 * or an e-mail address: the names end there. */
	for (char *p = *s ? s + 1 : s; *p; p++) {    /* s may be "" by now */
		if (*p != '@' || p[-1] == '(')
			continue;
		char *ws = p;
		while (ws > s && ws[-1] != ' ')
			ws--;
		size_t wl = strcspn(p, " ");
		bool email = ws < p && memchr(p, '.', wl);
		*(email ? ws : p) = '\0';
		break;
	}
}

/* "Section by Jane Roe": the names follow the last " by ". */
static char *after_by(char *s)
{
	char *last = NULL;
	for (char *p = strstr(s, " by "); p; p = strstr(p + 1, " by "))
		last = p;
	for (char *p = strstr(s, " By "); p; p = strstr(p + 1, " By "))
		if (!last || p > last)
			last = p;
	return last ? last + 4 : s;
}

/* The last " and ", " & ", ", " or " und " before end, or NULL. */
static char *last_joiner(char *s, char *end)
{
	static const char *const joiners[] = {" and ", " & ", ", ", " und ", " et ", " y ", NULL};
	char *best = NULL;
	for (int i = 0; joiners[i]; i++)
		for (char *p = strstr(s, joiners[i]); p && p < end; p = strstr(p + 1, joiners[i]))
			if (p > best)
				best = p;
	return best;
}

/* Drop "(http://…)", "(handle)", "( Brad )" groups; keep "(with A and B)". */
static void drop_paren_junk(char *s)
{
	for (char *o = strchr(s, '('); o; o = strchr(o, '(')) {
		char *c = strchr(o, ')');
		if (!c)
			return;
		size_t inner = (size_t)(c - o - 1);
		char *in = o + 1;
		while (inner && *in == ' ')
			in++, inner--;
		while (inner && in[inner - 1] == ' ')
			inner--;
		bool one_word = inner && !memchr(in, ' ', inner);
		/* "(with A and B)" names more authors; "(Pressesprecher des
		 * Vereins)", "(Reporter)" say what the one before does */
		bool with = !ascii_ncasecmp(in, "with ", 5) || !ascii_ncasecmp(in, "avec ", 5) ||
			    !ascii_ncasecmp(in, "mit ", 4) || !ascii_ncasecmp(in, "con ", 4) ||
			    !ascii_ncasecmp(in, "and ", 4) || !ascii_ncasecmp(in, "und ", 4) ||
			    !ascii_ncasecmp(in, "et ", 3);
		bool url = memmem(o, (size_t)(c - o), "://", 3) ||
			   memchr(o, '@', (size_t)(c - o));
		/* "A (reporting) and B (photography)": B took the photos */
		bool photos = one_word && (!ascii_ncasecmp(in, "photo", 5) ||
					   !ascii_ncasecmp(in, "foto", 4) ||
					   !ascii_ncasecmp(in, "illustr", 7));
		char *joiner = photos ? last_joiner(s, o) : NULL;
		if (joiner) {
			*joiner = '\0';
			return;
		}
		if (url || one_word || !inner || !with)
			memmove(o, c + 1, strlen(c + 1) + 1);
		else
			o = c + 1;
	}
}

/* Dates and "ago" words left at the end: "Jane Roe July", "… před". */
static bool is_date_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"ago", "today", "yesterday", "vor", "hace", "fa",
		"p\xc5\x99" "ed", "\xd0\xbd\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xb4",
		"il", "y", "a", "le", "am", "el", "den", "de", NULL
	};
	if (date_word(w, n))
		return true;
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !ascii_ncasecmp(w, words[i], n))
			return true;
	return false;
}

/* Job-title modifiers left after cutting at the title word
 * ("Ben Roe Games" from "Ben Roe Games Editor"). */
static bool is_modifier_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"games", "tech", "technology", "news", "sports", "science",
		"political", "politics", "business", "health", "contributing",
		"managing", "executive", "deputy", "assistant", "features",
		"digital", "staff", "senior", "chief", "associate", "special",
		"foreign", "national", "international", "investigative", "lead",
		"video", "social", "data", "our", "the", "a", "an", "and", "&",
		"sr", "jr.", "associated", "ria", "freier", "freie", "leitender",
		"leitende", NULL
	};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !ascii_ncasecmp(w, words[i], n))
			return true;
	return false;
}

/* Remove trailing words matching pred. */
static void strip_trailing(char *s, bool (*pred)(const char *, size_t))
{
	for (;;) {
		size_t n = strlen(s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '.'))
			n--;
		size_t b = n;
		while (b && s[b - 1] != ' ')
			b--;
		if (b == 0 || n == b || !pred(s + b, n - b))
			return;
		s[b] = '\0';
	}
}

static bool is_not_name_word(const char *w, size_t n)
{
	for (int i = 0; not_name_words[i]; i++)
		if (strlen(not_name_words[i]) == n && !ascii_ncasecmp(w, not_name_words[i], n))
			return true;
	return false;
}

/* Does s[0..len) read as person names (capitalised words, no job
 * titles)? */
static bool looks_like_names(const char *s, size_t len)
{
	size_t words = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && s[i] == ' ')
			i++;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		if (i == st)
			break;
		words++;
		const char *w = s + st;
		size_t n = i - st;
		while (n && ascii_ispunct((unsigned char)w[n - 1]))
			n--;
		if (is_not_name_word(w, n))
			return false;
	}
	return words > 0 && words <= 6;
}

/* "X, Senior Reporter" -> "X"; "A, B" (two names) stays. */
static void cut_job_title(char *s)
{
	char *comma = strchr(s, ',');
	while (comma) {
		char *next = strchr(comma + 1, ',');
		size_t len = next ? (size_t)(next - comma - 1) : strlen(comma + 1);
		/* one word after a comma is an outlet or a degree (", CNN",
		 * ", Ph.D."), not a second person */
		if (!looks_like_names(comma + 1, len) ||
		    text_count_words(comma + 1, len) < 2) {
			*comma = '\0';
			break;
		}
		comma = next;
	}
	/* "Ben Roe Games Editor": a title word after the name. */
	size_t words = 0;
	for (char *p = s; *p;) {
		while (*p == ' ')
			p++;
		char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e == p)
			break;
		size_t n = (size_t)(e - p);
		while (n && ascii_ispunct((unsigned char)p[n - 1]))
			n--;
		if (words >= 1 && is_not_name_word(p, n)) {
			*p = '\0';
			strip_trailing(s, is_modifier_word);
			return;
		}
		words++;
		p = e;
	}
}

/* Remove words holding an e-mail address. */
static void drop_emails(char *s)
{
	char *w = s;
	while (*w) {
		char *e = w;
		while (*e && *e != ' ')
			e++;
		char *at = memchr(w, '@', (size_t)(e - w));
		bool email = at && at > w && memchr(at, '.', (size_t)(e - at));
		if (email) {
			memmove(w, e, strlen(e) + 1);
		} else {
			w = *e ? e + 1 : e;
		}
	}
}

/* Does s[0..n) end in an arrow, guillemet or bullet (U+2000..U+27BF,
 * « »)?  "mywakenews →" */
static bool trailing_symbol(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[n - 3] == 0xE2 && u[n - 3 + 1] >= 0x80 && u[n - 3 + 1] <= 0x9E)
		return true;
	return n >= 2 && u[n - 2] == 0xC2 && (u[n - 1] == 0xBB || u[n - 1] == 0xAB);
}

static void trim_ends(char *s)
{
	static const char *const tails[] = {" and", " &", " und", " et", " y", NULL};
	size_t n = text_clean(s, strlen(s));
	bool again = true;
	while (again && n) {
		again = false;
		while (n && (strchr(",;:-|/.(+*", s[n - 1]) || trailing_symbol(s, n))) {
			/* keep a closing initial like "B." only after a letter
			 * pair, and "Jr." / "Sr." */
			if (s[n - 1] == '.' && n >= 2 && ascii_isupper((unsigned char)s[n - 2]) &&
			    (n == 2 || s[n - 3] == ' '))
				break;
			if (s[n - 1] == '.' && n >= 3 && (!ascii_ncasecmp(s + n - 3, "jr.", 3) ||
							  !ascii_ncasecmp(s + n - 3, "sr.", 3)))
				break;
			n = text_utf8_floor(s, n - 1);  /* drop the last character */
			s[n] = '\0';
			again = true;
		}
		for (int i = 0; tails[i]; i++) {
			size_t k = strlen(tails[i]);
			if (n >= k && !ascii_casecmp(s + n - k, tails[i])) {
				n -= k;
				s[n] = '\0';
				again = true;
			}
		}
		n = text_clean(s, n);
		s[n] = '\0';
	}
}

static bool is_junk_word(const char *w, size_t n)
{
	static const char *const words[] = {"on", "am", "le", "el", "il", "the", NULL};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !ascii_ncasecmp(w, words[i], n))
			return true;
	return false;
}

static bool is_junk_byline(const char *s)
{
	static const char *const junk[] = {
		"author", "authors", "by", "share", "follow", "staff", "admin",
		"contributors", "more", "unknown", "anonymous", "guest", "editor",
		"editors", "about the author", "sign in", "log in", "login",
		"our", "the", "last", "subscribe", "home", "menu", "search",
		"updated", "published", "posted", "last updated", "share this", NULL
	};
	for (int i = 0; junk[i]; i++)
		if (!ascii_casecmp(s, junk[i]))
			return true;
	return strstr(s, "://") || !ascii_ncasecmp(s, "www.", 4);
}

/* "Jo Roe Last" (… updated): page words left after the name. */
static bool is_ui_word(const char *w, size_t n)
{
	static const char *const words[] = {"last", "more", "mehr", "plus", NULL};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !ascii_ncasecmp(w, words[i], n))
			return true;
	return false;
}

/* "jberg jberg" (a link's text twice, e.g. beside its avatar's) -> "jberg". */
static void drop_repeat(char *s)
{
	size_t n = strlen(s);
	if (n >= 3 && n % 2 == 1 && s[n / 2] == ' ' && !strncmp(s, s + n / 2 + 1, n / 2))
		s[n / 2] = '\0';
}

/* "Veröffentlicht", "Posted on", "Dezember": labels and dates, no name. */
static bool only_labels(const char *s)
{
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n && !meta_is_label_word(p, n) && !is_date_word(p, n) &&
		    !is_junk_word(p, n))
			return false;
		p += n;
	}
	return true;
}

/* "Download PDF Drucken Teilen Feedback", "Dr.", "S.": the page's
 * tools, a title or an initial alone, no name. */
static bool only_tools(const char *s)
{
	static const char *const tools[] = {
		"download", "pdf", "drucken", "teilen", "senden", "feedback",
		"print", "share", "email", "e-mail", "mail", "tweet", "merken",
		"speichern", "imprimer", "partager", "imprimir", "compartir",
		"dr", "prof", "mr", "mrs", "ms", "herr", "frau", NULL
	};
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		size_t k = n && p[n - 1] == '.' ? n - 1 : n;
		bool tool = k == 1 && ascii_isupper((unsigned char)*p);    /* "S." */
		for (int i = 0; tools[i] && !tool && k; i++)
			tool = strlen(tools[i]) == k && !ascii_ncasecmp(p, tools[i], k);
		if (n && !tool)
			return false;
		p += n;
	}
	return true;
}

/* A quoted forum post's header ("Zitat von X", "Quote from X",
 * "Originally posted by X"): X wrote the quote, not the page. */
static bool quoted(const char *s)
{
	static const char *const heads[] = {
		"zitat von", "zitat:", "quote from", "quote:", "originally posted by",
		"citation de", "cita de", NULL
	};
	while (*s == ' ')
		s++;
	for (int i = 0; heads[i]; i++)
		if (!ascii_ncasecmp(s, heads[i], strlen(heads[i])))
			return true;
	return false;
}

char *meta_clean_byline(const char *raw)
{
	if (!raw)
		return NULL;
	char *buf = text_clean_dup(raw, strlen(raw));
	if (!buf)
		return NULL;
	char *s = buf, *prev = NULL;
	while (*s && strchr(",;:|-/", *s))     /* ", par X" */
		s++;
	while (*s == ' ')
		s++;
	/* labels in a row: "Rezept von Zum Profil von jberg" */
	bool start;
	const char *named;
	for (int i = 0; i < 3 && (named = meta_byline_label(s, &start)) && words_after(named); i++) {
		s += named - s;
		while (*s == ' ')
			s++;
	}
	while (s != prev) {
		prev = s;
		s = strip_prefix(s);
	}
	cut_tail(s);
	s = after_by(s);
	drop_paren_junk(s);
	drop_emails(s);
	cut_job_title(s);
	strip_trailing(s, is_date_word);
	strip_trailing(s, is_verb_label);
	strip_trailing(s, is_ui_word);
	trim_ends(s);
	drop_repeat(s);
	char *out = NULL;
	size_t words = text_count_words(s, strlen(s));
	if (*s && words <= 12 && strlen(s) <= 120 && !is_junk_byline(s) &&
	    !only_labels(s) && !only_tools(s) && !quoted(buf))
		out = strdup(s);
	free(buf);
	return out;
}

/* One character reference at s ("&oacute;", "&#243;", "&#xF3;"):
 * its code point and length, 0 when s starts none. */
static size_t char_ref(const char *s, uint32_t *cp)
{
	/* no further than the string's end */
	const char *semi = memchr(s, ';', strnlen(s, 12));
	if (!semi || semi - s < 3)
		return 0;
	size_t n = (size_t)(semi - s) + 1;
	if (s[1] != '#') {
		char name[12];
		memcpy(name, s + 1, n - 2);
		name[n - 2] = '\0';
		const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
		if (!e)
			return 0;
		*cp = e->value;
		return n;
	}
	bool hex = s[2] == 'x' || s[2] == 'X';
	uint32_t v = 0;
	const char *p = s + (hex ? 3 : 2);
	if (p == semi)
		return 0;
	for (; p < semi; p++) {
		int d = ascii_isdigit((unsigned char)*p) ? *p - '0' :
			hex && ascii_isxdigit((unsigned char)*p) ? (ascii_tolower((unsigned char)*p) - 'a' + 10) : -1;
		if (d < 0 || v > 0x10FFFF)
			return 0;
		v = v * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (!v || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

size_t meta_decode_refs(char *s)
{
	size_t o = 0;
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		size_t n = s[i] == '&' ? char_ref(s + i, &cp) : 0;
		int k = n ? u8_uctomb((uint8_t *)s + o, cp, (int)n) : -1;
		if (k > 0) {            /* never longer than the reference */
			o += (size_t)k;
			i += n;
		} else {
			s[o++] = s[i++];
		}
	}
	s[o] = '\0';
	return o;
}
