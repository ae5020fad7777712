#!/usr/bin/env bash
# Run a command with a local S3-compatible server (moto's standalone server, S3 only, on
# 127.0.0.1; no Docker, no network) and S3_BUCKET, S3_ENDPOINT_URL and keys in its environment,
# so that the evidence storage is django-storages' S3Storage as in production. The test suite
# (tests/conftest.py) gives each pytest-xdist worker its own bucket beside S3_BUCKET.
# Usage: scripts/with-s3.sh COMMAND...   (make test-postgres runs the suite through it)
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
mkdir -p var
port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="var/moto-$port.log"
"$PY" -m moto.server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
server=$!
stop() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT

export S3_ENDPOINT_URL="http://127.0.0.1:$port"
export S3_BUCKET="${S3_TEST_BUCKET:-refundhelper-test}"
export S3_REGION=us-east-1 S3_ADDRESSING_STYLE=path
export S3_ACCESS_KEY_ID=testing S3_SECRET_ACCESS_KEY=testing
# boto3 looks for credentials and a region of its own too: keep a developer's out of it.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN

# Wait for the server (up to 30 s), then make the bucket that S3_BUCKET names.
"$PY" - <<'EOF' || { cat "$log" >&2; exit 1; }
import os, time
import boto3
import botocore.exceptions

client = boto3.client("s3", endpoint_url=os.environ["S3_ENDPOINT_URL"])
for _ in range(300):
    try:
        client.list_buckets()
        break
    except botocore.exceptions.EndpointConnectionError:
        time.sleep(0.1)
client.create_bucket(Bucket=os.environ["S3_BUCKET"])
EOF
echo "S3: moto on $S3_ENDPOINT_URL, bucket $S3_BUCKET" >&2
"$@"
