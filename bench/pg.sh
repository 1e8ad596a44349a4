#!/usr/bin/env bash
# `make bench-pg`: the benchmark tables on PostgreSQL. Starts a throwaway cluster on loopback as
# .ci/run does (initdb in a temporary folder, a free port, trust auth, fsync off), loads England
# scale with generate_england, prints the same tables as `make bench` and stops the cluster.
# Arguments are passed to bench/throughput.py (for example --duration 5).
set -euo pipefail

cd "$(dirname "$0")/.."
python=.venv/bin/python

pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_dir="$(mktemp -d /tmp/concordat-bench-pg.XXXXXX)"
pg_port="$($python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

stop_cluster() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_cluster EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c full_page_writes=off" >/dev/null
"$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE concordat LOGIN CREATEDB" -c "CREATE DATABASE concordat OWNER concordat"

url="postgres://concordat@127.0.0.1:$pg_port/concordat"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port; loading England scale…"
DATABASE_URL="$url" $python manage.py generate_england --areas 152 --seed 1 --database default \
  --as-of "$(date +%F)"

export CONCORDAT_BENCH_DATABASE_URL="$url"
status=0
$python bench/run.py || status=1
$python bench/throughput.py --database-url "$url" "$@" || status=1
exit $status
