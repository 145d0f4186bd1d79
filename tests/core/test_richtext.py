import pytest

from apps.core.richtext import sanitize, to_text


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hello <strong>world</strong></p>", "<p>Hello <strong>world</strong></p>"),
        ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<p onclick="alert(1)" hx-get="/x" style="color:red" class="a">t</p>', "<p>t</p>"),
        ('<img src=x onerror="alert(1)">', ""),
        ('<iframe src="https://evil.example"></iframe>', ""),
        ("<!-- secret --><em>e</em>", "<em>e</em>"),
    ],
)
def test_sanitize_keeps_formatting_and_drops_anything_that_runs(dirty, clean):
    assert sanitize(dirty) == clean


def test_links_keep_safe_schemes_and_get_a_safe_rel():
    html = sanitize(
        '<a href="https://ada.dev" target="_blank">site</a> <a href="mailto:a@b.c">m</a>'
    )

    assert 'href="https://ada.dev"' in html
    assert 'href="mailto:a@b.c"' in html
    assert "target" not in html
    assert html.count('rel="noopener noreferrer nofollow"') == 2


def test_to_text_strips_every_tag():
    assert to_text("<p>Hi <b>there</b><script>x</script></p>") == "Hi there"
