"""The `kenesshi` command. Thin: each subcommand parses arguments and calls the library."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from assistant.config import load_settings
from assistant.i18n import t

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kenesshi")
def cli() -> None:
    """Кеңесші — assistant for the consultants of the civil cassation court."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=None,
              help="Worker processes (0: no isolation). Default: KENESSHI_JOBS.")
@click.option("--layout", is_flag=True, help="Keep page layout and tables (pdfplumber; slower).")
@click.option("--no-store", is_flag=True, help="Do not keep originals and results in the data directory.")
@click.option("--text", "show_text", is_flag=True, help="Print the clean text after each file.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None, help="Language of messages.")
def extract(paths: tuple[Path, ...], as_json: bool, jobs: int | None, layout: bool, no_store: bool,
            show_text: bool, lang: str | None) -> None:
    """Extract clean text from PDF, DOCX, DOC, RTF, TXT files and scans; directories are walked.

    Exit status: 0 all files read, 3 some failed (all were still processed), 2 wrong usage.
    """
    from tqdm import tqdm

    from assistant.ingest.batch import collect_files, process_batch

    settings = load_settings()
    lang = lang or settings.lang
    files = collect_files(paths)
    if not files:
        raise click.UsageError("no files found under the given paths")
    bar = tqdm(total=len(files), file=sys.stderr, unit="file",
               disable=not (sys.stderr.isatty() and len(files) > 3))
    failed = 0
    for result in process_batch(files, settings, jobs=jobs, layout=layout, store=not no_store):
        bar.update(1)
        if not result.ok:
            failed += 1
        if as_json:
            line = json.dumps(result.to_json(lang), ensure_ascii=False)
            bar.write(line, file=sys.stdout) if not bar.disable else print(line, flush=True)
            continue
        if result.doc is not None:
            d = result.doc
            msg = f"✓ {d.path}: {d.page_count} · {t('langs.' + d.lang, lang)} · {d.method}"
            lines = [msg] + [f"  ! {w.message(lang)}" for w in d.warnings]
            if show_text:
                lines.append(d.text)
        else:
            assert result.error is not None
            lines = [f"✗ {result.path}: [{result.error.code}] {result.error.message(lang)}"]
        for line in lines:
            bar.write(line, file=sys.stdout)
    bar.close()
    ok = len(files) - failed
    click.echo(t("ui.summary_ok", lang, ok=ok, total=len(files)), err=True)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@cli.command()
def config() -> None:
    """Show the settings in effect and which optional tools (OCR, LibreOffice) are available."""
    from assistant.ingest.legacy import libreoffice_binary
    from assistant.ingest.ocr import ocr_engine

    s = load_settings()
    engine = ocr_engine(s)
    click.echo(f"KENESSHI_HOME    {s.home}")
    click.echo(f"KENESSHI_DB_URL  {s.db_url}")
    click.echo(f"KENESSHI_LANG    {s.lang}")
    click.echo(f"limits           {s.max_file_mb} MB, {s.max_pages} pages, timeout {s.file_timeout_s} s")
    click.echo(f"OCR              {'tesseract ' + engine.langs if engine else 'unavailable'}")
    click.echo(f"LibreOffice      {libreoffice_binary() or 'unavailable'}")
    click.echo(f"tesseract binary {shutil.which('tesseract') or '-'}")


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
