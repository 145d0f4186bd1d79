from django import forms

from apps.assets.forms import AssetField, ImageChoicesWidget, asset_choices
from apps.blocks import registry
from apps.core.colors import contrast_ratio
from apps.core.slugs import SLUG, SLUG_HELP, validate_slug

from . import design as designs
from .models import Portfolio, SlugRedirect
from .rendering import library


class PortfolioCreateForm(forms.Form):
    title = forms.CharField(max_length=120, initial="My portfolio")
    goal = forms.ChoiceField(
        choices=Portfolio.Goal.choices,
        initial=Portfolio.Goal.JOB,
        widget=forms.RadioSelect,
        label="What is it for?",
    )
    role = forms.CharField(
        max_length=120,
        required=False,
        label="Your role",
        help_text="e.g. Product designer, Backend engineer",
    )
    theme = forms.ChoiceField(
        choices=[(k, v["label"]) for k, v in designs.THEMES.items()],
        initial="minimal",
        widget=forms.RadioSelect,
    )
    from_library = forms.BooleanField(
        required=False,
        initial=True,
        label="Start from my library",
        help_text="Builds a complete first draft from your profile, projects, skills, "
        "experience and education.",
    )
    show_email = forms.BooleanField(required=False, initial=False)
    is_guided = forms.BooleanField(
        required=False,
        initial=False,
        label="Guide me to a first publish",
        help_text="The editor shows the next steps — what is missing or thin — until you "
        "publish or hide them.",
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        # Off by default: the sign-in address is private until its owner chooses to show it.
        self.fields["show_email"].label = f"Show my email address ({email}) on the site"
        self.fields["show_email"].help_text = (
            "Adds a “Get in touch” button and a contact section to the first draft. Leave it "
            "off to keep your sign-in address private; you can add any address later."
        )


class PortfolioSettingsForm(forms.ModelForm):
    og_image = AssetField(
        required=False,
        label="Link preview image",
        help_text="Shown when your link is shared. 1200×630 works best.",
    )

    class Meta:
        model = Portfolio
        fields = [
            "title",
            "slug",
            "visibility",
            "seo_title",
            "seo_description",
            "chat_enabled",
            "chat_daily_cap",
            "chat_ip_daily_cap",
            "chat_conversation_cap",
        ]
        labels = {
            "slug": "Address",
            "seo_title": "Search title",
            "seo_description": "Search description",
        }
        help_texts = {
            "slug": "Your portfolio lives at /p/your-address/. "
            "Lowercase letters, digits and hyphens."
        }
        widgets = {
            "visibility": forms.RadioSelect,
            "seo_description": forms.Textarea(attrs={"rows": 3}),
        }

    CHAT_CAPS = ("chat_daily_cap", "chat_ip_daily_cap", "chat_conversation_cap")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["og_image"].for_owner(self.instance.owner)
        self.initial.setdefault("og_image", self.instance.og_image_id)
        self.order_fields([*self._meta.fields[:5], "og_image"])
        for name in self.CHAT_CAPS:  # left empty: keep what is set
            self.fields[name].required = False
        if self.instance.chat_blocked:
            self.fields["chat_enabled"].help_text = (
                "An administrator has turned questions off for this portfolio; visitors see "
                "no form until they allow them again."
            )
        self.fields[
            "chat_daily_cap"
        ].help_text = (
            "The most answers visitors get in a day; each costs you at most one text credit."
        )

    def clean(self) -> dict:
        data = super().clean()
        for name in self.CHAT_CAPS:
            if data.get(name) is None and name not in self.errors:
                data[name] = getattr(self.instance, name)
        return data

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].strip().lower()
        validate_slug(slug)
        taken = Portfolio.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists()
        moved = SlugRedirect.objects.filter(old_slug=slug).exclude(portfolio=self.instance)
        if taken or moved.exists():
            raise forms.ValidationError("That address is taken. Try another.")
        return slug

    def save(self, commit: bool = True) -> Portfolio:
        """Change only this page's fields, on the freshest row (never the whole row loaded at
        the start of the request: that would undo a block edit or a publish made meanwhile)."""
        data = self.cleaned_data
        self.instance.change_settings(
            slug=data["slug"],
            og_image_id=data["og_image"],
            **{name: data[name] for name in self._meta.fields if name != "slug"},
        )
        return self.instance


class DesignForm(forms.Form):
    theme = forms.ChoiceField(
        choices=[(k, v["label"]) for k, v in designs.THEMES.items()], widget=forms.RadioSelect
    )
    mode = forms.ChoiceField(
        choices=[
            ("auto", "Follow the visitor’s system"),
            ("light", "Always light"),
            ("dark", "Always dark"),
        ]
    )
    primary = forms.CharField(required=False, max_length=7, label="Primary colour")
    accent = forms.CharField(required=False, max_length=7, label="Accent colour")
    background = forms.CharField(required=False, max_length=7, label="Background")
    text = forms.CharField(required=False, max_length=7, label="Text colour")
    font_heading = forms.ChoiceField(
        choices=[("", "Theme default")] + [(k, v[0]) for k, v in designs.FONTS.items()],
        required=False,
        label="Heading font",
    )
    font_body = forms.ChoiceField(
        choices=[("", "Theme default")] + [(k, v[0]) for k, v in designs.FONTS.items()],
        required=False,
        label="Body font",
    )
    width = forms.ChoiceField(
        choices=[(k, k.title()) for k in designs.WIDTHS], label="Content width"
    )
    radius = forms.ChoiceField(
        choices=[("", "Theme default")] + [(k, k.title()) for k in designs.RADII],
        required=False,
        label="Corners",
    )
    density = forms.ChoiceField(
        choices=[(k, k.title()) for k in designs.DENSITIES], label="Spacing"
    )

    def clean(self):
        data = super().clean()
        for key in designs.COLOR_KEYS:
            value = (data.get(key) or "").strip()
            if value and not designs.COLOR.match(value):
                self.add_error(key, "Use a colour like #7c3aed.")
        return data

    def design(self) -> dict:
        data = self.cleaned_data
        colors = {k: data[k].lower() for k in designs.COLOR_KEYS if data.get(k)}
        fields = ("theme", "mode", "font_heading", "font_body", "width", "radius", "density")
        return {**{k: data[k] for k in fields}, "colors": colors}

    def colours(self) -> list[tuple[forms.BoundField, str]]:
        """Each colour field with what its picker shows: the colour typed, else the theme's."""
        theme = self["theme"].value()
        palette = designs.THEMES[theme if theme in designs.THEMES else "minimal"]["light"]
        fields = []
        for key in designs.COLOR_KEYS:
            typed = (self[key].value() or "").strip().lower()
            fields.append((self[key], typed if designs.COLOR.match(typed) else palette[key]))
        return fields

    @classmethod
    def for_design(cls, design: dict, data=None) -> "DesignForm":
        initial = {**design, **design.get("colors", {})}
        return cls(data, initial=initial)

    def contrast_warnings(self, design: dict) -> list[str]:
        palette = {**designs.THEMES[design["theme"]]["light"], **design["colors"]}
        ratio = contrast_ratio(palette["text"], palette["background"])
        warnings = []
        if ratio < 4.5:
            warnings.append(
                f"Text on background has a contrast of {ratio:.1f}:1; WCAG AA "
                "asks for 4.5:1. Some visitors will struggle to read it."
            )
        ratio = contrast_ratio(palette["primary"], palette["background"])
        if ratio < 3:
            warnings.append(
                f"The primary colour on the background has a contrast of "
                f"{ratio:.1f}:1; links and buttons need at least 3:1."
            )
        return warnings


class NewPageForm(forms.Form):
    title = forms.CharField(max_length=80, required=False, label="New page title")

    def clean_title(self) -> str:
        return self.cleaned_data["title"] or "New page"


class PageForm(forms.Form):
    title = forms.CharField(max_length=80, label="Title")
    slug = forms.CharField(
        max_length=50,
        label="Address",
        help_text="This page lives at /p/your-address/this-address/.",
    )
    rev = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].lower()
        if not SLUG.match(slug):
            raise forms.ValidationError(SLUG_HELP, code="slug")
        return slug

    @classmethod
    def for_page(cls, page: dict, data=None) -> "PageForm":
        initial = {"title": page["title"], "slug": page["slug"], "rev": page.get("rev", 1)}
        return cls(data, initial=initial, auto_id=f"id_page_{page['id']}_%s")


class VersionForm(forms.Form):
    label = forms.CharField(
        max_length=120,
        label="Name this version",
        widget=forms.TextInput(attrs={"placeholder": "e.g. Before the redesign"}),
    )


def editor_form(block: dict, owner, data=None) -> forms.Form:
    """The block type's form, with pickers for the person's own assets and library items where
    the type declares them (`BlockType.assets`, `BlockType.library`)."""
    kind = registry.get(block["type"])
    # Ids carry the block's id: a late response about this block can never reach another
    # block's form, even by an id it renders (labels, message slots).
    form = kind.form_class(
        data, initial=block["data"], owner=owner, prefix="b", auto_id=f"id_{block['id']}_%s"
    )
    for key in kind.assets:
        if isinstance(form.fields[key], forms.CharField):
            picker = AssetField(required=False, label=form.fields[key].label or "Image")
            picker.for_owner(owner)
            form.fields[key] = picker
        else:
            form.fields[key].widget = ImageChoicesWidget(
                choices=asset_choices(owner.assets.all()[:200])
            )
    kinds = library()
    for name, key in kind.library.items():
        if not key:
            continue
        items = kinds[name].model.objects.filter(owner=owner)
        choices = [(item.pk.hex, str(item)) for item in items]  # spelled as blocks store ids
        if isinstance(form.fields[key], forms.CharField):
            form.fields[key].widget = forms.Select(choices=[("", "Choose…"), *choices])
        else:
            form.fields[key].widget = forms.CheckboxSelectMultiple(choices=choices)
            form.fields[key].choices = choices  # crispy lists a checkbox field's own choices
    return form
