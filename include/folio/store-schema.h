/* store-schema.h - schema steps kept beside the queries of the tables
 * they make, in modules above store.c.  store.c runs every step once,
 * in its list's order, counted by the database's user_version; a step
 * that has shipped is never edited: a change is a new step. */
#ifndef FOLIO_STORE_SCHEMA_H
#define FOLIO_STORE_SCHEMA_H

/* Step 3 (feed-store.c): the tables "feed", "story", "story_read". */
extern const char feed_store_schema_feeds[];
/* Step 5 (feed-store.c): each feed's last fetch error. */
extern const char feed_store_schema_errors[];

#endif
