"""Writing classification results as JSONL, CSV or XLSX (by the output file's extension)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS = ["path", "id", "lang", "category", "confidence", "best", "reason", "alternatives", "terms",
           "error_code", "error"]


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """One spreadsheet row: alternatives and terms as readable strings."""
    out = {k: row.get(k, "") for k in COLUMNS}
    out["alternatives"] = "; ".join(f"{a['category']} {a['p']:.2f}" for a in row.get("alternatives", []))
    out["terms"] = ", ".join(t["term"] for t in row.get("terms", []))
    if "error" in row and isinstance(row["error"], dict):
        out["error_code"] = row["error"]["code"]
        out["error"] = row["error"]["message"]
    return out


def write_results(rows: Iterable[dict[str, Any]], path: Path) -> int:
    rows = list(rows)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif suffix == ".csv":
        # UTF-8 with BOM so that Excel opens Cyrillic correctly.
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(flat_row(r) for r in rows)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "classification"
        ws.append(COLUMNS)
        for r in rows:
            flat = flat_row(r)
            ws.append([flat[c] for c in COLUMNS])
        ws.freeze_panes = "A2"
        wb.save(path)
    else:
        raise ValueError(f"unknown output format {suffix!r}: use .jsonl, .csv or .xlsx")
    return len(rows)
