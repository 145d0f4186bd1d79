from datetime import date

import pytest
from playwright.sync_api import Page, expect

from apps.assets.models import Asset
from apps.blocks.registry import BLOCK_TYPES
from apps.blocks.validation import clean_pages, new_id
from apps.library.models import Education, Experience, Project, Skill
from apps.portfolios.design import THEMES
from apps.portfolios.models import Portfolio
from apps.resumes.models import Resume
from tests.conftest import image_upload, make_user
from tests.e2e.conftest import shot

VIEWPORTS = {1280: {"width": 1280, "height": 860}, 390: {"width": 390, "height": 844}}
EMBED = "<!doctype html><title>Video</title><p>A video player</p>"


def picture(owner, name: str, color, size=(960, 640), alt: str = "") -> str:
    asset, _ = Asset.create_from_upload(owner, image_upload(size=size, name=name, color=color))
    asset.alt_text = alt
    asset.save(update_fields=["alt_text"])
    return str(asset.pk)


def a_portfolio_with_every_block() -> Portfolio:
    grace = make_user("grace@example.com", name="Grace Hopper", title="Compiler pioneer")
    portrait = picture(grace, "grace.png", (40, 60, 120), (640, 640), "Grace at her desk")
    shots = [picture(grace, f"shot-{n}.png", (30 * n, 140, 90)) for n in range(1, 4)]
    cv = Resume.objects.create(owner=grace, title="Compilers", slug="grace-cv")
    cv.publish(by=grace)
    compiler = Project.objects.create(
        owner=grace,
        title="A-0 System",
        summary="The first compiler: routines on tape, linked by a program.",
        description="<p>It turned <strong>mathematical notation</strong> into machine code.</p>",
        cover_id=shots[0],
        images=shots[1:],
        technologies=["UNIVAC I", "Tape", "Assembly"],
        live_url="https://example.com/a0",
        repo_url="https://github.com/example/a0",
        case_study_url="https://example.com/a0/story",
        start_date=date(1951, 1, 1),
        end_date=date(1952, 6, 1),
        featured=True,
    )
    Project.objects.create(
        owner=grace,
        title="FLOW-MATIC, the first English-like data processing language",
        summary="Business programs in words people read.",
        technologies=["UNIVAC II"],
        featured=True,
        position=1,
    )
    for name, category, level in [
        ("COBOL", "language", 4),
        ("Assembly", "language", 3),
        ("Debugging", "tool", 4),
        ("Teaching", "soft", 3),
    ]:
        Skill.objects.create(owner=grace, name=name, category=category, level=level)
    Experience.objects.create(
        owner=grace,
        company="US Navy",
        role="Rear admiral",
        location="Washington, D.C.",
        start_date=date(1967, 8, 1),
        current=True,
        highlights=["Standardised COBOL across the Navy", "Taught a nanosecond with a wire"],
        technologies=["COBOL"],
    )
    Education.objects.create(
        owner=grace,
        school="Yale University",
        degree="PhD",
        field="Mathematics",
        start_date=date(1930, 9, 1),
        end_date=date(1934, 6, 1),
        notes="Thesis on irreducibility criteria.",
    )
    content = {
        "hero": {
            "heading": "Grace Hopper",
            "subheading": "I make computers speak English.\nNavy officer, teacher, debugger.",
            "image": portrait,
            "cta_label": "Write to me",
            "cta_url": "mailto:grace@example.com",
        },
        "about": {
            "body": "<p>I wrote the first compiler.</p><ul><li>COBOL</li><li>Bugs</li></ul>",
            "image": shots[2],
        },
        "rich_text": {
            "heading": "Notes",
            "body": '<h3>On bugs</h3><p>See <a href="https://example.com">the moth</a>.</p>'
            "<blockquote><p>It’s easier to ask forgiveness.</p></blockquote>",
        },
        "projects": {"items": [], "layout": "grid"},
        "case_study": {"project": str(compiler.pk)},
        "skills": {"show_levels": True},
        "experience": {},
        "education": {},
        "testimonials": {
            "items": [
                {"quote": "A born teacher.", "name": "Howard Aiken", "role": "Harvard"},
                {"quote": "She found the bug.", "name": "A colleague", "role": ""},
            ]
        },
        "gallery": {"heading": "Pictures", "images": shots, "columns": 3},
        "stats": {
            "heading": "In numbers",
            "items": [
                {"value": "42", "label": "years of service"},
                {"value": "1", "label": "moth found"},
            ],
        },
        "links": {
            "items": [
                {"platform": "github", "url": "https://github.com/example"},
                {"platform": "linkedin", "url": "https://linkedin.com/in/x"},
                {"platform": "email", "url": "grace@example.com"},
            ]
        },
        "contact": {
            "text": "Letters welcome.\nReplies slow.",
            "email": "grace@example.com",
            "show_form": True,
        },
        "cta": {"text": "Need a compiler?", "button_url": "https://example.com/hire"},
        "video": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": "A lecture"},
        "divider": {"style": "line", "size": "lg"},
        "resume": {"resume": cv.pk.hex, "heading": "My resume"},
    }
    blocks = [
        {"id": new_id(), "type": kind, "rev": 1, "data": content[kind]} for kind in BLOCK_TYPES
    ]
    portfolio = Portfolio.objects.create(
        owner=grace,
        title="Grace Hopper",
        slug="grace",
        pages=clean_pages([{"id": new_id(), "slug": "home", "title": "Home", "blocks": blocks}]),
    )
    portfolio.publish()
    return portfolio


def rgb(color: str) -> str:
    return "rgb({}, {}, {})".format(*(int(color[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_theme_light_and_dark_is_sound_and_fits(page: Page, width: int):
    portfolio = a_portfolio_with_every_block()
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda r: r.fulfill(body=EMBED, content_type="text/html"),
    )
    page.set_viewport_size(VIEWPORTS[width])
    page.emulate_media(reduced_motion="reduce")

    for theme in THEMES:
        for mode in ("light", "dark"):
            portfolio.set_design({"theme": theme, "mode": mode})
            portfolio.publish()
            # A fresh address each time: browsers may keep a public page for a minute.
            page.goto(f"/p/{portfolio.slug}/?look={theme}-{mode}")

            body = page.locator("body")
            expect(body).to_contain_class(f"theme-{theme}")
            expect(body).to_have_css("background-color", rgb(THEMES[theme][mode]["background"]))
            expect(page.locator("h1")).to_have_count(1)
            expect(page.locator("img:not([alt])")).to_have_count(0)
            for landmark in ("banner", "main", "contentinfo"):
                expect(page.get_by_role(landmark)).to_have_count(1)
            expect(page.locator("main section.block")).to_have_count(len(BLOCK_TYPES) - 1)
            page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
            for image in page.locator("img").all():
                expect(image).to_have_js_property("complete", True)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{theme} {mode} is {overflow}px too wide at {width}px"
            shot(page, f"theme-{theme}-{mode}-{width}")
