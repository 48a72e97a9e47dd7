# The README's two commands:
#   make demo   set everything up, then annotate the bundled corpus and show the result
#   make test   set everything up, then run every test (ctest and pytest)
# Both work on a fresh Debian 12 machine as root; nothing needs installing by hand.

SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
JOBS ?= $(shell nproc)
BUILD ?= build/cpp
CMAKE_ARGS ?=

APT_PACKAGES := build-essential pkg-config libicu-dev libre2-dev libgumbo-dev \
  libcmark-gfm-dev libcmark-gfm-extensions-dev libcld2-dev nlohmann-json3-dev libgtest-dev libgmock-dev \
  libbenchmark-dev python3-venv

.PHONY: demo test deps venv install build ctest pytest sanitize bench stubs check-stubs clean

demo: install
	mkdir -p build/demo
	$(VENV)/bin/policytext annotate corpora/fr corpora/en corpora/bilingual \
	  -o build/demo/annotations.jsonl --parquet build/demo/annotations
	@echo; echo "== One policy in detail: a messaging app that shares phone numbers for ads =="
	$(VENV)/bin/policytext analyze corpora/en/parley-messenger.html
	@echo; echo "Records: build/demo/annotations.jsonl; tables: build/demo/annotations.*.parquet"

test: install build
	$(MAKE) ctest pytest check-stubs

# System packages: installed only when one is missing, so a ready machine skips apt.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.ready: pyproject.toml | deps
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# Pinned: the checked-in type stubs are generated with exactly these.
	$(PY) -m pip install -q "scikit-build-core==1.1.2" "pybind11==3.1.0" cmake ninja
	touch $@

venv: $(VENV)/.ready

# Non-editable install; scikit-build-core keeps its build folder, so this is incremental.
install: venv
	$(PY) -m pip install -q --no-build-isolation ".[test]"

build: venv
	$(VENV)/bin/cmake -S . -B $(BUILD) -G Ninja -DPOLICYTEXT_BUILD_TESTS=ON \
	  -Dpybind11_DIR=$$($(PY) -m pybind11 --cmakedir) $(CMAKE_ARGS)
	$(VENV)/bin/cmake --build $(BUILD) -j $(JOBS)

ctest:
	$(VENV)/bin/ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

pytest:
	$(VENV)/bin/pytest -q

# Type stubs are generated from the built module; CI fails when the checked-in ones drift.
stubs:
	$(VENV)/bin/pybind11-stubgen policytext._core -o build/stubs --exit-code
	cp build/stubs/policytext/_core.pyi python/policytext/_core.pyi

check-stubs:
	$(VENV)/bin/pybind11-stubgen policytext._core -o build/stubs-check --exit-code
	diff -u python/policytext/_core.pyi build/stubs-check/policytext/_core.pyi

# The core and its C++ tests under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: venv
	$(VENV)/bin/cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DPOLICYTEXT_BUILD_TESTS=ON -DPOLICYTEXT_SANITIZE=ON
	$(VENV)/bin/cmake --build build/asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(VENV)/bin/ctest --test-dir build/asan --output-on-failure -j $(JOBS)

bench: venv
	$(VENV)/bin/cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DPOLICYTEXT_BUILD_TESTS=OFF -DPOLICYTEXT_BUILD_BENCH=ON
	$(VENV)/bin/cmake --build build/bench -j $(JOBS)

clean:
	rm -rf build $(VENV)
