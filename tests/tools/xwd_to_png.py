#!/usr/bin/env python3
"""Converts an X window dump (xwd -silent, 24/32-bit ZPixmap, as xwd writes
for a TrueColor window) to PNG, with the standard library only:
    xwd_to_png.py IN.xwd OUT.png"""
import struct, sys, zlib

data = open(sys.argv[1], 'rb').read()
fields = struct.unpack('>25I', data[:100])
header_size, version, pixmap_format, depth, width, height = fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]
byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
red_mask, green_mask, blue_mask = fields[14], fields[15], fields[16]
ncolors = fields[19]
if version != 7 or pixmap_format != 2 or bits_per_pixel != 32:
    sys.exit('xwd_to_png: only 32-bit ZPixmap dumps (got version %d, format %d, %d bpp)' % (version, pixmap_format, bits_per_pixel))
pixels = data[header_size + 12 * ncolors:]
order = '<' if byte_order == 0 else '>'
def shift(mask):
    s = 0
    while mask and not mask & 1:
        mask >>= 1; s += 1
    return s
rs, gs, bs = shift(red_mask), shift(green_mask), shift(blue_mask)
rows = []
for y in range(height):
    line = pixels[y * bytes_per_line:y * bytes_per_line + 4 * width]
    out = bytearray(b'\0')
    for (p,) in struct.iter_unpack(order + 'I', line):
        out += bytes(((p >> rs) & 255, (p >> gs) & 255, (p >> bs) & 255))
    rows.append(bytes(out))
def chunk(kind, body):
    return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b'')
open(sys.argv[2], 'wb').write(png)
