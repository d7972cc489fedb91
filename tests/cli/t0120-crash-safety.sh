# kill -9 in the middle of a large ingest, run it again: the database is
# consistent, complete and without duplicates.
. tests/cli/lib.sh
sh scripts/gen_corpus.sh 6000 11 > "$T/big.jsonl"
"$DYAD" ingest -q -j 2 --db "$T/db" "$T/big.jsonl" 2>/dev/null &
pid=$!
i=0
while :; do
	n=$(sqlite3 "$T/db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
	[ "${n:-0}" -gt 600 ] && break
	i=$((i + 1))
	[ $i -gt 3000 ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.01
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
n=$(sqlite3 "$T/db" "SELECT count(*) FROM articles")
[ "$n" -lt 6000 ] || skip "ingest finished before it could be killed ($n articles)"
expect_eq "integrity after kill" "$(sqlite3 "$T/db" 'PRAGMA integrity_check')" ok
run_dyad 0 ingest -q --db "$T/db" "$T/big.jsonl"
expect_eq "complete" "$(count "$T/db" articles)" 6000
expect_eq "distinct paths" "$(sqlite3 "$T/db" 'SELECT count(DISTINCT path) FROM articles')" 6000
expect_eq "integrity" "$(sqlite3 "$T/db" 'PRAGMA integrity_check')" ok
expect_eq "sentences consistent" "$(sqlite3 "$T/db" 'SELECT (SELECT sum(sentences) FROM articles) = (SELECT count(*) FROM sentences)')" 1
expect_eq "fts consistent" "$(sqlite3 "$T/db" "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1); SELECT 'ok'")" ok
