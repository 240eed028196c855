#!/usr/bin/env bash
# The lobby display's layout matrix: screen sizes × languages × instants of a busy day at Harold
# Washington (9 circles in 5 rooms, made by busy_day_feed.py), every page of each rotation drawn
# under --audit (when lc-display has it) and checked from --dump-view: body cap height ≥ 2.2 % of
# the height, every QR ≥ a fifth of the shorter side, and at 13:50 the circle in session and the
# one starting at 14:00 on the first page with the library's whole name.
# Usage: display_matrix.sh LC_DISPLAY LCCTL OUT [--full]
#   default: the CI subset (every page kind: today over several pages, join, week, upcoming,
#   empty day, stale, closed), about 20 runs; --full: 5 sizes × en, fr, sw × 8 instants.
set -euo pipefail
DISPLAY_BIN=$1
LCCTL=$2
OUT=$3
MODE=${4:-}
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$OUT" && mkdir -p "$OUT"
export XDG_STATE_HOME="$OUT/state"
started=$(date +%s)
fails=0
runs=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

python3 "$HERE/busy_day_feed.py" "$OUT/feed.json" "$OUT/config.json"
"$LCCTL" --db "$OUT/lc.db" --config "$OUT/config.json" --now 2026-12-01T08:00:00-06:00 sync \
  --feed "file://$OUT/feed.json" >"$OUT/sync.log" 2>&1 || { cat "$OUT/sync.log" >&2; fail "lcctl sync"; }

AUDIT=()
if "$DISPLAY_BIN" --help 2>&1 | grep -q -- '--audit'; then AUDIT=(--audit); fi

declare -A INSTANT=(
  [morning]=2026-12-01T08:50:00-06:00 [soon]=2026-12-01T09:10:00-06:00
  [session]=2026-12-01T10:15:00-06:00 [busy]=2026-12-01T13:50:00-06:00
  [empty]=2026-12-02T12:00:00-06:00 [stale]=2026-12-03T12:00:00-06:00
  [clock]=2020-01-01T12:00:00Z [closed]=2026-12-01T22:30:00-06:00
)

# One X server for every run (a server per run costs a second each).
XVFB_DISPLAY=:$((90 + RANDOM % 400))
Xvfb "$XVFB_DISPLAY" -screen 0 3840x2160x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${XVFB_DISPLAY#:}" ] && break; sleep 0.1; done
export DISPLAY=$XVFB_DISPLAY

# run SIZE LANG WHEN [look]: every page under --audit; screenshots of each page with "look".
run() {
  local size=$1 lang=$2 when=$3 look=${4:-} name="$3-$1-$2"
  runs=$((runs + 1))
  : >"$OUT/$name.script"
  [ "$when" = busy ] && echo 'expect "Harold Washington Library Center"' >>"$OUT/$name.script"
  # Enough page turns for every page of the rotation (portrait has one join card a page).
  local turns=6
  [ "${size%x*}" -lt "${size#*x}" ] && turns=11
  for i in $(seq 0 "$turns"); do
    [ -n "$look" ] && echo "screenshot $OUT/$name-p$i.png" >>"$OUT/$name.script"
    echo "advance 12s" >>"$OUT/$name.script"
  done
  if ! "$DISPLAY_BIN" --config "$OUT/config.json" --db "$OUT/lc.db" --now "${INSTANT[$when]}" --size "$size" \
      --lang "$lang" "${AUDIT[@]}" --script "$OUT/$name.script" --dump-view "$OUT/$name.json" \
      >"$OUT/$name.log" 2>&1; then
    fail "$name: lc-display exited non-zero (audit findings?)"; sed 's/^/    /' "$OUT/$name.log" >&2; return 0
  fi
  python3 "$HERE/check_display_dump.py" "$OUT/$name.json" "$size" "$when" || fail "$name: dump checks"
}

if [ "$MODE" = "--full" ]; then
  for size in 1080x1920 1920x1080 1280x720 1366x768 3840x2160; do
    for lang in en fr sw; do
      for when in morning soon session busy empty stale clock closed; do run "$size" "$lang" "$when"; done
    done
  done
else
  for size in 1080x1920 1920x1080 1280x720; do
    for lang in en fr; do run "$size" "$lang" busy look; done
  done
  run 3840x2160 sw busy look
  run 1366x768 sw session
  for size in 1080x1920 1920x1080; do
    run "$size" fr morning look
    run "$size" fr empty look
    run "$size" en stale look
    run "$size" fr clock look
    run "$size" en closed
  done
fi

echo "display matrix: $runs runs in $(( $(date +%s) - started )) s, $fails failure(s); audit: ${AUDIT[*]:-not available}; out: $OUT"
[ "$fails" -eq 0 ]
