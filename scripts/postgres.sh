#!/usr/bin/env bash
# Make a local PostgreSQL ready for the test suite and print its DATABASE_URL on stdout.
# With DATABASE_URL already set, print that and touch nothing. As root on Debian: install
# postgresql when missing, start the first cluster when it is down (a running one is left
# alone), and create the role and database. Everything it says goes to stderr.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then
  echo "$DATABASE_URL"
  exit 0
fi

ROLE="${PG_TEST_ROLE:-refundhelper}"
PASSWORD="${PG_TEST_PASSWORD:-refundhelper}"
DATABASE="${PG_TEST_DATABASE:-refundhelper}"

if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL tests: set DATABASE_URL=postgres://user:password@host:port/db (a role that may" \
    "create databases), or run as root to let this script set up Debian's postgresql." >&2
  exit 1
fi

if ! dpkg -s postgresql >/dev/null 2>&1 || ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "Installing postgresql" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi

cluster="$(pg_lsclusters --no-header | head -n 1)"
if [ -z "$cluster" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  echo "Creating cluster $version/main" >&2
  pg_createcluster "$version" main >&2
  cluster="$(pg_lsclusters --no-header | head -n 1)"
fi
read -r version name port status _rest <<<"$cluster"
if [ "$status" != "online" ]; then
  echo "Starting PostgreSQL cluster $version/$name" >&2
  pg_ctlcluster "$version" "$name" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done

as_postgres() {
  runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"
}
if [ -z "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
  echo "Creating role $ROLE" >&2
  as_postgres -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
fi
if [ -z "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
  echo "Creating database $DATABASE" >&2
  as_postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
