#!/usr/bin/env python3
"""png-to-ico.py OUT.ico A.png B.png ...: an .ico holding the PNGs as they are
(PNG entries: Windows Vista and later), for wardscope.exe's icon."""
import struct
import sys

out, pngs = sys.argv[1], [open(p, "rb").read() for p in sys.argv[2:]]
header = struct.pack("<HHH", 0, 1, len(pngs))
offset = 6 + 16 * len(pngs)
entries = b""
for png in pngs:
    width, height = struct.unpack(">II", png[16:24])
    entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), offset)
    offset += len(png)
with open(out, "wb") as f:
    f.write(header + entries + b"".join(pngs))
