"""Commands over the store: db upgrade, import, export, backup, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eska_network import store
from eska_network.domain import io
from eska_network.store.backup import BackupError, backup, restore


def register(commands: argparse._SubParsersAction) -> None:
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        metavar="URL",
        help=f"SQLAlchemy URL (default: ${store.engine.URL_VARIABLE}, else data/eska.db)",
    )

    db = commands.add_parser("db", help="the database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", parents=[database], help="apply every migration not yet applied"
    )
    upgrade.set_defaults(run=run_upgrade)

    load = commands.add_parser(
        "import", parents=[database], help="import a data folder into the store, all or nothing"
    )
    load.add_argument("data_dir", type=Path, metavar="DATA_DIR")
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
        "restore", parents=[database], help="replace the store's data by the backup FILE"
    )
    back.add_argument("file", type=Path, metavar="FILE")
    back.set_defaults(run=run_restore)


def run_upgrade(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    print(f"{opened.url.render_as_string()}: at migration {store.engine.head_revision()}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    opened = store.open_store(args.database_url)
    try:
        report = opened.import_dataset(io.read_dataset(args.data_dir))
    except io.DatasetError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(report.describe())
    return 0


def run_export(args: argparse.Namespace) -> int:
    folder = io.write_dataset(store.open_store(args.database_url).export_dataset(), args.out_dir)
    print(f"wrote {folder}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    try:
        written = backup(store.open_store(args.database_url), args.file)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {written}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    try:
        restore(store.open_store(args.database_url), args.file)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"restored {args.file}")
    return 0
