# dyad: build, test, evaluate and benchmark.
#   make            libdyad and the dyad CLI (build/dyad)
#   make demo       install dependencies, build, ingest samples/, print a summary
#   make test       install dependencies, build, run unit and CLI tests
#   make check-san  the tests again under AddressSanitizer + UBSan
#   make eval       accuracy against ../shared/data (skips when absent)
#   make bench      speed and memory figures
#   make fuzz       short libFuzzer run of every parser (clang)
# Variables: CC (gcc or clang), SAN=1 (sanitizers), O (build folder).

CC      ?= cc
SAN     ?=
O       ?= build
PKGS    := sqlite3 libxml-2.0 libutf8proc zlib libdeflate jansson libmicrohttpd
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ifeq ($(SAN),1)
O       := build-san
CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) -MMD -MP
LIBS       = $(PKG_LIBS) -lpthread -lm

LIB_SRC   := $(sort $(wildcard src/*.c))
CLI_SRC   := $(sort $(wildcard cli/*.c))
TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
EVAL_SUP  := $(sort $(filter-out eval/eval_%.c,$(wildcard eval/*.c)))
EVAL_SRC  := $(sort $(wildcard eval/eval_*.c))
BENCH_SRC := $(sort $(wildcard bench/bench_*.c))
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJ   := $(LIB_SRC:%.c=$(O)/obj/%.o)
CLI_OBJ   := $(CLI_SRC:%.c=$(O)/obj/%.o)
EVAL_SOBJ := $(EVAL_SUP:%.c=$(O)/obj/%.o)
TESTS     := $(TEST_SRC:tests/unit/%.c=$(O)/tests/%)
EVALS     := $(EVAL_SRC:eval/%.c=$(O)/eval/%)
BENCHES   := $(BENCH_SRC:bench/%.c=$(O)/bench/%)
REPLAYS   := $(FUZZ_SRC:fuzz/%.c=$(O)/fuzz/%)

.SECONDARY:
.PHONY: all deps test-deps demo test check check-san tests eval bench fuzz clean
all: $(O)/dyad

deps:
	@scripts/deps.sh

test-deps:
	@scripts/deps.sh test

$(O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo '  CC    $<'
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

# The dictionaries of dict/ compiled into the library (tools/embed.c, built
# with the same compiler, writes them as C string literals).
$(O)/obj/src/dict_builtin.o: src/dict_builtin.c tools/embed.c $(wildcard dict/*.txt)
	@mkdir -p $(O)/gen $(dir $@)
	@$(CC) -O1 -o $(O)/gen/embed tools/embed.c
	@$(O)/gen/embed $(sort $(wildcard dict/*.txt)) > $(O)/gen/dict_data.inc
	@echo '  CC    $<'
	@$(CC) $(ALL_CFLAGS) -I$(O)/gen -c $< -o $@

# The page of dyad serve (web/*) compiled in the same way (src/web_assets.c).
$(O)/obj/src/web_assets.o: src/web_assets.c tools/embed.c $(wildcard web/*)
	@mkdir -p $(O)/gen $(dir $@)
	@$(CC) -O1 -o $(O)/gen/embed-web tools/embed.c
	@$(O)/gen/embed-web $(sort $(wildcard web/*)) > $(O)/gen/web_data.inc
	@echo '  CC    $<'
	@$(CC) $(ALL_CFLAGS) -I$(O)/gen -c $< -o $@

$(O)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(O)/dyad: $(CLI_OBJ) $(O)/libdyad.a
	@echo '  LINK  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(O)/tests/%: $(O)/obj/tests/unit/%.o $(O)/libdyad.a
	@mkdir -p $(dir $@)
	@echo '  LINK  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(shell pkg-config --libs cmocka)

$(O)/eval/%: $(O)/obj/eval/%.o $(EVAL_SOBJ) $(O)/libdyad.a
	@mkdir -p $(dir $@)
	@echo '  LINK  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(O)/bench/%: $(O)/obj/bench/%.o $(EVAL_SOBJ) $(O)/libdyad.a
	@mkdir -p $(dir $@)
	@echo '  LINK  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# The fuzz targets with a plain main that replays their seed corpora.
$(O)/fuzz/%: $(O)/obj/fuzz/%.o $(O)/obj/fuzz/replay_main.o $(O)/libdyad.a
	@mkdir -p $(dir $@)
	@echo '  LINK  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

tests: $(O)/dyad $(TESTS) $(REPLAYS) $(O)/eval/eval_quotes

# The README's test command: installs what it needs, builds, runs everything.
test: test-deps
	@$(MAKE) --no-print-directory -j2 tests
	@O=$(O) tests/run.sh

check-san:
	@$(MAKE) --no-print-directory SAN=1 tests
	@O=build-san ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory -j2 $(O)/dyad
	@rm -f $(O)/demo.db $(O)/demo.db-wal $(O)/demo.db-shm
	$(O)/dyad ingest --db $(O)/demo.db samples/text samples/html samples/jsonl samples/warc
	$(O)/dyad stats --db $(O)/demo.db
	@echo; echo "articles (published, date source, outlet, title):"
	@$(O)/dyad export --db $(O)/demo.db articles | \
		jq -r '[.published // "-", .date_source // "-", .outlet // "-", .title // "-"] | @tsv' | sort
	@echo; echo "United States -> Pakistan, by year:"
	@$(O)/dyad stats --db $(O)/demo.db --dyad USA:PAK --by year --format table
	@echo; echo "the thread, story by story:"
	@$(O)/dyad timeline --db $(O)/demo.db --dyad USA:PAK --format table
	@echo; echo "who said what: Ana Mendez"
	@$(O)/dyad quotes --db $(O)/demo.db --speaker Mendez --format table
	@echo; echo "see it in a browser: $(O)/dyad serve --db $(O)/demo.db"

eval: $(O)/dyad $(EVALS)
	@for e in $(EVALS); do $$e || exit 1; done

bench: $(O)/dyad $(BENCHES)
	@O=$(O) bench/run.sh

fuzz:
	@scripts/fuzz.sh

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(O)/obj -name '*.d' 2>/dev/null)
