"""The `marsad` command line: a thin shell over the library (analyze, show, search, export, evaluate, bench)."""
from __future__ import annotations

import importlib
import json
import sys
import time

import click

from marsad.store import Store, default_db_path

DB_OPTION = click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                         help="SQLite database (default: $MARSAD_DB or ./marsad.db).")


class Progress:
    """A one-line progress report on stderr for long runs; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.t0 = self.last = time.perf_counter()
        self.n = self.bad = 0

    def tick(self, bad: bool = False) -> None:
        self.n += 1
        self.bad += bad
        now = time.perf_counter()
        if self.enabled and now - self.last > 0.3:
            self.last = now
            rate = self.n / (now - self.t0)
            click.echo(f"\ranalysed {self.n:,} inputs ({rate:.1f}/s), {self.bad} bad", err=True, nl=False)

    def done(self) -> None:
        if self.enabled and self.n and time.perf_counter() - self.t0 > 0.3:
            click.echo("\r" + " " * 60 + "\r", err=True, nl=False)


@click.group()
@click.version_option(package_name="marsad")
def cli():
    """Marsad (مرصد): Arabic news read as intelligence — who, who said what, what happened, where, when."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (ISO) for inputs that carry none; anchors relative dates.")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True,
              help="Write one schema-v1 JSON object per line to stdout instead of storing (unless --db is given).")
@click.option("--max-bytes", type=int, default=None, help="Largest text or HTML file accepted (default 20 MB).")
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--report", is_flag=True, help="Also print the full report of each article analysed (small batches).")
def analyze(paths, published, db_path, as_json, max_bytes, silent, report):
    """Analyse files, directories, or JSON Lines on stdin (PATH "-"), and store the results.

    Inputs: .txt (scraped text), .html, .jsonl/.jsonl.gz records (id, text, title, outlet, url, published).
    Exit status: 0 all inputs analysed, 1 some failed, 126 all failed.
    """
    from marsad.batch import run_batch
    from marsad.ingest import MAX_BYTES, iter_inputs
    from marsad.ingest.dates import parse_published
    from marsad.report import SUMMARY_HEADER, render, render_summary_line

    try:
        pub = parse_published(published) if published else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    store = None if (as_json and not db_path) else Store(db_path or default_db_path())
    progress = Progress(enabled=not silent)
    out = click.get_text_stream("stdout")

    def on_document(doc):
        progress.tick()
        if as_json:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")

    def on_error(err):
        progress.tick(bad=True)
        click.echo(f"error: {err.origin}: {err.message}", err=True)
        if as_json and err.record_id is not None:
            # evaluation tools pipe records through: every record with an id gets an answer, in order
            out.write(json.dumps({"id": err.record_id, "error": err.message}, ensure_ascii=False) + "\n")

    started = time.perf_counter()
    result = run_batch(iter_inputs(paths, pub, max_bytes or MAX_BYTES), store=store, on_document=on_document,
                       on_error=on_error, keep_documents=0 if as_json else 50)
    progress.done()
    elapsed = time.perf_counter() - started
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    if not as_json:
        if result.documents:
            click.echo(SUMMARY_HEADER)
            for doc in result.documents:
                click.echo(render_summary_line(doc.to_dict()))
            if result.analysed > len(result.documents):
                click.echo(f"… and {result.analysed - len(result.documents):,} more")
            click.echo("")
        click.echo(f"{result.analysed:,} analysed, {result.stored:,} stored, {result.duplicates:,} already stored, "
                   f"{len(result.errors):,} failed in {elapsed:.1f}s → {store.path} ({store.count():,} documents)")
        if report:
            for doc in result.documents:
                click.echo("\n" + render(doc.to_dict()) + "\n")
            for cid in result.duplicate_ids:
                click.echo("\n(already stored) " + render(store.get(cid)) + "\n")
        if result.documents:
            click.echo(f"next: marsad show {result.documents[0].content_id[:12]} --db {store.path}  ·  "
                       f"marsad search QUERY --db {store.path}")
    elif store is not None:
        click.echo(f"{result.stored:,} stored in {store.path}", err=True)
    if result.errors:
        click.echo(f"{len(result.errors)} input(s) failed; the others were kept.", err=True)
    sys.exit(result.exit_code)


def _open_store(db_path) -> Store:
    import pathlib

    path = db_path or default_db_path()
    if not pathlib.Path(path).exists():
        raise click.ClickException(f"{path}: no such database (run `marsad analyze` first, or pass --db)")
    return Store(path)


@cli.command()
@click.argument("ident")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the schema-v1 JSON instead of the report.")
def show(ident, db_path, as_json):
    """A readable report of one stored article: sourcing, events, places, times, entities."""
    from marsad.report import render

    store = _open_store(db_path)
    doc = store.get(ident)
    if doc is None:
        raise click.ClickException(f"no document with id {ident!r} in {store.path}")
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2) if as_json else render(doc))


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search(query, db_path, limit, as_json):
    """Arabic full-text search, tolerant of hamza/alef forms, ة/ه, ى/ي, diacritics and proclitics.

    Words are ANDed; "quoted words" form a phrase; OR and NOT combine terms.
    """
    store = _open_store(db_path)
    hits = store.search(query, limit)
    for h in hits:
        if as_json:
            click.echo(json.dumps(h.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{h.id[:12]}  {h.published or '-':<10.10}  {h.outlet or '-'}  {h.title or ''}")
            click.echo(f"    {h.snippet}")
    if not hits and not as_json:
        click.echo("no matches", err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "plover", "acled"]), default="jsonl",
              show_default=True)
@click.option("--table", type=click.Choice(["documents", "entities", "places", "times", "sources", "statements",
                                            "events", "mentions"]), default="documents", show_default=True,
              help="For --format csv: which table.")
@click.option("--query", "query", default=None, help="Only documents matching this search query.")
@DB_OPTION
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def export(fmt, table, query, db_path, output):
    """Export stored documents: schema-v1 JSON Lines, CSV tables, GeoJSON, PLOVER records, ACLED-style CSV."""
    from marsad.export import export as run_export

    run_export(_open_store(db_path), fmt, output, table=table, query=query)


@cli.group()
def evaluate():
    """Accuracy evaluations on public data in ../shared/data (tables also kept in docs/evaluation/)."""


def _mount_evaluations() -> None:
    from marsad.evaluation import MODULES

    for name in MODULES:
        try:
            module = importlib.import_module(f"marsad.evaluation.{name}")
        except ImportError:
            continue
        command = getattr(module, "command", None)
        if command is not None:
            evaluate.add_command(command, name)


_mount_evaluations()


@cli.command()
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False), default=None,
              help="JSON Lines (.gz) of articles (default: ../shared/data/news/ant_multisource_v2.1.jsonl.gz).")
@click.option("-n", "limit", default=2000, show_default=True, help="Articles to analyse.")
@click.option("--store/--no-store", default=True, show_default=True, help="Include SQLite writes (temporary db).")
def bench(corpus, limit, store):
    """Run the whole pipeline on real articles; print articles/s, tokens/s, peak memory, each stage's share."""
    from marsad.bench import run_benchmark

    click.echo(run_benchmark(corpus, limit, with_store=store))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
