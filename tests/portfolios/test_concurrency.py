"""Two editors at once. Each thread has its own database connection, like two web workers.

On PostgreSQL the row lock (select_for_update) serialises operations; SQLite serialises whole
write transactions. Either way no edit may be lost.
"""

import random
import threading

import pytest
from django.db import connection
from django.test import Client

from apps.portfolios.forms import PortfolioSettingsForm
from apps.portfolios.models import Portfolio

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as exc:  # surfaced below, so a failing thread fails the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []


def fresh(portfolio) -> Portfolio:
    return Portfolio.objects.get(pk=portfolio.pk)


def data_of(portfolio, block_id) -> dict:
    return fresh(portfolio).find_block(block_id)[1]


def test_two_tabs_editing_different_blocks_both_persist(portfolio):
    hero, about = portfolio.pages[0]["blocks"]

    run_together(
        lambda: fresh(portfolio).update_block(
            hero["id"], {**hero["data"], "heading": "From tab A"}, based_on=1
        ),
        lambda: fresh(portfolio).update_block(
            about["id"], {**about["data"], "heading": "From tab B"}, based_on=1
        ),
    )

    assert data_of(portfolio, hero["id"])["data"]["heading"] == "From tab A"
    assert data_of(portfolio, about["id"])["data"]["heading"] == "From tab B"


def test_the_same_block_from_two_stale_revs_saves_one_and_reports_one_conflict(portfolio):
    hero = portfolio.pages[0]["blocks"][0]
    results = []

    def edit(text):
        results.append(
            fresh(portfolio).update_block(
                hero["id"], {**hero["data"], "heading": text}, based_on=1
            )
        )

    run_together(lambda: edit("A"), lambda: edit("B"))

    saved = [r for r in results if r.ok]
    conflicts = [r for r in results if r.conflict]
    assert len(saved) == 1 and len(conflicts) == 1
    winner = saved[0].block["data"]["heading"]
    assert data_of(portfolio, hero["id"])["data"]["heading"] == winner
    assert conflicts[0].conflict["theirs"]["data"]["heading"] == winner
    assert conflicts[0].conflict["mine"]["heading"] in {"A", "B"} - {winner}  # kept, not lost


def test_fifty_interleaved_random_operations_match_a_model(portfolio):
    page_id = portfolio.pages[0]["id"]
    shared, about = portfolio.pages[0]["blocks"]
    models = {}
    successes = {}

    def client(name: str, seed: int):
        rng = random.Random(seed)
        mine: dict[str, str] = {}  # block id → heading this client last saved
        won: list[tuple[int, str]] = []  # (rev produced, heading) on the shared block
        for step in range(25):
            p = fresh(portfolio)
            action = rng.choice(["add", "edit", "edit", "delete", "move", "shared"])
            if action == "add" or not mine:
                block = p.add_block(page_id, "rich_text").block
                mine[block["id"]] = block["data"]["heading"]
            elif action == "edit":
                block_id = rng.choice(sorted(mine))
                block = p.find_block(block_id)[1]
                text = f"{name}-{step}"
                result = p.update_block(
                    block_id, {**block["data"], "heading": text}, based_on=block["rev"]
                )
                assert result.ok  # nobody else touches this client's blocks
                mine[block_id] = text
            elif action == "delete":
                block_id = rng.choice(sorted(mine))
                assert p.delete_block(block_id).ok
                del mine[block_id]
            elif action == "move":
                block_id = rng.choice(sorted(mine))
                assert p.move_block(block_id, page_id=page_id, index=rng.randint(0, 9)).ok
            else:
                current = p.find_block(shared["id"])[1]
                text = f"{name}-shared-{step}"
                result = p.update_block(
                    shared["id"], {**current["data"], "heading": text}, based_on=current["rev"]
                )
                if result.ok:
                    won.append((result.block["rev"], text))
                else:
                    assert result.conflict  # the other client got there first: nothing lost
        models[name], successes[name] = mine, won

    run_together(lambda: client("a", 1), lambda: client("b", 2))

    final = fresh(portfolio)
    blocks = {b["id"]: b for b in final.pages[0]["blocks"]}
    expected = {**models["a"], **models["b"]}
    assert set(blocks) == set(expected) | {shared["id"], about["id"]}
    for block_id, heading in expected.items():
        assert blocks[block_id]["data"]["heading"] == heading
    wins = sorted(successes["a"] + successes["b"])
    shared_now = blocks[shared["id"]]
    assert shared_now["rev"] == 1 + len(wins)
    if wins:
        assert shared_now["data"]["heading"] == wins[-1][1]
    assert [rev for rev, _ in wins] == list(range(2, 2 + len(wins)))


@pytest.fixture
def settings_request(monkeypatch, alice):
    """A settings save racing another operation in the interleaving that used to lose work:
    the request loads and validates the row, the other operation commits, then the request
    saves."""
    loaded, other_done = threading.Event(), threading.Event()
    save = PortfolioSettingsForm.save

    def late_save(form):
        loaded.set()
        assert other_done.wait(10)
        return save(form)

    monkeypatch.setattr(PortfolioSettingsForm, "save", late_save)

    def make(portfolio, title: str, other):
        client = Client()
        client.force_login(alice)
        data = {"title": title, "slug": "alice", "visibility": "public", "seo_title": title}
        loaded.clear()
        other_done.clear()

        def settings():
            assert client.post(f"/portfolios/{portfolio.pk}/settings/", data).status_code == 302

        def then_other():
            assert loaded.wait(10)
            other()
            other_done.set()

        return settings, then_other

    return make


def test_a_settings_save_racing_a_block_edit_loses_neither(portfolio, settings_request):
    hero = portfolio.pages[0]["blocks"][0]

    run_together(
        *settings_request(
            portfolio,
            "New title",
            lambda: fresh(portfolio).update_block(
                hero["id"], {**hero["data"], "heading": "Edited"}, based_on=1
            ),
        )
    )

    assert data_of(portfolio, hero["id"])["data"]["heading"] == "Edited"
    assert (fresh(portfolio).title, fresh(portfolio).seo_title) == ("New title", "New title")


def test_a_settings_save_racing_a_publish_keeps_the_new_revision_live(
    portfolio, alice, settings_request
):
    published = []

    run_together(
        *settings_request(
            portfolio, "New title", lambda: published.append(fresh(portfolio).publish(by=alice))
        )
    )

    assert fresh(portfolio).live_id == published[0].pk
    assert fresh(portfolio).title == "New title"
    assert Client().get("/p/alice/").status_code == 200
