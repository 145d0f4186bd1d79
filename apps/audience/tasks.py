"""Background work for audience (Django's Tasks API; `manage.py db_worker` in production)."""

from django.tasks import task

from . import counting


@task
def flush_counts() -> int:
    """Add the analytics counted in the cache to the database (see counting.py)."""
    return counting.flush()
