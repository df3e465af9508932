"""The account commands, run in-process: users, teams, assign."""

from __future__ import annotations

import io
import os
import pwd

import pytest

from eska_network.cli import main
from eska_network.services import access, accounts, login

from .access_fixtures import audit_rows, empty_store, fast_hashing, fill_agency

PASSWORD = "a long enough password"


@pytest.fixture
def agency_cli_store(tmp_path, monkeypatch):
    """The agency on an SQLite file that the commands open through ESKA_DATABASE_URL."""
    fast_hashing(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        yield store


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_users_add_with_password_from_stdin(agency_cli_store, monkeypatch, capsys):
    _stdin(monkeypatch, PASSWORD + "\n")
    code = main(
        ["users", "add", "rina", "--role", "supervisor", "--team", "south", "--password-stdin"]
    )
    assert code == 0
    assert capsys.readouterr().out == "added rina (supervisor, team south)\n"
    result = login.authenticate(agency_cli_store, "rina", PASSWORD)
    assert result.principal == access.Principal("rina", "supervisor", "south", "rina")
    last = audit_rows(agency_cli_store)[-2]
    assert (last["role"], last["action"], last["detail"]) == (
        "cli",
        "account",
        "add user rina as supervisor",
    )


def test_users_list_prints_no_hash(agency_cli_store, monkeypatch, capsys):
    accounts.set_password(agency_cli_store, access.operator(), "cw_ani", PASSWORD)
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split("\t") == [
        "user_name",
        "role",
        "team",
        "active",
        "locked_until",
        "display_name",
    ]
    assert "cw_ani\tcaseworker\tnorth\tyes\t\tcw_ani" in lines
    assert "$argon2" not in out


def test_set_role_set_team_lock_and_unlock(agency_cli_store, capsys):
    assert main(["users", "set-role", "cw_budi", "planner"]) == 0
    assert main(["users", "set-team", "cw_budi"]) == 0
    assert main(["users", "lock", "cw_budi"]) == 0
    budi = accounts.get_user(agency_cli_store, "cw_budi")
    assert (budi.role, budi.team, budi.active) == ("planner", None, False)
    assert main(["users", "unlock", "cw_budi"]) == 0
    assert accounts.get_user(agency_cli_store, "cw_budi").active


def test_set_password_from_stdin(agency_cli_store, monkeypatch):
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["users", "set-password", "cw_budi", "--password-stdin"]) == 0
    assert login.authenticate(agency_cli_store, "cw_budi", PASSWORD).reason == "ok"


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["users", "add", "cw_ani", "--role", "caseworker", "--no-password"], "", "exists"),
        (["users", "add", "x", "--role", "planner", "--password-stdin"], "short\n", "12 char"),
        (
            ["users", "add", "x", "--role", "planner", "--team", "east", "--no-password"],
            "",
            "no team",
        ),
        (["users", "set-role", "nobody", "admin"], "", "no user"),
        (["teams", "add", "north"], "", "exists"),
        (["assign", "C1", "--caseworker", "sup_north"], "", "not an active caseworker"),
        (["assign", "C9", "--caseworker", "cw_budi"], "", "no child"),
    ],
)
def test_bad_requests_fail_with_a_clear_message(
    agency_cli_store, monkeypatch, capsys, argv, stdin, message
):
    _stdin(monkeypatch, stdin)
    before = {user.user_name: user for user in accounts.list_users(agency_cli_store)}
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""
    assert {user.user_name: user for user in accounts.list_users(agency_cli_store)} == before


def test_teams_add_and_list(agency_cli_store, capsys):
    assert main(["teams", "add", "east", "--name", "East team"]) == 0
    assert main(["teams", "list"]) == 0
    assert "east\tEast team" in capsys.readouterr().out.splitlines()


def test_assign_moves_a_child_and_is_audited(agency_cli_store, capsys):
    assert main(["assign", "C4", "--caseworker", "cw_ani"]) == 0
    assert capsys.readouterr().out == "assigned C4 to cw_ani\n"
    ani = access.Principal("cw_ani", "caseworker", "north")
    assert access.visible_child_ids(agency_cli_store, ani) == ["C1", "C2", "C4"]
    last = audit_rows(agency_cli_store)[-1]
    assert (last["user_name"], last["role"], last["action"], last["child_id"]) == (
        access.operator().user_name,
        "cli",
        "reassign",
        "C4",
    )
    assert last["detail"] == "reassign: cw_citra -> cw_ani"


def test_the_command_line_is_audited_as_the_account_it_runs_as(monkeypatch):
    """$USER and $LOGNAME are anyone's to set: the audit names the process's own account."""
    monkeypatch.setenv("USER", "someone_else")
    monkeypatch.setenv("LOGNAME", "someone_else")
    assert access.operator().user_name == pwd.getpwuid(os.getuid()).pw_name
    assert access.operator().role == "cli"
