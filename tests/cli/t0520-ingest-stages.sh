# Ingest can leave the later stages for later: --no-events, --no-quotes and
# --no-dups store the articles alone; recode then codes events and finds
# people and quotations, dups --rebuild finds the copies (signatures made
# for articles that have none), as a full ingest would have.
. tests/cli/lib.sh
run_dyad 0 ingest --db "$T/full" samples/text samples/html samples/jsonl samples/warc
run_dyad 0 ingest --no-events --no-quotes --no-dups --db "$T/db" samples/text samples/html samples/jsonl samples/warc
for t in events quotes people signatures copies; do
	expect_eq "$t after a bare ingest" "$(count "$T/db" $t)" 0
done
run_dyad 0 recode --db "$T/db"
run_dyad 0 dups --rebuild --db "$T/db"
for t in events quotes people copies; do
	expect_eq "$t after recode and dups" "$(count "$T/db" $t)" "$(count "$T/full" $t)"
done
