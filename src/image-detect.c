/* image-detect.c - terminal -> picture mode (see image-detect.h). */
#include "folio/image-detect.h"

#include <stdbool.h>
#include <string.h>

#include <chafa.h>

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

static enum image_mode from_term_db(char *const *envp)
{
	static char *const no_env[] = { NULL };
	ChafaTermDb *db = chafa_term_db_get_default();
	ChafaTermInfo *ti = chafa_term_db_detect(db, envp ? (gchar **)envp
							  : (gchar **)no_env);
	enum image_mode m = IMAGE_MODE_SYMBOLS;
	if (chafa_term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1))
		m = IMAGE_MODE_KITTY;
	else if (chafa_term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_ITERM2_IMAGE))
		m = IMAGE_MODE_ITERM;
	else if (chafa_term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_SIXELS))
		m = IMAGE_MODE_SIXEL;
	chafa_term_info_unref(ti);
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
