# `make run` and `make test` are all a fresh machine needs (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/gonghui
PG_REPLICA_URL ?= postgres://postgres@127.0.0.1:5433/gonghui
PYTEST_ARGS ?=

.PHONY: install migrate demo run serve test test-sqlite test-postgres pg-up browser bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The benchmarks also need the bench extra (django-import-export, locust).
$(VENV)/.bench-installed: $(VENV)/.installed
	$(VENV)/bin/pip install -q -e '.[test,bench]'
	touch $@

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# The job worker runs beside the web server and stops with it. DEBUG pages only here.
run: export DJANGO_ENV = development
run: demo
	@echo "工会工作台: http://$(HOST):$(PORT)/"
	@trap 'kill 0' EXIT INT TERM; \
	  $(PY) manage.py db_worker --queue-name '*' >var/worker.log 2>&1 & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

# Production: gunicorn (config/gunicorn.py) behind nginx, static files from whitenoise, the job worker
# beside it; DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL come from the environment (README).
serve: export DJANGO_ENV = production
serve: export GUNICORN_BIND ?= $(HOST):$(PORT)
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v 0
	@trap 'kill 0' EXIT INT TERM; \
	  $(PY) manage.py db_worker --queue-name '*' & \
	  $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi

pg-up:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL did not start"; exit 1

# Browser tests drive Debian's Chromium and check each page with npm's axe-core; install them when missing.
# The year-end summary's PDF is LibreOffice's, in the CJK faces config/fonts.conf maps the official fonts to;
# poppler-utils reads it back in the tests.
OFFICE_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)
	@(command -v libreoffice && command -v pdftotext && fc-list | grep -q "AR PL KaitiM GB" && fc-list | grep -q "WenQuanYi Zen Hei") >/dev/null \
	  || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(OFFICE_PACKAGES) >/dev/null)
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

test-sqlite: install browser
	@echo "== test suite on SQLite"
	env -u DATABASE_URL $(PY) -m pytest -q $(PYTEST_ARGS)

# The read replica (scripts/replica.sh, idempotent) serves tests/ops/test_replica.py; if it cannot start,
# that test fails under CI=true (and skips on a workstation), the rest of the suite runs anyway.
test-postgres: install browser pg-up
	@scripts/replica.sh start || echo "!! the read replica did not start (see $${REPLICA_DIR:-/tmp/gonghui-replica-5433}.log)"
	@echo "== test suite on PostgreSQL"
	DATABASE_URL=$(PG_URL) DATABASE_REPLICA_URL=$(PG_REPLICA_URL) $(PY) -m pytest -q --create-db $(PYTEST_ARGS)

test: test-sqlite test-postgres

# Each benchmark in a PostgreSQL database of its own (it builds or reuses its 1,000,000-member county).
bench: $(VENV)/.bench-installed pg-up
	@for f in bench/bench_*.py; do n=$$(basename $$f .py); echo "== $$f"; \
	  DATABASE_URL=$(PG_URL)_$$n $(PY) $$f || exit 1; done
