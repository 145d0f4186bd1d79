import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.core.colors import contrast_ratio
from apps.portfolios.design import THEMES, clean_design
from apps.portfolios.rendering import theme_css
from tests.blocks.test_validation import json_values


@settings(max_examples=200)
@given(json_values)
def test_arbitrary_design_json_is_refused_with_a_position_or_accepted(design):
    try:
        cleaned = clean_design(design)
    except ValidationError as exc:
        assert exc.messages[0].startswith("design")
    else:
        assert clean_design(cleaned) == cleaned


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_no_typed_text_ever_reaches_the_stylesheet(text):
    try:
        design = clean_design({"colors": {"primary": text}})
    except ValidationError:
        return
    assert text.lower() in theme_css(design)
    assert all(c in "#0123456789abcdef" for c in text.lower())


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_theme_meets_wcag_aa_for_text_in_both_schemes(theme, scheme):
    palette = THEMES[theme][scheme]

    for background in ("background", "surface"):
        assert contrast_ratio(palette["text"], palette[background]) >= 4.5
        assert contrast_ratio(palette["muted"], palette[background]) >= 4.5
        assert contrast_ratio(palette["primary"], palette[background]) >= 4.5  # link text


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48


def test_custom_background_and_text_carry_over_to_cards_and_secondary_text():
    design = clean_design({"colors": {"background": "#101010", "text": "#fafafa"}})

    css = theme_css({**design, "mode": "light"})

    assert "--color-surface:#101010" in css and "--color-muted:#fafafa" in css
