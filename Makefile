# folio - a terminal news-article reader.
#
#   make run     install missing Debian packages, build, open the sample
#   make check   the same set-up, then every test (SAN=1: ASan+UBSan)
#   make eval    score extraction on ../shared/corpus (skips without it)
#   make bench   timings against a bare libxml2 parse
#   make install PREFIX=/usr/local

VERSION := 0.1.0
PREFIX ?= /usr/local
SAN ?= 0
CC ?= cc
PKG_CONFIG ?= pkg-config

PKGS := libxml-2.0 libcurl ncursesw jansson sqlite3
# Debian's libunistring-dev ships no .pc file: ask pkg-config first anyway.
UNISTRING_LIBS = $(shell $(PKG_CONFIG) --libs libunistring 2>/dev/null || echo -lunistring)

ifeq ($(SAN),1)
BUILD := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT := -O1
else
BUILD := build/rel
SANFLAGS :=
OPT := -O2
endif

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS ?= -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DFOLIO_VERSION=\"$(VERSION)\" $(OPT) $(WARN) \
	$(SANFLAGS) -Iinclude $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) $(UNISTRING_LIBS) -lm
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(wildcard tests/tools/*.c)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
SHELL_TESTS := $(wildcard tests/sh/test_*.sh)

.PHONY: all deps run check test eval bench install clean
.DEFAULT_GOAL := all

all: folio

# The optimised build is copied to ./folio (renamed into place, so a
# running ./folio is not in the way); SAN=1 builds stay in build/san.
folio: $(BUILD)/folio
ifneq ($(SAN),1)
	cp $(BUILD)/folio $@.tmp && mv -f $@.tmp $@
endif

$(BUILD)/folio: $(BUILD)/main.o $(BUILD)/libfolio.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libfolio.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: src/%.c $(wildcard include/folio/*.h) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libfolio.a $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libfolio.a $(ALL_LDFLAGS) $(LIBS) $(TEST_LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/libfolio.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libfolio.a $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libfolio.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libfolio.a $(ALL_LDFLAGS) $(LIBS)

$(BUILD):
	mkdir -p $@

deps:
	@sh scripts/install-deps.sh

# Set-up first, then a fresh make so pkg-config sees what was installed.
run: deps
	@$(MAKE) --no-print-directory all
	./folio data/sample-rt.html

check: deps
	@$(MAKE) --no-print-directory test

test: folio $(UNIT_BIN) $(TOOL_BIN)
	@sh tests/run.sh "$(BUILD)" $(UNIT_BIN) -- $(SHELL_TESTS)

eval: deps
	@$(MAKE) --no-print-directory folio
	@sh scripts/eval.sh

bench: deps
	@$(MAKE) --no-print-directory folio $(BENCH_BIN)
	@sh bench/run.sh "$(BUILD)"

install: folio
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 folio $(DESTDIR)$(PREFIX)/bin/folio
	if [ -f doc/folio.1 ]; then install -m 644 doc/folio.1 $(DESTDIR)$(PREFIX)/share/man/man1/folio.1; fi

clean:
	rm -rf build folio
