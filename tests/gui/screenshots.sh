#!/usr/bin/env bash
# Screenshots of the real app: starts onggi-helper (root) in a temp state root, creates a few
# busybox containers (one streaming output, one busy, one near its memory limit), then runs
# onggi under Xvfb once in Korean and once in English with --screenshots.
# Usage: screenshots.sh BUILD_DIR OUT_DIR
#   ONGGI_SHOTS_NETWORK=1: the helper's default network is the bridge, in a network namespace
#   made here (never the host's), with a user network "front" and published ports.
set -euo pipefail
if [ -n "${ONGGI_SHOTS_NETWORK:-}" ] && [ -z "${ONGGI_SHOTS_NETNS:-}" ]; then
  export ONGGI_SHOTS_NETNS=1
  exec unshare --net bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
build=$(realpath "$1"); out=$2
mkdir -p "$out"
tmp=$(mktemp -d /tmp/onggi-shots.XXXXXX)
sock=$tmp/run/helper.sock
helper_pid=
cleanup() {
  set +e
  if [ -n "$helper_pid" ]; then
    python3 "$(dirname "$0")/rpc.py" "$sock" cleanup >/dev/null 2>&1
    kill "$helper_pid"; wait "$helper_pid"
  fi
  for d in /sys/fs/cgroup/*/"$shot_prefix" /sys/fs/cgroup/"$shot_prefix"; do
    [ -d "$d" ] || continue
    for c in "$d"/*/; do [ -d "$c" ] && rmdir "$c"; done
    rmdir "$d"
  done
  rm -rf "$tmp"
}
shot_prefix=onggi-shots-$$
trap cleanup EXIT
if [ "$(id -u)" -eq 0 ] && [ -x "$build/helper/onggi-helper" ]; then
  mkdir -p "$tmp/state" "$tmp/run"
  "$build/helper/onggi-helper" --socket "$sock" --state-dir "$tmp/state" --run-dir "$tmp/run" \
      --default-network "$([ -n "${ONGGI_SHOTS_NETNS:-}" ] && echo onggi || echo private)" \
      --cgroup-parent "/$shot_prefix" >"$tmp/helper.log" 2>&1 &
  helper_pid=$!
  for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
  python3 "$(dirname "$0")/rpc.py" "$sock" demo 7 || { echo "could not create demo containers"; cat "$tmp/helper.log"; }
  if [ -n "${ONGGI_SHOTS_NETNS:-}" ]; then
    "$build/cli/onggictl" --host "$sock" network create front >/dev/null
    "$build/cli/onggictl" --host "$sock" run -d --name api --network front -p 18081:80 busybox httpd -f -p 80 >/dev/null
  fi
else
  echo "screenshots: no helper (not root or not built): only the 'helper absent' page" >&2
fi
# Korean and English in the platform palette, then both in a dark palette; the window at its
# default size on a 1366x768 screen.
# ONGGI_SHOTS_2X=1 adds a Korean pass at QT_SCALE_FACTOR=2 on the same screen (prefix ko-2x).
runs=(ko: en: ko:dark en:dark)
[ -n "${ONGGI_SHOTS_2X:-}" ] && runs+=(ko:2x)
for run in "${runs[@]}"; do
  lang=${run%%:*} pal=${run#*:} scale=1
  [ "$pal" = 2x ] && { pal=; scale=2; }
  HOME=$tmp/home-$lang-$pal-$scale XDG_CONFIG_HOME=$tmp/config-$lang-$pal-$scale LANG=C.UTF-8 QT_SCALE_FACTOR=$scale \
    xvfb-run -a -s "-screen 0 1366x768x24" "$build/gui/onggi" --socket "$sock" --language "$lang" \
      ${pal:+--palette "$pal"} --select web --screenshots "$out"
done
ls -1 "$out"/*.png
