"""Request and response shapes for the JSON API. Field names are camelCase on the wire."""

from collections.abc import Mapping

from rest_framework import serializers

from apps.ai.providers.base import ASPECTS, STYLES
from apps.assets.models import Asset


class _AbsoluteUrls:
    def absolute(self, url: str) -> str:
        return self.context["request"].build_absolute_uri(url)


class UsageSerializer(_AbsoluteUrls, serializers.Serializer):
    label = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, usage) -> str:
        return self.absolute(usage.url)


class AssetSerializer(_AbsoluteUrls, serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    kind = serializers.ChoiceField(choices=Asset.Kind.choices, read_only=True)
    title = serializers.CharField(read_only=True)
    altText = serializers.CharField(source="alt_text", read_only=True)
    prompt = serializers.CharField(read_only=True)
    width = serializers.IntegerField(read_only=True)
    height = serializers.IntegerField(read_only=True)
    bytes = serializers.IntegerField(read_only=True)
    contentType = serializers.CharField(source="content_type", read_only=True)
    url = serializers.SerializerMethodField()
    thumbUrl = serializers.SerializerMethodField()
    srcset = serializers.SerializerMethodField()
    createdAt = serializers.DateTimeField(source="created_at", read_only=True)
    usedIn = UsageSerializer(source="usages", many=True, read_only=True)

    def get_url(self, asset: Asset) -> str:
        return self.absolute(asset.url)

    def get_thumbUrl(self, asset: Asset) -> str:  # named after the field, as DRF requires
        return self.absolute(asset.thumb_url)

    def get_srcset(self, asset: Asset) -> str:
        """The WebP renditions as an HTML srcset, with absolute URLs ("" until they exist)."""
        storage = asset.file.storage
        return ", ".join(
            f"{self.absolute(storage.url(r['name']))} {r['w']}w"
            for r in asset.renditions.get("webp", [])
        )


class AssetPageSerializer(serializers.Serializer):
    """One page of assets, as the paginator returns it (documents the list response)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = AssetSerializer(many=True)


class AssetFilterSerializer(serializers.Serializer):
    ORDERINGS = {
        "createdAt": ["created_at", "pk"],
        "-createdAt": ["-created_at", "-pk"],
        "bytes": ["bytes", "pk"],
        "-bytes": ["-bytes", "-pk"],
    }

    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    kind = serializers.ChoiceField(choices=Asset.Kind.choices, required=False, allow_blank=True)
    ordering = serializers.ChoiceField(choices=list(ORDERINGS), required=False, allow_blank=True)

    def apply(self, assets):
        data = self.validated_data
        assets = assets.search(data.get("q", ""))
        if data.get("kind"):
            assets = assets.filter(kind=data["kind"])
        return assets.order_by(*self.ORDERINGS[data.get("ordering") or "-createdAt"])


class AssetUploadSerializer(serializers.Serializer):
    # Other multipart fields (a form's csrfmiddlewaretoken, say) are ignored, not refused.
    file = serializers.FileField()
    title = serializers.CharField(max_length=200, allow_blank=True, default="")
    altText = serializers.CharField(max_length=500, allow_blank=True, default="")


class AssetUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, allow_blank=True)
    altText = serializers.CharField(source="alt_text", max_length=500, allow_blank=True)

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            refused = {name: [self._refusal(name)] for name in data if name not in self.fields}
            if refused:
                raise serializers.ValidationError(refused)
        return super().to_internal_value(data)

    def _refusal(self, name: str) -> serializers.ErrorDetail:
        if name in AssetSerializer().fields:
            return serializers.ErrorDetail("This field cannot be changed.", code="read_only")
        return serializers.ErrorDetail("Unknown field.", code="unknown_field")

    def update(self, asset: Asset, validated_data: dict) -> Asset:
        for name, value in validated_data.items():
            setattr(asset, name, value)
        asset.save(update_fields=list(validated_data))
        return asset


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, rather than ignoring a typo."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = {name: ["Unknown field."] for name in data if name not in self.fields}
            if unknown:
                raise serializers.ValidationError(unknown, code="unknown_field")
        return super().to_internal_value(data)


# --- the account ------------------------------------------------------------------------------


class MeSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    email = serializers.EmailField(read_only=True)
    name = serializers.CharField(max_length=120, allow_blank=True)
    title = serializers.CharField(max_length=120, allow_blank=True)
    bio = serializers.CharField(max_length=2000, allow_blank=True)
    subscriptionTier = serializers.CharField(source="subscription_tier", read_only=True)
    dateJoined = serializers.DateTimeField(source="date_joined", read_only=True)


class MeUpdateSerializer(StrictSerializer):
    name = serializers.CharField(max_length=120, allow_blank=True, required=False)
    title = serializers.CharField(max_length=120, allow_blank=True, required=False)
    bio = serializers.CharField(max_length=2000, allow_blank=True, required=False)

    def update(self, user, validated_data: dict):
        for name, value in validated_data.items():
            setattr(user, name, value.strip())
        if validated_data:
            user.save(update_fields=list(validated_data))
        return user


class CreditEntrySerializer(serializers.Serializer):
    createdAt = serializers.DateTimeField(source="created_at")
    kind = serializers.CharField()
    delta = serializers.IntegerField()
    balanceAfter = serializers.IntegerField(source="balance_after")
    reason = serializers.CharField()
    task = serializers.CharField(source="request.task", default=None, allow_null=True)
    note = serializers.CharField()


class BalanceSerializer(serializers.Serializer):
    text = serializers.IntegerField()
    image = serializers.IntegerField()


class CreditsSerializer(serializers.Serializer):
    balance = BalanceSerializer()
    monthlyAllowance = BalanceSerializer()
    recent = CreditEntrySerializer(many=True, help_text="The latest changes, newest first.")


# --- AI ---------------------------------------------------------------------------------------


class TaskSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    credits = serializers.IntegerField(help_text="The most one request costs (text credits).")
    fields = serializers.ListField(child=serializers.CharField(), help_text="Payload keys.")
    params = serializers.ListField(child=serializers.CharField())
    streamable = serializers.BooleanField()


class ModelsSerializer(serializers.Serializer):
    provider = serializers.CharField()
    text = serializers.CharField()
    image = serializers.CharField()


class TasksSerializer(serializers.Serializer):
    tasks = TaskSerializer(many=True)
    models = ModelsSerializer()
    imageCredits = serializers.IntegerField()
    aspects = serializers.ListField(child=serializers.CharField())
    styles = serializers.ListField(child=serializers.CharField())


class GenerateTextSerializer(StrictSerializer):
    task = serializers.CharField(max_length=40)
    payload = serializers.DictField(
        default=dict,
        help_text="The task's fields (see ai/tasks), camelCase or snake_case: "
        '{"text": "…", "tone": "friendly"}.',
    )
    stream = serializers.BooleanField(
        default=False, help_text="Answer as text/event-stream: `chunk` events, then `done`."
    )


class ClaimSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.CharField()


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    unverified = ClaimSerializer(
        source="unverified_spans",
        many=True,
        help_text="Claims in the text that the person's data does not back up: check them.",
    )
    offline = serializers.BooleanField(help_text="Written by the offline writer, not a model.")
    creditsLeft = serializers.IntegerField(source="credits_left")
    requestId = serializers.CharField(source="request_id")


class GenerateImageSerializer(StrictSerializer):
    prompt = serializers.CharField(max_length=1000)
    aspect = serializers.ChoiceField(choices=list(ASPECTS), default="1:1")
    style = serializers.ChoiceField(choices=list(STYLES), default="abstract")
