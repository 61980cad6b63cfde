# hazmap: two commands on a fresh Debian 12 machine.
#   make run   installs what is missing, builds in release mode, runs the main job on GeoData/sample/
#   make test  installs what is missing, then runs the whole test suite
SWIFT ?= swift
APT_PACKAGES := libgeos-dev libproj-dev libgdal-dev gdal-bin proj-bin pkg-config
SAMPLE := GeoData/sample
OUT := out/sample
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test clean

## deps: install the system libraries (GEOS, PROJ, GDAL) and their command-line tools when missing
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build -c release

## run: the main job on the shipped sample
run: build
	@bash Tools/run-sample.sh .build/release/hazmap $(SAMPLE) $(OUT)

## test: the suite; the PostGIS tests run against a throwaway cluster under .build (skipped if it cannot start)
test: deps
	$(SWIFT) build --build-tests
	@bash Tools/postgis/with_cluster.sh .build/postgis-test .build/debug/hazmap-generate $(SWIFT) test

clean:
	rm -rf .build out

## test-sanitize: the tests under AddressSanitizer, then ThreadSanitizer, each in its own scratch folder.
##   SANITIZE_FILTER=Regex limits the tests (e.g. SANITIZE_FILTER='GeometryCoreTests|GeoIOTests').
##   Leak checking is off by default (GDAL, PROJ and GEOS keep global caches until exit); LEAKS=1 turns it on.
SANITIZE_FILTER ?=
LEAKS ?= 0
.PHONY: test-sanitize
test-sanitize: deps
	ASAN_OPTIONS=detect_leaks=$(LEAKS):abort_on_error=1 $(SWIFT) test --sanitize=address \
	  --scratch-path .build-asan $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)')
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --sanitize=thread \
	  --scratch-path .build-tsan $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)')
