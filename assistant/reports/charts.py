"""Charts for reviews and reports: matplotlib (Agg, no display) into PNG bytes a Word template can take.

Figures are built with matplotlib.figure.Figure on the Agg canvas, not pyplot, so no display is needed,
nothing global is touched and charts can be drawn from several threads. DejaVu Sans (shipped with
matplotlib) has every Kazakh letter.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

BAR_COLOR = "#1f4e79"
ACCENT_COLOR = "#c0504d"
FONT = "DejaVu Sans"


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    # No timestamp or version in the file: the same data gives the same bytes.
    fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
    return buf.getvalue()


def bar_chart(labels: Sequence[str], values: Sequence[int], title: str, *,
              secondary: Sequence[int] | None = None, legend: tuple[str, str] | None = None,
              empty_text: str = "—") -> bytes:
    """Horizontal bars, largest on top, labels wrapped; `secondary` draws a second bar series (e.g. acts set
    aside or changed) over the first. With no data the chart says `empty_text`."""
    wrapped = ["\n".join(textwrap.wrap(str(label)[:1].upper() + str(label)[1:], 38)) or "—" for label in labels]
    lines = sum(w.count("\n") + 1 for w in wrapped)
    height_in = max(1.6, 0.9 + 0.28 * max(lines, 1))
    fig = Figure(figsize=(6.3, height_in))
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=10, fontfamily=FONT, loc="left")
    if not values or not any(values):
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", fontsize=10, fontfamily=FONT,
                transform=ax.transAxes)
        ax.set_axis_off()
        return _png(fig)
    positions = list(range(len(values)))[::-1]
    ax.barh(positions, values, color=BAR_COLOR, height=0.6, label=legend[0] if legend else None)
    if secondary is not None:
        ax.barh(positions, secondary, color=ACCENT_COLOR, height=0.35, label=legend[1] if legend else None)
    ax.set_yticks(positions, wrapped, fontsize=8, fontfamily=FONT)
    ax.tick_params(axis="x", labelsize=8)
    top = max(values)
    for y, v in zip(positions, values, strict=True):
        ax.text(v + top * 0.01, y, str(v), va="center", fontsize=8, fontfamily=FONT)
    ax.set_xlim(0, top * 1.12 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if legend and secondary is not None:
        # under the axis, so that it never covers a bar
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.06 - 0.4 / height_in), ncol=2,
                  prop={"family": FONT, "size": 8})
    fig.tight_layout()
    return _png(fig)
