# The two commands: `make run` and `make test`. Each sets itself up from nothing.
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run serve test test-postgres setup setup-dev database lint format demo clean

# Development: runserver and the task worker (screenshot reading) side by side.
run: database
	scripts/run-dev.sh $(HOST):$(PORT)

# Production serving: gunicorn (WEB_WORKERS, WEB_TIMEOUT) with WhiteNoise and the task worker
# beside it (scripts/serve.sh); settings from the environment (README: "Deploying").
serve: database
	$(PY) manage.py collectstatic --noinput --verbosity=0
	exec scripts/serve.sh

# The suite runs in two parts: most of it in parallel (pytest-xdist, TEST_WORKERS processes,
# each with its own database, folders and bucket: tests/conftest.py), then the tests that start
# servers of their own (live: gunicorn; heavy: the browser) one at a time. Whole files go to
# one worker (loadfile), so that a module's costly fixtures (rendered dossiers) are made once.
TEST_WORKERS ?= auto
PARALLEL := -m "not heavy and not live" -n $(TEST_WORKERS) --dist loadfile

test: setup-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(PY) -m pytest $(PARALLEL)
	$(PY) -m pytest -m "heavy or live"

# The suite again on PostgreSQL, without the heavy tests (they ran on SQLite), with the evidence
# in a local S3-compatible server (scripts/with-s3.sh). Uses DATABASE_URL when set; as root,
# sets up Debian's postgresql itself (scripts/postgres.sh).
test-postgres: setup-dev
	url="$$(scripts/postgres.sh)" && DATABASE_URL="$$url" TEST_DATABASE_NAME="test_refundhelper_$$$$" \
		scripts/with-s3.sh sh -c '$(PY) -m pytest $(PARALLEL) -p no:cacheprovider && \
		$(PY) -m pytest -m "live and not heavy" -p no:cacheprovider'

# Tables and the cache table (rate limits) in the database DATABASE_URL names (or SQLite);
# then every claim gets its retention date (a claim without one is never purged).
database: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py fill_keep_until
	$(PY) manage.py createcachetable

setup:
	@scripts/setup.sh runtime

setup-dev:
	@scripts/setup.sh dev

lint: setup-dev
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

demo: database
	$(PY) manage.py demo_dossier var/demo-dossier.pdf

clean:
	rm -rf .venv var staticfiles .pytest_cache .ruff_cache
