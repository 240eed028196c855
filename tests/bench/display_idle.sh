#!/usr/bin/env bash
# Idle cost of lc-display with its pages rotating: CPU (% of one core) and PSS (MB), median of
# RUNS runs of DURATION seconds, at 1920x1080 under Xvfb with software GL (Mesa llvmpipe).
# The display runs on the real clock (no --now), so pages turn every 12 s and the minute ticks;
# Xvfb's own CPU is reported beside it. Not run by CI (shared/README.md: measured, not asserted).
#
# With PAGE_DIR set (an index.html from tests/bench/schedule_page/make_page.py), each run then
# measures Chromium in kiosk mode under the same Xvfb, showing that page from a local
# `python3 -m http.server`: CPU and PSS summed over every process of Chromium's tree. The two
# apps take turns (never on screen together), each for DURATION seconds after its warm-up.
#
# Usage: tests/bench/display_idle.sh [LC_DISPLAY]
# env: DURATION (120), RUNS (3), WARMUP (5 s, lc-display), CHROMIUM_WARMUP (20 s),
#      DB (the store lc-display shows; unset: its bundled demo), PAGE_DIR (unset: no Chromium),
#      CHROMIUM (/usr/lib/chromium/chromium: the binary itself, so that the flags below are all
#      of its flags; Debian's /usr/bin/chromium wrapper would add /etc/chromium.d's),
#      RESULTS (a file to receive the medians as key=value lines, for tests/bench/run).
set -euo pipefail
BIN=${1:-build/display/lc-display}
DURATION=${DURATION:-120}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-5}
CHROMIUM_WARMUP=${CHROMIUM_WARMUP:-20}
CHROMIUM=${CHROMIUM:-/usr/lib/chromium/chromium}
TCK=$(getconf CLK_TCK)
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Every pid of the process tree rooted at $1 (itself included).
tree() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END { for (i in pids) { p = pids[i]; q = p
            while (q != "" && q != 0 && q != 1) { if (q == root) { print p; break } q = parent[q] } } }'
}
# "pid ticks" for each process of the tree (user + system, with its reaped children's).
tree_ticks() {
  local p
  for p in $(tree "$1"); do
    awk -v p="$p" '{ sub(/^.*\) /, ""); print p, $12 + $13 + $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true
  done
}
# CPU % of one core used by the tree between two tree_ticks snapshots over $3 seconds.
cpu_pct() {
  awk -v t="$TCK" -v s="$3" 'NR == FNR { a[$1] = $2; next } { d += $2 - ($1 in a ? a[$1] : 0) }
    END { printf "%.3f\n", 100 * d / t / s }' "$1" "$2"
}
# Sum of PSS (MB) over the tree, and its process count.
tree_pss() {
  local p kb=0 n=0 k
  for p in $(tree "$1"); do
    k=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)
    [ -n "$k" ] && kb=$((kb + k)) && n=$((n + 1))
  done
  awk -v k="$kb" -v n="$n" 'BEGIN {printf "%.1f %d\n", k / 1024, n}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Measures the tree of pid $1 (and Xvfb, pid $2) for DURATION s; appends to $WORK/<name>.{cpu,pss,xcpu}.
measure() {
  local pid=$1 xpid=$2 name=$3
  tree_ticks "$pid" >"$WORK/t0"; tree_ticks "$xpid" >"$WORK/x0"
  sleep "$DURATION"
  tree_ticks "$pid" >"$WORK/t1"; tree_ticks "$xpid" >"$WORK/x1"
  read -r pss procs < <(tree_pss "$pid")
  cpu_pct "$WORK/t0" "$WORK/t1" "$DURATION" >>"$WORK/$name.cpu"
  cpu_pct "$WORK/x0" "$WORK/x1" "$DURATION" >>"$WORK/$name.xcpu"
  echo "$pss" >>"$WORK/$name.pss"
  echo "$procs" >>"$WORK/$name.procs"
  echo "run $run: $name cpu $(tail -1 "$WORK/$name.cpu") %, pss $pss MB ($procs processes); Xvfb cpu $(tail -1 "$WORK/$name.xcpu") %"
}

PORT=""
if [ -n "${PAGE_DIR:-}" ]; then
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$PAGE_DIR" >"$WORK/http.log" 2>&1 &
  PIDS+=($!)
fi

for run in $(seq 1 "$RUNS"); do
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$WORK/dispnum" >/dev/null 2>&1 &
  xpid=$!
  PIDS+=("$xpid")
  for _ in $(seq 50); do [ -s "$WORK/dispnum" ] && break; sleep 0.1; done
  export DISPLAY=":$(head -1 "$WORK/dispnum")"

  args=(--size 1920x1080)
  [ -n "${DB:-}" ] && args+=(--db "$DB")
  XDG_STATE_HOME="$WORK/state$run" LIBGL_ALWAYS_SOFTWARE=1 "$BIN" "${args[@]}" >"$WORK/log$run" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  sleep "$WARMUP"
  measure "$pid" "$xpid" lc-display
  stop "$pid"

  if [ -n "$PORT" ]; then
    profile=$(mktemp -d)
    # The browser kiosk, flag by flag: an empty profile; kiosk mode; no first-run UI; no
    # background networking, component updates, sync or QUIC; --no-sandbox only because the
    # bench runs as root (Chromium refuses to start as root with its sandbox); the whole screen
    # (without a window manager, --kiosk alone leaves the window where X puts it).
    "$CHROMIUM" --user-data-dir="$profile" --kiosk --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --disable-quic --no-sandbox --window-size=1920,1080 --window-position=0,0 \
      "http://127.0.0.1:$PORT/index.html" >"$WORK/chromium$run.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    sleep "$CHROMIUM_WARMUP"
    measure "$pid" "$xpid" chromium
    stop "$pid"
    rm -rf "$profile"
  fi
  stop "$xpid"
done

summary() {  # name label
  [ -s "$WORK/$1.cpu" ] || return 0
  local cpu pss xcpu procs
  cpu=$(median <"$WORK/$1.cpu"); pss=$(median <"$WORK/$1.pss")
  xcpu=$(median <"$WORK/$1.xcpu"); procs=$(median <"$WORK/$1.procs")
  echo "$2 idle, pages rotating, 1920x1080, software GL, median of $RUNS x ${DURATION}s:"
  echo "  cpu  $cpu % of one core   (Xvfb: $xcpu %)"
  echo "  pss  $pss MB ($procs processes)"
  if [ -n "${RESULTS:-}" ]; then
    local key=${1//-/_}
    printf '%s_cpu=%s\n%s_pss=%s\n%s_xvfb_cpu=%s\n%s_procs=%s\n' "$key" "$cpu" "$key" "$pss" "$key" "$xcpu" "$key" "$procs" >>"$RESULTS"
  fi
}
summary lc-display lc-display
summary chromium "Chromium $("$CHROMIUM" --version 2>/dev/null | awk '{print $2}') --kiosk"
