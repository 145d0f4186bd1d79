from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdListField


class ProjectsForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Projects")
    items = IdListField(label="Projects", help_text="Empty shows your featured projects.")
    layout = forms.ChoiceField(choices=[("grid", "Grid"), ("list", "List")], initial="grid")


class ProjectsBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        library = resolved["projects"]
        chosen = [library[i] for i in data["items"] if i in library]
        return {"projects": chosen or [p for p in library.values() if p["featured"]]}


block = ProjectsBlock(
    name="projects",
    label="Projects",
    description="Projects from your library, as a grid or a list.",
    icon="M3.75 6A2.25 2.25 0 0 1 6 3.75h2.25A2.25 2.25 0 0 1 10.5 6v2.25a2.25 2.25 0 0 1-2.25 2.25H6a2.25 2.25 0 0 1-2.25-2.25V6ZM13.5 6a2.25 2.25 0 0 1 2.25-2.25H18A2.25 2.25 0 0 1 20.25 6v2.25A2.25 2.25 0 0 1 18 10.5h-2.25a2.25 2.25 0 0 1-2.25-2.25V6ZM3.75 15.75A2.25 2.25 0 0 1 6 13.5h2.25a2.25 2.25 0 0 1 2.25 2.25V18a2.25 2.25 0 0 1-2.25 2.25H6A2.25 2.25 0 0 1 3.75 18v-2.25ZM13.5 15.75a2.25 2.25 0 0 1 2.25-2.25H18a2.25 2.25 0 0 1 2.25 2.25V18A2.25 2.25 0 0 1 18 20.25h-2.25A2.25 2.25 0 0 1 13.5 18v-2.25Z",
    form_class=ProjectsForm,
    library={"projects": "items"},
)
