#!/usr/bin/env python3
"""Draws the guide's icon (a white signpost on the header colour) as pwa/icon.svg and as the PNGs
in pwa/icons/ that the manifest and index.html name (the maskable one is the same drawing without rounded
corners). Pure Python (zlib only): run it once after changing the drawing and commit the output.

    python3 pwa/make-icons.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BG = (0x07, 0x37, 0x63)  # --accent-dark in style/main.css (the header), also theme_color
FG = (0xFF, 0xFF, 0xFF)

# The drawing on a 512 x 512 canvas. Everything stays inside the maskable safe zone
# (a circle of radius 0.4 * 512 = 204.8 around the centre).
POLYGONS = [
    # post
    [(240, 140), (272, 140), (272, 412), (240, 412)],
    # upper sign, pointing right
    [(146, 150), (330, 150), (378, 196), (330, 242), (146, 242)],
    # lower sign, pointing left
    [(366, 272), (182, 272), (134, 318), (182, 364), (366, 364)],
    # ground
    [(186, 406), (326, 406), (326, 432), (186, 432)],
]


def svg(rounded):
    r = ' rx="96"' if rounded else ""
    shapes = "\n".join(
        '  <polygon points="%s"/>' % " ".join("%d,%d" % p for p in poly) for poly in POLYGONS
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n'
        '  <rect width="512" height="512"%s fill="#%02x%02x%02x"/>\n'
        '  <g fill="#ffffff">\n%s\n  </g>\n</svg>\n' % (r, *BG, shapes.replace("  <", "    <"))
    )


def inside_polygon(x, y, poly):
    hit = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def inside_rounded_square(x, y, radius):
    cx = min(max(x, radius), 512 - radius)
    cy = min(max(y, radius), 512 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def render(size, rounded, samples=4):
    """RGBA rows. Rounded icons are transparent outside the rounded square; maskable ones are full bleed."""
    scale = 512 / size
    offsets = [(i + 0.5) / samples for i in range(samples)]
    boxes = [
        (min(p[0] for p in poly), min(p[1] for p in poly), max(p[0] for p in poly), max(p[1] for p in poly))
        for poly in POLYGONS
    ]
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            cover_bg = cover_fg = 0
            for oy in offsets:
                for ox in offsets:
                    x, y = (px + ox) * scale, (py + oy) * scale
                    if rounded and not inside_rounded_square(x, y, 96):
                        continue
                    cover_bg += 1
                    for (x0, y0, x1, y1), poly in zip(boxes, POLYGONS):
                        if x0 <= x <= x1 and y0 <= y <= y1 and inside_polygon(x, y, poly):
                            cover_fg += 1
                            break
            total = samples * samples
            alpha = cover_bg / total
            if cover_bg == 0:
                row += bytes((0, 0, 0, 0))
                continue
            f = cover_fg / cover_bg
            rgb = [round(BG[c] * (1 - f) + FG[c] * f) for c in range(3)]
            row += bytes((*rgb, round(alpha * 255)))
        rows.append(bytes(row))
    return rows


def png(rows, size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    with open(os.path.join(HERE, "icon.svg"), "w") as f:
        f.write(svg(rounded=True))
    outputs = [
        ("icon-192.png", 192, True),
        ("icon-512.png", 512, True),
        ("icon-maskable-512.png", 512, False),
        # iOS fills transparency with black: full bleed, it rounds the corners itself.
        ("apple-touch-icon.png", 180, False),
    ]
    for name, size, rounded in outputs:
        data = png(render(size, rounded), size)
        with open(os.path.join(HERE, "icons", name), "wb") as f:
            f.write(data)
        print("%s %dx%d %d bytes" % (name, size, size, len(data)))


if __name__ == "__main__":
    main()
