from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdField


class CaseStudyForm(BlockForm):
    project = IdField(label="Project", required=False)
    heading = forms.CharField(
        max_length=120, required=False, help_text="Defaults to the project’s title."
    )


class CaseStudyBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        return {"project": resolved["projects"].get(data["project"])}


block = CaseStudyBlock(
    name="case_study",
    label="Case study",
    description="One project in depth: story, images and links.",
    icon="M12 6.042A8.967 8.967 0 0 0 6 3.75c-1.052 0-2.062.18-3 .512v14.25A8.987 8.987 0 0 1 6 18c2.305 0 4.408.867 6 2.292m0-14.25a8.966 8.966 0 0 1 6-2.292c1.052 0 2.062.18 3 .512v14.25A8.987 8.987 0 0 0 18 18a8.967 8.967 0 0 0-6 2.292m0-14.25v14.25",
    form_class=CaseStudyForm,
    library={"projects": "project"},
)
