"""The resume editor's views: the same contract as the portfolio editor's."""

import pytest
from bs4 import BeautifulSoup

from apps.resumes.content import layout
from tests.conftest import HTMX
from tests.resumes.conftest import item


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def url(resume, suffix: str = "") -> str:
    return f"/resumes/{resume.pk}/edit/{suffix}"


def test_the_editor_shows_contact_details_sections_and_items(client, alice, resume):
    client.force_login(alice)
    work = item(resume, "work")

    r = client.get(url(resume), {"open": work["id"]})

    assert r.status_code == 200 and "no-store" in r["Cache-Control"]
    page = parse(r.text)
    assert page.select_one("#row-basics").text.strip().startswith("Contact details")
    headings = [a.text.split("Hidden")[0].strip() for a in page.select("[id^=row-link-section-]")]
    assert headings[:3] == ["Work experience", "Projects", "Education"]
    assert page.select_one(f"#row-{work['id']}").get("data-current") is not None
    assert page.select_one(f"#id_{work['id']}_r-position")["value"] == "CEO/President"


def test_saving_an_item_answers_with_its_own_status_rev_and_slots(client, alice, resume):
    client.force_login(alice)
    work = item(resume, "work")

    r = client.post(
        url(resume, f"items/{work['id']}/"),
        {"rev": 1, "r-position": "CTO", "r-name": "Pied Piper", "r-highlights-0-text": "Won"},
        headers=HTMX,
    )

    html = parse(r.text)
    assert html.select_one(f"#rev-{work['id']}")["value"] == "2"
    assert html.select_one(f"#save-state-{work['id']}")["data-state"] == "saved"
    assert html.select_one(f"#row-summary-{work['id']}").text == "CTO · Pied Piper"
    assert not html.select("input:not([type=hidden]), textarea, select")
    assert "resume-saved" in r["HX-Trigger-After-Swap"]
    saved = item(resume, "work")
    assert saved["position"] == "CTO" and saved["highlights"] == ["Won"]
    assert "startDate" not in saved  # the form left it empty: JSON Resume leaves it out


def test_an_impossible_date_gets_a_message_beside_the_field(client, alice, resume):
    client.force_login(alice)
    work = item(resume, "work")

    r = client.post(
        url(resume, f"items/{work['id']}/"),
        {"rev": 1, "r-position": "CTO", "r-startDate": "2013-13"},
        headers=HTMX,
    )

    slot = parse(r.text).select_one(f"#id_{work['id']}_r-startDate_error")
    assert '"2013-13" is not a date' in slot.text
    assert item(resume, "work") == work


def test_present_as_an_end_date_means_still_going(client, alice, resume):
    client.force_login(alice)
    work = item(resume, "work")

    client.post(
        url(resume, f"items/{work['id']}/"),
        {"rev": 1, "r-position": "CEO", "r-startDate": "2013-12", "r-endDate": "Present"},
        headers=HTMX,
    )

    assert "endDate" not in item(resume, "work")


def test_a_stale_item_edit_shows_both_versions_with_and_without_javascript(client, alice, resume):
    client.force_login(alice)
    work = item(resume, "work")
    resume.update_item("work", work["id"], {"position": "Theirs"}, based_on=1)

    htmx = client.post(
        url(resume, f"items/{work['id']}/"), {"rev": 1, "r-position": "Mine"}, headers=HTMX
    )
    plain = client.post(url(resume, f"items/{work['id']}/"), {"rev": 1, "r-position": "Mine"})

    for html in (parse(htmx.text), parse(plain.text)):
        assert html.select_one("[data-side=theirs]").text == "Theirs"
        assert html.select_one("[data-side=mine]").text == "Mine"
    assert parse(plain.text).select_one("[name=r-position]")["value"] == "Mine"
    assert item(resume, "work")["position"] == "Theirs"

    client.post(
        url(resume, f"items/{work['id']}/"),
        {"rev": 1, "keep_rev": 2, "r-position": "Mine"},
        headers=HTMX,
    )
    assert item(resume, "work")["position"] == "Mine"


def test_contact_details_save_with_location_and_profile_rows(client, alice, resume):
    client.force_login(alice)

    r = client.post(
        url(resume, "basics/"),
        {
            "rev": 1,
            "r-name": "Richard Hendriks",
            "r-email": "richard@example.com",
            "r-location_city": "Palo Alto",
            "r-profiles-0-network": "GitHub",
            "r-profiles-0-url": "github.com/richard",
        },
        headers=HTMX,
    )

    assert parse(r.text).select_one("#save-state-basics")["data-state"] == "saved"
    resume.refresh_from_db()
    basics = resume.content["basics"]
    assert basics["location"] == {"city": "Palo Alto"}
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "", "url": "https://github.com/richard"}
    ]
    assert "phone" not in basics


def test_a_section_gets_a_heading_of_its_own_and_can_be_hidden(client, alice, resume):
    client.force_login(alice)

    r = client.post(
        url(resume, "sections/work/"), {"rev": 1, "r-heading": "Experience"}, headers=HTMX
    )

    assert "Experience" in parse(r.text).select_one("#row-link-section-work").text
    resume.refresh_from_db()
    assert layout(resume.content)["headings"] == {"work": "Experience"}
    assert "work" in layout(resume.content)["hidden"]  # "shown" was not ticked


def test_items_are_added_moved_duplicated_deleted_and_undone(client, alice, resume):
    client.force_login(alice)
    first = item(resume, "skills")

    added = client.post(url(resume, "sections/skills/add/"), {"after": first["id"]}, headers=HTMX)
    resume.refresh_from_db()
    new = resume.content["skills"][1]
    assert f'id="item-form-{new["id"]}"' in added.text
    client.post(url(resume, "items/move/"), {"item": new["id"], "direction": "up"}, headers=HTMX)
    client.post(url(resume, "items/duplicate/"), {"item": new["id"]}, headers=HTMX)
    deleted = client.post(url(resume, "items/delete/"), {"item": first["id"]}, headers=HTMX)
    assert "Undo" in deleted.text
    client.post(url(resume, f"items/{first['id']}/restore/"), headers=HTMX)

    resume.refresh_from_db()
    assert [s["id"] for s in resume.content["skills"]][0] == new["id"]
    assert first["id"] in [s["id"] for s in resume.content["skills"]]
    assert len(resume.content["skills"]) == 4  # two in the sample, one added, one twin


def test_sections_move_and_take_a_dragged_order(client, alice, resume):
    client.force_login(alice)

    client.post(url(resume, "sections/education/move/"), {"direction": "up"}, headers=HTMX)
    resume.refresh_from_db()
    assert layout(resume.content)["order"][:3] == ["work", "education", "projects"]

    client.post(
        url(resume, "sections/reorder/"), {"section": ["skills", "work", "bogus"]}, headers=HTMX
    )
    resume.refresh_from_db()
    assert layout(resume.content)["order"][:2] == ["skills", "work"]


@pytest.mark.parametrize(
    "suffix", ["", "basics/", "sections/work/", "sections/work/add/", "sections/reorder/"]
)
def test_other_people_get_404(client, bob, resume, suffix):
    client.force_login(bob)
    method = client.get if suffix in ("", "basics/", "sections/work/") else client.post

    assert method(url(resume, suffix)).status_code == 404


def test_other_peoples_items_are_404(client, bob, resume):
    client.force_login(bob)
    work = item(resume, "work")

    assert client.post(url(resume, f"items/{work['id']}/")).status_code == 404
    for action in ("move/", "duplicate/", "delete/"):
        assert client.post(url(resume, f"items/{action}"), {"item": work["id"]}).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, resume):
    r = client.get(url(resume))

    assert r.status_code == 302 and r.url.startswith("/accounts/login/")


def test_wrong_methods_and_unknown_things_are_refused(client, alice, resume):
    client.force_login(alice)

    assert client.get(url(resume, "items/delete/")).status_code == 405
    assert client.post(url(resume)).status_code == 405
    assert client.post(url(resume, "sections/hobbies/add/")).status_code == 404
    gone = client.post(url(resume, "items/" + "0" * 32 + "/"), {"rev": 1}, headers=HTMX)
    assert "deleted in another tab" in gone.text
