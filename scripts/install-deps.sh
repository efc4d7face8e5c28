#!/bin/sh
# Installs the Debian packages folio needs to build and test, and nothing
# else.  A no-op when they are all present.  Run by `make run`/`make check`.
set -eu

# Build: compiler, pkg-config and the libraries folio links.
# Test: cmocka (unit tests), tmux (pager tests), python3 + openssl (the
# loopback HTTP/HTTPS test server and its throw-away certificate).
PKGS="gcc make pkg-config libxml2-dev libcurl4-openssl-dev libncurses-dev
libunistring-dev libjansson-dev libsqlite3-dev libcmocka-dev
tmux python3 openssl ca-certificates"

# Extra groups asked for by name: `install-deps.sh fuzz` adds clang and its
# sanitizer/fuzzer runtime, `valgrind` adds valgrind.
for extra in "$@"; do
	case "$extra" in
	fuzz) PKGS="$PKGS clang libclang-rt-14-dev" ;;
	valgrind) PKGS="$PKGS valgrind" ;;
	*) echo "install-deps.sh: unknown group '$extra' (known: fuzz valgrind)" >&2; exit 1 ;;
	esac
done

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps.sh: missing packages:$missing; this is not a Debian system (no apt-get): install them by hand" >&2
	exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "install-deps.sh: missing packages:$missing; need root or sudo to install them (run: apt-get install$missing)" >&2
	exit 1
fi

echo "install-deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
