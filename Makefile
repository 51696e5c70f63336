# Observatoire CSTI — every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DATA := data
REFERENCE := $(DATA)/reference.duckdb
DEMOS := $(DATA)/demo-occitanie.duckdb $(DATA)/demo-hauts-de-france.duckdb

.PHONY: install run serve test lint format bench databases clean-databases

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m observatoire.maps.assets
	touch $(STAMP)

install: $(STAMP)

$(REFERENCE): | $(STAMP)
	$(BIN)/observatoire reference build

$(DATA)/demo-occitanie.duckdb: | $(REFERENCE)
	$(BIN)/observatoire demo --workspace occitanie

$(DATA)/demo-hauts-de-france.duckdb: | $(REFERENCE)
	$(BIN)/observatoire demo --workspace hauts-de-france

$(DATA)/demo-national.duckdb: | $(REFERENCE)
	$(BIN)/observatoire demo --workspace national

databases: $(REFERENCE) $(DEMOS)

run: databases
	$(BIN)/python -m observatoire.serve

# Several Streamlit processes on one data folder behind HAProxy (Debian: apt-get install haproxy).
REPLICAS ?= 2
PORT ?= 8501
serve: databases
	$(BIN)/python -m observatoire.replicas --replicas $(REPLICAS) --port $(PORT)

test: databases
	$(BIN)/python -m pytest -n 2 --dist loadfile --max-worker-restart 0

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: databases $(DATA)/demo-national.duckdb
	$(BIN)/python -m benchmarks.run $(if $(QUICK),--quick)

clean-databases:
	rm -f $(DATA)/*.duckdb
