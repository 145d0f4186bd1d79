import datetime

import pytest

from apps.library.models import Education, Experience, Project, Skill


@pytest.fixture
def make_project():
    def make(owner, **fields) -> Project:
        fields.setdefault("title", "Weather app")
        fields.setdefault("position", Project.objects.owned_by(owner).top_position())
        return Project.objects.create(owner=owner, **fields)

    return make


@pytest.fixture
def make_skill():
    def make(owner, **fields) -> Skill:
        fields.setdefault("name", "Python")
        fields.setdefault("category", Skill.Category.LANGUAGE)
        return Skill.objects.create(owner=owner, **fields)

    return make


@pytest.fixture
def make_experience():
    def make(owner, **fields) -> Experience:
        fields.setdefault("company", "Acme")
        fields.setdefault("role", "Developer")
        fields.setdefault("start_date", datetime.date(2020, 1, 1))
        fields.setdefault("current", "end_date" not in fields)
        return Experience.objects.create(owner=owner, **fields)

    return make


@pytest.fixture
def make_education():
    def make(owner, **fields) -> Education:
        fields.setdefault("school", "Open University")
        return Education.objects.create(owner=owner, **fields)

    return make


from tests.ai.conftest import fake_server, openai_server  # noqa: E402, F401 (AI fixtures)
