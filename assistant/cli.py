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
            bar.write(line, file=sys.stdout)
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


ROOT = Path(__file__).resolve().parent.parent


def read_text_objects(path: Path) -> list[dict]:
    """Objects of a JSONL file, each with a `text` (and an `id`, the line number if absent)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                obj["text"] = str(obj["text"])
            except (ValueError, KeyError, TypeError) as exc:
                raise click.UsageError(f"{path}:{n}: expected a JSON object with a text field") from exc
            obj.setdefault("id", n)
            out.append(obj)
    return out


@cli.command()
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=ROOT / "corpus", show_default=True, help="Folder with train.jsonl and dev.jsonl.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=ROOT / "models" / "category",
              show_default=True, help="Where the model, its card and metrics go.")
@click.option("--corrections", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="JSONL of consultants' corrected labels (id, text, category) merged into the corpus.")
def train(corpus: Path, out: Path, corrections: Path | None) -> None:
    """Train the case-category classifier and write its model card."""
    from assistant.classify.corpus import CorpusError
    from assistant.classify.train import train as run_training

    try:
        run_training(corpus, out, corrections=corrections, log=lambda m: click.echo(m, err=True))
    except CorpusError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"model written to {out}", err=True)


@cli.command()
@click.option("--data", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Labelled JSONL to score with the trained model (default: 5-fold CV on the corpus).")
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=ROOT / "corpus", show_default=True)
@click.option("--model", "model_dir", type=click.Path(path_type=Path, file_okay=False),
              default=ROOT / "models" / "category", show_default=True)
@click.option("--png", type=click.Path(path_type=Path, dir_okay=False), default=Path("confusion.png"),
              show_default=True, help="Where to write the confusion matrix.")
def evaluate(data: Path | None, corpus: Path, model_dir: Path, png: Path) -> None:
    """Macro-F1 overall and per language, a per-class table and the confusion matrix."""
    from assistant.classify.corpus import OUT_OF_SCOPE, CorpusError, read_jsonl
    from assistant.classify.evaluate import forced_predictions, format_table, plot_confusion, scores
    from assistant.classify.model import ModelParams
    from assistant.classify.modelio import ModelLoadError
    from assistant.classify.predict import CategoryClassifier
    from assistant.classify.train import cross_validated_proba

    try:
        if data is None:
            docs = read_jsonl(corpus / "train.jsonl")
            proba, classes = cross_validated_proba(docs, ModelParams())
            title = "5-fold cross-validation on the corpus"
        else:
            docs = read_jsonl(data)
            clf = CategoryClassifier.load(model_dir)
            proba, classes = clf.probabilities([d.text for d in docs]), clf.classes
            title = f"scored: {data.name}"
    except (CorpusError, ModelLoadError) as exc:
        raise click.UsageError(str(exc)) from exc
    pred = forced_predictions(proba, classes)
    keep = [i for i, d in enumerate(docs) if d.category != OUT_OF_SCOPE]
    y = [docs[i].category for i in keep]
    p = [pred[i] for i in keep]
    result = scores(y, p, [docs[i].lang for i in keep])
    click.echo(title)
    click.echo(format_table(result))
    plot_confusion(y, p, png, title)
    click.echo(f"confusion matrix: {png}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--jsonl", "jsonl_in", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, help="Classify objects with `id` and `text` from a JSONL file instead of files.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write results to .jsonl, .csv or .xlsx (default: lines on the terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@click.option("--model", "model_dir", type=click.Path(path_type=Path, file_okay=False),
              default=ROOT / "models" / "category", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=None, help="Intake worker processes.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None, help="Language of messages.")
def classify(paths: tuple[Path, ...], jsonl_in: Path | None, out: Path | None, as_json: bool,
             model_dir: Path, jobs: int | None, lang: str | None) -> None:
    """Suggest the case category of files and folders (through intake) or of JSONL objects.

    Exit status: 0 all classified, 3 some files failed intake (all were still processed), 2 wrong usage.
    """
    from tqdm import tqdm

    from assistant.categories import category_name
    from assistant.classify.modelio import ModelLoadError
    from assistant.classify.output import write_results
    from assistant.classify.predict import CategoryClassifier
    from assistant.ingest.batch import collect_files, process_batch

    settings = load_settings()
    lang = lang or settings.lang
    if bool(paths) == bool(jsonl_in):
        raise click.UsageError("give either PATHS or --jsonl FILE")
    if out is not None and out.suffix.lower() not in (".jsonl", ".csv", ".xlsx"):
        raise click.UsageError("--out must end in .jsonl, .csv or .xlsx")
    try:
        clf = CategoryClassifier.load(model_dir)
    except ModelLoadError as exc:
        raise click.ClickException(str(exc)) from exc

    rows: list[dict] = []
    failed = 0
    if jsonl_in is not None:
        items = [(str(obj["id"]), obj["text"]) for obj in read_text_objects(jsonl_in)]
        bar = tqdm(total=len(items), file=sys.stderr, unit="doc", disable=not sys.stderr.isatty())
        for start in range(0, len(items), 256):
            chunk = items[start : start + 256]
            for (ident, _), sug in zip(chunk, clf.suggest_many([t for _, t in chunk]), strict=True):
                rows.append({"id": ident, **sug.to_json()})
            bar.update(len(chunk))
        bar.close()
    else:
        files = collect_files(paths)
        if not files:
            raise click.UsageError("no files found under the given paths")
        bar = tqdm(total=len(files), file=sys.stderr, unit="file",
                   disable=not (sys.stderr.isatty() and len(files) > 3))
        for result in process_batch(files, settings, jobs=jobs):
            bar.update(1)
            if result.doc is None:
                assert result.error is not None
                failed += 1
                rows.append({"path": result.path, "error": result.error.to_dict(lang)})
                continue
            sug = clf.suggest(result.doc.text)
            rows.append({"path": result.path, "lang": result.doc.lang, **sug.to_json()})
        bar.close()

    if out is not None:
        write_results(rows, out)
        click.echo(f"{len(rows)} results written to {out}", err=True)
    elif as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        for r in rows:
            who = r.get("path", r.get("id"))
            if "error" in r:
                click.echo(f"✗ {who}: [{r['error']['code']}] {r['error']['message']}")
                continue
            name = category_name(r["category"], lang)
            alts = ", ".join(f"{a['category']} {a['p']:.2f}" for a in r["alternatives"])
            terms = ", ".join(t["term"] for t in r["terms"][:6])
            click.echo(f"{who}: {r['category']} ({name}) {r['confidence']:.2f} [{r['reason']}]"
                       f" — {alts} — {terms}")
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--jsonl", "jsonl_in", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Objects with `id`, `text` and optional `category` instead of files.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="With --jsonl: write results here (.jsonl) instead of the terminal.")
@click.option("--json", "as_json", is_flag=True, help="JSON with `text` and `spans` instead of masked text.")
@click.option("--category", default=None, help="Case category of the files (stricter rules for FAMILY etc.).")
@click.option("--no-ner", is_flag=True, help="Rules only (faster; names found by patterns and lexicons).")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None, help="Language of messages.")
def anonymize(paths: tuple[Path, ...], jsonl_in: Path | None, out: Path | None, as_json: bool,
              category: str | None, no_ner: bool, lang: str | None) -> None:
    """Mask personal data (names, ИИН/БИН, phones, addresses, accounts…) in files or JSONL objects.

    Spans give type, position in the original, replacement, recogniser and confidence; the originals
    themselves are never printed. Exit status: 0 all processed, 3 some files failed intake, 2 wrong usage.
    """
    from assistant.ingest.batch import collect_files, process_batch
    from assistant.privacy.engine import anonymize as run

    settings = load_settings()
    lang = lang or settings.lang
    if bool(paths) == bool(jsonl_in):
        raise click.UsageError("give either PATHS or --jsonl FILE")
    failed = 0
    rows: list[dict] = []
    if jsonl_in is not None:
        for obj in read_text_objects(jsonl_in):
            result = run(obj["text"], category=obj.get("category") or category, use_ner=not no_ner)
            rows.append({"id": obj["id"], **result.to_json()})
    else:
        files = collect_files(paths)
        if not files:
            raise click.UsageError("no files found under the given paths")
        for result in process_batch(files, settings):
            if result.doc is None:
                assert result.error is not None
                failed += 1
                rows.append({"path": result.path, "error": result.error.to_dict(lang)})
                continue
            masked = run(result.doc.text, lang=result.doc.lang, category=category, use_ner=not no_ner)
            rows.append({"path": result.path, **masked.to_json()})
    if out is not None:
        with open(out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        click.echo(f"{len(rows)} results written to {out}", err=True)
    else:
        for r in rows:
            if as_json or jsonl_in is not None:
                click.echo(json.dumps(r, ensure_ascii=False))
            elif "error" in r:
                click.echo(f"✗ {r['path']}: [{r['error']['code']}] {r['error']['message']}")
            else:
                click.echo(f"=== {r['path']} ({len(r['spans'])} masks)\n{r['text']}")
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON card per file and line.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None, help="Language of the card's labels.")
def card(paths: tuple[Path, ...], as_json: bool, lang: str | None) -> None:
    """The petition card of each complaint: parties, courts, case numbers, dates, amounts, ИИН/БИН and the
    admissibility checks with their legal basis, each value with its place in the text.

    Exit status: 0 all read, 3 some files failed intake, 2 wrong usage.
    """
    from assistant.ingest.batch import collect_files, process_batch
    from assistant.nlp.card import build_card, to_markdown

    settings = load_settings()
    lang = lang or settings.lang
    files = collect_files(paths)
    if not files:
        raise click.UsageError("no files found under the given paths")
    failed = 0
    suggest = _category_suggester()
    for result in process_batch(files, settings):
        if result.doc is None:
            assert result.error is not None
            failed += 1
            err = {"path": result.path, "error": result.error.to_dict(lang)}
            click.echo(json.dumps(err, ensure_ascii=False) if as_json else
                       f"✗ {result.path}: [{err['error']['code']}] {err['error']['message']}")
            continue
        c = build_card(result.doc.text, result.doc.lang)
        category = suggest(result.doc.text)
        if as_json:
            click.echo(json.dumps({"path": result.path, "category": category, **c.to_json(lang)},
                                  ensure_ascii=False))
        else:
            click.echo(f"<!-- {result.path} -->\n" + to_markdown(c, lang)
                       + (f"\n{category['category']} ({category['confidence']:.2f})\n" if category else ""))
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _category_suggester():
    """The category classifier's suggestion for the card, or nothing when no model is installed."""
    from assistant.classify.modelio import ModelLoadError
    from assistant.classify.predict import CategoryClassifier

    try:
        clf = CategoryClassifier.load(ROOT / "models" / "category")
    except ModelLoadError:
        return lambda text: None
    return lambda text: clf.suggest(text).to_json()


def _registry(settings=None, init: bool = True):  # type: ignore[no-untyped-def]
    from assistant.registry.service import Registry

    registry = Registry((settings or load_settings()).db_url)
    if init:
        registry.ensure_schema()
    return registry


def _registry_error(exc: Exception, lang: str) -> click.ClickException:
    message = exc.message(lang) if hasattr(exc, "message") else str(exc)
    return click.ClickException(message)


@cli.group()
def db() -> None:
    """The registry database: create, upgrade, back up, restore, fill with demo data."""


@db.command("init")
def db_init() -> None:
    """Create the registry's tables (or upgrade them) at KENESSHI_DB_URL."""
    from assistant.registry.schema import migrate

    s = load_settings()
    click.echo(f"{s.db_url}: schema {migrate(s.db_url)}")


@db.command("migrate")
@click.option("--revision", default="head", show_default=True)
def db_migrate(revision: str) -> None:
    """Upgrade the registry's schema (Alembic migrations)."""
    from assistant.registry.schema import current_revision, migrate

    s = load_settings()
    before = current_revision(s.db_url)
    click.echo(f"{s.db_url}: {before or 'empty'} → {migrate(s.db_url, revision)}")


@db.command("backup")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def db_backup(file: Path) -> None:
    """Write the whole registry to FILE (gzip'd JSON lines; restores into SQLite or PostgreSQL)."""
    from assistant.registry.backup import backup

    counts = backup(_registry().url, file)
    click.echo(f"{file}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))


@db.command("restore")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def db_restore(file: Path) -> None:
    """Load a backup FILE into an empty registry at KENESSHI_DB_URL."""
    from assistant.registry.backup import BackupError, restore

    s = load_settings()
    try:
        counts = restore(s.db_url, file)
    except BackupError as exc:
        raise click.ClickException(t(f"registry.errors.{exc.code}", s.lang, detail=str(exc))) from exc
    click.echo(f"{s.db_url}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))


@db.command("demo")
@click.option("--petitions", type=click.IntRange(1, 100_000), default=320, show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last day of the demo year.")
def db_demo(petitions: int, seed: int, today) -> None:  # type: ignore[no-untyped-def]
    """Fill an empty registry with a year of realistic demo data (judges, absences, petitions, hearings)."""
    from assistant.registry.demo import seed_demo

    registry = _registry()
    if registry.count():
        raise click.ClickException("the registry is not empty: demo data goes into a fresh database only")
    with click.progressbar(length=petitions, label="demo", file=sys.stderr) as bar:
        counts = seed_demo(registry, petitions=petitions, seed=seed, today=today.date() if today else None,
                           progress=lambda done, total: bar.update(1))
    click.echo(", ".join(f"{k} {v}" for k, v in counts.items()))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--received", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date of receipt (default: today).")
@click.option("--category", default=None, help="Final category for all files (default: the suggestion).")
@click.option("--by", "by_whom", default="", help="Who registers (kept in the audit trail).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None, help="Language of messages.")
def register(paths: tuple[Path, ...], received, category: str | None, by_whom: str, as_json: bool,  # type: ignore[no-untyped-def]
             lang: str | None) -> None:
    """Intake → card → category → registration → distribution, one transaction per file.

    Registering a file again returns its first registration (files are known by their sha256).
    Exit status: 0 all registered, 3 some failed (the others were still registered), 2 wrong usage.
    """
    from assistant.ingest.batch import collect_files, process_batch
    from assistant.intake import make_suggester, petition_input
    from assistant.nlp.card import build_card
    from assistant.registry.service import RegistryError

    settings = load_settings()
    lang = lang or settings.lang
    files = collect_files(paths)
    if not files:
        raise click.UsageError("no files found under the given paths")
    registry = _registry(settings)
    suggest = make_suggester(ROOT / "models" / "category")
    failed = 0
    for result in process_batch(files, settings):
        if result.doc is None:
            assert result.error is not None
            failed += 1
            err = {"path": result.path, "error": result.error.to_dict(lang)}
            click.echo(json.dumps(err, ensure_ascii=False) if as_json else
                       f"✗ {result.path}: [{err['error']['code']}] {err['error']['message']}")
            continue
        doc = result.doc
        try:
            data = petition_input(doc.text, doc.lang, card=build_card(doc.text, doc.lang),
                                  suggestion=suggest(doc.text), source_sha256=doc.sha256,
                                  source_name=Path(result.path).name, final_category=category, by_whom=by_whom,
                                  received_on=received.date() if received else None)
            reg = registry.register(data)
        except RegistryError as exc:
            failed += 1
            click.echo(json.dumps({"path": result.path, "error": {"code": exc.code, "message": exc.message(lang)}},
                                  ensure_ascii=False) if as_json else f"✗ {result.path}: {exc.message(lang)}")
            continue
        row = {"path": result.path, "reg_no": reg.reg_no, "created": reg.created, "status": reg.status,
               "category": reg.category, "judge": reg.judge,
               "reason": (reg.decision or {}).get("reason")}
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            mark = "✓" if reg.created else "="
            judge = reg.judge or t("registry.report.unassigned", lang)
            click.echo(f"{mark} {result.path}: {reg.reg_no} · {reg.category or '?'} · {judge} · "
                       f"{t('registry.statuses.' + reg.status, lang)}")
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@cli.group()
def report() -> None:
    """Reports over the registry."""


@report.command("movement")
@click.option("--period", required=True, help="2026-W47, 2026-11, 2026-Q4, 2026-H2, 2026 or 2026-01-01..2026-03-31")
@click.option("--by", type=click.Choice(["judge", "region", "category"]), default="judge", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write an XLSX file.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None)
def report_movement(period: str, by: str, out: Path | None, lang: str | None) -> None:
    """Movement per judge (pending at start, received, returned, considered by result, pending at end)."""
    from assistant.reports.movement import column_labels, movement, parse_period, statistics, to_excel

    settings = load_settings()
    lang = lang or settings.lang
    try:
        p = parse_period(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    url = _registry(settings).url
    table = movement(url, p, by=by, lang=lang)
    if out:
        to_excel({"movement": table, **statistics(url, p, lang)}, out, lang)
        click.echo(f"{out}: {p.start} – {p.end}")
        return
    shown = table.copy()
    shown.columns = column_labels(list(table.columns), lang)
    click.echo(f"{p.start} – {p.end}\n" + shown.to_string())


@cli.command()
@click.option("--due-within", type=click.IntRange(0, 3650), default=None,
              help="Open deadlines due within N calendar days (default: overdue ones).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None)
def deadlines(due_within: int | None, as_json: bool, lang: str | None) -> None:
    """Overdue deadlines, or those due soon, on the Kazakhstan working-day calendar."""
    import datetime as dt

    settings = load_settings()
    lang = lang or settings.lang
    registry = _registry(settings)
    today = dt.date.today()
    rows = registry.deadlines(due_within=due_within, today=today) if due_within is not None else \
        registry.deadlines(overdue_on=today, today=today)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        else:
            flag = "!" if row["overdue"] else " "
            click.echo(f"{flag} {row['due']}  {row['reg_no']:<22} {t('registry.deadlines.' + row['deadline'], lang)}"
                       f"  ({row['judge'] or '-'}; {row['basis'].get('basis_' + lang, '')})")
    click.echo(f"{len(rows)}", err=True)


@cli.command()
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="JSONL file for `kenesshi train --corrections`.")
def corrections(out: Path) -> None:
    """Export the consultants' category corrections (text and final category) for retraining."""
    rows = _registry().corrections()
    tmp = out.with_name(out.name + ".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(out)
    click.echo(f"{out}: {len(rows)}")


@cli.group()
def judges() -> None:
    """The judges' roster and specializations."""


@judges.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True), required=False)
def judges_import(file: Path | None) -> None:
    """Add or update judges from a roster YAML (default: assistant/data/judges.yaml)."""
    from assistant.registry.reference import load_roster

    click.echo(f"{_registry().upsert_judges(load_roster(file))}")


@judges.command("list")
def judges_list() -> None:
    """Judges with their specializations, absences and open load."""
    registry = _registry()
    loads = registry.open_loads()
    for j in registry.judges():
        away = "; ".join(f"{a.start}–{a.end}" for a in j.absences)
        click.echo(f"{j.code:<6} {j.name_ru:<40} {loads.get(j.code, 0):>4}  {','.join(j.categories)}  {away}")


def _document_error(exc: Exception, lang: str) -> click.ClickException:
    message = exc.message(lang) if hasattr(exc, "message") else str(exc)
    return click.ClickException(message)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="A JSON list of templates with their fields.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None)
def templates(as_json: bool, lang: str | None) -> None:
    """The Word templates: id, titles, languages and fields (templates/manifest.yaml)."""
    from assistant.documents.manifest import load_manifest

    lang = lang or load_settings().lang
    manifest = load_manifest()
    rows = [{"id": spec.id, "title": dict(spec.title),
             "langs": [x for x in ("kk", "ru") if spec.path(x).is_file()],
             "fields": [{"name": name, "type": f.type, "required": bool(f.required)}
                        for name, f in spec.fields.items()]}
            for spec in manifest.templates.values()]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        required = [f["name"] for f in row["fields"] if f["required"]]
        click.echo(f"{row['id']:<22} {row['title'].get(lang, row['id'])}  [{', '.join(row['langs'])}]")
        click.echo(f"{'':<22} {t('registry.cli.required', lang)}: {', '.join(required)}")


def _read_json(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.BadParameter(f"{path}: {exc}", param_hint="--data") from exc
    if not isinstance(data, dict):
        raise click.BadParameter(f"{path}: a JSON object is expected", param_hint="--data")
    return data


@cli.command()
@click.argument("template_id")
@click.option("--lang", type=click.Choice(["ru", "kk"]), required=True, help="Language of the document.")
@click.option("--data", "data_file", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Field values as a JSON object (over the registry's values with --petition).")
@click.option("--petition", "reg_no", default=None, help="Prefill the fields from this registered petition.")
@click.option("--consultant", default=None, help="The consultant's name for letters and memos.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--pdf", is_flag=True, help="Also convert to PDF through LibreOffice (when installed).")
@click.option("--by", "by_whom", default="", help="Who drafts (kept in the petition's file).")
def render(template_id: str, lang: str, data_file: Path | None, reg_no: str | None, consultant: str | None,
           out: Path, pdf: bool, by_whom: str) -> None:
    """Draft a procedural document from a Word template, as DOCX (and PDF).

    Missing fields are listed all at once and nothing is written. Exit status: 0 written, 1 refused.
    """
    import hashlib

    from assistant.documents.errors import DocumentError
    from assistant.documents.manifest import load_manifest
    from assistant.documents.render import render as render_document
    from assistant.registry.service import RegistryError

    settings = load_settings()
    consultant = consultant or by_whom or None
    if template_id not in load_manifest().templates:
        raise click.BadParameter(f"unknown template {template_id!r} (see `kenesshi templates`)",
                                 param_hint="TEMPLATE_ID")
    data: dict = {}
    registry = None
    if reg_no:
        from assistant.documents.from_registry import petition_context

        registry = _registry(settings)
        try:
            data = petition_context(registry, reg_no, template_id, lang, consultant=consultant)
        except RegistryError as exc:
            raise _registry_error(exc, settings.lang) from exc
    elif consultant:
        data["consultant"] = consultant
    data.update(_read_json(data_file))
    try:
        written = render_document(template_id, lang, data, out, pdf=pdf, settings=settings)
    except DocumentError as exc:
        raise _document_error(exc, settings.lang) from exc
    if registry is not None and reg_no:
        registry.record_document(reg_no, template_id, lang, written.name,
                                 hashlib.sha256(written.read_bytes()).hexdigest(), by=by_whom)
    click.echo(str(written))


def _period_or_fail(spec: str, hint: str):  # type: ignore[no-untyped-def]
    from assistant.reports.movement import parse_period

    try:
        return parse_period(spec)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=hint) from exc


@cli.command("press-release")
@click.option("--week", required=True, help="ISO week, e.g. 2026-W47.")
@click.option("--lang", type=click.Choice(["ru", "kk"]), required=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--pdf", is_flag=True)
def press_release(week: str, lang: str, out: Path, pdf: bool) -> None:
    """The weekly press release on the cases the collegium considered (depersonalised)."""
    from assistant.documents.errors import DocumentError
    from assistant.documents.render import render as render_document
    from assistant.reports.press import press_release_context

    settings = load_settings()
    period = _period_or_fail(week, "--week")
    registry = _registry(settings)
    cases = registry.considered_cases(period.start, period.end)
    try:
        written = render_document("press_release", lang, press_release_context(cases, week, lang), out, pdf=pdf,
                                  settings=settings)
    except DocumentError as exc:
        raise _document_error(exc, settings.lang) from exc
    click.echo(f"{written}: {len(cases)}")


@cli.command()
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--category", default=None, help="Only this category (code).")
@click.option("--region", default=None, help="Only this region (code of regions.csv).")
@click.option("--topic", default=None)
@click.option("--lang", type=click.Choice(["ru", "kk"]), required=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--pdf", is_flag=True)
def review(date_from, date_to, category: str | None, region: str | None, topic: str | None, lang: str,  # type: ignore[no-untyped-def]
           out: Path, pdf: bool) -> None:
    """A judicial-practice review for a period: statistics, charts, reversed acts (depersonalised)."""
    from assistant.documents.errors import DocumentError
    from assistant.documents.render import render as render_document
    from assistant.reports.review import review_context

    settings = load_settings()
    start, end = date_from.date(), date_to.date()
    if end < start:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    cases = [c for c in _registry(settings).considered_cases(start, end)
             if (category is None or c["category"] == category) and (region is None or c["region_code"] == region)]
    try:
        written = render_document("practice_review", lang, review_context(cases, start, end, lang, topic=topic),
                                  out, pdf=pdf, settings=settings)
    except DocumentError as exc:
        raise _document_error(exc, settings.lang) from exc
    click.echo(f"{written}: {len(cases)}")


@cli.command()
@click.option("--period", required=True, help="2026-Q4, 2026-H1, 2026, 2026-11 …")
@click.option("--lang", type=click.Choice(["ru", "kk"]), default=None)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="F.xlsx (workbook) or F.docx (statistical report).")
@click.option("--pdf", is_flag=True)
def stats(period: str, lang: str | None, out: Path, pdf: bool) -> None:
    """Statistical report for a quarter / half-year / year: movement, results, categories, regions."""
    from assistant.documents.errors import DocumentError
    from assistant.documents.render import render as render_document
    from assistant.reports.movement import column_labels, movement
    from assistant.reports.stats import statistics_context, statistics_workbook

    settings = load_settings()
    lang = lang or settings.lang
    p = _period_or_fail(period, "--period")
    registry = _registry(settings)
    cases = registry.considered_cases(p.start, p.end)
    total = movement(registry.url, p, lang=lang).iloc[-1]
    keys = ["pending_start", "received", "returned", "considered", "other_finished", "pending_end"]
    moved = [{"label": label, "count": int(total[k])} for k, label in zip(keys, column_labels(keys, lang), strict=True)]
    if out.suffix.lower() == ".xlsx":
        written = statistics_workbook(cases, out, lang=lang, period_from=p.start, period_to=p.end, movement=moved)
    elif out.suffix.lower() == ".docx":
        try:
            written = render_document("statistics_report", lang,
                                      statistics_context(cases, p.start, p.end, lang, movement=moved), out, pdf=pdf,
                                      settings=settings)
        except DocumentError as exc:
            raise _document_error(exc, settings.lang) from exc
    else:
        raise click.BadParameter("--out must end in .xlsx or .docx", param_hint="--out")
    click.echo(f"{written}: {len(cases)}")


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
