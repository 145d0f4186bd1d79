from drf_spectacular.utils import OpenApiParameter
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 100

    @classmethod
    def schema_parameters(cls) -> list[OpenApiParameter]:
        """For function views, which drf-spectacular cannot inspect for pagination."""
        return [
            OpenApiParameter(cls.page_query_param, int, description="Page number, from 1."),
            OpenApiParameter(
                cls.page_size_query_param,
                int,
                description=f"Results per page, at most {cls.max_page_size}.",
            ),
        ]
