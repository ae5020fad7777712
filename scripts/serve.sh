#!/usr/bin/env bash
# Production serving (`make serve`): gunicorn with WhiteNoise (refundhelper/gunicorn_conf.py)
# and the task worker beside it (`manage.py db_worker`: it reads screenshots). Stopping this
# script stops both; so does either one ending on its own. TASK_WORKER=0 starts gunicorn
# alone, for when the worker runs as its own service or on another machine (that service runs
# `manage.py read_missing_screenshots` before `manage.py db_worker`, as below).
set -euo pipefail
cd "$(dirname "$0")/.."

GUNICORN=(.venv/bin/gunicorn --config python:refundhelper.gunicorn_conf refundhelper.wsgi)
if [ "${TASK_WORKER:-1}" = 0 ]; then
  exec "${GUNICORN[@]}"
fi

# Uploads queue their own readings; this queues any left unread (older uploads, a task that
# never reached the queue) before the worker starts.
.venv/bin/python manage.py read_missing_screenshots
# People's pages come before readings and dossier renders on a machine they share
# (bench/load.py measures both together): the worker runs under Linux's SCHED_IDLE policy
# (TASK_SCHED=idle, the default), taking the CPU only when no page wants it; with
# TASK_SCHED=normal, at the lower priority TASK_NICE (10) gives it (decision 0016). Where the
# system refuses the policy (a container's seccomp profile), the worker runs at TASK_NICE.
priority=(nice -n "${TASK_NICE:-10}")
if [ "${TASK_SCHED:-idle}" = idle ]; then
  if chrt --idle 0 true 2>/dev/null; then
    priority=(chrt --idle 0 "${priority[@]}")
  else
    echo "serve.sh: SCHED_IDLE refused here; the task worker runs at nice ${TASK_NICE:-10}" >&2
  fi
fi
"${priority[@]}" .venv/bin/python manage.py db_worker &
worker=$!
"${GUNICORN[@]}" &
server=$!

stop() {
  trap - EXIT INT TERM
  kill -TERM "$server" "$worker" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Returns as soon as either process ends (or a signal arrives); the trap stops the other.
wait -n "$worker" "$server"
