#!/usr/bin/env bash
# Refresh translations/onggi_*.ts from the strings in gui/, cli/ and client/ (lupdate).
# Usage: update.sh [TS_DIR]   (default: this directory; the translation test passes a temp copy)
#
# The .ts files are the source of truth: translate in Qt Linguist (or by hand) and commit the
# .ts. This script and the CMake target onggi_lupdate (which calls it) only add new source
# strings and drop obsolete ones. No source locations are written (-locations none): line
# numbers change with every edit and made the .ts files conflict between branches; the
# context (class name) and the //: notes say where a string is used.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
tsdir=$(realpath "${1:-$src/translations}")
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$lupdate" ] || lupdate=$(command -v lupdate6 || command -v lupdate)
cd "$src"
timeout 300 "$lupdate" -locations none -no-obsolete -silent -I . gui cli client -ts "$tsdir"/onggi_*.ts
