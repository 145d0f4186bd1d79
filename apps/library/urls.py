from django.urls import path

from .views import education, experience, projects, skills

app_name = "library"
urlpatterns = [
    path("library/projects/", projects.project_list, name="project_list"),
    path("library/projects/new/", projects.project_new, name="project_new"),
    path("library/projects/reorder/", projects.project_reorder, name="project_reorder"),
    path("library/projects/<uuid:pk>/edit/", projects.project_edit, name="project_edit"),
    path("library/projects/<uuid:pk>/move/", projects.project_move, name="project_move"),
    path("library/projects/<uuid:pk>/delete/", projects.project_delete, name="project_delete"),
    path("library/skills/", skills.skill_list, name="skill_list"),
    path("library/skills/new/", skills.skill_new, name="skill_new"),
    path("library/skills/ideas/", skills.skill_ideas, name="skill_ideas"),
    path("library/skills/<uuid:pk>/edit/", skills.skill_edit, name="skill_edit"),
    path("library/skills/<uuid:pk>/delete/", skills.skill_delete, name="skill_delete"),
    path("library/experience/", experience.experience_list, name="experience_list"),
    path("library/experience/new/", experience.experience_new, name="experience_new"),
    path("library/experience/<uuid:pk>/edit/", experience.experience_edit, name="experience_edit"),
    path(
        "library/experience/<uuid:pk>/delete/",
        experience.experience_delete,
        name="experience_delete",
    ),
    path("library/education/", education.education_list, name="education_list"),
    path("library/education/new/", education.education_new, name="education_new"),
    path("library/education/<uuid:pk>/edit/", education.education_edit, name="education_edit"),
    path(
        "library/education/<uuid:pk>/delete/", education.education_delete, name="education_delete"
    ),
]
