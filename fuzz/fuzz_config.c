/* fuzz_config.c - libFuzzer target for the settings file (config.c).
 * Run by `make fuzz`; seeds in fuzz/seeds/fuzz_config/.
 *
 * Checks the contract: every value taken is in its documented range
 * (or unset), the user agent printable ASCII, images one of the modes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "folio/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	config_init(&c);
	int warnings = config_parse(&c, (const char *)data, size, "fuzz", NULL);
	CHECK(warnings >= -1);
	CHECK(c.width == 0 || (c.width >= 1 && c.width <= 1000));
	CHECK(c.color >= -1 && c.color <= 1 && c.mouse >= -1 && c.mouse <= 1);
	CHECK(c.cache_mb == -1 || (c.cache_mb >= 0 && c.cache_mb <= 1000000));
	CHECK(c.timeout_s == 0 || (c.timeout_s >= 1 && c.timeout_s <= 3600));
	if (c.user_agent)
		for (const char *p = c.user_agent; *p; p++)
			CHECK(*p >= 0x20 && *p < 0x7f);
	CHECK(memchr(c.images, '\0', sizeof c.images));
	if (c.images[0]) {
		static const char *const modes[] = { "auto", "symbols", "sixel", "kitty",
						     "iterm", "none" };
		int known = 0;
		for (int i = 0; i < 6; i++)
			known |= strcmp(c.images, modes[i]) == 0;
		CHECK(known);
	}
	config_free(&c);
	return 0;
}
