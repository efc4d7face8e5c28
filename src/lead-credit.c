/* lead-credit.c - tell a photo credit from its caption in plain text.
 *
 * Everything here is pure string work over UTF-8; the DOM side
 * (lead-image.c) decides which elements to feed in.  The rules:
 *   - a credit label ("Photo:", "Photograph by", "©", "Credit:",
 *     "Foto:", "Фото:" ...) starts the credit; text before it is the
 *     caption, minus the separator that joined them;
 *   - a bracketed group at the very end that reads as a credit
 *     ("(AP Photo/X)", "(Thomas Coex/AFP/Getty Images)") is the credit,
 *     without its brackets;
 *   - a short last segment after " | ", " / ", " - " that names a photo
 *     agency ("… Paris / Reuters") is the credit. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "folio/text.h"
#include "folio/lead-credit.h"
#include "folio/util-ascii.h"
#include "folio/util-index.h"

/* Labels that must be followed by ':' to count ("Photo: X"). */
static const char *const colon_labels[] = {
	"all photos", "all images", "photo credit", "photo credits",
	"image credit", "image credits", "image source", "picture credit",
	"photographs", "photograph", "photography", "photos", "photo",
	"images", "image", "pictures", "picture", "pics", "pic",
	"illustration", "graphic", "credits", "credit", "source", "sources",
	"fotos", "foto", "fotografie", "fotografia", "fotografía", "bild",
	"kuva", "zdroj", "crédits", "crédit", "créditos", "crédito",
	"credito", "фото", "Фото", "источник", "Источник", "quelle",
	"bildquelle", "fonte", "fuente", "imagen", "zdj\xc4\x99" "cie", "fotograf",
	"foto\xc4\x9fraf", "photographie", "\xec\x82\xac\xec\xa7\x84",
	"\xe5\x9b\xbe", "\xe5\x9c\x96",   /* 사진 图 圖 */
	"写真", "图片", "圖片", "摄影", "攝影", "来源", "來源", NULL
};

/* Labels complete on their own, followed by a space ("Photo by X"). */
static const char *const by_labels[] = {
	"photo courtesy of", "image courtesy of", "courtesy of",
	"photographs by", "photograph by", "photography by", "photos by",
	"photo by", "images by", "image by", "illustration by",
	"pictures by", "picture by", "foto von", "foto di", "foto de",
	"photo de", "photo via", "photos via", "image via", "fot.", "фото:",
	"copyright", NULL
};

/* Photo agencies and stock libraries: a short line naming one is a
 * credit.  Whole words only; names of five letters and more in any
 * case ("ShutterStock", "REUTERS"), the short ones as the agencies
 * write them ("AP", "Pool": "pool" is a word). */
static const char *const agencies[] = {
	"AP", "AFP", "Reuters", "Getty Images", "Getty", "GettyImages",
	"picture alliance", "Picture Alliance", "picture-alliance",
	"EPA", "EPA-EFE", "EFE", "Shutterstock",
	"iStock", "iStockphoto", "Alamy", "PA Images",
	"PA Wire", "Associated Press", "Bloomberg", "Xinhua", "ANP", "dpa",
	"DPA", "Keystone", "TASS", "ТАСС", "РИА Новости", "Sputnik",
	"NurPhoto", "ZUMA", "Zuma Press", "Corbis", "Wikimedia Commons",
	"Unsplash", "Pixabay", "AAP", "Anadolu", "ANSA", "Kyodo", "Yonhap",
	"Imago", "Polaris", "Redux", "Magnum", "Supplied",
	"Handout", "handout", "Pool", "POOL", NULL
};


static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does s start with word (ASCII case-insensitive, UTF-8 bytes exact)? */
static size_t starts_with_ci(const char *s, const char *word)
{
	/* tried at every word of a caption with every label: the first
	 * letter tells most apart before the label's length is taken */
	if (ascii_tolower((unsigned char)*s) != ascii_tolower((unsigned char)*word))
		return 0;
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)word[i];
		if (!a || ascii_tolower(a) != ascii_tolower(b))
			return 0;
	}
	return n;
}

/* Length of agency at s (0 when s does not start with it): the first
 * letter as the agency writes it, the rest of a name of five letters
 * and more in any case ("ShutterStock", "REUTERS"; "magnum" and
 * "keystone" are words), short names exactly ("AP", "Pool"). */
static size_t agency_at(const char *s, const char *agency)
{
	size_t n = strlen(agency);
	if (s[0] != agency[0])
		return 0;
	if (n < 5)
		return strncmp(s, agency, n) ? 0 : n;
	return starts_with_ci(s, agency);
}

/* "©", "(c) ", "Ⓒ" at s: length of the mark, else 0. */
static size_t copyright_mark(const char *s)
{
	if (!strncmp(s, "\xc2\xa9", 2))
		return 2;
	if (!strncmp(s, "\xe2\x93\x92", 3))
		return 3;
	if (starts_with_ci(s, "(c) "))
		return 3;
	return 0;
}

/* label_at is tried at every word of a caption: each label table is
 * indexed by first byte (the ASCII letters are all lower case), so a
 * word is compared with the few labels that start as it does, in the
 * table's order. */
#define NBY_LABELS (sizeof by_labels / sizeof by_labels[0] - 1)
#define NCOLON_LABELS (sizeof colon_labels / sizeof colon_labels[0] - 1)
_Static_assert(NCOLON_LABELS <= NAME_INDEX_MAX, "a name_index holds NAME_INDEX_MAX entries");
static struct name_index by_ix, colon_ix;

static void index_labels(void)
{
	name_index_build(&by_ix, by_labels, NBY_LABELS, sizeof by_labels[0]);
	name_index_build(&colon_ix, colon_labels, NCOLON_LABELS, sizeof colon_labels[0]);
}

/* The length of the next label of ix's table that s starts with,
 * from index position *at on; 0 when none is left. */
static size_t next_label(const struct name_index *ix, const char *const *table,
			 const char *s, int *at)
{
	size_t n = 0;
	return name_index_next_prefix(ix, table, sizeof table[0], s, at, &n) >= 0 ? n : 0;
}

/* Length of a credit label at s (0 when none).  A word label needs a
 * following ':' (spaces allowed before it); a "by" label needs a
 * following space.  The label must end at a word boundary. */
static size_t label_at(const char *s)
{
	static pthread_once_t indexed = PTHREAD_ONCE_INIT;
	size_t n = copyright_mark(s);
	if (n)
		return n;
	pthread_once(&indexed, index_labels);
	for (int at = 0; (n = next_label(&by_ix, by_labels, s, &at));)
		if (is_space((unsigned char)s[n]) || s[n - 1] == ':')
			return n;
	for (int at = 0; (n = next_label(&colon_ix, colon_labels, s, &at));) {
		size_t k = n;
		while (s[k] == ' ')
			k++;
		if (s[k] == ':' || !strncmp(s + k, "\xef\xbc\x9a", 3))
			return k + (s[k] == ':' ? 1 : 3);
		/* "Credit...Jane Roe" (an ellipsis as the colon) */
		if (!strncmp(s + n, "...", 3))
			return n + 3;
		if (!strncmp(s + n, "\xe2\x80\xa6", 3))
			return n + 3;
	}
	return 0;
}

bool credit_has_label(const char *text)
{
	while (text && is_space((unsigned char)*text))
		text++;
	return text && label_at(text) > 0;
}

bool credit_is_label(const char *text)
{
	char buf[48];
	while (text && is_space((unsigned char)*text))
		text++;
	size_t n = text ? strlen(text) : 0;
	while (n && (is_space((unsigned char)text[n - 1]) || text[n - 1] == ':'))
		n--;
	if (!n || n + 2 > sizeof buf)
		return false;
	memcpy(buf, text, n);
	buf[n] = ':';
	buf[n + 1] = '\0';
	return label_at(buf) == n + 1;
}

/* Is c a byte that may end a word (so "AP" in "APPLE" does not count)? */
static bool word_edge(unsigned char c)
{
	return !c || !(ascii_isalnum(c) || c >= 0x80 || c == '-' || c == '_');
}

static bool names_agency(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (p > s && !word_edge((unsigned char)p[-1]))
			continue;       /* agencies start a word */
		for (int i = 0; agencies[i]; i++) {
			size_t n = agency_at(p, agencies[i]);
			if (n && word_edge((unsigned char)p[n]))
				return true;
		}
	}
	return false;
}

/* "Name Surname/Agency": a slash between two letters, few words, no
 * sentence inside. */
static bool slash_credit(const char *s)
{
	const char *p = strchr(s, '/');
	if (!p || p == s || text_count_words(s, strlen(s)) > 10 || strstr(s, ". ") ||
	    strstr(s, "://"))
		return false;
	unsigned char before = (unsigned char)p[-1];
	unsigned char after = (unsigned char)p[1];
	if (after == ' ')
		after = (unsigned char)p[2];
	return (ascii_isalpha(before) || before >= 0x80 || before == '.') &&
	       (ascii_isupper(after) || after >= 0x80);
}

/* Chinese "李明 摄" / "新华社记者李明摄": photographed by. */
static bool ends_she(const char *s)
{
	size_t n = strlen(s);
	while (n && (is_space((unsigned char)s[n - 1]) || s[n - 1] == ')'))
		n--;
	if (n >= 3 && !memcmp(s + n - 3, "\xef\xbc\x89", 3))  /* ） */
		n -= 3;
	return n >= 3 && !memcmp(s + n - 3, "\xe6\x91\x84", 3) && n <= 60;
}

bool credit_is_credit(const char *text)
{
	if (!text)
		return false;
	while (is_space((unsigned char)*text) || *text == '(' || *text == '[')
		text++;
	if (!*text)
		return false;
	if (label_at(text))
		return true;
	/* "Photo Prakash Mathema. AFP": a bare "Photo" before a name. */
	if (starts_with_ci(text, "photo ") && ascii_isupper((unsigned char)text[6]))
		return true;
	if (strstr(text, "\xc2\xa9") || ends_she(text))
		return true;
	if (text_count_words(text, strlen(text)) <= 12 && names_agency(text))
		return true;
	return slash_credit(text);
}

/* Trim spaces and joining separators from both ends of s[0..*len);
 * returns the new start. */
static const char *trim_seps(const char *s, size_t *len, bool strip_dots)
{
	static const char *const seps[] = {
		"|", "/", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa2",
		"\xc2\xb7", ",", ";", ":", NULL
	};
	bool again = true;
	while (again && *len) {
		again = false;
		while (*len && is_space((unsigned char)s[*len - 1]))
			(*len)--;
		while (*len && is_space((unsigned char)*s))
			s++, (*len)--;
		for (int i = 0; seps[i] && *len; i++) {
			size_t n = strlen(seps[i]);
			if (*len >= n && !memcmp(s + *len - n, seps[i], n)) {
				*len -= n;
				again = true;
			}
			if (*len >= n && !memcmp(s, seps[i], n) &&
			    seps[i][0] != '-') {
				s += n;
				*len -= n;
				again = true;
			}
		}
		if (strip_dots && *len && s[*len - 1] == '.') {
			(*len)--;
			again = true;
		}
	}
	return s;
}

static char *dup_trimmed(const char *s, size_t len, bool *oom)
{
	s = trim_seps(s, &len, false);
	if (!len)
		return NULL;
	char *r = malloc(len + 1);
	if (!r) {
		*oom = true;
		return NULL;
	}
	memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

char *credit_tidy(const char *text)
{
	if (!text)
		return NULL;
	size_t len = strlen(text);
	const char *s = trim_seps(text, &len, false);
	/* Drop brackets that enclose the whole credit. */
	for (;;) {
		if (len >= 2 && ((s[0] == '(' && s[len - 1] == ')') ||
				 (s[0] == '[' && s[len - 1] == ']'))) {
			s++;
			len -= 2;
		} else if (len >= 6 && !memcmp(s, "\xef\xbc\x88", 3) &&
			   !memcmp(s + len - 3, "\xef\xbc\x89", 3)) {
			s += 3;
			len -= 6;
		} else {
			break;
		}
		s = trim_seps(s, &len, false);
	}
	bool oom = false;
	return dup_trimmed(s, len, &oom);
}

/* Start of the bracket group that closes at s[len-1], or NULL. */
static const char *open_bracket(const char *s, size_t len)
{
	char close = s[len - 1];
	char open = close == ')' ? '(' : close == ']' ? '[' : 0;
	if (!open)
		return NULL;
	int depth = 0;
	for (size_t i = len; i-- > 0;) {
		if (s[i] == close)
			depth++;
		else if (s[i] == open && --depth == 0)
			return s + i;
	}
	return NULL;
}

/* Does s hold a letter or digit (not punctuation alone)? */
static bool has_letter_or_digit(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (uc_is_alnum(c))
			return true;
		p += k > 0 ? k : 1;
	}
	return false;
}

/* Set the two outputs from caption s[0..cut) and credit text cr. */
static int split_at(const char *s, size_t cut, const char *cr, size_t crlen,
		    char **caption, char **credit)
{
	bool oom = false;
	*caption = dup_trimmed(s, cut, &oom);
	if (*caption && !has_letter_or_digit(*caption)) {
		free(*caption);         /* ". Imagen: X": the stop is no caption */
		*caption = NULL;
	}
	char *raw = oom ? NULL : dup_trimmed(cr, crlen, &oom);
	*credit = raw ? credit_tidy(raw) : NULL;
	if (raw && !*credit)
		oom = true;
	free(raw);
	if (oom) {
		free(*caption);
		free(*credit);
		*caption = *credit = NULL;
		return -1;
	}
	return 0;
}

/* "Lucy Akins": two to four capitalised words, letters only.  A
 * caption ending in a bracketed name names its photographer. */
static bool person_name(const char *s)
{
	size_t words = text_count_words(s, strlen(s));
	if (words < 2 || words > 4)
		return false;
	static const char *const not_names[] = {
		"From ", "To ", "The ", "And ", "Of ", "In ", "At ", "On ",
		"Left", "Right", "File", "Archive", "Photo", "Video", NULL
	};
	for (int i = 0; not_names[i]; i++)
		if (strstr(s, not_names[i]))
			return false;
	bool start = true;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (is_space(c)) {
			start = true;
			continue;
		}
		if (start && c < 0x80 && !ascii_isupper(c))
			return false;
		if (c < 0x80 && !ascii_isalpha(c) && c != '.' && c != '-' && c != '\'')
			return false;
		start = false;
	}
	return true;
}

/* "Ann Smith for The Coast Post": a photographer's name, " for ", and a
 * capitalised publication (a paper's commissioned picture). */
static bool name_for_paper(const char *s)
{
	const char *f = strstr(s, " for ");
	if (!f || !ascii_isupper((unsigned char)f[5]))
		return false;
	char *name = strndup(s, (size_t)(f - s));
	bool yes = name && person_name(name);
	free(name);
	return yes;
}

/* A trailing "(…credit…)" or full-width "（…）" group: returns its
 * start, else NULL. */
static const char *bracket_credit(const char *s, size_t len)
{
	if (len < 3)
		return NULL;
	const char *o = open_bracket(s, len);
	size_t open_len = 1, close_len = 1;
	if (len >= 6 && !memcmp(s + len - 3, "\xef\xbc\x89", 3)) {
		o = NULL;
		for (const char *p = strstr(s, "\xef\xbc\x88"); p;
		     p = strstr(p + 3, "\xef\xbc\x88"))
			o = p;
		open_len = close_len = 3;
	}
	if (!o || o == s)
		return NULL;
	size_t inner = (size_t)(s + len - close_len - (o + open_len));
	char *tmp = strndup(o + open_len, inner);
	if (!tmp)
		return NULL;
	bool yes = text_count_words(tmp, strlen(tmp)) <= 16 &&
		   (credit_is_credit(tmp) || person_name(tmp) || name_for_paper(tmp));
	free(tmp);
	return yes ? o : NULL;
}

/* Is s[0..p) one word in capitals ("FILE" of "FILE PHOTO: Traders
 * …")?  Agencies mark archive pictures so; the credit comes last. */
static bool caption_marker(const char *s, const char *p)
{
	const char *e = p;
	while (e > s && is_space((unsigned char)e[-1]))
		e--;
	if (e == s || e - s > 12)
		return false;
	for (const char *q = s; q < e; q++)
		if (!ascii_isupper((unsigned char)*q))
			return false;
	return true;
}

/* Position of the first credit label inside s (not at 0), else NULL.
 * Word labels mid-text must be capitalised or follow a separator, so
 * "an image: …" inside a sentence is left alone. */
static const char *inner_label(const char *s)
{
	for (const char *p = s + 1; *p; p++) {
		unsigned char prev = (unsigned char)p[-1];
		/* "dawn.Credit...X": a label glued to the sentence before */
		bool glued = prev == '.' && ascii_isupper((unsigned char)*p);
		bool fw_open = p - s >= 3 && !strncmp(p - 3, "\xef\xbc\x88", 3);
		if (!is_space(prev) && prev != '(' && prev != '[' &&
		    prev != '|' && !glued && !fw_open && !copyright_mark(p))
			continue;
		size_t n = label_at(p);
		if (!n || caption_marker(s, p))
			continue;
		if (copyright_mark(p) || ascii_isupper((unsigned char)*p) ||
		    (unsigned char)*p >= 0x80)
			return p;
	}
	return NULL;
}

/* "… the pier. Ann Smith / AFP": the photographer's name between the
 * caption's last full stop and the agency is the credit's too.  Returns
 * where the credit starts (cut when there is no such name). */
static const char *name_before(const char *s, const char *cut)
{
	const char *dot = NULL;
	for (const char *p = strstr(s, ". "); p && p < cut; p = strstr(p + 1, ". "))
		dot = p;
	if (!dot)
		return cut;
	char *name = strndup(dot + 2, (size_t)(cut - (dot + 2)));
	bool yes = name && person_name(name);
	free(name);
	return yes ? dot + 1 : cut;
}

/* Is the part of s before its first '/' a person's name ("Ann Smith"
 * of "Ann Smith/The Coast Post", not "Mother" of "Mother/Daughter")? */
static bool person_name_before_slash(const char *s)
{
	const char *slash = strchr(s, '/');
	char *name = slash ? strndup(s, (size_t)(slash - s)) : NULL;
	bool yes = name && person_name(name);
	free(name);
	return yes;
}

/* Last " | ", " / ", " - " ... segment naming an agency, else NULL. */
static const char *agency_tail(const char *s)
{
	static const char *const seps[] = {
		" | ", " / ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
		" \xe2\x80\xa2 ", ". ", NULL
	};
	const int dash_seps = 3;        /* from " – " on */
	const char *best = NULL;
	for (int i = 0; seps[i]; i++) {
		const char *last = NULL;
		for (const char *p = strstr(s, seps[i]); p;
		     p = strstr(p + 1, seps[i]))
			last = p;
		if (!last)
			continue;
		const char *tail = last + strlen(seps[i]);
		size_t words = text_count_words(tail, strlen(tail));
		/* "… the pier. Ann Smith/The Coast Post": a paper's own
		 * "Name/Paper" after the caption's last sentence or a dash */
		bool own = i >= dash_seps && words <= 8 && slash_credit(tail) &&
			   person_name_before_slash(tail);
		if (!own && (words > 6 || !names_agency(tail)))
			continue;
		/* For ". " keep the full stop with the caption. */
		const char *cut = seps[i][0] == '.' ? last + 1 : name_before(s, last);
		if (!best || cut > best)
			best = cut;
	}
	return best;
}

/* "修复后的城楼 李明 摄": the credit is the last one or two words. */
static const char *she_tail(const char *s)
{
	if (!ends_she(s))
		return NULL;
	const char *end = s + strlen(s);
	const char *sp = NULL;
	int spaces = 0;
	for (const char *p = end; p > s; p--) {
		if (p[-1] == ' ' && ++spaces <= 2) {
			sp = p - 1;
			/* "李明 摄": the name is the word before 摄 */
			if (spaces == 1 && end - p > 4)
				break;
		}
	}
	return sp && sp > s ? sp : NULL;
}

int credit_split(const char *text, char **caption, char **credit)
{
	*caption = *credit = NULL;
	if (!text)
		return 0;
	size_t len = strlen(text);
	const char *s = trim_seps(text, &len, false);
	if (!len)
		return 0;
	char *t = strndup(s, len);
	if (!t)
		return -1;
	int rc;
	const char *p;
	if (label_at(t) || (t[0] == '(' && credit_is_credit(t) &&
			    open_bracket(t, len) == t)) {
		rc = split_at(t, 0, t, len, caption, credit);
	} else if ((p = bracket_credit(t, len))) {
		rc = split_at(t, (size_t)(p - t), p, len - (size_t)(p - t),
			      caption, credit);
	} else if ((p = inner_label(t))) {
		size_t cut = (size_t)(p - t);
		/* "Caption (Photo: X)": the bracket goes with the credit. */
		if (cut && (t[cut - 1] == '(' || t[cut - 1] == '['))
			cut--;
		rc = split_at(t, cut, t + cut, len - cut, caption, credit);
	} else if ((p = she_tail(t))) {
		size_t cut = (size_t)(p - t);
		rc = split_at(t, cut, t + cut, len - cut, caption, credit);
	} else if ((p = agency_tail(t))) {
		size_t cut = (size_t)(p - t);
		rc = split_at(t, cut, t + cut, len - cut, caption, credit);
	} else {
		*caption = t;
		return 0;
	}
	free(t);
	return rc;
}
