"""Pictures for the deployment tests: grim's PPM and Xvfb's XWD frame buffer read into RGB rows,
PNG written for people to look at, and the pixel checks (theme colours, black, filling)."""

import struct
import zlib


class Image:
    """width x height RGB pixels, rows top-down, 3 bytes a pixel."""

    def __init__(self, width, height, rgb):
        self.width, self.height, self.rgb = width, height, rgb

    def pixel(self, x, y):
        i = (y * self.width + x) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]

    def crop(self, x, y, w, h):
        rows = [self.rgb[((y + r) * self.width + x) * 3:((y + r) * self.width + x + w) * 3] for r in range(h)]
        return Image(w, h, b"".join(rows))

    def write_png(self, path):
        raw = b"".join(b"\0" + self.rgb[y * self.width * 3:(y + 1) * self.width * 3] for y in range(self.height))

        def chunk(kind, body):
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 1))
                    + chunk(b"IEND", b""))


def read_ppm(path):
    """A binary PPM (P6, maxval 255), as `grim -t ppm` writes it."""
    with open(path, "rb") as f:
        data = f.read()
    fields, i = [], 0
    while len(fields) < 4:
        while data[i:i + 1].isspace():
            i += 1
        if data[i:i + 1] == b"#":
            i = data.index(b"\n", i)
            continue
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return Image(width, height, data[i + 1:i + 1 + width * height * 3])


def read_png(path):
    """An 8-bit RGB or RGBA, non-interlaced PNG (what the apps' --screenshot writes)."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"{path}: not an 8-bit non-interlaced RGB(A) PNG")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(row) if channels == 3 else bytes(v for i, v in enumerate(row) if i % 4 != 3))
        prev = row
    return Image(width, height, b"".join(rows))


def read_xwd(path):
    """Xvfb's screen as `-fbdir` keeps it: an XWD file, 24-bit depth in 32-bit little-endian
    pixels (Xvfb's default)."""
    with open(path, "rb") as f:
        data = f.read()
    h = struct.unpack(">25I", data[:100])
    header_size, depth, width, height, byte_order, bpp, bytes_per_line, ncolors = (
        h[0], h[3], h[4], h[5], h[7], h[11], h[12], h[19])
    if depth != 24 or bpp != 32 or byte_order != 0:
        raise ValueError(f"{path}: expected a 24-bit LSBFirst 32-bpp XWD, got {depth}/{bpp}/{byte_order}")
    start = header_size + ncolors * 12
    out = bytearray(width * height * 3)
    for y in range(height):
        row = data[start + y * bytes_per_line:start + y * bytes_per_line + width * 4]
        out[y * width * 3 + 0:(y + 1) * width * 3:3] = row[2::4]
        out[y * width * 3 + 1:(y + 1) * width * 3:3] = row[1::4]
        out[y * width * 3 + 2:(y + 1) * width * 3:3] = row[0::4]
    return Image(width, height, bytes(out))


def share(image, colour, tolerance=2):
    """The share of pixels within `tolerance` of `colour` in every channel (every 4th pixel)."""
    r0, g0, b0 = colour
    rgb = image.rgb
    hits = total = 0
    for i in range(0, len(rgb), 12):
        total += 1
        if abs(rgb[i] - r0) <= tolerance and abs(rgb[i + 1] - g0) <= tolerance and abs(rgb[i + 2] - b0) <= tolerance:
            hits += 1
    return hits / max(total, 1)


def hex_colour(text):
    """"F6F3EE" -> (246, 243, 238)."""
    value = int(text, 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def fills(image, background, margin=8):
    """Why `image` is not an app's screen filling it, or "" when it is: the theme's background
    covers at least a quarter of it and of each edge strip (its four sides), something else
    (text) is drawn on it, and there is no black left anywhere, edges included."""
    w, h = image.width, image.height
    problems = []
    whole = share(image, background)
    if whole < 0.25:
        problems.append(f"background {background} covers {whole:.0%} of the picture")
    black = share(image, (0, 0, 0), tolerance=1) if background != (0, 0, 0) else 0.0
    if black > 0.005:
        problems.append(f"{black:.1%} of the picture is black")
    if whole > 0.995:
        problems.append("nothing but the background is drawn")
    strips = {"top": (0, margin, w, margin), "bottom": (0, h - 2 * margin, w, margin),
              "left": (margin, 0, margin, h), "right": (w - 2 * margin, 0, margin, h)}
    for name, box in strips.items():
        part = image.crop(*box)
        if share(part, background) < 0.25:
            problems.append(f"the {name} edge is not the app's background ({share(part, background):.0%})")
    return "; ".join(problems)
