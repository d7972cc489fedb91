# ingest of generated JSON Lines: stored, exported with exactly the documented
# fields, and idempotent.
. tests/cli/lib.sh
sh scripts/gen_corpus.sh 300 7 > "$T/a.jsonl"
run_dyad 0 ingest -q --db "$T/db" "$T/a.jsonl"
expect_eq "articles" "$(count "$T/db" articles)" 300
run_dyad 0 ingest --db "$T/db" "$T/a.jsonl"
expect_grep "300 read, 0 stored, 300 duplicates, 0 skipped" "$T/err"
expect_eq "articles after a second ingest" "$(count "$T/db" articles)" 300
run_dyad 0 export --db "$T/db" articles
expect_eq "exported lines" "$(wc -l < "$T/out")" 300
expect_eq "fields" "$(head -n 1 "$T/out" | jq -c 'keys_unsorted')" \
	'["id","path","url","title","published","date_confidence","date_source","outlet","byline","dateline","lang","text","paragraphs","sentences","ingested_at"]'
expect_eq "path of line 5" "$(jq -r 'select(.path | endswith("#5")) | .path' "$T/out")" "$T/a.jsonl#5"
expect_eq "published from the input" "$(jq -r 'select(.path | endswith("#1")) | .published + " " + .date_source' "$T/out")" "$(head -n 1 "$T/a.jsonl" | jq -r .published) input"
expect_eq "sentences stored" "$(sqlite3 "$T/db" 'SELECT sum(sentences) = (SELECT count(*) FROM sentences) FROM articles')" 1
run_dyad 0 export --db "$T/db" --format csv articles
expect_eq "csv header" "$(head -n 1 "$T/out" | tr -d '\r')" \
	"id,path,url,title,published,date_confidence,date_source,outlet,byline,dateline,lang,text,paragraphs,sentences,ingested_at"
run_dyad 0 export --db "$T/db" sentences
expect_eq "sentence fields" "$(head -n 1 "$T/out" | jq -c 'keys_unsorted')" \
	'["article_id","sentence_index","paragraph","start","length","text"]'
# full-text search index follows the table
expect_eq "fts" "$(sqlite3 "$T/db" "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'havens'")" \
	"$(sqlite3 "$T/db" "SELECT count(*) FROM articles WHERE text LIKE '%safe havens%' OR title LIKE '%safe havens%'")"
# standard input, gzip on standard input
gzip -c "$T/a.jsonl" | "$DYAD" ingest -q --db "$T/db2" - || fail "ingest of gzip from stdin"
expect_eq "articles from stdin" "$(count "$T/db2" articles)" 300
run_dyad 2 ingest --db "$T/db"
run_dyad 2 export --db "$T/db"
run_dyad 2 export --db "$T/db" --format xml articles
run_dyad 2 export --db "$T/db" nosuchtable
run_dyad 0 --help
