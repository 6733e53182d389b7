#!/usr/bin/env bash
# onggictl run -it (attach socket: shim -> client directly) vs onggictl run (container.logs
# follow: shim -> log file -> helper -> JSON notifications), in one hyperfine run each:
#   1. a container that exits at once (busybox true): the cost of attaching;
#   2. a container that prints ~6.9 MB (seq 1 1000000): output throughput.
# OLD_ONGGICTL=path adds an onggictl built before attach existed (its run -it ran the command as
# an interactive exec in a sleeping container) to the first comparison.
#   ONGGI_BUILD_DIR (default ./build)  RUNS (default 20)
set -euo pipefail
build=$(realpath "${ONGGI_BUILD_DIR:-build}")
runs=${RUNS:-20}
[ "$(id -u)" = 0 ] || { echo "bench_attach: needs root" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench_attach: hyperfine missing" >&2; exit 1; }

tmp=$(mktemp -d /tmp/onggi-bench-attach.XXXXXX)
helper_pid=
cleanup() {
  if [ -n "$helper_pid" ]; then
    "$build/cli/onggictl" --host "$tmp/h.sock" ps -aq --no-trunc 2>/dev/null | xargs -r "$build/cli/onggictl" --host "$tmp/h.sock" rm -f >/dev/null 2>&1 || true
    kill "$helper_pid" 2>/dev/null || true
    wait "$helper_pid" 2>/dev/null || true
  fi
  for d in /sys/fs/cgroup/*/onggi-bench-attach-$$ /sys/fs/cgroup/onggi-bench-attach-$$; do [ -d "$d" ] && rmdir "$d" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/state" "$tmp/run"
"$build/helper/onggi-helper" --socket "$tmp/h.sock" --state-dir "$tmp/state" --run-dir "$tmp/run" --default-network private \
  --cgroup-parent "/onggi-bench-attach-$$" --shim "$build/bin/onggi-shim" >"$tmp/helper.log" 2>&1 &
helper_pid=$!
for _ in $(seq 200); do [ -S "$tmp/h.sock" ] && break; sleep 0.05; done
ctl="$build/cli/onggictl --host $tmp/h.sock"
$ctl run -it --rm busybox true </dev/null || { echo "onggictl run -it failed; helper log:"; cat "$tmp/helper.log"; exit 1; }

cmds=(-n "run -it (attach)" "$ctl run -it --rm busybox true"
      -n "run (logs follow)" "$ctl run --rm busybox true")
if [ -n "${OLD_ONGGICTL:-}" ]; then
  cmds+=(-n "run -it (old: exec in a sleeping container)" "$OLD_ONGGICTL --host $tmp/h.sock run -it --rm busybox true")
fi
echo "== start to exit: busybox true"
hyperfine -N --warmup 3 --runs "$runs" "${cmds[@]}"

echo "== output: seq 1 1000000 (6.9 MB)"
hyperfine -N --warmup 1 --runs "$(( runs < 10 ? runs : 10 ))" \
  -n "run -it (attach)" "$ctl run -it --rm busybox seq 1 1000000" \
  -n "run (logs follow)" "$ctl run --rm busybox seq 1 1000000"
