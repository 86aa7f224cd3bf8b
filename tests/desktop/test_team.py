"""Team mode helpers against a real PostgreSQL server: connection test, password never kept in the URL."""

from __future__ import annotations

from desktop.team import check_connection, is_team_url, strip_password, with_password


def test_connection_to_a_real_server(pg_url):
    assert check_connection(pg_url) is None


def test_connection_failure_is_a_message(pg_url):
    bad = pg_url.rsplit("/", 1)[0] + "/no_such_database_here"
    msg = check_connection(bad)
    assert msg is not None and "no_such_database_here" in msg


def test_password_is_stripped_and_restored():
    url = "postgresql+psycopg://team:s3cret@db.example/qundesk"
    assert strip_password(url) == "postgresql+psycopg://team@db.example/qundesk"
    assert with_password(strip_password(url), "s3cret") == url
    assert is_team_url("postgresql://x@y/z") and not is_team_url("/tmp/a.sqlite")


def test_a_bad_url_is_a_validation_error():
    import pytest

    from desktop.errors import ValidationError

    with pytest.raises(ValidationError):
        strip_password("postgresql+psycopg://u@host:notaport/db")
    assert check_connection("postgresql+psycopg://u@host:notaport/db") is not None
