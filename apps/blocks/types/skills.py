from django import forms

from ..base import BlockForm, BlockType


class SkillsForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Skills")
    show_levels = forms.BooleanField(required=False, initial=False, label="Show levels")


class SkillsBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        groups: dict[str, list[dict]] = {}
        for skill in resolved["skills"]:
            groups.setdefault(skill["category_label"], []).append(skill)
        return {"groups": [{"label": k, "skills": v} for k, v in groups.items()]}


block = SkillsBlock(
    name="skills",
    label="Skills",
    description="Your skills from the library, grouped by category.",
    icon="M11.48 3.5a.56.56 0 0 1 1.04 0l2.13 5.11 5.52.44c.5.04.7.66.32.99l-4.2 3.6 1.28 5.38a.56.56 0 0 1-.84.61L12 16.77l-4.73 2.88a.56.56 0 0 1-.84-.6l1.28-5.39-4.2-3.6a.56.56 0 0 1 .32-.99l5.52-.44 2.13-5.11Z",
    form_class=SkillsForm,
    library={"skills": ""},
)
