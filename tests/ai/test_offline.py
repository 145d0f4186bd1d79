"""The offline writer: useful, deterministic text from the person's own data, never an
invented fact; abstract images; results labelled offline."""

import io
from datetime import date

import pytest
from PIL import Image

from apps.ai import assistant
from apps.ai.honesty import unverified
from apps.ai.prompts import TASKS, build_prompt
from apps.ai.providers import get_provider
from apps.ai.providers.offline import abstract_image


@pytest.fixture
def library(alice):
    alice.bio = "I draw maps and book covers for small publishers."
    alice.save()
    alice.skills.create(name="Procreate", category="tool")
    alice.projects.create(
        title="Moonlit Atlas",
        technologies=["Procreate", "Ink"],
        summary="A fantasy atlas of 12 maps.",
    )
    alice.experiences.create(
        company="Wonderland Press",
        role="Senior illustrator",
        start_date=date(2019, 3, 1),
        current=True,
        highlights=["responsible for leading the art team", "Drew 40 covers in 2022"],
    )
    alice.educations.create(school="Oxford", degree="BA", field="Fine Art")
    return alice


TEXT = "I basically drew teh the maps (all of them) in order to help readers. It was very fun."


@pytest.mark.parametrize(
    ("task", "inputs", "expected"),
    [
        ("hero", {}, ["I’m Alice, an illustrator", "I draw maps and book covers"]),
        (
            "about",
            {},
            [
                "I’m Alice Liddell, an illustrator.",
                "senior illustrator at Wonderland Press",
                "I studied Fine Art at Oxford (BA).",
            ],
        ),
        (
            "resume_summary",
            {},
            [
                "Illustrator with experience as senior illustrator at Wonderland Press.",
                "Leading the art team.",
            ],
        ),
        (
            "improve",
            {"text": TEXT},
            ["I drew the maps (all of them) to help readers. It was fun."],
        ),
        ("shorten", {"text": TEXT}, ["I drew the maps to help readers."]),
        (
            "grammar",
            {"text": "i recieved a award for teh work"},
            ["I received an award for the work."],
        ),
        (
            "tone",
            {"text": "I'm kinda proud of this stuff!", "tone": "professional"},
            ["I am somewhat proud of this work."],
        ),
        (
            "tone",
            {"text": "I think I'm maybe good at maps.", "tone": "confident"},
            ["I'm good at maps."],
        ),
        ("expand", {"text": "I draw maps."}, ["I draw maps.", "Moonlit Atlas"]),
        (
            "project",
            {"title": "Atlas", "technologies": ["Ink"], "notes": "- 12 maps\n- for kids"},
            ["Atlas: 12 maps. For kids. Built with Ink."],
        ),
    ],
)
def test_offline_suggestions_are_made_from_the_persons_words(library, task, inputs, expected):
    suggestion = assistant.suggest(library, task, inputs)

    for part in expected:
        assert part in suggestion.text
    assert suggestion.offline
    assert suggestion.unverified_spans == []  # nothing invented


def test_work_highlights_start_with_verbs_and_keep_numbers(library):
    job = {
        "role": "Senior illustrator",
        "company": "Wonderland Press",
        "highlights": ["I drew 40 covers", "responsible for leading the art team"],
        "technologies": ["Procreate"],
    }

    text = assistant.suggest(library, "highlights", {"job": job}).text

    assert text.split("\n") == ["Drew 40 covers", "Leading the art team", "Worked with Procreate"]


def test_skills_are_suggested_from_projects_the_skills_list_lacks(library):
    prompt = build_prompt(
        TASKS["skills"],
        {
            "projects": [{"title": "Moonlit Atlas", "technologies": ["Procreate", "Ink"]}],
            "skills": ["Procreate"],
        },
    )

    data = get_provider("offline").generate_json(prompt, prompt.schema).data

    assert data == {"skills": [{"name": "Ink", "reason": "Used in Moonlit Atlas."}]}


def test_the_same_request_gives_the_same_text(library):
    one = assistant.suggest(library, "about", {}).text
    assert assistant.suggest(library, "about", {}).text == one


def test_offline_answers_stream_word_by_word(library):
    parts = list(assistant.stream_suggestion(library, "improve", {"text": TEXT}))

    words = parts[:-1]
    assert len(words) > 5 and "".join(words).strip() == parts[-1].text
    assert parts[-1].offline


def test_abstract_images_are_real_pictures_of_the_asked_shape_and_repeatable():
    picture = abstract_image("a teapot", "16:9", "illustration")

    with Image.open(io.BytesIO(picture)) as image:
        assert image.format == "PNG"
        assert image.width / image.height == pytest.approx(16 / 9, rel=0.01)
        assert len(image.getcolors(100_000) or []) > 4  # not a flat colour
    assert abstract_image("a teapot", "16:9", "illustration") == picture
    assert abstract_image("a kettle", "16:9", "illustration") != picture


def test_the_writer_never_adds_a_fact_to_any_task(library):
    facts = {"profile": {"name": "Alice Liddell", "title": "Illustrator", "bio": library.bio}}
    for name in ("hero", "about", "resume_summary", "expand"):
        prompt = build_prompt(TASKS[name], {**facts, "text": "I draw maps."})
        text = get_provider("offline").generate(prompt).text
        assert unverified(text, prompt.inputs) == [], name
