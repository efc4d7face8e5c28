# folio - a terminal news-article reader.
#
#   make run     install missing Debian packages, build, open the sample
#   make check   the same set-up, then every test (SAN=1: ASan+UBSan)
#   make eval    score extraction on ../shared/corpus (skips without it)
#   make bench   timings against a bare libxml2 parse
#   make install PREFIX=/usr/local   (DESTDIR too; make uninstall undoes it)

VERSION := 0.1.0
PREFIX ?= /usr/local
SAN ?= 0
CC ?= cc
PKG_CONFIG ?= pkg-config

PKGS := libxml-2.0 libcurl ncursesw jansson sqlite3 chafa libjpeg libpng libwebp libidn2 uchardet zlib
# Debian's libunistring-dev ships no .pc file: ask pkg-config first anyway.
UNISTRING_LIBS = $(shell $(PKG_CONFIG) --libs libunistring 2>/dev/null || echo -lunistring)
# Nor does Debian's libgif-dev (giflib): the same fallback.
GIF_LIBS = $(shell $(PKG_CONFIG) --libs giflib 2>/dev/null || echo -lgif)
# Compiled against but not linked: folio dlopen()s each at its first use
# (src/util-dl.c): libcurl at the first fetch, libchafa (with glib) and
# the image decoders at the first picture, libuchardet at the first
# undeclared legacy page, libidn2 at the first non-ASCII host.  Linked,
# they and what they pull in tripled every run's start-up.  Each is
# loaded by the soname of the library pkg-config finds (else the one the
# compiler finds, else the source's default).  The test, tool and bench
# programs link them (their sample encoders call them directly).
# (dlopen is in libc since glibc 2.34; older ones need LDLIBS=-ldl.)
LAZY_PKGS := libcurl chafa libjpeg libpng libwebp libidn2 uchardet
LINK_PKGS := $(filter-out $(LAZY_PKGS),$(PKGS))
LAZY_LIBS = $(shell $(PKG_CONFIG) --libs $(LAZY_PKGS)) $(GIF_LIBS)
READELF ?= readelf
# $(call soname,PKG,LIB): the soname of libLIB.so, in PKG's libdir or
# else where the compiler looks; nothing when neither has it.
soname = $(shell f="$$($(PKG_CONFIG) --variable=libdir $(1) 2>/dev/null)/lib$(2).so"; \
	[ -e "$$f" ] || f=$$($(CC) -print-file-name=lib$(2).so); \
	$(READELF) -d "$$f" 2>/dev/null | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
# -DFOLIO_LIBX_SONAME="..." for each (VAR:PKG:LIB), when found.
LAZY_SONAMES := LIBCURL:libcurl:curl LIBCHAFA:chafa:chafa LIBJPEG:libjpeg:jpeg \
	LIBPNG:libpng:png LIBWEBP:libwebp:webp LIBGIF:giflib:gif \
	LIBUCHARDET:uchardet:uchardet LIBIDN2:libidn2:idn2
soname_def = $(foreach n,$(call soname,$(word 2,$(1)),$(word 3,$(1))),-DFOLIO_$(word 1,$(1))_SONAME=\"$(n)\")
SONAME_DEFS := $(foreach x,$(LAZY_SONAMES),$(call soname_def,$(subst :, ,$(x))))

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
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DFOLIO_VERSION=\"$(VERSION)\" \
	$(SONAME_DEFS) $(OPT) $(WARN) \
	$(SANFLAGS) -Iinclude $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS = $(shell $(PKG_CONFIG) --libs $(LINK_PKGS)) $(UNISTRING_LIBS) -lm -pthread $(LDLIBS)
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
# A stand-in for an old libcurl (tests/sh/test_fetch_oldcurl.sh).
SHIM_BIN := $(BUILD)/shim/curl-old.so

.PHONY: all deps run check test eval bench install uninstall clean fuzz fuzz-build
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

# -MMD -MP: each object's header dependencies, read back below.
$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(BUILD)/*.d $(BUILD)/*/*.d)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libfolio.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -Itests/unit -o $@ $< $(BUILD)/libfolio.a $(ALL_LDFLAGS) $(LIBS) $(LAZY_LIBS) $(TEST_LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/libfolio.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(BUILD)/libfolio.a $(ALL_LDFLAGS) $(LIBS) $(LAZY_LIBS)

$(BUILD)/shim/%.so: tests/shim/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -std=c11 -D_GNU_SOURCE -O1 -g -fPIC -shared $(WARN) \
		$(shell $(PKG_CONFIG) --cflags libcurl) -o $@ $<

$(BUILD)/bench/%: bench/%.c $(BUILD)/libfolio.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(BUILD)/libfolio.a $(ALL_LDFLAGS) $(LIBS) $(LAZY_LIBS)

$(BUILD):
	mkdir -p $@

deps:
	@sh scripts/install-deps.sh

# Set-up first, then a fresh make so pkg-config sees what was installed.
run: deps
	@$(MAKE) --no-print-directory all
	./folio data/sample-rt.html

check: deps
	@if [ "$(VALGRIND)" = 1 ]; then sh scripts/install-deps.sh valgrind; fi
	@$(MAKE) --no-print-directory test

test: folio $(UNIT_BIN) $(TOOL_BIN) $(SHIM_BIN)
	@sh tests/run.sh "$(BUILD)" $(UNIT_BIN) -- $(SHELL_TESTS)

eval: deps
	@$(MAKE) --no-print-directory folio
	@sh scripts/eval.sh

bench: deps
	@$(MAKE) --no-print-directory folio $(BENCH_BIN) $(BUILD)/tools/genpage $(BUILD)/tools/genimage
	@sh bench/run.sh "$(BUILD)"

BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1

install: folio
	install -d $(BINDIR) $(MAN1DIR)
	install -m 755 folio $(BINDIR)/folio
	install -m 644 doc/folio.1 $(MAN1DIR)/folio.1

# Removes what install put there; the directories stay (they are shared).
uninstall:
	rm -f $(BINDIR)/folio $(MAN1DIR)/folio.1

clean:
	rm -rf build folio

# ---- Robustness (issue 6): valgrind and libFuzzer ----------------------
# make check VALGRIND=1: every unit binary and every $$FOLIO run of the
# shell tests under memcheck (tests/tools/valgrind.sh); leaks are errors.
VALGRIND ?= 0
ifeq ($(VALGRIND),1)
ifeq ($(SAN),1)
$(error VALGRIND=1 and SAN=1 do not mix: valgrind cannot run ASan binaries)
endif
export FOLIO := $(CURDIR)/tests/tools/valgrind-folio.sh
export FOLIO_REAL := $(abspath $(BUILD)/folio)
export FOLIO_UNIT_WRAP := $(CURDIR)/tests/tools/valgrind.sh
export FOLIO_VALGRIND := 1
# Tests bound to timing (a server delay, a TLS handshake timeout) and the
# tmux pager tests cannot keep their timing under memcheck: they run in
# the plain and SAN=1 checks only.
SHELL_TESTS := $(filter-out tests/sh/test_fetch_batch.sh tests/sh/test_fetch_tls.sh \
	tests/sh/test_ui_%.sh,$(SHELL_TESTS))
endif

# make fuzz FUZZ_SECONDS=N: each fuzz/fuzz_*.c target N seconds.  The
# library is rebuilt with clang into build/fuzz (own objects).
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_DIR := build/fuzz
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -DFOLIO_VERSION=\"$(VERSION)\" \
	$(SONAME_DEFS) -O1 -g \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer -Iinclude $(shell $(PKG_CONFIG) --cflags $(PKGS))
FUZZ_OBJ := $(LIB_SRC:src/%.c=$(FUZZ_DIR)/%.o)
FUZZ_BIN := $(patsubst fuzz/%.c,$(FUZZ_DIR)/%,$(wildcard fuzz/fuzz_*.c))

fuzz:
	@sh scripts/install-deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@sh scripts/fuzz.sh "$(FUZZ_SECONDS)" $(FUZZ_BIN)

fuzz-build: $(FUZZ_BIN)

-include $(wildcard $(FUZZ_DIR)/*.d)

$(FUZZ_DIR)/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -MMD -MP -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/libfolio.a: $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_DIR)/libfolio.a
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -MMD -MP -fsanitize=fuzzer -o $@ $< $(FUZZ_DIR)/libfolio.a $(LIBS) $(LAZY_LIBS)
