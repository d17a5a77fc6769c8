#!/usr/bin/env python3
"""Reads an 8-bit RGB/RGBA PNG (any row filters) for the shell tests, with no
third-party module.

    png_pixels.py FILE size                          -> "WIDTHxHEIGHT"
    png_pixels.py FILE mean X0 Y0 X1 Y1              -> mean R G B of the box
    png_pixels.py FILE count X0 Y0 X1 Y1 R G B TOL   -> pixels of the box within TOL of R G B
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if depth != 8 or colour not in (2, 6):
        sys.exit(f"{path}: only 8-bit RGB or RGBA")
    bpp = 3 if colour == 2 else 4
    raw, stride, rows = zlib.decompress(idat), width * bpp, []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def box(args, width, height):
    x0, y0, x1, y1 = (int(float(v)) for v in args)
    return max(0, x0), max(0, y0), min(width, x1), min(height, y1)


def main():
    path, what, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    width, height, rows, bpp = read_png(path)
    if what == "size":
        print(f"{width}x{height}")
        return
    x0, y0, x1, y1 = box(args[:4], width, height)
    pixels = [rows[y][x * bpp:x * bpp + 3] for y in range(y0, y1) for x in range(x0, x1)]
    if what == "mean":
        n = max(1, len(pixels))
        print(" ".join(str(round(sum(p[i] for p in pixels) / n)) for i in range(3)))
    elif what == "count":
        r, g, b, tol = (int(v) for v in args[4:8])
        print(sum(1 for p in pixels if abs(p[0] - r) <= tol and abs(p[1] - g) <= tol and abs(p[2] - b) <= tol))
    else:
        sys.exit(f"unknown query {what}")


if __name__ == "__main__":
    main()
