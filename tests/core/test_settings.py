"""Settings are read at start, so each case runs manage.py in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k3y-" + "x9Qz" * 16,
    "ALLOWED_HOSTS": "grooya.example",
    "EMAIL_URL": "smtp://mailer:sm7p-p4ss@smtp.example:587",
}


# The test process's own switches must not leak into the app under test.
BASE_ENV = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**BASE_ENV, "DATABASE_URL": "sqlite:///:memory:", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_without_a_warning():
    r = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert r.returncode == 0, r.stderr
    assert "System check identified no issues (0 silenced)." in r.stdout


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be true or false"),
        ("DATABASE_URL", "nosuchdb://x", "DATABASE_URL is not a valid database URL"),
        ("REDIS_URL", "http://cache:6379", "REDIS_URL must start with"),
        ("EMAIL_URL", "carrier-pigeon://coop", "EMAIL_URL must start with"),
        ("DB_CONN_MAX_AGE", "forever", "DB_CONN_MAX_AGE must be a whole number"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be"),
        ("GOOGLE_CLIENT_ID", "abc", "GOOGLE_CLIENT_SECRET must be set"),
        ("STORAGE_BACKEND", "ftp", "STORAGE_BACKEND must be filesystem or s3"),
        ("STORAGE_BACKEND", "s3", "S3_BUCKET must be set"),
        ("TASK_BACKEND", "celery", "TASK_BACKEND must be immediate or database"),
        ("ASSET_MAX_BYTES", "10MB", "ASSET_MAX_BYTES must be a whole number"),
        ("AI_PROVIDER", "claude", "AI_PROVIDER must be one of gemini, openai, offline"),
        ("AI_PROVIDER", "gemini", "AI_PROVIDER=gemini needs GEMINI_API_KEY"),
        ("AI_PROVIDER", "openai", "AI_PROVIDER=openai needs OPENAI_BASE_URL"),
        ("GEMINI_BASE_URL", "localhost:9000", "GEMINI_BASE_URL must be an http:// or https://"),
        ("OPENAI_BASE_URL", "ftp://models", "OPENAI_BASE_URL must be an http:// or https://"),
        ("AI_READ_TIMEOUT", "slow", "AI_READ_TIMEOUT must be a number"),
        ("AI_CONNECT_TIMEOUT", "0", "AI_CONNECT_TIMEOUT must be more than 0"),
        ("AI_FREE_TEXT_CREDITS", "lots", "AI_FREE_TEXT_CREDITS must be a whole number"),
    ],
)
def test_a_bad_value_stops_the_start_and_names_the_variable(name, value, message):
    r = manage("check", **{**PRODUCTION_ENV, name: value})

    assert r.returncode != 0
    assert message in r.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}

    r = manage("check", **env)

    assert r.returncode != 0
    assert "SECRET_KEY must be set" in r.stderr


def test_configured_social_sign_in_shows_its_buttons_and_allows_the_redirect():
    code = (
        "from django.core.management import call_command; from django.test import Client;"
        "call_command('migrate', verbosity=0);"
        "r = Client().get('/accounts/login/');"
        "print('Google' in r.text, 'https://accounts.google.com' in r['Content-Security-Policy']);"
        "print(Client().post('/accounts/google/login/').url.startswith('https://accounts.google'));"
        "print(Client().get('/accounts/github/login/').status_code)"
    )
    env = {
        "DEBUG": "true",
        "ALLOWED_HOSTS": "testserver",
        "GOOGLE_CLIENT_ID": "id-123",
        "GOOGLE_CLIENT_SECRET": "s3cret",
        "LOG_LEVEL": "ERROR",  # keeps "Not Found" log lines out of the printed answers
    }

    r = manage("shell", "--no-imports", "-c", code, **env)

    assert r.stdout.split() == ["True", "True", "True", "404"], r.stderr


@pytest.mark.parametrize(
    ("env", "provider"),
    [
        ({}, "offline"),
        ({"GEMINI_API_KEY": "k"}, "gemini"),
        ({"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"}, "openai"),
        ({"GEMINI_API_KEY": "k", "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"}, "gemini"),
        ({"GEMINI_API_KEY": "k", "AI_PROVIDER": "offline"}, "offline"),
    ],
)
def test_the_ai_provider_follows_the_keys_that_are_set(env, provider):
    code = "from django.conf import settings; print(settings.AI_PROVIDER)"
    clean = {k: "" for k in ("GEMINI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY", "AI_PROVIDER")}

    r = manage("shell", "--no-imports", "-c", code, **{**PRODUCTION_ENV, **clean, **env})

    assert r.stdout.strip() == provider, r.stderr
