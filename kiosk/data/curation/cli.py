"""`kiosk-db`: the curators' tool. A thin layer over kiosk.data; one-line messages, never a traceback.

Exit codes: 0 fine, 1 the data has problems (listed one per line), 2 usage errors or anything unexpected.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

from kiosk.data.store import schema
from kiosk.data.errors import DataError, DataErrors

DEFAULT_SOURCES = Path("db/sources")
DEFAULT_DB = Path("db/kiosk.sqlite")


def _problems(e: DataError) -> list[str]:
    return [str(p) for p in e.problems] if isinstance(e, DataErrors) else [str(e)]


def cmd_build(args: argparse.Namespace) -> int:
    from kiosk.data.curation.build import build_database

    out = build_database(args.sources, args.out)  # validated before it replaced anything
    from kiosk.data.store.repository import Repository

    repo = Repository.open(out)
    withheld = sorted(repo.disputed_city_ids())  # what the kiosk leaves out (config show_disputed_cities)
    shown = (
        f" ({len(repo.cities()) - len(withheld)} shown to visitors; withheld, its name an open question: "
        + ", ".join(f"{i} {repo.city(i).name}" for i in withheld)
        + ")"
        if withheld
        else ""
    )
    print(f"{out}: built {len(repo.cities())} cities{shown}, {len(repo.tags())} tags from {args.sources}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kiosk.data.store.validate import check_file

    problems = check_file(args.path)
    for p in problems:
        print(p)
    if problems:
        stopped = getattr(problems[-1], "stopped", False)
        count = f"more than {len(problems) - 1}" if stopped else str(len(problems))
        print(f"{args.path}: {count} problem(s)", file=sys.stderr)
        return 1
    from kiosk.data.store.repository import Repository

    repo = Repository.open(args.path)
    meta = repo.meta()
    print(
        f"{args.path}: OK ({len(repo.cities())} cities, {len(repo.tags())} tags, schema {repo.schema_version},"
        f" built {meta.get('built_at')})"
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.data.report import report_json, report_text
    from kiosk.data.store.repository import Repository

    repo = Repository.open(args.path)
    sys.stdout.write(report_json(repo) if args.json else report_text(repo))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kiosk.data.curation import export
    from kiosk.data.store.repository import Repository

    repo = Repository.open(args.path)  # refuses a broken file before anything is written
    if args.format == "json":
        text = export.to_json(repo)
        if args.out is None:
            sys.stdout.write(text)
            return 0
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        target = out / "kiosk.json"
        target.write_text(text, encoding="utf-8")
        print(target)
        return 0
    if args.out is None:
        print(f"kiosk-db export: --out DIR is needed for --format {args.format}", file=sys.stderr)
        return 2
    if args.format == "xlsx":
        print(export.write_xlsx(args.path, args.out))
        return 0
    for target in export.write_csv(args.path, args.out):
        print(target)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kiosk.data.curation.importer import import_database
    from kiosk.data.store.repository import Repository

    out, notes = import_database(args.source, args.out, force=args.force)
    for note in notes:
        print(note)
    repo = Repository.open(out)
    print(f"{out}: imported {len(repo.cities())} cities, {len(repo.tags())} tags from {args.source}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from kiosk.data.store.repository import Repository
    from kiosk.data.search.engine import SearchEngine

    repo = Repository.open(args.path)
    ids = SearchEngine.from_repository(repo).search(args.query)
    if args.json:
        print(json.dumps([{"id": i, "name": repo.city(i).name} for i in ids], ensure_ascii=False))
    else:
        for i in ids:
            print(repo.city(i).name)
    return 0


def cmd_quiz(args: argparse.Namespace) -> int:
    from kiosk.data.quiz import check
    from kiosk.data.store.repository import Repository

    repo = Repository.open(args.path)
    if not args.check:  # a sample round per language, as a visitor would get one
        import random

        from kiosk.data.quiz.facts import Facts
        from kiosk.data.quiz.rounds import make_round

        facts = Facts.of(repo)
        for lang in check.LANGUAGES:
            for q in make_round(facts, random.Random(args.seed), lang):
                print(check.describe(q))
        return 0
    count, problems = check.check(repo)
    for line in problems:
        print(line)
    if problems:
        print(f"{args.path}: {len(problems)} problem(s) in {count} questions", file=sys.stderr)
        return 1
    print(f"{args.path}: quiz OK ({count} questions checked, both languages)")
    return 0


def cmd_add_image(args: argparse.Namespace) -> int:
    from kiosk.data.curation.images import add_image

    kind, ref = ("city", args.city) if args.city is not None else (args.owner.partition(":")[::2])
    new_id = add_image(args.path, kind, ref, args.file, caption=args.caption, credit=args.credit)
    print(f"{args.path}: added image {new_id} for {kind} {ref}")
    return 0


def cmd_list_images(args: argparse.Namespace) -> int:
    from kiosk.data.curation.images import list_images

    for im in list_images(args.path):
        print(
            f"{im.id}\t{im.owner_type} {im.owner_id}\t#{im.position}\t{im.width}×{im.height} {im.format} "
            f"{im.size // 1024} KB\t{im.caption}\t{im.credit}"
        )
    return 0


def cmd_remove_image(args: argparse.Namespace) -> int:
    from kiosk.data.curation.images import remove_image

    remove_image(args.path, args.id)
    print(f"{args.path}: removed image {args.id}")
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def cmd_stats(args: argparse.Namespace) -> int:
    from kiosk.data.curation import stats_report
    from kiosk.data.stats.summary import StatsReadError, read_files, summarise

    files = args.files
    if not files:  # this machine's kiosk: its state folder (found as the kiosk finds it, through Qt's paths)
        from kiosk.data.stats.store import FILE_NAME
        from kiosk.ui.platform.locations import user_state_dir

        files = [user_state_dir() / FILE_NAME]
        if not files[0].is_file():
            print(f"{files[0]}: no statistics on this machine yet (no visit recorded, or statistics = false)")
            return 1
    try:
        summary = summarise(read_files(files, args.date_from, args.date_to), args.date_from, args.date_to)
    except StatsReadError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.db is not None:  # chapters and cards by their headings
        from kiosk.data.store.repository import Repository
        from kiosk.data.stats.summary import name_section_items

        name_section_items(summary, Repository.open(args.db).section())
    if args.format == "xlsx":
        if args.out is None:
            print("kiosk-db stats: --out FILE.xlsx is needed for --format xlsx", file=sys.stderr)
            return 2
        print(stats_report.write_xlsx(summary, args.out))
        return 0
    render = {"text": stats_report.to_text, "json": stats_report.to_json, "html": stats_report.to_html}
    text = render[args.format](summary)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(args.out)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from kiosk.data.curation.publish_exhibit import publish_exhibit
    from kiosk.data.store.repository import Repository

    target = publish_exhibit(args.path, args.exhibit_dir)
    meta = Repository.open(target).meta()
    print(f"{target}: published (built {meta.get('built_at')}); kiosks switch to it between visits")
    return 0


def cmd_fleet(args: argparse.Namespace) -> int:
    from kiosk.data.curation.fleet_report import exit_code, format_json, format_text, read_fleet
    from kiosk.data.fleet.status import Exhibit

    published = None
    if args.exhibit is not None:
        from kiosk.data.curation.publish_exhibit import DB_NAME
        from kiosk.data.store.repository import Repository

        meta = Repository.open(args.exhibit / DB_NAME).meta()
        published = Exhibit(str(meta.get("built_at", "")), str(meta.get("sources_sha256", "")))
    if not args.status_dir.is_dir():
        print(f"{args.status_dir}: no such folder", file=sys.stderr)
        return 2
    try:
        rows, newest = read_fleet(args.status_dir, published=published)
    except OSError as e:
        print(f"{e.filename or args.status_dir}: {e.strerror or e}", file=sys.stderr)
        return 2
    sys.stdout.write(format_json(rows, newest) if args.json else format_text(rows, newest, args.status_dir))
    return exit_code(rows)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-db", description="Build, check and export the kiosk database.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="build the database from the TOML sources")
    p.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help=f"default: {DEFAULT_SOURCES}")
    p.add_argument("--out", type=Path, default=DEFAULT_DB, help=f"default: {DEFAULT_DB}")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("validate", help="check a database file; lists every problem")
    p.add_argument("path", type=Path)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("report", help="data-quality report: findings by severity (record, field, evidence)")
    p.add_argument("path", type=Path)
    p.add_argument("--json", action="store_true", help="print the findings as a JSON list (fields: docs/curators.md)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "export",
        help="export as JSON (stdout or DIR/kiosk.json), CSV (DIR/<table>.csv) or "
        "xlsx (DIR/kiosk.xlsx); images go to DIR/images/",
    )
    p.add_argument("path", type=Path)
    p.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    p.add_argument("--out", type=Path, metavar="DIR")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="build a database from an export: CSV folder, .xlsx or .json")
    p.add_argument("source", type=Path, metavar="DIR|FILE")
    p.add_argument("--out", type=Path, required=True, metavar="PATH")
    p.add_argument("--force", action="store_true", help="replace --out even when it is not a kiosk database")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("quiz", help="the quiz: a sample round, or --check every question the data allows")
    p.add_argument("path", type=Path)
    p.add_argument("--check", action="store_true", help="exit 1 naming each ambiguous or ill-founded question")
    p.add_argument("--seed", type=int, default=0, help="the sample round's seed (without --check)")
    p.set_defaults(func=cmd_quiz)

    owners = ", ".join(sorted(schema.IMAGE_OWNERS))
    p = sub.add_parser("add-image", help="store a photograph in the database (scaled, re-encoded, no metadata)")
    p.add_argument("path", type=Path)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--city", metavar="NAME|ID")
    who.add_argument("--owner", metavar="TYPE:ID", help=f"any owner; types: {owners}")
    p.add_argument("--file", type=Path, required=True, metavar="IMAGE")
    p.add_argument("--caption", default="")
    p.add_argument("--credit", default="", help="author, archive, licence")
    p.set_defaults(func=cmd_add_image)

    p = sub.add_parser("list-images", help="list the stored images")
    p.add_argument("path", type=Path)
    p.set_defaults(func=cmd_list_images)

    p = sub.add_parser("remove-image", help="remove a stored image by its id (see list-images)")
    p.add_argument("path", type=Path)
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_remove_image)

    p = sub.add_parser(
        "publish", help="check a database in full and place it atomically as EXHIBIT_DIR/kiosk.sqlite (for sync)"
    )
    p.add_argument("path", type=Path, metavar="NEW")
    p.add_argument("exhibit_dir", type=Path, metavar="EXHIBIT_DIR")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("fleet", help="one row per kiosk from their status files; exit 1 if any is stale or behind")
    p.add_argument("status_dir", type=Path, metavar="STATUS_DIR")
    p.add_argument("--exhibit", type=Path, metavar="EXHIBIT_DIR", help="compare with the file published there")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    p.set_defaults(func=cmd_fleet)

    p = sub.add_parser("search", help="search like the kiosk does; prints ranked city names")
    p.add_argument("path", type=Path)
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="print a JSON list of {id, name}")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "stats",
        help="visit statistics of one or several kiosks (docs/statistics.md); no FILE = this machine's kiosk",
    )
    p.add_argument("files", type=Path, nargs="*", metavar="FILE", help="statistics.sqlite files; several add up")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--format", choices=("text", "json", "xlsx", "html"), default="text")
    p.add_argument("--out", type=Path, metavar="PATH", help="write here instead of the console (xlsx: required)")
    p.add_argument("--db", type=Path, metavar="KIOSK.SQLITE", help="name the section's chapters and cards from it")
    p.set_defaults(func=cmd_stats)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(format="%(message)s", level=logging.WARNING, stream=sys.stderr)
    parser = make_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as e:  # argparse has printed usage or help
        return int(e.code or 0)
    try:
        return int(args.func(args))
    except DataError as e:
        for line in _problems(e):
            print(line, file=sys.stderr if args.command != "validate" else sys.stdout)
        return 1
    except BrokenPipeError:  # `kiosk-db export … | head` (before OSError, of which it is one)
        return 0
    except OSError as e:  # a folder that cannot be written, a full disk…
        print(f"{e.filename or args.command}: {e.strerror or e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # the promise to curators: a message, never a traceback
        print(f"kiosk-db {args.command}: unexpected error: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # `python -m kiosk.data.curation.cli …` works without the installed entry point
    sys.exit(main())
