"""Commands for maps that travel: one child's map to and from easyNWK's file format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eska_network.domain import easynwk, io
from eska_network.domain.pseudonyms import pseudonymise


def register(commands: argparse._SubParsersAction) -> None:
    map_ = commands.add_parser("map", help="one child's map to or from an easyNWK file")
    actions = map_.add_subparsers(dest="map_command", required=True, metavar="ACTION")

    export = actions.add_parser("export", help="write one child's map as an easyNWK file")
    export.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    export.add_argument("--child", required=True, metavar="ID", help="the child's code")
    export.add_argument("--format", choices=("easynwk",), default="easynwk")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    export.add_argument(
        "--pseudonyms", action="store_true", help="role pseudonyms instead of names"
    )
    export.add_argument("--lang", choices=("en", "id"), default="en", help="language of roles")
    export.set_defaults(run=run_export)

    load = actions.add_parser("import", help="read an easyNWK file into a data folder")
    load.add_argument("file", type=Path, metavar="FILE.json")
    load.add_argument("--child", required=True, metavar="ID", help="the code to give the child")
    load.add_argument("--district", required=True, metavar="D", help="the child's kabupaten/kota")
    load.add_argument("--age", type=int, metavar="N", help="when the file has no age")
    load.add_argument("--out", type=Path, required=True, metavar="DIR")
    load.set_defaults(run=run_import)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace) -> int:
    try:
        dataset = io.read_dataset(args.data_dir)
    except io.DatasetError as error:
        return _fail(error.report())
    try:
        system = dataset.child_system(args.child)
    except KeyError:
        return _fail(f"no child {args.child!r} in {args.data_dir}")
    if args.pseudonyms:
        system = pseudonymise(system, args.lang, child_code=args.child)
    text = easynwk.to_json(easynwk.to_easynwk(system, args.lang))
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote the map of {args.child} to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        return _fail(f"{args.out} exists and is not an empty folder; choose a new one")
    try:
        dataset = easynwk.from_easynwk(
            args.file.read_bytes(), args.child, args.district, age=args.age, name=args.file.name
        )
        # The data set passes the import's own checks before anything is written.
        io.read_dataset(io.write_dataset_zip(dataset))
    except OSError as error:
        return _fail(f"{args.file}: {error.strerror}")
    except (easynwk.EasyNWKError, io.DatasetError) as error:
        return _fail(str(error))
    io.write_dataset(dataset, args.out)
    print(io.summary(dataset), file=sys.stderr)
    print(f"wrote {args.child} to {args.out}")
    return 0
