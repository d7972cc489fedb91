# Helpers for the CLI test scripts (sourced). $DYAD is the binary under test.
set -u
: "${DYAD:=$PWD/build/dyad}"
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
ROOT=$PWD

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "skipped: $*"; exit 77; }
# expect_eq WHAT GOT WANT
expect_eq() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }
# expect_grep PATTERN FILE: FILE has a line matching PATTERN (fixed string)
expect_grep() { grep -qF -- "$1" "$2" || { cat "$2" >&2; fail "'$1' not found in $2"; }; }
# count of a table
count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }
# run_dyad STATUS ARGS...: run, keep stderr in $T/err, check the exit status
run_dyad() {
	want=$1; shift
	"$DYAD" "$@" >"$T/out" 2>"$T/err"; got=$?
	[ "$got" = "$want" ] || { cat "$T/err" >&2; fail "dyad $*: exit $got, want $want"; }
}
