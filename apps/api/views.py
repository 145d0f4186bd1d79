import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from apps.assets.models import Asset
from apps.portfolios.usages import attach_usages

from .authentication import scoped
from .errors import problem
from .pagination import PageNumberPagination
from .parsers import JSONParser
from .serializers import (
    AssetFilterSerializer,
    AssetPageSerializer,
    AssetSerializer,
    AssetUpdateSerializer,
    AssetUploadSerializer,
)


def _get_asset_for_user(request: Request, pk: str) -> Asset:
    """The asset if the signed-in person owns it; 404 otherwise, malformed ids included."""
    try:
        asset_id = uuid.UUID(pk)
    except ValueError:
        raise Http404 from None
    return get_object_or_404(
        Asset.objects.select_related("owner"), pk=asset_id, owner=request.user
    )


@extend_schema(
    methods=["GET"],
    operation_id="assets_list",
    tags=["Assets"],
    summary="Your assets, newest first; filter and sort",
    responses=AssetPageSerializer,
    parameters=[AssetFilterSerializer, *PageNumberPagination.schema_parameters()],
)
@extend_schema(
    methods=["POST"],
    operation_id="assets_upload",
    tags=["Assets"],
    summary="Upload an image (the same file again answers the asset you have)",
    request={"multipart/form-data": AssetUploadSerializer},
    responses={201: AssetSerializer, 200: AssetSerializer},
)
@api_view(["GET", "POST"])
@parser_classes([MultiPartParser])
@permission_classes([scoped("assets:read", "assets:write")])
def asset_list(request: Request) -> Response:
    if request.method == "POST":
        return _asset_upload(request)
    filters = AssetFilterSerializer(data=request.query_params)
    filters.is_valid(raise_exception=True)
    assets = filters.apply(Asset.objects.owned_by(request.user).select_related("owner"))
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(assets, request)
    attach_usages(page)
    data = AssetSerializer(page, many=True, context={"request": request}).data
    return paginator.get_paginated_response(data)


def _asset_upload(request: Request) -> Response:
    upload = AssetUploadSerializer(data=request.data)
    # The upload handler skipped the file while it streamed in, so `file` looks missing.
    if "file" in getattr(request._request, "upload_too_large", ()):
        limit = settings.ASSET_MAX_BYTES
        return problem(
            413, f"That file is larger than {filesizeformat(limit)}.", "too_large", maxBytes=limit
        )
    upload.is_valid(raise_exception=True)
    data = upload.validated_data
    try:
        asset, created = Asset.create_from_upload(request.user, data["file"], title=data["title"])
    except ValidationError as exc:
        code = getattr(exc, "code", None) or "invalid"
        raise serializers.ValidationError({"file": exc.messages[:1]}, code=code) from None
    if created and data["altText"]:
        asset.alt_text = data["altText"]
        asset.save(update_fields=["alt_text"])
    attach_usages([asset])
    body = AssetSerializer(asset, context={"request": request}).data
    if not created:  # the same file again: the asset they already have, unchanged
        return Response(body, status=status.HTTP_200_OK)
    location = request.build_absolute_uri(reverse("api:asset-detail", args=[asset.pk]))
    return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(
    methods=["GET"],
    operation_id="assets_retrieve",
    tags=["Assets"],
    summary="One asset, with where it is used",
    responses=AssetSerializer,
)
@extend_schema(
    methods=["PATCH"],
    operation_id="assets_update",
    tags=["Assets"],
    summary="Change an asset's title or alt text",
    request=AssetUpdateSerializer,
    responses=AssetSerializer,
    examples=[
        OpenApiExample("Describe it", {"altText": "A red kite over hills"}, request_only=True)
    ],
)
@extend_schema(
    methods=["DELETE"],
    operation_id="assets_delete",
    tags=["Assets"],
    summary="Delete an asset and its files",
    responses={204: None},
)
@api_view(["GET", "PATCH", "DELETE"])
@parser_classes([JSONParser])
@permission_classes([scoped("assets:read", "assets:write")])
def asset_detail(request: Request, pk: str) -> Response:
    asset = _get_asset_for_user(request, pk)
    if request.method == "DELETE":
        Asset.objects.filter(pk=asset.pk).delete_with_files()
        return Response(status=status.HTTP_204_NO_CONTENT)
    if request.method == "PATCH":
        changes = AssetUpdateSerializer(asset, data=request.data, partial=True)
        changes.is_valid(raise_exception=True)
        asset = changes.save()
    attach_usages([asset])
    return Response(AssetSerializer(asset, context={"request": request}).data)
