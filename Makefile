# ReportKit — `make` builds the tool and every dataset under pipelines/; `make test` runs all tests.
SWIFT        ?= swift
RELEASE_BIN  := .build/release/reportkit
DEBUG_BIN    := .build/debug/reportkit
PIPELINES    := $(sort $(dir $(wildcard pipelines/*/pipeline.yaml)))
APT_PACKAGES := libxml2-dev libopencc-dev libopencc-data pkg-config
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
# A digest of the toolkit's tracked sources, recorded in provenance.json (a commit id cannot be: the
# dataset is committed together with the code).
SOURCE_DIGEST := $(shell (git ls-files -z Package.swift Sources 2>/dev/null | LC_ALL=C sort -z | xargs -0 cat 2>/dev/null) | sha256sum | cut -c1-64)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build datasets test test-unit eval bench clean format lint

all: datasets

## Install the system libraries when they are missing (Debian/Ubuntu).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product reportkit

## Build every dataset under pipelines/ into output/.
datasets: build
	@for p in $(PIPELINES); do \
	  echo "reportkit build $$p"; \
	  REPORTKIT_SOURCE_DIGEST=$(SOURCE_DIGEST) $(RELEASE_BIN) build $$p --output-root output --jobs $(JOBS) || exit 1; \
	done

## Unit and integration tests, then the extraction quality gate against the gold annotations.
test: deps test-unit eval

test-unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

eval:
	$(SWIFT) build --product reportkit
	@for p in $(PIPELINES); do \
	  if grep -q '^eval:' $$p/pipeline.yaml; then \
	    echo "reportkit eval $$p"; $(DEBUG_BIN) eval $$p || exit 1; \
	  fi; \
	done

clean:
	rm -rf .build
