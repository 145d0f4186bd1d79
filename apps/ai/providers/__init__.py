"""The configured provider (AI_PROVIDER): gemini, openai or offline."""

from django.conf import settings

from .base import AIError, Prompt, Provider, Result, Stream

__all__ = ["AIError", "Prompt", "Provider", "Result", "Stream", "get_provider"]


def get_provider(name: str | None = None) -> Provider:
    name = name or settings.AI_PROVIDER
    if name == "gemini":
        from .gemini import GeminiProvider

        return GeminiProvider()
    if name == "openai":
        from .openai import OpenAIProvider

        return OpenAIProvider()
    if name == "offline":
        from .offline import OfflineProvider

        return OfflineProvider()
    raise AIError("misconfigured")
