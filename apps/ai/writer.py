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
    if text.rstrip().endswith("…"):  # the block's unfinished default ("Hello, I’m …")
        text = ""
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
        parts.append(end_sentence(verb_first(tighten(highlights[0]))))
    schools = facts.get("education") or []
    if schools and (schools[0].get("degree") or schools[0].get("field")):
        what = " in ".join(x for x in (schools[0].get("degree"), schools[0].get("field")) if x)
        parts.append(f"{capitalise(what)}, {schools[0]['school']}.")
    if not parts and text:
        return improve(text)
    return " ".join(parts)


def verb_first(line: str) -> str:
    line = re.sub(r"^(I|We)\s+", "", line.strip())
    line = re.sub(
        r"^(was |were )?responsible for (\w+ing)\b",
        lambda m: m.group(2),
        line,
        flags=re.IGNORECASE,
    )
    return capitalise(line)


def highlights(job: dict, notes: str = "") -> str:
    lines = [verb_first(tighten(h)).rstrip(".") for h in job.get("highlights") or []]
    lines += [verb_first(tighten(s)).rstrip(".") for s in sentences(notes or "")]
    lines = list(dict.fromkeys(line for line in lines if line))
    techs = [t for t in job.get("technologies") or [] if t.lower() not in " ".join(lines).lower()]
    if techs:
        lines.append(f"Worked with {joined(techs)}")
    return "\n".join(lines[:5])


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


def answer(question: str, blocks: list[dict]) -> dict:
    """A visitor's question answered from the portfolio's own sentences: the (at most two)
    sentences sharing most of the question's words, with the blocks they come from; when no
    sentence shares any, "I don't know from this portfolio." (the `ask` task's shape)."""
    from .prompts import DONT_KNOW
    from .retrieval import overlap

    found = []
    for order, block in enumerate(blocks):
        for sentence in sentences(str(block.get("text", ""))):
            score = overlap(question, sentence)
            if score:
                found.append((-score, order, sentence, str(block.get("block_id", ""))))
    best = sorted(found)[:2]
    if not best:
        return {"known": False, "block_ids": [], "answer": DONT_KNOW}
    ids = list(dict.fromkeys(block_id for *_, block_id in best))
    text = " ".join(end_sentence(sentence) for _, _, sentence, _ in best)
    return {"known": True, "block_ids": ids, "answer": f"From the portfolio: {text}"}


def summary(blocks: list[dict]) -> dict:
    """A recruiter's summary from the portfolio's own sentences: who (the first sentence of the
    hero or about text), then the first sentence of each of up to five other blocks, each
    point with the block it comes from (the `summary` task's shape)."""
    points = []
    first = ("hero", "about")
    ordered = sorted(blocks, key=lambda b: b.get("type") not in first)
    for block in ordered:
        lines = [line.strip() for line in str(block.get("text", "")).split("\n") if line.strip()]
        if lines and block.get("type") != "hero" and not _ends(lines[0]):
            lines = lines[1:]  # the block's heading ("About me"), not something it says
        merged: list[str] = []
        for line in lines:  # a title line ("Rabbit Hole") leads the line after it
            if merged and not _ends(merged[-1]) and len(merged[-1].split()) <= 6:
                merged[-1] = f"{merged[-1]}: {line}"
            else:
                merged.append(line)
        said = sentences(" ".join(s if _ends(s) else end_sentence(s) for s in merged))
        if said and len(points) < 6:
            text = " ".join(said[:2] if not points else said[:1])
            points.append({"text": text, "block_ids": [block["block_id"]]})
    return {"points": points}


def _ends(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "…"))
