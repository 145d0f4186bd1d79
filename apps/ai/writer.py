"""The offline writer: deterministic suggestions composed from the person's own words and facts.

It tightens (fillers out, wordy phrases shortened), corrects common misspellings and
punctuation, changes tone by rule (contractions, hedges, casual words), and assembles headlines,
bios, summaries, bullet points and letters from the library — with nothing added that the data
does not hold. Every function is pure: the same inputs give the same text.
"""

import re
from collections import Counter
from collections.abc import Iterable

# Wordy phrase → shorter phrase with the same meaning.
WORDY = [
    (r"\bin order to\b", "to"),
    (r"\bdue to the fact that\b", "because"),
    (r"\bat this point in time\b", "now"),
    (r"\bat the present time\b", "now"),
    (r"\bfor the purpose of\b", "for"),
    (r"\bin the event that\b", "if"),
    (r"\bwith regard to\b", "about"),
    (r"\bin terms of\b", "in"),
    (r"\b(is|are) able to\b", "can"),
    (r"\bhas the ability to\b", "can"),
    (r"\beach and every\b", "every"),
    (r"\bthe majority of\b", "most"),
    (r"\ba (large )?number of\b", "many"),
    (r"\ba lot of\b", "many"),
    (r"\butili[sz](e|es|ed|ing)\b", r"us\1"),
    (r"\bleverag(e|es|ed|ing)\b", r"us\1"),
]
FILLERS = r"\b(very|really|basically|actually|literally|totally|quite|just|simply|truly)\s+"
HEDGES = [
    r"\bI (think|believe|feel|guess) (that )?",
    r"\b(maybe|perhaps|hopefully|possibly) ",
    r"\b(kind|sort) of ",
    r"\b(a (little )?bit|somewhat|fairly|pretty) (?=\w)",
    r"\bI('m| am) not an expert,? but ",
    r"\bI try to ",
    r"\bI('m| am) trying to ",
]
MISSPELLINGS = {
    "teh": "the", "recieve": "receive", "recieved": "received", "seperate": "separate",
    "definately": "definitely", "occured": "occurred", "untill": "until", "wich": "which",
    "thier": "their", "alot": "a lot", "adress": "address", "begining": "beginning",
    "beleive": "believe", "calender": "calendar", "comming": "coming",
    "enviroment": "environment", "goverment": "government", "independant": "independent",
    "managment": "management", "occassion": "occasion", "persue": "pursue",
    "publically": "publicly", "reccomend": "recommend", "refered": "referred",
    "responsability": "responsibility", "succesful": "successful", "tommorow": "tomorrow",
    "truely": "truly", "wierd": "weird", "acheive": "achieve", "acheived": "achieved",
    "accross": "across", "experiance": "experience", "developement": "development",
    "sucess": "success", "writting": "writing", "buisness": "business", "collegue": "colleague",
    "comunication": "communication", "existance": "existence", "foriegn": "foreign",
    "grammer": "grammar", "knowlege": "knowledge", "neccessary": "necessary",
    "noticable": "noticeable", "occurence": "occurrence", "paralel": "parallel",
    "posession": "possession", "prefered": "preferred", "realy": "really",
    "relevent": "relevant", "similiar": "similar", "strenght": "strength",
}  # fmt: skip
GRAMMAR = [
    (r"\b(could|should|would|must) of\b", r"\1 have"),
    (r"\bi\b", "I"),
    (r"\bi'(m|ve|ll|d)\b", r"I'\1"),
]
CONTRACTIONS = {
    "I am": "I'm", "I have": "I've", "I will": "I'll", "I would": "I'd", "you are": "you're",
    "we are": "we're", "they are": "they're", "it is": "it's", "that is": "that's",
    "do not": "don't", "does not": "doesn't", "did not": "didn't", "is not": "isn't",
    "are not": "aren't", "was not": "wasn't", "were not": "weren't", "cannot": "can't",
    "will not": "won't", "would not": "wouldn't", "let us": "let's", "have not": "haven't",
}  # fmt: skip
CASUAL = {
    "awesome": "excellent", "cool": "good", "stuff": "work", "guys": "everyone",
    "gonna": "going to", "wanna": "want to", "kinda": "somewhat", "super": "very",
    "huge": "large", "tons of": "many", "lots of": "many", "a ton of": "many",
}  # fmt: skip
FORMAL = {
    "utilise": "use", "utilize": "use", "commence": "start", "assist": "help",
    "obtain": "get", "purchase": "buy", "require": "need", "endeavour": "try",
    "Furthermore,": "Also,", "Moreover,": "Also,", "However,": "But",
    "approximately": "about", "subsequently": "then", "in addition": "also",
}  # fmt: skip
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


# --- small pieces ------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p.strip(" -•*\t") for p in parts if p.strip(" -•*\t")]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """“Illustrator” → “illustrator”, but “UX designer” stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def joined(items: Iterable[str], conjunction: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def end_sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else text + "."


def _replace_all(text: str, pairs, flags=re.IGNORECASE) -> str:
    for pattern, replacement in pairs:
        text = re.sub(
            pattern, lambda m, r=replacement: _keep_case(m, m.expand(r)), text, flags=flags
        )
    return text


def _keep_case(match: re.Match, replacement: str) -> str:
    return capitalise(replacement) if match.group()[:1].isupper() else replacement


def _words(text: str) -> int:
    return len(text.split())


# --- rewriting any text ------------------------------------------------------------------


def fix_grammar(text: str) -> str:
    """Spelling, doubled words, spacing, capitals at sentence starts and a final stop."""
    text = re.sub(
        r"\b[A-Za-z]+\b",
        lambda m: _keep_case(m, MISSPELLINGS.get(m.group().lower(), m.group())),
        text,
    )
    text = _replace_all(text, GRAMMAR[:1])
    text = re.sub(r"\bi\b", "I", text)
    text = re.sub(r"\bi(?=['’](m|ve|ll|d)\b)", "I", text)
    text = re.sub(r"\b(\w+)(\s+\1\b)+", r"\1", text, flags=re.IGNORECASE)  # "the the"
    text = re.sub(r"\b(a|an) (\w+)", _fix_article, text, flags=re.IGNORECASE)
    text = re.sub(r"[ \t]+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?=[A-Za-z])", r"\1 ", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    lines = [line.rstrip() for line in text.strip().split("\n")]
    if lines and len(lines[-1].split()) > 3:
        lines[-1] = end_sentence(lines[-1])
    return "\n".join(lines)


def _fix_article(match: re.Match) -> str:
    word = match.group(2)
    vowel_sound = word[:1].lower() in "aeiou" and not word.lower().startswith(("uni", "use", "eu"))
    if word.isupper() and len(word) > 1:  # acronyms: "an SQL", "a UX"? read by letter name
        vowel_sound = word[0] in "AEFHILMNORSX"
    wanted = "an" if vowel_sound else "a"
    return _keep_case(match, wanted) + " " + word


def tighten(text: str) -> str:
    text = _replace_all(text, WORDY)
    text = re.sub(FILLERS, "", text, flags=re.IGNORECASE)
    return fix_grammar(text)


def improve(text: str) -> str:
    """Tighter and clearer: the same facts, wordy phrases and fillers out, repeated sentences
    once, and a long single paragraph split after every third sentence."""
    kept, seen = [], set()
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        parts = [tighten(s) for s in sentences(paragraph)]
        parts = [s for s in parts if not (s.lower() in seen or seen.add(s.lower()))]
        if len(parts) > 4:
            kept += [" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3)]
        elif parts:
            kept.append(" ".join(end_sentence(s) for s in parts) if len(parts) > 1 else parts[0])
    return "\n\n".join(kept)


def shorten(text: str) -> str:
    """About half: the first sentence, then the sentences that carry facts (numbers, names),
    in their order, until half the words; asides in brackets go."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    parts = [tighten(s) for s in sentences(text)]
    if len(parts) <= 1:
        words = tighten(text).split()
        if len(words) <= 12:
            return " ".join(words)
        return end_sentence(" ".join(words[: max(8, len(words) // 2)]).rstrip(",;:"))
    budget = max(8, _words(text) // 2)
    scored = sorted(range(1, len(parts)), key=lambda i: -_fact_weight(parts[i]))
    chosen = {0}
    used = _words(parts[0])
    for i in scored:
        if used + _words(parts[i]) <= budget:
            chosen.add(i)
            used += _words(parts[i])
    return " ".join(end_sentence(parts[i]) for i in sorted(chosen))


def _fact_weight(sentence: str) -> int:
    return len(re.findall(r"\d", sentence)) + len(re.findall(r"\s[A-Z]", sentence))


def expand(text: str, facts: dict) -> str:
    """The text, tightened, followed by sentences built from the person's related facts."""
    base = improve(text)
    known = base.lower()
    extra = []
    techs = [t for t in _technologies(facts) if t.lower() not in known][:4]
    skills = [s for s in facts.get("skills") or [] if s.lower() not in known][:4]
    projects = [p["title"] for p in facts.get("projects") or [] if p["title"].lower() not in known]
    profile = facts.get("profile") or {}
    if profile.get("title") and profile["title"].lower() not in known:
        extra.append(f"I work as {article(profile['title'])} {lower_first(profile['title'])}.")
    if techs:
        extra.append(f"I work with {joined(techs)}.")
    elif skills:
        extra.append(f"My skills include {joined(skills)}.")
    if projects:
        extra.append(f"You can see this in {joined(projects[:3])}.")
    return base + ("\n\n" + " ".join(extra) if extra else "")


def change_tone(text: str, tone: str) -> str:
    text = tighten(text)
    if tone == "professional":
        for short, full in sorted(
            ((v, k) for k, v in CONTRACTIONS.items()), key=lambda p: -len(p[0])
        ):
            text = re.sub(
                rf"\b{re.escape(short)}\b",
                lambda m, f=full: _keep_case(m, f),
                text,
                flags=re.IGNORECASE,
            )
        text = _replace_all(text, [(rf"\b{re.escape(k)}\b", v) for k, v in CASUAL.items()])
        text = re.sub(r"!+", ".", text)
    elif tone == "friendly":
        text = _replace_all(text, [(rf"\b{re.escape(k)}(?=\W|$)", v) for k, v in FORMAL.items()])
        for full, short in CONTRACTIONS.items():
            text = re.sub(
                rf"\b{full}\b", lambda m, s=short: _keep_case(m, s), text, flags=re.IGNORECASE
            )
    elif tone == "confident":
        text = _replace_all(
            text, [(pattern, "I " if "I " in pattern else "") for pattern in HEDGES]
        )
        text = re.sub(r"\bI I\b", "I", text)
        text = re.sub(r"\?(\s|$)", r".\1", text)
    return fix_grammar(text)


# --- writing from facts ------------------------------------------------------------------


def _technologies(facts: dict) -> list[str]:
    counts: Counter = Counter()
    spelling = {}
    for item in (facts.get("projects") or []) + (facts.get("experience") or []):
        for tech in item.get("technologies") or []:
            counts[tech.casefold()] += 1
            spelling.setdefault(tech.casefold(), tech)
    return [spelling[k] for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _first_name(profile: dict) -> str:
    return (profile.get("name") or "").split(" ")[0]


def hero(facts: dict, text: str = "", tone: str = "") -> str:
    profile = facts.get("profile") or {}
    name, title = profile.get("name", ""), profile.get("title", "")
    if name and title:
        heading = f"I’m {_first_name(profile)}, {article(title)} {lower_first(title)}"
    else:
        heading = tighten(text).rstrip(".") if text else (name or title or "Welcome")
    if tone == "professional" and name and title:
        heading = f"{name} — {title}"
    skills = (facts.get("skills") or [])[:3] or _technologies(facts)[:3]
    projects = [p["title"] for p in facts.get("projects") or []][:2]
    bio = sentences(profile.get("bio") or "")
    if bio:
        sub = tighten(bio[0])
    elif skills:
        sub = f"I work with {joined(skills)}."
    else:
        sub = ""
    if projects and _words(sub) < 14:
        sub = f"{sub} Recent work: {joined(projects)}.".strip()
    words = sub.split()
    if len(words) > 25:
        sub = end_sentence(" ".join(words[:25]).rstrip(",;:"))
    return f"{heading}\n{sub}".strip()


def about(facts: dict, text: str = "", tone: str = "") -> str:
    profile = facts.get("profile") or {}
    name, title = profile.get("name", ""), profile.get("title", "")
    opening = "Hi! I’m" if tone == "friendly" else "I am" if tone == "professional" else "I’m"
    first = []
    if name:
        first.append(
            f"{opening} {name}" + (f", {article(title)} {lower_first(title)}." if title else ".")
        )
    if profile.get("bio"):
        first.append(improve(profile["bio"]))
    elif text:
        first.append(improve(text))
    second = []
    jobs = facts.get("experience") or []
    if jobs:
        roles = [f"{lower_first(j['role'])} at {j['company']}" for j in jobs[:3]]
        second.append(f"I have worked as {joined(roles)}.")
    techs = (facts.get("skills") or [])[:5] or _technologies(facts)[:5]
    if techs:
        second.append(f"I work with {joined(techs)}.")
    projects = [p["title"] for p in facts.get("projects") or []][:3]
    if projects:
        second.append(f"Recent projects include {joined(projects)}.")
    schools = facts.get("education") or []
    if schools:
        school = schools[0]
        field = f" {school['field']}" if school.get("field") else ""
        degree = f" ({school['degree']})" if school.get("degree") else ""
        second.append(f"I studied{field} at {school['school']}{degree}.")
    return "\n\n".join(p for p in (" ".join(first), " ".join(second)) if p)


def project(title: str, technologies: list[str], notes: str) -> str:
    parts = [tighten(s) for s in sentences(notes or "")]
    parts = [end_sentence(capitalise(p)) for p in parts if p]
    lead = parts.pop(0) if parts else f"{title}."
    lines = [lead if title.lower() in lead.lower() else f"{title}: {lower_first(lead)}"]
    lines += parts
    if technologies:
        lines.append(f"Built with {joined(technologies)}.")
    return " ".join(lines)


def skills(facts: dict) -> dict:
    have = {s.casefold() for s in facts.get("skills") or []}
    sources: dict[str, list[str]] = {}
    spelling: dict[str, str] = {}
    for item in (facts.get("projects") or []) + (facts.get("experience") or []):
        where = item.get("title") or f"{item.get('role')} at {item.get('company')}"
        for tech in item.get("technologies") or []:
            key = tech.casefold()
            if key not in have:
                spelling.setdefault(key, tech)
                sources.setdefault(key, [])
                if where not in sources[key]:
                    sources[key].append(where)
    ranked = sorted(sources, key=lambda k: (-len(sources[k]), k))
    return {
        "skills": [
            {"name": spelling[k], "reason": f"Used in {joined(sources[k][:3])}."} for k in ranked
        ][:15]
    }


def resume_summary(facts: dict, text: str = "", tone: str = "") -> str:
    profile = facts.get("profile") or {}
    jobs = facts.get("experience") or []
    title = profile.get("title") or (jobs[0]["role"] if jobs else "")
    parts = []
    if title and jobs:
        roles = [f"{lower_first(j['role'])} at {j['company']}" for j in jobs[:2]]
        parts.append(f"{capitalise(title)} with experience as {joined(roles)}.")
    elif title:
        parts.append(f"{capitalise(title)}.")
    techs = (facts.get("skills") or [])[:5] or _technologies(facts)[:5]
    if techs:
        parts.append(f"Works with {joined(techs)}.")
    highlights = [h for j in jobs[:1] for h in j.get("highlights") or []][:1]
    if highlights:
        parts.append(end_sentence(_verb_first(tighten(highlights[0]))))
    schools = facts.get("education") or []
    if schools and (schools[0].get("degree") or schools[0].get("field")):
        what = " in ".join(x for x in (schools[0].get("degree"), schools[0].get("field")) if x)
        parts.append(f"{capitalise(what)}, {schools[0]['school']}.")
    if not parts and text:
        return improve(text)
    return " ".join(parts)


def _verb_first(line: str) -> str:
    line = re.sub(r"^(I|We)\s+", "", line.strip())
    line = re.sub(
        r"^(was |were )?responsible for (\w+ing)\b",
        lambda m: m.group(2),
        line,
        flags=re.IGNORECASE,
    )
    return capitalise(line)


def highlights(job: dict, notes: str = "") -> str:
    lines = [_verb_first(tighten(h)).rstrip(".") for h in job.get("highlights") or []]
    lines += [_verb_first(tighten(s)).rstrip(".") for s in sentences(notes or "")]
    lines = list(dict.fromkeys(line for line in lines if line))
    techs = [t for t in job.get("technologies") or [] if t.lower() not in " ".join(lines).lower()]
    if techs:
        lines.append(f"Worked with {joined(techs)}")
    return "\n".join(lines[:5])


# --- jobs and letters --------------------------------------------------------------------


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
    text = _resume_text(resume).lower()
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
            middle.append(f"- {_verb_first(tighten(line)).rstrip('.')}")
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


def _resume_text(resume: dict) -> str:
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


def mentor(portfolio: list[dict], findings: list[dict]) -> dict:
    """Writing advice per block, on top of the checks: long sentences, fillers, hedges."""
    flagged = {f.get("block_id") for f in findings}
    suggestions = []
    for block in portfolio:
        text = block.get("text") or ""
        if not text:
            continue
        long = [s for s in sentences(text) if _words(s) > 30]
        fillers = sorted({m.lower() for m in re.findall(FILLERS.replace(r"\s+", ""), text, re.I)})
        hedges = [h for h in HEDGES if re.search(h, text, re.I)]
        if long:
            start = " ".join(long[0].split()[:6])
            tip = f"Split the long sentence starting “{start}…” in two: it is easier to read."
        elif fillers:
            tip = f"Cut filler words ({', '.join(fillers)}): the text reads stronger without them."
        elif hedges:
            tip = "Drop the hedges (“I think”, “maybe”): say what you did plainly."
        elif block["type"] == "about" and _words(text) < 60 and block["block_id"] not in flagged:
            tip = "Say a little more: how you work, and one result you are proud of."
        else:
            continue
        suggestions.append({"block_id": block["block_id"], "suggestion": tip})
    return {"suggestions": suggestions[:8]}
