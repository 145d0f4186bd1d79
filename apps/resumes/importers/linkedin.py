"""Importing a LinkedIn data export: the zip LinkedIn sends from Settings → Data privacy → Get a
copy of your data. Its CSVs become sections: Profile → basics, Positions → work, Education,
Skills, Projects, Certifications; and when present Email Addresses and PhoneNumbers → basics,
Languages, Honors → awards, Publications.

The zip is never extracted. Only members named like those files (at the top or in one folder;
never a path with `..`) are opened, each read with a size limit; what is read in all, and how
well a member claims to compress, are capped — so a zip bomb or a 10 000-file archive costs
next to nothing.
"""

import csv
import io
import re
import zipfile
import zlib

from . import Draft, Imported, ImportProblem

MAX_UPLOAD = 10 * 1024 * 1024  # a full archive, messages and all, is usually smaller
MAX_MEMBER = 2 * 1024 * 1024  # one CSV, uncompressed; a long career's Positions.csv is ~50 kB
MAX_TOTAL = 8 * 1024 * 1024  # every CSV read, together
MAX_RATIO = 50  # CSV text compresses 5–10×; a bomb, 1000×
MAX_ENTRIES = 10_000
MAX_ROWS = 1000
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BULLET = re.compile(r"^\s*[•◦▪▫●‣·*\-–—]\s*")
URL = re.compile(r"https?://[^\s,\]\[\"']+")
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError)
# The files LinkedIn uses for what a resume holds, the column that tells their header row.
KEY_COLUMNS = {
    "Profile.csv": "First Name",
    "Email Addresses.csv": "Email Address",
    "PhoneNumbers.csv": "Number",
    "Positions.csv": "Company Name",
    "Education.csv": "School Name",
    "Skills.csv": "Name",
    "Projects.csv": "Title",
    "Certifications.csv": "Name",
    "Languages.csv": "Name",
    "Honors.csv": "Title",
    "Publications.csv": "Name",
}
MAIN_FILES = ("Profile.csv", "Positions.csv", "Education.csv", "Skills.csv", "Projects.csv")


def read(upload) -> Imported:
    """The resume in a LinkedIn export, from an uploaded file (memory or temporary file)."""
    if upload.size > MAX_UPLOAD:
        raise ImportProblem([too_large()])
    try:
        archive = zipfile.ZipFile(upload)
    except (*ZIP_ERRORS, ValueError, NotImplementedError):
        raise ImportProblem(
            ["This zip file is damaged or not a zip file. Download it again."]
        ) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ImportProblem(
                [f"This zip holds more than {MAX_ENTRIES:,} files; LinkedIn's do not."]
            )
        members = _members(entries)
        if not members:
            raise ImportProblem([_nothing_found(entries)])
        return _read_members(archive, members)


def too_large(limit: int = MAX_UPLOAD) -> str:
    return (
        f"That file is larger than {limit // 1_048_576} MB. A JSON Resume file is far smaller; "
        "from LinkedIn, ask for the smaller export (under “Get a copy of your data”, pick "
        "Profile, Positions, Education, Skills and the like, not the larger archive)."
    )


def _members(entries: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """Our files by their LinkedIn name, found at the top of the zip or in one folder."""
    names = {name.lower(): name for name in KEY_COLUMNS}
    found: dict[str, zipfile.ZipInfo] = {}
    for entry in sorted(entries, key=lambda e: e.filename.count("/")):
        parts = entry.filename.replace("\\", "/").split("/")
        if entry.is_dir() or len(parts) > 2 or ".." in parts or not parts[0] or ":" in parts[0]:
            continue
        name = names.get(parts[-1].lower())
        if name and name not in found:
            found[name] = entry
    return found


def _nothing_found(entries: list[zipfile.ZipInfo]) -> str:
    shown = [e.filename[:60] for e in entries[:8]]
    more = f" and {len(entries) - 8} more" if len(entries) > 8 else ""
    held = f"It holds: {', '.join(shown)}{more}." if entries else "It is empty."
    return f"This zip has none of the files of a LinkedIn export ({', '.join(MAIN_FILES)}). {held}"


def _read_members(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> Imported:
    draft = Draft(title="From LinkedIn")
    budget = MAX_TOTAL
    for name, entry in members.items():
        if _refused(entry, name, budget, draft):
            continue
        budget -= entry.file_size
        if (rows := _rows(archive, entry, name, draft)) is not None:
            READERS[name](draft, rows, name)
    if not _has_content(draft.content):
        names = ", ".join(members)
        if draft.notes:
            raise ImportProblem([f"Nothing could be imported from {names}:", *draft.notes])
        raise ImportProblem([f"Nothing to import: {names} held no rows."])
    if missing := [name for name in MAIN_FILES if name not in members]:
        draft.note(f"Not in this export: {', '.join(missing)}.")
    return draft.result()


def _refused(entry: zipfile.ZipInfo, name: str, budget: int, draft: Draft) -> bool:
    """Whether a member is too big to read, by what the zip declares (checked again on read)."""
    size, packed = entry.file_size, max(entry.compress_size, 1)
    if size > MAX_MEMBER:
        draft.note(f"{name} is larger than {MAX_MEMBER // 1_048_576} MB; left out.")
    elif size > budget:
        draft.note(f"{name} is left out: the files together are over {MAX_TOTAL // 1_048_576} MB.")
    elif size > 65_536 and size / packed > MAX_RATIO:
        draft.note(f"{name} claims to compress {size // packed}×, which CSV does not; left out.")
    else:
        return False
    return True


def _rows(archive, entry: zipfile.ZipInfo, name: str, draft: Draft):
    """The rows of one CSV as dicts by column name, or None (noted) when it cannot be read."""
    size = entry.file_size
    try:
        with archive.open(entry) as member:
            data = member.read(size + 1)  # never more than it declared, whatever it holds
    except (*ZIP_ERRORS, RuntimeError, NotImplementedError, ValueError):
        draft.note(f"{name} could not be read from the zip (damaged or encrypted); left out.")
        return None
    if len(data) > size:
        draft.note(f"{name} is larger than the zip says; left out.")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        draft.note(
            f"{name} is not UTF-8 text, as LinkedIn writes it; left out. If a spreadsheet "
            "saved it again, save it as “CSV UTF-8”."
        )
        return None
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))[: MAX_ROWS + 5]
    except csv.Error as exc:
        draft.note(f"{name} is not a readable CSV file ({exc}); left out.")
        return None
    return _records(table, name, draft)


def _records(table: list[list[str]], name: str, draft: Draft):
    key = KEY_COLUMNS[name]
    # Some of LinkedIn's files start with a few lines of notes before the header.
    start = next((i for i, row in enumerate(table[:6]) if key in [c.strip() for c in row]), None)
    if start is None:
        draft.note(f"{name} has no “{key}” column; left out.")
        return None
    header = [c.strip() for c in table[start]]
    records = []
    for number, row in enumerate(table[start + 1 :], start=start + 2):
        if any(cell.strip() for cell in row):
            record = {h: (row[i] if i < len(row) else "") for i, h in enumerate(header)}
            records.append((f"{name}, row {number}", record))
    return records[:MAX_ROWS]


def _has_content(content: dict) -> bool:
    return any(content["basics"].values()) or any(
        items for key, items in content.items() if key != "basics"
    )


# --- one reader per file ------------------------------------------------------------------


def _profile(draft: Draft, rows, name: str) -> None:
    for where, row in rows[:1]:
        full_name = f"{row.get('First Name', '').strip()} {row.get('Last Name', '').strip()}"
        urls = URL.findall(row.get("Websites", ""))
        draft.set_basics(
            where,
            name=full_name,
            label=row.get("Headline"),
            summary=row.get("Summary"),
            url=urls[0] if urls else None,
        )
        if place := [p.strip() for p in row.get("Geo Location", "").split(",") if p.strip()]:
            draft.set_location(where, city=place[0], region=", ".join(place[1:]) or None)


def _email(draft: Draft, rows, name: str) -> None:
    primary = [r for r in rows if r[1].get("Primary", "").strip().lower() == "yes"]
    for where, row in (primary or rows)[:1]:
        draft.set_basics(where, email=row.get("Email Address"))


def _phone(draft: Draft, rows, name: str) -> None:
    for where, row in rows[:1]:
        draft.set_basics(where, phone=row.get("Number"))


def _positions(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        summary, highlights = _summary_and_highlights(row.get("Description", ""))
        draft.add(
            "work",
            where,
            position=row.get("Title"),
            name=row.get("Company Name"),
            location=row.get("Location"),
            startDate=_date(draft, row.get("Started On"), where),
            endDate=_date(draft, row.get("Finished On"), where),
            summary=summary,
            highlights=highlights,
        )


def _education(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        # LinkedIn writes degree and field together: "Bachelor of Science - BS, Biology".
        degree, _, area = row.get("Degree Name", "").partition(", ")
        draft.add(
            "education",
            where,
            institution=row.get("School Name"),
            studyType=degree,
            area=area,
            startDate=_date(draft, row.get("Start Date"), where),
            endDate=_date(draft, row.get("End Date"), where),
        )


def _skills(draft: Draft, rows, name: str) -> None:
    unique: dict[str, str] = {}  # LinkedIn's file may list a skill twice
    for _, row in rows:
        if skill := " ".join(row.get("Name", "").split()):
            unique.setdefault(skill.casefold(), skill)
    names = list(unique.values())
    # One group of keywords ("Skills: Python, SQL, …"), as resumes list them; 50 a group.
    for start in range(0, len(names), 50):
        draft.add("skills", name, name="Skills", keywords=names[start : start + 50])


def _projects(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        draft.add(
            "projects",
            where,
            name=row.get("Title"),
            description=row.get("Description"),
            url=row.get("Url"),
            startDate=_date(draft, row.get("Started On"), where),
            endDate=_date(draft, row.get("Finished On"), where),
        )


def _certifications(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        draft.add(
            "certificates",
            where,
            name=row.get("Name"),
            issuer=row.get("Authority"),
            url=row.get("Url"),
            date=_date(draft, row.get("Started On"), where),
        )


def _languages(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        fluency = row.get("Proficiency", "")
        if fluency.isupper():  # NATIVE_OR_BILINGUAL → Native or bilingual
            fluency = fluency.replace("_", " ").capitalize()
        draft.add("languages", where, language=row.get("Name"), fluency=fluency)


def _honors(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        draft.add(
            "awards",
            where,
            title=row.get("Title"),
            summary=row.get("Description"),
            date=_date(draft, row.get("Issued On"), where),
        )


def _publications(draft: Draft, rows, name: str) -> None:
    for where, row in rows:
        draft.add(
            "publications",
            where,
            name=row.get("Name"),
            publisher=row.get("Publisher"),
            releaseDate=_date(draft, row.get("Published On"), where),
            url=row.get("Url"),
            summary=row.get("Description"),
        )


READERS = {
    "Profile.csv": _profile,
    "Email Addresses.csv": _email,
    "PhoneNumbers.csv": _phone,
    "Positions.csv": _positions,
    "Education.csv": _education,
    "Skills.csv": _skills,
    "Projects.csv": _projects,
    "Certifications.csv": _certifications,
    "Languages.csv": _languages,
    "Honors.csv": _honors,
    "Publications.csv": _publications,
}


def _summary_and_highlights(text: str) -> tuple[str, list[str]]:
    """Bulleted lines of a description become highlights; the rest stays its summary."""
    lines = text.replace("\r\n", "\n").split("\n")
    bullets = [BULLET.sub("", line) for line in lines if BULLET.match(line)]
    if not bullets:
        return text, []
    rest = "\n".join(line for line in lines if not BULLET.match(line)).strip()
    return rest, bullets


def _date(draft: Draft, text: str | None, where: str) -> str | None:
    """LinkedIn's "Mar 2015", "2015", "Mar 3, 2015" or "3/15/2015" as JSON Resume's
    YYYY[-MM[-DD]]; None when empty or unreadable (noted)."""
    text = (text or "").strip()
    if not text or text.lower() in {"present", "now", "current"}:
        return None
    if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text):
        return _iso(m[1], m[2], m[3])
    if m := re.fullmatch(r"([A-Za-z]{3,})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})", text):
        month = m[1][:3].lower()
        if month in MONTHS:
            return _iso(m[3], str(MONTHS.index(month) + 1), m[2])
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        return _iso(m[3], m[1], m[2])
    draft.note(f"{where}: could not read the date “{text[:30]}”; left it out.")
    return None


def _iso(year: str, month: str | None, day: str | None) -> str:
    parts = [year] + [p.zfill(2) for p in (month, day) if p]
    return "-".join(parts if month else [year])
