"""Honesty after generation: what in an answer the person's data does not back up.

Every number, date and capitalised name (people, employers, schools, products, places) in the
output is looked up in the inputs; what is not found comes back as an unverified claim with its
position, for the editor to highlight and to ask for a confirmation before it is accepted.
Matching ignores case and punctuation, and reads "March 2021" as the same date as 2021-03;
it never guesses that two different numbers or names mean the same thing.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])(?:-\d\d)?\b")
SLASH_DATE = re.compile(r"\b(?P<month>0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
NUMBER = re.compile(r"(?<![\w.])[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?%|[kKmM]\b|x\b|\+)?")
WORD = re.compile(r"[A-Za-z][\w'’.+#&-]*[\w+#]|[A-Za-z]")
SENTENCE_END = re.compile(r"(^|[.!?:;\n•*–—-]\s*|[\"“(]\s*)$")
# Lower-case words inside one name: "University of the Arts", "Centre for Design".
CONNECTORS = {"of", "&", "de", "for", "the", "van", "von", "da", "der", "du", "la", "le"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Words that open sentences without naming anything.
COMMON = set(
    """
    i a an the this that these those it its my our your their his her we you they he she me us
    as at by for from in into on onto of off with without within about above across after
    against along among around before behind below beneath beside between beyond during
    except inside near outside over since through throughout till to toward towards under
    until upon via and but or nor so yet also then now today currently previously recently
    here there when where while why how what which who whom whose if because although though
    once unless whether both each every either neither all any some many most more much few
    several such no not only just even still already again always often never sometimes
    hello hi dear thank thanks kind best warm sincerely regards yours cheers please welcome
    yes let lets let's is are was were be been being have has had do does did can could will
    would should may might must shall am one two three four five six seven eight nine ten
    first second third next last new other another same own great good strong key core main
    built led ran made wrote grew cut drove won taught set brought began became took gave
    found kept held sold spent thought understood bought put read saw met
    holds has works leads builds loves brings makes helps knows writes designs manages creates
    runs speaks teaches enjoys offers delivers drives owns combines blends turns focuses
    recent selected featured latest see
    """.split()
)


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    text: str
    kind: str  # number | date | name


class Sources:
    """What the inputs say, normalised for lookups."""

    def __init__(self, values):
        text = "\n".join(_strings(values))
        self.words = " " + " ".join(w.casefold().strip(".'’-") for w in WORD.findall(text)) + " "
        self.numbers = {_number(m.group()) for m in NUMBER.finditer(text)}
        self.months = {(int(m["year"]), _month(m["month"])) for m in _dates(text)}
        self.years = set(YEAR.findall(text))

    def has_name(self, phrase: str) -> bool:
        words = " ".join(w.casefold().strip(".'’-") for w in WORD.findall(phrase))
        return f" {words} " in self.words


def unverified(output: str, inputs, *, names_from=None) -> list[Claim]:
    """The claims in `output` that `inputs` (text, or nested dicts and lists of it) lack.

    `names_from` backs names only: a job description may name its company and the role, but
    the years, dates and numbers it asks for are not the person's.
    """
    sources = Sources(inputs)
    named = Sources([inputs, names_from]) if names_from else sources
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(start: int, end: int, kind: str, verified: bool) -> None:
        taken.append((start, end))
        if not verified:
            claims.append(Claim(start, end, output[start:end], kind))

    for match in _dates(output):
        if free(*match.span()):
            key = (int(match["year"]), _month(match["month"]))
            add(*match.span(), "date", key in sources.months)
    for match in YEAR.finditer(output):
        if free(*match.span()):
            add(*match.span(), "date", match.group() in sources.years)
    for match in NUMBER.finditer(output):
        if free(*match.span()):
            add(*match.span(), "number", _number(match.group()) in sources.numbers)
    for start, end in _names(output):
        if free(start, end):
            add(start, end, "name", named.has_name(output[start:end]))
    return sorted(claims, key=lambda c: c.start)


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def _dates(text: str):
    for pattern in (MONTH_YEAR, ISO_DATE, SLASH_DATE):
        yield from pattern.finditer(text)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.casefold()]


def _number(text: str) -> str:
    """ "1,200", "$1200" and "1200+" are one number; "20%" and "20" too (the unit is not
    the claim); "1.50" is "1.5"."""
    digits = re.sub(r"[^\d.]", "", text.replace(",", ""))
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return digits.lstrip("0") or "0"


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def _names(text: str) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words ("Babbage & Co", "University of London", "AWS"),
    leaving out words that are capitalised only because a sentence starts with them."""
    words = list(WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    run: list[re.Match] = []

    def close() -> None:
        while run and run[-1].group().casefold() in CONNECTORS:
            run.pop()
        if run:
            spans.append((run[0].start(), run[-1].end()))
        run.clear()

    for index, match in enumerate(words):
        word = match.group()
        folded = re.split("['’]", word.casefold().strip("."))[0]  # I'm → i
        gap = text[run[-1].end() : match.start()] if run else ""
        if run and (gap.strip() not in ("", "&") or "\n" in gap):
            close()
        if folded in MONTHS or folded in WEEKDAYS:
            close()
            continue
        if _is_capitalised(word):
            starts_sentence = bool(SENTENCE_END.search(text[: match.start()]))
            if (folded in COMMON and folded not in CONNECTORS) or (
                folded in CONNECTORS and not run
            ):
                close()
                continue
            if not run and starts_sentence and _ordinary(folded, text):
                continue
            run.append(match)
        elif run and folded in CONNECTORS and index + 1 < len(words):
            following = words[index + 1].group()
            if _is_capitalised(following):
                run.append(match)
                continue
            close()
        else:
            close()
    close()
    return spans


def _ordinary(word: str, text: str) -> bool:
    """A sentence-opening word that is an ordinary word: a verb or adverb by its ending, or
    written in lower case elsewhere in the text."""
    if word.endswith(("ed", "ing", "ly")):
        return True
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text) is not None
