/* page_kind - how folio classifies HTML files (for doc/extraction.md's
 * table and for tuning): one line per file,
 *   KIND stories=N grouped=N cards=N prose=N text=N links=N long=N og=.. ld=.. md=.. why  FILE
 * usage: page_kind [--url BASE] FILE...   (exit 0) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "folio/dom.h"
#include "folio/extract.h"
#include "folio/page-kind.h"
#include "folio/page-stories.h"
#include "folio/util-file.h"

static void one(const char *path, const char *base, int verbose)
{
	char *bytes = NULL;
	size_t len = 0;
	const char *why = NULL;
	struct extract_input in = { .base_url = base };
	struct page_stories s;
	struct page_signals sig;
	xmlDocPtr doc;

	if (file_read_path(path, 0, &bytes, &len) != 0) {
		printf("unreadable %s\n", path);
		return;
	}
	in.bytes = bytes;
	in.len = len;
	doc = extract_parse(&in, &why);
	char *b = doc ? dom_base_url(doc, base) : NULL;
	if (!doc || page_stories_find(doc, b, &s) != 0) {
		printf("error %s\n", path);
	} else {
		enum page_kind k = page_kind_decide(doc, &s, &sig);
		printf("%s stories=%zu grouped=%zu cards=%zu prose=%zu text=%zu links=%zu long=%zu h1=%d after=%zu"
		       " og=%s ld=%s md=%d body=%d why=\"%s\" %s\n",
		       k == PAGE_LIST ? "LIST" : "article", sig.stories, sig.grouped,
		       sig.card_letters, sig.prose_letters, sig.text_letters, sig.link_letters,
		       sig.long_teasers, sig.headline, sig.prose_after_headline, sig.og_single ? "single" : sig.og_website ? "website" : "-",
		       sig.ld_article ? "article" : sig.ld_list ? "list" : "-", sig.md_article, sig.single_template,
		       sig.why, path);
		for (size_t i = 0; verbose && i < s.n; i++)
			printf("   %zu. [%zu] %s <%s> | %s | %s | %s\n", i + 1, s.v[i].siblings,
			       s.v[i].title, s.v[i].url, s.v[i].summary ? s.v[i].summary : "-",
			       s.v[i].published ? s.v[i].published : "-",
			       s.v[i].section ? s.v[i].section : "-");
		page_stories_free(&s);
	}
	if (doc)
		xmlFreeDoc(doc);
	free(b);
	free(bytes);
}

int main(int argc, char **argv)
{
	const char *base = "https://example.org/";
	int verbose = 0, i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--url") == 0 && i + 1 < argc)
			base = argv[++i];
		else if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
	}
	for (; i < argc; i++)
		one(argv[i], base, verbose);
	return 0;
}
