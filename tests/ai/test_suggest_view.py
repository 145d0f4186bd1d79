"""/ai/suggest/: the AI menu's suggestions streamed as server-sent events, and the menus the
editors' forms draw."""

import gc
import json

import pytest
from django.urls import reverse

from apps.ai.models import AIRequest
from apps.blocks import registry
from apps.library.forms import ExperienceForm, ProjectForm
from apps.library.models import Experience, Project
from apps.resumes.forms import BasicsForm, ItemForm

from .conftest import balance, ledger_sum
from .fakes import Events, chat_chunk

URL = reverse("ai:suggest")


def events(response) -> list[tuple[str, dict]]:
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-store"
    body = b"".join(response.streaming_content).decode()
    out = []
    for block in body.strip().split("\n\n"):
        name, data = block.split("\n")
        out.append((name.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return out


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def test_a_suggestion_streams_in_pieces_then_the_whole_with_the_balance(signed_in, alice):
    response = signed_in.post(URL, {"task": "grammar", "text": "i drew teh maps for the book."})

    got = events(response)
    chunks = [data["text"] for name, data in got if name == "chunk"]
    assert len(chunks) > 3 and "".join(chunks) == "I drew the maps for the book."
    name, done = got[-1]
    assert name == "done"
    assert done == {
        "text": "I drew the maps for the book.",
        "unverified": [],
        "offline": True,
        "creditsLeft": 49,
    }
    assert balance(alice) == 49 == ledger_sum(alice)


def test_claims_the_data_lacks_are_named_with_their_place(signed_in, openai_server):
    text = "I led a team of 12 at Initech in 2019 drawing maps."
    openai_server.reply(Events([chat_chunk(text), chat_chunk(finish="stop")], done=True))

    got = events(signed_in.post(URL, {"task": "improve", "text": "I drew maps."}))

    done = got[-1][1]
    flagged = {claim["text"] for claim in done["unverified"]}
    assert {"12", "Initech", "2019"} <= flagged
    for claim in done["unverified"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    assert done["offline"] is False


def test_a_tone_and_the_fields_a_task_reads_reach_the_prompt(signed_in, openai_server):
    for _ in range(2):
        openai_server.reply(Events([chat_chunk("Maps."), chat_chunk(finish="stop")], done=True))

    signed_in_events = events(
        signed_in.post(
            URL,
            {
                "task": "project",
                "title": "Atlas of Rivers",
                "technologies": "Procreate, QGIS",
                "notes": "Drew 40 maps",
            },
        )
    )
    assert signed_in_events[-1][0] == "done"
    events(signed_in.post(URL, {"task": "tone", "tone": "friendly", "text": "I drew maps."}))

    sent = [r.body for r in openai_server.requests]
    project = json.dumps(sent[0])
    assert "Atlas of Rivers" in project and "QGIS" in project and "Drew 40 maps" in project
    assert "friendly" in sent[1]["messages"][0]["content"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"task": "poem", "text": "Hi"}, "no such AI task"),
        ({"task": "tailor", "text": "Hi"}, "no such AI task"),  # not a field's task
        ({"task": "improve", "text": "x" * 20_001}, "too long"),
        ({"task": "improve", "text": "  "}, "write something first"),
        ({"task": "tone", "tone": "<script>", "text": "Hi there"}, ""),  # unknown tone: default
    ],
)
def test_bad_input_is_an_error_event_and_costs_nothing(signed_in, alice, data, message):
    got = events(signed_in.post(URL, data))

    if message:
        assert got == [("error", {"message": got[0][1]["message"]})]
        assert message in got[0][1]["message"]
        assert balance(alice) == 50 and not AIRequest.objects.exists()
    else:
        assert got[-1][0] == "done"


def test_the_rate_limit_message_reaches_the_page(signed_in, settings):
    settings.AI_RATE_LIMITS = {"user": [(1, 86400)], "ip": [(100, 86400)]}  # no window ends
    events(signed_in.post(URL, {"task": "grammar", "text": "i drew maps"}))

    got = events(signed_in.post(URL, {"task": "grammar", "text": "i drew maps"}))

    assert got[0][0] == "error" and "1 times this day" in got[0][1]["message"]


def test_closing_the_connection_cancels_and_refunds_what_was_not_written(
    signed_in, alice, openai_server
):
    openai_server.reply(
        Events([chat_chunk("")] + [chat_chunk(f"w{i} ") for i in range(200)], gap=0.02, done=True)
    )
    response = signed_in.post(URL, {"task": "improve", "text": "I drew the maps."})

    assert next(iter(response)).startswith(b"event: chunk")
    # The browser goes away (Stop): the server drops the response, which closes it.
    del response
    gc.collect()

    request = AIRequest.objects.get()
    assert request.status == "cancelled" and request.credits_charged <= 1
    assert balance(alice) == 50 - request.credits_charged == ledger_sum(alice)


def test_the_same_click_sent_twice_is_answered_once_and_charged_once(signed_in, alice):
    data = {"task": "grammar", "text": "i drew maps", "key": "click-1"}
    first = events(signed_in.post(URL, data))
    second = events(signed_in.post(URL, data))

    assert first[-1][1]["text"] == second[-1][1]["text"] == "I drew maps"
    assert balance(alice) == 49


def test_only_a_signed_in_person_may_ask_and_only_by_post(client, signed_in):
    response = client.logout() or client.post(URL, {"task": "grammar", "text": "hi"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert signed_in.get(URL).status_code in (302, 405)


# --- the menus the forms draw ---------------------------------------------------------------


def menus(form) -> dict[str, list[str]]:
    return {
        name: f.widget.attrs["data-ai"].split()
        for name, f in form.fields.items()
        if "data-ai" in f.widget.attrs
    }


def test_prose_fields_get_the_rewrites_and_some_fields_a_writing_task(alice):
    rewrites = ["improve", "shorten", "expand", "grammar", "tone"]
    hero = menus(registry.get("hero").form())
    assert hero == {"heading": ["hero"], "subheading": rewrites}
    assert menus(registry.get("about").form()) == {"body": ["about", *rewrites]}
    project = ProjectForm(instance=Project(owner=alice))
    assert menus(project) == {"description": ["project", *rewrites]}
    assert menus(ExperienceForm(instance=Experience(owner=alice)))["highlights"][0] == "highlights"
    assert menus(BasicsForm())["summary"][0] == "resume_summary"
    work = menus(ItemForm(section="work"))
    assert work["highlights"] == ["highlights"] and work["summary"] == rewrites
    assert "name" not in work and "url" not in work  # names, links and dates are not prose


def test_the_menu_shows_each_entry_with_its_cost_and_needs_javascript():
    from bs4 import BeautifulSoup
    from django.template.loader import render_to_string

    form = registry.get("hero").form()
    html = render_to_string("components/form_field.html", {"field": form["heading"]})

    menu = BeautifulSoup(html, "html.parser").select_one("[data-ai-menu]")
    assert "js-only" in menu["class"] and menu["data-ai-url"] == URL
    assert menu["data-ai-rest"] == "subheading"
    entries = [" ".join(b.stripped_strings) for b in menu.select("[data-ai-task]")]
    assert entries == ["Hero headline and subheading 1 credit"]
    plain = render_to_string("components/form_field.html", {"field": form["cta_label"]})
    assert "data-ai-menu" not in plain


def test_the_profile_bio_has_the_menu_too(signed_in):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(signed_in.get(reverse("accounts:settings")).text, "html.parser")

    menu = page.select_one("[data-ai-menu][data-ai-name=bio]")
    entries = [b.span.get_text() for b in menu.select("[data-ai-task]")]
    assert entries[:2] == ["About me", "Improve"]
