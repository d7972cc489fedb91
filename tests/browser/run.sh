#!/bin/sh
# Browser tests of dyad serve (tests/browser/*.test.mjs) with Debian's
# chromium and playwright-core from the lock file (`npm ci` installs it; this
# script installs nothing). Exits 77 (skip) with one line when chromium, node
# or playwright-core is missing. O names the build folder.
O=${O:-build}
cd "$(dirname "$0")/../.." || exit 1
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
	echo "skip: no chromium at $CHROMIUM (apt-get install chromium)"; exit 77
fi
if ! command -v node >/dev/null 2>&1; then
	echo "skip: no node (apt-get install nodejs npm)"; exit 77
fi
if [ ! -d node_modules/playwright-core ]; then
	echo "skip: playwright-core is not installed (run npm ci)"; exit 77
fi
# The page must build its DOM from text only: article text is never markup.
if grep -nE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function' web/*.js; then
	echo "FAIL: web/*.js uses an HTML or code sink"; exit 1
fi
export DYAD="${DYAD:-$PWD/$O/dyad}" CHROMIUM SCREENSHOTS="${SCREENSHOTS:-$PWD/build/screenshots}"
if ! "$DYAD" serve --help >/dev/null 2>&1; then
	echo "skip: $DYAD has no serve command"; exit 77
fi
status=0
for t in tests/browser/*.test.mjs; do
	node "$t" || status=1
done
exit $status
