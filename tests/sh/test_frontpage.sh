#!/bin/sh
# A site's front page through the binary, served on loopback
# (tests/server.py --root): --dump=json lists its stories once each with
# absolute links and none of its boilerplate, an article on the same
# site stays an article, --subscribe adds the front page like a feed
# (once), --refresh finds the story added since, folio alone lists the
# stored stories, and a page that is neither gives a clear error.
. "$(dirname "$0")/../server_lib.sh"
export TZ=UTC
serve_www
unset FOLIO_NO_STORE
FEEDS=$XDG_CONFIG_HOME/folio/feeds
top=$(cd "$(dirname "$0")/../.." && pwd)

# The usual shape (data/list-front.html), its links made relative to
# this server's root.
sed 's#href="/#href="#g' "$top/data/list-front.html" >"$W/front.html"
story_page "$W/story.html" "Pier vote story"

# ---- the front page is a list of its stories
run --dump=json "$R/front.html"
expect_rc 0
json_check "$TMP/out" 'd["kind"] == "list" and len(d["stories"]) == 10'
json_check "$TMP/out" 'd["stories"][0]["title"] == "Council votes to rebuild the old pier after forty years of delay"'
json_check "$TMP/out" 'd["stories"][0]["url"] == "'"$R"'/news/2024/09/02/pier-vote"'
json_check "$TMP/out" 'd["stories"][0]["section"] == "Harbour" and d["stories"][0]["published"] == "2024-09-02T10:30:00+00:00"'
json_check "$TMP/out" 'len({s["url"] for s in d["stories"]}) == len(d["stories"])'
json_check "$TMP/out" 'all(s["url"].startswith("'"$R"'/") for s in d["stories"])'
for junk in cookie "Log in" Subscribe newsletter "Read more" "Holiday cottages" \
	"Terms and conditions" "Culture and the arts"; do
	json_check "$TMP/out" 'not any("'"$junk"'".lower() in s["title"].lower() for s in d["stories"])'
done
# ... and an article on the same server stays one
run --dump=json "$R/story.html"
expect_rc 0
json_check "$TMP/out" 'd["kind"] == "article" and "stories" not in d'

# ---- subscribe to the front page, once
run --subscribe "$R/front.html"
expect_rc 0
grep -q "^subscribed to $R/front.html$" "$TMP/out" || fail "$LAST: $(cat "$TMP/out")"
grep -q "^$R/front.html \"The Harbour Gazette – News from the coast\"$" "$FEEDS" ||
	fail "feeds file: $(cat "$FEEDS")"
run --subscribe "$R/front.html"
expect_rc 0
grep -q "^already subscribed to $R/front.html$" "$TMP/out" || fail "$LAST: $(cat "$TMP/out")"
[ "$(grep -c . "$FEEDS")" = 1 ] || fail "subscribed twice: $(cat "$FEEDS")"

# ---- --refresh: the stories were stored when the page was read (as a
# feed's are), then the one added since is new
run --refresh
expect_rc 0
grep -q "^$R/front.html: 10 stories, 0 new$" "$TMP/out" || fail "$LAST: $(cat "$TMP/out")"
sed 's#<div class="cards">#&<article class="card"><h3><a href="news/2024/09/03/storm">Storm closes the harbour road overnight</a></h3><p>Waves threw shingle over the sea wall.</p></article>#' \
	"$W/front.html" >"$W/front.tmp" && mv "$W/front.tmp" "$W/front.html"
run --refresh
expect_rc 0
grep -q "^$R/front.html: 11 stories, 1 new$" "$TMP/out" || fail "$LAST: $(cat "$TMP/out")"
run --dump=json
expect_rc 0
json_check "$TMP/out" 'd["kind"] == "list" and len(d["stories"]) == 11'
json_check "$TMP/out" 'any(s["title"] == "Storm closes the harbour road overnight" and s["url"] == "'"$R"'/news/2024/09/03/storm" for s in d["stories"])'

# ---- neither a list nor a page with a feed: one clear line, status 4
run --subscribe "$R/story.html"
expect_rc 4
expect_err "$R/story.html: this page is no list of stories and advertises no RSS or Atom feed"
[ "$(grep -c . "$FEEDS")" = 1 ] || fail "an article was subscribed to"
# ... and a subscribed page that became an article is reported by --refresh
printf '%s "Gone"\n' "$R/story.html" >>"$FEEDS"
run --refresh
expect_rc 4
expect_err "$R/story.html: not an RSS or Atom feed, nor a page of stories"
exit 0
