"""Colour arithmetic on #rrggbb strings: WCAG contrast, mixing, and a shade readable on given
backgrounds. Used by portfolio designs and their checks, resume accents and link previews."""


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0–1) of the way towards `other`."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def readable_on(color: str, backgrounds: tuple[str, ...], ratio: float = 4.5) -> str:
    """`color`, darkened in small steps until it has `ratio` contrast on every background."""
    shade = color
    for step in range(1, 21):
        if all(contrast_ratio(shade, bg) >= ratio for bg in backgrounds):
            return shade
        shade = mix(color, "#000000", step * 0.05)
    return "#000000"
