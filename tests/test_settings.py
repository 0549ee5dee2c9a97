from __future__ import annotations

import pytest

from diarycard.settings import SettingsError, load_settings


def test_defaults_need_nothing_set() -> None:
    settings = load_settings({})
    assert settings.database_url is None
    assert settings.openapi_enabled
    assert not settings.cookie_secure  # plain http on this machine, development only


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DIARYCARD_POOL_MAX": "lots"}, "DIARYCARD_POOL_MAX: Expected `int`"),
        ({"DIARYCARD_ENV": "prod"}, "DIARYCARD_ENV: Invalid enum value 'prod'"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL: must start with postgresql://"),
        ({"DIARYCARD_MAX_BODY_BYTES": "10"}, "DIARYCARD_MAX_BODY_BYTES: Expected `int` >= 1024"),
        ({"DIARYCARD_POOL_MIN": "9", "DIARYCARD_POOL_MAX": "2"}, "DIARYCARD_POOL_MIN"),
        (
            {"DIARYCARD_ENV": "production", "DIARYCARD_PUBLIC_URL": "http://diary.example"},
            "DIARYCARD_PUBLIC_URL: production must be served over https://",
        ),
    ],
)
def test_a_bad_value_names_the_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_production_turns_off_the_schema_and_secures_cookies() -> None:
    settings = load_settings(
        {"DIARYCARD_ENV": "production", "DIARYCARD_PUBLIC_URL": "https://diary.example"}
    )
    assert not settings.openapi_enabled
    assert settings.cookie_secure


def test_cli_stops_with_one_line_naming_the_variable(capsys, monkeypatch) -> None:
    from diarycard.cli import main

    monkeypatch.setenv("DIARYCARD_POOL_MAX", "lots")
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["diarycard: DIARYCARD_POOL_MAX: Expected `int`, got `str`"]
