#!/bin/sh
# libcurl is loaded only when a URL is fetched (src/fetch-curl.c): folio is
# not linked with it, start-up and files never load it, and a libcurl
# that cannot be loaded ($FOLIO_LIBCURL) is one error line with the
# network exit status, for URLs only.
. "$(dirname "$0")/../server_lib.sh"
start_server
U=http://127.0.0.1:$PORT
page=$TESTS_DIR/../data/sample-rt.html

# Not linked: no NEEDED entry for it.
if command -v readelf >/dev/null 2>&1; then
	readelf -d "$FOLIO_BUILD/folio" >"$TMP/dyn" || fail "readelf failed on $FOLIO_BUILD/folio"
	grep -q 'NEEDED.*libxml2' "$TMP/dyn" || fail "readelf shows no NEEDED libraries"
	! grep -q 'NEEDED.*libcurl' "$TMP/dyn" || fail "folio is linked with libcurl"
fi

# ld.so's own account (LD_DEBUG=files) of what a run loads.
loads() {
	LD_DEBUG=files "$FOLIO" "$@" >"$TMP/out" 2>"$TMP/ld"
	rc=$?
	LAST="LD_DEBUG=files folio $*"
}

loads --version
expect_rc 0
grep -q 'file=libc\.so' "$TMP/ld" || fail "LD_DEBUG=files printed nothing: cannot tell what was loaded"
! grep -q 'libcurl' "$TMP/ld" || fail "$LAST loaded libcurl"

loads --dump=json "$page"
expect_rc 0
expect_out '"blocks"'
! grep -q 'libcurl' "$TMP/ld" || fail "$LAST loaded libcurl"

# A URL loads it, with dlopen ("dynamically loaded"), not at start-up.
loads --dump=json "$U/article"
expect_rc 0
expect_out 'harbour committee'
grep -q 'file=libcurl.*dynamically loaded' "$TMP/ld" || fail "$LAST did not dlopen libcurl"

# run_lib LIB ARGS...: run with FOLIO_LIBCURL=LIB.
run_lib() {
	lib=$1; shift
	FOLIO_LIBCURL=$lib "$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	LAST="FOLIO_LIBCURL=$lib folio $*"
}

# A library that is not there: one line naming the URL and the cause,
# network status, nothing on stdout.
run_lib /nonexistent/libcurl.so.4 --dump=json "$U/article"
expect_rc 2
expect_err "^folio: $U/article: cannot load libcurl (/nonexistent/libcurl.so.4: cannot open shared object file"
[ -s "$TMP/out" ] && fail "$LAST printed something"

# A library that is not libcurl.
run_lib libm.so.6 --dump=text "$U/article"
expect_rc 2
expect_err "^folio: $U/article: cannot load libcurl (.*curl_global_init"

# A file that is no library at all.
echo 'not a library' >"$TMP/libcurl.so.4"
run_lib "$TMP/libcurl.so.4" --dump=text "$U/article"
expect_rc 2
expect_err "^folio: $U/article: cannot load libcurl ($TMP/libcurl.so.4: "

# Files need no libcurl: they are read whatever FOLIO_LIBCURL says.
run_lib /nonexistent/libcurl.so.4 --dump=json "$page"
expect_rc 0
expect_out '"blocks"'

# A batch: each URL fails alone, the file among them is still read, the
# status is the first failure's.
run_lib /nonexistent/libcurl.so.4 --dump=json "$U/article" "$page" "$U/gzip"
expect_rc 2
[ "$(grep -c '"error":"cannot load libcurl (/nonexistent/libcurl.so.4: ' "$TMP/out")" -eq 2 ] ||
	fail "$LAST: wanted both URLs' errors"
[ "$(grep -c '"blocks"' "$TMP/out")" -eq 1 ] || fail "$LAST: the file was not read"
exit 0
