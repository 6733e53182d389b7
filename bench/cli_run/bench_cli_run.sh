#!/usr/bin/env bash
# onggictl run --rm busybox true, end to end, vs crun run (and podman run --rootfs if present),
# in one hyperfine run. A private onggi-helper is started in a temp dir and stopped afterwards.
#   ONGGI_BUILD_DIR (default ./build)  RUNS (default 30)  EXPORT (hyperfine --export-json path)
set -euo pipefail
build=$(realpath "${ONGGI_BUILD_DIR:-build}")
runs=${RUNS:-30}
[ "$(id -u)" = 0 ] || { echo "bench_cli_run: needs root" >&2; exit 1; }
# crun 1.8 refuses a hybrid host (cgroup v1 plus a cgroup2 mount at /sys/fs/cgroup/unified, as
# on the dev hosts). As bench/start does, the whole bench (helper included) runs in a private
# mount namespace with that mount detached, so all three see the same pure v1 host and all
# three create real cgroups.
if [ -z "${ONGGI_BENCH_PRIVATE_NS:-}" ] && mountpoint -q /sys/fs/cgroup/unified 2>/dev/null \
   && [ "$(stat -fc %T /sys/fs/cgroup)" = tmpfs ]; then
  export ONGGI_BENCH_PRIVATE_NS=1
  exec unshare -m --propagation private bash -c 'umount -l /sys/fs/cgroup/unified && exec "$0" "$@"' "$0" "$@"
fi
command -v hyperfine >/dev/null || { echo "bench_cli_run: hyperfine missing" >&2; exit 1; }

tmp=$(mktemp -d /tmp/onggi-bench-cli.XXXXXX)
helper_pid=
cleanup() {
  if [ -n "$helper_pid" ]; then
    "$build/cli/onggictl" --host "$tmp/h.sock" ps -aq --no-trunc 2>/dev/null | xargs -r "$build/cli/onggictl" --host "$tmp/h.sock" rm -f >/dev/null 2>&1 || true
    kill "$helper_pid" 2>/dev/null || true
    wait "$helper_pid" 2>/dev/null || true
  fi
  for d in /sys/fs/cgroup/*/onggi-bench-$$ /sys/fs/cgroup/onggi-bench-$$; do [ -d "$d" ] && rmdir "$d" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

shim=$build/bin/onggi-shim
mkdir -p "$tmp/state" "$tmp/run"
"$build/helper/onggi-helper" --socket "$tmp/h.sock" --state-dir "$tmp/state" --run-dir "$tmp/run" --default-network private \
  --cgroup-parent "/onggi-bench-$$" ${shim:+--shim "$shim"} >"$tmp/helper.log" 2>&1 &
helper_pid=$!
for _ in $(seq 200); do [ -S "$tmp/h.sock" ] && break; sleep 0.05; done
ctl=("$build/cli/onggictl" --host "$tmp/h.sock")
"${ctl[@]}" run --rm busybox true || { echo "onggictl run failed; helper log:"; cat "$tmp/helper.log"; exit 1; }

# The same rootfs for crun and runc: busybox static, /bin/true a link to it.
bundle=$tmp/bundle
mkdir -p "$bundle/rootfs/bin" "$bundle/rootfs/proc" "$bundle/rootfs/dev" "$bundle/rootfs/sys" "$bundle/rootfs/tmp"
cp /bin/busybox "$bundle/rootfs/bin/busybox"
ln -s busybox "$bundle/rootfs/bin/true"
ln -s busybox "$bundle/rootfs/bin/sh"
(cd "$bundle" && crun spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"$/"\/bin\/true"/' config.json)
crun_ok=
if crun run --bundle "$bundle" "onggi-bench-check-$$" 2>"$tmp/crun.err"; then crun_ok=1
else echo "crun: cannot run here: $(cat "$tmp/crun.err") -- runc takes its place"; fi

cmds=(-n onggictl "${ctl[*]} run --rm busybox true"
      # The client's own process, no request: its share of the above (dynamic loading of Qt).
      -n onggictl-startup "$build/cli/onggictl --version"
     )
if [ -n "$crun_ok" ]; then cmds+=(-n crun "crun run --bundle $bundle onggi-bench-$$"); fi
if command -v runc >/dev/null; then cmds+=(-n runc "runc run --bundle $bundle onggi-bench-runc-$$"); fi
if command -v podman >/dev/null; then
  # Only when it runs here at all (hyperfine stops at the first failing command).
  podman_cmd="podman run --rm --network none --ulimit host --rootfs $bundle/rootfs /bin/true"
  if $podman_cmd 2>"$tmp/podman.err"; then cmds+=(-n podman "$podman_cmd")
  else echo "podman: cannot run here: $(tail -1 "$tmp/podman.err")"; fi
else
  echo "podman: not installed (Debian has podman 4.3; install it to add the third column)"
fi
# -N: no intermediate shell (crun deletes its container on exit, so one id serves every run).
hyperfine -N --warmup 3 --runs "$runs" ${EXPORT:+--export-json "$EXPORT"} "${cmds[@]}"
