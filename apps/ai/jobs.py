"""Jobs and letters for the offline writer: a job description's keywords, role and company,
tailoring a resume by putting first what the person has and the job asks for, and a cover
letter from the resume. Pure functions, nothing added that the data does not hold."""

import re
from collections import Counter

from .writer import article, end_sentence, joined, lower_first, sentences, tighten, verb_first

STOPWORDS = set(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    this that these those it its our your their we you they he she i me my us will would can
    could should may might must have has had do does did not no nor so than then too very
    about above after again against all am any because before below between both during each
    few further here how into more most other out over own same some such only through under
    until up what when where which while who whom why also etc per via within without across
    role job team work working looking seeking candidate candidates experience years year
    ability strong excellent good great new plus including include includes using use used
    like well across based help helping make making across day days time part full join us
    required requirements preferred responsibilities qualifications nice bonus must-have""".split()
)


def job_keywords(job_text: str, limit: int = 20) -> list[str]:
    """The terms a job description leans on, most weighty first: tools and acronyms (Node.js,
    C++, AWS), capitalised names of things (Adobe Illustrator, the job's title), then plain
    words it repeats. The hiring company's own name is not a keyword."""
    _, company = job_title_and_company(job_text)
    weights: Counter = Counter()
    spelling: dict[str, str] = {}
    words = list(re.finditer(r"[A-Za-z][A-Za-z0-9.+#/-]*[A-Za-z0-9+#]|[A-Za-z]", job_text))
    phrase: list[str] = []

    def add(term: str, weight: int) -> None:
        key = term.casefold().rstrip(".")
        if key in STOPWORDS or len(key) < 2 or key == company.casefold():
            return
        weights[key] += weight
        if weight > 1 or key not in spelling:
            spelling[key] = term.rstrip(".")

    def close() -> None:
        if phrase:
            add(" ".join(phrase), 2)
            phrase.clear()

    for index, match in enumerate(words):
        word = match.group()
        before = job_text[words[index - 1].end() : match.start()] if index else ""
        starts = index == 0 or bool(re.search(r"[.!?:\n•*]", before))
        if phrase and before.strip():
            close()
        tool = (
            any(c in word for c in "+#")
            or re.search(r"\w\.\w", word)
            or (word.isupper() and len(word) > 1)
            or bool(re.match(r"[a-z]+[A-Z]", word))
        )
        if tool:
            close()
            add(word, 3)
        elif word[0].isupper() and not starts and len(word) > 1:
            phrase.append(word)
        elif (
            word[0].isupper()
            and starts
            and index + 1 < len(words)
            and (
                words[index + 1].group()[0].isupper()
                and not job_text[match.end() : words[index + 1].start()].strip()
            )
        ):
            phrase.append(word)  # "Adobe Illustrator" opening a sentence
        else:
            close()
            add(word, 1)
    close()
    keep = [k for k, n in weights.most_common() if n >= 2]
    return [spelling[k] for k in keep[:limit]]


ROLE_ASKED = re.compile(
    r"\b(?:hiring|seeking|looking for)\s+(?:an?\s+)?"
    r"([A-Z][\w/ +-]{2,60}?)(?=[.,!\n(]| to | who | in | at |$)"
)
COMPANY = re.compile(r"\b(?:at|join|About)\s+([A-Z][\w&'-]*(?:\s+(?:&\s+)?[A-Z][\w&'-]*){0,3})")


def job_title_and_company(job_text: str) -> tuple[str, str]:
    """Best guesses from the job description itself; "" when it does not say."""
    role = company = ""
    match = ROLE_ASKED.search(job_text)
    if match:
        role = match.group(1).strip()
    else:
        first = job_text.strip().split("\n", 1)[0].strip(" #*:")
        if 1 <= len(first.split()) <= 6:
            role = first
    match = COMPANY.search(job_text)
    if match:
        company = match.group(1)
    return role, company


def cover_letter(resume: dict, job_text: str, tone: str = "") -> str:
    basics = resume.get("basics") or {}
    work = resume.get("work") or []
    role, company = job_title_and_company(job_text)
    text = resume_text(resume).lower()
    matched = [
        k for k in job_keywords(job_text) if k.lower() in text and k.lower() not in role.lower()
    ][:5]
    greeting = "Hello," if tone == "friendly" else "Dear hiring team,"
    target = f"the {role} role" if role else "this role"
    where = f" at {company}" if company else ""
    opening = f"I am writing to apply for {target}{where}."
    if basics.get("label"):
        opening += f" I am {article(basics['label'])} {lower_first(basics['label'])}"
        opening += f" working with {joined(matched[:3])}." if matched else "."
    middle = []
    if work:
        job = work[0]
        middle.append(
            f"As {job.get('position', '')} at {job.get('name', '')}, I:".replace(" ,", ",")
        )
        for line in (job.get("highlights") or [])[:3]:
            middle.append(f"- {verb_first(tighten(line)).rstrip('.')}")
    if matched[3:]:
        middle.append(f"I also bring {joined(matched[3:])}.")
    close = (
        f"I would welcome the chance to talk about how I could help{where}. "
        "Thank you for your time."
    )
    name = basics.get("name", "")
    sign = "Best wishes," if tone == "friendly" else "Kind regards,"
    return "\n\n".join(
        p for p in (greeting, opening, "\n".join(middle), close, f"{sign}\n{name}".strip()) if p
    )


def resume_text(resume: dict) -> str:
    out = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in ("id", "rev", "meta"):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            out.append(value)

    walk(resume)
    return "\n".join(out)


def tailor(resume: dict, job_text: str) -> dict:
    """Edits that put what the person already has and the job asks for first: highlights
    reordered, summaries leading with matching facts, skills ordered by the job."""
    keywords = job_keywords(job_text)
    wanted = [k.lower() for k in keywords]

    def score(line: str) -> int:
        low = line.lower()
        return sum(1 for k in wanted if re.search(rf"(?<![\w]){re.escape(k)}(?![\w])", low))

    edits = []
    summary = (resume.get("basics") or {}).get("summary") or ""
    if summary:
        parts = sentences(summary)
        best = sorted(parts, key=lambda s: -score(s))
        if best != parts:
            edits.append(
                {
                    "section": "basics",
                    "item_id": "basics",
                    "field": "summary",
                    "after": " ".join(end_sentence(s) for s in best),
                    "reason": "Opens with what the job asks for.",
                }
            )
    for section in ("work", "projects", "volunteer"):
        for item in resume.get(section) or []:
            lines = item.get("highlights") or []
            ordered = sorted(lines, key=lambda line: -score(line))
            if ordered != lines:
                edits.append(
                    {
                        "section": section,
                        "item_id": item.get("id", ""),
                        "field": "highlights",
                        "after": ordered,
                        "reason": "Highlights that match the job come first.",
                    }
                )
    skills_ = resume.get("skills") or []
    ordered = sorted(
        skills_, key=lambda s: -score(" ".join([s.get("name", ""), *s.get("keywords", [])]))
    )
    if ordered != skills_:
        edits.append(
            {
                "section": "skills",
                "item_id": "skills",
                "field": "order",
                "after": [s.get("id", "") for s in ordered],
                "reason": "Skills the job names come first.",
            }
        )
    return {"edits": edits, "keywords": keywords}
