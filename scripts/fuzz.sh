#!/bin/sh
# Build every fuzz/fuzz_*.c with clang's libFuzzer (+ASan, UBSan) and run
# each for FUZZ_SECONDS (default 20) from its seed corpus in fuzz/corpus/.
set -e
secs=${FUZZ_SECONDS:-20}
out=build-fuzz
mkdir -p "$out"
pkgs="sqlite3 libxml-2.0 libutf8proc zlib libdeflate jansson libmicrohttpd"
flags="-std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iinclude -Isrc $(pkg-config --cflags $pkgs)"
# The library once, without main, instrumented for coverage.
objs=""
for c in src/*.c; do
	o="$out/$(basename "$c" .c).o"
	clang $flags -fsanitize=fuzzer-no-link -c "$c" -o "$o"
	objs="$objs $o"
done
status=0
for f in fuzz/fuzz_*.c; do
	name=$(basename "$f" .c)
	clang $flags "$f" $objs $(pkg-config --libs $pkgs) -lpthread -lm -o "$out/$name"
	corpus="$out/corpus-$name"
	mkdir -p "$corpus"
	seeds="fuzz/corpus/${name#fuzz_}"
	[ -d "$seeds" ] || seeds=""
	echo "fuzz: $name for ${secs}s"
	if ! "$out/$name" -max_total_time="$secs" -rss_limit_mb=4096 -max_len=262144 \
		-print_final_stats=0 "$corpus" $seeds >"$out/$name.log" 2>&1; then
		echo "fuzz: $name FAILED"; tail -n 40 "$out/$name.log"; status=1
	else
		grep -E "^#[0-9]+.*DONE" "$out/$name.log" | tail -n 1
	fi
done
exit $status
