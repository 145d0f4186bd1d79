from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdListField


class EducationForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Education")
    items = IdListField(label="Schools", help_text="Empty shows all of them, newest first.")


class EducationBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        chosen = set(data["items"])
        entries = [e for e in resolved["educations"] if not chosen or e["id"] in chosen]
        return {"entries": entries}


block = EducationBlock(
    name="education",
    label="Education",
    description="Schools, degrees and courses from the library.",
    icon="M4.26 10.15A50.6 50.6 0 0 0 2.66 15.5 48.6 48.6 0 0 1 12 20.9a48.6 48.6 0 0 1 9.34-5.4 50.6 50.6 0 0 0-1.6-5.35M4.26 10.15A59.9 59.9 0 0 1 12 5.25a59.9 59.9 0 0 1 7.74 4.9M4.26 10.15 12 14.25l7.74-4.1",
    form_class=EducationForm,
    library={"educations": "items"},
)
