#!/bin/sh
# Installs the Debian packages folio needs to build and test, and nothing
# else.  A no-op when they are all present.  Run by `make run`/`make check`.
set -eu

# Build: compiler, pkg-config and the libraries folio links.
# Test: cmocka (unit tests), tmux (pager tests), python3 + openssl (the
# loopback HTTP/HTTPS test server and its throw-away certificate).
PKGS="gcc make pkg-config libxml2-dev libcurl4-openssl-dev libncurses-dev
libunistring-dev libjansson-dev libsqlite3-dev libcmocka-dev libidn2-dev libuchardet-dev
libchafa-dev libglib2.0-dev libjpeg62-turbo-dev libpng-dev libwebp-dev libgif-dev zlib1g-dev
tmux python3 openssl ca-certificates locales"

# Locales the tests run under: C.UTF-8 and tr_TR.UTF-8 (Turkish case
# folding catches locale-dependent comparisons on page data; issue 14).
LOCALES="C.UTF-8 tr_TR.UTF-8"

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

# "tr_TR.UTF-8" is listed by `locale -a` as "tr_TR.utf8".
has_locale() {
	want=$(printf '%s' "$1" | tr 'A-Z' 'a-z' | tr -d -- '-')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | tr -d -- '-' | grep -qx "$want"
}
missing_locales=""
for l in $LOCALES; do
	has_locale "$l" || missing_locales="$missing_locales $l"
done
[ -z "$missing" ] && [ -z "$missing_locales" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "install-deps.sh: missing packages:${missing:- none}, locales:${missing_locales:- none}; need root or sudo to install them" >&2
	exit 1
fi

if [ -n "$missing" ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "install-deps.sh: missing packages:$missing; this is not a Debian system (no apt-get): install them by hand" >&2
		exit 1
	fi
	echo "install-deps.sh: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Each missing locale is enabled in /etc/locale.gen (uncommented, or
# added) and generated; locales already there are kept.
if [ -n "$missing_locales" ]; then
	echo "install-deps.sh: generating locales$missing_locales" >&2
	for l in $missing_locales; do
		line="$l UTF-8"
		if grep -q "^# *$line\$" /etc/locale.gen 2>/dev/null; then
			$SUDO sed -i "s/^# *$line\$/$line/" /etc/locale.gen
		elif ! grep -q "^$line\$" /etc/locale.gen 2>/dev/null; then
			echo "$line" | $SUDO tee -a /etc/locale.gen >/dev/null
		fi
	done
	$SUDO locale-gen --keep-existing >/dev/null
fi
