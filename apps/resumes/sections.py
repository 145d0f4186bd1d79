"""The sections of a resume, as the JSON Resume standard names them, and the fields of each.

One table, read by validation (content.py), the editor's item forms (forms.py), the templates,
the DOCX writer and the importers: a field is named here once. Field names are JSON Resume's.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    name: str  # JSON Resume's property name
    label: str
    kind: str = "text"  # text | long | url | email | date | list (of strings)
    max_length: int = 200
    help: str = ""
    placeholder: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    label: str  # the standard heading ATS parsers look for
    fields: tuple[Field, ...]
    title: tuple[str, ...]  # the fields that name one item, in order, for lists and summaries
    add_label: str = "Add an item"
    dated: tuple[str, ...] = field(default=())  # start and end, or one date

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


START = Field("startDate", "Start", "date", 10, placeholder="2021-03")
END = Field("endDate", "End", "date", 10, help="Leave empty while it goes on.", placeholder="2023")
URL = Field("url", "Link", "url", 500, placeholder="https://")
SUMMARY = Field("summary", "Summary", "long", 2000)
HIGHLIGHTS = Field("highlights", "Highlights", "list", 500, help="One achievement per row.")
KEYWORDS = Field("keywords", "Keywords", "list", 80)

BASICS = Section(
    "basics",
    "Contact",
    (
        Field("name", "Full name", max_length=120),
        Field("label", "Headline", max_length=120, placeholder="Senior backend engineer"),
        Field("email", "Email", "email", 254),
        Field("phone", "Phone", max_length=40),
        Field("url", "Website", "url", 500, placeholder="https://"),
        Field("summary", "Summary", "long", 2000, help="Two or three sentences about you."),
        Field(
            "image", "Photo link", "url", 500, help="Many applicant-tracking systems ignore it."
        ),
    ),
    title=("name",),
)
LOCATION = (
    Field("address", "Address", max_length=200),
    Field("postalCode", "Postal code", max_length=20),
    Field("city", "City", max_length=100),
    Field("region", "Region", max_length=100),
    Field("countryCode", "Country code", max_length=2, placeholder="GB"),
)
PROFILE = (
    Field("network", "Network", max_length=60),
    Field("username", "Username", max_length=100),
    Field("url", "Link", "url", 500),
)

SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section(
            "work",
            "Work experience",
            (
                Field("position", "Position", max_length=120),
                Field("name", "Company", max_length=120),
                Field("location", "Location", max_length=120),
                URL,
                START,
                END,
                Field("description", "About the company", max_length=200),
                SUMMARY,
                HIGHLIGHTS,
            ),
            title=("position", "name"),
            add_label="Add a position",
            dated=("startDate", "endDate"),
        ),
        Section(
            "volunteer",
            "Volunteering",
            (
                Field("position", "Role", max_length=120),
                Field("organization", "Organisation", max_length=120),
                URL,
                START,
                END,
                SUMMARY,
                HIGHLIGHTS,
            ),
            title=("position", "organization"),
            add_label="Add a role",
            dated=("startDate", "endDate"),
        ),
        Section(
            "education",
            "Education",
            (
                Field("institution", "School", max_length=160),
                Field("studyType", "Degree", max_length=120, placeholder="BSc"),
                Field("area", "Field of study", max_length=160),
                URL,
                START,
                END,
                Field("score", "Grade", max_length=40),
                Field("courses", "Courses", "list", 160),
            ),
            title=("studyType", "area", "institution"),
            add_label="Add a school",
            dated=("startDate", "endDate"),
        ),
        Section(
            "projects",
            "Projects",
            (
                Field("name", "Name", max_length=120),
                Field("description", "Description", "long", 2000),
                URL,
                START,
                END,
                Field("entity", "For", max_length=120, help="A company or client, if any."),
                Field("type", "Kind", max_length=60, placeholder="application"),
                Field("roles", "Your roles", "list", 80),
                HIGHLIGHTS,
                KEYWORDS,
            ),
            title=("name",),
            add_label="Add a project",
            dated=("startDate", "endDate"),
        ),
        Section(
            "skills",
            "Skills",
            (
                Field("name", "Skill", max_length=100),
                Field("level", "Level", max_length=40, placeholder="Advanced"),
                KEYWORDS,
            ),
            title=("name",),
            add_label="Add a skill",
        ),
        Section(
            "awards",
            "Awards",
            (
                Field("title", "Title", max_length=160),
                Field("awarder", "Awarded by", max_length=160),
                Field("date", "Date", "date", 10),
                SUMMARY,
            ),
            title=("title",),
            add_label="Add an award",
            dated=("date",),
        ),
        Section(
            "certificates",
            "Certifications",
            (
                Field("name", "Certificate", max_length=160),
                Field("issuer", "Issuer", max_length=160),
                Field("date", "Date", "date", 10),
                URL,
            ),
            title=("name",),
            add_label="Add a certificate",
            dated=("date",),
        ),
        Section(
            "publications",
            "Publications",
            (
                Field("name", "Title", max_length=200),
                Field("publisher", "Publisher", max_length=160),
                Field("releaseDate", "Published", "date", 10),
                URL,
                SUMMARY,
            ),
            title=("name",),
            add_label="Add a publication",
            dated=("releaseDate",),
        ),
        Section(
            "languages",
            "Languages",
            (
                Field("language", "Language", max_length=60),
                Field("fluency", "Fluency", max_length=60, placeholder="Native speaker"),
            ),
            title=("language",),
            add_label="Add a language",
        ),
        Section(
            "interests",
            "Interests",
            (Field("name", "Interest", max_length=100), KEYWORDS),
            title=("name",),
            add_label="Add an interest",
        ),
        Section(
            "references",
            "References",
            (
                Field("name", "Name", max_length=120),
                Field("reference", "What they say", "long", 2000),
            ),
            title=("name",),
            add_label="Add a reference",
        ),
    )
}
# The order a new resume shows them in; the person can change it.
DEFAULT_ORDER = (
    "work",
    "projects",
    "education",
    "skills",
    "certificates",
    "awards",
    "publications",
    "volunteer",
    "languages",
    "interests",
    "references",
)
