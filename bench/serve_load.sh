#!/bin/sh
# Load test of dyad serve: ingest samples/ into a fresh database, serve it on
# a free port and run wrk (2 threads, 16 connections, 10 s) against
# /api/stats for one dyad; print requests/s and errors. The bar: at least
# 1,000 requests a second with no error on 2 cores. O names the build folder.
O=${O:-build}
DYAD=${DYAD:-$O/dyad}
SECS=${SERVE_LOAD_SECONDS:-10}
if ! command -v wrk >/dev/null 2>&1; then
	echo "serve_load: skip: no wrk (apt-get install wrk)"; exit 0
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/dyad-serve-load.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
"$DYAD" ingest --db "$dir/s.db" samples/text samples/html samples/jsonl samples/warc 2>/dev/null
"$DYAD" serve --db "$dir/s.db" --listen 127.0.0.1:0 --threads 2 2>"$dir/serve.log" &
pid=$!
url=""
for _ in $(seq 50); do
	url=$(grep -o "http://[^ ]*" "$dir/serve.log" 2>/dev/null | head -n 1)
	[ -n "$url" ] && break
	sleep 0.1
done
if [ -z "$url" ]; then
	echo "serve_load: dyad serve did not start:"; cat "$dir/serve.log"; exit 1
fi
path="api/stats?dyad=USA:PAK&by=month"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url$path" 2>/dev/null || echo "?")
wrk -t2 -c16 -d"${SECS}s" --latency "$url$path" > "$dir/wrk.out" 2>&1
rps=$(awk '/^Requests\/sec/ {print $2}' "$dir/wrk.out")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$dir/wrk.out")
sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' "$dir/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$dir/wrk.out")
errors=$(( ${non2xx:-0} + ${sock:-0} ))
echo "serve_load: GET /$path (first answer $code), wrk -t2 -c16 -d${SECS}s"
echo "serve_load: ${rps:-?} requests/s, p99 latency ${p99:-?}, errors $errors (non-2xx ${non2xx:-0}, socket ${sock:-0})"
cpu=$(ps -o times= -p "$pid" 2>/dev/null | tr -d ' ')
echo "serve_load: server CPU time ${cpu:-?} s over the run"
if [ "$errors" -eq 0 ] && awk -v r="${rps:-0}" 'BEGIN { exit !(r >= 1000) }'; then
	echo "serve_load: bar (>= 1,000 requests/s, no error): met"
else
	echo "serve_load: bar (>= 1,000 requests/s, no error): NOT met"; exit 1
fi
