#!/bin/sh
# Install what dyad needs, when missing: the Debian packages to build and run
# it; with "test", also those of the tests (a browser for the web page's
# tests, wrk for the load bench) and the npm packages of package-lock.json.
set -e
pkgs="build-essential pkg-config clang libsqlite3-dev libxml2-dev libutf8proc-dev zlib1g-dev libdeflate-dev
libjansson-dev libmicrohttpd-dev libcmocka-dev sqlite3 jq libclang-rt-14-dev"
[ "$1" = test ] && pkgs="$pkgs chromium chromium-driver wrk"
# node may come from elsewhere than Debian (whose npm package then conflicts)
[ "$1" = test ] && ! command -v npm >/dev/null && pkgs="$pkgs nodejs npm"
missing=""
for p in $pkgs; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing" >&2
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# npm ci again only when the lock file changed since the last install
if [ "$1" = test ] && ! cmp -s package-lock.json node_modules/.dyad-lock 2>/dev/null; then
	npm ci --no-audit --no-fund --loglevel=error
	cp package-lock.json node_modules/.dyad-lock
fi
exit 0
