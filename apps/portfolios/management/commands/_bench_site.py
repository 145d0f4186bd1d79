"""What `make bench` measures: a realistic portfolio with a full library, and the same content
rendered by a plain Django view and template (the baseline a cold render is held to)."""

import io
from datetime import date
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.template import engines
from PIL import Image, ImageDraw

from apps.accounts.models import User
from apps.assets.models import Asset
from apps.blocks.validation import clean_pages, new_id
from apps.library.models import Education, Experience, Project, Skill
from apps.portfolios.design import first_paint_fonts
from apps.portfolios.models import Portfolio
from apps.portfolios.rendering import theme_css

PARAGRAPHS = (
    "<p>I design and build calm, fast interfaces for products people use every day. For the "
    "last eight years I have worked with <strong>small teams</strong> that ship often, and I "
    "care as much about the last 10% of polish as about the first sketch.</p>"
    "<p>Before that I studied typography and spent two years in a print studio, which is where "
    "my love for <em>grids, rhythm and white space</em> comes from. I write about it on my "
    '<a href="https://example.com/notes">notes page</a>.</p>'
    "<ul><li>Design systems that teams actually adopt</li><li>Accessible, responsive front "
    "ends</li><li>Research that ends in a decision</li></ul>"
)
PROJECTS = [
    ("Atlas design system", "Tokens, components and docs for six product teams.", True),
    ("Harbor checkout", "A checkout that cut abandoned carts by a fifth.", True),
    ("Field notes app", "Offline-first note taking for researchers in the field.", True),
    ("Lumen dashboards", "Analytics that answer one question per screen.", True),
    ("Tidy onboarding", "From sign-up to first value in under two minutes.", False),
    ("Quay open data", "Port traffic as an open, searchable dataset.", False),
    ("Marlow brand refresh", "A type-led identity for a century-old bookshop.", True),
    ("Pilot accessibility audit", "WCAG 2.2 audit and fixes across a banking app.", False),
]
SKILLS = [
    ("TypeScript", "language", 4),
    ("Python", "language", 3),
    ("CSS", "language", 4),
    ("React", "framework", 3),
    ("Django", "framework", 3),
    ("Figma", "design", 4),
    ("Prototyping", "design", 4),
    ("Design systems", "design", 4),
    ("Accessibility", "design", 3),
    ("Git", "tool", 3),
    ("Workshops", "soft", 4),
    ("Mentoring", "soft", 3),
]
QUOTES = [
    {
        "quote": "The clearest designer I have worked with: every decision came with a reason.",
        "name": "Priya Raman",
        "role": "VP Product, Harbor",
    },
    {
        "quote": "Our teams stopped arguing about buttons and started shipping features.",
        "name": "Tom Okafor",
        "role": "Engineering lead, Atlas",
    },
    {
        "quote": "Research that ended in a decision, in two weeks instead of two months.",
        "name": "Lena Vogel",
        "role": "Founder, Field notes",
    },
]


def seed_library(user: User) -> None:
    """Projects with covers and descriptions, skills, experience, education, a portrait and
    gallery images (made once; later runs reuse them)."""
    if Project.objects.filter(owner=user).count() == len(PROJECTS):
        return
    Project.objects.filter(owner=user).delete()
    Asset.objects.owned_by(user).delete_with_files()
    user.avatar = _picture(user, "Portrait", (250, 204, 21), square=True)
    user.save(update_fields=["avatar"])
    for n, (title, summary, featured) in enumerate(PROJECTS):
        Project.objects.create(
            owner=user,
            title=title,
            summary=summary,
            description=f"<p>{summary}</p>{PARAGRAPHS}",
            technologies=["Figma", "TypeScript", "React", "Accessibility"][: 2 + n % 3],
            featured=featured,
            cover=_picture(user, title, (40 + 25 * n, 90, 200 - 15 * n)),
            start_date=date(2018 + n % 6, 1 + n, 1),
            end_date=date(2019 + n % 6, 1 + n, 1),
            live_url="https://example.com/",
            repo_url="https://github.com/example/project" if n % 2 else "",
            position=n,
        )
    for name, category, level in SKILLS:
        Skill.objects.create(owner=user, name=name, category=category, level=level)
    for n, (company, role) in enumerate(
        [
            ("Harbor", "Lead designer"),
            ("Atlas Labs", "Senior designer"),
            ("Studio Nord", "Designer"),
        ]
    ):
        Experience.objects.create(
            owner=user,
            company=company,
            role=role,
            location="Berlin" if n else "Remote",
            start_date=date(2021 - 3 * n, 3, 1),
            end_date=None if n == 0 else date(2024 - 3 * n, 2, 1),
            current=n == 0,
            highlights=[
                "Led the design system used by six product teams",
                "Cut checkout abandonment by 21% with a two-step flow",
                "Ran weekly research sessions with customers",
            ],
            technologies=["Figma", "React", "Storybook"],
        )
    Education.objects.create(
        owner=user,
        school="University of the Arts",
        degree="MA",
        field="Interaction design",
        start_date=date(2012, 10, 1),
        end_date=date(2014, 7, 1),
    )
    Education.objects.create(
        owner=user, school="Typography summer school", degree="Certificate", notes="Type design"
    )
    for n in range(6):
        _picture(user, f"Gallery {n + 1}", (200 - 20 * n, 120, 60 + 25 * n))


def realistic_blocks(user: User) -> list[dict]:
    """Twenty blocks as a person would fill them: every library kind, images, rich text."""
    projects = [str(pk) for pk in Project.objects.filter(owner=user).values_list("pk", flat=True)]
    gallery = Asset.objects.owned_by(user).filter(title__startswith="Gallery")
    images = [str(pk) for pk in gallery.order_by("title").values_list("pk", flat=True)]
    avatar = str(user.avatar_id)
    specs = [
        ("hero", {"heading": "Maya Lindqvist", "subheading": "Product designer in Berlin.\n"
                  "I make complicated things feel simple.", "image": avatar,
                  "cta_label": "See my work", "cta_url": "https://example.com/work"}),
        ("about", {"heading": "About me", "body": PARAGRAPHS, "image": avatar}),
        ("stats", {"heading": "In numbers", "items": [
            {"value": "8", "label": "years of product design"},
            {"value": "40+", "label": "launches"},
            {"value": "6", "label": "teams on one design system"},
            {"value": "21%", "label": "fewer abandoned carts"}]}),
        ("projects", {"heading": "Selected work", "items": projects[:6], "layout": "grid"}),
        ("rich_text", {"heading": "How I work", "body": PARAGRAPHS}),
        ("case_study", {"project": projects[1], "heading": ""}),
        ("skills", {"heading": "Skills", "show_levels": True}),
        ("experience", {"heading": "Experience", "items": []}),
        ("testimonials", {"heading": "Kind words", "items": QUOTES}),
        ("gallery", {"heading": "Sketchbook", "images": images, "columns": 3}),
        ("rich_text", {"heading": "Speaking", "body": PARAGRAPHS}),
        ("education", {"heading": "Education", "items": []}),
        ("links", {"heading": "Find me online", "items": [
            {"platform": "github", "url": "https://github.com/example"},
            {"platform": "linkedin", "url": "https://www.linkedin.com/in/example"},
            {"platform": "dribbble", "url": "https://dribbble.com/example"},
            {"platform": "mastodon", "url": "https://mastodon.social/@example"},
            {"platform": "website", "url": "https://example.com"},
            {"platform": "email", "url": "mailto:maya@example.com"}]}),
        ("video", {"heading": "A short talk", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                   "caption": "Design systems that teams adopt (12 min)"}),
        ("projects", {"heading": "More projects", "items": projects[5:], "layout": "list"}),
        ("rich_text", {"heading": "Now", "body": PARAGRAPHS}),
        ("testimonials", {"heading": "More kind words", "items": QUOTES[:2]}),
        ("cta", {"heading": "Have a project in mind?", "text": "I am taking on one new client "
                 "this spring.", "button_label": "Get in touch",
                 "button_url": "mailto:maya@example.com"}),
        ("divider", {"style": "line", "size": "md"}),
        ("contact", {"heading": "Let’s work together", "text": "Tell me about your product.",
                     "email": "maya@example.com"}),
    ]  # fmt: skip
    return [{"id": new_id(), "type": kind, "rev": 1, "data": data} for kind, data in specs]


def seed_portfolio(user: User, slug: str, size: int) -> Portfolio:
    """A published portfolio of `size` blocks: the realistic twenty, repeated as needed."""
    twenty = realistic_blocks(user)
    blocks = [{**twenty[i % len(twenty)], "id": new_id()} for i in range(size)]
    Portfolio.objects.filter(slug=slug).delete()
    portfolio = Portfolio.objects.create(
        owner=user,
        title=f"Bench {size}",
        slug=slug,
        pages=clean_pages([{"id": new_id(), "slug": "home", "title": "Home", "blocks": blocks}]),
    )
    portfolio.publish(by=user)
    return portfolio


def _picture(user: User, title: str, color: tuple, square: bool = False) -> Asset:
    size = (800, 800) if square else (1600, 1000)
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 80):
        draw.line([(x, 0), (x + size[1], size[1])], fill=(255, 255, 255), width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    upload = SimpleUploadedFile(f"{title}.jpg", buffer.getvalue(), content_type="image/jpeg")
    asset, _ = Asset.create_from_upload(user, upload, title=title)
    Asset.objects.filter(pk=asset.pk).update(alt_text=f"{title}, in blue and gold")
    return asset


# --- the baseline: a plain Django view and one flat template making the same page ------------

PLAIN_TEMPLATE = engines["django"].from_string(
    (Path(__file__).parent / "bench_plain.html").read_text()
)
PLATFORMS = {"github": "GitHub", "linkedin": "LinkedIn", "dribbble": "Dribbble"}


def plain_view(request, slug: str) -> HttpResponse:
    """What a straightforward Django view would do with the same published snapshot: one query,
    look up what each block shows in plain loops, render one template (bench_plain.html: the
    same markup as the block templates, written out in a single file, no includes)."""
    portfolio = Portfolio.objects.select_related("live").defer("pages").get(slug=slug)
    snap = portfolio.live.snapshot
    library = snap["library"]
    assets, projects = library["assets"], library["projects"]
    items = []
    for block in snap["pages"][0]["blocks"]:
        data, kind = block["data"], block["type"]
        item = {"block": block, "data": data}
        if kind in ("hero", "about"):
            item["image"] = assets.get(_hex(data["image"]))
        elif kind == "gallery":
            item["images"] = [assets[i] for i in map(_hex, data["images"]) if i in assets]
        elif kind == "projects":
            item["projects"] = [projects[i] for i in map(_hex, data["items"]) if i in projects]
        elif kind == "case_study":
            item["project"] = projects.get(_hex(data["project"]))
        elif kind == "skills":
            groups = {}
            for skill in library["skills"]:
                groups.setdefault(skill["category_label"], []).append(skill)
            item["groups"] = [{"label": k, "skills": v} for k, v in groups.items()]
        elif kind in ("experience", "education"):
            item["entries"] = library["experiences" if kind == "experience" else "educations"]
        elif kind == "links":
            item["links"] = [
                {**link, "label": PLATFORMS.get(link["platform"], link["platform"].title())}
                for link in data["items"]
            ]
        elif kind == "video":
            item["embed"] = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
        items.append(item)
    base_url = request.build_absolute_uri()
    page = snap["pages"][0]
    context = {
        "snap": snap,
        "page": page,
        "is_home": True,
        "nav": [{"title": page["title"], "url": base_url, "current": True}],
        "items": items,
        "profile": library["profile"],
        "theme_css": theme_css(snap["design"]),
        "fonts": first_paint_fonts(snap["design"]),
        "design": snap["design"],
        "base_url": base_url,
        "origin": "",
        "preview": False,
        "noindex": False,
    }
    return HttpResponse(PLAIN_TEMPLATE.render(context, request))


def _hex(value) -> str:
    return value.replace("-", "") if isinstance(value, str) else ""
