#!/usr/bin/env bash
# GUI cost with many containers streaming: starts onggi-helper (root) in a temp state root,
# N busybox containers that each print a line a second, then onggi under Xvfb subscribed at
# 1 Hz, first on the host overview (nothing selected), then with one container selected
# (charts + logs live), SECONDS each. Prints the GUI's CPU use (% of one core, from
# /proc/PID/stat utime+stime) and memory (RSS now and peak) for both views side by side.
# Usage: [ONGGI_BENCH_PEER_GUI=other/onggi] run.sh BUILD_DIR [CONTAINERS] [SECONDS]
# Target: < 5 % of one core, < 150 MiB.
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
# The same helper and containers for each view, one after the other: the host overview (no
# container selected: stacked charts of all N, top consumers, events, list sparklines) and one
# container selected (its five live charts, log follow).
tck=$(getconf CLK_TCK)
declare -A res
views=(dashboard container)
# ONGGI_BENCH_PEER_GUI=/path/to/other/onggi: the same container view with another build (e.g.
# main's) on the same helper and containers, as the peer to compare with.
[ -n "${ONGGI_BENCH_PEER_GUI:-}" ] && views+=(peer)
for view in "${views[@]}"; do
  args=(--socket "$sock" --language ko)
  [ "$view" != dashboard ] && args+=(--select web)
  gui=$build/gui/onggi
  [ "$view" = peer ] && gui=$ONGGI_BENCH_PEER_GUI
  "$gui" "${args[@]}" >/dev/null 2>&1 &
  gui_pid=$!
  sleep 8   # connect, first list, history
  cpu() { awk '{print $14 + $15}' "/proc/$gui_pid/stat"; }
  c0=$(cpu); t0=$(date +%s.%N)
  sleep "$secs"
  c1=$(cpu); t1=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$gui_pid/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$gui_pid/status")
  res[$view]=$(awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v tck="$tck" -v rss="$rss" -v hwm="$hwm" \
    'BEGIN { printf "%6.2f %%      %6.1f MiB (peak %.1f MiB)", (c1 - c0) / tck / (t1 - t0) * 100, rss / 1024, hwm / 1024 }')
  kill "$gui_pid"; wait "$gui_pid" 2>/dev/null || true; gui_pid=
done
running=$(python3 "$rpc" "$sock" running)
printf 'onggi GUI, %d containers (%d running at the end) streaming at 1 Hz, %d s per view (Xvfb; load average now: %s)\n' \
  "$n" "$running" "$secs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-46s %-12s %s\n' "view" "CPU (1 core)" "RSS"
printf '  %-46s %s\n' "host overview (dashboard)" "${res[dashboard]}"
printf '  %-46s %s\n' "one container selected (charts+logs)" "${res[container]}"
[ -n "${res[peer]:-}" ] && printf '  %-46s %s\n' "peer: $ONGGI_BENCH_PEER_GUI, same view" "${res[peer]}"
printf '  targets: < 5 %% of one core, < 150 MiB\n'
