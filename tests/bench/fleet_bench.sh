#!/usr/bin/env bash
# The fleet scale bench (README "Running a fleet"): a private PostgreSQL 15 in a temporary folder
# (run as the postgres user when started as root), fleet_bench against it, the database's size.
#   tests/bench/fleet_bench.sh BUILD_DIR [BRANCHES]
set -euo pipefail
build=${1:?build dir}; branches=${2:-80}
pg=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/lc-fleet-bench-XXXXXX)
run=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; run=(runuser -u postgres --); fi
port=$((20000 + RANDOM % 40000))
cleanup() { "${run[@]}" "$pg/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
"${run[@]}" "$pg/initdb" -D "$dir/data" -A trust -U lc --no-sync >/dev/null
"${run[@]}" "$pg/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
  -o "-k $dir -p $port -c listen_addresses=''" start >/dev/null
mkdir "$dir/stores"
conn="host=$dir port=$port user=lc dbname=postgres"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/tests/bench/fleet_bench" "$conn" "$dir/stores" "$branches"
"$pg/psql" -X -At "$conn" -c "SELECT 'rows in lc_records: ' || count(*) FROM lc_records" \
  -c "SELECT 'bytes: lc_records ' || pg_total_relation_size('lc_records') || ', database ' || pg_database_size('postgres')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
