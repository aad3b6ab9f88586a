# ReportKit — `make` builds the tool and every dataset under pipelines/; `make test` runs all tests.
SWIFT        ?= swift
RELEASE_BIN  := .build/release/reportkit
DEBUG_BIN    := .build/debug/reportkit
PIPELINES    := $(sort $(dir $(wildcard pipelines/*/pipeline.yaml)))
APT_PACKAGES := libxml2-dev libopencc-dev libopencc-data libmimalloc-dev libcurl4-openssl-dev pkg-config
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
# A digest of the toolkit's tracked sources, recorded in provenance.json (a commit id cannot be: the
# dataset is committed together with the code).
SOURCE_DIGEST := $(shell (git ls-files -z Package.swift Sources 2>/dev/null | LC_ALL=C sort -z | xargs -0 cat 2>/dev/null) | sha256sum | cut -c1-64)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The release tool links the Swift runtime and Foundation statically: every retain, release and String call then
# skips the PLT, and a start resolves no Swift symbols (make bench-compare: user CPU -7%; a 10-report build
# 0.165 -> 0.125 s). FoundationNetworking then links -lcurl, hence libcurl4-openssl-dev above. The tools/ scripts
# build with the same flags (exported).
export RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: all deps build datasets test test-unit eval test-http bench bench-compare bench-memory bench-python test-spark test-one-cpu clean format lint

all: datasets

## Install the system libraries when they are missing (Debian/Ubuntu).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product reportkit

## Build every dataset under pipelines/ into output/.
datasets: build
	@for p in $(PIPELINES); do \
	  echo "reportkit build $$p"; \
	  REPORTKIT_SOURCE_DIGEST=$(SOURCE_DIGEST) $(RELEASE_BIN) build $$p --output-root output --jobs $(JOBS) || exit 1; \
	done

## Unit and integration tests, then the extraction quality gate against the gold annotations.
test: deps test-unit eval test-http

test-unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## HTTP fetching against a loopback fault server (Python 3, standard library only).
test-http:
	$(SWIFT) build --product reportkit
	REPORTKIT=$(DEBUG_BIN) python3 Tests/integration/test_http_fetch.py

eval:
	$(SWIFT) build --product reportkit
	@for p in $(PIPELINES); do \
	  if grep -q '^eval:' $$p/pipeline.yaml; then \
	    echo "reportkit eval $$p"; $(DEBUG_BIN) eval $$p || exit 1; \
	  fi; \
	done

## Benchmark: generate a synthetic corpus (BENCH_COUNT reports, default 20000) into .bench/ and time
## `reportkit build` on it at --jobs 1 and 2, BENCH_REPEAT times each (the median run counts); prints a table and
## writes bench/results.json (tools/bench.sh).
BENCH_COUNT   ?= 20000
BENCH_REPEAT  ?= 5
BENCH_SCRATCH ?= .build
bench: deps
	BENCH_COUNT=$(BENCH_COUNT) BENCH_REPEAT=$(BENCH_REPEAT) BENCH_SCRATCH=$(BENCH_SCRATCH) SWIFT=$(SWIFT) tools/bench.sh

## Compare with an older binary: BASE=<path to reportkit> and this tree's release build, run alternately (ABBA,
## COMPARE_ROUNDS rounds, default 6) on the make bench corpus; prints median wall/CPU and the change, checks that
## both write the same bytes (tools/bench_compare.sh). The VM's speed drifts too much for two make bench runs.
bench-compare: deps
	BASE=$(BASE) BENCH_SCRATCH=$(BENCH_SCRATCH) SWIFT=$(SWIFT) tools/bench_compare.sh

## Peak memory against corpus size (BENCH_MEMORY_COUNTS, default "20000 100000 200000"): bench/memory.json
## with the slope in KiB per report (tools/bench_memory.sh). Needs about 7 KB of disk per report.
bench-memory: deps
	BENCH_SCRATCH=$(BENCH_SCRATCH) SWIFT=$(SWIFT) tools/bench_memory.sh

## The Python peer pipeline (trafilatura, ftfy, OpenCC, regex + cn2an, datasketch MinHash-LSH) on .bench/corpus
## (BENCH_PY_CORPUS) at 1 and 2 processes, in a pinned virtualenv under .bench-python/: bench/python-baseline.json.
bench-python:
	tools/bench_python.sh

## `--jobs 2` pinned to one CPU (taskset) on a 300-report synthetic corpus must finish, with the bytes of a
## `--jobs 1` build: emit's lanes wait for each other, and once hung when run one after another on one CPU.
ONE_CPU_SCRATCH ?= .build/one-cpu
test-one-cpu: build
	rm -rf $(ONE_CPU_SCRATCH) && mkdir -p $(ONE_CPU_SCRATCH)
	$(RELEASE_BIN) generate-corpus --count 300 --seed 7 --output $(ONE_CPU_SCRATCH)/corpus > /dev/null
	timeout 300 taskset -c 0 $(RELEASE_BIN) build $(ONE_CPU_SCRATCH)/corpus --output-root $(ONE_CPU_SCRATCH)/two --jobs 2 --no-cache
	$(RELEASE_BIN) build $(ONE_CPU_SCRATCH)/corpus --output-root $(ONE_CPU_SCRATCH)/one --jobs 1 --no-cache
	diff -r $(ONE_CPU_SCRATCH)/one $(ONE_CPU_SCRATCH)/two
	@echo "one CPU, --jobs 2: finished, identical to --jobs 1"

## Run every pipeline on Spark (local mode, 3 partitions) and check the bytes equal make's build.
SPARK_VENV := .venv-spark
test-spark: datasets
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless; }
	@[ -x $(SPARK_VENV)/bin/python ] && $(SPARK_VENV)/bin/python -c 'import pyspark' 2>/dev/null || \
	  { python3 -m venv $(SPARK_VENV) && $(SPARK_VENV)/bin/pip install -q pyspark; }
	@for p in $(PIPELINES); do \
	  name=$$(basename $$p); version=$$(readlink output/$$name/latest); \
	  rm -rf .spark-output && mkdir -p .spark-output && cp -a output/$$name .spark-output/ && rm -rf .spark-output/$$name/$$version; \
	  REPORTKIT_SOURCE_DIGEST=$(SOURCE_DIGEST) $(SPARK_VENV)/bin/python tools/spark/reportkit_spark.py $$p \
	    --reportkit $(RELEASE_BIN) --master 'local[3]' --partitions 3 --output-root .spark-output || exit 1; \
	  diff -r .spark-output/$$name/$$version output/$$name/$$version || { echo "Spark output differs from make's for $$name"; exit 1; }; \
	  echo "Spark run of $$name $$version is byte-identical to make's build"; \
	done

## Format the Swift sources in place, and lint them (warnings only; the rules are in .swift-format).
format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive Sources Tests Package.swift

clean:
	rm -rf .build
