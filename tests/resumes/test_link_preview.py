"""Published resumes get a drawn link-preview card, and their pages the tags that show it."""

import io
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from PIL import Image

from apps.audience.models import ShareLink
from apps.core import link_preview
from apps.resumes.models import Resume, ResumeRevision

WHITE = (255, 255, 255)


def card(resume: Resume) -> tuple[dict, Image.Image]:
    image = resume.live.snapshot["seo"]["image"]
    with default_storage.open(image["file"]) as file:
        return image, Image.open(io.BytesIO(file.read()))


def meta(html: str) -> dict[str, str]:
    page = BeautifulSoup(html, "html.parser")
    return {
        tag.get("property") or tag["name"]: tag["content"]
        for tag in page.select("meta[property^='og:'], meta[name^='twitter:']")
    }


def rename(resume: Resume, name: str) -> None:
    resume.refresh_from_db()
    resume.update_basics({"name": name}, based_on=resume.content["basics"].get("rev", 1))


def test_publishing_draws_a_card_in_the_resumes_accent(resume, alice):
    resume.set_design({"accent": "#ff0000"})

    resume.publish(by=alice)
    image, picture = card(resume)

    assert (image["width"], image["height"], picture.size) == (1200, 630, (1200, 630))
    assert picture.format == "PNG" and image["file"].startswith("previews/")
    assert image["alt"] == "Richard Hendriks — Programmer"
    assert picture.getpixel((10, 300)) == (255, 0, 0)  # the accent band
    assert picture.getpixel((1150, 20)) == WHITE  # the paper


def test_the_owners_avatar_is_drawn_when_there_is_one(resume, alice, make_asset):
    alice.avatar = make_asset(alice, color=(10, 200, 30))
    alice.save()

    resume.publish(by=alice)
    _, picture = card(resume)

    red, green, blue = picture.getpixel((206, 315))  # the middle of the round photo
    assert green > 150 and red < 60 and blue < 80


def test_an_avatar_that_is_no_longer_a_picture_leaves_the_card_without_a_face(
    resume, alice, make_asset
):
    alice.avatar = make_asset(alice, color=(10, 200, 30))
    alice.save()
    with alice.avatar.file.open("wb") as file:
        file.write(b"not a picture any more")

    resume.publish(by=alice)
    _, picture = card(resume)

    colors = picture.getcolors(1200 * 630)
    assert colors and not any(g > 150 and r < 60 for _, (r, g, b) in colors)  # no green face


def test_the_same_resume_published_twice_makes_one_file(resume, alice):
    first = resume.publish(by=alice).snapshot["seo"]["image"]
    again = resume.publish(by=alice).snapshot["seo"]["image"]

    assert again == first
    assert default_storage.listdir("previews")[1] == [first["file"].removeprefix("previews/")]


def test_the_public_page_shows_the_card_at_its_whole_address(client, resume, alice):
    resume.publish(by=alice)
    image = resume.live.snapshot["seo"]["image"]

    tags = meta(client.get("/r/alice-cv/").text)

    assert tags["og:image"] == f"http://testserver{image['url']}"
    assert tags["og:image"].startswith("http://testserver/media/previews/")
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "Richard Hendriks — Programmer"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:url"] == "http://testserver/r/alice-cv/"
    assert tags["og:type"] == "profile"
    assert tags["og:title"] == "Richard Hendriks – Programmer"
    assert tags["og:description"].startswith("Richard hails from Tulsa.")
    assert len(tags["og:description"]) <= 200 and tags["og:description"].endswith("…")


def test_an_unlisted_resume_keeps_noindex_and_still_has_its_card(client, resume, alice):
    resume.visibility = Resume.Visibility.UNLISTED
    resume.save()
    resume.publish(by=alice)

    r = client.get("/r/alice-cv/")

    assert '<meta name="robots" content="noindex">' in r.text
    assert meta(r.text)["og:image"].startswith("http://testserver/media/previews/")


def test_the_owners_preview_of_a_private_resume_has_no_card(client, resume, alice):
    resume.visibility = Resume.Visibility.PRIVATE
    resume.save()
    resume.publish(by=alice)
    client.force_login(alice)

    r = client.get("/r/alice-cv/")

    assert r.status_code == 200 and meta(r.text) == {}


def test_a_share_link_shows_the_card_and_stays_noindex(client, resume, alice):
    resume.publish(by=alice)
    link = ShareLink.objects.create(owner=alice, recipient="Rita", resume=resume)

    r = client.get(link.path)

    assert r["X-Robots-Tag"] == "noindex"
    assert meta(r.text)["og:image"].startswith("http://testserver/media/previews/")


def test_republishing_with_a_new_name_makes_a_new_card_and_the_page_shows_it(
    client, resume, alice
):
    resume.publish(by=alice)
    old = resume.live.snapshot["seo"]["image"]
    assert meta(client.get("/r/alice-cv/").text)["og:image"].endswith(old["url"])

    resume.unpublish()
    rename(resume, "Richard Hendricks")
    resume.publish(by=alice)
    new, _ = card(resume)

    assert new["file"] != old["file"] and new["alt"] == "Richard Hendricks — Programmer"
    assert default_storage.exists(old["file"])  # the old revision still shows its own
    assert meta(client.get("/r/alice-cv/").text)["og:image"].endswith(new["url"])


@pytest.mark.parametrize(
    "name",
    [
        "Zoë 李小龍 " + "Wolfeschlegelsteinhausenbergerdorff" * 3,  # 120 characters, one word
        "Ἀριστοτέλης ‮ Ibn Sīnā ابن سينا 😀" * 3,
    ],
    ids=["one long word", "scripts and emoji"],
)
def test_long_and_unusual_names_are_clipped_inside_the_card(resume, alice, name):
    rename(resume, name[:120])

    resume.publish(by=alice)
    image, picture = card(resume)

    margin = picture.crop((1125, 0, 1200, 630))  # the right margin the text must not reach
    assert margin.getcolors() == [(75 * 630, WHITE)]
    assert image["alt"].startswith(name[:120])


def test_a_resume_is_published_without_a_card_when_one_cannot_be_drawn(client, resume, alice):
    with mock.patch.object(link_preview, "draw", autospec=True, side_effect=OSError("no font")):
        resume.publish(by=alice)

    assert resume.live.snapshot["seo"] == {"image": None}
    r = client.get("/r/alice-cv/")
    assert r.status_code == 200
    assert "og:image" not in meta(r.text) and meta(r.text)["twitter:card"] == "summary"


def test_a_resume_published_before_cards_existed_shows_no_picture(client, resume):
    revision = resume.revisions.create(
        snapshot=resume.draft_snapshot(), kind=ResumeRevision.Kind.PUBLISH, label="Published"
    )
    resume.live = revision
    resume.save()

    tags = meta(client.get("/r/alice-cv/").text)

    assert "og:image" not in tags and tags["twitter:card"] == "summary"
    assert tags["og:title"] == "Richard Hendriks – Programmer"
