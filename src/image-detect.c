/* image-detect.c - terminal -> picture mode (see image-detect.h). */
#include "folio/image-detect.h"

#include <stdbool.h>
#include <string.h>

#include "folio/image-chafa.h"

/* The value of NAME in envp, or NULL. */
static const char *env_get(char *const *envp, const char *name)
{
	size_t n = strlen(name);
	for (; envp && *envp; envp++)
		if (!strncmp(*envp, name, n) && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

static bool starts(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

static bool multiplexed(char *const *envp)
{
	const char *term = env_get(envp, "TERM"), *tmux = env_get(envp, "TMUX");
	return (tmux && *tmux) || starts(term, "tmux") || starts(term, "screen");
}

/* Terminals chafa 1.12's database does not know yet. */
static bool kitty_protocol(char *const *envp)
{
	const char *id = env_get(envp, "KITTY_WINDOW_ID");
	const char *term = env_get(envp, "TERM");
	const char *prog = env_get(envp, "TERM_PROGRAM");
	return (id && *id) || starts(term, "xterm-ghostty") ||
	       (prog && !strcmp(prog, "ghostty"));
}

/* Without libchafa no picture can be drawn: none. */
static enum image_mode from_term_db(char *const *envp)
{
	static char *const no_env[] = { NULL };
	const struct image_chafa *chafa = image_chafa();
	if (!chafa)
		return IMAGE_MODE_NONE;
	ChafaTermDb *db = chafa->term_db_get_default();
	ChafaTermInfo *ti = chafa->term_db_detect(db, envp ? (gchar **)envp
							   : (gchar **)no_env);
	enum image_mode m = IMAGE_MODE_SYMBOLS;
	if (chafa->term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1))
		m = IMAGE_MODE_KITTY;
	else if (chafa->term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_ITERM2_IMAGE))
		m = IMAGE_MODE_ITERM;
	else if (chafa->term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_SIXELS))
		m = IMAGE_MODE_SIXEL;
	chafa->term_info_unref(ti);
	return m;
}

int image_setting_valid(const char *setting)
{
	return !setting || !strcmp(setting, "auto") ||
	       image_mode_from_name(setting) >= 0;
}

int image_detect(const char *setting, char *const *envp)
{
	if (!image_setting_valid(setting))
		return -1;
	if (setting && strcmp(setting, "auto") != 0)
		return image_mode_from_name(setting);
	if (multiplexed(envp))
		return IMAGE_MODE_SYMBOLS;
	if (kitty_protocol(envp))
		return IMAGE_MODE_KITTY;
	return from_term_db(envp);
}

enum image_palette image_palette_for(int colors)
{
	if (colors >= 1 << 24)
		return IMAGE_PALETTE_RGB;
	if (colors >= 256)
		return IMAGE_PALETTE_240;
	if (colors >= 16)
		return IMAGE_PALETTE_16;
	if (colors >= 8)
		return IMAGE_PALETTE_8;
	return IMAGE_PALETTE_NONE;
}

int image_detect_ask(const char *setting, char *const *envp)
{
	const char *term = env_get(envp, "TERM");
	return (!setting || !strcmp(setting, "auto")) && !multiplexed(envp) &&
	       term && strcmp(term, "dumb") && strcmp(term, "linux") &&
	       image_detect(setting, envp) == IMAGE_MODE_SYMBOLS;
}

const char image_query[] = "\033_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\033\\"
			   "\033[c";

/* Where the device attributes' answer "ESC [ ? Ps ; ... c" starts, and
 * its end ('c'), or NULL. */
static const char *da1_reply(const char *b, size_t len, const char **end)
{
	for (size_t i = 0; i + 2 < len; i++) {
		if (b[i] != '\033' || b[i + 1] != '[' || b[i + 2] != '?')
			continue;
		size_t k = i + 3;
		while (k < len && ((b[k] >= '0' && b[k] <= '9') || b[k] == ';'))
			k++;
		if (k < len && b[k] == 'c') {
			*end = b + k;
			return b + i + 3;
		}
	}
	return NULL;
}

static bool has_attribute(const char *p, const char *end, long want)
{
	while (p < end) {
		long n = 0;
		while (p < end && *p >= '0' && *p <= '9' && n < 100000)
			n = n * 10 + (*p++ - '0');
		if (n == want)
			return true;
		while (p < end && *p != ';')
			p++;
		p++;
	}
	return false;
}

int image_detect_replies(const char *bytes, size_t len)
{
	static const char kitty_ok[] = "\033_Gi=31;OK";
	const char *end, *da1 = da1_reply(bytes, len, &end);
	if (!da1)
		return -1;
	if (memmem(bytes, (size_t)(da1 - bytes), kitty_ok, sizeof kitty_ok - 1))
		return IMAGE_MODE_KITTY;
	return has_attribute(da1, end, 4) ? IMAGE_MODE_SIXEL : IMAGE_MODE_SYMBOLS;
}
