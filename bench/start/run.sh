#!/usr/bin/env bash
# Start+exit of /bin/true from the busybox bundle: onggi-runtime vs crun vs runc, ONE hyperfine
# run, the SAME config.json for all three. Root only.
#   bench/start/run.sh [BUILD_DIR]        (default: build)
# Env: RUNS (default 200), WARMUP (default 20), OUT (default $BUILD_DIR/bench-start)
# Writes $OUT/results.json (hyperfine --export-json) and $OUT/results.md (--export-markdown).
#
# Host note: crun 1.8 refuses to run on a hybrid cgroup host whose cgroup2 mount lists any
# controller ("cgroups in hybrid mode not supported"); on the dev hosts /sys/fs/cgroup/unified
# lists hugetlb. So all three runtimes run inside one private mount namespace in which that
# empty cgroup2 mount is detached: the same v1 hierarchies, the same environment for all.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
runs=${RUNS:-200}
warmup=${WARMUP:-20}
out=${OUT:-$build/bench-start}
[ "$(id -u)" -eq 0 ] || { echo "bench/start: needs root" >&2; exit 1; }
for t in hyperfine crun runc unshare; do command -v "$t" >/dev/null || { echo "bench/start: $t missing" >&2; exit 1; }; done
ort="$build/bin/onggi-runtime"
[ -x "$ort" ] || { echo "bench/start: build onggi-runtime first ($ort)" >&2; exit 1; }

work=$(mktemp -d /tmp/onggi-bench-start.XXXXXX)
cleanup() {
  for r in onggi crun runc; do
    case $r in onggi) bin=$ort;; *) bin=$r;; esac
    "$bin" --root "$work/root-$r" delete -f "bench-$r-$$" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
"$build/bin/onggi-bench-make-bundle" "$work/bundle"
mkdir -p "$out"

# Sanity: each runtime runs the bundle once and exits 0.
for r in onggi crun runc; do
  case $r in onggi) bin=$ort;; *) bin=$r;; esac
  unshare -m --propagation private sh -c "umount -l /sys/fs/cgroup/unified 2>/dev/null; exec $bin --root $work/root-$r run -b $work/bundle bench-$r-$$" \
    || { echo "bench/start: $r failed to run the bundle" >&2; exit 1; }
done

echo "onggi-runtime: $("$ort" --version | head -1); crun: $(crun --version | head -1); runc: $(runc --version | head -1)"
echo "kernel $(uname -r), $(nproc) CPUs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
unshare -m --propagation private sh -c "umount -l /sys/fs/cgroup/unified 2>/dev/null; exec hyperfine -N --warmup $warmup --runs $runs \
  --export-json $out/results.json --export-markdown $out/results.md \
  -n onggi-runtime '$ort --root $work/root-onggi run -b $work/bundle bench-onggi-$$' \
  -n crun '$(command -v crun) --root $work/root-crun run -b $work/bundle bench-crun-$$' \
  -n runc '$(command -v runc) --root $work/root-runc run -b $work/bundle bench-runc-$$'"

# Medians (hyperfine prints means): from the JSON.
python3 - "$out/results.json" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
print("\nmedian start+exit:")
for r in res:
    print(f"  {r['command']:<14} {r['median']*1000:7.2f} ms  (mean {r['mean']*1000:.2f} ± {r['stddev']*1000:.2f}, min {r['min']*1000:.2f})")
PY
echo "results: $out/results.json $out/results.md"
