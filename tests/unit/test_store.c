/* Unit tests for store.c: history, cache, saved list, and the safety
 * cases (two processes, kill -9, corrupt file, --no-store). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"

struct fixture {
	char dir[64];
	char db[128];
	struct store *st;
};

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	strcpy(f->dir, "/tmp/folio-store-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/folio/folio.db", f->dir);
	setenv("XDG_DATA_HOME", f->dir, 1);
	unsetenv("FOLIO_NO_STORE");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_free(f->st);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static struct store *open_default(void)
{
	char warn[STORE_WARN_MAX];
	struct store *st = store_open_default(warn);
	if (!st)
		fail_msg("store_open_default: %s", warn);
	assert_string_equal(warn, "");
	return st;
}

/* A second, raw connection to look at the file from outside. */
static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static char *raw_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *v = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	assert_non_null(v);
	return v;
}

static long raw_long(sqlite3 *db, const char *sql)
{
	char *v = raw_text(db, sql);
	long n = strtol(v, NULL, 10);
	free(v);
	return n;
}

static void test_open_creates_private_wal_db(void **state)
{
	struct fixture *f = *state;
	struct stat sb;
	f->st = open_default();
	assert_int_equal(stat(f->db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char dir[128];
	snprintf(dir, sizeof dir, "%s/folio", f->dir);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);

	sqlite3 *db = raw_open(f->db);
	char *mode = raw_text(db, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(raw_long(db, "PRAGMA user_version"), 6);
	sqlite3_close(db);
}

static void test_history(void **state)
{
	struct fixture *f = *state;
	long block = -1, off = -1;
	f->st = open_default();

	assert_int_equal(store_history_get_position(f->st, "https://a.example/1", &block, &off), 0);
	assert_int_equal(store_history_record(f->st, "https://a.example/1", "One", "A", 1000), 0);
	assert_int_equal(store_history_get_position(f->st, "https://a.example/1", &block, &off), 1);
	assert_int_equal(block, 0);
	assert_int_equal(off, 0);
	assert_int_equal(store_history_set_position(f->st, "https://a.example/1", 12, 345), 0);
	assert_int_equal(store_history_record(f->st, "https://b.example/2", "Two", NULL, 1000), 0);
	assert_int_equal(store_history_record(f->st, "https://c.example/3", NULL, NULL, 999), 0);
	/* Reopening the first: it moves to the top, keeps its position, and
	 * a NULL title does not wipe the known one. */
	assert_int_equal(store_history_record(f->st, "https://a.example/1", NULL, "A2", 1001), 0);
	assert_int_equal(store_history_get_position(f->st, "https://a.example/1", &block, &off), 1);
	assert_int_equal(block, 12);
	assert_int_equal(off, 345);

	struct store_entry *h;
	size_t n;
	assert_int_equal(store_history_list(f->st, 10, &h, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(h[0].url, "https://a.example/1");
	assert_string_equal(h[0].title, "One");
	assert_string_equal(h[0].site, "A2");
	assert_int_equal(h[0].when, 1001);
	/* Same second: the later record still comes first. */
	assert_string_equal(h[1].url, "https://c.example/3");
	assert_null(h[1].title);
	assert_string_equal(h[2].url, "https://b.example/2");
	assert_null(h[2].site);
	store_entries_free(h, n);

	assert_int_equal(store_history_list(f->st, 2, &h, &n), 0);
	assert_int_equal(n, 2);
	store_entries_free(h, n);

	/* A position for a page never recorded creates its entry. */
	assert_int_equal(store_history_set_position(f->st, "https://d.example/4", 3, 4), 0);
	assert_int_equal(store_history_get_position(f->st, "https://d.example/4", &block, &off), 1);
	assert_int_equal(block, 3);

	/* Survives a reopen. */
	store_free(f->st);
	f->st = open_default();
	assert_int_equal(store_history_get_position(f->st, "https://a.example/1", &block, &off), 1);
	assert_int_equal(off, 345);
}

static void test_null_store_is_harmless(void **state)
{
	(void)state;
	long b, o;
	struct store_entry *h = (void *)1;
	struct store_entry *s = (void *)1;
	struct store_saved one;
	struct store_cache_entry e;
	size_t n = 9;
	int64_t bytes, pages;

	assert_int_equal(store_history_record(NULL, "u", "t", "s", 1), -1);
	assert_int_equal(store_history_set_position(NULL, "u", 1, 1), -1);
	assert_int_equal(store_history_get_position(NULL, "u", &b, &o), -1);
	assert_int_equal(store_history_list(NULL, 5, &h, &n), -1);
	assert_null(h);
	assert_int_equal(n, 0);
	assert_int_equal(store_cache_get(NULL, "u", &e), -1);
	assert_null(e.body);
	assert_int_equal(store_cache_put(NULL, &e), -1);
	assert_int_equal(store_cache_touch(NULL, "u", 0), -1);
	assert_int_equal(store_cache_evict(NULL, 0), -1);
	assert_int_equal(store_cache_usage(NULL, &bytes, &pages), -1);
	assert_int_equal(store_save(NULL, "u", NULL, NULL, "x", 1, 1), -1);
	assert_int_equal(store_unsave(NULL, "u"), -1);
	assert_int_equal(store_saved_get(NULL, "u", &one), -1);
	assert_int_equal(store_saved_list(NULL, &s, &n), -1);
	assert_null(s);
	store_cache_set_cap(NULL, 5);
	store_free(NULL);
}

static void test_cache_round_trip(void **state)
{
	struct fixture *f = *state;
	static const char body[] = "<html>\0binary\xff bytes</html>";
	struct store_cache_entry in = {
		.url = "https://a.example/x", .body = (char *)body,
		.len = sizeof body - 1, .final_url = "https://a.example/x/",
		.content_type = "text/html", .charset = "utf-8",
		.etag = "\"abc\"", .last_modified = "Tue, 01 Jan 2030 00:00:00 GMT",
		.fetched = 5000,
	};
	struct store_cache_entry out;
	f->st = open_default();

	assert_int_equal(store_cache_get(f->st, in.url, &out), 0);
	assert_int_equal(store_cache_put(f->st, &in), 0);
	assert_int_equal(store_cache_get(f->st, in.url, &out), 1);
	assert_int_equal(out.len, in.len);
	assert_memory_equal(out.body, body, in.len);
	assert_int_equal(out.body[out.len], '\0');
	assert_string_equal(out.url, in.url);
	assert_string_equal(out.final_url, in.final_url);
	assert_string_equal(out.content_type, "text/html");
	assert_string_equal(out.charset, "utf-8");
	assert_string_equal(out.etag, "\"abc\"");
	assert_string_equal(out.last_modified, in.last_modified);
	assert_int_equal(out.fetched, 5000);
	store_cache_entry_free(&out);

	/* Touch refreshes the fetch time only when one is given. */
	assert_int_equal(store_cache_touch(f->st, in.url, 0), 0);
	assert_int_equal(store_cache_get(f->st, in.url, &out), 1);
	assert_int_equal(out.fetched, 5000);
	store_cache_entry_free(&out);
	assert_int_equal(store_cache_touch(f->st, in.url, 6000), 0);
	assert_int_equal(store_cache_get(f->st, in.url, &out), 1);
	assert_int_equal(out.fetched, 6000);
	store_cache_entry_free(&out);

	/* Replacing: new body, validators may vanish; empty body is fine. */
	struct store_cache_entry again = { .url = in.url, .body = "", .len = 0, .fetched = 7 };
	assert_int_equal(store_cache_put(f->st, &again), 0);
	assert_int_equal(store_cache_get(f->st, in.url, &out), 1);
	assert_int_equal(out.len, 0);
	assert_string_equal(out.body, "");
	assert_null(out.etag);
	assert_null(out.final_url);
	store_cache_entry_free(&out);

	int64_t bytes, pages;
	assert_int_equal(store_cache_usage(f->st, &bytes, &pages), 0);
	assert_int_equal(bytes, 0);
	assert_int_equal(pages, 1);
}

static void put_page(struct store *st, const char *url, size_t len)
{
	char *body = malloc(len + 1);
	assert_non_null(body);
	memset(body, 'x', len);
	body[len] = '\0';
	struct store_cache_entry e = { .url = (char *)url, .body = body, .len = len, .fetched = 1 };
	assert_int_equal(store_cache_put(st, &e), 0);
	free(body);
}

static int cached(struct store *st, const char *url)
{
	struct store_cache_entry e;
	int rc = store_cache_get(st, url, &e);
	store_cache_entry_free(&e);
	return rc;
}

static void test_cache_lru_eviction(void **state)
{
	struct fixture *f = *state;
	int64_t bytes, pages;
	f->st = open_default();
	store_cache_set_cap(f->st, 1000);

	put_page(f->st, "u1", 300);
	put_page(f->st, "u2", 300);
	put_page(f->st, "u3", 300);
	assert_int_equal(store_cache_usage(f->st, &bytes, &pages), 0);
	assert_int_equal(bytes, 900);
	/* u1 was used last; u2 is now the least recently used. */
	assert_int_equal(store_cache_touch(f->st, "u1", 0), 0);
	put_page(f->st, "u4", 300);
	assert_int_equal(cached(f->st, "u2"), 0);
	assert_int_equal(cached(f->st, "u1"), 1);
	assert_int_equal(cached(f->st, "u3"), 1);
	assert_int_equal(cached(f->st, "u4"), 1);
	assert_int_equal(store_cache_usage(f->st, &bytes, &pages), 0);
	assert_int_equal(bytes, 900);
	assert_int_equal(pages, 3);

	/* Evicted pages take their bytes with them (ON DELETE CASCADE). */
	sqlite3 *db = raw_open(f->db);
	assert_int_equal(raw_long(db, "SELECT count(*) FROM cache_body"), 3);
	sqlite3_close(db);

	/* An explicit smaller cap keeps only the newest that fit. */
	assert_int_equal(store_cache_evict(f->st, 650), 0);
	assert_int_equal(cached(f->st, "u3"), 0);
	assert_int_equal(cached(f->st, "u1"), 1);
	assert_int_equal(cached(f->st, "u4"), 1);

	/* Cap 0 keeps nothing, not even the page just put. */
	store_cache_set_cap(f->st, 0);
	put_page(f->st, "u5", 10);
	assert_int_equal(store_cache_usage(f->st, &bytes, &pages), 0);
	assert_int_equal(pages, 0);
}

static void test_cache_default_cap(void **state)
{
	struct fixture *f = *state;
	/* The eviction itself is test_cache_lru_eviction's (filling 200 MB
	 * here would only make the test slow). */
	f->st = open_default();
	assert_int_equal(store_cache_cap(f->st), (int64_t)STORE_DEFAULT_CACHE_MB << 20);
	assert_int_equal(STORE_DEFAULT_CACHE_MB, 200);
	store_cache_set_cap(f->st, -5);
	assert_int_equal(store_cache_cap(f->st), 0);
	assert_int_equal(store_cache_cap(NULL), -1);
}

static void test_saved(void **state)
{
	struct fixture *f = *state;
	struct store_saved one;
	struct store_entry *list;
	size_t n;
	f->st = open_default();

	assert_int_equal(store_saved_list(f->st, &list, &n), 0);
	assert_int_equal(n, 0);
	assert_null(list);
	assert_int_equal(store_save(f->st, "https://a.example/1", "One", "A",
				    "<p>one</p>", 10, 100), 0);
	assert_int_equal(store_save(f->st, "https://b.example/2", NULL, NULL,
				    "<p>two\0</p>", 11, 100), 0);
	assert_int_equal(store_saved_get(f->st, "https://b.example/2", &one), 1);
	assert_int_equal(one.html_len, 11);
	assert_memory_equal(one.html, "<p>two\0</p>", 11);
	assert_null(one.title);
	assert_int_equal(one.saved, 100);
	store_saved_free(&one);

	assert_int_equal(store_saved_list(f->st, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].url, "https://b.example/2");
	assert_string_equal(list[1].url, "https://a.example/1");
	assert_string_equal(list[1].title, "One");
	assert_string_equal(list[1].site, "A");
	assert_int_equal(list[1].when, 100);
	store_entries_free(list, n);

	/* Re-saving updates and moves it to the top. */
	assert_int_equal(store_save(f->st, "https://a.example/1", "One v2", "A",
				    "<p>1</p>", 8, 200), 0);
	assert_int_equal(store_saved_get(f->st, "https://a.example/1", &one), 1);
	assert_string_equal(one.title, "One v2");
	assert_string_equal(one.html, "<p>1</p>");
	store_saved_free(&one);
	assert_int_equal(store_saved_list(f->st, &list, &n), 0);
	assert_string_equal(list[0].url, "https://a.example/1");
	store_entries_free(list, n);

	/* Saving from the cache copies the cached page's bytes. */
	assert_int_equal(store_save_from_cache(f->st, "https://c.example/3", "C", NULL, 300), 0);
	put_page(f->st, "https://c.example/3", 20);
	assert_int_equal(store_save_from_cache(f->st, "https://c.example/3", "C", NULL, 300), 1);
	assert_int_equal(store_cache_evict(f->st, 0), 0);
	assert_int_equal(store_saved_get(f->st, "https://c.example/3", &one), 1);
	assert_int_equal(one.html_len, 20);
	assert_int_equal(one.html[19], 'x');
	assert_string_equal(one.title, "C");
	store_saved_free(&one);

	/* Saved pages are never evicted with the cache. */
	assert_int_equal(store_cache_evict(f->st, 0), 0);
	assert_int_equal(store_unsave(f->st, "https://a.example/1"), 1);
	assert_int_equal(store_unsave(f->st, "https://a.example/1"), 0);
	assert_int_equal(store_saved_get(f->st, "https://a.example/1", &one), 0);
	assert_int_equal(store_saved_get(f->st, "https://b.example/2", &one), 1);
	store_saved_free(&one);
}

/* ---- safety ----------------------------------------------------- */

#define LOOPS 300

/* Child body: its own connection, LOOPS records and positions.  The
 * exit status is the number of failed calls (capped). */
static void writer_child(int id)
{
	char warn[STORE_WARN_MAX];
	struct store *st = store_open_default(warn);
	int failures = st ? 0 : 100;
	if (!st)
		fprintf(stderr, "writer %d: %s\n", id, warn);
	for (int i = 0; st && i < LOOPS; i++) {
		char url[64];
		snprintf(url, sizeof url, "https://w%d.example/%d", id, i);
		failures += store_history_record(st, url, "t", "s", i) != 0;
		failures += store_history_set_position(st, url, i, id) != 0;
		long b, o;
		failures += store_history_get_position(st, url, &b, &o) != 1 || b != i;
	}
	store_free(st);
	_exit(failures > 100 ? 100 : failures);
}

static void test_two_processes(void **state)
{
	struct fixture *f = *state;
	pid_t pid[2];
	/* Neither child finds a file: both race to create it, too. */
	for (int i = 0; i < 2; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0)
			writer_child(i);
	}
	for (int i = 0; i < 2; i++) {
		int status;
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	f->st = open_default();
	struct store_entry *h;
	size_t n;
	assert_int_equal(store_history_list(f->st, 10 * LOOPS, &h, &n), 0);
	assert_int_equal(n, 2 * LOOPS);
	store_entries_free(h, n);
	for (int id = 0; id < 2; id++) {
		for (int i = 0; i < LOOPS; i++) {
			char url[64];
			long b, o;
			snprintf(url, sizeof url, "https://w%d.example/%d", id, i);
			assert_int_equal(store_history_get_position(f->st, url, &b, &o), 1);
			assert_int_equal(b, i);
			assert_int_equal(o, id);
		}
	}
	sqlite3 *db = raw_open(f->db);
	char *ok = raw_text(db, "PRAGMA integrity_check");
	assert_string_equal(ok, "ok");
	free(ok);
	sqlite3_close(db);
}

/* Fork child(db_path, ready_fd) and wait until it writes its ready
 * byte.  Returns its pid. */
static pid_t fork_until_ready(void (*child)(const char *, int), const char *db_path)
{
	int fds[2];
	char c;
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		child(db_path, fds[1]);
		_exit(0);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[0]);
	return pid;
}

/* Child: hold the write lock of a new, rollback-mode file for a while
 * (telling the parent once it does), then commit. */
static void lock_holder_child(const char *db_path, int ready_fd)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE; CREATE TABLE other(x);",
			 NULL, NULL, NULL) != SQLITE_OK)
		_exit(1);
	if (write(ready_fd, "r", 1) != 1)
		_exit(2);
	/* Long enough for the parent to meet the lock, well within the
	 * busy timeout. */
	usleep(300 * 1000);
	sqlite3_busy_timeout(db, 5000);
	_exit(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : 3);
}

/* Another process writes to a new file while folio opens it.  The
 * switch to WAL upgrades a read lock, where SQLite returns "busy"
 * without calling the busy handler: the open must wait all the same. */
static void test_open_waits_for_writer(void **state)
{
	struct fixture *f = *state;
	char dir[96];
	snprintf(dir, sizeof dir, "%s/folio", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	pid_t pid = fork_until_ready(lock_holder_child, f->db);
	f->st = open_default();
	assert_int_equal(store_history_record(f->st, "https://w.example/", NULL, NULL, 1), 0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One write against a lock held elsewhere: -1, and how long it took. */
static int64_t failed_write_ms(struct store *st)
{
	int64_t start = now_ms();
	assert_int_equal(store_history_record(st, "https://locked.example/", NULL, NULL, 2), -1);
	assert_string_equal(store_last_error(st), "database is locked");
	return now_ms() - start;
}

/* Another connection keeps the write lock (a sqlite3 shell's BEGIN
 * EXCLUSIVE): the first write waits STORE_BUSY_TIMEOUT_MS and fails,
 * the next gives up at once (a page view's history write after its
 * cache write), and once a write has gone through, waiting is back. */
static void test_lock_held_long(void **state)
{
	struct fixture *f = *state;
	f->st = open_default();
	assert_int_equal(store_history_record(f->st, "https://w.example/", NULL, NULL, 1), 0);
	sqlite3 *other = raw_open(f->db);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	/* sleeps add up to the timeout: it cannot be shorter, however fast */
	assert_true(failed_write_ms(f->st) >= STORE_BUSY_TIMEOUT_MS - 50);
	assert_true(failed_write_ms(f->st) < STORE_BUSY_TIMEOUT_MS / 2);
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_history_record(f->st, "https://w.example/", NULL, NULL, 3), 0);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	assert_true(failed_write_ms(f->st) >= STORE_BUSY_TIMEOUT_MS - 50);
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(store_history_record(f->st, "https://w.example/", NULL, NULL, 4), 0);
}

#define COMMITTED 50

/* Child: COMMITTED rows through the store, then a large write
 * transaction on a raw connection (big enough to spill into the WAL),
 * then tell the parent and wait to be killed. */
static void doomed_child(const char *db_path, int ready_fd)
{
	char warn[STORE_WARN_MAX];
	struct store *st = store_open_default(warn);
	if (!st)
		_exit(1);
	for (int i = 0; i < COMMITTED; i++) {
		char url[32];
		snprintf(url, sizeof url, "c%d", i);
		if (store_history_record(st, url, NULL, NULL, i) != 0)
			_exit(2);
	}
	sqlite3 *db;
	if (sqlite3_open(db_path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE;"
			 "INSERT INTO history(url,opened,seq) VALUES('uncommitted',1,1);"
			 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<3000)"
			 " INSERT INTO cache(url,size,used,fetched)"
			 " SELECT 'big'||i, 8192, i, 1 FROM n;"
			 "INSERT INTO cache_body(id,body) SELECT id, randomblob(8192) FROM cache;",
			 NULL, NULL, NULL) != SQLITE_OK)
		_exit(3);
	if (write(ready_fd, "r", 1) != 1)
		_exit(4);
	for (;;)
		pause();
}

static void test_kill9_mid_transaction(void **state)
{
	struct fixture *f = *state;
	pid_t pid = fork_until_ready(doomed_child, f->db);
	/* The child holds an open transaction with pages in the WAL. */
	struct stat sb;
	char wal[160];
	snprintf(wal, sizeof wal, "%s-wal", f->db);
	assert_int_equal(stat(wal, &sb), 0);
	assert_true(sb.st_size > 1 << 20);
	assert_int_equal(kill(pid, SIGKILL), 0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));

	f->st = open_default();
	sqlite3 *db = raw_open(f->db);
	char *ok = raw_text(db, "PRAGMA integrity_check");
	assert_string_equal(ok, "ok");
	free(ok);
	assert_int_equal(raw_long(db, "SELECT count(*) FROM history"), COMMITTED);
	assert_int_equal(raw_long(db, "SELECT count(*) FROM cache"), 0);
	assert_int_equal(raw_long(db, "SELECT count(*) FROM cache_body"), 0);
	sqlite3_close(db);
	long b, o;
	assert_int_equal(store_history_get_position(f->st, "c0", &b, &o), 1);
	assert_int_equal(store_history_get_position(f->st, "c49", &b, &o), 1);
	assert_int_equal(store_history_get_position(f->st, "uncommitted", &b, &o), 0);
	/* And the store still writes. */
	assert_int_equal(store_history_record(f->st, "after", NULL, NULL, 1), 0);
}

/* Killed at an arbitrary point of a write loop: every commit the child
 * reported before the kill is there. */
static void test_kill9_during_write_loop(void **state)
{
	struct fixture *f = *state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char warn[STORE_WARN_MAX];
		struct store *st = store_open_default(warn);
		close(fds[0]);
		for (int i = 0; st; i++) {
			char url[32];
			snprintf(url, sizeof url, "k%d", i);
			if (store_history_record(st, url, NULL, NULL, i) != 0)
				_exit(2);
			if (write(fds[1], &i, sizeof i) != sizeof i)
				_exit(3);
		}
		_exit(1);
	}
	close(fds[1]);
	int last = -1;
	while (last < 200 && read(fds[0], &last, sizeof last) == sizeof last)
		;
	assert_int_equal(kill(pid, SIGKILL), 0);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	assert_true(last >= 200);

	f->st = open_default();
	for (int i = 0; i <= last; i++) {
		char url[32];
		long b, o;
		snprintf(url, sizeof url, "k%d", i);
		assert_int_equal(store_history_get_position(f->st, url, &b, &o), 1);
	}
}

static void write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void test_corrupt_file(void **state)
{
	struct fixture *f = *state;
	char dir[128], junk[8192], warn[STORE_WARN_MAX];
	snprintf(dir, sizeof dir, "%s/folio", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 + 3);
	write_file(f->db, junk, sizeof junk);

	struct store *st = store_open_default(warn);
	assert_null(st);
	assert_non_null(strstr(warn, f->db));
	assert_non_null(strstr(warn, "not a database"));
	assert_null(strchr(warn, '\n'));
	/* The user's file is left as it was. */
	struct stat sb;
	assert_int_equal(stat(f->db, &sb), 0);
	assert_int_equal(sb.st_size, sizeof junk);
	/* And the callers' NULL store is inert. */
	assert_int_equal(store_history_record(st, "u", NULL, NULL, 1), -1);
}

static void test_corrupt_pages_fail_softly(void **state)
{
	struct fixture *f = *state;
	f->st = open_default();
	for (int i = 0; i < 40; i++) {
		char url[32];
		snprintf(url, sizeof url, "p%d", i);
		put_page(f->st, url, 5000);
	}
	store_free(f->st);
	f->st = NULL;
	/* Smash everything after the first page (header and schema stay). */
	int fd = open(f->db, O_WRONLY);
	assert_true(fd >= 0);
	char junk[4096];
	memset(junk, 0xA5, sizeof junk);
	for (off_t at = 4096; at < 4096 * 30; at += sizeof junk)
		assert_int_equal(pwrite(fd, junk, sizeof junk, at), (ssize_t)sizeof junk);
	close(fd);

	char warn[STORE_WARN_MAX];
	struct store *st = store_open(f->db, warn);
	/* Either it refuses with a warning or its calls fail; no crash. */
	if (!st) {
		assert_true(warn[0] != '\0');
		return;
	}
	struct store_cache_entry e;
	int rc = store_cache_get(st, "p3", &e);
	assert_true(rc == -1 || rc == 0 || rc == 1);
	store_cache_entry_free(&e);
	int64_t bytes, pages;
	store_cache_usage(st, &bytes, &pages);
	store_free(st);
}

static void test_unopenable_path(void **state)
{
	struct fixture *f = *state;
	char warn[STORE_WARN_MAX];
	char dir[128];
	snprintf(dir, sizeof dir, "%s/folio", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(f->db, 0700), 0);   /* a directory, not a file */
	assert_null(store_open_default(warn));
	assert_non_null(strstr(warn, "folio.db"));
	assert_null(strchr(warn, '\n'));

	/* The data directory's place is taken by a file. */
	char other[128];
	snprintf(other, sizeof other, "%s/x", f->dir);
	write_file(other, "x", 1);
	setenv("XDG_DATA_HOME", other, 1);
	assert_null(store_open_default(warn));
	assert_non_null(strstr(warn, other));
}

/* A database from the first schema (page bytes inside the cache rows):
 * history and saved list survive the upgrade; the cache starts empty. */
static void test_migrates_schema_1(void **state)
{
	struct fixture *f = *state;
	char dir[128];
	snprintf(dir, sizeof dir, "%s/folio", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"CREATE TABLE history (url TEXT PRIMARY KEY NOT NULL, title TEXT,"
		" site TEXT, opened INTEGER NOT NULL, seq INTEGER NOT NULL,"
		" opens INTEGER NOT NULL DEFAULT 1,"
		" pos_block INTEGER NOT NULL DEFAULT 0,"
		" pos_offset INTEGER NOT NULL DEFAULT 0);"
		"CREATE INDEX history_seq ON history(seq);"
		"CREATE TABLE cache (url TEXT PRIMARY KEY NOT NULL,"
		" size INTEGER NOT NULL, used INTEGER NOT NULL,"
		" fetched INTEGER NOT NULL, final_url TEXT, content_type TEXT,"
		" charset TEXT, etag TEXT, last_modified TEXT, body BLOB NOT NULL);"
		"CREATE INDEX cache_used ON cache(used);"
		"CREATE TABLE saved (url TEXT PRIMARY KEY NOT NULL, title TEXT,"
		" site TEXT, saved INTEGER NOT NULL, seq INTEGER NOT NULL,"
		" article TEXT NOT NULL, html BLOB NOT NULL);"
		"INSERT INTO history(url,title,opened,seq,pos_block,pos_offset)"
		" VALUES('https://old.example/', 'Old', 5, 1, 7, 8);"
		"INSERT INTO cache(url,size,used,fetched,body) VALUES('u',1,1,1,'x');"
		"INSERT INTO saved(url,saved,seq,article,html)"
		" VALUES('https://old.example/s',1,1,'{}','<p>');"
		"PRAGMA user_version=1;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	f->st = open_default();
	long b, o;
	assert_int_equal(store_history_get_position(f->st, "https://old.example/", &b, &o), 1);
	assert_int_equal(b, 7);
	assert_int_equal(o, 8);
	struct store_saved sv;
	assert_int_equal(store_saved_get(f->st, "https://old.example/s", &sv), 1);
	assert_string_equal(sv.html, "<p>");
	store_saved_free(&sv);
	assert_int_equal(cached(f->st, "u"), 0);
	put_page(f->st, "u", 3);
	assert_int_equal(cached(f->st, "u"), 1);
	db = raw_open(f->db);
	assert_int_equal(raw_long(db, "PRAGMA user_version"), 6);
	/* step 4: the saved article's JSON copy (never read) is gone */
	sqlite3_stmt *q = NULL;
	assert_int_not_equal(sqlite3_prepare_v2(db, "SELECT article FROM saved", -1, &q, NULL),
			     SQLITE_OK);
	sqlite3_finalize(q);
	/* step 5: each feed's last error */
	q = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT error, error_at FROM feed", -1, &q, NULL),
			 SQLITE_OK);
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static void test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	f->st = open_default();
	store_free(f->st);
	f->st = NULL;
	sqlite3 *db = raw_open(f->db);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	char warn[STORE_WARN_MAX];
	assert_null(store_open_default(warn));
	assert_non_null(strstr(warn, "newer folio"));
}

static void test_no_store_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	char warn[STORE_WARN_MAX];
	setenv("FOLIO_NO_STORE", "1", 1);
	assert_true(store_disabled_by_env());
	assert_null(store_open_default(warn));
	assert_string_equal(warn, "");
	struct stat sb;
	char dir[128];
	snprintf(dir, sizeof dir, "%s/folio", f->dir);
	assert_int_equal(stat(dir, &sb), -1);
	assert_int_equal(errno, ENOENT);

	setenv("FOLIO_NO_STORE", "0", 1);
	assert_false(store_disabled_by_env());
	setenv("FOLIO_NO_STORE", "", 1);
	assert_false(store_disabled_by_env());
	unsetenv("FOLIO_NO_STORE");
}

static void test_default_dir(void **state)
{
	struct fixture *f = *state;
	char *d = store_default_dir();
	char want[128];
	snprintf(want, sizeof want, "%s/folio", f->dir);
	assert_string_equal(d, want);
	free(d);

	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", "/home/someone", 1);
	setenv("XDG_DATA_HOME", "relative/path", 1);   /* invalid: ignored */
	d = store_default_dir();
	assert_string_equal(d, "/home/someone/.local/share/folio");
	free(d);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_null(store_default_dir());
	if (home)
		setenv("HOME", home, 1);
	free(home);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_private_wal_db, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_store_is_harmless, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_lru_eviction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_default_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_processes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_waits_for_writer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_held_long, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill9_mid_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill9_during_write_loop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_pages_fail_softly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unopenable_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrates_schema_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_store_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_dir, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
