#!/usr/bin/env bash
# Starts (or stops) the databases the datastore tests use, with known test credentials:
#   PostgreSQL 15:  postgres://k3ts:k3ts@127.0.0.1:5432/k3ts   (role may create databases)
#   MariaDB:        mysql://k3ts:k3ts@tcp(127.0.0.1:3306)/k3ts (user may create databases/users)
# Idempotent: starting what runs already only (re)applies the role, user and database.
# Tests read K3TS_TEST_POSTGRES / K3TS_TEST_MYSQL to override these endpoints.
# Usage: .ci/services.sh start|stop|status   (needs root; no systemd needed)
set -euo pipefail

wait_for() { # wait_for <what> <command...>
  local what=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "services: $what did not come up" >&2; return 1
}

pg_start() {
  command -v pg_ctlcluster >/dev/null || { echo "services: PostgreSQL not installed, skipping"; return 0; }
  if ! pg_lsclusters -h 2>/dev/null | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster 15 main start
  fi
  wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'k3ts') THEN CREATE ROLE k3ts; END IF;
END $$;
ALTER ROLE k3ts WITH LOGIN PASSWORD 'k3ts' CREATEDB;
SELECT 'CREATE DATABASE k3ts OWNER k3ts' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'k3ts') \gexec
SQL
  echo "services: PostgreSQL 15 ready on 127.0.0.1:5432 (role k3ts)"
}

pg_stop() {
  command -v pg_ctlcluster >/dev/null || return 0
  pg_ctlcluster 15 main stop 2>/dev/null || true
}

maria_start() {
  command -v mariadb >/dev/null || command -v mysqld >/dev/null || { echo "services: MariaDB not installed, skipping"; return 0; }
  if ! mysqladmin ping >/dev/null 2>&1; then service mariadb start >/dev/null; fi
  wait_for MariaDB mysqladmin ping
  mysql -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS k3ts;
CREATE USER IF NOT EXISTS 'k3ts'@'localhost' IDENTIFIED BY 'k3ts';
CREATE USER IF NOT EXISTS 'k3ts'@'127.0.0.1' IDENTIFIED BY 'k3ts';
ALTER USER 'k3ts'@'localhost' IDENTIFIED BY 'k3ts';
ALTER USER 'k3ts'@'127.0.0.1' IDENTIFIED BY 'k3ts';
GRANT ALL PRIVILEGES ON *.* TO 'k3ts'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'k3ts'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  echo "services: MariaDB ready on 127.0.0.1:3306 (user k3ts)"
}

maria_stop() {
  mysqladmin ping >/dev/null 2>&1 || return 0
  service mariadb stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) pg_start; maria_start ;;
  stop) maria_stop; pg_stop ;;
  status)
    pg_isready -h 127.0.0.1 -p 5432 || true
    mysqladmin ping 2>&1 || true ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
