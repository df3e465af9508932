"""Commands over a CSV data folder: validate, gaps, report, synth."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from eska_network.domain import csv_columns, follow_up, gap_table, gaps, io, synth


def register(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser("validate", help="check a data folder and list every problem")
    validate.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    validate.add_argument(
        "--lang", choices=("en", "id"), default="en", help="language of the problems"
    )
    validate.set_defaults(run=run_validate)

    child = commands.add_parser("gaps", help="the gaps in one child's support system")
    child.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    child.add_argument("--child", required=True, metavar="ID", help="the child's pseudonymous code")
    child.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="default: latest assessment"
    )
    child.add_argument("--json", action="store_true", help="print the GAPS.md JSON object")
    child.add_argument("--lang", choices=("en", "id"), default="en", help="language of the words")
    child.set_defaults(run=run_gaps)

    report = commands.add_parser("report", help="one row per child with its gap summary")
    report.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    report.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="default: each child's latest"
    )
    report.add_argument("--format", choices=("csv", "json"), default="csv")
    report.add_argument(
        "--lang", choices=("en", "id"), default="en", help="language of the severity reasons"
    )
    report.set_defaults(run=run_report)

    make = commands.add_parser("synth", help="write a synthetic data set of any size")
    make.add_argument("--children", type=int, required=True, metavar="N")
    make.add_argument("--districts", type=int, default=10, metavar="M")
    make.add_argument("--seed", type=int, default=0, metavar="S")
    make.add_argument("--out", type=Path, required=True, metavar="DIR")
    make.set_defaults(run=run_synth)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _read(data_dir: Path, lang: str = "en"):
    """The data set, or every problem (in ``lang``) on standard error and exit status 1."""
    try:
        return io.read_dataset(data_dir)
    except io.DatasetError as error:
        print(error.report(lang), file=sys.stderr)
        raise SystemExit(1) from None


def run_validate(args: argparse.Namespace) -> int:
    dataset = _read(args.data_dir, args.lang)
    print(io.summary(dataset))
    return 0


def run_gaps(args: argparse.Namespace) -> int:
    dataset = _read(args.data_dir)
    try:
        system = dataset.child_system(args.child)
    except KeyError:
        print(f"error: no child {args.child!r} in {args.data_dir}", file=sys.stderr)
        return 1
    result = gaps.child_gaps(system, args.as_of)
    if args.json:
        print(json.dumps(result.to_json_dict()))
    else:
        labels = {member.member_id: member.label for member in system.members}
        print("\n".join(gaps.describe(result, args.lang, labels)))
    return 0


def run_report(args: argparse.Namespace) -> int:
    dataset = _read(args.data_dir)
    # Actions are overdue as of the date asked for, or today.
    today = args.as_of or dt.date.today()
    overdue = follow_up.overdue_counts(dataset.actions, today, follow_up.referral_days())
    summaries = gap_table.gap_table(dataset, args.as_of)
    del dataset  # gigabytes at national scale: the report is made from the summaries alone
    table = gap_table.report_table(summaries, overdue, args.lang)
    if args.format == "json":
        print(table.to_json(orient="records", force_ascii=False))
    else:
        # Escaped for spreadsheets, then streamed (a reader gone away stops it early).
        csv_columns.write_safe_csv(table, sys.stdout, lineterminator="\n")
    return 0


def run_synth(args: argparse.Namespace) -> int:
    synth.write_synthetic(
        args.out, children=args.children, districts=args.districts, seed=args.seed
    )
    print(f"wrote {args.children} children in {args.districts} districts to {args.out}")
    return 0
