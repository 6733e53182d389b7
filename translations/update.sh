#!/usr/bin/env bash
# Refresh translations/onggi_*.ts from the strings in gui/, cli/ and client/ (lupdate).
# Usage: update.sh [TS_DIR]   (default: this directory; the translation test passes a temp copy)
#
# lupdate 6.4's C++ parser hangs when the count argument of a numerus translate() is an
# expression (`translate("ctx", "%n minute(s)", nullptr, int(s / 60))` after an `if (s < N)`),
# so it reads a mirror of the sources in which that argument is a plain name — strings and
# line numbers stay the same, and the .ts locations still point at ../gui, ../cli, ../client.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
tsdir=$(realpath "${1:-$src/translations}")
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$lupdate" ] || lupdate=$(command -v lupdate6 || command -v lupdate)
tmp=$(mktemp -d /tmp/onggi-lupdate.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for d in gui cli client; do
  [ -d "$src/$d" ] && cp -r "$src/$d" "$tmp/$d"
done
find "$tmp" -type f \( -name '*.cpp' -o -name '*.h' \) -exec sed -i -E 's/(translate\("[^"]*", "[^"]*", [^,]*), [^;]*\);/\1, n);/' {} +
mkdir -p "$tmp/translations"
for ts in "$tsdir"/onggi_*.ts; do cp "$ts" "$tmp/translations/"; done
(cd "$tmp/translations" && timeout 300 "$lupdate" -locations relative -no-obsolete -silent -I .. ../gui ../cli ../client \
  -ts onggi_*.ts)
for ts in "$tmp"/translations/onggi_*.ts; do cp "$ts" "$tsdir/"; done
