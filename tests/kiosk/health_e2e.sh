#!/bin/sh
# lc-kiosk writes its health file (LC_RUN_DIR/lc-kiosk.json) once its first sync pass is done,
# with the store's absolute path and last_sync_ok, and removes it at exit.
# usage: health_e2e.sh KIOSK OUTDIR
set -eu
kiosk=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out/run"
cd "$out"
LC_RUN_DIR="$out/run" xvfb-run -a "$kiosk" --db "$out/kiosk.db" --size 1280x720 --exit-after 5 \
    --feed "file://$here/../data/p2pu-learningcircles-sample.json" 2>/dev/null &
pid=$!
file="$out/run/lc-kiosk.json"
for _ in $(seq 45); do
    if [ -f "$file" ] && grep -q '"last_sync_ok": true' "$file"; then break; fi
    sleep 0.1
done
status=0
grep -q '"last_sync_ok": true' "$file" 2>/dev/null || { echo "health_e2e: no synced health file" >&2; status=1; }
grep -q "\"db\": \"$out/kiosk.db\"" "$file" 2>/dev/null || { echo "health_e2e: db path missing" >&2; status=1; }
wait "$pid" || { echo "health_e2e: lc-kiosk failed" >&2; status=1; }
[ ! -e "$file" ] || { echo "health_e2e: health file left behind at exit" >&2; status=1; }
exit $status
