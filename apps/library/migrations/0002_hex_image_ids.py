"""Project.images: asset ids spelled uuid4().hex, like every id a document stores. Backwards
they are written dashed again, as the code before expects."""

import uuid

from django.db import migrations


def _respell(apps, spelling):
    Project = apps.get_model("library", "Project")
    last = None
    while True:  # a batch at a time, by primary key: no cursor stays open during updates
        projects = Project.objects.only("images").order_by("pk")
        projects = list((projects.filter(pk__gt=last) if last else projects)[:200])
        if not projects:
            return
        last = projects[-1].pk
        _respell_batch(Project, projects, spelling)


def _respell_batch(Project, projects, spelling):
    for project in projects:
        if not isinstance(project.images, list):
            continue
        images = [_one(i, spelling) for i in project.images]
        if images != project.images:
            Project.objects.filter(pk=project.pk).update(images=images)


def _one(value, spelling):
    try:
        return spelling(uuid.UUID(value)) if isinstance(value, str) else value
    except ValueError:
        return value


def forwards(apps, schema_editor):
    _respell(apps, lambda u: u.hex)


def backwards(apps, schema_editor):
    _respell(apps, str)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=True)]
