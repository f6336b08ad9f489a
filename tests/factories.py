"""Builders of test files: real PDFs (text and scanned), DOCX, RTF, TXT in several encodings, and broken
or hostile variants. Used by the tests and by bench/."""

from __future__ import annotations

import io
import textwrap
import zipfile
from functools import cache
from pathlib import Path

RU_PAGES = [
    "В Кассационный суд по гражданским делам\n"
    "Заявитель: Ахметова Динара Сериковна, ИИН 900101300007\n"
    "КАССАЦИОННАЯ ЖАЛОБА\n"
    "на постановление судебной коллегии по гражданским делам Карагандинского областного суда "
    "от 12 марта 2025 года по делу № 3599-25-00-2а/1489.\n"
    "Решением суда первой инстанции иск о взыскании задолженности по договору займа удовлетворён "
    "частично. Суд апелляционной инстанции решение отменил, с чем я не согласна.",
    "Считаю, что суд неправильно применил нормы материального права, поскольку ответчик "
    "признал долг в письменной форме. Прошу отменить постановление апелляционной инстанции и "
    "оставить в силе решение районного суда.\n"
    "Приложение: копия постановления на 4 листах; квитанция об оплате госпошлины.",
]

KK_PAGES = [
    "Азаматтық істер жөніндегі кассациялық сотқа\n"
    "Арыз беруші: Жұмабеков Ерлан Нұрланұлы, ЖСН 900101300007\n"
    "КАССАЦИЯЛЫҚ ШАҒЫМ\n"
    "Қарағанды облыстық сотының азаматтық істер жөніндегі сот алқасының 2025 жылғы 12 наурыздағы "
    "қаулысына. Бірінші сатыдағы соттың шешімімен қарыз шарты бойынша берешекті өндіріп алу туралы "
    "талап ішінара қанағаттандырылды.",
    "Апелляциялық сатыдағы сот шешімнің күшін жойды, мен бұған келіспеймін. Сот материалдық құқық "
    "нормаларын дұрыс қолданбады деп санаймын, өйткені жауапкер қарызды жазбаша түрде мойындаған. "
    "Апелляциялық қаулының күшін жоюды және аудандық сот шешімін күшінде қалдыруды сұраймын.\n"
    "Қосымша: қаулының көшірмесі 4 парақта.",
]

SAMPLES = {"ru": RU_PAGES, "kk": KK_PAGES}


@cache
def font_path() -> str:
    """DejaVu Sans (Cyrillic with the Kazakh letters), shipped inside matplotlib's wheel."""
    import matplotlib

    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")


def text_pdf_bytes(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=font_path())
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(False)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def write_text_pdf(path: Path, pages: list[str]) -> Path:
    path.write_bytes(text_pdf_bytes(pages))
    return path


def page_image(text: str, width: int = 1654, height: int = 2339, font_size: int = 34):
    """An A4 page at 200 dpi with `text` drawn in black, as a scanner would produce it."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path(), font_size)
    y = 120
    for para in text.split("\n"):
        for line in textwrap.wrap(para, 70) or [""]:
            draw.text((110, y), line, fill=0, font=font)
            y += int(font_size * 1.5)
    return img


def write_scanned_pdf(path: Path, pages: list[str]) -> Path:
    images = [page_image(p).convert("RGB") for p in pages]
    images[0].save(path, "PDF", resolution=200.0, save_all=True, append_images=images[1:])
    return path


def write_encrypted_pdf(path: Path, pages: list[str], user_password: str, owner_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf_bytes(pages))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def write_zero_page_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    with open(path, "wb") as fh:
        PdfWriter().write(fh)
    return path


def write_docx(path: Path, paragraphs: list[str], *, table: list[list[str]] | None = None,
               header: str | None = None, footer: str | None = None, page_break_after: int | None = None
               ) -> Path:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    for i, para in enumerate(paragraphs):
        p = doc.add_paragraph(para)
        if page_break_after is not None and i == page_break_after:
            p.add_run().add_break(WD_BREAK.PAGE)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    doc.save(str(path))
    return path


def rewrite_docx_part(src: Path, dst: Path, part: str, data: bytes,
                      compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Copy a DOCX replacing one part (for hostile variants)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, data if item.filename == part else zin.read(item.filename))
    return dst


def rtf_bytes(text: str) -> bytes:
    """An RTF document as Word writes it: code page 1251 escapes, \\u for letters outside it."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\par\n")
        elif ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode("cp1251")
                out.append(f"\\'{b[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
    body = "".join(out)
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fnil\\fcharset204 Times New Roman;}}"
            "\\f0\\fs24 " + body + "\\par\n}").encode("ascii")
