# The people of an article are actors of it: "Mendez accused India" and
# "She also warned New Delhi" code with the actor code the article gives
# Mendez (Pakistani Foreign Minister: PAKGOV), at ingest and after recode;
# without people (--no-quotes) the surname alone codes nothing.
. tests/cli/lib.sh
cat > "$T/a.txt" <<'TXT'
Pakistan rejects claims over border clash

ISLAMABAD, March 3, 2016 - Pakistani Foreign Minister Ana Mendez met reporters in Islamabad on Thursday.

Mendez accused India of violating the ceasefire along the Line of Control.

She also warned New Delhi against any further incursions, saying Pakistan would respond.
TXT
events() { sqlite3 "$1" "SELECT sentence_index || ' ' || source || ' ' || substr(target, 1, 3) || ' ' || root FROM events WHERE negated = 0 ORDER BY sentence_index, rowid"; }
expected="1 PAKGOV IND 11
2 PAKGOV IND 13"
run_dyad 0 ingest --db "$T/db" "$T/a.txt"
expect_eq "people" "$(sqlite3 "$T/db" "SELECT name || ' ' || actor FROM people WHERE name = 'Ana Mendez'")" "Ana Mendez PAKGOV"
expect_eq "events at ingest" "$(events "$T/db")" "$expected"
run_dyad 0 recode --db "$T/db"
expect_eq "events after recode" "$(events "$T/db")" "$expected"
run_dyad 0 ingest --no-quotes --db "$T/db2" "$T/a.txt"
expect_eq "events without people" "$(sqlite3 "$T/db2" "SELECT count(*) FROM events WHERE sentence_index = 1 AND source = 'PAKGOV'")" 0
expect_eq "no people stored" "$(count "$T/db2" people)" 0
