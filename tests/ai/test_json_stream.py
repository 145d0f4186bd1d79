"""Reading a model's JSON while it is still being written (apps/ai/json_stream.py)."""

import json

import pytest

from apps.ai.json_stream import read_so_far

ANSWER = 'She built "Looking Glass" — an iOS app 🗺 in 2023.\nAsk her: \\ and / both.'


@pytest.mark.parametrize("ascii_only", [True, False], ids=["escaped", "raw-unicode"])
def test_every_cut_shows_a_beginning_of_the_answer_and_never_takes_it_back(ascii_only):
    text = json.dumps(
        {"known": True, "block_ids": ["b1", "b2"], "answer": ANSWER}, ensure_ascii=ascii_only
    )
    shown = ""
    for cut in range(len(text) + 1):
        fields, growing = read_so_far(text[:cut])
        now = growing[1] if growing and growing[0] == "answer" else fields.get("answer", "")
        assert now.startswith(shown), (cut, shown, now)  # no half escape, no half emoji
        json.dumps(now).encode()  # no lone surrogate: it can be sent on as it is
        shown = now
    assert shown == ANSWER


def test_fields_count_only_once_they_are_complete():
    assert read_so_far('{"known": tr') == ({}, None)
    assert read_so_far('{"known": true, "block_ids": ["b1", "b') == ({"known": True}, None)
    assert read_so_far('{"known": true, "block_ids": ["b1"], "ans') == (
        {"known": True, "block_ids": ["b1"]},
        None,
    )
    assert read_so_far('{"known": false, "answer": "I d') == ({"known": False}, ("answer", "I d"))


def test_words_inside_the_answer_that_look_like_fields_stay_words():
    text = '{"answer": "say \\"known\\": false, \\"block_ids\\": []", "known": true}'
    fields, growing = read_so_far(text)
    assert fields == {"answer": 'say "known": false, "block_ids": []', "known": True}
    assert growing is None


@pytest.mark.parametrize("junk", ["", "Sure! Here it is:", "[1, 2]", '{"a" 1}', "{,,,"])
def test_text_that_is_not_an_object_yet_reads_as_nothing(junk):
    assert read_so_far(junk) == ({}, None)
