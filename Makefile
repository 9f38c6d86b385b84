# The assistant for 桂人社规〔2020〕12号.  Two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV ?= .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
STAMP := $(VENV)/.installed
MODEL := models/assistant.tar.gz
TRAIN_INPUTS := config.yml domain.yml $(shell find data -type f 2>/dev/null | sort)
export PYTHONPATH := $(CURDIR)
export PYTHONHASHSEED := 0
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

.PHONY: help run test lint test-unit test-stack validate train test-stories test-nlu test-blind bench-chat bench-precheck bench-hostile bench-upload bench-load venv corpus

help:
	@echo "make run    set up everything (virtualenv, dependencies, model) and start the assistant on localhost"
	@echo "make test   run every test (lint, unit and action tests, data validation, NLU evaluation, test stories)"
	@echo "benchmarks: make bench-chat | bench-precheck"

venv: $(STAMP)
$(STAMP): requirements.in requirements.lock scripts/setup-venv scripts/find-python
	@scripts/setup-venv "$(VENV)"
	@touch $@

# Trains only when the model is missing or older than its data or configuration (the
# model's own components in addons/ included).
train: $(MODEL)
$(MODEL): $(TRAIN_INPUTS) addons/nlu.py addons/policies.py | $(STAMP)
	$(RASA) train --data data --config config.yml --domain domain.yml --out models --fixed-model-name assistant --force --quiet

run: $(MODEL)
	$(PY) scripts/serve.py

# Style (ruff), the dependency rule (import-linter, contracts in pyproject.toml) and types (mypy).
lint: | $(STAMP)
	$(VENV)/bin/ruff check bot actions addons channels tests bench scripts
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

# The public PDF/DOCX corpus (tests/corpus/manifest.json) in .cache/corpus/; offline with a
# warm cache; with CI=true a failed download fails.
corpus: | $(STAMP)
	$(PY) scripts/fetch-corpus

# Tests of the code alone; the ones that run the servers are marked `stack`.
test-unit: corpus | $(STAMP)
	@scripts/ensure-cjk-font
	$(PY) -m pytest -q -m "not stack" tests

# End-to-end: the servers on loopback, the HTTP API, WeChat against a fake WeChat, the chat
# page in a real (headless) Chromium, restarts, and two instances on PostgreSQL and Redis.
test-stack: $(MODEL)
	@scripts/ensure-chromium
	@scripts/ensure-axe
	@scripts/ensure-cjk-font
	$(PY) -m pytest -q -m stack tests

validate: | $(STAMP)
	$(RASA) data validate --data data --config config.yml --domain domain.yml --fail-on-warnings

# `rasa test core` checks each story's actions; check_story_intents.py checks that the model
# classifies each story message as the story says.
test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/stories --out results/core --fail-on-prediction-errors
	$(PY) scripts/check_story_intents.py $(MODEL) tests/stories

test-nlu: $(MODEL)
	$(RASA) test nlu --model $(MODEL) --nlu tests/nlu --out results/nlu
	$(PY) scripts/check_nlu.py results/nlu --min 0.95

# The blind evaluation (tests/blind/*, never trained on): every question and dialogue through
# the REST channel of a stack on free ports; accuracy per language, wrong-answer, no-answer,
# trap and dialogue rates, failing under the thresholds in scripts/blind_eval.py.
test-blind: $(MODEL)
	$(PY) scripts/blind_eval.py tests/blind/set_a tests/blind/set_b tests/blind/set_c tests/blind/set_d \
		tests/blind/set_e tests/blind/set_f tests/blind/set_g tests/blind/set_h \
		tests/blind/set_i tests/blind/set_j tests/blind/set_k tests/blind/set_l tests/blind/set_m \
		tests/blind/set_n tests/blind/set_o tests/blind/set_p tests/blind/set_q tests/blind/set_r \
		tests/blind/set_s tests/blind/set_t tests/blind/set_u tests/blind/set_v \
		tests/blind/set_w tests/blind/set_x

# The order follows rasa-demo's CI: lint, code tests, data validation, training, NLU, stories.
test: lint test-unit validate $(MODEL) test-nlu test-stories test-blind test-stack

bench-chat: $(MODEL)
	$(PY) bench/chat.py

bench-precheck: | $(STAMP)
	@scripts/ensure-cjk-font
	$(PY) bench/precheck.py
	$(PY) bench/precheck_scans.py
	$(PY) bench/language.py

bench-hostile: | $(STAMP)
	$(PY) bench/hostile.py
	$(PY) bench/hostile_images.py

bench-upload: $(MODEL)
	$(PY) bench/upload.py

bench-load: $(MODEL)
	$(PY) bench/load.py
