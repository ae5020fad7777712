#!/usr/bin/env bash
# Development server with its task worker: `manage.py db_worker` (it reads screenshots) and
# `manage.py runserver`. Ctrl+C, or stopping this script, stops both; so does either one
# ending on its own.
# Usage: scripts/run-dev.sh [HOST:PORT]   (make run calls it after migrating)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
address="${1:-127.0.0.1:8000}"

# Uploads queue their own readings; this queues any left unread (older uploads, a task that
# never reached the queue) before the worker starts.
"$PY" manage.py read_missing_screenshots

# Each in its own session, so that stopping one also stops the child its autoreloader starts.
setsid "$PY" manage.py db_worker &
worker=$!
setsid "$PY" manage.py runserver "$address" &
server=$!

stop() {
  trap - EXIT INT TERM
  for group in "$server" "$worker"; do
    kill -TERM -- "-$group" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Returns as soon as either process ends (or a signal arrives); the trap stops the other.
wait -n "$worker" "$server"
