"""Importing a LinkedIn data export (the zip from Settings → Data privacy → Get a copy of your
data): its CSVs become sections; hostile zips cost nothing and explain themselves."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.resumes.importers import ImportProblem, linkedin
from apps.resumes.models import Resume

PROFILE = (
    "\ufeffFirst Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
    "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Ada,Lovelace,,,"Dec 10, 1985",Analyst & poet,"I write programs.",Computing,,'
    '"London, England, United Kingdom",,"[PORTFOLIO:https://ada.example/]",\n'
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Analytical Engines,Programmer,"Wrote the first program.\n• Bernoulli numbers\n'
    '• Notes A to G",London,Mar 2015,Sep 2019\n'
    "Babbage & Co,Consultant,,Remote,Oct 2019,\n"
)
EXPORT = {
    "Profile.csv": PROFILE,
    "Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\n"
    "old@ada.example,Yes,No,1/1/20\nada@ada.example,Yes,Yes,1/1/21\n",
    "PhoneNumbers.csv": "Extension,Number,Type\n,+44 20 7946 0000,Mobile\n",
    "Positions.csv": POSITIONS,
    "Education.csv": "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    'University of London,2005,2009,,"Bachelor of Science - BS, Mathematics",Chess\n',
    "Skills.csv": "Name\nPython\nSQL\npython\n",
    "Projects.csv": "Title,Description,Url,Started On,Finished On\n"
    "Difference engine,A calculating machine.,github.com/ada/engine,Jan 2020,Mar 2021\n",
    "Certifications.csv": "Name,Url,Authority,Started On,Finished On,License Number\n"
    "Cloud Architect,https://cert.example/1,Cloud Co,Jan 2023,,ABC-123\n",
    "Languages.csv": "Name,Proficiency\nFrench,PROFESSIONAL_WORKING\n",
    "Honors.csv": "Title,Description,Issued On\nDean's list,Top decile,2008\n",
    "Publications.csv": "Name,Published On,Description,Publisher,Url\n"
    "Notes on the engine,Sep 2017,Translation with notes,Taylor,https://pub.example/notes\n",
}


def export_zip(files: dict, folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            data = text if isinstance(text, bytes) else text.encode()
            archive.writestr(folder + name, data)
    return buffer.getvalue()


def post(client, data: bytes, **fields):
    upload = SimpleUploadedFile("Basic_LinkedInDataExport.zip", data, "application/zip")
    return client.post("/resumes/import/", {"file": upload, **fields}, follow=True)


def read(data: bytes):
    return linkedin.read(SimpleUploadedFile("export.zip", data))


def test_a_linkedin_export_becomes_a_resume(client, alice):
    client.force_login(alice)

    r = post(client, export_zip(EXPORT))

    resume = Resume.objects.get(owner=alice)
    assert r.redirect_chain[-1][0] == f"/resumes/{resume.pk}/edit/"
    assert resume.title == "From LinkedIn" and resume.slug == "ada-lovelace"
    c = resume.content
    assert {k: c["basics"][k] for k in ("name", "label", "summary", "url", "email", "phone")} == {
        "name": "Ada Lovelace",
        "label": "Analyst & poet",
        "summary": "I write programs.",
        "url": "https://ada.example/",
        "email": "ada@ada.example",  # the primary address
        "phone": "+44 20 7946 0000",
    }
    assert c["basics"]["location"] == {"city": "London", "region": "England, United Kingdom"}
    first, second = c["work"]
    assert (first["position"], first["name"], first["location"]) == (
        "Programmer",
        "Analytical Engines",
        "London",
    )
    assert (first["startDate"], first["endDate"]) == ("2015-03", "2019-09")
    assert first["summary"] == "Wrote the first program."
    assert first["highlights"] == ["Bernoulli numbers", "Notes A to G"]
    assert second["startDate"] == "2019-10" and "endDate" not in second  # still there
    school = c["education"][0]
    assert (school["institution"], school["studyType"], school["area"]) == (
        "University of London",
        "Bachelor of Science - BS",
        "Mathematics",
    )
    assert (school["startDate"], school["endDate"]) == ("2005", "2009")
    assert c["skills"] == [
        {"id": c["skills"][0]["id"], "rev": 1, "name": "Skills", "keywords": ["Python", "SQL"]}
    ]
    project = c["projects"][0]
    assert project["url"] == "https://github.com/ada/engine"
    assert (project["startDate"], project["endDate"]) == ("2020-01", "2021-03")
    cert = c["certificates"][0]
    assert (cert["name"], cert["issuer"], cert["date"]) == (
        "Cloud Architect",
        "Cloud Co",
        "2023-01",
    )
    assert c["languages"][0]["fluency"] == "Professional working"
    assert c["awards"][0]["title"] == "Dean's list" and c["awards"][0]["date"] == "2008"
    assert c["publications"][0]["releaseDate"] == "2017-09"


def test_files_inside_one_folder_are_found(client, alice):
    client.force_login(alice)

    post(client, export_zip({"Positions.csv": POSITIONS}, folder="LinkedInDataExport/"))

    assert len(Resume.objects.get(owner=alice).content["work"]) == 2


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Mar 2015", "2015-03"),
        ("2015", "2015"),
        ("Mar 3, 2015", "2015-03-03"),
        ("3/15/2015", "2015-03-15"),
        ("2015-03", "2015-03"),
        ("Sept 2015", "2015-09"),
    ],
)
def test_linkedin_dates_become_json_resume_dates(written, stored):
    rows = f'Company Name,Title,Description,Location,Started On,Finished On\nX,Y,,,"{written}",\n'

    work = read(export_zip({"Positions.csv": rows})).content["work"][0]

    assert work["startDate"] == stored


def test_what_could_not_be_read_is_left_out_and_said_so(client, alice):
    rows = (
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        f"Acme,Engineer,{'x' * 2500},,sometime,2013-13\n"
    )
    client.force_login(alice)

    r = post(client, export_zip({"Positions.csv": rows}))

    work = Resume.objects.get(owner=alice).content["work"][0]
    assert "startDate" not in work and "endDate" not in work and len(work["summary"]) == 2000
    assert "Positions.csv, row 2: could not read the date “sometime”; left it out." in r.text
    assert "Positions.csv, row 2: End left out:" in r.text
    assert "Summary shortened to 2000 characters." in r.text
    assert "Not in this export: Profile.csv, Education.csv, Skills.csv, Projects.csv." in r.text


def test_a_csv_that_is_not_utf8_is_named_and_the_rest_comes_in(client, alice):
    files = {**EXPORT, "Positions.csv": POSITIONS.replace("Lovelace", "Löwe").encode("utf-16")}
    client.force_login(alice)

    r = post(client, export_zip(files))

    content = Resume.objects.get(owner=alice).content
    assert "Positions.csv is not UTF-8 text" in r.text
    assert content["work"] == [] and content["basics"]["name"] == "Ada Lovelace"


def test_a_zip_without_linkedin_files_says_what_it_holds(client, alice):
    client.force_login(alice)

    r = post(client, export_zip({"notes.txt": "hi", "../../Positions.csv": POSITIONS}))

    assert "This zip has none of the files of a LinkedIn export" in r.text
    assert "It holds: notes.txt, ../../Positions.csv." in r.text
    assert not Resume.objects.exists()


def test_paths_that_climb_out_are_never_read_even_beside_real_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {"Profile.csv": PROFILE, "../../Skills.csv": "Name\nLockpicking\n"}

    content = read(export_zip(files)).content

    assert "skills" not in content and content["basics"]["name"] == "Ada Lovelace"
    assert list(tmp_path.iterdir()) == []  # nothing was written anywhere


def zip_bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("Positions.csv", "w") as member:
            member.write(b"Company Name,Title\n")
            for _ in range(size // 1_048_576):
                member.write(b"A" * 1_048_576)
        archive.writestr("Profile.csv", PROFILE)
    return buffer.getvalue()


def test_a_zip_bomb_is_not_unpacked(client, alice):
    bomb = zip_bomb(200 * 1_048_576)  # 200 MB of CSV in a few hundred kB
    client.force_login(alice)
    tracemalloc.start()

    r = post(client, bomb)

    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(bomb) < 1_048_576 and peak < 20 * 1_048_576
    assert "Positions.csv is larger than 2 MB; left out." in r.text
    assert Resume.objects.get(owner=alice).content["work"] == []


def test_a_member_that_compresses_like_a_bomb_is_not_read():
    imported = read(zip_bomb(1_048_576))  # 1 MB of one letter: compresses 1000×

    assert any("claims to compress" in note for note in imported.notes)
    assert imported.content.get("work", []) == []


def lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """The zip with `member`'s uncompressed size in its headers replaced by `size`."""
    data = bytearray(data)
    name = member.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_member_that_lies_about_its_size_is_read_no_further():
    data = lie_about_size(
        export_zip({**EXPORT, "Positions.csv": POSITIONS * 500}), "Positions.csv", 100
    )

    imported = read(data)

    assert any(n.startswith("Positions.csv could not be read") for n in imported.notes)
    assert "work" not in imported.content and imported.content["basics"]["name"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "This zip file is damaged or not a zip file."),
        (
            export_zip({f"f{i}.txt": "" for i in range(10_001)}),
            "This zip holds more than 10,000 files",
        ),
        (
            export_zip({"Skills.csv": "Skill\nPython\n"}),
            "Skills.csv has no “Name” column; left out.",
        ),
        (export_zip({"Skills.csv": "Name\n"}), "Nothing to import: Skills.csv held no rows."),
    ],
)
def test_broken_exports_get_a_clear_message(client, alice, data, message):
    client.force_login(alice)

    r = post(client, data)

    assert message in r.text
    assert not Resume.objects.exists()


def test_an_export_over_the_limit_is_refused_before_it_is_opened(settings):
    settings.ASSET_MAX_BYTES = 50 * 1_048_576  # the upload handler lets it through
    data = export_zip({"Profile.csv": PROFILE}) + b"\0" * 11 * 1_048_576

    with pytest.raises(ImportProblem) as problem:
        read(data)

    assert "That file is larger than 10 MB" in problem.value.problems[0]
