"""Request and response shapes for the JSON API. Field names are camelCase on the wire."""

from collections.abc import Mapping

from rest_framework import serializers

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
