import io
from datetime import date

from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw

from apps.accounts.models import User
from apps.assets.models import Asset
from apps.library.models import Education, Experience, Project, Skill
from apps.portfolios.models import Portfolio
from apps.resumes.library import resume_from_library
from apps.resumes.models import Resume

DEMO_EMAIL = "demo@grooya.test"
DEMO_PASSWORD = "grooya-demo-2026"
DEMO_SLUG = "ada-lovelace"

PROJECTS = [
    (
        "Analytical Engine notes",
        "The first published algorithm, for Bernoulli numbers.",
        ["Mathematics", "Algorithms"],
        True,
        (124, 58, 237),
    ),
    (
        "Loom patterns",
        "Punched-card patterns that weave algebra into silk.",
        ["Jacquard", "Design"],
        True,
        (225, 29, 72),
    ),
    (
        "Poetical science",
        "Essays on imagination as a scientific instrument.",
        ["Writing"],
        False,
        (4, 120, 87),
    ),
]
SKILLS = [
    ("Mathematics", "language", 4),
    ("Algorithms", "framework", 4),
    ("Technical writing", "soft", 3),
    ("Translation", "soft", 3),
    ("Jacquard loom", "tool", 2),
]


class Command(BaseCommand):
    help = (
        "Create (or refresh) the demo creator, a library, a published portfolio and a "
        "published resume. Re-runnable."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        user, created = User.objects.get_or_create(
            email=DEMO_EMAIL,
            defaults={
                "name": "Ada Lovelace",
                "title": "Analyst & programmer",
                "bio": "I write notes on engines that weave algebraic patterns.\n"
                "I believe imagination is the discovering faculty.",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
        )
        if not Project.objects.filter(owner=user).exists():
            self.library(user)
        if not Portfolio.objects.filter(owner=user).exists():
            portfolio = Portfolio.create_for(
                user,
                title="Ada Lovelace",
                goal="job",
                role="Analyst",
                theme="editorial",
                from_library=True,
            )
            if portfolio.slug != DEMO_SLUG and not Portfolio.objects.filter(slug=DEMO_SLUG):
                portfolio.change_slug(DEMO_SLUG)
            portfolio.publish(by=user)
        if not Resume.objects.filter(owner=user).exists():
            self.resume(user)
        verb = "Created" if created else "Refreshed"
        slug = Portfolio.objects.filter(owner=user).values_list("slug", flat=True).first()
        resume_slug = Resume.objects.filter(owner=user).values_list("slug", flat=True).first()
        self.stdout.write(self.style.SUCCESS(f"{verb} the demo creator account."))
        self.stdout.write("  Sign in at http://127.0.0.1:8000/accounts/login/")
        self.stdout.write(f"  email:    {DEMO_EMAIL}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        self.stdout.write(f"  published portfolio: http://127.0.0.1:8000/p/{slug}/")
        self.stdout.write(f"  published resume:    http://127.0.0.1:8000/r/{resume_slug}/")

    def resume(self, user: User) -> None:
        """A resume made from the library as the "from my library" choice makes it."""
        made = resume_from_library(
            user,
            profile=True,
            show_email=False,
            experiences=Experience.objects.filter(owner=user),
            educations=Education.objects.filter(owner=user),
            projects=Project.objects.filter(owner=user, featured=True),
            skills=Skill.objects.filter(owner=user),
        )
        resume = Resume.create_for(user, title="Analyst roles", content=made.content)
        resume.publish(by=user)

    def library(self, user: User) -> None:
        user.avatar = _image(user, "Portrait", (250, 204, 21), square=True)
        user.save(update_fields=["avatar"])
        for position, (title, summary, tech, featured, color) in enumerate(PROJECTS):
            Project.objects.create(
                owner=user,
                title=title,
                summary=summary,
                position=position,
                description=f"<p>{summary}</p><p>Built with care, one card at a time.</p>",
                technologies=tech,
                featured=featured,
                cover=_image(user, title, color),
                start_date=date(1842, 1 + position, 1),
                end_date=date(1843, 1 + position, 1),
                live_url="https://example.com/",
            )
        for name, category, level in SKILLS:
            Skill.objects.create(owner=user, name=name, category=category, level=level)
        Experience.objects.create(
            owner=user,
            company="Analytical Society",
            role="Analyst",
            location="London",
            start_date=date(1842, 1, 1),
            current=True,
            highlights=[
                "Translated and annotated Menabrea’s paper",
                "Wrote the first computer program",
            ],
            technologies=["Mathematics"],
        )
        Education.objects.create(
            owner=user,
            school="Private tutors",
            degree="Mathematics",
            field="Algebra and logic",
            start_date=date(1830, 1, 1),
            end_date=date(1840, 1, 1),
        )


def _image(user: User, title: str, color: tuple, square: bool = False) -> Asset:
    size = (800, 800) if square else (1600, 1000)
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for i in range(0, size[0], 80):
        draw.line(
            [(i, 0), (i + size[1], size[1])], fill=tuple(min(255, c + 40) for c in color), width=18
        )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    upload = SimpleUploadedFile(f"{title}.jpg", buffer.getvalue(), content_type="image/jpeg")
    asset, _ = Asset.create_from_upload(user, upload, title=title)
    if not asset.alt_text:
        asset.alt_text = f"{title}: an illustration in Ada’s colours"
        asset.save(update_fields=["alt_text"])
    return asset
