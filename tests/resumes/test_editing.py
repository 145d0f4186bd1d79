"""Locked editing operations on a resume: items, contact details, sections, design."""

from apps.resumes.content import layout
from tests.resumes.conftest import item


def test_an_item_is_updated_and_its_rev_goes_up(resume):
    work = item(resume, "work")

    result = resume.update_item("work", work["id"], {"position": "CTO"}, based_on=1)

    assert result.ok
    saved = item(resume, "work")
    assert saved["position"] == "CTO" and saved["rev"] == 2
    assert saved["name"] == "Pied Piper"  # untouched fields stay


def test_an_update_from_a_stale_rev_changes_nothing_and_carries_both_versions(resume):
    work = item(resume, "work")
    resume.update_item("work", work["id"], {"position": "CTO"}, based_on=1)

    stale = resume.update_item("work", work["id"], {"position": "Intern"}, based_on=1)

    assert not stale.ok
    assert stale.conflict["theirs"]["position"] == "CTO"
    assert stale.conflict["mine"] == {"position": "Intern"}
    assert item(resume, "work")["position"] == "CTO"


def test_empty_values_are_left_out_so_an_empty_end_date_means_still_going(resume):
    work = item(resume, "work")

    resume.update_item("work", work["id"], {"endDate": "", "highlights": []}, based_on=1)

    saved = item(resume, "work")
    assert "endDate" not in saved and "highlights" not in saved


def test_a_bad_value_is_refused_with_its_path_and_nothing_changes(resume):
    work = item(resume, "work")

    result = resume.update_item("work", work["id"], {"startDate": "2013-13"}, based_on=1)

    assert not result.ok
    assert result.message.startswith('Not saved: work[0].startDate: "2013-13" is not a date')
    assert item(resume, "work") == work


def test_items_are_added_duplicated_deleted_and_put_back(resume):
    first = item(resume, "skills")
    added = resume.add_item("skills", after=first["id"], values={"name": "Rust"}).item
    twin = resume.duplicate_item("skills", added["id"]).item
    removed = resume.delete_item("skills", added["id"]).removed

    resume.refresh_from_db()
    names = [s.get("name") for s in resume.content["skills"]]
    assert names[1] == "Rust" and twin["id"] != added["id"]

    resume.restore_item("skills", removed["index"], removed["item"])
    resume.refresh_from_db()
    assert [s["id"] for s in resume.content["skills"]][1:3] == [added["id"], twin["id"]]


def test_items_move_and_reorder_within_their_section(resume):
    a = item(resume, "skills", 0)["id"]
    b = resume.add_item("skills", values={"name": "Go"}).item["id"]

    resume.move_item("skills", b, 0)
    resume.refresh_from_db()
    assert [s["id"] for s in resume.content["skills"]][:2] == [b, a]

    resume.reorder_items("skills", [a, b])
    resume.refresh_from_db()
    assert [s["id"] for s in resume.content["skills"]][:2] == [a, b]


def test_sections_move_hide_and_take_a_heading_of_their_own(resume):
    resume.move_section("skills", 0)
    resume.set_section("references", shown=False)
    resume.set_section("work", heading="Experience")

    resume.refresh_from_db()
    chosen = layout(resume.content)
    assert chosen["order"][0] == "skills"
    assert chosen["hidden"] == ["references"]
    assert chosen["headings"] == {"work": "Experience"}

    resume.set_section("work", heading="", shown=True)
    resume.set_section("references", shown=True)
    resume.refresh_from_db()
    assert layout(resume.content)["headings"] == {} and layout(resume.content)["hidden"] == []


def test_contact_details_have_a_rev_too(resume):
    resume.update_basics({"name": "Richard"}, based_on=1)

    stale = resume.update_basics({"name": "Dick"}, based_on=1)

    assert not stale.ok and stale.conflict["theirs"]["name"] == "Richard"


def test_design_changes_and_the_template_column_follow_the_content(resume):
    resume.set_design({"template": "modern", "accent": "#0f766e"})

    resume.refresh_from_db()
    assert resume.template == "modern" and layout(resume.content)["accent"] == "#0f766e"
    assert not resume.set_design({"template": "fancy"}).ok


def test_publishing_freezes_the_draft_and_restoring_keeps_the_current_one(resume, alice):
    live = resume.publish(by=alice)
    work = item(resume, "work")
    resume.update_item("work", work["id"], {"position": "CTO"}, based_on=1)
    assert resume.status == "changed"

    resume.restore(live, by=alice)

    assert item(resume, "work")["position"] == "CEO/President"
    assert resume.revisions.filter(kind="restore").count() == 1


def test_sections_take_a_new_order_whole(resume):
    resume.reorder_sections(["skills", "education"])

    resume.refresh_from_db()
    assert layout(resume.content)["order"][:3] == ["skills", "education", "work"]
