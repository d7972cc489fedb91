# --dict: a dictionary folder with a broken line is reported as FILE:LINE
# and ingest goes on, codes with the rest, and says which dictionary coded
# the events; recode with another dictionary replaces them.
. tests/cli/lib.sh
mkdir "$T/dict"
cp dict/*.txt "$T/dict/"
printf 'country XZZ  Zedland\n  names  Republic of Zedland\nfrobnicate  nonsense here\n' > "$T/dict/zz-broken.txt"
run_dyad 0 ingest --db "$T/db" --dict "$T/dict" samples/text
expect_grep "zz-broken.txt:3: " "$T/err"
[ "$(count "$T/db" events)" -gt 0 ] || fail "no events with the folder dictionary"
expect_eq "dictionary" "$(sqlite3 "$T/db" "SELECT value FROM meta WHERE key = 'events_dict'")" "$T/dict"
# a dictionary that cannot be read stops ingest before anything is stored
run_dyad 1 ingest --db "$T/db2" --dict "$T/nonexistent" samples/text
# recode: the broken line again reported, the old dictionary named
run_dyad 0 recode --db "$T/db" --dict "$T/dict"
expect_grep "zz-broken.txt:3: " "$T/err"
expect_grep "before: $T/dict" "$T/out"
run_dyad 0 recode --db "$T/db"
expect_eq "dictionary after recode" "$(sqlite3 "$T/db" "SELECT value FROM meta WHERE key = 'events_dict'")" builtin
exit 0
