"""Every resume template in a browser (the published page's HTML, under its CSP) and on paper
(the PDF's pages), and the ATS check and preview pages in both colour schemes. Screenshots
of each land in test-artifacts/screenshots/ (resume-*)."""

import copy

import pypdfium2
import pytest
from django.utils.csp import build_policy
from playwright.sync_api import Page, expect

from apps.core.csp import policy
from apps.resumes import pdf
from apps.resumes.content import clean_content
from apps.resumes.models import Resume
from apps.resumes.rendering import render_page
from tests.resumes.conftest import SAMPLE

from .conftest import SCREENSHOTS, shot, sign_in
from .test_accessibility import assert_accessible, in_scheme

FONTS_LOADED = """() => document.fonts.ready.then(fonts =>
    [...fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('"', '')))"""
LOOKS = {  # template: (accent, font) — the looks people pick
    "classic": ("#1d4ed8", "inter"),
    "modern": ("#0f766e", "inter"),
    "compact": ("#7c3aed", "space-grotesk"),
    "academic": ("#9f1239", "source-serif"),
}


def styled(template: str) -> dict:
    content = clean_content(copy.deepcopy(SAMPLE), assign_ids=True)
    accent, font = LOOKS[template]
    content["meta"]["grooya"].update(template=template, accent=accent, font=font)
    return content


@pytest.mark.parametrize("template", LOOKS)
def test_a_template_on_the_web_and_on_paper(page: Page, template):
    content = styled(template)
    downloads = [("Download PDF", "#pdf"), ("Word", "#docx")]
    html, additions = render_page(
        content, title="Backend roles", for_print=False, downloads=downloads
    )
    header = build_policy(policy(additions))
    page.route(
        "**/resume-web/",
        lambda route: route.fulfill(
            body=html, content_type="text/html", headers={"Content-Security-Policy": header}
        ),
    )

    page.goto("/resume-web/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Richard Hendriks")
    expect(page.get_by_role("link", name="richard.hendriks@mail.com")).to_have_attribute(
        "href", "mailto:richard.hendriks@mail.com"
    )
    # The stylesheets and the chosen font arrived (and the CSP allowed them: no console error).
    family = {"inter": "Inter", "space-grotesk": "Space Grotesk", "source-serif": "Source Serif 4"}
    loaded = page.evaluate(FONTS_LOADED)
    assert family[LOOKS[template][1]] in loaded
    assert_accessible(page, f"resume-{template}-web", "light")
    shot(page, f"resume-{template}-web")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, f"resume-{template}-web-phone")

    data, _ = pdf.pdf_for(content, "Backend roles")
    printed = pypdfium2.PdfDocument(data)
    for number, paper in enumerate(printed, start=1):
        paper.render(scale=1.5).to_pil().save(SCREENSHOTS / f"resume-{template}-pdf-{number}.png")
    printed.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_ats_check_and_the_preview(page: Page, alice, scheme):
    content = styled("modern")
    content["basics"]["email"] = ""
    resume = Resume.objects.create(owner=alice, title="Backend roles", slug="r", content=content)
    in_scheme(page, scheme)
    sign_in(page, alice.email)

    page.goto(f"/resumes/{resume.pk}/ats/")

    expect(page.get_by_role("heading", name="ATS check")).to_be_visible()
    expect(page.get_by_text("No email address was found")).to_be_visible()
    assert_accessible(page, "resume-ats", scheme)
    shot(page, f"resume-ats-{scheme}")

    page.goto(f"/resumes/{resume.pk}/preview/")
    first = page.get_by_role("img", name="Page 1 of 2 of Richard Hendriks’s resume", exact=False)
    expect(first).to_be_visible()
    for image in page.locator("#resume-preview img").all():  # drawn, not broken
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("naturalWidth", 893)
    page.evaluate("() => window.scrollTo(0, 0)")
    shot(page, f"resume-preview-{scheme}")
