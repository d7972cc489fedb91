# Bad input: each kind gets a message naming the file (and line) and the
# reason; the rest of the batch is stored; exit status 3.
. tests/cli/lib.sh
mkdir -p "$T/in"
sh scripts/gen_corpus.sh 20 3 > "$T/in/good.jsonl"
: > "$T/in/empty.txt"
head -c 4096 /dev/urandom > "$T/in/binary.dat"
printf '\0\0\0binary with nul bytes' > "$T/in/nul.txt"
sh scripts/gen_corpus.sh 50 4 | gzip -c > "$T/full.gz"
head -c $(( $(wc -c < "$T/full.gz") / 2 )) "$T/full.gz" > "$T/in/truncated.jsonl.gz"
# invalid UTF-8 in a text file is repaired, not refused
printf 'Ministers meet in Islamabad\n\nThe ministers met on Monday in Islamabad, officials said.\n\nThey discussed trade \377\376 and security \223quoted\224 at length.\n' > "$T/in/latin.txt"
{
	sh scripts/gen_corpus.sh 2 5
	echo '{"url": "x", "text": "unterminated'
	echo '[1, 2, 3]'
	echo '{"url": "https://a.example/no-body"}'
	printf '{"text": "bad utf-8 \377 here"}\n'
	sh scripts/gen_corpus.sh 1 6
} > "$T/in/mixed.jsonl"
# a JSON line longer than the 64 MiB record limit
{
	sh scripts/gen_corpus.sh 1 8
	printf '{"text": "'; head -c 70000000 /dev/zero | tr '\0' 'a'; printf '"}\n'
	sh scripts/gen_corpus.sh 1 9
} > "$T/in/long.jsonl"
printf 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n' > "$T/in/cut.warc"
run_dyad 3 ingest --db "$T/db" "$T/in"
expect_grep "$T/in/empty.txt: empty file" "$T/err"
expect_grep "$T/in/binary.dat: binary data" "$T/err"
expect_grep "$T/in/nul.txt: binary data" "$T/err"
expect_grep "$T/in/truncated.jsonl.gz: truncated gzip data" "$T/err"
expect_grep "$T/in/mixed.jsonl:3: invalid JSON" "$T/err"
expect_grep "$T/in/mixed.jsonl:4: not a JSON object" "$T/err"
expect_grep "$T/in/mixed.jsonl:5: no \"html\" or \"text\" field" "$T/err"
expect_grep "$T/in/mixed.jsonl:6: invalid JSON" "$T/err"
expect_grep "$T/in/long.jsonl:2: line longer than the 64 MiB limit" "$T/err"
expect_grep "$T/in/cut.warc" "$T/err"
# what was good is stored: 20 + 2 + 1 + 2 + the truncated file's complete lines + latin
expect_eq "latin stored" "$(sqlite3 "$T/db" "SELECT count(*) FROM articles WHERE path = '$T/in/latin.txt'")" 1
sqlite3 "$T/db" "SELECT text FROM articles WHERE path = '$T/in/latin.txt'" > "$T/latin"
expect_grep "and security “quoted” at length" "$T/latin"
n=$(sqlite3 "$T/db" "SELECT count(*) FROM articles WHERE path LIKE '%truncated.jsonl.gz#%'")
[ "$n" -gt 0 ] && [ "$n" -lt 50 ] || fail "records before the truncation: $n"
expect_eq "others" "$(sqlite3 "$T/db" "SELECT count(*) FROM articles WHERE path NOT LIKE '%truncated%' AND path NOT LIKE '%latin%'")" 25
# nothing already stored is lost by a later bad batch
before=$(count "$T/db" articles)
run_dyad 3 ingest --db "$T/db" "$T/in/binary.dat" "$T/nosuchfile"
expect_grep "$T/nosuchfile: cannot open" "$T/err"
expect_eq "after a bad batch" "$(count "$T/db" articles)" "$before"
# a database that is not one
echo "not a database" > "$T/notdb"
run_dyad 1 ingest --db "$T/notdb" "$T/in/good.jsonl"
expect_grep "notdb" "$T/err"
