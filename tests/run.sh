#!/bin/sh
# Run every unit test binary and every CLI test script; print one summary line.
# O names the build folder (build or build-san).
O=${O:-build}
pass=0; fail=0; skip=0; failed=""
export DYAD="$PWD/$O/dyad"
export DYAD_SHARED_DATA="${DYAD_SHARED_DATA:-$PWD/../shared/data}"
for t in "$O"/tests/test_*; do
	[ -x "$t" ] || continue
	if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $t"; fi
done
# Replay each fuzz target's seed corpus (and the samples) once.
for f in "$O"/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f"); seeds="fuzz/corpus/${name#fuzz_}"
	set -- samples/text samples/html samples/jsonl samples/warc
	[ -d "$seeds" ] && set -- "$seeds" "$@"
	if out=$("$f" "$@" 2>&1); then pass=$((pass + 1)); echo "ok   $name replay"
	else fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name replay"; printf '%s\n' "$out" | tail -n 30; fi
done
for t in tests/cli/t[0-9]*.sh tests/browser/run.sh; do
	[ -f "$t" ] || continue
	out=$(sh "$t" 2>&1); rc=$?
	if [ $rc -eq 0 ]; then pass=$((pass + 1)); echo "ok   $t";
	elif [ $rc -eq 77 ]; then skip=$((skip + 1)); echo "skip $t: $(printf '%s\n' "$out" | tail -n 1)";
	else fail=$((fail + 1)); failed="$failed $t"; echo "FAIL $t"; printf '%s\n' "$out" | tail -n 30; fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
