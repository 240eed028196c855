#!/usr/bin/env bash
# Idle cost of lc-display with its pages rotating: CPU (% of one core) and PSS (MB), median of
# RUNS runs of DURATION seconds, at 1920x1080 under Xvfb with software GL (Mesa llvmpipe).
# The display runs the demo (no --now: the real clock, so pages turn every 12 s and the minute
# ticks); Xvfb's own CPU is reported beside it. Not run by CI (DESIGN.md: measured, not asserted).
# Usage: tests/bench/display_idle.sh [LC_DISPLAY]   env: DURATION (120), RUNS (3), WARMUP (5)
set -euo pipefail
BIN=${1:-build/display/lc-display}
DURATION=${DURATION:-120}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-5}
TCK=$(getconf CLK_TCK)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

: >"$WORK/cpu"; : >"$WORK/pss"; : >"$WORK/xcpu"; : >"$WORK/frames"
for run in $(seq 1 "$RUNS"); do
  disp=$((90 + run))
  Xvfb ":$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xpid=$!
  sleep 1
  XDG_STATE_HOME="$WORK/state$run" DISPLAY=":$disp" LIBGL_ALWAYS_SOFTWARE=1 \
    "$BIN" --size 1920x1080 >"$WORK/log$run" 2>&1 &
  pid=$!
  sleep "$WARMUP"
  c0=$(ticks "$pid"); x0=$(ticks "$xpid")
  sleep "$DURATION"
  c1=$(ticks "$pid"); x1=$(ticks "$xpid")
  pss=$(pss_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  kill "$xpid"; wait "$xpid" 2>/dev/null || true
  awk -v d=$((c1 - c0)) -v t="$TCK" -v s="$DURATION" 'BEGIN {printf "%.3f\n", 100 * d / t / s}' >>"$WORK/cpu"
  awk -v d=$((x1 - x0)) -v t="$TCK" -v s="$DURATION" 'BEGIN {printf "%.3f\n", 100 * d / t / s}' >>"$WORK/xcpu"
  awk -v k="$pss" 'BEGIN {printf "%.1f\n", k / 1024}' >>"$WORK/pss"
  echo "run $run: lc-display cpu $(tail -1 "$WORK/cpu") %, pss $(tail -1 "$WORK/pss") MB; Xvfb cpu $(tail -1 "$WORK/xcpu") %"
done
echo "lc-display idle, pages rotating, 1920x1080, software GL, median of $RUNS x ${DURATION}s:"
echo "  cpu  $(median <"$WORK/cpu") % of one core   (Xvfb: $(median <"$WORK/xcpu") %)"
echo "  pss  $(median <"$WORK/pss") MB"
