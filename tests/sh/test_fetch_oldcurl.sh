#!/bin/sh
# An older libcurl (tests/shim/curl-old.c: says 7.80.0, has no
# CURLOPT_PROTOCOLS_STR): folio reads the version with curl_version_info
# and falls back to CURLOPT_PROTOCOLS, so redirects to file:// and other
# schemes stay refused.  A libcurl that takes neither option makes
# folio refuse to fetch, naming the option, instead of fetching without
# the http/https-only rule.
. "$(dirname "$0")/../server_lib.sh"
shim=$FOLIO_BUILD/shim/curl-old.so
[ -f "$shim" ] || fail "$shim not built (make test builds it)"
start_server
U=http://127.0.0.1:$PORT
export FOLIO_LIBCURL="$shim"

run --dump=json "$U/article"
expect_rc 0
expect_out 'harbour committee'

# The protocol rule holds, for the first URL and for redirects.
expect_web_only

# No way to restrict protocols: nothing is fetched, one clear line.
FOLIO_SHIM_NO_PROTOCOLS=1 run --dump=text "$U/article"
expect_rc 2
expect_err "^folio: $U/article: not fetched: libcurl 7.80.0 refused CURLOPT_PROTOCOLS ("
[ -s "$TMP/out" ] && fail "fetched without the protocol rule"
echo "ok: an old libcurl keeps the http/https rule, or nothing is fetched"
