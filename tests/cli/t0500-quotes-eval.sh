# Quotations and speakers on the GenderGapTracker gold set (../shared/data,
# skipped when absent) stay near the scores measured when written (F1 88.7,
# speaker 88.3%): a floor a little below them, so that regressions fail.
. tests/cli/lib.sh
e="${O:-build}/eval/eval_quotes"
[ -x "$e" ] || fail "$e not built"
"$e" --floor 87 87 >"$T/out" 2>&1; rc=$?
[ $rc -eq 77 ] && { tail -n 1 "$T/out"; exit 77; }
[ $rc -eq 0 ] || { cat "$T/out" >&2; fail "quotation scores below the floor"; }
exit 0
