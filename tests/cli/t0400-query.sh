# The query commands on the samples: search, events, stats --dyad, timeline
# (JSON, CSV, table, HTML escaped), quotes, dups; bad values exit 2 naming
# the option; output formats parse.
. tests/cli/lib.sh
cat > "$T/escape.txt" <<'EOF'
Pakistan rejects US claims

ISLAMABAD, March 3, 2016 - Pakistan's foreign ministry on Thursday rejected claims by the United States that militants use zqxhavens & "camps" on its soil <b>bold</b> <script>alert(1)</script>.

"We reject these baseless allegations," said spokesman Nafees Zakaria at a weekly briefing.
EOF
run_dyad 0 ingest --db "$T/db" samples/text samples/html samples/jsonl samples/warc "$T/escape.txt"
db="$T/db"

# events: prefixes, roots; JSON Lines by default when piped, keys in column order
run_dyad 0 events --db "$db" --source USA --target PAK --root 10,11,13
n=$(wc -l < "$T/out")
[ "$n" -ge 1 ] || fail "no USA -> PAK events of roots 10, 11, 13"
expect_eq "events filter" "$(jq -c 'select((.source | startswith("USA") | not) or (.target | startswith("PAK") | not) or ((.code[0:2]) as $r | ["10","11","13"] | index($r) | not))' "$T/out" | wc -l)" 0
expect_eq "events keys" "$(head -n 1 "$T/out" | jq -c 'keys_unsorted')" \
	'["date","source","source_text","code","name","target","target_text","goldstein","quad","negated","mentions","articles","sources","outlet","article_id","sentence"]'
expect_eq "events date order" "$(jq -r '.date // ""' "$T/out" | sort -c && echo sorted)" sorted
expect_eq "events negated" "$(jq -c 'select(.negated != 0)' "$T/out" | wc -l)" 0
# every stored USA*->PAK* event of those roots is counted (folded by story)
all=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source >= 'USA' AND source < 'USB' AND target >= 'PAK' AND target < 'PAL' AND root IN ('10','11','13') AND negated = 0")
run_dyad 0 events --db "$db" --source USA --target PAK --root 10,11,13 --all
expect_eq "events --all" "$(wc -l < "$T/out")" "$all"
run_dyad 0 events --db "$db" --source USA --target PAK --root 10,11,13
expect_eq "folded mentions" "$(jq -s 'map(.mentions) | add' "$T/out")" "$all"
# pages
run_dyad 0 events --db "$db" --limit 3 --offset 2 --format json
expect_eq "page" "$(wc -l < "$T/out")" 3
run_dyad 0 events --db "$db" --format csv --code 04,05 --limit 2 --quad 1
expect_eq "csv header" "$(head -n 1 "$T/out" | tr -d '\r')" \
	"date,source,source_text,code,name,target,target_text,goldstein,quad,negated,mentions,articles,sources,outlet,article_id,sentence"
run_dyad 0 events --db "$db" --format table --dyad USA:PAK --limit 5
expect_grep "goldstein" "$T/out"
[ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$T/out")" -le 400 ] || fail "table too wide"

# search: ranked, dated within the range, snippets
run_dyad 0 search --db "$db" "safe havens" --from 2010 --to 2025
[ "$(wc -l < "$T/out")" -ge 2 ] || fail "search found too little"
expect_eq "scores descend" "$(jq -r .score "$T/out" | sort -g -r -c && echo ok)" ok
expect_eq "search dates" "$(jq -c 'select(.published < "2010-01-01" or .published > "2025-12-31")' "$T/out" | wc -l)" 0
expect_eq "snippet" "$(head -n 1 "$T/out" | jq -r '.snippet | test("\\[safe\\] \\[havens\\]")')" true
run_dyad 0 search --db "$db" 'NEAR(' AND '"safe havens"' OR
run_dyad 0 search --db "$db" --all --format csv havens
expect_eq "search csv" "$(head -n 1 "$T/out" | tr -d '\r')" "score,published,outlet,title,snippet,copies,id"

# stats --dyad by month: quads add up; the summary without --dyad stays
run_dyad 0 stats --db "$db" --dyad USA:PAK --by month
[ "$(wc -l < "$T/out")" -ge 3 ] || fail "stats: too few months"
expect_eq "quads add up" "$(jq -c 'select(.verbal_coop + .material_coop + .verbal_conflict + .material_conflict != .events)' "$T/out" | wc -l)" 0
expect_eq "months sorted" "$(jq -r .period "$T/out" | sort -c && echo ok)" ok
expect_eq "month format" "$(jq -r .period "$T/out" | grep -cv '^[0-9]\{4\}-[0-9][0-9]$')" 0
dyad_all=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source >= 'USA' AND source < 'USB' AND target >= 'PAK' AND target < 'PAL' AND negated = 0 AND date IS NOT NULL")
expect_eq "stats mentions" "$(jq -s 'map(.mentions) | add' "$T/out")" "$dyad_all"
run_dyad 0 stats --db "$db" --dyad USA:PAK --by year --format csv
expect_grep "period,events,verbal_coop" "$T/out"
run_dyad 0 stats --db "$db"
expect_grep "articles" "$T/out"

# timeline: date order, events with CAMEO names, HTML escaped
run_dyad 0 timeline --db "$db" --dyad USA:PAK
[ "$(wc -l < "$T/out")" -ge 3 ] || fail "timeline too short"
expect_eq "timeline order" "$(jq -r '.date // "9999"' "$T/out" | sort -c && echo ok)" ok
expect_eq "timeline events" "$(jq -c 'select((.events | length) == 0 or (.events[0].name | type) != "string")' "$T/out" | wc -l)" 0
entries=$(wc -l < "$T/out")
run_dyad 0 timeline --db "$db" --dyad USA:PAK --format html
expect_grep "<!DOCTYPE html>" "$T/out"
expect_eq "html entries" "$(grep -c '<div class="e">' "$T/out")" "$entries"
run_dyad 0 timeline --db "$db" --about zqxhavens --format html
expect_grep "&lt;b&gt;bold&lt;/b&gt;" "$T/out"
expect_grep "&lt;script&gt;" "$T/out"
expect_grep "&amp; &quot;camps&quot;" "$T/out"
grep -q "<b>bold\|<script>" "$T/out" && fail "unescaped HTML in the timeline page"
run_dyad 0 timeline --db "$db" --about zqxhavens --format csv
expect_grep "date,outlets,articles,title,events,sentence,quotes,id" "$T/out"

# quotes: speaker substring in any case
run_dyad 0 quotes --db "$db" --speaker zAkArIa
expect_eq "quote" "$(jq -r .quote "$T/out" | head -n 1)" "We reject these baseless allegations,"
run_dyad 0 dups --db "$db" --format csv
expect_grep "original_id,original_date" "$T/out"

# bad values: exit 2, the message names the option and the value
run_dyad 2 events --db "$db" --from 2010-13
expect_grep "from: '2010-13'" "$T/err"
run_dyad 2 events --db "$db" --root 99
expect_grep "root: '99'" "$T/err"
run_dyad 2 events --db "$db" --limit 5000
expect_grep "limit" "$T/err"
run_dyad 2 events --db "$db" --bogus 1
run_dyad 2 search --db "$db" '"unclosed'
expect_grep "q:" "$T/err"
run_dyad 2 stats --db "$db" --dyad USA
run_dyad 2 timeline --db "$db"
run_dyad 2 events --db "$db" --format xml
run_dyad 1 events --db "$T/nonexistent.db"

# dups --rebuild recomputes copies and stories, then lists
run_dyad 0 dups --db "$db" --rebuild
expect_grep "copies" "$T/err"
exit 0
