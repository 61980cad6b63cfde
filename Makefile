# hazmap: two commands on a fresh Debian 12 machine.
#   make run   installs what is missing, builds in release mode, runs the main job on GeoData/sample/
#   make test  installs what is missing, then runs the whole test suite
#   make install  builds in release mode and installs the binaries, man pages and bash completion
#                 under PREFIX (default /usr/local; DESTDIR is honoured)
SWIFT ?= swift
APT_PACKAGES := libgeos-dev libproj-dev libgdal-dev gdal-bin proj-bin pkg-config chromium libjs-leaflet
SAMPLE := GeoData/sample
OUT := out/sample
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test clean man install uninstall

## deps: install the system libraries (GEOS, PROJ, GDAL) and their command-line tools when missing, with
##   libjs-leaflet (inlined into the report's interactive map) and chromium (the report's browser test)
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

PREFIX ?= /usr/local
BINDIR := $(PREFIX)/bin
MANDIR := $(PREFIX)/share/man/man1
COMPLETIONDIR := $(PREFIX)/share/bash-completion/completions
BINARIES := hazmap hazmap-generate
MAN_OUT := .build/man
# swift-argument-parser's plugin writes its pages here (one folder per executable target).
MAN_PLUGIN_OUT := .build/plugins/GenerateManual/outputs

## man: one man page per command and subcommand, generated from --help by swift-argument-parser's
##   generate-manual plugin (it builds the package in release mode first; works offline once the
##   dependencies are resolved), collected in .build/man/
man:
	$(SWIFT) package plugin generate-manual --multi-page --date 2026-01-01
	@rm -rf $(MAN_OUT) && mkdir -p $(MAN_OUT)
	cp $(MAN_PLUGIN_OUT)/hazmap/*.1 $(MAN_PLUGIN_OUT)/hazmap-generate/*.1 $(MAN_OUT)/
	@ls $(MAN_OUT)

## install: the release binaries, their man pages and bash completion under $(DESTDIR)$(PREFIX)
install: build man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(addprefix .build/release/,$(BINARIES)) $(DESTDIR)$(BINDIR)/
	install -m 644 $(MAN_OUT)/*.1 $(DESTDIR)$(MANDIR)/
	.build/release/hazmap --generate-completion-script bash > $(DESTDIR)$(COMPLETIONDIR)/hazmap
	.build/release/hazmap-generate --generate-completion-script bash > $(DESTDIR)$(COMPLETIONDIR)/hazmap-generate
	@echo "installed $(BINARIES) in $(DESTDIR)$(BINDIR), man pages in $(DESTDIR)$(MANDIR)"

uninstall:
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(BINARIES)) $(DESTDIR)$(MANDIR)/hazmap*.1 \
	  $(addprefix $(DESTDIR)$(COMPLETIONDIR)/,$(BINARIES))

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
