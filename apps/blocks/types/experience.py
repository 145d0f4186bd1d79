from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdListField


class ExperienceForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Experience")
    items = IdListField(label="Positions", help_text="Empty shows all of them, newest first.")


class ExperienceBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        chosen = set(data["items"])
        entries = [e for e in resolved["experiences"] if not chosen or e["id"] in chosen]
        return {"entries": entries}


block = ExperienceBlock(
    name="experience",
    label="Experience",
    description="A timeline of your roles from the library.",
    icon="M20.25 14.15v4.25c0 1.1-.9 2-2 2H5.75c-1.1 0-2-.9-2-2v-4.25M16.5 6V4.5a1.5 1.5 0 0 0-1.5-1.5h-6a1.5 1.5 0 0 0-1.5 1.5V6m12.75 0H3.75v6.75c4.5 2 12 2 16.5 0V6Z",
    form_class=ExperienceForm,
    library={"experiences": "items"},
)
