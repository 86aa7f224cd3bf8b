"""Alembic environment. The engine comes from models.db (config.attributes["engine"]) or, for the
alembic command line, from sqlalchemy.url / QUNDESK_DB."""

from __future__ import annotations

import os

from alembic import context

import models
from models.db import make_engine

config = context.config
target_metadata = models.Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = make_engine(config.get_main_option("sqlalchemy.url") or os.environ["QUNDESK_DB"])
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # One transaction for the whole upgrade, as on PostgreSQL: the driver commits every CREATE, ALTER and
            # DROP on its own otherwise, so an upgrade cut short (the window closed, a power cut, a kill) left a
            # half-upgraded file at the old revision whose next start failed for good ("table chat_alias already
            # exists", "duplicate column name: …"). Set before BEGIN (setting it commits) and back after the end.
            raw = connection.connection.dbapi_connection
            before = raw.isolation_level
            raw.isolation_level = None
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            if sqlite:
                if raw.in_transaction:  # failed: rolled back whole (the connection's close would too)
                    raw.rollback()
                raw.isolation_level = before


run_migrations_online()
