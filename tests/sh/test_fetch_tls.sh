#!/bin/sh
# HTTPS against a server whose certificate is self-signed (made now, for
# this run): folio refuses it, because verification is always on.
. "$(dirname "$0")/../server_lib.sh"
if ! command -v openssl >/dev/null 2>&1; then
	echo "skip: no openssl command to make a certificate"
	exit 0
fi
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 \
	-keyout "$TMP/key.pem" -out "$TMP/cert.pem" >/dev/null 2>&1 ||
	fail "openssl could not make a certificate"
start_server --tls "$TMP/cert.pem" "$TMP/key.pem"

run --dump=json "https://127.0.0.1:$PORT/article"
expect_rc 2
expect_err "^folio: https://127.0.0.1:$PORT/article: TLS failure"
expect_err "certificate"
[ -s "$TMP/out" ] && fail "an untrusted page was printed"

# The server itself works: a client that trusts the certificate reads it
# (proves the refusal is about trust, not a broken server).
python3 - "$PORT" "$TMP/cert.pem" <<'PY' || fail "the TLS test server does not answer"
import ssl, sys, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[2])
with urllib.request.urlopen("https://127.0.0.1:%s/article" % sys.argv[1],
                            context=ctx, timeout=10) as r:
    assert b"harbour committee" in r.read()
PY
exit 0
