/* feed-store.c - feeds, stories and read marks in the store's database
 * (see feed-store.h): the tables' schema, then their queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "folio/feed-store.h"
#include "folio/store-schema.h"
#include "folio/util-buf.h"

/* Schema step 3 (store-schema.h; never edit it, add a step): feeds
 * fetched with their validators, their stories, and the stories read.
 * Read marks go by the story's URL, so a story two feeds carry is read
 * in both. */
const char feed_store_schema_feeds[] =
	"CREATE TABLE feed ("
	"  url TEXT PRIMARY KEY NOT NULL,"
	"  title TEXT, etag TEXT, last_modified TEXT,"
	"  fetched INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE story ("
	"  feed TEXT NOT NULL, id TEXT NOT NULL,"
	"  url TEXT, title TEXT, author TEXT, summary TEXT, date TEXT,"
	"  published INTEGER NOT NULL DEFAULT 0,"
	"  seen INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  PRIMARY KEY(feed, id));"
	"CREATE INDEX story_url ON story(url);"
	"CREATE INDEX story_seq ON story(feed, seq);"
	"CREATE TABLE story_read ("
	"  url TEXT PRIMARY KEY NOT NULL,"
	"  read INTEGER NOT NULL);";

/* Schema step 5: why a feed's last fetch failed (NULL: it did not) and
 * when; a feed that never came has a row for it too. */
const char feed_store_schema_errors[] =
	"ALTER TABLE feed ADD COLUMN error TEXT;"
	"ALTER TABLE feed ADD COLUMN error_at INTEGER NOT NULL DEFAULT 0;";

#define PUT_BATCH 200  /* stories per write transaction */

/* Prepared once per call: these run a few times per command. */
static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Run a statement without rows; SQLITE_DONE -> 0. */
static int run(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static const char *item_key(const struct feed_item *it)
{
	return it->id ? it->id : it->link ? it->link : it->title;
}

static int put_feed_row(sqlite3 *db, const char *url, const struct feed *f,
			const char *etag, const char *lm, int64_t now)
{
	sqlite3_stmt *s = prep(db,
		"INSERT INTO feed(url,title,etag,last_modified,fetched) VALUES(?1,?2,?3,?4,?5)"
		" ON CONFLICT(url) DO UPDATE SET title=coalesce(excluded.title,title),"
		" etag=coalesce(excluded.etag,etag),"
		" last_modified=coalesce(excluded.last_modified,last_modified),"
		" fetched=excluded.fetched");
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, url);
	bind_text(s, 2, f ? f->title : NULL);
	bind_text(s, 3, etag);
	bind_text(s, 4, lm);
	sqlite3_bind_int64(s, 5, now);
	rc = run(s);
	sqlite3_finalize(s);
	return rc;
}

/* The highest seq so far, looked up once per transaction: max(seq)
 * over the whole table has no index of its own, and looked up for
 * every insert it made storing a feed quadratic in the stories. */
static int max_seq(sqlite3 *db, int64_t *seq)
{
	sqlite3_stmt *s = prep(db, "SELECT coalesce(max(seq),0) FROM story");
	int rc = s && sqlite3_step(s) == SQLITE_ROW ? 0 : -1;

	if (rc == 0)
		*seq = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc;
}

/* Items [from, to) of the feed, inserted from the last to the first,
 * so the first gets the highest seq: among stories of the same date
 * the feed's order stands. */
static int put_items(sqlite3 *db, const char *url, const struct feed *f,
		     size_t from, size_t to, int64_t now, size_t *added)
{
	sqlite3_stmt *ins = prep(db,
		"INSERT INTO story(feed,id,url,title,author,summary,date,published,seen,seq)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"
		" ON CONFLICT(feed,id) DO NOTHING");
	sqlite3_stmt *upd = prep(db,
		"UPDATE story SET url=?3,title=?4,author=?5,summary=?6,date=?7,published=?8"
		" WHERE feed=?1 AND id=?2");
	int64_t seq = 0;
	int rc = ins && upd ? max_seq(db, &seq) : -1;

	for (size_t i = to; i-- > from && rc == 0; ) {
		const struct feed_item *it = &f->items[i];
		sqlite3_stmt *s = ins;

		if (!item_key(it))
			continue;
		for (int pass = 0; pass < 2 && rc == 0; pass++, s = upd) {
			bind_text(s, 1, url);
			bind_text(s, 2, item_key(it));
			bind_text(s, 3, it->link);
			bind_text(s, 4, it->title);
			bind_text(s, 5, it->author);
			bind_text(s, 6, it->summary);
			bind_text(s, 7, it->date);
			sqlite3_bind_int64(s, 8, (int64_t)it->time);
			if (s == ins) {
				sqlite3_bind_int64(s, 9, now);
				sqlite3_bind_int64(s, 10, seq + 1);
			}
			rc = run(s);
			if (s == ins && sqlite3_changes(db) > 0) {
				(*added)++;
				seq++;
				break;
			}
		}
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	return rc;
}

static int prune(sqlite3 *db, const char *url)
{
	sqlite3_stmt *s = prep(db,
		"DELETE FROM story WHERE feed=?1 AND seq < (SELECT min(seq) FROM"
		" (SELECT seq FROM story WHERE feed=?1 ORDER BY seq DESC LIMIT ?2))");
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, url);
	sqlite3_bind_int(s, 2, FEEDSTORE_KEEP);
	rc = run(s);
	sqlite3_finalize(s);
	return rc;
}

/* One write transaction: commit when ok (0), else roll back. */
static int tx_end(sqlite3 *db, int ok)
{
	if (ok == 0 && exec(db, "COMMIT") == 0)
		return 0;
	if (!sqlite3_get_autocommit(db))
		exec(db, "ROLLBACK");
	return -1;
}

/* The stories go in transactions of PUT_BATCH, from the feed's end to
 * its start, so another folio writing meanwhile (a second --refresh, a
 * page being cached) waits for one batch, not for the whole feed.  The
 * feed's row with its validators comes last, with the pruning: only a
 * feed whose stories are all in says "not modified" next time. */
int feed_store_put(struct store *st, const char *feed_url, const struct feed *f,
		  const char *etag, const char *last_modified, int64_t now,
		  size_t *added)
{
	sqlite3 *db = store_db(st);
	size_t dummy = 0;

	if (!added)
		added = &dummy;
	*added = 0;
	if (!db || !feed_url || !f)
		return -1;
	for (size_t to = f->nitems; to > 0; ) {
		size_t from = to > PUT_BATCH ? to - PUT_BATCH : 0;
		if (exec(db, "BEGIN IMMEDIATE") != 0 ||
		    tx_end(db, put_items(db, feed_url, f, from, to, now, added)) != 0) {
			*added = 0;
			return -1;
		}
		to = from;
	}
	if (exec(db, "BEGIN IMMEDIATE") != 0)
		return -1;
	return tx_end(db, put_feed_row(db, feed_url, f, etag, last_modified, now) != 0 ||
			  prune(db, feed_url) != 0 ? -1 : 0);
}

int feed_store_touch(struct store *st, const char *feed_url, int64_t now)
{
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s = db ? prep(db, "UPDATE feed SET fetched=?2 WHERE url=?1") : NULL;
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, feed_url);
	sqlite3_bind_int64(s, 2, now);
	rc = run(s);
	sqlite3_finalize(s);
	return rc;
}

static char *col_dup(sqlite3_stmt *s, int i, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	char *d;

	if (!t)
		return NULL;
	d = strdup((const char *)t);
	if (!d)
		*oom = true;
	return d;
}

/* The text columns of one feed row: 1 with the row (each column
 * malloc'd or NULL), 0 without one, -1 on error (all NULL then). */
static int feed_row(struct store *st, const char *sql, const char *feed_url,
		    char **cols[], int ncols)
{
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s = db ? prep(db, sql) : NULL;
	bool oom = false;
	int rc;

	for (int i = 0; i < ncols; i++)
		*cols[i] = NULL;
	if (!s)
		return -1;
	bind_text(s, 1, feed_url);
	rc = sqlite3_step(s);
	for (int i = 0; rc == SQLITE_ROW && i < ncols; i++)
		*cols[i] = col_dup(s, i, &oom);
	sqlite3_finalize(s);
	if (oom || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		for (int i = 0; i < ncols; i++) {
			free(*cols[i]);
			*cols[i] = NULL;
		}
		return -1;
	}
	return rc == SQLITE_ROW;
}

int feed_store_validators_get(struct store *st, const char *feed_url,
			     char **etag, char **last_modified)
{
	char **cols[] = { etag, last_modified };
	return feed_row(st, "SELECT etag,last_modified FROM feed WHERE url=?1",
			feed_url, cols, 2);
}

static const char stories_sql[] =
	"SELECT s.feed,f.title,s.url,s.id,s.title,s.date,s.published,s.author,"
	" s.summary,r.url IS NOT NULL"
	" FROM story s LEFT JOIN feed f ON f.url=s.feed"
	" LEFT JOIN story_read r ON r.url=s.url";
static const char order_sql[] =
	" ORDER BY CASE WHEN s.published>0 THEN s.published ELSE s.seen END DESC,"
	" s.seq DESC LIMIT ?1";

/* SELECT ... WHERE s.feed IN (?2,...) for n feeds (all when n is 0). */
static char *stories_query(size_t n)
{
	size_t cap = sizeof stories_sql + sizeof order_sql + 32 + n * 12;
	char *q = malloc(cap), *p;

	if (!q)
		return NULL;
	p = q + sprintf(q, "%s", stories_sql);
	if (n) {
		p += sprintf(p, " WHERE s.feed IN (");
		for (size_t i = 0; i < n; i++)
			p += sprintf(p, "%s?%zu", i ? "," : "", i + 2);
		p += sprintf(p, ")");
	}
	sprintf(p, "%s", order_sql);
	return q;
}

static int story_row(sqlite3_stmt *s, struct story *o)
{
	bool oom = false;

	memset(o, 0, sizeof *o);
	o->feed_url = col_dup(s, 0, &oom);
	o->source = col_dup(s, 1, &oom);
	if (!o->source && !oom && o->feed_url)
		o->source = feed_list_host(o->feed_url);   /* NULL: none shown */
	o->url = col_dup(s, 2, &oom);
	o->id = col_dup(s, 3, &oom);
	o->title = col_dup(s, 4, &oom);
	o->date = col_dup(s, 5, &oom);
	o->time = sqlite3_column_int64(s, 6);
	o->author = col_dup(s, 7, &oom);
	o->summary = col_dup(s, 8, &oom);
	o->read = sqlite3_column_int(s, 9) != 0;
	return oom ? -1 : 0;
}

int feed_store_stories(struct store *st, const char *const *feed_urls, size_t n_feeds,
		      size_t limit, struct story **out, size_t *n)
{
	sqlite3 *db = store_db(st);
	char *q;
	sqlite3_stmt *s;
	struct story *v = NULL;
	size_t count = 0, cap = 0;
	int rc = SQLITE_NOMEM;

	*out = NULL;
	*n = 0;
	if (!db)
		return -1;
	if (n_feeds > 30000)
		n_feeds = 30000;   /* SQLite's parameter limit */
	q = stories_query(n_feeds);
	s = q ? prep(db, q) : NULL;
	free(q);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	for (size_t i = 0; i < n_feeds; i++)
		bind_text(s, (int)i + 2, feed_urls[i]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!BUF_GROW_ARRAY(v, cap, count + 1, 64)) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (story_row(s, &v[count]) != 0) {
			count++;
			rc = SQLITE_NOMEM;
			break;
		}
		count++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		stories_free(v, count);
		return -1;
	}
	if (!count)
		free(v);
	*out = count ? v : NULL;
	*n = count;
	return 0;
}

/* Run a read-mark change on url (?1; when as ?2): 1 a row changed,
 * 0 none, -1 error. */
static int change_mark(struct store *st, const char *sql, const char *url, int64_t when)
{
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s = db && url ? prep(db, sql) : NULL;
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, url);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int64(s, 2, when);
	rc = run(s);
	if (rc == 0)
		rc = sqlite3_changes(db) > 0;
	sqlite3_finalize(s);
	return rc;
}

int feed_store_mark_read(struct store *st, const char *url, int64_t when)
{
	return change_mark(st, "INSERT INTO story_read(url,read) SELECT ?1,?2"
			   " WHERE EXISTS(SELECT 1 FROM story WHERE url=?1)"
			   " ON CONFLICT(url) DO NOTHING", url, when);
}

int feed_store_set_error(struct store *st, const char *feed_url, const char *err,
			 int64_t now)
{
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s = db && feed_url ? prep(db, err
		? "INSERT INTO feed(url,error,error_at) VALUES(?1,?2,?3)"
		  " ON CONFLICT(url) DO UPDATE SET error=?2, error_at=?3"
		: "UPDATE feed SET error=NULL WHERE url=?1") : NULL;
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, feed_url);
	if (err) {
		bind_text(s, 2, err);
		sqlite3_bind_int64(s, 3, now);
	}
	rc = run(s);
	sqlite3_finalize(s);
	return rc;
}

int feed_store_state(struct store *st, const char *feed_url, struct feed_state *out)
{
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s = db && feed_url ? prep(db,
		"SELECT f.title, f.error, f.fetched, f.error_at,"
		" (SELECT count(*) FROM story s WHERE s.feed=f.url),"
		" (SELECT count(*) FROM story s LEFT JOIN story_read r ON r.url=s.url"
		"  WHERE s.feed=f.url AND r.url IS NULL)"
		" FROM feed f WHERE f.url=?1") : NULL;
	bool oom = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	bind_text(s, 1, feed_url);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->title = col_dup(s, 0, &oom);
		out->error = col_dup(s, 1, &oom);
		out->fetched = sqlite3_column_int64(s, 2);
		out->error_at = sqlite3_column_int64(s, 3);
		out->stories = (size_t)sqlite3_column_int64(s, 4);
		out->unread = (size_t)sqlite3_column_int64(s, 5);
	}
	sqlite3_finalize(s);
	if (oom || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		feed_state_free(out);
		return -1;
	}
	return rc == SQLITE_ROW;
}

void feed_state_free(struct feed_state *s)
{
	free(s->title);
	free(s->error);
	memset(s, 0, sizeof *s);
}

int feed_store_mark_url(struct store *st, const char *url, int64_t when)
{
	return change_mark(st, "INSERT INTO story_read(url,read) VALUES(?1,?2)"
			   " ON CONFLICT(url) DO NOTHING", url, when);
}

int feed_store_mark_unread(struct store *st, const char *url)
{
	return change_mark(st, "DELETE FROM story_read WHERE url=?1", url, 0);
}

int feed_store_is_read(struct store *st, const char *url)
{
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s = db && url ? prep(db, "SELECT 1 FROM story_read WHERE url=?1") : NULL;
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, url);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
