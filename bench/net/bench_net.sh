#!/usr/bin/env bash
# bench/net: network set-up time added to a start, container-to-container TCP throughput over the
# bridge vs a plain veth pair, and latency. Everything happens in a network namespace made here.
#   ONGGI_BUILD_DIR (default ./build)  RUNS (default 30)  MB (default 1024, per throughput run)
#   ONLY=setup: the network's own part of a start only (bin/onggi-bench-net-setup), with the CNI
#   reference plugins beside it
#   ONLY=start: that and the start times only
set -euo pipefail
build=$(realpath "${ONGGI_BUILD_DIR:-build}")
runs=${RUNS:-30}
mb=${MB:-1024}
[ "$(id -u)" = 0 ] || { echo "bench_net: needs root" >&2; exit 1; }
if [ -z "${ONGGI_BENCH_NETNS:-}" ]; then
  export ONGGI_BENCH_NETNS=1
  exec unshare --net bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
if [ -x "$build/bin/onggi-bench-net-setup" ]; then
  echo "== the network's own part of a start (real NetworkManager + attach_container, no container around it)"
  # Beside it, where /usr/lib/cni/bridge is installed (containernetworking-plugins): the CNI
  # reference plugins' ADD for one container, interleaved with onggi's runs (net_setup.cpp).
  # In a namespace of its own again, so its bridge never meets the helper's below.
  for args in "0 serial default cni" "0 back-to-back" "50 serial default" "50 serial user cni"; do
    # shellcheck disable=SC2086
    unshare --net sh -c 'ip link set lo up && exec "$0" "$@"' "$build/bin/onggi-bench-net-setup" "${SETUP_RUNS:-300}" $args
  done
fi
[ "${ONLY:-}" = setup ] && exit 0
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
echo "== start: onggictl run --rm busybox true, --network none vs the default bridge network, $runs pairs interleaved"
# Interleaved (none, bridge, none, ...), so that the load of a shared host drifts over both alike;
# the figure is the median of the pairs' differences.
python3 - "$runs" "${ctl[@]}" <<'PY'
import statistics as st, subprocess, sys, time
runs, ctl = int(sys.argv[1]), sys.argv[2:]
def t(args):
    t0 = time.perf_counter(); subprocess.run(ctl + args, check=True, stdout=subprocess.DEVNULL); return 1000 * (time.perf_counter() - t0)
for _ in range(3): t(["run", "--rm", "busybox", "true"]); t(["run", "--rm", "--network", "none", "busybox", "true"])
none, bridge = [], []
for _ in range(runs):
    none.append(t(["run", "--rm", "--network", "none", "busybox", "true"]))
    bridge.append(t(["run", "--rm", "busybox", "true"]))
d = [b - n for n, b in zip(none, bridge)]
print(f"none   median {st.median(none):7.1f} ms  mean {st.mean(none):7.1f} ms")
print(f"bridge median {st.median(bridge):7.1f} ms  mean {st.mean(bridge):7.1f} ms")
print(f"network set-up added to a start: median of differences {st.median(d):.2f} ms "
      f"(quartiles {st.quantiles(d, n=4)[0]:.1f} / {st.quantiles(d, n=4)[2]:.1f} ms)")
PY
[ "${ONLY:-}" = start ] && exit 0
echo "== throughput: $mb MiB over one TCP connection, and ping latency"
# The same sender and receiver (bench/net/tcp_tp.py, the host's python, timed from connect to the
# receiver's acknowledgement of the last byte) run in the two containers' network namespaces and
# in two namespaces joined by a plain veth pair, interleaved, so only the data path differs.
# (The first version ran busybox nc through `onggictl exec` and timed from outside: the exec's
# own start-up was counted, and the host's busybox nc stopped after 1 KiB; neither figure held.)
"${ctl[@]}" run -d --name srv busybox sleep 3600 >/dev/null
"${ctl[@]}" run -d --name cli busybox sleep 3600 >/dev/null
pid_of() { "${ctl[@]}" inspect "$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d[0] if isinstance(d,list) else d; print(d["container"]["pid"])'; }
srv_ip=$("${ctl[@]}" inspect srv | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d[0] if isinstance(d,list) else d; print(d["network"]["networks"]["onggi"]["ip"])')
S=$(pid_of srv) C=$(pid_of cli)
# A plain veth pair between two namespaces.
unshare --net sleep 100000 & ns_pids+=($!)
unshare --net sleep 100000 & ns_pids+=($!)
sleep 0.3
A=${ns_pids[0]} B=${ns_pids[1]}
ip link add va type veth peer name vb
ip link set va netns "$A"; ip link set vb netns "$B"
nsenter --net=/proc/$A/ns/net sh -c 'ip addr add 10.250.0.1/24 dev va && ip link set va up && ip link set lo up'
nsenter --net=/proc/$B/ns/net sh -c 'ip addr add 10.250.0.2/24 dev vb && ip link set vb up && ip link set lo up'
tp=$(dirname "$(realpath "$0")")/tcp_tp.py
nsenter --net=/proc/$S/ns/net python3 "$tp" server 5001 >/dev/null & ns_pids+=($!)
nsenter --net=/proc/$B/ns/net python3 "$tp" server 5001 >/dev/null & ns_pids+=($!)
sleep 0.5
bridge_tp=() veth_tp=() tracked_tp=() nfoff_tp=()
# Onggi's rules leave container-to-container traffic of one network untracked (the notrack rule
# in `inet onggi` guard). "tracked" takes that rule out for one run to show what it saves, and
# puts it back: the same bridge, the same containers, interleaved.
notrack_rule=$(nft list chain inet onggi guard | sed -n 's/^[[:space:]]*\(iifname "onggi0" .* notrack\)$/\1/p')
for i in 1 2 3 4 5; do
  bridge_tp+=("$(nsenter --net=/proc/$C/ns/net python3 "$tp" client "$srv_ip" 5001 "$mb")")
  veth_tp+=("$(nsenter --net=/proc/$A/ns/net python3 "$tp" client 10.250.0.2 5001 "$mb")")
  if [ -n "$notrack_rule" ]; then
    h=$(nft -a list chain inet onggi guard | sed -n 's/.* notrack # handle \([0-9]*\)$/\1/p' | head -1)
    nft delete rule inet onggi guard handle "$h"
    tracked_tp+=("$(nsenter --net=/proc/$C/ns/net python3 "$tp" client "$srv_ip" 5001 "$mb")")
    nft add rule inet onggi guard "$notrack_rule"
  fi
done
# What br_netfilter costs: bridged IPv4 goes through the inet hooks (conntrack, our table) while
# net.bridge.bridge-nf-call-iptables is 1, the default of every namespace (this one is the bench's).
nf=$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null || echo -)
if [ "$nf" = 1 ]; then
  echo 0 > /proc/sys/net/bridge/bridge-nf-call-iptables
  for i in 1 2 3 4 5; do nfoff_tp+=("$(nsenter --net=/proc/$C/ns/net python3 "$tp" client "$srv_ip" 5001 "$mb")"); done
  echo 1 > /proc/sys/net/bridge/bridge-nf-call-iptables
fi
bb=$(command -v busybox)
bridge_lat=$(nsenter --net=/proc/$C/ns/net "$bb" ping -c 20 -i 0.05 -q "$srv_ip" | sed -n 's/.*= [0-9.]*\/\([0-9.]*\)\/.*/\1/p')
veth_lat=$(nsenter --net=/proc/$A/ns/net "$bb" ping -c 20 -i 0.05 -q 10.250.0.2 | sed -n 's/.*= [0-9.]*\/\([0-9.]*\)\/.*/\1/p')
med() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
b=$(med "${bridge_tp[@]}") v=$(med "${veth_tp[@]}")
printf '%-34s %12s %12s\n' "" "bridge" "veth pair"
printf '%-34s %12s %12s\n' "TCP MiB/s (median of 5)" "$b" "$v"
printf '%-34s %12s %12s\n' "  each run" "$(IFS=,; echo "${bridge_tp[*]}")" "$(IFS=,; echo "${veth_tp[*]}")"
printf '%-34s %12s %12s\n' "ping rtt avg ms (20 pings)" "$bridge_lat" "$veth_lat"
echo "bridge / veth throughput: $(( 100 * b / v ))%"
if [ ${#tracked_tp[@]} -gt 0 ]; then
  t=$(med "${tracked_tp[@]}")
  echo "bridge without the notrack rule (conntrack on every packet): $t MiB/s (runs $(IFS=,; echo "${tracked_tp[*]}")) = $(( 100 * t / v ))% of the veth pair"
fi
if [ ${#nfoff_tp[@]} -gt 0 ]; then
  n=$(med "${nfoff_tp[@]}")
  echo "bridge with bridge-nf-call-iptables=0: $n MiB/s (runs $(IFS=,; echo "${nfoff_tp[*]}")) = $(( 100 * n / v ))% of the veth pair"
fi
