/* Unit tests for fetch.c without the network: error mapping, header
 * parsing, meta-refresh parsing, and transfers that fail on loopback. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>
#include <curl/curl.h>

#include "folio/fetch.h"

static void expect_cause(int code, long os_errno, enum status_code st,
			 const char *word)
{
	const char *cause = NULL;
	assert_int_equal(fetch_error_status(code, os_errno, &cause), st);
	assert_non_null(cause);
	if (!strstr(cause, word))
		fail_msg("cause for curl code %d is '%s', wanted '%s'", code,
			 cause, word);
}

static void test_error_mapping(void **state)
{
	(void)state;
	expect_cause(CURLE_COULDNT_RESOLVE_HOST, 0, STATUS_NETWORK, "DNS");
	expect_cause(CURLE_COULDNT_RESOLVE_PROXY, 0, STATUS_NETWORK, "proxy");
	expect_cause(CURLE_COULDNT_CONNECT, ECONNREFUSED, STATUS_NETWORK,
		     "connection refused");
	expect_cause(CURLE_COULDNT_CONNECT, EHOSTUNREACH, STATUS_NETWORK,
		     "unreachable");
	expect_cause(CURLE_OPERATION_TIMEDOUT, 0, STATUS_NETWORK, "timed out");
	expect_cause(CURLE_PEER_FAILED_VERIFICATION, 0, STATUS_NETWORK, "TLS");
	expect_cause(CURLE_SSL_CONNECT_ERROR, 0, STATUS_NETWORK, "TLS");
	expect_cause(CURLE_TOO_MANY_REDIRECTS, 0, STATUS_NETWORK, "redirects");
	expect_cause(CURLE_UNSUPPORTED_PROTOCOL, 0, STATUS_NETWORK, "scheme");
	expect_cause(CURLE_FILESIZE_EXCEEDED, 0, STATUS_NOT_HTML, "too large");
	expect_cause(CURLE_URL_MALFORMAT, 0, STATUS_INPUT, "malformed");
	expect_cause(CURLE_RECV_ERROR, 0, STATUS_NETWORK, "connection");
	expect_cause(CURLE_SEND_ERROR + 1000, 0, STATUS_NETWORK, "network");
}

static void test_http_reason(void **state)
{
	(void)state;
	assert_string_equal(fetch_http_reason(404), "Not Found");
	assert_string_equal(fetch_http_reason(500), "Internal Server Error");
	assert_string_equal(fetch_http_reason(299), "");
}

static void expect_ct(const char *value, const char *type, const char *cs)
{
	char t[32], c[16];
	fetch_parse_content_type(value, t, sizeof t, c, sizeof c);
	assert_string_equal(t, type);
	assert_string_equal(c, cs);
}

static void test_content_type(void **state)
{
	(void)state;
	expect_ct("text/html", "text/html", "");
	expect_ct("Text/HTML; Charset=\"windows-1251\"", "text/html",
		  "windows-1251");
	expect_ct("application/xhtml+xml;charset=utf-8",
		  "application/xhtml+xml", "utf-8");
	expect_ct(" text/html ; foo=bar; charset = koi8-r ", "text/html",
		  "koi8-r");
	expect_ct("text/html; charset=utf-8\x1b[31m", "text/html", "utf-8");
	expect_ct("text/html; charset=a-very-long-charset-name-indeed",
		  "text/html", "a-very-long-cha");
	expect_ct(NULL, "", "");
	expect_ct("", "", "");
}


static void test_same_url(void **state)
{
	(void)state;
	assert_true(fetch_same_url("http://A.example/x", "http://a.example/x"));
	assert_true(fetch_same_url("http://a.example:80/x#f",
				   "http://a.example/x"));
	assert_true(fetch_same_url("https://a.example", "https://a.example/"));
	assert_false(fetch_same_url("https://a.example/x", "http://a.example/x"));
	assert_false(fetch_same_url("http://a.example/x?1", "http://a.example/x"));
	assert_false(fetch_same_url(NULL, "http://a.example/x"));
}

/* A loopback port nobody listens on: bind one, read it, close it. */
static int closed_port(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;
	assert_true(fd >= 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

static void expect_fetch(const char *url, enum status_code st,
			 const char *word)
{
	struct fetch_result res;
	assert_int_equal(fetch_url(url, NULL, &res), st);
	assert_int_equal(res.status, st);
	assert_null(res.body);
	if (!strstr(res.err, word) || strncmp(res.err, url, strlen(url)) != 0)
		fail_msg("error for %s is '%s', wanted '%s'", url, res.err,
			 word);
	assert_null(strchr(res.err, '\n'));
	fetch_result_free(&res);
}

static void test_local_failures(void **state)
{
	char url[64];
	(void)state;
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", closed_port());
	expect_fetch(url, STATUS_NETWORK, "connection refused");
	expect_fetch("file:///etc/passwd", STATUS_NETWORK, "unsupported scheme");
	expect_fetch("ftp://127.0.0.1/x", STATUS_NETWORK, "unsupported scheme");
	expect_fetch("http://[zz/", STATUS_INPUT, "malformed URL");
}

static void test_many_in_order(void **state)
{
	char url[64];
	const char *urls[3];
	struct fetch_result res[3];
	(void)state;
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", closed_port());
	urls[0] = "gopher://127.0.0.1/";
	urls[1] = url;
	urls[2] = "file:///x";
	assert_int_equal(fetch_many(urls, 3, 2, NULL, res), STATUS_NETWORK);
	assert_non_null(strstr(res[0].err, "gopher://"));
	assert_non_null(strstr(res[1].err, "refused"));
	assert_non_null(strstr(res[2].err, "file:///x"));
	for (int i = 0; i < 3; i++)
		fetch_result_free(&res[i]);
	assert_int_equal(fetch_many(urls, 0, 2, NULL, res), STATUS_OK);
}

struct seen {
	size_t n, order[4];
};

static void on_done(size_t i, struct fetch_result *res, void *arg)
{
	struct seen *s = arg;
	assert_true(s->n < 4);
	s->order[s->n++] = i;
	assert_int_not_equal(res->status, STATUS_OK);
	assert_non_null(strstr(res->err, i == 1 ? "refused" : "scheme"));
}

static void test_many_reports_each(void **state)
{
	char url[64];
	const char *urls[3];
	struct fetch_result res[3];
	struct seen s = { 0 };
	(void)state;
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", closed_port());
	urls[0] = "gopher://127.0.0.1/";
	urls[1] = url;
	urls[2] = "file:///x";
	assert_int_equal(fetch_many_cb(urls, 3, 8, NULL, res, on_done, &s),
			 STATUS_NETWORK);
	assert_int_equal(s.n, 3);
	/* Each index reported exactly once. */
	assert_int_equal((1 << s.order[0]) | (1 << s.order[1]) |
			 (1 << s.order[2]), 7);
	for (int i = 0; i < 3; i++)
		fetch_result_free(&res[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_mapping),
		cmocka_unit_test(test_http_reason),
		cmocka_unit_test(test_content_type),
		cmocka_unit_test(test_same_url),
		cmocka_unit_test(test_local_failures),
		cmocka_unit_test(test_many_in_order),
		cmocka_unit_test(test_many_reports_each),
	};
	/* Never reach out through a proxy from the environment. */
	unsetenv("http_proxy");
	unsetenv("https_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
