#!/bin/sh
# Pager in tmux: / and ? search, n and N, a phrase split over two screen
# lines, highlighting, the wrap-around message, smart case.
set -u
. "$(dirname "$0")/../ui/lib.sh"
esc=$(printf '\033')

ui_start NO_COLOR=1 -- tests/ui/long.html
ui_expect scroll-open
# "lit again" ends one line and "council" starts the next.
ui_keys / "lit again council" Enter
ui_expect search-p12
# The current match: reverse, bold and underlined (the others: reverse).
ui_screen_attrs | head -n 1 | grep -qF "${esc}[1;4;7mlit again" ||
	ui_fail "first half of the match is not highlighted"
ui_screen_attrs | sed -n 2p | grep -q "^council${esc}\[0m" ||
	ui_fail "second half of the match is not highlighted"
ui_keys n
ui_wait_text "Search hit BOTTOM, continuing at TOP"
ui_expect search-p12-wrapped

ui_keys g / "lighthouse keeper" Enter
ui_expect search-p12-keeper
ui_keys n;  ui_expect search-p20
ui_keys n;  ui_expect search-p12-wrapped-keeper
ui_keys N;  ui_wait_text "Search hit TOP, continuing at BOTTOM"
ui_keys N;  ui_expect search-p12-keeper
ui_keys g ? "keeper" Enter
ui_wait_text "Search hit TOP, continuing at BOTTOM"
ui_wait_match -l 1 "^Paragraph 20:" "? did not find paragraph 20"
ui_keys n;  ui_expect search-p12-keeper

# Every match is counted; the current one stands out from the others.
ui_keys g / council Enter
ui_wait_match "^ match 1 of [0-9]{2} " "no match count"
ui_wait_match -a -l 5 "ferry ${esc}\\[1;4;7mcouncil" "the current match is not marked"
ui_wait_match -a -l 6 "ferry ${esc}\\[7mcouncil" "another match is not highlighted"
ui_keys n
ui_wait_match "^ match 2 of [0-9]{2} " "n did not count on"
ui_wait_match -a -l 5 "ferry ${esc}\\[7mcouncil" "the first match is still the current one"
ui_wait_match -a -l 6 "ferry ${esc}\\[1;4;7mcouncil" "n did not move the current match"

# Smart case: a capital makes the case matter.
ui_keys / LIGHTHOUSE Enter
ui_wait_text "Pattern not found: LIGHTHOUSE"
ui_keys g / "PARAGRAPH 9" Enter
ui_wait_text "Pattern not found: PARAGRAPH 9"
ui_keys / "paragraph 9" Enter
ui_wait_text "Paragraph 9: passenger"
ui_wait_match -l 1 "^Paragraph 9:" "paragraph 9 not at the top"
ui_keys g / "Paragraph 10" Enter
ui_screen | head -n 1 >/dev/null
ui_wait_text "Paragraph 10: harbour"
ui_wait_match -l 1 "^Paragraph 10:" "paragraph 10 not at the top"
# Esc cancels a search being typed; an empty pattern repeats the last.
ui_keys g / "ferry" Escape
ui_expect scroll-open
ui_keys / Enter
ui_wait_text "Paragraph 10: harbour"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
