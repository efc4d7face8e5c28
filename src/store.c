/* store.c - history, cache and saved list in one SQLite database; the
 * schema steps of every table in it (store-schema.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "folio/store-schema.h"
#include "folio/util-buf.h"
#include "folio/util-xdg.h"

/* Each entry moves the schema one version up; user_version records how
 * many have run.  Never edit a shipped entry: append a new one. */
static const char *const migrations[] = {
	/* 1: the first schema.  "seq" and "used" are counters rather than
	 * times so that order is exact even within one second. */
	"CREATE TABLE history ("
	"  url TEXT PRIMARY KEY NOT NULL,"
	"  title TEXT, site TEXT,"
	"  opened INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  opens INTEGER NOT NULL DEFAULT 1,"
	"  pos_block INTEGER NOT NULL DEFAULT 0,"
	"  pos_offset INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_seq ON history(seq);"
	"CREATE TABLE cache ("
	"  url TEXT PRIMARY KEY NOT NULL,"
	"  size INTEGER NOT NULL,"
	"  used INTEGER NOT NULL,"
	"  fetched INTEGER NOT NULL,"
	"  final_url TEXT, content_type TEXT, charset TEXT,"
	"  etag TEXT, last_modified TEXT,"
	"  body BLOB NOT NULL);"   /* last: scans of size/used skip it */
	"CREATE INDEX cache_used ON cache(used);"
	"CREATE TABLE saved ("
	"  url TEXT PRIMARY KEY NOT NULL,"
	"  title TEXT, site TEXT,"
	"  saved INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  article TEXT NOT NULL,"
	"  html BLOB NOT NULL);",
	/* 2: page bytes apart from the cache's bookkeeping, because SQLite
	 * rewrites a whole row on UPDATE: marking a page used must not
	 * copy its 300 KB.  Dropping the old cache only costs refetches. */
	"DROP TABLE cache;"
	"CREATE TABLE cache ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT UNIQUE NOT NULL,"
	"  size INTEGER NOT NULL,"
	"  used INTEGER NOT NULL,"
	"  fetched INTEGER NOT NULL,"
	"  final_url TEXT, content_type TEXT, charset TEXT,"
	"  etag TEXT, last_modified TEXT);"
	"CREATE INDEX cache_used ON cache(used);"
	"CREATE TABLE cache_body ("
	"  id INTEGER PRIMARY KEY REFERENCES cache(id) ON DELETE CASCADE,"
	"  body BLOB NOT NULL);",
	/* 3: feeds, stories, read marks (with their queries in
	 * feed-store.c). */
	feed_store_schema_feeds,
	/* 4: a saved article is its page; the article's JSON form that was
	 * kept beside it was never read (an offline open extracts the
	 * page again, with the folio of the day). */
	"ALTER TABLE saved DROP COLUMN article;",
	/* 5: each feed's last fetch error (feed-store.c). */
	feed_store_schema_errors,
	/* 6: the document URL a file was read with (--url), so that it
	 * opens again from the history with it. */
	"ALTER TABLE history ADD COLUMN base TEXT;",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

enum stmt_id {
	Q_BEGIN, Q_COMMIT, Q_ROLLBACK,
	Q_H_RECORD, Q_H_SETPOS, Q_H_GETPOS, Q_H_LIST, Q_H_SETBASE, Q_H_BASE,
	Q_C_PUT, Q_C_PUT_BODY, Q_C_GET, Q_C_TOUCH, Q_C_EVICT, Q_C_USAGE,
	Q_S_SAVE, Q_S_SAVE_CACHED, Q_S_UNSAVE, Q_S_GET, Q_S_LIST,
	Q_COUNT
};

#define NOW_SQL "CAST(strftime('%s','now') AS INTEGER)"

static const char *const stmt_sql[Q_COUNT] = {
	/* IMMEDIATE: take the write lock up front, waiting through the
	 * busy timeout, so a second process queues instead of failing
	 * with a stale snapshot half-way through. */
	[Q_BEGIN] = "BEGIN IMMEDIATE",
	[Q_COMMIT] = "COMMIT",
	[Q_ROLLBACK] = "ROLLBACK",
	[Q_H_RECORD] =
		"INSERT INTO history(url,title,site,opened,seq)"
		" VALUES(?1,?2,?3,?4,(SELECT coalesce(max(seq),0)+1 FROM history))"
		" ON CONFLICT(url) DO UPDATE SET"
		" title=coalesce(excluded.title,title),"
		" site=coalesce(excluded.site,site),"
		" opened=excluded.opened, seq=excluded.seq, opens=opens+1",
	[Q_H_SETPOS] =
		"INSERT INTO history(url,opened,seq,pos_block,pos_offset)"
		" VALUES(?1," NOW_SQL ",(SELECT coalesce(max(seq),0)+1 FROM history),?2,?3)"
		" ON CONFLICT(url) DO UPDATE SET"
		" pos_block=excluded.pos_block, pos_offset=excluded.pos_offset",
	[Q_H_GETPOS] = "SELECT pos_block,pos_offset FROM history WHERE url=?1",
	[Q_H_SETBASE] = "UPDATE history SET base=?2 WHERE url=?1",
	[Q_H_BASE] = "SELECT base FROM history WHERE url=?1",
	[Q_H_LIST] =
		"SELECT url,title,site,opened,pos_block FROM history ORDER BY seq DESC LIMIT ?1",
	/* An upsert keeps the row's id, so its body row stays attached. */
	[Q_C_PUT] =
		"INSERT INTO cache(url,size,used,fetched,final_url,"
		"content_type,charset,etag,last_modified)"
		" VALUES(?1,?2,(SELECT coalesce(max(used),0)+1 FROM cache),"
		"?3,?4,?5,?6,?7,?8)"
		" ON CONFLICT(url) DO UPDATE SET size=excluded.size,"
		" used=excluded.used, fetched=excluded.fetched,"
		" final_url=excluded.final_url, content_type=excluded.content_type,"
		" charset=excluded.charset, etag=excluded.etag,"
		" last_modified=excluded.last_modified",
	[Q_C_PUT_BODY] =
		"INSERT OR REPLACE INTO cache_body(id,body)"
		" VALUES((SELECT id FROM cache WHERE url=?1),?2)",
	[Q_C_GET] =
		"SELECT b.body,c.final_url,c.content_type,c.charset,c.etag,"
		"c.last_modified,c.fetched FROM cache c JOIN cache_body b"
		" ON b.id=c.id WHERE c.url=?1",
	[Q_C_TOUCH] =
		"UPDATE cache SET used=(SELECT max(used)+1 FROM cache),"
		" fetched=CASE WHEN ?2>0 THEN ?2 ELSE fetched END WHERE url=?1",
	/* Keep the newest pages whose running total fits the cap. */
	[Q_C_EVICT] =
		"DELETE FROM cache WHERE id IN (SELECT id FROM"
		" (SELECT id, sum(size) OVER (ORDER BY used DESC) AS total"
		" FROM cache) WHERE total > ?1)",
	[Q_C_USAGE] = "SELECT coalesce(sum(size),0),count(*) FROM cache",
	[Q_S_SAVE] =
		"INSERT INTO saved(url,title,site,saved,seq,html)"
		" VALUES(?1,?2,?3,?4,(SELECT coalesce(max(seq),0)+1 FROM saved),?5)"
		" ON CONFLICT(url) DO UPDATE SET title=excluded.title,"
		" site=excluded.site, saved=excluded.saved, seq=excluded.seq,"
		" html=excluded.html",
	[Q_S_SAVE_CACHED] =
		"INSERT INTO saved(url,title,site,saved,seq,html)"
		" SELECT ?1,?2,?3,?4,(SELECT coalesce(max(seq),0)+1 FROM saved),b.body"
		" FROM cache c JOIN cache_body b ON b.id=c.id WHERE c.url=?1"
		" ON CONFLICT(url) DO UPDATE SET title=excluded.title,"
		" site=excluded.site, saved=excluded.saved, seq=excluded.seq,"
		" html=excluded.html",
	[Q_S_UNSAVE] = "DELETE FROM saved WHERE url=?1",
	[Q_S_GET] = "SELECT title,site,saved,html FROM saved WHERE url=?1",
	[Q_S_LIST] = "SELECT url,title,site,saved,-1 FROM saved ORDER BY seq DESC LIMIT ?1",
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *q[Q_COUNT];
	int64_t cache_cap;
	/* waiting for another folio's write lock (wait_for_lock) */
	int64_t wait_from;      /* when the present wait began */
	bool gave_up;           /* a wait ran out; none again until a commit */
	int last_rc;            /* why the last write failed (SQLite code) */
};

/* ---- paths ------------------------------------------------------ */

bool store_disabled_by_env(void)
{
	const char *v = getenv("FOLIO_NO_STORE");
	return v && *v && strcmp(v, "0") != 0;
}

char *store_default_dir(void)
{
	return xdg_path(XDG_DATA, NULL);
}

/* mkdir -p, new directories private to the user.  0 or an errno. */
static int make_dirs(const char *path)
{
	char *p = strdup(path);
	int rc = 0;

	if (!p)
		return ENOMEM;
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char saved = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = errno;
			break;
		}
		*s = saved;
		if (saved == '\0')
			break;
	}
	free(p);
	if (rc == 0) {
		struct stat sb;
		if (stat(path, &sb) != 0)
			rc = errno;
		else if (!S_ISDIR(sb.st_mode))
			rc = ENOTDIR;
	}
	return rc;
}

/* ---- open / close ----------------------------------------------- */

static int exec_sql(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int user_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Bring the schema up to date in one write transaction, so two
 * processes starting at once cannot both run a migration. */
static int migrate(sqlite3 *db, const char **why)
{
	int version = 0;
	/* Up to date (the common case): no write lock at every start. */
	int rc = user_version(db, &version);
	if (rc == SQLITE_OK && version == SCHEMA_VERSION)
		return SQLITE_OK;
	rc = exec_sql(db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return rc;
	rc = user_version(db, &version);
	if (rc == SQLITE_OK && version > SCHEMA_VERSION) {
		*why = "written by a newer folio";
		rc = SQLITE_ERROR;
	}
	for (int v = version; rc == SQLITE_OK && v < SCHEMA_VERSION; v++)
		rc = exec_sql(db, migrations[v]);
	if (rc == SQLITE_OK && version < SCHEMA_VERSION) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", SCHEMA_VERSION);
		rc = exec_sql(db, sql);
	}
	if (rc == SQLITE_OK)
		rc = exec_sql(db, "COMMIT");
	if (rc != SQLITE_OK)
		exec_sql(db, "ROLLBACK");
	return rc;
}

static int set_pragmas(sqlite3 *db, const char **why)
{
	(void)why;
	/* journal_mode touches the file header: a junk file fails here. */
	int rc = exec_sql(db, "PRAGMA journal_mode=WAL");
	if (rc == SQLITE_OK)
		rc = exec_sql(db, "PRAGMA foreign_keys=ON");
	/* NORMAL in WAL mode: a crashed process never loses a commit;
	 * only a power cut may lose the last few. */
	if (rc == SQLITE_OK)
		rc = exec_sql(db, "PRAGMA synchronous=NORMAL");
	return rc;
}

static int64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: while another process holds the lock, wait
 * (a little longer each time, as sqlite3_busy_timeout does) until
 * STORE_BUSY_TIMEOUT_MS have passed.  Once a wait has run out, the
 * lock is taken to be held for long: later statements give up at once
 * instead of waiting as long again each (a page view wants two writes,
 * the cache and the history: it waited for both), until a commit of
 * this connection gets through (lock_freed). */
static int wait_for_lock(void *arg, int count)
{
	static const int delays_ms[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
	const int ndelays = (int)(sizeof delays_ms / sizeof delays_ms[0]);
	struct store *st = arg;

	if (st->gave_up)
		return 0;
	if (count == 0)
		st->wait_from = monotonic_ms();
	int64_t left = STORE_BUSY_TIMEOUT_MS - (monotonic_ms() - st->wait_from);
	if (left <= 0) {
		st->gave_up = true;
		return 0;
	}
	int delay = delays_ms[count < ndelays ? count : ndelays - 1];
	sqlite3_sleep(delay < left ? delay : (int)left);
	return 1;
}

/* A commit hook: this connection wrote, so the lock is free again. */
static int lock_freed(void *arg)
{
	((struct store *)arg)->gave_up = false;
	return 0;       /* let the commit go on */
}

static void wait_for_writers(struct store *st)
{
	sqlite3_busy_handler(st->db, wait_for_lock, st);
	sqlite3_commit_hook(st->db, lock_freed, st);
}

/* SQLite calls the busy handler only where waiting cannot deadlock: a
 * connection that already reads and then wants to write (the switch to
 * WAL on a new file, a migration) gets SQLITE_BUSY at once when another
 * process writes.  Such a step is all-or-nothing, so run it again a
 * little later, until the busy timeout has passed since START_MS. */
static int retry_while_busy(sqlite3 *db, int (*step)(sqlite3 *, const char **),
			    const char **why, int64_t start_ms)
{
	int rc;
	while ((rc = step(db, why)) != SQLITE_OK && (rc & 0xff) == SQLITE_BUSY &&
	       monotonic_ms() - start_ms < STORE_BUSY_TIMEOUT_MS)
		sqlite3_sleep(10);
	return rc;
}

/* Settings first (busy timeout before anything can meet a lock), then
 * the schema, then the statements.  Returns an SQLite code. */
static int setup(struct store *st, const char **why)
{
	sqlite3 *db = st->db;
	int64_t start_ms = monotonic_ms();
	int rc;

	sqlite3_extended_result_codes(db, 1);
	wait_for_writers(st);
	rc = retry_while_busy(db, set_pragmas, why, start_ms);
	if (rc == SQLITE_OK)
		rc = retry_while_busy(db, migrate, why, start_ms);
	for (int i = 0; rc == SQLITE_OK && i < Q_COUNT; i++)
		rc = sqlite3_prepare_v3(db, stmt_sql[i], -1,
					SQLITE_PREPARE_PERSISTENT, &st->q[i], NULL);
	return rc;
}

/* A database folio may read but not write (a read-only file, directory
 * or file system): no settings, no migration, only the statements;
 * the lists read, every write fails.  Its schema must be this one. */
static int setup_read_only(struct store *st, const char **why)
{
	sqlite3 *db = st->db;
	int version = 0;

	sqlite3_extended_result_codes(db, 1);
	wait_for_writers(st);
	int rc = user_version(db, &version);
	if (rc == SQLITE_OK && version != SCHEMA_VERSION) {
		*why = version > SCHEMA_VERSION ? "written by a newer folio"
						: "read-only, and in need of an upgrade";
		rc = SQLITE_ERROR;
	}
	for (int i = 0; rc == SQLITE_OK && i < Q_COUNT; i++)
		rc = sqlite3_prepare_v3(db, stmt_sql[i], -1,
					SQLITE_PREPARE_PERSISTENT, &st->q[i], NULL);
	return rc;
}

/* Open path read-only: plainly, else (its directory read-only too, no
 * room for the WAL's shared-memory file) as an immutable file. */
static int open_read_only(struct store *st, const char *path, const char **why)
{
	int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK && (rc = setup_read_only(st, why)) == SQLITE_OK)
		return rc;
	if (*why)
		return rc;
	for (int i = 0; i < Q_COUNT; i++) {
		sqlite3_finalize(st->q[i]);
		st->q[i] = NULL;
	}
	sqlite3_close_v2(st->db);
	st->db = NULL;
	char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
	if (!uri)
		return SQLITE_NOMEM;
	rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	sqlite3_free(uri);
	return rc == SQLITE_OK ? setup_read_only(st, why) : rc;
}

/* Create the file ourselves so that it is private (0600): SQLite
 * would use 0644, and the -wal/-shm files copy the file's mode. */
static int precreate(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

struct store *store_open(const char *path, char warn[STORE_WARN_MAX])
{
	struct store *st = calloc(1, sizeof *st);
	const char *why = NULL;
	int err;

	warn[0] = '\0';
	if (!st) {
		snprintf(warn, STORE_WARN_MAX, "%s: out of memory; carrying on without history", path);
		return NULL;
	}
	st->cache_cap = (int64_t)STORE_DEFAULT_CACHE_MB << 20;
	err = precreate(path);
	/* a database that exists but may not be written is read */
	bool read_only = (err == EACCES || err == EPERM || err == EROFS) &&
			 access(path, R_OK) == 0;
	if (err && !read_only) {
		snprintf(warn, STORE_WARN_MAX, "%s: %s; carrying on without history",
			 path, strerror(err));
		free(st);
		return NULL;
	}
	int rc;
	if (read_only) {
		rc = open_read_only(st, path, &why);
	} else {
		rc = sqlite3_open_v2(path, &st->db,
				     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
		if (rc == SQLITE_OK)
			rc = setup(st, &why);
	}
	if (rc != SQLITE_OK) {
		if (!why)
			why = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
		snprintf(warn, STORE_WARN_MAX, "%s: %s; carrying on without history",
			 path, why);
		store_free(st);
		return NULL;
	}
	if (read_only)
		snprintf(warn, STORE_WARN_MAX, "%s: read-only: the lists are read, "
			 "nothing new is remembered", path);
	return st;
}

bool store_read_only(const struct store *st)
{
	return st && sqlite3_db_readonly(st->db, "main") == 1;
}

struct store *store_open_default(char warn[STORE_WARN_MAX])
{
	warn[0] = '\0';
	if (store_disabled_by_env())
		return NULL;
	char *dir = store_default_dir();
	if (!dir) {
		snprintf(warn, STORE_WARN_MAX,
			 "no HOME or XDG_DATA_HOME for the database; carrying on without history");
		return NULL;
	}
	int err = make_dirs(dir);
	if (err) {
		snprintf(warn, STORE_WARN_MAX, "%s: %s; carrying on without history",
			 dir, strerror(err));
		free(dir);
		return NULL;
	}
	char *path = NULL;
	struct store *st = NULL;
	if (asprintf(&path, "%s/folio.db", dir) < 0)
		snprintf(warn, STORE_WARN_MAX, "out of memory; carrying on without history");
	else
		st = store_open(path, warn);
	free(path);
	free(dir);
	return st;
}

const char *store_last_error(const struct store *st)
{
	return st && st->last_rc ? sqlite3_errstr(st->last_rc & 0xff) : "no database";
}

struct sqlite3 *store_db(struct store *st)
{
	return st ? st->db : NULL;
}

void store_free(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(st->q[i]);
	/* close_v2: never fails on busy; the last close checkpoints the
	 * WAL and removes it. */
	sqlite3_close_v2(st->db);
	free(st);
}

/* ---- statement helpers ------------------------------------------ */

static int bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static int bind_bytes(sqlite3_stmt *s, int i, const char *v, size_t len)
{
	if (len == 0 || !v)
		return sqlite3_bind_zeroblob(s, i, 0);
	return sqlite3_bind_blob64(s, i, v, len, SQLITE_TRANSIENT);
}

/* Copy a text column; NULL stays NULL.  -1 only when out of memory. */
static int col_text(sqlite3_stmt *s, int i, char **out)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	*out = NULL;
	if (!v)
		return sqlite3_column_type(s, i) == SQLITE_NULL ? 0 : -1;
	*out = strdup((const char *)v);
	return *out ? 0 : -1;
}

/* Copy a blob column as NUL-terminated bytes. */
static int col_bytes(sqlite3_stmt *s, int i, char **out, size_t *len)
{
	const void *v = sqlite3_column_blob(s, i);
	size_t n = (size_t)sqlite3_column_bytes(s, i);
	*out = malloc(n + 1);
	*len = 0;
	if (!*out)
		return -1;
	if (n)
		memcpy(*out, v, n);
	(*out)[n] = '\0';
	*len = n;
	return 0;
}

static sqlite3_stmt *stmt(struct store *st, enum stmt_id id)
{
	sqlite3_reset(st->q[id]);
	sqlite3_clear_bindings(st->q[id]);
	return st->q[id];
}

static int step_done(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int tx_begin(struct store *st)
{
	if (step_done(stmt(st, Q_BEGIN)) == 0)
		return 0;
	st->last_rc = sqlite3_extended_errcode(st->db);
	return -1;
}

/* Commit when ok, else roll back; returns ok, or -1 when the commit
 * itself failed. */
static int tx_end(struct store *st, int ok)
{
	if (ok == 0 && step_done(stmt(st, Q_COMMIT)) == 0)
		return 0;
	st->last_rc = sqlite3_extended_errcode(st->db);   /* before the rollback */
	if (!sqlite3_get_autocommit(st->db))
		step_done(stmt(st, Q_ROLLBACK));
	return -1;
}

/* One bound write statement in its own immediate transaction. */
static int write_one(struct store *st, sqlite3_stmt *s)
{
	if (tx_begin(st) != 0) {
		sqlite3_reset(s);
		return -1;
	}
	return tx_end(st, step_done(s));
}

/* ---- lists: the history and the saved list --------------------- */

void store_entries_free(struct store_entry *e, size_t n)
{
	for (size_t i = 0; e && i < n; i++) {
		free(e[i].url);
		free(e[i].title);
		free(e[i].site);
	}
	free(e);
}

/* Columns url, title, site, time, place; -1 only when out of memory. */
static int entry_row(sqlite3_stmt *s, struct store_entry *e)
{
	memset(e, 0, sizeof *e);
	e->when = sqlite3_column_int64(s, 3);
	e->block = (long)sqlite3_column_int64(s, 4);
	return col_text(s, 0, &e->url) || col_text(s, 1, &e->title) ||
	       col_text(s, 2, &e->site) || !e->url ? -1 : 0;
}

/* The rows of a list query (LIMIT ?1), newest first. */
static int list_entries(struct store *st, enum stmt_id id, size_t limit,
			struct store_entry **out, size_t *n)
{
	struct store_entry *list = NULL;
	size_t cap = 0, count = 0;
	int rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_stmt *s = stmt(st, id);
	sqlite3_bind_int64(s, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	while (limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!BUF_GROW_ARRAY(list, cap, count + 1, 16)) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (entry_row(s, &list[count++]) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_entries_free(list, count);
		return -1;
	}
	*out = list;
	*n = count;
	return 0;
}

/* ---- history ---------------------------------------------------- */

int store_history_record(struct store *st, const char *url, const char *title,
			 const char *site, int64_t when)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_H_RECORD);
	bind_text(s, 1, url);
	bind_text(s, 2, title);
	bind_text(s, 3, site);
	sqlite3_bind_int64(s, 4, when);
	return write_one(st, s);
}

int store_history_set_position(struct store *st, const char *url,
			       long block, long offset)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_H_SETPOS);
	bind_text(s, 1, url);
	sqlite3_bind_int64(s, 2, block);
	sqlite3_bind_int64(s, 3, offset);
	return write_one(st, s);
}

int store_history_get_position(struct store *st, const char *url,
			       long *block, long *offset)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_H_GETPOS);
	bind_text(s, 1, url);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*block = (long)sqlite3_column_int64(s, 0);
		*offset = (long)sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_history_set_base(struct store *st, const char *url, const char *base)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_H_SETBASE);
	bind_text(s, 1, url);
	bind_text(s, 2, base);
	return write_one(st, s);
}

int store_history_base(struct store *st, const char *url, char **base)
{
	*base = NULL;
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_H_BASE);
	bind_text(s, 1, url);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && col_text(s, 0, base) != 0)
		rc = SQLITE_NOMEM;
	sqlite3_reset(s);
	if (rc == SQLITE_ROW && *base)
		return 1;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int store_history_list(struct store *st, size_t limit,
		       struct store_entry **out, size_t *n)
{
	return list_entries(st, Q_H_LIST, limit, out, n);
}

/* ---- cache ------------------------------------------------------ */

void store_cache_set_cap(struct store *st, int64_t cap_bytes)
{
	if (st)
		st->cache_cap = cap_bytes < 0 ? 0 : cap_bytes;
}

int64_t store_cache_cap(const struct store *st)
{
	return st ? st->cache_cap : -1;
}

static int evict_step(struct store *st, int64_t cap)
{
	sqlite3_stmt *s = stmt(st, Q_C_EVICT);
	sqlite3_bind_int64(s, 1, cap < 0 ? 0 : cap);
	return step_done(s);
}

int store_cache_evict(struct store *st, int64_t cap_bytes)
{
	if (!st || tx_begin(st) != 0)
		return -1;
	return tx_end(st, evict_step(st, cap_bytes));
}

int store_cache_put(struct store *st, const struct store_cache_entry *e)
{
	if (!st || !e || !e->url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_C_PUT);
	bind_text(s, 1, e->url);
	sqlite3_bind_int64(s, 2, (int64_t)e->len);
	sqlite3_bind_int64(s, 3, e->fetched);
	bind_text(s, 4, e->final_url);
	bind_text(s, 5, e->content_type);
	bind_text(s, 6, e->charset);
	bind_text(s, 7, e->etag);
	bind_text(s, 8, e->last_modified);
	sqlite3_stmt *body = stmt(st, Q_C_PUT_BODY);
	bind_text(body, 1, e->url);
	bind_bytes(body, 2, e->body, e->len);
	if (tx_begin(st) != 0) {
		sqlite3_reset(s);
		sqlite3_reset(body);
		return -1;
	}
	int rc = step_done(s);
	if (rc == 0)
		rc = step_done(body);
	if (rc == 0)
		rc = evict_step(st, st->cache_cap);
	return tx_end(st, rc);
}

void store_cache_entry_free(struct store_cache_entry *e)
{
	if (!e)
		return;
	free(e->url);
	free(e->body);
	free(e->final_url);
	free(e->content_type);
	free(e->charset);
	free(e->etag);
	free(e->last_modified);
	memset(e, 0, sizeof *e);
}

static int cache_row(sqlite3_stmt *s, const char *url, struct store_cache_entry *e)
{
	e->fetched = sqlite3_column_int64(s, 6);
	e->url = strdup(url);
	if (!e->url || col_bytes(s, 0, &e->body, &e->len) ||
	    col_text(s, 1, &e->final_url) || col_text(s, 2, &e->content_type) ||
	    col_text(s, 3, &e->charset) || col_text(s, 4, &e->etag) ||
	    col_text(s, 5, &e->last_modified)) {
		store_cache_entry_free(e);
		return -1;
	}
	return 0;
}

int store_cache_get(struct store *st, const char *url,
		    struct store_cache_entry *out)
{
	memset(out, 0, sizeof *out);
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_C_GET);
	bind_text(s, 1, url);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW)
		found = cache_row(s, url, out) == 0 ? 1 : -1;
	else if (rc != SQLITE_DONE)
		found = -1;
	sqlite3_reset(s);
	return found;
}

int store_cache_touch(struct store *st, const char *url, int64_t fetched)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_C_TOUCH);
	bind_text(s, 1, url);
	sqlite3_bind_int64(s, 2, fetched);
	return write_one(st, s);
}

int store_cache_usage(struct store *st, int64_t *bytes, int64_t *pages)
{
	*bytes = *pages = 0;
	if (!st)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_C_USAGE);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*bytes = sqlite3_column_int64(s, 0);
		*pages = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* ---- saved list ------------------------------------------------- */

int store_save(struct store *st, const char *url, const char *title,
	       const char *site, const char *html, size_t html_len, int64_t when)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_S_SAVE);
	bind_text(s, 1, url);
	bind_text(s, 2, title);
	bind_text(s, 3, site);
	sqlite3_bind_int64(s, 4, when);
	bind_bytes(s, 5, html, html_len);
	return write_one(st, s);
}

int store_save_from_cache(struct store *st, const char *url, const char *title,
			  const char *site, int64_t when)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_S_SAVE_CACHED);
	bind_text(s, 1, url);
	bind_text(s, 2, title);
	bind_text(s, 3, site);
	sqlite3_bind_int64(s, 4, when);
	if (write_one(st, s) != 0)
		return -1;
	return sqlite3_changes(st->db) > 0 ? 1 : 0;
}

int store_unsave(struct store *st, const char *url)
{
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_S_UNSAVE);
	bind_text(s, 1, url);
	if (write_one(st, s) != 0)
		return -1;
	return sqlite3_changes(st->db) > 0 ? 1 : 0;
}

void store_saved_free(struct store_saved *s)
{
	if (!s)
		return;
	free(s->url);
	free(s->title);
	free(s->site);
	free(s->html);
	memset(s, 0, sizeof *s);
}

int store_saved_get(struct store *st, const char *url, struct store_saved *out)
{
	memset(out, 0, sizeof *out);
	if (!st || !url)
		return -1;
	sqlite3_stmt *s = stmt(st, Q_S_GET);
	bind_text(s, 1, url);
	int rc = sqlite3_step(s), found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	if (found == 1) {
		out->saved = sqlite3_column_int64(s, 2);
		out->url = strdup(url);
		if (!out->url || col_text(s, 0, &out->title) ||
		    col_text(s, 1, &out->site) ||
		    col_bytes(s, 3, &out->html, &out->html_len)) {
			store_saved_free(out);
			found = -1;
		}
	}
	sqlite3_reset(s);
	return found;
}

int store_saved_list(struct store *st, struct store_entry **out, size_t *n)
{
	return list_entries(st, Q_S_LIST, SIZE_MAX, out, n);
}
