"""Throw-away PostgreSQL server for the test suite.

Self-contained (standard library + psycopg 3).  Typical use::

    with PgServer() as pg:
        url = pg.create_database("t_example")   # postgresql+psycopg://postgres@127.0.0.1:PORT/t_example
        ...

The server lives in a fresh ``mkdtemp`` directory (default under /tmp), listens on
127.0.0.1 on a free port plus a unix socket inside that directory, uses ``trust``
authentication with superuser ``postgres`` and runs with fsync off.  When the current
process is root, initdb/pg_ctl are run as the ``postgres`` system user (PostgreSQL
refuses to run as root); otherwise they run as the current user.

Binary lookup order: env ``QUNDESK_PG_BIN`` (a bin directory), ``pg_config --bindir``,
then the newest ``/usr/lib/postgresql/*/bin``.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Self

__all__ = ["ExternalPg", "PgServer", "PgStartError", "PgUnavailable", "find_pg_bin"]

SUPERUSER = "postgres"
HOST = "127.0.0.1"
START_TIMEOUT = 30.0
_REQUIRED_BINARIES = ("initdb", "pg_ctl", "postgres")


class PgUnavailable(Exception):
    """PostgreSQL cannot be used: binaries not found (the message says why)."""


class PgStartError(PgUnavailable):
    """Binaries were found but initdb / server start failed (message includes the log)."""


# --------------------------------------------------------------------------- binaries


def _has_binaries(bindir: Path) -> bool:
    return all(os.access(bindir / name, os.X_OK) for name in _REQUIRED_BINARIES)


def _version_key(path: str) -> tuple[int, ...]:
    m = re.search(r"/postgresql/([0-9.]+)/bin", path)
    return tuple(int(p) for p in m.group(1).split(".") if p) if m else (0,)


def find_pg_bin() -> Path:
    """Return the directory holding initdb/pg_ctl/postgres, or raise PgUnavailable."""
    tried: list[str] = []

    env = os.environ.get("QUNDESK_PG_BIN")
    if env:
        bindir = Path(env)
        if _has_binaries(bindir):
            return bindir
        # An explicit setting that does not work is an error, not something to paper over.
        raise PgUnavailable(f"QUNDESK_PG_BIN={env!r} does not contain {', '.join(_REQUIRED_BINARIES)}")

    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError) as exc:
            tried.append(f"pg_config --bindir failed ({exc})")
        else:
            if out and _has_binaries(Path(out)):
                return Path(out)
            tried.append(f"pg_config --bindir -> {out!r} (no initdb/pg_ctl/postgres there)")
    else:
        tried.append("no pg_config on PATH")

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for cand in candidates:
        if _has_binaries(Path(cand)):
            return Path(cand)
    tried.append("no usable /usr/lib/postgresql/*/bin" + (f" (checked {candidates})" if candidates else ""))

    raise PgUnavailable("PostgreSQL server binaries not found: " + "; ".join(tried))


# --------------------------------------------------------------------------- helpers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _clean_env() -> dict[str, str]:
    """Environment for the server processes: no PG* variables that could redirect them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"  # stable messages; the database locale is set via initdb --locale
    return env


def _read(path: Path, limit: int = 20000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError as exc:
        return f"<could not read {path}: {exc}>"
    return text if len(text) <= limit else "...\n" + text[-limit:]


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _DbAdmin:
    """CREATE/DROP DATABASE over a psycopg autocommit connection to a maintenance db."""

    def _admin_conninfo(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _db_url(self, name: str) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self._admin_conninfo(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql)

    def create_database(self, name: str) -> str:
        """CREATE DATABASE ``name`` (from template0, UTF8); return its SQLAlchemy URL."""
        self._execute(f"CREATE DATABASE {_quote_ident(name)} TEMPLATE template0 ENCODING 'UTF8'")
        return self._db_url(name)

    def drop_database(self, name: str) -> None:
        """DROP DATABASE IF EXISTS ``name``, terminating any leftover connections."""
        self._execute(f"DROP DATABASE IF EXISTS {_quote_ident(name)} WITH (FORCE)")


# --------------------------------------------------------------------------- server


class PgServer(_DbAdmin):
    """A private PostgreSQL server in a temporary directory.  Use as a context manager."""

    def __init__(self, base_dir: Path | None = None, *, settings: dict[str, str] | None = None):
        """`settings`: server settings that replace the suite's (which trade durability for speed: fsync off) —
        the benchmarks run with a durable server."""
        self.base_dir = Path(base_dir) if base_dir is not None else Path("/tmp")
        self.settings = dict(settings or {})
        self.bin_dir: Path | None = None
        self.tmp_dir: Path | None = None
        self.port: int | None = None
        self.host = HOST
        self.user = SUPERUSER
        self.version: str | None = None
        self.start_seconds: float | None = None
        self._owner_pid: int | None = None
        self._running = False
        self._run_as: Callable[[list[str]], tuple[list[str], Callable[[], None] | None]] | None = None

    # ---- paths
    @property
    def data_dir(self) -> Path:
        assert self.tmp_dir is not None, "server not started"
        return self.tmp_dir / "data"

    @property
    def log_file(self) -> Path:
        assert self.tmp_dir is not None, "server not started"
        return self.tmp_dir / "postgres.log"

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the default ``postgres`` database."""
        return self._db_url("postgres")

    def _db_url(self, name: str) -> str:
        if not self._running:
            raise RuntimeError("PgServer is not running")
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{name}"

    def _admin_conninfo(self) -> str:
        if not self._running:
            raise RuntimeError("PgServer is not running")
        return f"host={self.host} port={self.port} user={self.user} dbname=postgres"

    # ---- context manager
    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"port={self.port} dir={self.tmp_dir}" if self._running else "stopped"
        return f"<PgServer {state}>"

    # ---- privilege handling
    def _choose_runner(self) -> Callable[[list[str]], tuple[list[str], Callable[[], None] | None]]:
        if os.geteuid() != 0:
            return lambda argv: (argv, None)
        try:
            import pwd

            pw = pwd.getpwnam(SUPERUSER)
        except KeyError as exc:
            raise PgUnavailable("running as root, but there is no 'postgres' system user to run the server as") from exc
        self._uid, self._gid = pw.pw_uid, pw.pw_gid

        runuser = shutil.which("runuser") or next(
            (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.access(p, os.X_OK)), None
        )
        if runuser:
            return lambda argv: ([runuser, "-u", SUPERUSER, "--", *argv], None)
        su = shutil.which("su")
        if su:
            return lambda argv: ([su, SUPERUSER, "-s", "/bin/sh", "-c", shlex.join(argv)], None)

        uid, gid = pw.pw_uid, pw.pw_gid

        def demote() -> None:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)

        return lambda argv: (argv, demote)

    def _run(self, argv: list[str], timeout: float, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a server binary (demoted if root).  Output goes to a temp file, not a pipe,
        because pg_ctl's background postmaster may inherit it and keep a pipe open."""
        assert self._run_as is not None and self.tmp_dir is not None
        cmd, preexec = self._run_as(argv)
        with tempfile.TemporaryFile(mode="w+") as out:
            try:
                proc = subprocess.run(
                    cmd,
                    check=False,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    cwd=self.tmp_dir,
                    env=_clean_env(),
                    preexec_fn=preexec,
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired as exc:
                out.seek(0)
                raise PgStartError(
                    f"{shlex.join(argv)} timed out after {timeout:.0f}s:\n{out.read()}"
                    f"\n--- server log ---\n{_read(self.log_file)}"
                ) from exc
            out.seek(0)
            output = out.read()
        result = subprocess.CompletedProcess(cmd, proc.returncode, output, "")
        if check and proc.returncode != 0:
            raise PgStartError(f"{shlex.join(argv)} failed (exit {proc.returncode}):\n{output}")
        return result

    def _bin(self, name: str) -> str:
        assert self.bin_dir is not None
        return str(self.bin_dir / name)

    # ---- lifecycle
    def start(self) -> PgServer:
        if self._running:
            return self
        t0 = time.monotonic()
        self.bin_dir = find_pg_bin()
        self._run_as = self._choose_runner()

        self.base_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir = Path(tempfile.mkdtemp(prefix="qundesk-pg-", dir=self.base_dir))
        self._owner_pid = os.getpid()
        atexit.register(self._atexit_stop)
        try:
            if os.geteuid() == 0:
                os.chown(self.tmp_dir, self._uid, self._gid)
            os.chmod(self.tmp_dir, 0o700)
            self._initdb()
            self._start_server()
        except BaseException:
            self._running = True  # let stop() do its full cleanup
            self.stop()
            raise
        self.start_seconds = time.monotonic() - t0
        return self

    def _initdb(self) -> None:
        out = self._run([self._bin("initdb"), "--version"], timeout=30).stdout
        m = re.search(r"(\d+(?:\.\d+)?)", out)
        self.version = m.group(1) if m else None
        major = int(self.version.split(".")[0]) if self.version else 0

        base = [
            self._bin("initdb"),
            "-D", str(self.data_dir),
            "-U", SUPERUSER,
            "-A", "trust",
            "-E", "UTF8",
            "--no-sync",
        ]  # fmt: skip
        if major >= 14:
            base.append("--no-instructions")
        errors = []
        for locale in ("C.UTF-8", "C"):
            proc = self._run([*base, f"--locale={locale}"], timeout=120, check=False)
            if proc.returncode == 0:
                self._write_hba()
                return
            errors.append(f"--locale={locale}: exit {proc.returncode}\n{proc.stdout}")
            shutil.rmtree(self.data_dir, ignore_errors=True)
        raise PgStartError("initdb failed:\n" + "\n".join(errors))

    def _write_hba(self) -> None:
        """The superuser connects without a password (the suite's own connections); every other login must
        give its password (SCRAM), as on a real team server — so team-mode tests sign in for real."""
        hba = self.data_dir / "pg_hba.conf"
        hba.write_text(
            "local all all trust\n"
            f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
            f"host all {SUPERUSER} ::1/128 trust\n"
            "host all all ::1/128 scram-sha-256\n",
            encoding="utf-8",
        )
        if os.geteuid() == 0:
            os.chown(hba, self._uid, self._gid)

    def _start_server(self) -> None:
        last_error = ""
        for _attempt in range(5):
            self.port = _free_port()
            opts = [
                "-c", f"listen_addresses={HOST}",
                "-c", f"port={self.port}",
                "-c", f"unix_socket_directories={self.tmp_dir}",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=100",
            ]  # fmt: skip
            for key, value in self.settings.items():  # later -c options win
                opts += ["-c", f"{key}={value}"]
            # pg_ctl hands -o to /bin/sh, hence shlex.join.
            argv = [
                self._bin("pg_ctl"), "start",
                "-D", str(self.data_dir),
                "-l", str(self.log_file),
                "-w", "-t", str(int(START_TIMEOUT)),
                "-o", shlex.join(opts),
            ]  # fmt: skip
            proc = self._run(argv, timeout=START_TIMEOUT + 15, check=False)
            log = _read(self.log_file)
            if proc.returncode == 0:
                self._running = True
                self._wait_ready(time.monotonic() + START_TIMEOUT)
                return
            last_error = f"pg_ctl start failed (exit {proc.returncode}):\n{proc.stdout}\n--- server log ---\n{log}"
            if "could not bind" in log or "Address already in use" in log:
                self._kill_postmaster()
                continue  # port race: someone grabbed it, try another
            break
        raise PgStartError(last_error)

    def _wait_ready(self, deadline: float) -> None:
        import psycopg

        last: Exception | None = None
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(self._admin_conninfo(), connect_timeout=5) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                last = exc
                time.sleep(0.1)
        raise PgStartError(
            f"server on port {self.port} not accepting connections after {START_TIMEOUT:.0f}s: {last}\n"
            f"--- server log ---\n{_read(self.log_file)}"
        )

    def _postmaster_pid(self) -> int | None:
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError, AssertionError):
            return None

    def _kill_postmaster(self) -> None:
        """Last resort when pg_ctl stop did not work: SIGQUIT (immediate), then SIGKILL."""
        pid = self._postmaster_pid()
        if pid is None:
            return
        for sig, wait in ((signal.SIGQUIT, 5.0), (signal.SIGKILL, 5.0)):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            except PermissionError:
                return
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server (pg_ctl stop -m fast) and delete the temp dir.  Idempotent."""
        if os.getpid() != self._owner_pid:
            return  # forked child: the server belongs to the parent
        with contextlib.suppress(Exception):
            atexit.unregister(self._atexit_stop)
        if self.tmp_dir is None:
            return
        try:
            if self._running and (self.data_dir / "postmaster.pid").exists():
                try:
                    proc = self._run(
                        [
                            self._bin("pg_ctl"),
                            "stop",
                            "-D",
                            str(self.data_dir),
                            "-m",
                            "fast",
                            "-w",
                            "-t",
                            "20",
                        ],
                        timeout=30,
                        check=False,
                    )
                    ok = proc.returncode == 0
                except PgStartError:
                    ok = False
                if not ok:
                    self._kill_postmaster()
        finally:
            self._running = False
            shutil.rmtree(self.tmp_dir, ignore_errors=True)
            self.tmp_dir = None

    def _atexit_stop(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()


# --------------------------------------------------------------------------- external server


class ExternalPg(_DbAdmin):
    """Same create/drop interface for an already running server (env QUNDESK_PG_URL).

    ``url`` may be any SQLAlchemy or libpq-style postgres URL; it must point at a database
    the user can connect to and have CREATEDB privilege.
    """

    def __init__(self, url: str):
        from sqlalchemy.engine import make_url

        u = make_url(url)
        if not u.drivername.startswith("postgresql"):
            raise PgUnavailable(f"QUNDESK_PG_URL is not a postgresql URL: {u!r}")
        self._base = u.set(drivername="postgresql+psycopg")
        if not self._base.database:
            self._base = self._base.set(database="postgres")

    @property
    def url(self) -> str:
        return self._base.render_as_string(hide_password=False)

    def _db_url(self, name: str) -> str:
        return self._base.set(database=name).render_as_string(hide_password=False)

    def _admin_conninfo(self) -> str:
        return self._base.set(drivername="postgresql").render_as_string(hide_password=False)

    def start(self) -> ExternalPg:
        import psycopg

        try:
            self._execute("SELECT 1")
        except psycopg.Error as exc:
            raise PgStartError(f"cannot connect to QUNDESK_PG_URL ({self._base!r}): {exc}") from exc
        return self

    def stop(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
