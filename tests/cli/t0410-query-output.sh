# Query output formats: the table fits the terminal width (COLUMNS when
# standard output is not a terminal), CSV quotes what it must, every query
# command answers --help, options given as --name=value.
. tests/cli/lib.sh
run_dyad 0 ingest --db "$T/db" samples/text samples/jsonl
for w in 60 100 200; do
	COLUMNS=$w "$DYAD" events --db "$T/db" --format table > "$T/out" 2>"$T/err" || fail "events table"
	[ "$(wc -l < "$T/out")" -ge 2 ] || fail "empty table"
	# characters, not bytes: the cut mark is one character
	max=$(LC_ALL=C.UTF-8 wc -L < "$T/out")
	[ "$max" -le "$w" ] || fail "table of width $max over COLUMNS=$w"
done
COLUMNS=60 "$DYAD" search --db "$T/db" --format table pakistan > "$T/out" || fail "search table"
expect_grep "…" "$T/out"
# CSV: a field with a comma or quote is quoted, rows end in CRLF
run_dyad 0 events --db "$T/db" --format=csv --limit=20
expect_eq "crlf" "$(grep -c "$(printf '\r')\$" "$T/out")" "$(wc -l < "$T/out")"
grep -q '^[^"]*,"[^"]*,' "$T/out" || grep -q '""' "$T/out" || fail "no quoted CSV field"
for c in search events timeline quotes dups; do
	run_dyad 0 "$c" --help
	expect_grep "usage: dyad $c" "$T/out"
done
run_dyad 0 stats --help
expect_grep "--dyad" "$T/out"
# a positional word where none is taken, an option without its value
run_dyad 2 events --db "$T/db" stray
run_dyad 2 events --db "$T/db" --source
exit 0
