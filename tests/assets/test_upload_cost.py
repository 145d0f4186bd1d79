"""What the heaviest acceptable uploads cost a worker: at most 256 MB and 5 s of CPU each.

Each upload runs through Asset.create_from_upload — decode, re-encode, store, and (with the
immediate task backend) every rendition — in a fresh Python process, which reports its peak
resident memory above what it held before (the kernel's high-water mark, reset just before the
upload: Pillow's pixel buffers are invisible to tracemalloc, and getrusage's maximum includes
the parent's size at fork), and the CPU time it spent (wall time on a shared machine measures
the neighbours too).
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from PIL import Image, ImageDraw

from apps.assets.images import MAX_PIXELS
from tests.conftest import make_user

ROOT = Path(__file__).resolve().parents[2]
BUDGET_MB = 256
BUDGET_CPU_SECONDS = 5.0

MEASURE = """
import json, resource, sys, time
import django
import django.core.exceptions
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from apps.accounts.models import User
from apps.assets.models import Asset

def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20

def peak_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024

def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

owner = User.objects.get(email=sys.argv[2])
small = SimpleUploadedFile("warm.png", bytes.fromhex(sys.argv[3]), content_type="image/png")
Asset.create_from_upload(owner, small)  # imports, connections, codecs: not the upload's cost
data = open(sys.argv[1], "rb").read()
upload = SimpleUploadedFile(sys.argv[1].rsplit("/", 1)[-1], data)
with open("/proc/self/clear_refs", "w") as clear_refs:
    clear_refs.write("5")  # the high-water mark starts again from here
before, cpu, wall = resident_mb(), cpu_seconds(), time.perf_counter()
try:
    asset, _ = Asset.create_from_upload(owner, upload)
    outcome = {
        "stored": [asset.width, asset.height],
        "renditions": [r["w"] for r in asset.renditions["webp"]],
    }
except django.core.exceptions.ValidationError as refused:
    outcome = {"refused": refused.messages[0]}
peak = peak_mb()
print(json.dumps({
    "mb": round(peak - before, 1),
    "cpu": round(cpu_seconds() - cpu, 2),
    "wall": round(time.perf_counter() - wall, 2),
    **outcome,
}))
"""


def drawing(mode: str, size: tuple[int, int], shade: int = 0) -> Image.Image:
    """Lines and circles: compresses well (so it passes the byte cap), decodes at full cost."""
    bands = len(mode)
    image = Image.new(mode, size, (30 + shade, 90, 160, 255)[:bands])
    pen = ImageDraw.Draw(image)
    for x in range(0, size[0], 97):
        pen.line(
            [(x, 0), (size[0] - x, size[1])], fill=(200, 40 + shade, 40, 180)[:bands], width=7
        )
        pen.ellipse([x, x // 3, x + 240, x // 3 + 240], outline=(250, 220, shade, 255)[:bands])
    return image


def at_limit(kind: str, ratio: float = 1.5) -> tuple[int, int]:
    """The largest 3:2 size the limit for this kind allows."""
    height = int((MAX_PIXELS[kind] / ratio) ** 0.5)
    return int(height * ratio), height


def png_rgba() -> bytes:
    out = io.BytesIO()
    drawing("RGBA", at_limit("PNG")).save(out, "PNG", compress_level=1)
    return out.getvalue()


def progressive_cmyk_jpeg() -> bytes:
    out = io.BytesIO()
    drawing("CMYK", at_limit("progressive JPEG")).save(
        out, "JPEG", quality=95, progressive=True, subsampling=0
    )
    return out.getvalue()


def baseline_jpeg() -> bytes:
    out = io.BytesIO()
    drawing("RGB", at_limit("JPEG")).save(out, "JPEG", quality=90)
    return out.getvalue()


def webp_rgba() -> bytes:
    out = io.BytesIO()
    drawing("RGBA", at_limit("WEBP")).save(out, "WEBP", quality=80, method=0)
    return out.getvalue()


def gif_animation() -> bytes:
    """Ten frames, each with its own palette: Pillow decodes them as RGB and must re-quantise."""
    size = (2400, MAX_PIXELS["GIF"] // 10 // 2400)
    frames = [drawing("RGB", size, shade=20 * n).quantize(200) for n in range(10)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=80)
    return out.getvalue()


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def cost_of(upload: Path, email: str, media: Path) -> dict:
    warm = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 20, 30)).save(warm, "PNG")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "PYTEST_CURRENT_TEST"}},
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DEBUG": "true",
        "TASK_BACKEND": "immediate",  # renditions inside the measurement
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(media),
        "LOG_LEVEL": "WARNING",
    }
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(upload), email, warm.getvalue().hex()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "make",
    [png_rgba, progressive_cmyk_jpeg, baseline_jpeg, webp_rgba, gif_animation],
    ids=lambda make: make.__name__,
)
def test_the_heaviest_acceptable_upload_stays_within_its_memory_and_time_budget(
    transactional_db, tmp_path, make
):
    make_user("heavy@example.com")
    upload = tmp_path / f"{make.__name__}.bin"
    upload.write_bytes(make())
    assert upload.stat().st_size < 10 * 1024 * 1024  # under the byte cap, so it gets this far

    cost = cost_of(upload, "heavy@example.com", tmp_path / "media")

    print(f"{make.__name__}: {cost}")
    assert "refused" not in cost, cost
    assert max(cost["stored"]) <= 3840
    assert cost["renditions"][-1] == min(1920, cost["stored"][0])
    assert cost["mb"] < BUDGET_MB, cost
    assert cost["cpu"] < BUDGET_CPU_SECONDS, cost


def test_an_image_just_under_pillows_own_cap_is_refused_before_it_costs_anything(
    transactional_db, tmp_path
):
    # The sweep's 363 KB, 9400 × 9400 RGBA PNG cost ~1 GB and 15 s before the caps came down.
    make_user("heavy@example.com")
    upload = tmp_path / "huge.png"
    with Image.new("RGBA", (9400, 9400), (30, 90, 160, 255)) as image:
        image.save(upload, "PNG", compress_level=9)

    cost = cost_of(upload, "heavy@example.com", tmp_path / "media")

    assert cost["refused"].startswith("That image is 9400 × 9400 pixels; the limit for PNG")
    assert cost["mb"] < 16 and cost["cpu"] < 0.5, cost
