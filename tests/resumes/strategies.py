"""Hypothesis strategies for valid JSON Resume documents, as another tool could write them:
every section, any unicode text within our limits, real dates at each precision, links,
extra properties (`x-…`) with any JSON values, and sometimes our layout under meta.grooya."""

from datetime import date

from hypothesis import strategies as st

from apps.resumes.content import DATE_FORMATS, FONTS, PAGE_SIZES, TEMPLATES
from apps.resumes.sections import BASICS, LOCATION, PROFILE, SECTIONS, Field

# Any character a person could type: no NUL, no lone UTF-16 halves.
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")


def text(max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(CHARACTERS, min_size=min_size, max_size=min(max_size, 40))


def dates() -> st.SearchStrategy[str]:
    day = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
    return st.builds(lambda d, n: d.isoformat()[:n], day, st.sampled_from([4, 7, 10]))


def links() -> st.SearchStrategy[str]:
    host = st.sampled_from(["example.com", "bücher.example", "x.io", "例え.jp"])
    path = st.text(st.sampled_from("abcü-_~é/?=&#%2"), max_size=12)
    return st.builds(lambda h, p: f"https://{h}/{p}", host, path)


def emails() -> st.SearchStrategy[str]:
    word = st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True)
    return st.builds(lambda a, b: f"{a}@{b}.com", word, word)


def value(spec: Field) -> st.SearchStrategy:
    if spec.kind == "date":
        return dates()
    if spec.kind == "url":
        return links()
    if spec.kind == "email":
        return emails()
    if spec.kind == "list":
        return st.lists(text(spec.max_length), max_size=4)
    return text(spec.max_length)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | text(30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text(8), inner, max_size=3),
    max_leaves=6,
)
EXTRAS = st.dictionaries(text(10).map(lambda key: f"x-{key}"), JSON_VALUES, max_size=2)


def obj(fields, **more) -> st.SearchStrategy[dict]:
    known = st.fixed_dictionaries({}, optional={f.name: value(f) for f in fields} | more)
    return st.builds(lambda extra, values: {**extra, **values}, EXTRAS, known)


def layouts() -> st.SearchStrategy[dict]:
    sections = st.sampled_from(list(SECTIONS))
    return st.fixed_dictionaries(
        {},
        optional={
            "template": st.sampled_from(list(TEMPLATES)),
            "page": st.sampled_from(list(PAGE_SIZES)),
            "font": st.sampled_from(list(FONTS)),
            "dateFormat": st.sampled_from(list(DATE_FORMATS)),
            "accent": st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True),
            "order": st.permutations(list(SECTIONS)).flatmap(
                lambda order: st.integers(0, len(order)).map(lambda n: order[:n])
            ),
            "hidden": st.lists(sections, unique=True),
            "headings": st.dictionaries(sections, text(60, min_size=1).filter(str.strip)),
        },
    )


def resumes() -> st.SearchStrategy[dict]:
    basics = obj(
        BASICS.fields,
        location=obj(LOCATION),
        profiles=st.lists(obj(PROFILE), max_size=2),
    )
    meta = st.fixed_dictionaries({}, optional={"version": text(20), "grooya": layouts()}).flatmap(
        lambda m: EXTRAS.map(lambda extra: {**extra, **m})
    )
    sections = {key: st.lists(obj(s.fields), max_size=3) for key, s in SECTIONS.items()}
    known = st.fixed_dictionaries({"basics": basics}, optional={**sections, "meta": meta})
    return st.builds(lambda extra, doc: {**extra, **doc}, EXTRAS, known)
