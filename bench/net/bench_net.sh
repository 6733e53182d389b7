#!/usr/bin/env bash
# bench/net: network set-up time added to a start, container-to-container TCP throughput over the
# bridge vs a plain veth pair, and latency. Everything happens in a network namespace made here.
#   ONGGI_BUILD_DIR (default ./build)  RUNS (default 30)  MB (default 1024, per throughput run)
set -euo pipefail
build=$(realpath "${ONGGI_BUILD_DIR:-build}")
runs=${RUNS:-30}
mb=${MB:-1024}
[ "$(id -u)" = 0 ] || { echo "bench_net: needs root" >&2; exit 1; }
if [ -z "${ONGGI_BENCH_NETNS:-}" ]; then
  export ONGGI_BENCH_NETNS=1
  exec unshare --net bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
command -v hyperfine >/dev/null || { echo "bench_net: hyperfine missing" >&2; exit 1; }
tmp=$(mktemp -d /tmp/onggi-bench-net.XXXXXX)
chmod 755 "$tmp"
helper_pid= ns_pids=()
ctl=("$build/cli/onggictl" --host "$tmp/h.sock")
cleanup() {
  if [ -n "$helper_pid" ]; then
    "${ctl[@]}" ps -aq --no-trunc 2>/dev/null | xargs -r "${ctl[@]}" rm -f >/dev/null 2>&1 || true
    kill "$helper_pid" 2>/dev/null || true
    wait "$helper_pid" 2>/dev/null || true
  fi
  for p in "${ns_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for d in /sys/fs/cgroup/*/onggi-bench-net-$$ /sys/fs/cgroup/onggi-bench-net-$$; do [ -d "$d" ] && rmdir "$d" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/state" "$tmp/run"
"$build/helper/onggi-helper" --socket "$tmp/h.sock" --state-dir "$tmp/state" --run-dir "$tmp/run" --default-network onggi \
  --cgroup-parent "/onggi-bench-net-$$" --shim "$build/bin/onggi-shim" >"$tmp/helper.log" 2>&1 &
helper_pid=$!
for _ in $(seq 200); do [ -S "$tmp/h.sock" ] && break; sleep 0.05; done
"${ctl[@]}" run --rm busybox true >/dev/null  # the bridge exists before timing
echo "== start: onggictl run --rm busybox true, --network none vs the default bridge network (hyperfine, $runs runs)"
hyperfine -N -w 3 -r "$runs" --export-json "$tmp/start.json" \
  -n none "${ctl[*]} run --rm --network none busybox true" \
  -n bridge "${ctl[*]} run --rm busybox true" 2>&1 | grep -E "Time|±|none|bridge" || true
python3 - "$tmp/start.json" <<'PY'
import json, sys, statistics as st
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
n, b = r["none"], r["bridge"]
print(f"network set-up added to a start: median {1000*(st.median(b['times'])-st.median(n['times'])):.2f} ms, "
      f"mean {1000*(b['mean']-n['mean']):.2f} ms (none {1000*st.median(n['times']):.1f} ms, bridge {1000*st.median(b['times']):.1f} ms median)")
PY

echo "== throughput: $mb MiB over TCP (busybox nc), and ping latency"
# Containers on the bridge.
"${ctl[@]}" run -d --name srv busybox sh -c 'while true; do nc -l -p 5001 > /dev/null; done' >/dev/null
"${ctl[@]}" run -d --name cli busybox sleep 3600 >/dev/null
srv_ip=$("${ctl[@]}" inspect srv | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d[0] if isinstance(d,list) else d; print(d["network"]["networks"]["onggi"]["ip"])')
sleep 0.3
tp() {  # $1: a command prefix that runs "sh -c" in the client side; $2 server ip
  local t0 t1
  t0=$(date +%s%N)
  "$@" sh -c "dd if=/dev/zero bs=64k count=$((mb * 16)) 2>/dev/null | $nc $srv_host 5001"
  t1=$(date +%s%N)
  echo $(( mb * 1000000000 / (t1 - t0) ))
}
srv_host=$srv_ip nc=nc
bridge_tp=()
for i in 1 2 3; do bridge_tp+=("$(tp "${ctl[@]}" exec cli)"); done
bridge_lat=$("${ctl[@]}" exec cli ping -c 20 -i 0.05 -q "$srv_ip" | sed -n 's/.*= [0-9.]*\/\([0-9.]*\)\/.*/\1/p')
# A plain veth pair between two namespaces, the same busybox programs.
unshare --net sleep 100000 & ns_pids+=($!)
unshare --net sleep 100000 & ns_pids+=($!)
sleep 0.3
A=${ns_pids[0]} B=${ns_pids[1]}
ip link add va type veth peer name vb
ip link set va netns "$A"; ip link set vb netns "$B"
nsenter --net=/proc/$A/ns/net sh -c 'ip addr add 10.250.0.1/24 dev va && ip link set va up && ip link set lo up'
nsenter --net=/proc/$B/ns/net sh -c 'ip addr add 10.250.0.2/24 dev vb && ip link set vb up && ip link set lo up'
bb=$(command -v busybox)
nsenter --net=/proc/$B/ns/net sh -c "while true; do $bb nc -l -p 5001 > /dev/null; done" & ns_pids+=($!)
sleep 0.3
srv_host=10.250.0.2 nc="$bb nc"
veth_tp=()
for i in 1 2 3; do veth_tp+=("$(tp nsenter --net=/proc/$A/ns/net)"); done
veth_lat=$(nsenter --net=/proc/$A/ns/net "$bb" ping -c 20 -i 0.05 -q 10.250.0.2 | sed -n 's/.*= [0-9.]*\/\([0-9.]*\)\/.*/\1/p')
med() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
b=$(med "${bridge_tp[@]}") v=$(med "${veth_tp[@]}")
printf '%-34s %10s %10s\n' "" "bridge" "veth pair"
printf '%-34s %10s %10s\n' "TCP MiB/s (median of 3)" "$b" "$v"
printf '%-34s %10s %10s\n' "ping rtt avg ms (20 pings)" "$bridge_lat" "$veth_lat"
echo "bridge / veth throughput: $(( 100 * b / v ))%"
