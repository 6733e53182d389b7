#!/usr/bin/env bash
# GUI cost with many containers streaming: starts onggi-helper (root) in a temp state root,
# 20 busybox containers that each print a line a second, then onggi under Xvfb subscribed at
# 1 Hz with one container selected (charts + logs live) for 60 s. Prints the GUI's CPU use
# (% of one core, from /proc/PID/stat utime+stime) and memory (RSS now and peak).
# Usage: run.sh BUILD_DIR [CONTAINERS] [SECONDS]      Target: < 5 % of one core, < 150 MiB.
set -euo pipefail
build=$(realpath "$1"); n=${2:-20}; secs=${3:-60}
here=$(cd "$(dirname "$0")" && pwd)
rpc="$here/../../tests/gui/rpc.py"
[ "$(id -u)" -eq 0 ] || { echo "bench_gui: needs root (starts onggi-helper)"; exit 1; }
tmp=$(mktemp -d /tmp/onggi-bench-gui.XXXXXX)
sock=$tmp/run/helper.sock
helper_pid= gui_pid=
cleanup() {
  set +e
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null
  if [ -n "$helper_pid" ]; then python3 "$rpc" "$sock" cleanup >/dev/null 2>&1; kill "$helper_pid"; wait "$helper_pid"; fi
  for d in /sys/fs/cgroup/*/onggi-guibench-$$ /sys/fs/cgroup/onggi-guibench-$$; do [ -d "$d" ] && rmdir "$d"; done
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/run" "$tmp/state"
"${ONGGI_BENCH_HELPER:-$build/helper/onggi-helper}" --socket "$sock" --state-dir "$tmp/state" --run-dir "$tmp/run" --default-network private \
  --cgroup-parent "/onggi-guibench-$$" >"$tmp/helper.log" 2>&1 &
helper_pid=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
python3 "$rpc" "$sock" demo "$n"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config LANG=C.UTF-8
Xvfb :$((90 + $$ % 100)) -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null; cleanup' EXIT
export DISPLAY=:$((90 + $$ % 100))
sleep 1
"$build/gui/onggi" --socket "$sock" --language ko --select web >/dev/null 2>&1 &
gui_pid=$!
sleep 5   # connect, first list, history
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$gui_pid/stat"; }
c0=$(cpu); t0=$(date +%s.%N)
sleep "$secs"
c1=$(cpu); t1=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$gui_pid/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$gui_pid/status")
awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v tck="$tck" -v rss="$rss" -v hwm="$hwm" -v n="$n" -v s="$secs" 'BEGIN {
  pct = (c1 - c0) / tck / (t1 - t0) * 100
  printf "onggi GUI, %d containers streaming at 1 Hz for %d s (one selected: charts + logs live)\n", n, s
  printf "  CPU: %.2f %% of one core   (target < 5 %%)\n", pct
  printf "  RSS: %.1f MiB now, %.1f MiB peak   (target < 150 MiB)\n", rss / 1024, hwm / 1024 }'
