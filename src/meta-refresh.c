/* meta-refresh.c - <meta http-equiv="refresh"> from the DOM (see
 * meta-refresh.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "folio/dom.h"
#include "folio/meta-refresh.h"
#include "folio/util-ascii.h"
#include "folio/util-url.h"

#define MAX_DELAY 100000L

static const char *skip_space(const char *p)
{
	while (ascii_isspace((unsigned char)*p))
		p++;
	return p;
}

/* After the delay: [ws] [;|,] [ws] [URL [ws] = [ws]] ['|"] TARGET['|"]. */
static long read_target(const char *p, long delay, const char **target, size_t *len)
{
	char quote = 0;
	const char *end;
	p = skip_space(p);
	if (*p == ';' || *p == ',')
		p = skip_space(p + 1);
	if (!*p)
		return -1;              /* a refresh of the page itself */
	if (ascii_ncasecmp(p, "url", 3) == 0) {
		const char *q = skip_space(p + 3);
		if (*q == '=')
			p = skip_space(q + 1);
	}
	if (*p == '"' || *p == '\'')
		quote = *p++;
	end = quote && strchr(p, quote) ? strchr(p, quote) : p + strlen(p);
	while (end > p && ascii_isspace((unsigned char)end[-1]))
		end--;
	if (end == p)
		return -1;
	*target = p;
	*len = (size_t)(end - p);
	return delay;
}

long meta_refresh_parse(const char *content, const char **target, size_t *target_len)
{
	const char *p;
	long delay = 0;
	bool digits = false;
	if (!content)
		return -1;
	p = skip_space(content);
	for (; ascii_isdigit((unsigned char)*p); p++) {
		digits = true;
		if (delay < MAX_DELAY)
			delay = delay * 10 + (*p - '0');
	}
	if (!digits && *p != '.')
		return -1;
	while (ascii_isdigit((unsigned char)*p) || *p == '.')
		p++;                    /* a fraction counts for nothing */
	if (*p && *p != ';' && *p != ',' && !ascii_isspace((unsigned char)*p))
		return -1;
	return read_target(p, delay > MAX_DELAY ? MAX_DELAY : delay, target, target_len);
}

/* The resolved http(s) target of one refresh element, or NULL. */
static char *element_target(xmlNodePtr n, const char *base, long max_delay_s, bool *seen)
{
	const char *equiv = dom_attr_raw(n, "http-equiv");
	const char *content = dom_attr_raw(n, "content"), *t;
	size_t len;
	char *href, *url = NULL;
	if (!equiv || ascii_casecmp(equiv, "refresh") != 0)
		return NULL;
	long delay = meta_refresh_parse(content, &t, &len);
	if (delay < 0)
		return NULL;
	*seen = true;
	if (delay > max_delay_s || !(href = strndup(t, len)))
		return NULL;
	url = url_resolve(base, href);
	free(href);
	if (url && !url_is_http(url)) {
		free(url);
		url = NULL;
	}
	return url;
}

char *meta_refresh(xmlDocPtr doc, const char *doc_url, long max_delay_s)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	char *base = NULL, *url = NULL;
	bool seen = false;
	for (xmlNodePtr n = root; n && !seen; n = dom_next(n, root, false)) {
		if (!dom_is(n, "meta"))
			continue;
		if (!base && !(base = dom_base_url(doc, doc_url)) && doc_url)
			break;          /* out of memory */
		url = element_target(n, base, max_delay_s, &seen);
	}
	free(base);
	return url;
}
