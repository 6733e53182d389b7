#!/usr/bin/env python3
"""Minimal JSON-RPC client for the screenshot script and the GUI bench: creates demo
containers against a helper socket, or removes every container ("cleanup")."""
import json, os, socket, sys, time

class Rpc:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.connect(path)
        self.f = self.s.makefile("rwb")
        self.n = 0

    def call(self, method, params=None):
        self.n += 1
        self.f.write(json.dumps({"jsonrpc": "2.0", "id": self.n, "method": method, "params": params or {}}).encode() + b"\n")
        self.f.flush()
        while True:
            msg = json.loads(self.f.readline())
            if msg.get("id") == self.n:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]

def demo(rpc, count=3):
    rpc.call("hello", {"client": "screenshots", "protocol": 1})
    specs = [
        {"name": "web", "cmd": ["sh", "-c", "i=0; while true; do i=$((i+1)); echo \"request $i served\"; sleep 0.5; done"],
         "limits": {"memory": 64 << 20, "pids": 64, "cpus": 0.5}},
        {"name": "cruncher", "cmd": ["sh", "-c", "while true; do :; done"], "limits": {"cpus": 0.3}},
        {"name": "hungry", "cmd": ["sh", "-c", "x=a; while true; do x=\"$x$x\"; sleep 1; if [ ${#x} -gt 8000000 ]; then x=a; fi; done"],
         "limits": {"memory": 48 << 20}},
    ]
    # more life for the dashboard's events: one that runs out of memory again and again (its
    # policy restarts it), one batch job that ends with an error
    specs += [
        {"name": "oom-loop", "cmd": ["sh", "-c", "sleep 3; x=a; while true; do x=\"$x$x\"; done"],
         "limits": {"memory": 8 << 20}, "restart": "on-failure"},
        {"name": "batch", "cmd": ["sh", "-c", "echo working; sleep 4; echo failed >&2; exit 3"]},
    ]
    extra = [{"name": f"worker-{i:02d}", "cmd": ["sh", "-c", "while true; do echo tick; sleep 1; done"],
              "limits": {"memory": 32 << 20}} for i in range(max(0, count - len(specs)))]
    if os.environ.get("ONGGI_SHOTS_NETNS"):  # the bridge network: web publishes a port
        specs[0]["ports"] = [{"container_port": 80, "host_port": 18080, "protocol": "tcp"}]
    for spec in (specs + extra)[:count]:
        spec["image"] = "busybox"
        r = rpc.call("container.create", spec)
        rpc.call("container.start", {"id": r["id"]})

def cleanup(rpc):
    rpc.call("hello", {"client": "screenshots", "protocol": 1})
    for c in rpc.call("container.list", {"all": True})["containers"]:
        try:
            rpc.call("container.remove", {"id": c["id"], "force": True})
        except RuntimeError as e:
            print(e, file=sys.stderr)

if __name__ == "__main__":
    rpc = Rpc(sys.argv[1])
    what = sys.argv[2]
    if what == "demo":
        demo(rpc, int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    elif what == "cleanup":
        cleanup(rpc)
    elif what == "running":
        rpc.call("hello", {"client": "bench", "protocol": 1})
        print(sum(c["state"] == "running" for c in rpc.call("container.list", {"all": True})["containers"]))
