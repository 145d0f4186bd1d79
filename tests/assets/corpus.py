"""Hostile and awkward uploads, generated in memory so no binary is ever committed."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

CAMERA_MAKE = "SpyCam-9000"  # planted in EXIF; must never reach a stored file
HTML = b"<script>alert(document.cookie)</script>"
ORIENTATION_ROTATE_90 = 6  # EXIF: rotate 90° clockwise to display upright


def upload(name: str, data: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def image_bytes(size=(800, 600), fmt="PNG", color=(200, 80, 40), **save) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt, **save)
    return buf.getvalue()


def image(size=(800, 600), fmt="PNG", color=(200, 80, 40)) -> SimpleUploadedFile:
    ext = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    return upload(f"photo.{ext}", image_bytes(size, fmt, color), f"image/{fmt.lower()}")


def bomb_png(width=50_000, height=50_000) -> SimpleUploadedFile:
    """A ~70-byte PNG whose IHDR claims billions of pixels (CRC fixed so it parses)."""
    data = bytearray(image_bytes((1, 1)))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return upload("bomb.png", bytes(data))


def gif_bytes(frames: int, size=(1, 1)) -> bytes:
    images = [Image.new("P", size, i % 2) for i in range(frames)]
    for im in images:
        im.putpalette([0, 0, 0, 255, 255, 255])
    buf = io.BytesIO()
    images[0].save(buf, format="GIF", save_all=True, append_images=images[1:], duration=40)
    return buf.getvalue()


def many_frames_gif(frames=500) -> SimpleUploadedFile:
    return upload("flipbook.gif", gif_bytes(frames), "image/gif")


def wide_animation_gif(frames=2, width=8000, height=8000) -> SimpleUploadedFile:
    """Each frame is under Pillow's pixel cap, but frames × pixels is well over it."""
    data = bytearray(gif_bytes(frames))
    data[6:10] = struct.pack("<HH", width, height)  # the logical screen descriptor
    return upload("wide.gif", bytes(data), "image/gif")


def fake_gif_html() -> SimpleUploadedFile:
    """Passes a naive magic-bytes check, but is really a web page."""
    return upload("cat.gif", b"GIF89a/*<html><body>" + HTML + b"</body></html>", "image/gif")


def polyglot_gif() -> SimpleUploadedFile:
    """A real, decodable GIF carrying HTML in a comment extension and after its trailer."""
    buf = io.BytesIO()
    Image.new("P", (64, 48), 1).save(buf, format="GIF", comment=b"<html>" + HTML)
    return upload("polyglot.gif", buf.getvalue() + b"<html>" + HTML + b"</html>", "image/gif")


def svg_with_script() -> SimpleUploadedFile:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        + HTML
        + b'<rect width="10" height="10"/></svg>'
    )
    return upload("logo.svg", svg, "image/svg+xml")


def gps_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKE  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPSInfo
    if orientation:
        exif[0x0112] = orientation
    return exif


def xmp() -> bytes:
    return f"<x:xmpmeta><tiff:Make>{CAMERA_MAKE}</tiff:Make></x:xmpmeta>".encode()


def png_with_gps() -> SimpleUploadedFile:
    text = PngImagePlugin.PngInfo()
    text.add_itxt("XML:com.adobe.xmp", xmp().decode())
    text.add_text("Comment", CAMERA_MAKE)
    data = image_bytes(
        (800, 600), "PNG", exif=gps_exif(), icc_profile=b"fake-icc-profile", pnginfo=text
    )
    return upload("holiday.png", data)


def jpeg_with_gps_rotated(size=(800, 600)) -> SimpleUploadedFile:
    """Stored landscape, tagged to display portrait (orientation 6)."""
    exif = gps_exif(ORIENTATION_ROTATE_90)
    data = image_bytes(size, "JPEG", exif=exif, xmp=xmp(), comment=CAMERA_MAKE.encode())
    return upload("phone.jpg", data, "image/jpeg")


def truncated_jpeg() -> SimpleUploadedFile:
    data = image_bytes((640, 480), "JPEG", color=(10, 120, 200))
    return upload("half.jpg", data[: len(data) // 2], "image/jpeg")


def tiff_named_jpg() -> SimpleUploadedFile:
    return upload("scan.jpg", image_bytes((64, 64), "TIFF"), "image/jpeg")


def pdf() -> SimpleUploadedFile:
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return upload("resume.pdf", data, "application/pdf")


def html() -> SimpleUploadedFile:
    return upload("page.png", b"<!doctype html><html><body>" + HTML + b"</body></html>")


def eps() -> SimpleUploadedFile:
    """Pillow can parse EPS (and would run Ghostscript to draw it): it must not get that far."""
    data = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n%%EndComments\nshowpage\n"
    return upload("logo.eps", data, "application/postscript")


def thirty_megabytes() -> SimpleUploadedFile:
    return upload("huge.png", b"\x89PNG\r\n\x1a\n" + bytes(30 * 1024 * 1024))
