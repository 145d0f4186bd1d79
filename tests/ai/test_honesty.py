"""Unverified claims: what an answer says that the person's data does not."""

import pytest

from apps.ai.honesty import unverified

FACTS = {
    "profile": {"name": "Ada Lovelace", "title": "Analyst"},
    "experience": [
        {
            "role": "Lead analyst",
            "company": "Babbage & Co",
            "start": "2019-03",
            "end": "2021-06",
            "highlights": ["Led 12 engineers", "Cut report time by 20%", "Served 1,200 clients"],
        }
    ],
    "education": [{"school": "University of London", "degree": "BSc", "field": "Mathematics"}],
}


@pytest.mark.parametrize(
    ("output", "flagged"),
    [
        # facts the data holds, in other spellings
        ("Ada Lovelace led 12 engineers at Babbage & Co.", []),
        ("Cut report time by 20 % and served 1200 clients.", []),
        ("Lead analyst from March 2019 to June 2021.", []),
        ("Lead analyst, Mar 2019 – 06/2021.", []),
        ("Studied Mathematics at University of London (BSc).", []),
        ("I'm an analyst. I led teams. The work was fun.", []),
        ("Built reports. Reduced errors.", []),
        # invented numbers, dates and names
        ("Led 15 engineers.", ["15"]),
        ("Cut report time by 25%.", ["25%"]),
        ("Served $2M in revenue.", ["$2M"]),
        ("Lead analyst since 2018.", ["2018"]),
        ("Lead analyst from April 2019.", ["April 2019"]),
        ("Worked at Google and Meta.", ["Google", "Meta"]),
        ("Graduated from Stanford University.", ["Stanford University"]),
        ("Holds an MBA.", ["MBA"]),
        # near misses are not the same fact
        ("Worked at Babbage & Sons.", ["Babbage & Sons"]),
        ("Studied at University of Londen.", ["University of Londen"]),
        ("Led 1,300 clients.", ["1,300"]),
        ("Ada Lovelace Byron wrote it.", ["Ada Lovelace Byron"]),
        ("Babbage & Co\nGoogle", ["Google"]),  # one line's name never runs into the next
    ],
)
def test_claims_the_data_lacks_are_flagged(output, flagged):
    claims = unverified(output, FACTS)

    assert [c.text for c in claims] == flagged
    for claim in claims:
        assert output[claim.start : claim.end] == claim.text


def test_each_claim_says_what_kind_it_is():
    claims = unverified("In 2018 I joined Google with 40 people.", FACTS)

    assert [(c.text, c.kind) for c in claims] == [
        ("2018", "date"),
        ("Google", "name"),
        ("40", "number"),
    ]


def test_a_job_description_vouches_for_names_but_not_for_numbers():
    job = "Looking Glass Books seeks a designer with 10 years of experience."

    claims = unverified(
        "I'd love to join Looking Glass Books with my 10 years.", FACTS, names_from=job
    )

    assert [c.text for c in claims] == ["10"]
