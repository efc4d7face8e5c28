/* meta-jsonld.c - schema.org JSON-LD: headline, authors, date, publisher and
 * the image with its caption and credit.
 *
 * Real pages break JSON in a few predictable ways, so each script is
 * first cleaned (jsonld_clean) and then parsed with jansson value by
 * value; a script that still fails is skipped, never the page. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "folio/dom.h"
#include "folio/meta-jsonld.h"
#include "folio/meta-text.h"
#include "folio/text.h"
#include "folio/util-ascii.h"

#define MAX_DEPTH 48    /* JSON nesting we look into; deeper is junk */
#define MAX_AUTHORS 12
#define MAX_AUTHOR_ENTRIES (2 * MAX_AUTHORS)     /* of an author list read */

void jsonld_meta_free(struct jsonld_meta *m)
{
	free(m->headline);
	free(m->author);
	free(m->published);
	free(m->page_published);
	free(m->publisher);
	free(m->image_url);
	free(m->image_caption);
	free(m->image_credit);
	memset(m, 0, sizeof *m);
}

/* ---- cleaning ---- */

/* Wrappers that sit around or between JSON values in script text. */
static size_t skip_wrapper(const char *s, size_t n)
{
	static const char *const w[] = {
		"<![CDATA[", "]]>", "<!--", "-->", NULL
	};
	for (int i = 0; w[i]; i++) {
		size_t k = strlen(w[i]);
		if (n >= k && !memcmp(s, w[i], k))
			return k;
	}
	if (n >= 2 && s[0] == '/' && s[1] == '/') {     /* line comment */
		size_t k = 2;
		while (k < n && s[k] != '\n')
			k++;
		return k;
	}
	if (n >= 2 && s[0] == '/' && s[1] == '*') {     /* block comment */
		const char *e = memmem(s + 2, n - 2, "*/", 2);
		return e ? (size_t)(e - s) + 2 : n;
	}
	return 0;
}

static bool is_hex4(const char *s, size_t n)
{
	if (n < 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (!ascii_isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* Remove a ',' (and the blanks after it) at the end of out. */
static void drop_trailing_comma(char *out, size_t *o)
{
	size_t k = *o;
	while (k && ascii_isspace((unsigned char)out[k - 1]))
		k--;
	if (k && out[k - 1] == ',')
		*o = k - 1;
}

char *jsonld_clean(const char *s, size_t n, size_t *outlen)
{
	char *out = malloc(2 * n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	bool in_str = false;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (!in_str) {
			size_t w = skip_wrapper(s + i, n - i);
			if (w) {
				i += w;
				continue;
			}
			if (c == '}' || c == ']')
				drop_trailing_comma(out, &o);
			if (c == '"')
				in_str = true;
			out[o++] = (char)c;
			i++;
			continue;
		}
		if (c == '"') {
			in_str = false;
			out[o++] = '"';
			i++;
		} else if (c == '\\' && i + 1 < n) {
			char e = s[i + 1];
			if (strchr("\"\\/bfnrt", e) ||
			    (e == 'u' && is_hex4(s + i + 2, n - i - 2))) {
				out[o++] = '\\';
				out[o++] = e;
			} else {
				out[o++] = e;   /* "\'" and friends: keep the char */
			}
			i += 2;
		} else if (c == '\\') {
			i++;
		} else if (c < 0x20) {
			/* Raw newline/tab inside a string: a space reads the same. */
			out[o++] = ' ';
			i++;
		} else {
			out[o++] = (char)c;
			i++;
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* ---- values to plain text ---- */

/* Decode the entities that show up in JSON-LD strings and drop tags,
 * then clean.  malloc'd; NULL when empty. */
static char *plain(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '<' && (ascii_isalpha((unsigned char)s[i + 1]) ||
				    s[i + 1] == '/' || s[i + 1] == '!')) {
			const char *e = strchr(s + i, '>');
			if (e) {
				out[o++] = ' ';
				i = (size_t)(e - s) + 1;
				continue;
			}
		}
		out[o++] = s[i++];
	}
	out[o] = '\0';
	size_t len = text_clean(out, meta_decode_refs(out));
	out[len] = '\0';
	if (!len) {
		free(out);
		return NULL;
	}
	return out;
}

static bool looks_like_url(const char *s)
{
	return !ascii_ncasecmp(s, "http://", 7) || !ascii_ncasecmp(s, "https://", 8) ||
	       !strncmp(s, "//", 2) || !ascii_ncasecmp(s, "www.", 4);
}

/* Type name without a schema.org prefix. */
static const char *bare_type(const char *t)
{
	const char *slash = strrchr(t, '/');
	const char *colon = strrchr(t, ':');
	if (slash)
		t = slash + 1;
	else if (colon)
		t = colon + 1;
	return t;
}

static bool type_matches(json_t *obj, bool (*pred)(const char *))
{
	json_t *t = json_object_get(obj, "@type");
	if (json_is_string(t))
		return pred(bare_type(json_string_value(t)));
	size_t i;
	json_t *v;
	json_array_foreach(t, i, v)
		if (json_is_string(v) && pred(bare_type(json_string_value(v))))
			return true;
	return false;
}

static bool is_article_type(const char *t)
{
	size_t n = strlen(t);
	return (n >= 7 && !strcmp(t + n - 7, "Article")) ||
	       strstr(t, "Posting") || !strcmp(t, "Report");
}

/* A page of stories: a front or section page, a blog's index, search results. */
static bool is_list_type(const char *t)
{
	return !strcmp(t, "CollectionPage") || !strcmp(t, "ItemList") ||
	       !strcmp(t, "SearchResultsPage") || !strcmp(t, "Blog");
}

/* WebPage and its kinds (ItemPage, AboutPage, FAQPage …), not the
 * lists (CollectionPage, SearchResultsPage: page-kind.h). */
static bool is_page_type(const char *t)
{
	size_t n = strlen(t);
	return n >= 4 && !strcmp(t + n - 4, "Page") && !is_list_type(t);
}

static bool is_org_type(const char *t)
{
	return strstr(t, "Organization") || strstr(t, "Organisation") ||
	       !strcmp(t, "Corporation") || !strcmp(t, "NewsMediaOrganization");
}

static bool is_person_type(const char *t)
{
	return !strcmp(t, "Person");
}

static const char *str_field(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (json_is_array(v) && json_array_size(v))
		v = json_array_get(v, 0);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Name of a thing given as "text" or {"name": ...}. */
static const char *name_of(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v)) {
		const char *n = str_field(v, "name");
		if (!n)
			n = str_field(v, "alternateName");
		return n;
	}
	return NULL;
}

/* Fill *dst with a cleaned copy of src when *dst is unset. */
static void take(char **dst, const char *src)
{
	if (*dst || !src)
		return;
	/* plain() gives NULL for a blank value and on OOM alike; either
	 * way the field stays unknown, which is safe. */
	*dst = plain(src);
	return;
}

/* ---- authors ---- */

struct names {
	char *v[MAX_AUTHORS];
	size_t n;
};

static void names_add(struct names *ns, const char *raw)
{
	if (!raw || ns->n == MAX_AUTHORS || looks_like_url(raw))
		return;
	char *p = plain(raw);
	if (!p)
		return;
	for (size_t i = 0; i < ns->n; i++)
		if (!ascii_casecmp(ns->v[i], p)) {
			free(p);
			return;
		}
	ns->v[ns->n++] = p;
}

static void names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	ns->n = 0;
}

/* "A", "A and B", "A, B and C". */
static char *names_join(const struct names *ns)
{
	size_t len = 1;
	for (size_t i = 0; i < ns->n; i++)
		len += strlen(ns->v[i]) + 5;
	char *out = malloc(len);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < ns->n; i++) {
		if (i)
			strcat(out, i + 1 == ns->n ? " and " : ", ");
		strcat(out, ns->v[i]);
	}
	return out;
}

/* The object a reference {"@id": X} stands for: Yoast and others list
 * the Person, the ImageObject and the Article side by side in @graph
 * and link them by @id.  Looked for in root, an array of it, or its
 * @graph (pages nest no deeper).  v itself when it is no reference. */
static json_t *resolve(json_t *root, json_t *v, int depth)
{
	const char *id = json_is_object(v) && !json_object_get(v, "name") &&
			 !json_object_get(v, "url") ? str_field(v, "@id") : NULL;
	if (!id || !root || depth > 2)
		return v;
	if (json_is_object(root)) {
		const char *rid = str_field(root, "@id");
		if (root != v && rid && !strcmp(rid, id))
			return root;
		json_t *g = json_object_get(root, "@graph");
		json_t *hit = g ? resolve(g, v, depth + 1) : v;
		return hit;
	}
	size_t i;
	json_t *e;
	json_array_foreach(root, i, e) {
		json_t *hit = resolve(e, v, depth + 1);
		if (hit != v)
			return hit;
	}
	return v;
}

static void add_author(json_t *root, json_t *v, struct names *people,
		       struct names *orgs)
{
	v = resolve(root, v, 0);
	if (json_is_string(v)) {
		names_add(people, json_string_value(v));
	} else if (json_is_object(v)) {
		/* ["Person", "Organization"]: a personal site's owner */
		bool org = type_matches(v, is_org_type) && !type_matches(v, is_person_type);
		names_add(org ? orgs : people, name_of(v));
	}
}

static int take_authors(json_t *root, json_t *art, struct jsonld_meta *m)
{
	json_t *a = json_object_get(art, "author");
	if (!a)
		a = json_object_get(art, "creator");
	struct names people = {0}, orgs = {0};
	if (json_is_array(a)) {
		/* Each entry may be a reference looked up in the whole
		 * @graph: only the first MAX_AUTHOR_ENTRIES, or a page of
		 * references to no one is quadratic. */
		size_t n = json_array_size(a);
		for (size_t i = 0; i < n && i < MAX_AUTHOR_ENTRIES; i++)
			add_author(root, json_array_get(a, i), &people, &orgs);
	} else {
		add_author(root, a, &people, &orgs);
	}
	int rc = 0;
	struct names *use = people.n ? &people : &orgs;
	if (use->n) {
		m->author = names_join(use);
		m->author_org = !people.n;
		rc = m->author ? 0 : -1;
	}
	names_free(&people);
	names_free(&orgs);
	return rc;
}

/* ---- image ---- */

static void take_image(json_t *root, json_t *img, struct jsonld_meta *m)
{
	if (json_is_array(img))
		img = json_array_get(img, 0);
	img = resolve(root, img, 0);
	if (json_is_string(img)) {
		take(&m->image_url, json_string_value(img));
		return;
	}
	if (!json_is_object(img))
		return;
	const char *url = str_field(img, "url");
	if (!url)
		url = str_field(img, "contentUrl");
	take(&m->image_url, url);
	take(&m->image_caption, str_field(img, "caption"));
	const char *credit = str_field(img, "creditText");
	if (!credit)
		credit = name_of(json_object_get(img, "copyrightHolder"));
	if (!credit)
		credit = name_of(json_object_get(img, "author"));
	if (!credit)
		credit = name_of(json_object_get(img, "creator"));
	take(&m->image_credit, credit);
}

static int take_article(json_t *root, json_t *art, struct jsonld_meta *m)
{
	m->found = true;
	const char *h = str_field(art, "headline");
	take(&m->headline, h ? h : str_field(art, "name"));
	take(&m->published, str_field(art, "datePublished"));
	take(&m->publisher, name_of(resolve(root, json_object_get(art, "publisher"), 0)));
	json_t *img = json_object_get(art, "image");
	take_image(root, img, m);
	if (!m->image_url)
		take(&m->image_url, str_field(art, "thumbnailUrl"));
	if (!m->author)
		return take_authors(root, art, m);
	return 0;
}

/* Look for the article object: the value itself, array members, @graph,
 * mainEntity.  Only those paths: an article's "hasPart" or a list of
 * related stories must not lend its headline. */
static int visit(json_t *root, json_t *v, int depth, struct jsonld_meta *m)
{
	if (depth > MAX_DEPTH || m->found)
		return 0;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			if (visit(root, e, depth + 1, m) < 0)
				return -1;
		return 0;
	}
	if (!json_is_object(v))
		return 0;
	if (type_matches(v, is_article_type))
		return take_article(root, v, m);
	if (type_matches(v, is_page_type))   /* Yoast dates the post's WebPage */
		take(&m->page_published, str_field(v, "datePublished"));
	if (type_matches(v, is_list_type))
		m->list_page = true;
	static const char *const keys[] = {"@graph", "mainEntity", NULL};
	for (int i = 0; keys[i]; i++) {
		json_t *c = json_object_get(v, keys[i]);
		if (c && visit(root, c, depth + 1, m) < 0)
			return -1;
	}
	return 0;
}

int jsonld_parse(const char *text, size_t len, struct jsonld_meta *m)
{
	size_t n;
	char *buf = jsonld_clean(text, len, &n);
	if (!buf)
		return -1;
	int rc = 0;
	size_t pos = 0;
	int misses = 0;     /* bounded retries keep a broken script linear */
	while (pos < n && rc == 0 && !m->found && misses < 8) {
		while (pos < n && buf[pos] != '{' && buf[pos] != '[')
			pos++;
		if (pos >= n)
			break;
		json_error_t err;
		json_t *root = json_loadb(buf + pos, n - pos,
					  JSON_DISABLE_EOF_CHECK, &err);
		if (!root) {
			pos++;  /* not a value here: look for the next one */
			misses++;
			continue;
		}
		rc = visit(root, root, 0, m);
		json_decref(root);
		pos += err.position ? (size_t)err.position : 1;
	}
	free(buf);
	return rc;
}

int jsonld_script(xmlNodePtr n, struct jsonld_meta *m)
{
	if (m->found || !dom_is(n, "script"))
		return 0;
	const char *type = dom_attr_raw(n, "type");
	if (!type || !ascii_casestr(type, "ld+json"))
		return 0;
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return 0;
	int rc = jsonld_parse((const char *)t, strlen((const char *)t), m);
	xmlFree(t);
	return rc;
}

int jsonld_collect(xmlDocPtr doc, struct jsonld_meta *m)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root; n && !m->found; n = dom_next(n, root, false))
		if (jsonld_script(n, m) < 0)
			return -1;
	return 0;
}
