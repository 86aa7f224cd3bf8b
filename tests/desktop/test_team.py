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


def test_a_password_with_an_at_sign_is_the_password_not_part_of_the_host(pg_url, capsys):
    """`postgresql://user:p@ss@host/db` as typed: the password was read up to its first '@' and the rest became
    the host — the connection failed with "failed to resolve host 'ss@127.0.0.1'", printing half the password."""
    import psycopg
    from sqlalchemy.engine import make_url

    from desktop.cli import main

    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname={u.database} user={u.username}", autocommit=True) as c:
        c.execute("DROP ROLE IF EXISTS at_sign_user")
        c.execute("CREATE ROLE at_sign_user LOGIN SUPERUSER PASSWORD 'Zq@rty@99x'")
    try:
        typed = f"postgresql://at_sign_user:Zq@rty@99x@{u.host}:{u.port}/{u.database}"
        assert main(["--db", typed, "groups", "--json"]) == 0
        out, err = capsys.readouterr()
        assert out.strip() == "[]" and err == ""
        wrong = f"postgresql://at_sign_user:Zq@rty@00y@{u.host}:{u.port}/{u.database}"
        assert main(["--db", wrong, "groups"]) in (3, 4)
        out, err = capsys.readouterr()
        assert "rty" not in out + err and "00y" not in out + err and "at_sign_user:***@" in err
    finally:
        with psycopg.connect(
            f"host={u.host} port={u.port} dbname={u.database} user={u.username}", autocommit=True
        ) as c:
            c.execute("DROP OWNED BY at_sign_user")  # the tables `groups` created as that login
            c.execute("DROP ROLE IF EXISTS at_sign_user")


def test_an_ssl_key_password_in_the_url_is_never_printed(capsys, tmp_path):
    from desktop.cli import main

    url = "postgresql://bob@127.0.0.1:1/db?sslpassword=Kx9secretKey"
    for argv in (["groups"], ["db", "status"]):
        assert main(["--db", url, *argv]) == 3
        out, err = capsys.readouterr()
        assert "Kx9secretKey" not in out + err and "127.0.0.1" in out + err
    assert strip_password(url) == "postgresql+psycopg://bob@127.0.0.1:1/db"
