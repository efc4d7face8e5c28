#!/bin/sh
# The libraries only some pages need are loaded when first needed
# (src/util-dl.c), never at start-up: folio is linked with none of them,
# and a file with a declared charset, ASCII hosts and no picture drawn
# loads none.  libcurl comes with the first URL; libuchardet with an
# undeclared page that is not UTF-8; libidn2 with a host that is not
# ASCII (the pictures' libraries: tests/sh/test_ui_images.sh).  One that
# cannot be loaded ($FOLIO_LIBCURL, ...) is one error line with the
# network status for URLs only; an undeclared page is read as
# windows-1252 without libuchardet.
. "$(dirname "$0")/../server_lib.sh"
start_server
U=http://127.0.0.1:$PORT
page=$TESTS_DIR/../data/sample-rt.html
koi8=$TESTS_DIR/../data/koi8-r-undeclared.html
# Each lazily loaded library, as its file is named (glib: chafa's).
lazy='lib\(curl\|chafa\|glib-2\|jpeg\|png16\|webp\|gif\|uchardet\|idn2\)'

# Not linked: no NEEDED entry for any.
if command -v readelf >/dev/null 2>&1; then
	readelf -d "$FOLIO_BUILD/folio" >"$TMP/dyn" || fail "readelf failed on $FOLIO_BUILD/folio"
	grep -q 'NEEDED.*libxml2' "$TMP/dyn" || fail "readelf shows no NEEDED libraries"
	! grep "NEEDED.*$lazy" "$TMP/dyn" || fail "folio is linked with the libraries above"
fi

# ld.so's own account (LD_DEBUG=files) of what a run loads.
loads() {
	LD_DEBUG=files "$FOLIO" "$@" >"$TMP/out" 2>"$TMP/ld"
	rc=$?
	LAST="LD_DEBUG=files folio $*"
}
# run_env VAR=VALUE ARGS...: folio with VAR set (a library to load instead).
run_env() {
	setting=$1; shift
	env "$setting" "$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	LAST="$setting folio $*"
}
# loaded NAME: whether the run dlopen()ed libNAME (not at start-up).
loaded() {
	grep -q "file=lib$1[.-].*dynamically loaded" "$TMP/ld"
}
# none_loaded: none of them was loaded, at start-up or later.
none_loaded() {
	grep -q 'file=libc\.so' "$TMP/ld" || fail "LD_DEBUG=files printed nothing: cannot tell what was loaded"
	! grep "file=$lazy" "$TMP/ld" || fail "$LAST loaded the libraries above"
}

loads --version
expect_rc 0
none_loaded

loads --dump=json "$page"
expect_rc 0
expect_out '"blocks"'
none_loaded
loads --dump=text "$page"
expect_rc 0
none_loaded

# An undeclared KOI8-R page: libuchardet is loaded, and tells.
loads --dump=json "$koi8"
expect_rc 0
expect_out 'Портовый совет'
loaded uchardet || fail "$LAST did not dlopen libuchardet"
! loaded curl || fail "$LAST loaded libcurl"
# Without it, the page is still read, as windows-1252 (no guess).
run_env FOLIO_LIBUCHARDET=/nonexistent/libuchardet.so.0 --dump=json "$koi8"
expect_rc 0
! grep -q 'Портовый' "$TMP/out" || fail "$LAST: still decoded as KOI8-R"
expect_out '"blocks"'
[ -s "$TMP/err" ] && fail "$LAST wrote to stderr: $(cat "$TMP/err")"

# A link to a host that is not ASCII: libidn2 writes it as IDNA.
idn=$TMP/idn.html
{
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Books</title></head><body><article>\n'
	printf '<h1>Books</h1>\n'
	for i in 1 2 3 4 5 6; do
		printf '<p>Paragraph %d: the harbour committee met again and heard why the old pier should be rebuilt, says <a href="http://b\303\274cher.example/%d">the shop</a>.</p>\n' "$i" "$i"
	done
	printf '</article></body></html>\n'
} >"$idn"
loads --dump=json "$idn"
expect_rc 0
expect_out 'http://xn--bcher-kva.example/1'
loaded idn2 || fail "$LAST did not dlopen libidn2"
run_env FOLIO_LIBIDN2=/nonexistent/libidn2.so.0 --dump=json "$idn"
expect_rc 0
expect_out 'Paragraph 6: the harbour committee'
! grep -q 'xn--' "$TMP/out" || fail "$LAST: an IDNA host without libidn2"

# A URL loads it, with dlopen ("dynamically loaded"), not at start-up.
loads --dump=json "$U/article"
expect_rc 0
expect_out 'harbour committee'
loaded curl || fail "$LAST did not dlopen libcurl"

# run_lib LIB ARGS...: run with FOLIO_LIBCURL=LIB.
run_lib() {
	lib=$1; shift
	run_env "FOLIO_LIBCURL=$lib" "$@"
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
