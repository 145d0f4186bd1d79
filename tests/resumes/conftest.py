import json
from pathlib import Path

import pytest

from apps.resumes.content import clean_content
from apps.resumes.models import Resume

SAMPLE = json.loads((Path(__file__).parent / "data" / "sample.resume.json").read_text())


@pytest.fixture
def resume(alice) -> Resume:
    return Resume.objects.create(
        owner=alice,
        title="Backend roles",
        slug="alice-cv",
        content=clean_content(SAMPLE, assign_ids=True),
    )


def item(resume: Resume, section: str, index: int = 0) -> dict:
    resume.refresh_from_db()
    return resume.content[section][index]
