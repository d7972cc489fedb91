#!/bin/sh
# make bench: run every benchmark program and print its figures.
O=${O:-build}
export DYAD_SHARED_DATA="${DYAD_SHARED_DATA:-$PWD/../shared/data}"
gen="$O/bench/generated-100k.jsonl"
if [ ! -s "$gen" ]; then
	echo "generating 100,000 articles into $gen"
	sh scripts/gen_corpus.sh 100000 1 > "$gen"
fi
for b in "$O"/bench/bench_*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	case "$b" in
	*bench_ingest) "$b" "$gen" ;;
	*) "$b" ;;
	esac
done
echo "== serve_load"; O=$O sh bench/serve_load.sh
