#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 cluster for hazmap's tests and benchmarks.
#
#   cluster.sh start DIR    installs postgresql-15 and postgresql-15-postgis-3 when missing (apt), creates a
#                           cluster in DIR (owned by the `postgres` system user when run as root), listens on a
#                           free 127.0.0.1 port and on a Unix socket in DIR/socket, creates database `hazmap`
#                           with the postgis extension, and prints the GDAL connection string on stdout:
#                           PG:dbname=hazmap host=DIR/socket port=N user=U
#   cluster.sh stop DIR     stops the cluster and deletes DIR.
#
# Messages go to stderr; the exit status is non-zero when the server cannot be started.
set -euo pipefail

command=${1:?usage: cluster.sh start|stop DIR}
dir=${2:?usage: cluster.sh start|stop DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
bin=/usr/lib/postgresql/15/bin

# Runs a server binary as the cluster owner: `postgres` when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_packages() {
  local missing=""
  for p in postgresql-15 postgresql-15-postgis-3; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "installing:$missing" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $missing >&2
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

case "$command" in
start)
  install_packages
  [ -x "$bin/initdb" ] || { echo "no $bin/initdb" >&2; exit 1; }
  data="$dir/data"
  socket="$dir/socket"
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data" "$socket"
  mkdir -p "$socket"
  owner=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    owner=postgres
    chown postgres: "$dir" "$socket"
  fi
  as_owner "$bin/initdb" -D "$data" -U "$owner" -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { echo "initdb failed; see $dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { echo "the server did not start; see $dir/server.log" >&2; exit 1; }
  psql -X -q -h "$socket" -p "$port" -U "$owner" -d postgres -c "CREATE DATABASE hazmap" >&2
  psql -X -q -h "$socket" -p "$port" -U "$owner" -d hazmap -c "CREATE EXTENSION postgis" >&2
  echo "PG:dbname=hazmap host=$socket port=$port user=$owner"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: cluster.sh start|stop DIR" >&2
  exit 2
  ;;
esac
