#!/usr/bin/env bash
# A 3-layer ~50 MiB image (gzip layers of mixed compressible/random files) pushed by skopeo to a
# private docker-registry on 127.0.0.1; then, in one hyperfine run, `onggictl pull` (each run
# after rmi, so every layer is downloaded, verified and unpacked) vs `skopeo copy` of the same
# image to a fresh OCI directory (download and verify only: skopeo does not unpack), and skopeo
# copy followed by `tar -xzf` of each layer it fetched (the same work as a pull). Then the
# unpack rate: onggi's extract_layer (libarchive + openat2, diff_id hashed) vs `tar -xzf` of the
# same layer files, the floor.   ONGGI_BUILD_DIR (default ./build)  RUNS (default 5)
# Each command runs once before its timed runs (--warmup 1): the first ran with cold registry
# files and a fresh helper, which made whichever went first look slow.
# BASELINE=<build dir>: also that build's pull, interleaved run by run with this one's.
set -euo pipefail
build=$(realpath "${1:-${ONGGI_BUILD_DIR:-build}}")
runs=${RUNS:-5}
[ "$(id -u)" = 0 ] || { echo "bench_pull: needs root" >&2; exit 1; }
for t in docker-registry skopeo hyperfine python3; do command -v $t >/dev/null || { echo "bench_pull: $t missing" >&2; exit 1; }; done
tmp=$(mktemp -d /tmp/onggi-bench-pull.XXXXXX)
reg_pid= helper_pid=
cleanup() {
  [ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null && wait "$helper_pid" 2>/dev/null || true
  [ -n "${bhelper_pid:-}" ] && kill "$bhelper_pid" 2>/dev/null && wait "$bhelper_pid" 2>/dev/null || true
  [ -n "$reg_pid" ] && kill "$reg_pid" 2>/dev/null && wait "$reg_pid" 2>/dev/null || true
  # The helpers' cgroup parents (empty once their helper is gone; rmdir refuses otherwise).
  for d in /sys/fs/cgroup/*/onggi-bench-$$ /sys/fs/cgroup/*/onggi-bench-b-$$ /sys/fs/cgroup/onggi-bench-$$ /sys/fs/cgroup/onggi-bench-b-$$; do
    [ -d "$d" ] && rmdir "$d" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- the image: an OCI layout built by hand
python3 - "$tmp" <<'PY'
import gzip, hashlib, io, json, os, random, sys, tarfile
root = sys.argv[1]; lay = os.path.join(root, "oci"); os.makedirs(lay + "/blobs/sha256")
rnd = random.Random(42)
def blob(data):
    d = hashlib.sha256(data).hexdigest(); open(f"{lay}/blobs/sha256/{d}", "wb").write(data); return "sha256:" + d
words = [bytes(rnd.choice("abcdefghijklmnopqrstuvwxyz") * rnd.randint(2, 9), "ascii") for _ in range(2000)]
def layer(n, mib):
    buf = io.BytesIO(); t = tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT)
    left, i = mib << 20, 0
    while left > 0:
        size = min(left, rnd.choice([4096, 65536, 1 << 20, 3 << 20]))
        if i % 3 == 0: data = os.urandom(size)                      # already compressed data
        else: data = b" ".join(rnd.choice(words) for _ in range(size // 5))[:size]  # text
        ti = tarfile.TarInfo(f"l{n}/dir{i % 17}/f{i}"); ti.size = len(data); ti.mtime = 1700000000
        t.addfile(ti, io.BytesIO(data)); left -= size; i += 1
    t.close(); raw = buf.getvalue()
    gz = gzip.compress(raw, 6, mtime=0)
    open(f"{root}/layer{n}.tar.gz", "wb").write(gz)
    return {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": blob(gz), "size": len(gz)}, "sha256:" + hashlib.sha256(raw).hexdigest(), len(raw)
ls, ids, total = [], [], 0
for n, mib in enumerate([30, 15, 10]):
    d, i, raw = layer(n, mib); ls.append(d); ids.append(i); total += d["size"]
arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)
cfg = json.dumps({"architecture": arch, "os": "linux", "config": {"Cmd": ["sh"]}, "rootfs": {"type": "layers", "diff_ids": ids}}).encode()
m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": blob(cfg), "size": len(cfg)}, "layers": ls}).encode()
idx = {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": blob(m), "size": len(m),
       "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}
open(root + "/layers.txt", "w").write("\n".join(d["digest"].split(":")[1] for d in ls) + "\n")
open(lay + "/index.json", "w").write(json.dumps(idx)); open(lay + "/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
print(f"image: 3 gzip layers, {total / 1048576:.1f} MiB compressed")
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$tmp/reg.yml" <<EOF2
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $tmp/regdata}}
http: {addr: 127.0.0.1:$port}
EOF2
docker-registry serve "$tmp/reg.yml" >"$tmp/reg.log" 2>&1 & reg_pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.05; done
skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$tmp/oci:v1" "docker://127.0.0.1:$port/bench:v1"

"$build/helper/onggi-helper" --socket "$tmp/h.sock" --state-dir "$tmp/state" --run-dir "$tmp/run" \
  --cgroup-parent /onggi-bench-$$ >"$tmp/helper.log" 2>&1 & helper_pid=$!
for _ in $(seq 200); do [ -S "$tmp/h.sock" ] && break; sleep 0.05; done
ctl=("$build/cli/onggictl" --host "$tmp/h.sock")
img=127.0.0.1:$port/bench:v1

echo "== pull, $runs runs each (loopback registry, $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$tmp/pull.md" \
  --prepare "sh -c '${ctl[*]} rmi -f $img >/dev/null 2>&1; true'" -n "onggictl pull" "${ctl[*]} pull -q $img" \
  --prepare "rm -rf $tmp/skopeo-out" -n "skopeo copy (to OCI dir, no unpack)" \
  "skopeo --insecure-policy copy -q --src-tls-verify=false docker://$img oci:$tmp/skopeo-out:v1" \
  --prepare "rm -rf $tmp/skopeo-out $tmp/skopeo-rootfs" -n "skopeo copy, then tar -xzf of its layers (the same work)" \
  "sh -c 'skopeo --insecure-policy copy -q --src-tls-verify=false docker://$img oci:$tmp/skopeo-out:v1 && mkdir $tmp/skopeo-rootfs && for d in \$(cat $tmp/layers.txt); do tar -xzf $tmp/skopeo-out/blobs/sha256/\$d -C $tmp/skopeo-rootfs; done'" \
  2>&1 | grep -v "^ *$"
"${ctl[@]}" images

# BASELINE=<other build dir>: the same pull by that build's helper and onggictl, interleaved run by
# run with this build's (the host's load changes between hyperfine's blocks; interleaving shares it).
if [ -n "${BASELINE:-}" ]; then
  base=$(realpath "$BASELINE")
  "$base/helper/onggi-helper" --socket "$tmp/b.sock" --state-dir "$tmp/bstate" --run-dir "$tmp/brun" \
    --cgroup-parent /onggi-bench-b-$$ >"$tmp/bhelper.log" 2>&1 & bhelper_pid=$!
  for _ in $(seq 200); do [ -S "$tmp/b.sock" ] && break; sleep 0.05; done
  bctl=("$base/cli/onggictl" --host "$tmp/b.sock")
  echo "== interleaved, $runs runs each: this build vs $base (ms)"
  python3 - "$runs" "$img" "${ctl[*]}" "${bctl[*]}" <<'PY'
import statistics, subprocess, sys, time
runs, img, a, b = int(sys.argv[1]), sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
t = {"this": [], "baseline": []}
for _ in range(runs):
    for k, c in (("this", a), ("baseline", b)):
        subprocess.run(c + ["rmi", "-f", img], capture_output=True)
        s = time.monotonic(); subprocess.run(c + ["pull", "-q", img], check=True, capture_output=True)
        t[k].append((time.monotonic() - s) * 1000)
for k, v in t.items():
    print(f"{k:>9}: median {statistics.median(v):6.0f}  mean {statistics.mean(v):6.0f}  min {min(v):6.0f}  max {max(v):6.0f}")
print(f"this / baseline (median) = {statistics.median(t['this']) / statistics.median(t['baseline']):.2f}")
PY
  kill "$bhelper_pid" 2>/dev/null && wait "$bhelper_pid" 2>/dev/null || true
fi

echo "== unpack of the same 3 layers ($(du -cb "$tmp"/layer*.tar.gz | tail -1 | cut -f1) bytes gzip)"
raw=$(python3 -c "import gzip,sys; print(sum(len(gzip.open(f).read()) for f in sys.argv[1:]))" "$tmp"/layer*.tar.gz)
hyperfine -N --runs "$runs" --export-json "$tmp/unpack.json" \
  --prepare "sh -c 'rm -rf $tmp/u && mkdir $tmp/u'" -n "onggi extract_layer" "$build/bin/onggi-bench-unpack $tmp/u $tmp/layer0.tar.gz $tmp/layer1.tar.gz $tmp/layer2.tar.gz" \
  --prepare "sh -c 'rm -rf $tmp/u && mkdir $tmp/u'" -n "tar -xzf" "sh -c 'for f in $tmp/layer*.tar.gz; do tar -xzf \$f -C $tmp/u; done'" 2>&1 | grep -v "^ *$"
python3 - "$tmp/unpack.json" "$raw" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]; raw = int(sys.argv[2])
rates = {x["command"]: raw / x["median"] / 1048576 for x in r}
for k, v in rates.items(): print(f"{k:>22}: {v:7.1f} MiB/s of tar stream (median)")
a, b = list(rates.values())
print(f"onggi / tar = {a / b:.2f}")
PY
