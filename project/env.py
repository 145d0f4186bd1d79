"""Reading settings from the environment: every bad value names its variable."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def read_dotenv(path: Path) -> None:
    """Load KEY=VALUE lines from .env; real environment variables win."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def mailers_from_url(url: str) -> dict:
    """EMAIL_URL → MAILERS: console://, smtp://user:pass@host:587 (STARTTLS), smtps://…:465."""
    parts = urlsplit(url)
    if parts.scheme in {"console", ""}:
        return {"default": {"BACKEND": "apps.core.mail.ConsoleBackend"}}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with console://, smtp:// or smtps://, not {parts.scheme}://."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL must name a host, e.g. smtp://user:pass@host:587.")
    query = parse_qs(parts.query)
    ssl = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if ssl else 587)
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL has an invalid port.") from None
    options = {
        "host": parts.hostname,
        "port": port,
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": ssl,
        "use_tls": not ssl and query.get("tls", ["true"])[0] != "false",
        "timeout": 10,
    }
    return {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    }


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}.") from None
    if value <= 0:
        raise ImproperlyConfigured(f"{name} must be more than 0, not {raw!r}.")
    return value


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {raw!r}.")
    return raw


def env_url(name: str) -> str:
    """An http(s) base URL, or "" when unset."""
    raw = os.environ.get(name, "").strip()
    if raw and (urlsplit(raw).scheme not in {"http", "https"} or not urlsplit(raw).hostname):
        raise ImproperlyConfigured(f"{name} must be an http:// or https:// URL, not {raw!r}.")
    return raw
