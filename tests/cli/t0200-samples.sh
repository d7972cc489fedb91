# The bundled samples come out as a careful reader would extract them:
# tests/data/samples_expected.jsonl says title, date, dateline, byline,
# outlet, text that must be kept and clutter that must go, per article.
. tests/cli/lib.sh
"$DYAD" ingest -q --db "$T/db" samples/text samples/html samples/jsonl samples/warc 2>"$T/err"
rc=$?
[ $rc -eq 0 ] || { cat "$T/err"; fail "ingest of samples: exit $rc"; }
"$DYAD" export --db "$T/db" articles > "$T/got.jsonl" || fail "export"
jq -s . "$T/got.jsonl" > "$T/got.json"
jq -s . tests/data/samples_expected.jsonl > "$T/want.json"
jq -n --slurpfile got "$T/got.json" --slurpfile want "$T/want.json" \
	-f tests/cli/samples_check.jq > "$T/report.json" \
	|| fail "jq report"
jq -r '.[] | select(.ok | not) | "  miss: \(.path) \(.check): got \(.got // "" | tostring | .[0:80]) want \(.want | tostring | .[0:80])"' "$T/report.json"
total=$(jq 'length' "$T/report.json")
ok=$(jq 'map(select(.ok)) | length' "$T/report.json")
echo "samples: $ok of $total checks pass"
# Hard rules: no site-banner date is ever a publication date, no article
# without date evidence gets one, clutter that must go is gone, every
# sample article is stored.
expect_eq "banner dates" "$(jq -r 'select(.published == "2026-11-25") | .path' "$T/got.jsonl")" ""
expect_eq "stored" "$(jq '[.[] | select(.check == "stored" and (.ok | not))] | length' "$T/report.json")" 0
expect_eq "undated" "$(jq -r '[.[] | select(.check == "published" and .want == null and (.ok | not)) | .path] | join(" ")' "$T/report.json")" ""
# Floor a little below the current score, so that regressions fail.
floor=${SAMPLES_FLOOR:-0.98}
awk -v ok="$ok" -v total="$total" -v floor="$floor" 'BEGIN { exit !(ok / total >= floor) }' \
	|| fail "samples score $ok/$total below the floor $floor"
