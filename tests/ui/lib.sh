# lib.sh - sourced by tests/sh/test_ui*.sh: runs folio inside a private
# tmux server and compares screens.  Every wait is a bounded poll, never a
# fixed sleep.
#
#   ui_start [-x W] [-y H] [-c DIR] [-i FILE] [-t] [ENV=VAL...] -- ARGS...
#                           folio ARGS in a new session on a new tmux
#                           server (stdin from FILE with -i; -t: stderr
#                           on the terminal too, else $UI_TMP/stderr)
#   ui_keys KEY...          tmux send-keys
#   ui_expect NAME          wait until the screen equals tests/ui/NAME.screen
#   ui_wait_text TEXT       wait until TEXT is somewhere on the screen
#   ui_wait_match [-a] [-l N] ERE [WHY]
#                           wait until a line (line N; -a: with attributes
#                           as escape sequences) matches ERE; fails with WHY
#   ui_wait_exit            wait until folio has exited; sets UI_STATUS
# UI_RECORD=1 writes a missing .screen file from what is shown (review it).
# UI_LOCALE (default C.UTF-8) is folio's LANG and LC_ALL: tests/run.sh runs
# every UI test again under tr_TR.UTF-8, against the same screens.
#
# Each ui_start gets a tmux server of its own (a new socket name): a server
# that is still shutting down after kill-server is never reused, which
# made "server exited unexpectedly" failures on a loaded machine.
UI_DIR=$(cd "$(dirname "$0")/../ui" && pwd)
UI_SOCK_BASE=folio-test-$$
UI_SOCK_N=0
UI_SOCK=$UI_SOCK_BASE-0
UI_LOCALE=${UI_LOCALE:-C.UTF-8}
UI_TMP=$(mktemp -d)
UI_TRIES=${UI_TRIES:-600}       # x 0.05 s = 30 s per wait: a loaded machine, ASan
: "${FOLIO:?FOLIO must name the folio binary}"

ui_cleanup() {
	tmux -L "$UI_SOCK" kill-server 2>/dev/null
	rm -rf "$UI_TMP"
}
trap ui_cleanup EXIT
trap 'exit 1' INT TERM HUP

command -v tmux >/dev/null 2>&1 || {
	echo "tmux is not installed (scripts/install-deps.sh installs it)" >&2
	exit 1
}
locale -a 2>/dev/null | sed 's/utf8$/UTF-8/' | grep -qx "$UI_LOCALE" || {
	echo "locale $UI_LOCALE is missing (scripts/install-deps.sh generates it)" >&2
	exit 1
}

tm() {
	tmux -L "$UI_SOCK" "$@"
}

ui_diag() {
	[ -s "$UI_TMP/status" ] && echo "--- folio exited: $(cat "$UI_TMP/status")" >&2
	[ -s "$UI_TMP/stderr" ] && { echo "--- folio's stderr:" >&2; cat "$UI_TMP/stderr" >&2; }
	return 0
}

ui_fail() {
	echo "FAIL: $*" >&2
	echo "--- screen:" >&2
	ui_screen >&2
	ui_diag
	exit 1
}

ui_start() {
	w=80 h=24 envs="" dir=$(pwd) input="" err="2>'$UI_TMP/stderr'"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		case $1 in
		-c) dir=$2; shift ;;
		-i) input="<'$2'"; shift ;;
		-t) err="" ;;
		-x) w=$2; shift ;;
		-y) h=$2; shift ;;
		*) envs="$envs $1" ;;
		esac
		shift
	done
	[ "${1:-}" = "--" ] && shift
	# The exit status lands in a file; the pane stays so it can be read.
	args=""
	for a in "$@"; do
		args="$args '$a'"
	done
	rm -f "$UI_TMP/status"
	mkdir -p "$UI_TMP/home"        # a fresh history and config per run
	tmux -L "$UI_SOCK" kill-server 2>/dev/null
	UI_SOCK_N=$((UI_SOCK_N + 1))
	UI_SOCK=$UI_SOCK_BASE-$UI_SOCK_N
	tm -f /dev/null new-session -d -x "$w" -y "$h" -s t -c "$dir" \
		"env -u NO_COLOR -u BROWSER -u XDG_DATA_HOME -u XDG_CONFIG_HOME \
		 HOME='$UI_TMP/home' LANG='$UI_LOCALE' LC_ALL='$UI_LOCALE' $envs \
		 '$FOLIO' $args $input $err; echo \$? >'$UI_TMP/status'; \
		 sleep 1000" || ui_fail "tmux did not start"
	tm set-option -g status off >/dev/null
	tm set-option -g remain-on-exit on >/dev/null
}

ui_keys() {
	tm send-keys -t t "$@"
}

ui_screen() {
	tm capture-pane -p -t t
}

# The screen, including attributes as escape sequences.
ui_screen_attrs() {
	tm capture-pane -p -e -t t
}

ui_expect() {
	want=$UI_DIR/$1.screen
	if [ -n "${UI_RECORD:-}" ] && [ ! -f "$want" ]; then
		# Writing a new expectation: wait for a still screen, then
		# review the file by eye before committing it.
		sleep 0.5
		ui_screen >"$want"
		echo "recorded $want" >&2
		return 0
	fi
	[ -f "$want" ] || ui_fail "no expected screen $want"
	i=0
	while [ $i -lt "$UI_TRIES" ]; do
		ui_screen >"$UI_TMP/got"
		cmp -s "$UI_TMP/got" "$want" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "FAIL: screen differs from $1.screen" >&2
	diff -u "$want" "$UI_TMP/got" >&2
	ui_diag
	exit 1
}

ui_wait_text() {
	i=0
	while [ $i -lt "$UI_TRIES" ]; do
		ui_screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	ui_fail "'$1' never appeared"
}

ui_wait_exit() {
	i=0
	while [ $i -lt "$UI_TRIES" ]; do
		if [ -s "$UI_TMP/status" ]; then
			UI_STATUS=$(cat "$UI_TMP/status")
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	ui_fail "folio did not exit"
}

ui_wait_match() {
	how=ui_screen line=""
	while :; do
		case $1 in
		-a) how=ui_screen_attrs; shift ;;
		-l) line=$2; shift 2 ;;
		*) break ;;
		esac
	done
	i=0
	while [ $i -lt "$UI_TRIES" ]; do
		if [ -n "$line" ]; then
			$how | sed -n "${line}p" | grep -qE -- "$1" && return 0
		else
			$how | grep -qE -- "$1" && return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	ui_fail "${2:-no line matches '$1'}"
}
