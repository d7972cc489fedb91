# dyad code: JSON Lines in, one JSON event per line out with the input's id;
# bad lines are reported with their number and the rest goes on (exit 3).
. tests/cli/lib.sh
cat > "$T/in.jsonl" <<'IN'
{"id": "a1", "date": "2018-01-02", "text": "The United States accused Pakistan of harbouring militants."}
{"id": 2, "text": "Nothing happened at all in this sentence of ours."}
not json at all
{"id": "a4", "date": "2018-13-45", "text": "The United States accused Pakistan."}
{"id": "a5", "date": "2019-05-06", "text": "India condemned the attack.\n\nThe United States accused Pakistan of harbouring militants."}
IN
run_dyad 3 code < "$T/in.jsonl"
expect_grep "line 3:" "$T/err"
expect_grep "line 4:" "$T/err"
[ "$(grep -c 'line' "$T/err")" = 2 ] || { cat "$T/err" >&2; fail "only lines 3 and 4 are bad"; }
[ "$(jq -s 'length' "$T/out")" -ge 2 ] || fail "too few events"
expect_eq "a1" "$(jq -r 'select(.id == "a1") | [.source[0:3], .target[0:3], .root, .date, .verb_text] | join(" ")' "$T/out" | head -n 1)" "USA PAK 11 2018-01-02 accused"
expect_eq "a5 second sentence" "$(jq -r 'select(.id == "a5" and .root == "11") | [.sentence_index, .source[0:3], .target[0:3]] | join(" ")' "$T/out" | head -n 1)" "1 USA PAK"
expect_eq "fields" "$(head -n 1 "$T/out" | jq -c 'keys_unsorted')" \
	'["id","sentence_index","sentence","date","source","source_text","target","target_text","code","root","quad","goldstein","negated","verb_text","issues","location"]'
# an opening clause, an earlier date and a place the sentence gives
printf '%s\n' '{"id": "b1", "date": "2019-06-01", "text": "In 2008, Pakistan accused India of sponsoring terrorism in Kabul."}' |
	"$DYAD" code > "$T/out3" 2>"$T/err3" || fail "dated line: exit $?"
expect_eq "b1" "$(jq -r '[.source, .target, .date, .location] | join(" ")' "$T/out3")" \
	"PAK IND 2008-01-01 Kabul"
# all good lines: exit 0
head -n 2 "$T/in.jsonl" | "$DYAD" code > "$T/out2" 2>"$T/err2" || fail "good lines: exit $?"
run_dyad 2 code --bogus
run_dyad 1 code --dict "$T/nonexistent" < "$T/in.jsonl"
exit 0
