"""Commands over the store: db upgrade/grant/check, import, export, backup, restore, publish,
audit.

Each writes its own audit row as role ``cli``, named after the operating-system user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from eska_network import store
from eska_network.domain import io
from eska_network.services import access, dataset_transfer, district_views
from eska_network.store import Store, audit_chain, checking, privileges
from eska_network.store.backup import backup, restore
from eska_network.store.backup_common import BackupError


def database_option() -> argparse.ArgumentParser:
    """The ``--database-url`` option every store command takes."""
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        metavar="URL",
        help=f"SQLAlchemy URL (default: ${store.engine.URL_VARIABLE}, else data/eska.db)",
    )
    return database


def register(commands: argparse._SubParsersAction) -> None:
    database = database_option()
    db = commands.add_parser("db", help="the database schema and the app's database role")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", parents=[database], help="apply every migration not yet applied"
    )
    upgrade.set_defaults(run=run_upgrade)
    grant = db_commands.add_parser(
        "grant",
        parents=[database],
        help="PostgreSQL: give ROLE the app's rights (INSERT and SELECT only on the audit); "
        "run as the tables' owner",
    )
    grant.add_argument("role", metavar="ROLE")
    grant.set_defaults(run=run_grant)
    check = db_commands.add_parser(
        "check",
        parents=[database],
        help="recompute every child's gap summary and caseload score from the record rows and "
        "name any that differs from the stored one (exit 1)",
    )
    check.set_defaults(run=run_check)

    load = commands.add_parser(
        "import",
        parents=[database],
        help="import a data folder or zip into the store, all or nothing",
    )
    load.add_argument("data_dir", type=Path, metavar="DATA_DIR_OR_ZIP")
    load.set_defaults(run=run_import)

    export = commands.add_parser("export", parents=[database], help="write the store as CSV files")
    export.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    export.set_defaults(run=run_export)

    save = commands.add_parser(
        "backup", parents=[database], help="copy the store to FILE (safe while the app runs)"
    )
    save.add_argument("file", type=Path, metavar="FILE")
    save.set_defaults(run=run_backup)

    back = commands.add_parser(
        "restore",
        parents=[database],
        help="replace the store's records by the backup FILE (the audit log is kept)",
    )
    back.add_argument("file", type=Path, metavar="FILE")
    back.set_defaults(run=run_restore)

    publish = commands.add_parser(
        "publish",
        parents=[database],
        help="publish the planners' figures of the last complete period if not yet published "
        "(schedule it just after each period ends, so that no planner waits for them)",
    )
    publish.set_defaults(run=run_publish)

    audit = commands.add_parser("audit", help="check the audit log's hash chain")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = audit_commands.add_parser(
        "verify",
        parents=[database],
        help="check every row's hash; exit 1 naming the first row changed or removed",
    )
    verify.add_argument(
        "--head",
        metavar="HASH",
        help="a hash printed earlier by `audit head`: also finds rows removed at the end",
    )
    verify.set_defaults(run=run_verify)
    head = audit_commands.add_parser(
        "head", parents=[database], help="print the latest row's hash, to keep somewhere else"
    )
    head.set_defaults(run=run_head)


def _audit(opened, action: str, outcome: str = "success", detail: str | None = None) -> None:
    access.write_audit(opened, access.operator(), action, outcome, detail=detail)


def run_upgrade(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    revision = store.engine.head_revision()
    _audit(opened, "schema_upgrade", detail=f"at migration {revision}")
    print(f"{opened.url.render_as_string()}: at migration {revision}")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    try:
        statements = privileges.grant(opened, args.role)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    _audit(opened, "account", detail=f"grant the app's rights to database role {args.role}")
    print("\n".join(statement + ";" for statement in statements))
    return 0


def run_check(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    children, differences = checking.check(opened)
    if differences:
        _audit(opened, "audit_check", "failure", detail=f"db check: {len(differences)} differ")
        for difference in differences:
            print(difference.describe(), file=sys.stderr)
        print(f"error: {len(differences)} figures differ from the rows", file=sys.stderr)
        return 1
    _audit(opened, "audit_check", detail=f"db check: {children} children agree")
    print(f"{children} children checked: every stored summary and score agrees with the rows")
    return 0


def run_import(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    try:
        dataset = io.read_dataset(args.data_dir)
        report = dataset_transfer.import_checked(opened, access.operator(), dataset)
    except io.DatasetError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(report.describe())
    return 0


def run_export(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    dataset, child_ids = dataset_transfer.export_dataset(opened, access.operator())
    folder = io.write_dataset(dataset, args.out_dir)
    print(f"wrote {len(child_ids)} children to {folder}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    where = f"to {args.file.name}"
    return _audited_copy(args, backup, "backup", where, "failure", lambda file: f"wrote {file}")


def run_restore(args: argparse.Namespace) -> int:
    def done(count: object) -> str:
        return f"restored {count} rows from {args.file}; the audit log was kept"

    return _audited_copy(args, restore, "restore", f"from {args.file.name}", "refused", done)


def _audited_copy(
    args: argparse.Namespace,
    copy: Callable[[Store, Path, Mapping[str, object]], object],
    action: str,
    where: str,
    refused: str,
    done: Callable[[Any], str],
) -> int:
    """A backup or a restore: its audit row written with it, or a ``refused`` one if refused."""
    opened = store.open_store(args.database_url)
    row = access.audit_row(access.operator(), action, "success", detail=where)
    try:
        result = copy(opened, args.file, row)
    except BackupError as error:
        _audit(opened, action, refused, detail=where)
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(done(result))
    return 0


def run_publish(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    period, written = district_views.publish_last_period(opened)
    if written:
        detail = f"{period}: {', '.join(written)}"
        _audit(opened, "publish", detail=detail)
        print(f"published the {', '.join(written)} figures of {period}")
    else:
        print(f"the figures of {period} were published already")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    with opened.reading() as connection:
        result = audit_chain.verify(connection, args.head)
    if not result.intact:
        _audit(opened, "audit_check", "failure", detail="verify: chain broken")
        print(f"error: {result.problem} ({result.rows} rows checked before it)", file=sys.stderr)
        return 1
    _audit(opened, "audit_check", detail=f"verify: {result.rows} rows intact")
    print(f"{result.rows} rows checked: the audit log is intact")
    return 0


def run_head(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    # The row recording this request is written first, so the hash printed covers it too.
    _audit(opened, "audit_check", detail="head")
    with opened.reading() as connection:
        last = audit_chain.head(connection)
    # The row written above is there: the audit is never empty here.
    assert last is not None
    number, digest = last
    print(digest)
    print(f"row {number}", file=sys.stderr)
    return 0
