/* extract-all.c - a page's whole text as plain paragraphs (see
 * extract-all.h). */
#include "folio/extract-all.h"

#include <stdlib.h>

#include "folio/dom.h"
#include "folio/text.h"
#include "folio/util-buf.h"

/* The paragraph gathered so far becomes a block (when it holds any
 * text once cleaned); the buffer starts afresh. */
static bool flush(struct article *a, struct buf *b)
{
	if (b->oom)
		return false;
	size_t n = b->len ? text_clean(b->data, b->len) : 0;
	bool ok = n == 0 || article_add_block(a, BLOCK_P, b->data, n) != NULL;
	b->len = 0;
	return ok;
}

/* The node after n in document order below root, flushing at the end of
 * every block element left on the way up. */
static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr root, bool skip_children,
			    struct article *a, struct buf *b, bool *ok)
{
	if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (dom_breaks_line(n))
			*ok = flush(a, b) && *ok;
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* Walk root's subtree (iteratively: pages nest deep), text into
 * paragraphs. */
static bool walk(xmlNodePtr root, struct article *a, struct buf *b)
{
	bool ok = true;
	for (xmlNodePtr n = root->children; n && ok;) {
		bool skip = dom_invisible(n);
		if (n->type == XML_ELEMENT_NODE && !skip && dom_breaks_line(n))
			ok = flush(a, b);
		else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
			 n->content)
			buf_str(b, (const char *)n->content);
		n = next_node(n, root, skip, a, b, &ok);
	}
	return flush(a, b) && ok;
}

static bool set_title(struct article *a, xmlNodePtr root)
{
	xmlNodePtr t = dom_find(root, "title");
	char *title = t ? dom_text(t) : NULL;
	bool ok = !t || title;
	if (title && *title)
		ok = article_set(&a->title, title) == 0;
	free(title);
	return ok;
}

enum status_code extract_all_text(xmlDocPtr doc, const char *base_url,
				  struct article **out, const char **why)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNodePtr body = root ? dom_find(root, "body") : NULL;
	struct article *a = article_new();
	struct buf b = { 0 };

	*out = NULL;
	if (!a)
		return STATUS_INPUT;
	bool ok = (!base_url || article_set(&a->url, base_url) == 0) &&
		  (!root || set_title(a, root)) &&
		  (!root || walk(body ? body : root, a, &b));
	buf_free(&b);
	if (!ok) {
		article_free(a);
		*why = "out of memory";
		return STATUS_INPUT;
	}
	if (!a->nblocks) {
		article_free(a);
		*why = "the page holds no text";
		return STATUS_NO_ARTICLE;
	}
	*out = a;
	return STATUS_OK;
}
