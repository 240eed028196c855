#!/usr/bin/env bash
# lc-display end to end under Xvfb at fixed --now: the acceptance lines of issue #5, screenshots
# (landscape, portrait, English, French), an empty day, stale data, the feed gone from the start,
# opening hours and a wrong clock. States are read from --dump-view; screenshots are kept in OUT
# for people to look at.
# Usage: run_e2e.sh LC_DISPLAY LCCTL OUT
set -euo pipefail
DISPLAY_BIN=$1
LCCTL=$2
OUT=$3
DATA=${LC_TEST_DATA_DIR:?}
ASSETS=${LC_ASSETS_DIR:?}
CONFIG="$ASSETS/config/chicago.json"
FEED="file://$DATA/p2pu-learningcircles-sample.json"
rm -rf "$OUT" && mkdir -p "$OUT"
export XDG_STATE_HOME="$OUT/state"
fails=0

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# display NAME ARGS...: runs lc-display with the Chicago config and store, dump in OUT/NAME.json.
display() {
  local name=$1; shift
  if ! xvfb-run -a -s "-screen 0 1280x1024x24" "$DISPLAY_BIN" --config "$CONFIG" --db "$OUT/lc.db" \
      --dump-view "$OUT/$name.json" "$@" >"$OUT/$name.log" 2>&1; then
    fail "$name: lc-display exited non-zero"; cat "$OUT/$name.log" >&2; return 0
  fi
}

# check NAME PYTHON-EXPR: the expression over `j` (the dump) must be true.
check() {
  python3 - "$OUT/$1.json" "$2" <<'PY' || fail "$1: $2"
import json, sys
j = json.load(open(sys.argv[1]))
rows = lambda kind: [r for p in j["pages"] if p["kind"] == kind for r in p["rows"]]
row = lambda kind, cid: next(r for r in rows(kind) if r["circle_id"] == cid)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

# A PNG's size from its IHDR chunk (bytes 16-23), without ImageMagick.
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
size_is() { [ "$(png_size "$OUT/$1")" = "$2" ] || fail "$1 is not $2"; }

"$LCCTL" --db "$OUT/lc.db" --config "$CONFIG" --now 2026-12-01T12:00:00-06:00 sync --feed "$FEED" >/dev/null 2>&1 \
  || fail "lcctl sync"

# Acceptance: 3101 "Public Speaking" starting soon, landscape and portrait.
for size in 1920x1080 1080x1920; do
  display "accept-$size" --now 2026-12-01T17:40:00-06:00 --size "$size" --screenshot "$OUT/accept-$size.png"
  check "accept-$size" 'row("today", 3101)["state"] == "starting_soon"'
  check "accept-$size" 'row("today", 3101)["start"] == "2026-12-01T18:00:00-06:00" and j["pages"][0]["kind"] == "today"'
  check "accept-$size" 'row("today", 3102)["state"] == "ended" and j["stale"] is None'
  size_is "accept-$size.png" "$size"
done

# Every page, in English and French, at the smallest and largest sizes (look at them).
printf 'expect "Public Speaking"\nscreenshot %s/pages-SIZE-LANG-today.png\nadvance 12s\nscreenshot %s/pages-SIZE-LANG-join.png\nadvance 12s\nscreenshot %s/pages-SIZE-LANG-week.png\n' \
  "$OUT" "$OUT" "$OUT" >"$OUT/pages.script.in"
for size in 1280x720 3840x2160 1080x1920; do
  for lang in en fr; do
    sed "s/SIZE/$size/g; s/LANG/$lang/g" "$OUT/pages.script.in" >"$OUT/pages-$size-$lang.script"
    display "pages-$size-$lang" --now 2026-12-01T17:40:00-06:00 --size "$size" --lang "$lang" \
      --script "$OUT/pages-$size-$lang.script"
    check "pages-$size-$lang" "j['language'] == '$lang' and j['current_page'] == 2"
    size_is "pages-$size-$lang-join.png" "$size"
  done
done

# The text a patron reads, through the recording path: French strings, seats badge, rotation.
cat >"$OUT/text.script" <<'SCRIPT'
expect "Starting soon"
expect "Room 4N-1 (4th floor)"
advance 12s
expect "Join a learning circle"
expect "7 seats left"
expect-not "Resume Writing Workshop"
lang fr
expect "Rejoindre un cercle d'apprentissage"
expect "7 places restantes"
SCRIPT
display text --now 2026-12-01T17:40:00-06:00 --size 1920x1080 --script "$OUT/text.script"

# An empty day, stale data (two days after the last sync), closed hours, a clock gone wrong.
display empty --now 2026-12-02T12:00:00-06:00 --size 1920x1080 --screenshot "$OUT/empty.png"
check empty 'j["pages"][0]["kind"] == "today" and j["pages"][0]["empty"] and j["stale"] is None'
display stale --now 2026-12-03T12:00:00-06:00 --size 1920x1080 --screenshot "$OUT/stale.png"
check stale 'j["stale"]["last_success"] == "2026-12-01 12:00"'
display closed --now 2026-12-01T21:00:00-06:00 --size 1920x1080 --screenshot "$OUT/closed.png"
check closed 'j["blank"] and j["pages"] == []'
display wrongclock --now 2020-01-01T12:00:00Z --size 1920x1080 --screenshot "$OUT/wrongclock.png"
check wrongclock 'not j["clock_plausible"] and j["pages"][0]["kind"] == "upcoming" and "date" not in j["header"]'

# The feed gone from the start: a failed sync keeps the last good data on screen.
"$LCCTL" --db "$OUT/lc.db" --config "$CONFIG" --now 2026-12-01T17:00:00-06:00 sync \
  --feed "file://$OUT/no-such-feed.json" >/dev/null 2>&1 && fail "a sync from a missing feed succeeded"
display feeddown --now 2026-12-01T17:40:00-06:00 --size 1920x1080 --feed http://127.0.0.1:9/api/learningcircles/ \
  --screenshot "$OUT/feeddown.png"
check feeddown 'row("today", 3101)["state"] == "starting_soon"'
# A store that never had data and a feed server that is down: no crash, an honest note.
"$LCCTL" --db "$OUT/empty.db" --config "$CONFIG" --now 2026-12-01T17:00:00-06:00 sync \
  --feed "file://$OUT/no-such-feed.json" >/dev/null 2>&1 || true
xvfb-run -a "$DISPLAY_BIN" --config "$CONFIG" --db "$OUT/empty.db" --now 2026-12-01T17:40:00-06:00 \
  --feed http://127.0.0.1:9/api/learningcircles/ --size 1280x720 --screenshot "$OUT/never.png" --dump-view "$OUT/never.json" >"$OUT/never.log" 2>&1 \
  || fail "never: lc-display exited non-zero"
check never 'j["stale"]["last_success"] is None and j["pages"][0]["empty"]'

# Bad arguments and configs: one line, non-zero.
if "$DISPLAY_BIN" --size 10x10 >"$OUT/badsize.log" 2>&1; then fail "--size 10x10 accepted"; fi
echo '{"display": {"rotation_s": "fast"}}' >"$OUT/bad.json"
if "$DISPLAY_BIN" --config "$OUT/bad.json" --db "$OUT/lc.db" >"$OUT/badconfig.log" 2>&1; then fail "bad config accepted"; fi
grep -q "display.rotation_s" "$OUT/badconfig.log" || fail "bad config: the path is not named"

if [ "$fails" -ne 0 ]; then echo "$fails failure(s); see $OUT" >&2; exit 1; fi
echo "display e2e: all passed; screenshots in $OUT"
