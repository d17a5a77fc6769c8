#!/usr/bin/env python3
# Asks a TigerVNC Xvnc server for a layout of several screens with RFB's
# SetDesktopSize (ExtendedDesktopSize): Xvnc then has one RandR output per
# screen, which GLFW counts as monitors. Exits 0 once the server accepted it.
#   vnc_layout.py SOCKET_PATH|PORT WIDTHxHEIGHT+X+Y ...
import socket, struct, sys
where = sys.argv[1]
screens = []
for spec in sys.argv[2:]:
    size, x, y = spec.split('+'); w, h = size.split('x'); screens.append((int(w), int(h), int(x), int(y)))
if where.isdigit():
    s = socket.create_connection(('127.0.0.1', int(where)), timeout=30)
else:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(30)
    s.connect(where)
def recv(n):
    b = b''
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c: raise SystemExit('connection closed')
        b += c
    return b
recv(12); s.sendall(b'RFB 003.008\n')
n = recv(1)[0]; types = recv(n)
assert 1 in types, types
s.sendall(b'\x01')
assert struct.unpack('>I', recv(4))[0] == 0
s.sendall(b'\x01')  # shared
w, h = struct.unpack('>HH', recv(4)); recv(16); name_len = struct.unpack('>I', recv(4))[0]; recv(name_len)
s.sendall(struct.pack('>BBHi', 2, 0, 1, -308))  # SetEncodings: ExtendedDesktopSize
W = max(x + w for w, h, x, y in screens); H = max(y + h for w, h, x, y in screens)
msg = struct.pack('>BBHHBB', 251, 0, W, H, len(screens), 0)
for i, (w, h, x, y) in enumerate(screens):
    msg += struct.pack('>IHHHHI', i + 1, x, y, w, h, 0)
s.sendall(msg)
# Wait for the server's answer: a FramebufferUpdate with an ExtendedDesktopSize rect.
s.sendall(struct.pack('>BBHHHH', 3, 1, 0, 0, 1, 1))
while True:
    t = recv(1)[0]
    if t == 0:
        recv(1); nrect = struct.unpack('>H', recv(2))[0]
        for _ in range(nrect):
            x, y, rw, rh, enc = struct.unpack('>HHHHi', recv(12))
            if enc == -308:
                ns = recv(4)[0]; recv(16 * ns)
                print('status', y, 'screens', ns); sys.exit(0 if y == 0 else 1)
            else:
                raise SystemExit('unexpected encoding %d' % enc)
    else:
        raise SystemExit('unexpected message %d' % t)
