"""The audit log and the accounts as people read them: words for codes, local time with its zone.

The store keeps times in UTC and actions, outcomes and roles as codes; an auditor or an
administrator reads them here in their language and in the agency's time zone
(``ESKA_TIMEZONE``, an IANA name, by default ``Asia/Jakarta``: WIB). The CSV of the audit log holds
the rows on screen, with the UTC time beside the local one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from collections.abc import Iterable, Mapping

import pandas as pd

from eska_network import i18n
from eska_network.domain.csvsafe import to_safe_csv
from eska_network.services import access
from eska_network.services.accounts import User

TIMEZONE_VARIABLE = "ESKA_TIMEZONE"
DEFAULT_TIMEZONE = "Asia/Jakarta"
_ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA"}
_ZONE_NAMES["Asia/Jayapura"] = "WIT"

AUDIT_SHOWN = ("at", "user_name", "role", "action", "child_id", "outcome", "detail")
USER_SHOWN = ("user_name", "display_name", "role", "team", "state", "locked_until")


def local_zone(environ: Mapping[str, str] | None = None) -> zoneinfo.ZoneInfo:
    """The agency's time zone: ``ESKA_TIMEZONE`` or Asia/Jakarta.

    >>> local_zone({}).key, local_zone({"ESKA_TIMEZONE": "Asia/Makassar"}).key
    ('Asia/Jakarta', 'Asia/Makassar')

    Raises
    ------
    ValueError
        When the variable names no time zone.
    """
    name = (os.environ if environ is None else environ).get(TIMEZONE_VARIABLE, "").strip()
    try:
        return zoneinfo.ZoneInfo(name or DEFAULT_TIMEZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{TIMEZONE_VARIABLE}={name!r} is not a time zone name") from None


def local_time(moment: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    """A UTC moment as the agency reads it: ``2026-11-30 16:05 WIB`` (empty when none).

    >>> moment = dt.datetime(2026, 11, 30, 9, 5, 7, tzinfo=dt.UTC)
    >>> local_time(moment, zoneinfo.ZoneInfo("Asia/Jakarta"))
    '2026-11-30 16:05:07 WIB'
    >>> local_time(moment, zoneinfo.ZoneInfo("Europe/Vienna"))
    '2026-11-30 10:05:07 CET'
    """
    if moment is None or pd.isna(moment):
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    here = moment.astimezone(zone)
    return f"{here:%Y-%m-%d %H:%M:%S} {_ZONE_NAMES.get(zone.key) or here.tzname()}"


def action_name(action: str, lang: str = "en") -> str:
    """An audit action in words (``view_child``: "Viewed a child's map")."""
    return i18n.text(f"audit.action.{action}", lang)


def outcome_name(outcome: str, lang: str = "en") -> str:
    return i18n.text(f"audit.outcome.{outcome}", lang)


_DETAILS = (
    (re.compile(r"add team (?P<team>.+)"), "add_team"),
    (re.compile(r"add user (?P<user>\S+) as (?P<role>\w+)"), "add_user"),
    (re.compile(r"set role (?P<role>\w+) for (?P<user>\S+)"), "set_role"),
    (re.compile(r"set team (?P<team>\S+) for (?P<user>\S+)"), "set_team"),
    (re.compile(r"set password for (?P<user>\S+)"), "set_password"),
    (re.compile(r"lock for (?P<user>\S+)"), "lock"),
    (re.compile(r"unlock for (?P<user>\S+)"), "unlock"),
    (re.compile(r"(?P<n>\d+) failures"), "failures"),
    (re.compile(r"account locked"), "account_locked"),
    (re.compile(r"bad credentials"), "bad_credentials"),
    (re.compile(r"action added"), "action_added"),
    (re.compile(r"action changed"), "action_changed"),
    (re.compile(r"caseload CSV, (?P<n>\d+) children"), "caseload_csv"),
    (re.compile(r"child map (?P<format>\w+), (?P<mode>named|presentation)"), "child_map"),
    (re.compile(r"(?P<error>AssessmentError|ConcurrentEditError)"), "error"),
    (
        re.compile(
            r"(?P<children>\d+) children added, (?P<updated>\d+) updated, "
            r"(?P<ties>\d+) tie rows added"
        ),
        "imported",
    ),
)
"""The details the product's own code writes (services/accounts, actions, caseload, conference),
each with its words."""


def _detail_words(text: str, lang: str) -> str:
    """One detail the code wrote, in words; text it did not write is shown as written."""
    for pattern, name in _DETAILS:
        found = pattern.fullmatch(text.strip())
        if found is None:
            continue
        fields = found.groupdict()
        if name == "error":
            return i18n.text(f"audit.detail.{fields['error']}", lang)
        if "role" in fields:
            fields["role"] = role_name(fields["role"], lang)
        if fields.get("team") == "-":
            fields["team"] = i18n.text("audit.detail.no_team", lang)
        if "mode" in fields:
            fields["mode"] = i18n.text(f"audit.detail.{fields['mode']}", lang)
        return i18n.text(f"audit.detail.{name}", lang, **fields)
    return text


def detail_text(detail: str | None, lang: str = "en") -> str:
    """A row's detail in words: the permission it names and what the code wrote after it.

    >>> detail_text("export_child: caseload CSV, 3 children", "id")
    'mengekspor catatan anak: CSV daftar kasus, 3 anak'
    >>> detail_text("add user cw_ani as caseworker", "id")
    'menambah pengguna cw_ani sebagai pekerja sosial'
    >>> detail_text(None)
    ''
    """
    if not detail:
        return ""
    malformed = detail.endswith(" (malformed child code)")
    if malformed:
        detail = detail.removesuffix(" (malformed child code)")
    head, colon, rest = detail.partition(":")
    if head in access.PERMISSIONS:
        text = i18n.text(f"audit.permission.{head}", lang)
        if colon:
            text += ": " + _detail_words(rest, lang)
    else:
        text = _detail_words(detail, lang)
    return i18n.text("audit.detail.malformed", lang, detail=text) if malformed else text


def role_name(role: str, lang: str = "en") -> str:
    """A user role in words; the command line's role included."""
    return i18n.text(f"role.{role}", lang) if role else ""


def audit_display(
    rows: pd.DataFrame, lang: str = "en", zone: zoneinfo.ZoneInfo | None = None
) -> pd.DataFrame:
    """The audit rows as the page shows them: headings and codes in words, local times."""
    zone = zone or local_zone()
    shown = pd.DataFrame(
        {
            "at": [local_time(moment, zone) for moment in rows["at"]],
            "user_name": rows["user_name"].fillna(""),
            "role": [role_name(role, lang) for role in rows["role"].fillna("")],
            "action": [action_name(action, lang) for action in rows["action"]],
            "child_id": rows["child_id"].fillna(""),
            "outcome": [outcome_name(outcome, lang) for outcome in rows["outcome"]],
            "detail": [detail_text(detail, lang) for detail in rows["detail"].fillna("")],
        }
    )
    return shown.rename(columns=_headings("audit.column", AUDIT_SHOWN, lang))


def audit_csv(rows: pd.DataFrame, lang: str = "en", zone: zoneinfo.ZoneInfo | None = None) -> str:
    """The audit rows on screen as a formula-safe CSV, with the UTC time beside the local one."""
    table = audit_display(rows, lang, zone)
    utc = [moment.isoformat() if not pd.isna(moment) else "" for moment in rows["at"]]
    table.insert(1, i18n.text("audit.column.at_utc", lang), utc)
    return to_safe_csv(table)


def users_display(
    users: Iterable[User], lang: str = "en", zone: zoneinfo.ZoneInfo | None = None
) -> pd.DataFrame:
    """The accounts as the administrator's page shows them: no codes, no empty "None"."""
    zone = zone or local_zone()
    now = access.utc_now()
    rows = []
    for user in users:
        locked = user.locked_until is not None and access.as_utc(user.locked_until) > now
        state = "locked" if locked else "active" if user.active else "deactivated"
        rows.append(
            {
                "user_name": user.user_name,
                "display_name": user.display_name or "",
                "role": role_name(user.role, lang),
                "team": user.team or "",
                "state": i18n.text(f"accounts.state.{state}", lang),
                "locked_until": local_time(user.locked_until, zone) if locked else "",
            }
        )
    return pd.DataFrame(rows, columns=list(USER_SHOWN)).rename(
        columns=_headings("accounts.column", USER_SHOWN, lang)
    )


def teams_display(teams: Iterable[tuple[str, str]], lang: str = "en") -> pd.DataFrame:
    columns = {"team": i18n.text("accounts.team_code", lang)}
    columns["name"] = i18n.text("accounts.team_name", lang)
    return pd.DataFrame(list(teams), columns=list(columns)).rename(columns=columns)


def _headings(prefix: str, columns: Iterable[str], lang: str) -> dict[str, str]:
    return {column: i18n.text(f"{prefix}.{column}", lang) for column in columns}
