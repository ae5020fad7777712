# The two commands: `make run` and `make test`. Each sets itself up from nothing.
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup setup-dev lint format demo clean

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(PY) -m pytest

setup:
	@scripts/setup.sh runtime

setup-dev:
	@scripts/setup.sh dev

lint: setup-dev
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_dossier var/demo-dossier.pdf

clean:
	rm -rf .venv var staticfiles .pytest_cache .ruff_cache
