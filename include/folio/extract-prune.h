/* extract-prune.h - boilerplate that only shows once the article is
 * text: blocks dropped from an emitted article by their words and
 * their place (an advertisement label, the links that trail an
 * article).  Pure: works on struct article, no DOM, no I/O.
 * doc/extraction.md, "Body", step 8b says why each rule exists. */
#ifndef FOLIO_EXTRACT_PRUNE_H
#define FOLIO_EXTRACT_PRUNE_H

#include <stdbool.h>
#include "folio/article.h"

/* Is text (len bytes) nothing but an advertisement label
 * ("Anzeige", "- Advertisement -", "REKLAMA"), in any case? */
bool prune_is_ad_label(const char *text, size_t len);

/* Is text (len bytes) a picture's credit on a line of its own: a
 * credit label and a colon ("Foto: Name", "Crédits photos : Agence",
 * "© Bild: Werk"), in any case, under 120 code points? */
bool prune_is_credit_line(const char *text, size_t len);

/* Drop the article's boilerplate blocks: advertisement labels (with
 * the link line of the ad right after one), and the run of short link
 * lines (and the heading over them) that trails the article.  Returns
 * false only when out of memory (the article is then unchanged). */
bool prune_article(struct article *a);

#endif
