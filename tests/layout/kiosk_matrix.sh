#!/bin/sh
# The content-stress matrix: every kiosk screen, at every size, in every language, with the
# sample feed and with the stress feed (every string at the longest the parser keeps), each run
# under --audit, which must find nothing.
#
# usage: kiosk_matrix.sh BUILD_DIR OUT_DIR [--subset] [--size WxH] [--lang xx] [--content name]
#   BUILD_DIR  a build with lc-kiosk, lcctl and layout_stress_feed
#   --subset   the CI subset: every screen and every rule, a few sizes and languages
#   --size/--lang/--content narrow the matrix (repeatable is not needed: one each)
# One run walks every screen: check-in (choosing among 36 circles; nobody matched),
# "Not on the list?" (the name carried), Back asking before it discards; home, browse, details
# (open and full), the form at its field limits, review, done; home again (signup cooling down:
# the configs allow one signup per 10 minutes) and a second signup, which meets the paused
# screen; check-in with matches (the new signup among them); the idle prompt; the staff PIN, the
# dashboard, a circle's page, a walk-in into a full circle, a walk-in into a closed one (the
# refused screen) and sync. Each run also checks that it reached every screen it should
# (the audit's "screens:" line).
# Screenshots of each run land in OUT_DIR/<content>-<size>-<lang>/.
set -eu
# Both made absolute: each run works in its own directory.
build=$(cd "$1" && pwd) || { echo "kiosk_matrix: no build directory $1" >&2; exit 2; }
mkdir -p "$2" && out=$(cd "$2" && pwd)
shift 2
subset=0 only_size="" only_lang="" only_content=""
while [ $# -gt 0 ]; do
    case $1 in
        --subset) subset=1; shift ;;
        --size) only_size=$2; shift 2 ;;
        --lang) only_lang=$2; shift 2 ;;
        --content) only_content=$2; shift 2 ;;
        *) echo "kiosk_matrix: unknown option $1" >&2; exit 64 ;;
    esac
done
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kiosk="$build/kiosk/lc-kiosk"
lcctl="$build/shared/lcctl/lcctl"
gen="$build/tests/layout/layout_stress_feed"
for b in "$kiosk" "$lcctl" "$gen"; do
    [ -x "$b" ] || { echo "kiosk_matrix: $b is not built" >&2; exit 2; }
done
now="2026-12-01T17:50:00-06:00"   # a Tuesday, ten minutes before the circles meet
pin=482915   # 6 digits, no pattern: set-pin refuses weak PINs
"$gen" "$out" "$repo/assets/config/chicago.json"

# settings CONTENT: sets feed, config, roster and the circles the walk uses.
settings() {
    case $1 in
        sample)
            feed="$repo/tests/data/p2pu-learningcircles-sample.json"
            config="$out/sample-config.json"
            open_id=3101 full_id=3102 meet_id=3101 full_meet_id="" closed_meet_id=""
            roster="$repo/tests/kiosk/roster_3101.csv" ;;
        stress)
            feed="$out/stress-feed.json"
            config="$out/stress-config.json"
            open_id=9000 full_id=9001 meet_id=9000 full_meet_id=9001 closed_meet_id=9002
            roster="$out/stress-roster.csv" ;;
    esac
}

# prepare CONTENT DB: a fresh store with the feed, the PIN and a roster. lcctl's warnings (the
# sample feed's venues that the config does not serve) go to lcctl.txt beside the store, and are
# shown only if a step fails.
prepare() {
    settings "$1"
    db=$2 log="$(dirname "$2")/lcctl.txt"
    rm -f "$db" "$db-wal" "$db-shm"
    {
        "$lcctl" --db "$db" --config "$config" --now "$now" sync --feed "file://$feed" &&
            echo "$pin" | "$lcctl" --db "$db" set-pin &&
            "$lcctl" --db "$db" --now "$now" import-roster --circle "$meet_id" "$roster"
    } >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
}

# The walk, as a script: taps by id (the same in every language), answers at the field limits.
# (Only the stress feed has several circles meeting now, and full and closed ones among them.)
walk() {
    answer() { sed -n "$1p" "$out/answers.txt"; }
    checkin() {
        echo 'tap "home.checkin"'
        if [ "$1" = stress ]; then printf 'screenshot checkin-circles.png\ntap "checkin.circle.%s"\n' "$meet_id"; fi
    }
    checkin "$1"
    cat <<EOF
type "xyz"
screenshot checkin-none.png
tap "checkin.not-listed"
screenshot not-listed.png
tap "back"
screenshot discard.png
tap "signup.discard"
tap "back"
tap "home.signup"
tap "circle.$full_id"
screenshot details-full.png
tap "back"
tap "circle.$open_id"
screenshot details.png
tap "details.signup"
tap "signup.name"
type "$(answer 1)"
tap "signup.email"
type "$(answer 2)"
tap "signup.mobile"
type "$(answer 3)"
tap "signup.goals"
type "$(answer 4)"
tap "signup.support"
type "$(answer 5)"
EOF
    if [ "$1" = stress ]; then printf 'tap "signup.answer"\ntype "%s"\n' "$(answer 6)"; fi
    cat <<EOF
screenshot form.png
tap "signup.consent"
tap "signup.continue"
screenshot review.png
tap "review.confirm"
screenshot done.png
tap "done.finish"
screenshot home-cooling.png
tap "home.signup"
tap "circle.$open_id"
tap "details.signup"
screenshot paused.png
tap "signup.home"
EOF
    checkin "$1"
    cat <<EOF
type "Mar"
screenshot checkin-matches.png
tap "back"
EOF
    if [ "$1" = stress ]; then echo 'tap "back"'; fi
    cat <<EOF
tap "home.signup"
advance 61s
screenshot idle.png
tap "idle.here"
tap "back"
tap "home.staff"
type "$pin"
tap "staff.unlock"
screenshot staff.png
tap "staff.meeting.$meet_id"
screenshot staff-circle.png
tap "back"
EOF
    if [ -n "$full_meet_id" ]; then
        printf 'tap "staff.meeting.%s"\ntap "staff.walkin"\nscreenshot walkin.png\ntap "back"\n' "$full_meet_id"
    fi
    if [ -n "$closed_meet_id" ]; then
        printf 'tap "staff.meeting.%s"\ntap "staff.walkin"\nscreenshot refused.png\ntap "signup.home"\n' "$closed_meet_id"
    fi
    cat <<EOF
tap "staff.sync"
screenshot staff-sync.png
tap "back"
tap "staff.lock"
EOF
}

# The screens a run of CONTENT must reach (as the audit names them).
screens() {
    echo home browse details signup.form signup.review signup.done signup.paused \
        checkin.search idle staff.pin staff.dashboard staff.circle staff.sync
    if [ "$1" = stress ]; then echo checkin.choose_circle signup.refused; fi
}

# missed CONTENT STDERR: the screens the run should have reached and did not.
missed() {
    reached=" $(sed -n 's/^audit: screens: //p' "$2" | tr '\n' ' ') "
    for name in $(screens "$1"); do
        case $reached in *" $name "*) ;; *) printf ' %s' "$name" ;; esac
    done
}

sizes="1080x1920 1920x1080 1366x768 1280x800 800x1280 3840x2160"
langs="en fr es sw"
contents="sample stress"
# The CI subset: both contents, every screen (each stress run reaches them all, and says so), and
# between them every orientation, the smallest and the largest window and all four languages.
# Every rule is applied to every frame of every run.
subset_runs="stress:1080x1920:fr stress:1366x768:sw stress:3840x2160:es sample:800x1280:en"
runs=""
if [ "$subset" = 1 ]; then
    runs=$subset_runs
else
    for c in $contents; do for s in $sizes; do for l in $langs; do runs="$runs $c:$s:$l"; done; done; done
fi
started=$(date +%s)
count=0 failed=0
for run in $runs; do
    c=${run%%:*} rest=${run#*:}
    s=${rest%%:*} l=${rest#*:}
    [ -z "$only_size" ] || [ "$s" = "$only_size" ] || continue
    [ -z "$only_lang" ] || [ "$l" = "$only_lang" ] || continue
    [ -z "$only_content" ] || [ "$c" = "$only_content" ] || continue
    dir="$out/$c-$s-$l"
    mkdir -p "$dir"
    prepare "$c" "$dir/kiosk.db"
    walk "$c" > "$dir/walk.txt"
    count=$((count + 1))
    status=0
    (cd "$dir" && xvfb-run -a -s "-screen 0 3840x3840x24" "$kiosk" --db "$dir/kiosk.db" \
        --config "$config" --now "$now" --size "$s" --lang "$l" --audit \
        --script "$dir/walk.txt" > "$dir/stdout.txt" 2> "$dir/stderr.txt") || status=$?
    missing=$(missed "$c" "$dir/stderr.txt")
    if [ "$status" -ne 0 ] || [ -n "$missing" ]; then
        failed=$((failed + 1))
        echo "FAIL $c $s $l (exit $status):" >&2
        grep -E '^(audit|script):' "$dir/stderr.txt" | grep -Ev 'frames checked|screens:' | sed 's/^/  /' >&2 || true
        [ -z "$missing" ] || echo "  screens not reached:$missing" >&2
    fi
done
took=$(( $(date +%s) - started ))
echo "layout matrix: $count runs ($failed failed) in ${took}s"
[ "$failed" -eq 0 ]
