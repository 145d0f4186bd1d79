"""The resume editor: contact details, sections and their items, each change one locked
operation on the resume (editing.py), with the same contract as the portfolio editor: requests
in order, answers that name only their item, never a redraw under the cursor (README "how
editing stays safe"). Browsers without JavaScript get full pages and redirects."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import trigger_client_event

from apps.core import autosave
from apps.core.htmx import append_fragment
from apps.core.types import AuthenticatedHttpRequest

from ..content import TEMPLATES, item_title, layout
from ..forms import BasicsForm, DesignForm, ItemForm, SectionForm
from ..library import LIBRARY_PAGES
from ..models import Resume
from ..sections import SECTIONS
from . import get_resume_for_user

TEMPLATE = "resumes/resume_edit.html"
BASICS_ID = "basics"
DESIGN_ID = "design"
UNDO_SECONDS = 600


# --- what the editor shows ----------------------------------------------------------------


def _context(resume: Resume, open_id: str = "", **extra) -> dict:
    content, chosen = resume.content, layout(resume.content)
    sections = [
        {
            "key": key,
            "spec": SECTIONS[key],
            "heading": chosen["headings"].get(key, SECTIONS[key].label),
            "hidden": key in chosen["hidden"],
            "rows": [{"item": i, "title": item_title(key, i)} for i in content[key]],
        }
        for key in chosen["order"]
    ]
    return {
        "resume": resume,
        "sections": sections,
        "basics_title": content["basics"].get("name") or "Your name and contact details",
        "design_title": _design_summary(resume),
        # Built once: reversing a URL per row costs more than the rest of a 500-item outline.
        "items_url": reverse("resumes:item", args=[resume.pk, "x"]).removesuffix("x/"),
        "current_id": open_id,
        "preview_url": _preview_url(resume),
        **extra,
    }


def _preview_url(resume: Resume) -> str:
    return reverse("resumes:preview", args=[resume.pk])


def _panel(resume: Resume, open_id: str, data=None) -> dict:
    """The form of what is open: the contact details, an item, or a section's settings."""
    content = resume.content
    if open_id == DESIGN_ID:
        chosen = layout(content)
        return {
            "item": {"id": DESIGN_ID, "rev": chosen["rev"]},
            "form": DesignForm(data, initial=chosen, **_ids(DESIGN_ID)),
            "heading": "Template and style",
            "post_url": reverse("resumes:design", args=[resume.pk]),
        }
    if open_id == BASICS_ID:
        basics = content["basics"]
        form = BasicsForm(data, initial=BasicsForm.initial_for(basics), **_ids("basics"))
        return {
            "item": {"id": BASICS_ID, "rev": basics.get("rev", 1)},
            "form": form,
            "heading": "Contact details",
            "post_url": reverse("resumes:basics", args=[resume.pk]),
        }
    if open_id.startswith("section-") and open_id.removeprefix("section-") in SECTIONS:
        key = open_id.removeprefix("section-")
        chosen = layout(content)
        initial = {
            "heading": chosen["headings"].get(key, ""),
            "shown": key not in chosen["hidden"],
        }
        return {
            "item": {"id": open_id, "rev": 1},
            "form": SectionForm(data, initial=initial, section=key, **_ids(open_id)),
            "heading": f"Section: {SECTIONS[key].label}",
            "post_url": reverse("resumes:section", args=[resume.pk, key]),
            "section_key": key,
        }
    found = _find(content, open_id)
    if found is None:
        return {}
    key, item = found
    form = ItemForm(data, initial=item, section=key, **_ids(item["id"]))
    return {
        "item": item,
        "form": form,
        "heading": SECTIONS[key].label,
        "post_url": reverse("resumes:item", args=[resume.pk, item["id"]]),
        "section_key": key,
        "to_library": key in LIBRARY_PAGES,
    }


def _ids(item_id: str) -> dict:
    # Ids carry the item's id: a late answer about one item can never reach another's form.
    return {"prefix": "r", "auto_id": f"id_{item_id}_%s"}


def _find(content: dict, item_id: str) -> tuple[str, dict] | None:
    for key in SECTIONS:
        for item in content[key]:
            if item["id"] == item_id:
                return key, item
    return None


def _back(resume: Resume, open_id: str = "") -> HttpResponse:
    url = reverse("resumes:edit", args=[resume.pk])
    return redirect(f"{url}?open={open_id}" if open_id else url)


def _outline(request, resume: Resume, open_id: str = "", **extra) -> HttpResponse:
    response = render(request, f"{TEMPLATE}#outline", _context(resume, open_id, **extra))
    return _changed(response)


def _changed(response: HttpResponse) -> HttpResponse:
    """Tell the page the resume changed (the preview redraws), after the swap."""
    return trigger_client_event(response, "resume-saved", after="swap")


def _full(request, resume: Resume, open_id: str, **extra) -> HttpResponse:
    context = _context(resume, open_id, **_panel(resume, open_id), **extra)
    return render(request, TEMPLATE, context)


# --- the page and the forms -----------------------------------------------------------------


@login_required
@require_safe
@never_cache  # Back and Forward reload the editor from the server, never from a stale copy
def resume_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    open_id = request.GET.get("open", "")
    return _full(request, resume, open_id if _panel(resume, open_id) else "")


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def basics_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    return _autosave(request, get_resume_for_user(request, pk), BASICS_ID)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def design_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    return _autosave(request, get_resume_for_user(request, pk), DESIGN_ID)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def item_edit(request: AuthenticatedHttpRequest, pk: UUID, item_id: str) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    if _find(resume.content, item_id) is None:
        return _gone(request, resume, item_id, "This item was deleted in another tab.")
    return _autosave(request, resume, item_id)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def section_edit(request: AuthenticatedHttpRequest, pk: UUID, key: str) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    if key not in SECTIONS:
        raise Http404
    return _autosave(request, resume, f"section-{key}")


def _autosave(request, resume: Resume, open_id: str) -> HttpResponse:
    if request.method == "GET":
        if not request.htmx:
            return _back(resume, open_id)
        context = {**_context(resume, open_id), **_panel(resume, open_id)}
        return render(request, f"{TEMPLATE}#panel", context)
    panel = _panel(resume, open_id, data=request.POST)
    form = panel["form"]
    result = _save(resume, open_id, panel, form, request) if form.is_valid() else None
    if result and not result.ok and not result.conflict:
        return _gone(request, resume, open_id, result.message)
    if result and result.ok and not request.htmx:
        return _back(resume, open_id)
    stored = result.item if result and result.item is not None else panel["item"]
    if "id" not in stored:  # the contact details, the design, a section: named by open_id
        stored = {**stored, "id": open_id, "rev": stored.get("rev", 1)}
    context = {**panel, **autosave.answer(form, result, stored), "what": "item"}
    context["reload_url"] = panel["post_url"]
    if not request.htmx:  # the whole editor again, with what the person typed and why it waits
        rev = request.POST.get("rev", "")
        return render(request, TEMPLATE, {**_context(resume, open_id), **context, "form_rev": rev})
    context["summary"] = _summary(resume, open_id)
    response = render(request, "components/editor/autosave.html#result", context)
    if context["saved"]:
        if open_id.startswith("section-"):  # its heading or visibility shows in the outline
            append_fragment(
                response,
                f"{TEMPLATE}#outline",
                {**_context(resume, open_id), "outline_oob": True},
                request,
            )
        _changed(response)
    return response


def _save(resume: Resume, open_id: str, panel: dict, form, request):
    values = autosave.json_values(form.values())
    if open_id == DESIGN_ID:
        return resume.set_design(values, by=request.user)
    if open_id == BASICS_ID:
        return resume.update_basics(values, based_on=autosave.based_on(request), by=request.user)
    if open_id.startswith("section-"):
        return resume.set_section(
            panel["section_key"], heading=values["heading"], shown=values["shown"], by=request.user
        )
    return resume.update_item(
        panel["section_key"], open_id, values, based_on=autosave.based_on(request), by=request.user
    )


def _summary(resume: Resume, open_id: str) -> str:
    if open_id == BASICS_ID:
        return resume.content["basics"].get("name", "")
    if open_id == DESIGN_ID:
        return _design_summary(resume)
    found = _find(resume.content, open_id)
    return item_title(*found) if found else ""


def _design_summary(resume: Resume) -> str:
    chosen = layout(resume.content)
    return f"{TEMPLATES[chosen['template']]} · {chosen['page']}"


def _gone(request, resume: Resume, item_id: str, message: str) -> HttpResponse:
    if not request.htmx:
        return _back(resume)
    response = _outline(request, resume, message=message)
    context = {"message": message, "item_id": item_id}
    return append_fragment(response, f"{TEMPLATE}#item-gone", context, request)


# --- items: add, move, duplicate, delete, undo ---------------------------------------------


def _section_or_404(key: str) -> str:
    if key not in SECTIONS:
        raise Http404
    return key


@login_required
@require_POST
def item_add(request: AuthenticatedHttpRequest, pk: UUID, key: str) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    result = resume.add_item(
        _section_or_404(key), after=request.POST.get("after") or None, by=request.user
    )
    if not result.ok:
        return _outline(request, resume, message=result.message)
    item_id = result.item["id"]
    if not request.htmx:
        return _back(resume, item_id)
    response = _outline(request, resume, item_id)
    context = {**_context(resume, item_id), **_panel(resume, item_id)}
    return append_fragment(response, f"{TEMPLATE}#new-panel", context, request)


@login_required
@require_POST
def item_move(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    item_id = request.POST.get("item", "")
    found = _find(resume.content, item_id)
    if found is None:
        return _gone(request, resume, item_id, "This item was deleted in another tab.")
    key, item = found
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""), 0)
    result = resume.move_item(
        key, item_id, resume.content[key].index(item) + step, by=request.user
    )
    if not request.htmx:
        return _back(resume, item_id if result.ok else "")
    return _outline(request, resume, item_id, message=result.message)


@login_required
@require_POST
def item_duplicate(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    item_id = request.POST.get("item", "")
    found = _find(resume.content, item_id)
    if found is None:
        return _gone(request, resume, item_id, "This item was deleted in another tab.")
    result = resume.duplicate_item(found[0], item_id, by=request.user)
    if not request.htmx:
        return _back(resume, result.item["id"] if result.ok else "")
    return _outline(request, resume, item_id, message=result.message)


@login_required
@require_POST
def item_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    item_id = request.POST.get("item", "")
    found = _find(resume.content, item_id)
    if found is None:
        return _gone(request, resume, item_id, "This item was already deleted.")
    result = resume.delete_item(found[0], item_id, by=request.user)
    if not result.ok:
        return _gone(request, resume, item_id, result.message)
    cache.set(_undo_key(resume, item_id), result.removed, UNDO_SECONDS)
    if not request.htmx:
        return _back(resume)
    response = _outline(request, resume)
    title = item_title(found[0], found[1])
    context = {"resume": resume, "item_id": item_id, "label": title}
    append_fragment(response, f"{TEMPLATE}#undo-toast", context, request)
    message = f"“{title}” deleted. Choose another item, or undo from the message below."
    return append_fragment(
        response, f"{TEMPLATE}#item-gone", {**context, "message": message}, request
    )


@login_required
@require_POST
def item_restore(request: AuthenticatedHttpRequest, pk: UUID, item_id: str) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    undo = cache.get(_undo_key(resume, item_id))
    if undo is None:
        message = "Too late to undo: that was more than 10 minutes ago."
        return _gone(request, resume, item_id, message)
    result = resume.restore_item(undo["section"], undo["index"], undo["item"], by=request.user)
    cache.delete(_undo_key(resume, item_id))
    if not request.htmx:
        return _back(resume, item_id if result.ok else "")
    return _outline(request, resume, item_id, message=result.message)


def _undo_key(resume: Resume, item_id: str) -> str:
    return f"undo-resume-item:{resume.pk}:{item_id}"


@login_required
@require_POST
def items_reorder(request: AuthenticatedHttpRequest, pk: UUID, key: str) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    resume.reorder_items(
        _section_or_404(key), request.POST.getlist("order")[:600], by=request.user
    )
    if not request.htmx:
        return _back(resume)
    return _outline(request, resume)


# --- sections: move, reorder ---------------------------------------------------------------


@login_required
@require_POST
def section_move(request: AuthenticatedHttpRequest, pk: UUID, key: str) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    order = layout(resume.content)["order"]
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""), 0)
    resume.move_section(_section_or_404(key), order.index(key) + step, by=request.user)
    if not request.htmx:
        return _back(resume, f"section-{key}")
    return _outline(request, resume)


@login_required
@require_POST
def sections_reorder(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    keys = [k for k in request.POST.getlist("section") if k in SECTIONS]
    resume.reorder_sections(keys, by=request.user)
    if not request.htmx:
        return _back(resume)
    return _outline(request, resume)
