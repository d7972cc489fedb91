# Ingest codes events: the samples give US -> Pakistan demands, criticism
# or threats (roots 10, 11, 13) with their words; every event belongs to a
# stored sentence; the export formats carry them; recode gives the same
# events back.
. tests/cli/lib.sh
run_dyad 0 ingest --db "$T/db" samples/text samples/html samples/jsonl samples/warc
expect_grep " quotations, " "$T/err"
n=$(count "$T/db" events)
[ "$n" -gt 20 ] || fail "only $n events from the samples"
usapak=$(sqlite3 "$T/db" "SELECT count(*) FROM events WHERE source LIKE 'USA%' AND target LIKE 'PAK%' AND root IN ('10','11','13') AND negated = 0")
[ "$usapak" -ge 1 ] || fail "no USA -> PAK event of root 10, 11 or 13"
# the fields agree with each other and with the CAMEO table
expect_eq "roots" "$(sqlite3 "$T/db" "SELECT count(*) FROM events WHERE root <> substr(code, 1, 2)")" 0
expect_eq "quads" "$(sqlite3 "$T/db" "SELECT count(*) FROM events WHERE quad <> CASE WHEN root <= '05' THEN 1 WHEN root <= '09' THEN 2 WHEN root <= '14' THEN 3 ELSE 4 END")" 0
expect_eq "sentences" "$(sqlite3 "$T/db" "SELECT count(*) FROM events e LEFT JOIN sentences s ON s.article = e.article AND s.idx = e.sentence_index WHERE s.idx IS NULL")" 0
expect_eq "verb words" "$(sqlite3 "$T/db" "SELECT count(*) FROM events e JOIN sentence_text s ON s.article = e.article AND s.idx = e.sentence_index WHERE instr(s.text, e.verb_text) = 0")" 0
expect_eq "dictionary" "$(sqlite3 "$T/db" "SELECT value FROM meta WHERE key = 'events_dict'")" builtin
# a second ingest stores nothing twice
run_dyad 0 ingest --db "$T/db" samples/text
expect_eq "events after re-ingest" "$(count "$T/db" events)" "$n"

# export: JSON Lines with the documented fields in order, CSV, GDELT
run_dyad 0 export --db "$T/db" events
cp "$T/out" "$T/events.jsonl"
expect_eq "jsonl rows" "$(wc -l < "$T/events.jsonl")" "$n"
expect_eq "jsonl keys" "$(head -n 1 "$T/events.jsonl" | jq -c 'keys_unsorted')" \
	'["article_id","sentence_index","sentence","date","source","source_text","target","target_text","code","root","quad","goldstein","negated","verb_text","issues","location"]'
c=$(jq -s '[.[] | select((.source | startswith("USA")) and (.target | startswith("PAK")) and (.root == "10" or .root == "11" or .root == "13") and .goldstein < 0)] | length' "$T/events.jsonl")
[ "$c" -ge 1 ] || fail "no USA -> PAK conflict event in the JSON export"
run_dyad 0 export --db "$T/db" --format csv events
expect_eq "csv header" "$(head -n 1 "$T/out" | tr -d '\r')" \
	"article_id,sentence_index,sentence,date,source,source_text,target,target_text,code,root,quad,goldstein,negated,verb_text,issues,location"
run_dyad 0 export --db "$T/db" --format gdelt events
neg=$(sqlite3 "$T/db" "SELECT count(*) FROM events WHERE negated = 1")
# one row per story and (source, target, code): the copies' events are
# mentions of their original's
groups=$(sqlite3 "$T/db" "SELECT count(*) FROM (SELECT 1 FROM events e LEFT JOIN story_articles m ON m.article = e.article WHERE e.negated = 0 GROUP BY coalesce(m.story, -e.article), e.source, e.target, e.code)")
expect_eq "gdelt rows" "$(wc -l < "$T/out")" "$groups"
[ "$groups" -lt "$((n - neg))" ] || fail "no event was folded with a copy's"
expect_eq "gdelt mentions" "$(awk -F'\t' '{m += $32} END {print m}' "$T/out")" "$((n - neg))"
expect_eq "gdelt columns" "$(awk -F'\t' '{print NF}' "$T/out" | sort -u)" 61
# EventRootCode (29) is the first two digits of EventCode (27), QuadClass 1-4
expect_eq "gdelt codes" "$(awk -F'\t' 'substr($27, 1, 2) != $29 || $30 < 1 || $30 > 4' "$T/out" | wc -l)" 0
expect_eq "gdelt ids" "$(cut -f 1 "$T/out" | sort -n | uniq -d | wc -l)" 0
run_dyad 2 export --db "$T/db" --format gdelt articles

# recode with the same dictionary gives the same events
run_dyad 0 recode --db "$T/db"
expect_grep "events" "$T/out"
expect_grep "before: builtin" "$T/out"
run_dyad 0 export --db "$T/db" events
cmp -s "$T/out" "$T/events.jsonl" || { diff "$T/events.jsonl" "$T/out" | head >&2; fail "recode changed the events"; }
exit 0
