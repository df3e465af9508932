"""Login tells nobody which user names exist: one answer, in the same time; strong passwords only.

The timing is measured with an argon2 hash of about 50 ms on one thread (the product's default,
on four threads, is as costly but far noisier on a shared two-core machine), interleaving the
three kinds of failure so that the machine's load falls on each alike, and compared by median:
a failure that skipped the hash, as a locked account once did, would stand out by 50 ms.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from eska_network.services import access, accounts, login
from eska_network.services.accounts import AccountError
from eska_network.services.login import LoginPolicy
from eska_network.store.tables import users

from .access_fixtures import ENGINES, audit_rows, empty_store, fill_agency, navigation_only

APP = Path(__file__).parents[1] / "app.py"
PASSWORD = "a pass phrase of some length"
NEVER_LOCKS = LoginPolicy(max_failures=10**6)
ROUNDS = 21
BLOCKS = 3
TOLERANCE_MS = 20


class CountingHasher(PasswordHasher):
    """argon2 on one thread, counting the hashes it checks."""

    def __init__(self) -> None:
        super().__init__(time_cost=2, memory_cost=32768, parallelism=1)
        self.checked = 0

    def verify(self, hash, password) -> bool:  # noqa: A002 (argon2's own parameter name)
        self.checked += 1
        return super().verify(hash, password)


def _lock(store, user_name: str) -> None:
    until = accounts.utc_now() + dt.timedelta(days=1)
    with store.writing() as connection:
        connection.execute(
            sa.update(users).where(users.c.user_name == user_name).values(locked_until=until)
        )


@pytest.fixture(params=ENGINES)
def agency(request, tmp_path, monkeypatch):
    """The agency with password hashes for cw_ani (wrong password) and cw_budi (locked)."""
    monkeypatch.setattr(accounts, "_HASHER", CountingHasher())
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        for name in ("cw_ani", "cw_budi"):
            accounts.set_password(store, access.operator(), name, PASSWORD)
        _lock(store, "cw_budi")
        yield store


FAILURES = {
    "unknown user": ("no_such_person", "whatever it is 1"),
    "wrong password": ("cw_ani", "not the password 1"),
    "locked account": ("cw_budi", PASSWORD),
}


def test_the_three_failures_take_the_same_time(agency):
    """The median, over rounds, of each failure's time minus the unknown name's in that round.

    The three run back to back in every round, in a new order each time, so that the load of a
    shared machine falls on all three alike.
    """
    for user_name, password in FAILURES.values():
        before = accounts._HASHER.checked
        login.authenticate(agency, user_name, password, policy=NEVER_LOCKS)  # warm-up
        assert accounts._HASHER.checked == before + 1, f"{user_name}: one password hash checked"
    order = list(FAILURES)
    # On a shared two-core machine another test's burst can shift one block of rounds by more
    # than the tolerance; a real difference (a skipped hash costs 50 ms here) shows in every
    # block. So the answer must be even in one of up to three blocks of rounds.
    blocks = []
    for _ in range(BLOCKS):
        differences: dict[str, list[float]] = {kind: [] for kind in FAILURES}
        for round_number in range(ROUNDS):
            taken = {}
            for kind in order[round_number % 3 :] + order[: round_number % 3]:
                user_name, password = FAILURES[kind]
                start = time.perf_counter()
                result = login.authenticate(agency, user_name, password, policy=NEVER_LOCKS)
                taken[kind] = 1000 * (time.perf_counter() - start)
                assert result.principal is None
            for kind in FAILURES:
                differences[kind].append(taken[kind] - taken["unknown user"])
        medians = {kind: statistics.median(values) for kind, values in differences.items()}
        blocks.append(medians)
        if all(abs(value) < TOLERANCE_MS for value in medians.values()):
            break
    assert all(abs(value) < TOLERANCE_MS for value in blocks[-1].values()), blocks


def test_a_locked_account_with_the_right_password_is_refused_like_a_wrong_one(agency):
    assert login.authenticate(agency, "cw_budi", PASSWORD).principal is None
    last = audit_rows(agency)[-1]
    assert (last["user_name"], last["action"], last["detail"]) == (
        "cw_budi",
        "failed_login",
        "account locked",
    )


@pytest.fixture
def login_screen(tmp_path, monkeypatch):
    """The login screen of the app on a store where cw_budi is locked."""
    navigation_only(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        for name in ("cw_ani", "cw_budi"):
            accounts.set_password(store, access.operator(), name, PASSWORD)
        _lock(store, "cw_budi")
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        yield store


def test_the_three_failures_give_the_same_answer(login_screen):
    answers = {}
    for kind, (user_name, password) in FAILURES.items():
        app = AppTest.from_file(str(APP), default_timeout=60)
        app.run()
        app.text_input[0].input(user_name)
        app.text_input[1].input(password)
        app.button[0].click().run()
        answers[kind] = [element.value for element in app.error]
    assert len(set(map(tuple, answers.values()))) == 1, answers
    assert "locked" in answers["unknown user"][0]  # it says what may be wrong, for anyone


@pytest.mark.parametrize(
    "password",
    [
        "password12",
        "aaaaaaaaaa",
        " " * 10,
        "password1234",
        "aaaaaaaaaaaa",
        " " * 12,
        "qwertyuiop123",
        "123456789012",
        "cw_ani123456",
        "ani-ani-ani-ani",
        "Password2026!",
        "iloveyou2026",
    ],
)
def test_short_common_or_guessable_passwords_are_refused(password):
    with pytest.raises(AccountError, match="12 characters|too common"):
        accounts.check_password(password, "cw_ani", "Ani")


@pytest.mark.parametrize(
    "password", ["correct horse battery staple", "kota-bandung-2026-rumah", "Tr0ub4dor&3-sapi"]
)
def test_long_uncommon_passwords_are_accepted(password):
    accounts.check_password(password, "cw_ani", "Ani")
