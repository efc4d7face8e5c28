/* dom.h - small helpers over libxml2's HTML tree, shared by the
 * extraction stages.  None of them recurses per tree level: pages can
 * nest 100 000 elements deep. */
#ifndef FOLIO_DOM_H
#define FOLIO_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <libxml/tree.h>

/* The two helpers below run for every node of every walk (millions of
 * calls on a large page), so they are inline. */

/* Next node in document order below root (pre-order), or NULL.
 * With skip_children the subtree of node is skipped. */
static inline xmlNodePtr dom_next(xmlNodePtr node, xmlNodePtr root, bool skip_children)
{
	if (!node)
		return NULL;
	if (!skip_children && node->children &&
	    node->type != XML_ENTITY_REF_NODE && node->type != XML_ATTRIBUTE_NODE)
		return node->children;
	while (node && node != root) {
		if (node->next)
			return node->next;
		node = node->parent;
	}
	return NULL;
}

/* Is node the element <name>?  name is lower-case, as libxml2 makes
 * HTML tag names; the first letter is compared before the call. */
static inline bool dom_is(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && node->name &&
	       node->name[0] == (unsigned char)name[0] &&
	       strcmp((const char *)node->name, name) == 0;
}

/* Is node one of the elements names[] (NULL-terminated, lower-case)? */
static inline bool dom_is_any(xmlNodePtr node, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (dom_is(node, names[i]))
			return true;
	return false;
}

/* Lower-case element name ("" for non-elements). libxml2 already
 * lower-cases HTML tag names. */
const char *dom_name(xmlNodePtr node);

/* Attribute value, cleaned (controls stripped, whitespace collapsed),
 * malloc'd; NULL when absent or empty. */
char *dom_attr(xmlNodePtr node, const char *name);
/* Raw attribute pointer valid while the doc lives; NULL when absent. */
const char *dom_attr_raw(xmlNodePtr node, const char *name);

/* Several raw attributes in one pass over the attribute list: values[i]
 * for names[i] (a NULL-terminated list), NULL when absent. */
void dom_attrs(xmlNodePtr node, const char *const *names, const char **values);

/* Is node an element whose content is never reading text
 * (script, style, noscript, template)? */
static inline bool dom_invisible(xmlNodePtr node)
{
	/* inline: every text walk asks it of every node */
	if (node->type != XML_ELEMENT_NODE || !node->name)
		return false;
	const char *name = (const char *)node->name;
	switch (name[0]) {
	case 's':
		return strcmp(name, "script") == 0 || strcmp(name, "style") == 0;
	case 'n':
		return strcmp(name, "noscript") == 0;
	case 't':
		return strcmp(name, "template") == 0;
	default:
		return false;
	}
}

/* Does an inline style hide the element: "display:none" or
 * "visibility:hidden", with any spacing and ASCII case? */
bool dom_style_hides(const char *style);

/* Hidden from every reader: the hidden attribute, aria-hidden="true" or
 * an inline style that hides it. */
bool dom_hidden(xmlNodePtr node);

/* An element that breaks a line of text (p, div, li, br, h1..h6, td,
 * section, ...): its edges separate words and paragraphs. */
bool dom_breaks_line(xmlNodePtr node);

/* All text below node, cleaned, malloc'd ("" when none, NULL on OOM).
 * dom_invisible elements' contents are left out. */
char *dom_text(xmlNodePtr node);

/* dom_text, but NULL as soon as the cleaned text would be longer than
 * max bytes: a cheap test for "a short line" that does not read a whole
 * page's text out of a large container. */
char *dom_text_max(xmlNodePtr node, size_t max);

/* The first max bytes of dom_text (cut at a character's start): how a
 * block opens, read without reading a long one through. */
char *dom_text_head(xmlNodePtr node, size_t max);

/* Could dom_text(node) be more than ""?  False when no text below node
 * (outside dom_invisible elements) holds a byte above ' ': a walk with
 * no copy, for "has this box any text" on boxes that mostly have none
 * (true does not promise text: a no-break space alone or an escape
 * sequence is cleaned away). */
bool dom_may_have_text(xmlNodePtr node);

/* First element below root (document order) with this tag, or NULL. */
xmlNodePtr dom_find(xmlNodePtr root, const char *name);

/* The document's base for relative URLs: <base href> resolved against
 * doc_url when present, else doc_url.  malloc'd or NULL. */
char *dom_base_url(xmlDocPtr doc, const char *doc_url);

#endif
