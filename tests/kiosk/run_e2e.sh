#!/bin/sh
# Runs one end-to-end kiosk script against a fresh store filled from the sample feed, under
# Xvfb, and checks the exit status (and, optionally, what `lcctl export signups` shows).
# usage: run_e2e.sh LCCTL KIOSK SCRIPT SIZE NOW OUTDIR [--pin PIN] [--roster CIRCLE CSV]
#                   [--exit N] [--export-contains TEXT] [--feed FILE (in tests/kiosk)] [--audit]
#                   [--speech LANG (in LANG, speech logged and checked by speech_check.py)]
#                   [--config FILE (in tests/kiosk)]
set -eu
lcctl=$1 kiosk=$2 script=$3 size=$4 now=$5 out=$6
shift 6
pin="" roster_circle="" roster_csv="" want_exit=0 export_text="" feed_file="" audit="" speech="" config=""
while [ $# -gt 0 ]; do
    case $1 in
        --pin) pin=$2; shift 2 ;;
        --roster) roster_circle=$2 roster_csv=$3; shift 3 ;;
        --exit) want_exit=$2; shift 2 ;;
        --export-contains) export_text=$2; shift 2 ;;
        --feed) feed_file=$2; shift 2 ;;
        --audit) audit=--audit; shift ;;
        --speech) speech=$2; shift 2 ;;
        --config) config=$2; shift 2 ;;
        *) echo "run_e2e: unknown option $1" >&2; exit 64 ;;
    esac
done
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
db="$out/kiosk.db"
rm -f "$db" "$db-wal" "$db-shm"
feed="$here/../data/p2pu-learningcircles-sample.json"
if [ -n "$feed_file" ]; then feed="$here/$feed_file"; fi
"$lcctl" --db "$db" --now "$now" sync --feed "file://$feed" >/dev/null 2>&1
if [ -n "$pin" ]; then echo "$pin" | "$lcctl" --db "$db" set-pin >/dev/null; fi
if [ -n "$roster_csv" ]; then
    "$lcctl" --db "$db" --now "$now" import-roster --circle "$roster_circle" "$here/$roster_csv" >/dev/null
fi
cd "$out"
status=0
set --
if [ -n "$speech" ]; then set -- --lang "$speech" --speech-log "$out/speech.jsonl"; fi
if [ -n "$config" ]; then set -- "$@" --config "$here/$config"; fi
xvfb-run -a -s "-screen 0 1920x1920x24" "$kiosk" --db "$db" --now "$now" --size "$size" \
    --script "$script" --screenshot "$out/final.png" --dump-view "$out/view.json" $audit "$@" || status=$?
if [ "$status" -ne "$want_exit" ]; then
    echo "run_e2e: lc-kiosk exited $status, expected $want_exit" >&2
    exit 1
fi
if [ -n "$export_text" ]; then
    "$lcctl" --db "$db" export signups --csv "$out/signups.csv" >/dev/null
    grep -q "$export_text" "$out/signups.csv" || { echo "run_e2e: export lacks $export_text" >&2; exit 1; }
fi
if [ -n "$speech" ]; then
    python3 "$here/speech_check.py" "$out/speech.jsonl" "$script" "$speech" || exit 1
fi
exit 0
