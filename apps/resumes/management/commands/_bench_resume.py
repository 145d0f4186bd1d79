"""Realistic resumes of any length, for `make bench` and the tests: the same words every time
(a seeded generator), written as people write resumes — a headline, a summary, positions with
four or five achievements each, schools, skills, and for the academic CV publications."""

import random

from apps.resumes.content import DEFAULT_LAYOUT, clean_content

COMPANIES = (
    "Northwind Analytics", "Helios Robotics", "Blue Fjord Systems", "Kestrel Health",
    "Copperleaf Bank", "Atlas Freight", "Lumen Studio", "Quarry Labs", "Tidewater Energy",
    "Orchard Software", "Meridian Maps", "Fieldstone Media",
)  # fmt: skip
ROLES = (
    "Senior Backend Engineer", "Staff Software Engineer", "Engineering Manager",
    "Data Engineer", "Platform Engineer", "Software Engineer", "Tech Lead",
)  # fmt: skip
VERBS = (
    "Led", "Designed", "Built", "Cut", "Shipped", "Migrated", "Mentored", "Automated",
    "Rewrote", "Introduced", "Scaled", "Reduced",
)  # fmt: skip
THINGS = (
    "the billing pipeline", "a real-time pricing service", "the public API",
    "the deployment process", "search relevance", "the data warehouse", "on-call rotations",
    "the mobile checkout", "observability across 40 services", "a feature-flag platform",
)  # fmt: skip
RESULTS = (
    "cutting p95 latency by 38%", "saving 120k EUR a year", "for 3 million monthly users",
    "with zero downtime", "raising conversion by 4.2%", "in six weeks",
    "halving incident count", "across four teams",
)  # fmt: skip
SKILLS = {
    "Backend": ["Python", "Django", "PostgreSQL", "Redis", "Celery"],
    "Infrastructure": ["Kubernetes", "Terraform", "AWS", "Docker"],
    "Data": ["dbt", "Airflow", "BigQuery", "Kafka"],
    "Leadership": ["Hiring", "Mentoring", "Roadmaps"],
}
VENUES = ("VLDB", "SIGMOD", "ICSE", "OSDI", "EuroSys", "NSDI", "USENIX ATC")


def realistic_resume(
    work: int = 6, *, publications: int = 0, template: str = "classic", seed: int = 7
) -> dict:
    """A cleaned resume `content` with `work` positions (newest first)."""
    rng = random.Random(seed)
    year = 2026
    positions = []
    for index in range(work):
        start_year = max(year - rng.randint(1, 3), 1960)  # 500 positions: keep the dates real
        positions.append(
            {
                "position": rng.choice(ROLES),
                "name": f"{rng.choice(COMPANIES)}{'' if index < 12 else f' {index}'}",
                "location": rng.choice(("Berlin", "Amsterdam", "Remote", "London")),
                "url": f"https://example.com/company-{index}",
                "startDate": f"{start_year}-{rng.randint(1, 12):02d}",
                **({"endDate": f"{year}-{rng.randint(1, 12):02d}"} if index else {}),
                "summary": _sentence(rng) if index % 2 == 0 else "",
                "highlights": [_sentence(rng) for _ in range(rng.randint(4, 5))],
            }
        )
        year = start_year
    content = {
        "basics": {
            "name": "Maya Lindqvist",
            "label": "Senior Backend Engineer",
            "email": "maya@example.com",
            "phone": "+46 70 123 45 67",
            "url": "https://maya.example.com",
            "summary": (
                "Backend engineer with a decade of building payment and data platforms that "
                "stay fast under load. I like small teams, boring technology and measurable "
                "results."
            ),
            "location": {"city": "Stockholm", "countryCode": "SE"},
            "profiles": [
                {"network": "GitHub", "username": "maya", "url": "https://github.com/maya"},
                {"network": "LinkedIn", "url": "https://www.linkedin.com/in/maya-lindqvist"},
            ],
        },
        "work": positions,
        "education": [
            {
                "institution": "KTH Royal Institute of Technology",
                "studyType": "MSc",
                "area": "Computer Science",
                "startDate": "2010-09",
                "endDate": "2012-06",
            },
            {
                "institution": "Uppsala University",
                "studyType": "BSc",
                "area": "Mathematics",
                "startDate": "2007-09",
                "endDate": "2010-06",
            },
        ],
        "skills": [{"name": k, "level": "Expert", "keywords": v} for k, v in SKILLS.items()],
        "languages": [
            {"language": "Swedish", "fluency": "Native speaker"},
            {"language": "English", "fluency": "Fluent"},
        ],
        "publications": [
            {
                "name": f"{rng.choice(VERBS)} {rng.choice(THINGS)}: lessons from production",
                "publisher": rng.choice(VENUES),
                "releaseDate": f"{2024 - n // 3}-{rng.randint(1, 12):02d}",
                "summary": _sentence(rng),
            }
            for n in range(publications)
        ],
        "meta": {"grooya": {**DEFAULT_LAYOUT, "template": template}},
    }
    return clean_content(content, assign_ids=True)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(THINGS)}, {rng.choice(RESULTS)}."
