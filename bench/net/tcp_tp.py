#!/usr/bin/env python3
# tcp_tp.py server PORT | client HOST PORT MIB  -> prints MiB/s measured from connect to the server's
# acknowledgement of the last byte.
import socket, sys, time
if sys.argv[1] == "server":
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", int(sys.argv[2]))); s.listen(8)
    print("ready", flush=True)
    buf = bytearray(1 << 20)
    while True:
        c, _ = s.accept()
        while c.recv_into(buf): pass
        c.sendall(b"k"); c.close()
else:
    host, port, mib = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    blk = b"\0" * (1 << 20)
    c = socket.create_connection((host, port))
    t0 = time.perf_counter()
    for _ in range(mib): c.sendall(blk)
    c.shutdown(socket.SHUT_WR); c.recv(1)
    dt = time.perf_counter() - t0
    print(int(mib / dt))
