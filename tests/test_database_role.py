"""PostgreSQL: the app runs as a role that owns nothing and may only INSERT and SELECT the audit.

The tables' owner (the test role) migrates the store and runs `db grant`; the app's role
(``eska_app``, created by .ci/services.sh) then works the app and, attacking with psql's powers
through its own login, fails to change, remove, truncate or unprotect the audit.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import sqlalchemy as sa

from eska_network.cli import main
from eska_network.domain.model import Child, Dataset
from eska_network.services import access, accounts, dataset_transfer, login
from eska_network.store import AssessmentChanges, audit_chain, open_store, privileges, tables

from .access_fixtures import fast_hashing, fill_agency
from .conftest import REPO_ROOT, empty_database

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]

APP_ROLE = "eska_app"
APP_LOGIN = os.environ.get("ESKA_TEST_APP_LOGIN", "eska_app:eska_app")
PASSWORD = "an agency-long passphrase 42"


@pytest.fixture
def stores(tmp_path, monkeypatch):
    """The agency migrated by the owner, and the same store opened with the app's login."""
    fast_hashing(monkeypatch)
    with empty_database("postgresql", tmp_path) as owner_url:
        owner = open_store(owner_url)
        fill_agency(owner)
        accounts.set_password(owner, access.operator(), "cw_ani", PASSWORD)
        assert main(["db", "grant", APP_ROLE, "--database-url", owner_url]) == 0
        user, password = APP_LOGIN.split(":")
        app_url = sa.make_url(owner_url).set(username=user, password=password)
        app = open_store(app_url.render_as_string(hide_password=False))
        yield owner, app
        app.engine.dispose()
        owner.engine.dispose()


def test_the_app_role_owns_nothing(stores):
    _, app = stores
    with app.reading() as connection:
        owned = connection.scalar(
            sa.text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                "AND tableowner = current_user"
            )
        )
        assert connection.scalar(sa.text("SELECT current_user")) == APP_ROLE
    assert owned == 0


def test_the_app_works_as_its_role(stores):
    _, app = stores
    result = login.authenticate(app, "cw_ani", PASSWORD)
    assert result.principal is not None
    ani = result.principal
    access.open_child(app, ani, "C1")
    access.record_assessment(
        app,
        ani,
        "C1",
        dt.date(2026, 3, 1),
        AssessmentChanges(members_added=(), ties=()),
        app.revision("C1"),
    )
    supervisor = accounts.get_user(app, "sup_north").principal()
    access.reassign(app, supervisor, "C1", "cw_budi")
    dataset = Dataset.from_objects(children=[Child("C9", "Kota Contoh", 12, caseworker="cw_ani")])
    dataset_transfer.import_checked(app, supervisor, dataset)
    with app.reading() as connection:
        assert audit_chain.verify(connection).intact


@pytest.mark.parametrize(
    "attack",
    [
        "UPDATE audit SET outcome = 'success'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "ALTER TABLE audit DISABLE TRIGGER USER",
        "DROP TRIGGER audit_no_update ON audit",
        "DROP TABLE audit CASCADE",
        "UPDATE child_history SET needs = ''",
        "DELETE FROM ties",
        "UPDATE published_rows SET basis = NULL",
        "CREATE TABLE smuggled (x int)",
    ],
)
def test_the_app_role_cannot_change_the_audit_or_history(stores, attack):
    owner, app = stores
    access.write_audit(app, access.operator(), "account", "success", detail="evidence")
    with owner.reading() as connection:
        before = connection.execute(sa.text("SELECT * FROM audit ORDER BY id")).all()
    with pytest.raises(sa.exc.ProgrammingError, match="permission denied|must be owner"):
        with app.engine.begin() as connection:
            connection.exec_driver_sql(attack)
    with owner.reading() as connection:
        assert connection.execute(sa.text("SELECT * FROM audit ORDER BY id")).all() == before


def test_every_table_has_its_rights_written_down():
    """A table added by a migration must be given to the app's role, one way or the other."""
    listed = privileges.CHANGED + privileges.APPENDED + privileges.READ
    assert sorted(set(tables.metadata.tables) - set(listed)) == []
    assert len(listed) == len(set(listed))


def test_the_readme_lists_the_grants_db_grant_runs():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for statement in privileges.grant_statements("public", APP_ROLE):
        assert statement + ";" in readme, statement


def test_db_grant_refuses_sqlite(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'eska.db'}"
    assert main(["db", "grant", APP_ROLE, "--database-url", url]) == 1
    assert "SQLite has no database roles" in capsys.readouterr().err


def test_an_app_role_cannot_migrate_and_says_why(stores):
    owner, app = stores
    with owner.writing() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0013_format_v2'")
    with pytest.raises(sa.exc.ProgrammingError, match="must be owner|permission denied"):
        open_store(app.url.render_as_string(hide_password=False))
