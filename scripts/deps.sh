#!/bin/sh
# Install the Debian packages dyad needs to build and test, when missing.
set -e
pkgs="build-essential pkg-config clang libsqlite3-dev libxml2-dev libutf8proc-dev zlib1g-dev
libjansson-dev libmicrohttpd-dev libcmocka-dev sqlite3 jq libclang-rt-14-dev"
missing=""
for p in $pkgs; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
