#!/usr/bin/env bash
# bench/load: the helper under N running containers (onggi-bench-load), and beside it the peer:
# `crun list` over the same number of running crun containers (busybox `sleep`, the bench/start
# bundle). Root only.
#   bench/load/run.sh [BUILD_DIR]     Env: LEVELS (default 100,500,1000), CLIENTS (default 100),
#                                     ONLY=onggi or ONLY=peer for one side, NOFILE=N to run the
#                                     helper with that open-file limit (default: this shell's)
# crun 1.8 refuses a hybrid host whose cgroup2 mount lists a controller, so crun runs in a private
# mount namespace with that empty cgroup2 mount detached (as bench/start does).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
levels=${LEVELS:-100,500,1000}
clients=${CLIENTS:-100}
[ "$(id -u)" -eq 0 ] || { echo "bench/load: needs root" >&2; exit 1; }
for b in onggi-bench-load onggi-bench-make-bundle; do
  [ -x "$build/bin/$b" ] || { echo "bench/load: build $b first" >&2; exit 1; }
done

if [ "${ONLY:-}" != peer ]; then
  echo "== onggi-helper"
  "$build/bin/onggi-bench-load" --levels "$levels" --clients "$clients" ${NOFILE:+--nofile "$NOFILE"}
fi
[ "${ONLY:-}" != onggi ] || exit 0

command -v crun >/dev/null || { echo "bench/load: crun missing, no peer figures"; exit 0; }
work=$(mktemp -d /tmp/onggi-bench-load.XXXXXX)
cleanup() {
  unshare -m --propagation private sh -c "umount -l /sys/fs/cgroup/unified 2>/dev/null;
    for c in \$(crun --root $work/root list -q 2>/dev/null); do crun --root $work/root delete -f \$c >/dev/null 2>&1; done" || true
  rm -rf "$work"
}
trap cleanup EXIT
"$build/bin/onggi-bench-make-bundle" "$work/bundle"
python3 - "$work/bundle/config.json" <<'PY'
import json, sys
p = sys.argv[1]; c = json.load(open(p))
c["process"]["args"] = ["/bin/sleep", "1000000"]
json.dump(c, open(p, "w"))
PY
echo "== peer: crun $(crun --version | head -1 | awk '{print $3}'), crun list over N running containers (ms: median, max of 20)"
printf '%6s %9s %9s\n' N "list med" "list max"
unshare -m --propagation private bash -s "$work" "$levels" <<'SH'
set -eu
work=$1; levels=$2
umount -l /sys/fs/cgroup/unified 2>/dev/null || true
n=0
for level in ${levels//,/ }; do
  while [ "$n" -lt "$level" ]; do
    n=$((n + 1))
    crun --root "$work/root" run -d -b "$work/bundle" "load-$n" >/dev/null
  done
  ts=()
  for i in $(seq 20); do
    t0=$(date +%s%N); crun --root "$work/root" list >/dev/null; t1=$(date +%s%N)
    ts+=($(( (t1 - t0) / 1000 )))
    sleep 0.2
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk -v n="$level" '{a[NR]=$1} END {printf "%6d %9.1f %9.1f\n", n, a[int(NR/2)+1]/1000, a[NR]/1000}'
done
SH
