"""A resume's content: JSON Resume validated on every write, errors by path, extras kept."""

import copy
import json
from pathlib import Path

import pytest

from apps.resumes.content import ContentError, blank_content, clean_content, export, layout

SAMPLE = json.loads((Path(__file__).parent / "data" / "sample.resume.json").read_text())


def problems(content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        clean_content(content, assign_ids=True)
    return caught.value.problems


def test_the_sample_is_valid_and_gets_ids_revs_and_a_default_layout():
    content = clean_content(SAMPLE, assign_ids=True)

    work = content["work"][0]
    assert len(work["id"]) == 32 and work["rev"] == 1
    assert content["basics"]["rev"] == 1
    assert layout(content)["template"] == "classic"
    assert content["meta"]["canonical"] == SAMPLE["meta"]["canonical"]  # theirs, kept


def test_exporting_gives_back_the_document_it_came_from():
    content = clean_content(SAMPLE, assign_ids=True)

    exported = export(content)
    del exported["meta"]["grooya"]

    assert exported == SAMPLE


def test_properties_the_schema_allows_are_kept():
    extra = copy.deepcopy(SAMPLE)
    extra["work"][0]["x-team-size"] = 12
    extra["basics"]["pronouns"] = "he/him"
    extra["x-source"] = {"tool": "elsewhere"}

    content = clean_content(extra, assign_ids=True)

    assert content["work"][0]["x-team-size"] == 12
    assert content["basics"]["pronouns"] == "he/him"
    assert export(content)["x-source"] == {"tool": "elsewhere"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c["work"][0].update(startDate="2013-13"), 'work[0].startDate: "2013-13" is'),
        (lambda c: c["work"][0].update(endDate="2013-13-45"), 'work[0].endDate: "2013-13-45" is'),
        (lambda c: c["work"][0].update(startDate="May 2013"), 'work[0].startDate: "May 2013"'),
        (lambda c: c["work"][0].update(highlights="one"), "work[0].highlights: expected a list"),
        (lambda c: c["basics"].update(name=7), "basics.name: expected text, got 7."),
        (lambda c: c["work"][0].update(url="javascript:alert(1)"), "work[0].url: "),
        (lambda c: c["basics"].update(email="nobody"), 'basics.email: "nobody" is not an email'),
        (lambda c: c["skills"][0].update(name="a\x00b"), "skills[0].name: null characters"),
        (lambda c: c["work"][0].update(position="x" * 121), "work[0].position: at most 120"),
        (lambda c: c.update(work={}), "work: expected a list"),
        (lambda c: c["meta"].update(grooya={"template": "fancy"}), "meta.grooya.template: choose"),
        (lambda c: c["meta"].update(grooya={"accent": "red"}), "meta.grooya.accent: use a colour"),
        (lambda c: c["meta"].update(grooya={"order": ["work", "hobbies"]}), "meta.grooya.order"),
    ],
)
def test_bad_values_are_named_by_their_path(change, message):
    bad = copy.deepcopy(SAMPLE)
    change(bad)

    assert any(p.startswith(message) for p in problems(bad)), problems(bad)


def test_every_problem_is_reported_at_once():
    bad = copy.deepcopy(SAMPLE)
    bad["work"][0]["startDate"] = "2013-13"
    bad["education"][0]["url"] = "ftp://example.com"
    bad["basics"]["name"] = 5

    found = problems(bad)

    assert len(found) == 3


def test_a_document_that_is_not_an_object_or_too_big_is_refused():
    assert problems([]) == ["The resume must be a JSON object."]
    huge = {"basics": {"summary": "x" * 2_100_000}}
    assert "larger than 2 MB" in problems(huge)[0]


def test_a_blank_resume_is_valid_and_shows_every_section_in_the_default_order():
    content = clean_content(blank_content())

    assert content["work"] == [] and content["basics"]["profiles"] == []
    assert layout(content)["order"][:3] == ["work", "projects", "education"]


def test_the_order_gains_any_section_it_forgot_and_drops_repeats():
    content = blank_content()
    layout(content)["order"] = ["skills", "skills", "work"]

    order = layout(clean_content(content))["order"]

    assert order[:2] == ["skills", "work"] and len(order) == len(set(order)) == 11


def test_items_need_distinct_ids():
    content = clean_content(SAMPLE, assign_ids=True)
    content["work"].append(dict(content["work"][0]))

    with pytest.raises(ContentError, match=r"work\[1\]\.id: is used by another item"):
        clean_content(content)
