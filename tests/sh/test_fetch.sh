#!/bin/sh
# folio URL against tests/server.py on loopback: redirects, cookies, HTTP
# errors, encodings, limits, content types, charset, meta refresh.
. "$(dirname "$0")/../server_lib.sh"
start_server
U=http://127.0.0.1:$PORT

# A plain page, and the URL in the JSON is the one fetched.
run --dump=json "$U/article"
expect_rc 0
expect_out '"url":"'"$U"'/article"'
expect_out 'harbour committee'

# Redirect chain: the final URL is the base for relative links.
run --dump=json "$U/chain/3"
expect_rc 0
expect_out '"url":"'"$U"'/sub/dir/page.html"'
expect_out "\"$U/sub/dir/other.html\""
expect_out "\"$U/top.html\""

# Redirect loop: stops after 10.
run --dump=json "$U/loop"
expect_rc 2
expect_err "^folio: $U/loop: too many redirects"

# Redirect to file:// is never followed, nor a first URL of another scheme.
expect_web_only

# A redirect to a Location with control bytes: the server's fault (exit
# 2), the target named with its controls made harmless (was "malformed
# URL", exit 3, as if the user's URL were at fault).
run --dump=text "$U/to-control"
expect_rc 2
expect_err "^folio: $U/to-control: redirect to a malformed URL: /sub/dir/page.html?\[31m?x$"
! grep -q "$(printf '\033')" "$TMP/err" || fail "an escape reached stderr"

# A cookie set during a redirect is sent back (else this loops).
run --dump=text "$U/cookie-set"
expect_rc 0
expect_out 'Cookie accepted'

# HTTP errors: status and reason, and the error page is never extracted.
run --dump=json "$U/404"
expect_rc 5
expect_err "^folio: $U/404: HTTP 404 Not Found$"
[ -s "$TMP/out" ] && fail "a 404 page was printed"
run --dump=json "$U/500"
expect_rc 5
expect_err "$U/500: HTTP 500 Internal Server Error"
run --dump=json "$U/410-empty"
expect_rc 5
expect_err "HTTP 410 Gone"
# A known code gets its standard phrase whatever the server says; an
# unknown one the server's phrase, without its control bytes.
run --dump=json "$U/lying-reason"
expect_rc 5
expect_err "$U/lying-reason: HTTP 404 Not Found$"
run --dump=json "$U/odd-status"
expect_rc 5
expect_err "$U/odd-status: HTTP 499 Custom \[31mPhrase$"
# A URL of 2 000 characters: its middle gives way, the cause stays on
# the line (it was cut off: "folio: http://...aaaa", no cause).
long=$U/404?$(printf '%02000d' 0)
run --dump=json "$long"
expect_rc 5
expect_err "^folio: $U/404?000.*\.\.\..*000: HTTP 404 Not Found$"
[ "$(wc -c <"$TMP/err")" -lt 600 ] || fail "$LAST: a line of $(wc -c <"$TMP/err") bytes"
run --dump=json "$U/loop?$(printf '%02000d' 0)"
expect_rc 2
expect_err "000: too many redirects (more than 10)$"

# The error names the final URL when a redirect led there.
run --dump=json "$U/to-404"
expect_rc 5
expect_err "^folio: $U/to-404: HTTP 404 Not Found at $U/404$"

# Compressed body.
run --dump=text "$U/gzip"
expect_rc 0
expect_out 'harbour committee'

# A body that ends early is an error naming the cause, never a short
# article: half a gzip stream (with a Content-Length that matches the
# half, and without one), a Content-Length body cut short, a chunked
# body without its last chunk.  (The gzip ones once gave exit 0 and an
# article reading "The".)
cut_short() {   # PATH CAUSE
	run --dump=text "$U/$1"
	expect_rc 2
	expect_err "^folio: $U/$1: body cut short ($2"
	[ -s "$TMP/out" ] && fail "$LAST printed something"
}
cut_short gzip-half "compressed data ends early)$"
cut_short gzip-half-close "compressed data ends early)$"
cut_short short-length "transfer closed"
cut_short short-chunked "transfer closed"

# Silent server: the whole-transfer limit ends it (10x guard on time).
start=$(date +%s)
run --dump=text --timeout 2 "$U/silent"
expect_rc 2
expect_err "$U/silent: timed out"
[ $(($(date +%s) - start)) -lt 20 ] || fail "--timeout 2 took too long"

# Headers, then nothing; a Content-Length the body never reaches on a
# connection left open: the timeout ends both.
for r in stall-headers long-length; do
	run --dump=text --timeout 2 "$U/$r"
	expect_rc 2
	expect_err "^folio: $U/$r: timed out (no complete answer within 2 s)$"
	[ -s "$TMP/out" ] && fail "$LAST printed something"
done
# A Content-Length shorter than the body: the rest is never read (the
# message is complete as HTTP frames it).
run --dump=text "$U/short-body-length"
expect_rc 0
expect_out '^Short length$'

# A gzip bomb (64 MiB of spaces, 64 KB on the wire): decoding stops at
# the size cap (the 32 MiB default), never holds the whole.
run --dump=text "$U/gzip-bomb"
expect_rc 6
expect_err "^folio: $U/gzip-bomb: too large (over 33554432 bytes)$"
run --dump=text --max-size 1M "$U/gzip-bomb"
expect_rc 6
expect_err "^folio: $U/gzip-bomb: too large (over 1048576 bytes)$"

# A redirect to ftp:// is refused like one to file://.
run --dump=text "$U/to-ftp"
expect_rc 2
expect_err "^folio: $U/to-ftp: redirect to an unsupported scheme (only http and https are followed): ftp://127.0.0.1/pub/x$"

# Endless body: the size cap aborts the transfer.
run --dump=text --max-size 100k "$U/endless"
expect_rc 6
expect_err "$U/endless: too large (over 102400 bytes)"
# A Content-Length over the cap is refused before the body.
run --dump=text "$U/huge-length"
expect_rc 6
expect_err "too large"

# Wrong content types name the type.
run --dump=text "$U/pdf"
expect_rc 6
expect_err "$U/pdf: not HTML (content type application/pdf)"
run --dump=text "$U/json"
expect_rc 6
expect_err "application/json"
run --dump=text "$U/xhtml"
expect_rc 0
expect_out 'harbour'
# No Content-Type: HTML-looking bytes are read, others refused.
run --dump=text "$U/notype"
expect_rc 0
expect_out 'harbour'
run --dump=text "$U/notype-binary"
expect_rc 6
expect_err "not HTML"

# Charset only in the header (windows-1251 bytes, no meta).
run --dump=text "$U/cp1251"
expect_rc 0
expect_out 'Вчера в городе открыли новый мост'

# A charset name nobody knows: the bytes still decide (UTF-8 here).
run --dump=text "$U/bogus-charset"
expect_rc 0
expect_out 'Вчера в городе открыли новый мост'

# UTF-16 without a BOM, its charset in the header or nowhere: read (it
# was "not a readable HTML or text document", exit 4); with a BOM too.
for r in utf16-nobom utf16-untold utf16-bom; do
	run --dump=text "$U/$r"
	expect_rc 0
	expect_out '^Sixteen bits$'
	expect_out 'harbour committee met on Tuesday'
done

# A NUL early in a page is dropped, the page read; a page without text
# is no article.
run --dump=text "$U/nul-early"
expect_rc 0
expect_out '^Nul early$'
run --dump=json "$U/no-text"
expect_rc 4
expect_err "^folio: $U/no-text: no readable text$"
# An empty body, and binary junk served as text/html: no article.
run --dump=json "$U/empty-200"
expect_rc 4
expect_err "^folio: $U/empty-200: empty document$"
run --dump=text "$U/junk-200"
expect_rc 4
expect_err "^folio: $U/junk-200: not a readable HTML or text document$"
[ -s "$TMP/out" ] && fail "$LAST printed something"

# Meta refresh: a stub is followed once, to http(s) only, never in a loop.
run --dump=json "$U/refresh-ok"
expect_rc 0
expect_out 'harbour committee'
expect_out '"url":"'"$U"'/article"'
run --dump=json "$U/refresh-a"
expect_rc 4
expect_err "$U/refresh-a: no article (meta refresh"
run --dump=json "$U/refresh-self"
expect_rc 4
expect_err "refreshes to itself"
run --dump=json "$U/refresh-slow"
expect_rc 4
run --dump=json "$U/refresh-file"
expect_rc 4
expect_no_out 'root:'
run --dump=json "$U/refresh-article"
expect_rc 0
expect_out 'Article with a refresh'

# User-Agent: folio's own, or the one given.
version=$("$FOLIO" --version | sed 's/^folio //')
run --dump=text "$U/ua"
expect_rc 0
expect_out "Agent was \[folio/$version\]"
run --dump=text --user-agent 'TestAgent/1.0' "$U/ua"
expect_rc 0
expect_out 'Agent was \[TestAgent/1.0\]'

# Connection refused: a port nobody listens on.
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
run --dump=text "http://127.0.0.1:$closed/"
expect_rc 2
expect_err "http://127.0.0.1:$closed/: connection refused"

# Option values are checked.
run --timeout 0 "$U/article"
expect_rc 1
run --max-size 12X "$U/article"
expect_rc 1
# A negative size is no size, however large its suffix makes it (times
# 1024^3 once wrapped round to 1 GiB: signed overflow).
run --max-size -9223372036854775807g "$U/article"
expect_rc 1
run --jobs many "$U/article"
expect_rc 1
exit 0
