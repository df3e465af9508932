"""Importing an uploaded data set and exporting one from the app: checks, dry run, audit."""

from __future__ import annotations

import datetime as dt
import io as bytes_io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from eska_network import i18n
from eska_network.domain import io, schema
from eska_network.domain.model import Dataset
from eska_network.services import access
from eska_network.store import ImportReport, Store, importing
from eska_network.store.tables import users

_FILE_NAMES = tuple(spec.name for spec in schema.FILES)
PROBLEM_COLUMNS = ("file", "row", "column", "problem")


@dataclass(frozen=True)
class UploadCheck:
    """What checking an upload found: the data set and what importing it would change.

    When something is wrong, ``problems`` lists it and ``dataset`` and ``preview`` are None.
    """

    dataset: Dataset | None
    preview: ImportReport | None
    problems: tuple[io.Problem, ...] = ()

    @property
    def ready(self) -> tuple[Dataset, ImportReport] | None:
        """The data set and what importing it would change, when nothing is wrong."""
        if self.problems or self.dataset is None or self.preview is None:
            return None
        return self.dataset, self.preview


class _DryRun(Exception):
    """Raised inside the dry run's transaction so that it is rolled back."""

    def __init__(self, report: ImportReport):
        self.report = report


def read_upload(files: Mapping[str, bytes], limit_bytes: int, lang: str = "en") -> Dataset:
    """The data set in uploaded ``files`` (``{file name: bytes}``), checked by content.

    One file that is a zip archive is read as one, whatever its name; other files must carry
    the names of the format's files (the reader then checks they are UTF-8 CSV).

    Raises
    ------
    io.DatasetError
        When the upload is too large, holds a file the format does not know, or is not a valid
        data set.
    """
    size = sum(len(data) for data in files.values())
    if size > limit_bytes:
        message = i18n.text(
            "import.too_large", lang, size=f"{size / 2**20:.1f}", limit=limit_bytes // 2**20
        )
        raise io.DatasetError([io.Problem("upload", None, None, message)])
    if len(files) == 1:
        ((name, data),) = files.items()
        if zipfile.is_zipfile(bytes_io.BytesIO(data)):
            return io.read_dataset(data)
        if name.lower().endswith(".zip"):
            # The reader says what is wrong with it: not a zip file.
            return io.read_dataset({name: data})
    unknown = [name for name in files if name not in _FILE_NAMES]
    if unknown:
        message = i18n.text("import.unknown_file", lang)
        raise io.DatasetError([io.Problem(name, None, None, message) for name in unknown])
    return io.read_dataset(dict(files))


def check_upload(
    store: Store,
    principal: access.Principal,
    files: Mapping[str, bytes],
    limit_bytes: int,
    lang: str = "en",
) -> UploadCheck:
    """Read ``files`` and try the import in a transaction that is rolled back (a dry run).

    Children the store holds that ``principal`` may not see are refused (and the refusal
    audited): an import may add children, never change another team's.

    Raises
    ------
    AccessDenied
        When ``principal`` may not import.
    """
    access.require(store, principal, access.IMPORT_DATA, audit_use=False)
    try:
        dataset = read_upload(files, limit_bytes, lang)
    except io.DatasetError as error:
        return UploadCheck(None, None, tuple(error.problems))
    refused = _children_not_visible(store, principal, dataset, lang)
    if refused:
        access.write_audit(store, principal, "refusal", "refused", detail=access.IMPORT_DATA)
        return UploadCheck(None, None, refused)
    misassigned = assignment_problems(store, principal, dataset, lang)
    if misassigned:
        return UploadCheck(None, None, misassigned)
    try:
        with store.writing() as connection:
            report = importing.import_dataset(
                connection, dataset, principal.user_name, access.utc_now(), principal.role
            )
            raise _DryRun(report)
    except _DryRun as dry_run:
        return UploadCheck(dataset, dry_run.report)
    except io.DatasetError as error:
        return UploadCheck(None, None, tuple(error.problems))


def _children_not_visible(
    store: Store, principal: access.Principal, dataset: Dataset, lang: str = "en"
) -> tuple[io.Problem, ...]:
    if principal.role == access.OPERATOR_ROLE:
        return ()
    incoming = dataset.children["child_id"].tolist()
    stored = set(store.children(incoming)["child_id"])
    visible = set(access.visible_child_ids(store, principal))
    return tuple(
        io.Problem(
            schema.CHILDREN.name,
            row,
            "child_id",
            i18n.text("import.not_yours", lang, child=child_id),
        )
        for row, child_id in enumerate(incoming, start=2)
        if child_id in stored and child_id not in visible
    )


def assignment_problems(
    store: Store, principal: access.Principal, dataset: Dataset, lang: str = "en"
) -> tuple[io.Problem, ...]:
    """Every ``caseworker`` cell that does not name an active caseworker the importer may use.

    A supervisor may name the active caseworkers of their own team, the command line (role
    ``cli``) any active caseworker: so an import never moves a child out of the importer's reach,
    to a planner, or to a name that is no account. An empty cell is a problem too.
    """
    with store.reading() as connection:
        caseworkers = dict(
            connection.execute(
                sa.select(users.c.user_name, users.c.team).where(
                    users.c.role == "caseworker", users.c.active.is_(True)
                )
            ).all()
        )
    team = None if principal.role == access.OPERATOR_ROLE else principal.team
    of_team = (
        i18n.text("import.of_team", lang, team=team)
        if principal.role != access.OPERATOR_ROLE
        else ""
    )
    problems = []
    for row, name in enumerate(dataset.children["caseworker"].tolist(), start=2):
        if name is None or pd.isna(name) or not str(name).strip():
            message = i18n.text("import.caseworker_missing", lang, of_team=of_team)
        elif name not in caseworkers or (
            principal.role != access.OPERATOR_ROLE and caseworkers[name] != team
        ):
            message = i18n.text(
                "import.caseworker_unknown", lang, name=repr(str(name)), of_team=of_team
            )
        else:
            continue
        problems.append(io.Problem(schema.CHILDREN.name, row, "caseworker", message))
    return tuple(problems)


def import_checked(store: Store, principal: access.Principal, dataset: Dataset) -> ImportReport:
    """Import a checked data set, all or nothing, and audit the outcome.

    Raises
    ------
    AccessDenied
        When ``principal`` may not import.
    io.DatasetError
        When the store refuses the data set (it changed since the check, or a caseworker cell
        names someone the importer may not assign to); nothing was imported.
    """
    access.require(store, principal, access.IMPORT_DATA, audit_use=False)
    if _children_not_visible(store, principal, dataset):
        access.write_audit(store, principal, "refusal", "refused", detail=access.IMPORT_DATA)
        raise access.AccessDenied(f"{principal.user_name} may not change these children")
    misassigned = assignment_problems(store, principal, dataset)
    if misassigned:
        access.write_audit(store, principal, "import", "failure", detail=access.IMPORT_DATA)
        raise io.DatasetError(list(misassigned))
    try:
        report = store.import_dataset(dataset, principal.user_name, principal.role)
    except io.DatasetError:
        access.write_audit(store, principal, "import", "failure", detail=access.IMPORT_DATA)
        raise
    detail = (
        f"{access.IMPORT_DATA}: {report.children_added} children added, "
        f"{report.children_updated} updated, {report.ties_added} tie rows added"
    )
    access.write_audit(store, principal, "import", "success", detail=detail)
    return report


def problem_table(
    problems: tuple[io.Problem, ...] | list[io.Problem], lang: str = "en"
) -> pd.DataFrame:
    """The problems as a table: file, row (spreadsheet numbering), column, problem in ``lang``."""
    return pd.DataFrame(
        [(p.file, p.row, p.column or "", p.words(lang)) for p in problems],
        columns=list(PROBLEM_COLUMNS),
    ).astype({"row": "Int64"})


def report_table(report: ImportReport) -> pd.DataFrame:
    """What an import changes: added, updated and already stored, per kind of row."""
    return pd.DataFrame(
        [
            ("children", report.children_added, report.children_updated, None),
            ("members", report.members_added, report.members_updated, None),
            ("ties", report.ties_added, None, report.ties_already_stored),
            ("resources", report.resources_added, report.resources_updated, None),
        ],
        columns=["what", "added", "updated", "unchanged"],
    ).astype({"updated": "Int64", "unchanged": "Int64"})


def changes_anything(report: ImportReport) -> bool:
    return any(
        (
            report.children_added,
            report.children_updated,
            report.members_added,
            report.members_updated,
            report.ties_added,
            report.resources_added,
            report.resources_updated,
        )
    )


def export_visible(store: Store, principal: access.Principal) -> tuple[bytes, int]:
    """A zip of the CSV files of every child ``principal`` may see, and how many children.

    Audited as :func:`export_dataset`.

    Raises
    ------
    AccessDenied
        When ``principal`` may not export children's records.
    """
    dataset, child_ids = export_dataset(store, principal)
    return io.write_dataset_zip(dataset), len(child_ids)


def export_dataset(store: Store, principal: access.Principal) -> tuple[Dataset, list[str]]:
    """The data set of every child ``principal`` may see (all of them at the command line).

    Each exported child gets its own ``export`` row in the audit, so an auditor asking who
    exported a child finds it.

    Raises
    ------
    AccessDenied
        When ``principal`` may not export children's records.
    """
    access.require(store, principal, access.EXPORT_CHILD, audit_use=False)
    child_ids = access.visible_child_ids(store, principal)
    dataset = store.load_dataset(child_ids)
    access.write_audit_rows(
        store,
        [
            access.audit_row(principal, "export", "success", child_id, access.EXPORT_CHILD)
            for child_id in child_ids
        ],
    )
    return dataset, child_ids


def export_file_name(today: dt.date) -> str:
    """E.g. ``eska-export-2026-11-28.zip``."""
    return f"eska-export-{today.isoformat()}.zip"
