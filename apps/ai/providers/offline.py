"""The offline provider: no network, no key. Text comes from the deterministic writer
(apps/ai/writer.py) working on the person's own data; images are abstract compositions drawn
with Pillow from a seed made of the prompt. Results say `offline=True` so the UI can label them.
"""

import hashlib
import io
import json
import math
import random
import re
import time

from django.conf import settings
from PIL import Image, ImageDraw, ImageFilter

from .. import jobs, writer
from .base import ASPECTS, AIError, Prompt, Provider, Result, Stream, estimate_tokens


def _text(prompt: Prompt) -> str:
    data = prompt.inputs
    text = str(data.get("text") or "")
    tone = str(data.get("tone") or "")
    match prompt.task:
        case "hero":
            return writer.hero(data, text, tone)
        case "about":
            return writer.about(data, text, tone)
        case "project":
            return writer.project(
                str(data.get("title") or ""),
                list(data.get("technologies") or []),
                str(data.get("notes") or ""),
            )
        case "improve":
            return writer.improve(text)
        case "shorten":
            return writer.shorten(text)
        case "expand":
            return writer.expand(text, data)
        case "grammar":
            return writer.fix_grammar(text)
        case "tone":
            return writer.change_tone(text, tone or "professional")
        case "resume_summary":
            return writer.resume_summary(data, text, tone)
        case "highlights":
            return writer.highlights(dict(data.get("job") or {}), str(data.get("notes") or ""))
        case "cover_letter":
            return jobs.cover_letter(
                dict(data.get("resume") or {}), str(data.get("job_description") or ""), tone
            )
    raise AIError("unsupported", "The offline writer cannot do this task.")


def _data(prompt: Prompt) -> dict:
    data = prompt.inputs
    match prompt.task:
        case "skills":
            return writer.skills(data)
        case "tailor":
            return jobs.tailor(dict(data.get("resume") or {}), str(data.get("job_description")))
        case "mentor":
            return writer.mentor(
                list(data.get("portfolio") or []), list(data.get("findings") or [])
            )
        case "ask":
            return writer.answer(str(data.get("question") or ""), list(data.get("blocks") or []))
        case "summary":
            return writer.summary(list(data.get("blocks") or []))
    raise AIError("unsupported", "The offline writer cannot do this task.")


class OfflineProvider(Provider):
    name = "offline"
    offline = True
    model = "offline-writer"
    image_model = "offline-shapes"

    def generate(self, prompt: Prompt) -> Result:
        text = _text(prompt).strip()
        if not text:
            raise AIError("malformed", "There was not enough to write from. Add some text first.")
        return self._result(prompt, text)

    def stream(self, prompt: Prompt, schema: dict | None = None) -> Stream:
        text = self.generate_json(prompt, schema).text if schema else self.generate(prompt).text
        stream = Stream(_words(text), model=self.model, offline=True)
        stream.tokens_in = estimate_tokens(prompt.system + prompt.user)
        return stream

    def generate_json(self, prompt: Prompt, schema: dict) -> Result:
        data = _data(prompt)
        return self._result(prompt, json.dumps(data), data=data)

    def _result(self, prompt: Prompt, text: str, data=None) -> Result:
        tokens_in = estimate_tokens(prompt.system + prompt.user)
        return Result(text, tokens_in, estimate_tokens(text), self.model, offline=True, data=data)

    def generate_image(self, prompt: str, aspect: str, style: str) -> bytes:
        return abstract_image(prompt, aspect, style)


def _words(text: str):
    """The text a word at a time, as a model streams it."""
    for piece in re.findall(r"\S+\s*|\s+", text):
        if settings.AI_OFFLINE_STREAM_DELAY:
            time.sleep(settings.AI_OFFLINE_STREAM_DELAY)
        yield piece


PALETTES = {
    "photo": [(34, 49, 63), (230, 126, 34), (236, 240, 241), (52, 152, 219)],
    "illustration": [(255, 209, 102), (6, 214, 160), (17, 138, 178), (239, 71, 111)],
    "abstract": [(124, 58, 237), (236, 72, 153), (250, 204, 21), (15, 23, 42)],
    "3d": [(99, 102, 241), (168, 85, 247), (236, 254, 255), (30, 41, 59)],
    "line": [(250, 250, 249), (28, 25, 23), (120, 113, 108), (214, 211, 209)],
}


def abstract_image(prompt: str, aspect: str, style: str) -> bytes:
    """A deterministic composition: the same prompt, aspect and style give the same picture."""
    width, height = ASPECTS.get(aspect, ASPECTS["1:1"])
    width, height = width // 2, height // 2  # plenty for an offline placeholder
    seed = hashlib.sha256(f"{prompt}|{aspect}|{style}".encode()).digest()
    rng = random.Random(seed)  # noqa: S311 — art, not security
    palette = PALETTES.get(style, PALETTES["abstract"])
    colors = rng.sample(palette, len(palette))
    image = Image.new("RGB", (width, height), colors[0])
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(12 + seed[0] % 10):
        color = (*rng.choice(colors[1:]), rng.randint(70, 200))
        x, y = rng.randint(-width // 4, width), rng.randint(-height // 4, height)
        size = rng.randint(min(width, height) // 8, min(width, height) // 2)
        shape = rng.choice(("circle", "rect", "line") if style != "line" else ("line",))
        if shape == "circle":
            draw.ellipse((x, y, x + size, y + size), fill=color)
        elif shape == "rect":
            angle = rng.random() * math.pi
            points = [
                (
                    x + size * math.cos(angle + k * math.pi / 2),
                    y + size * math.sin(angle + k * math.pi / 2),
                )
                for k in range(4)
            ]
            draw.polygon(points, fill=color)
        else:
            draw.line(
                (x, y, x + size, y + rng.randint(-size, size)),
                fill=color,
                width=max(2, size // 20),
            )
    if style in ("photo", "3d"):
        image = image.filter(ImageFilter.GaussianBlur(radius=min(width, height) // 60 or 1))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
