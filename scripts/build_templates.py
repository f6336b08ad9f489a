"""Build the Word templates in templates/kk/ and templates/ru/ from scratch (python-docx).

    python scripts/build_templates.py            # writes templates/{kk,ru}/*.docx
    python scripts/build_templates.py --out DIR  # somewhere else (to compare with the committed files)

Run once: afterwards the committed .docx files are the source of truth, and consultants edit them in Word.
Run it again only to re-create the templates from scratch (their Word edits would be lost). The tags are
docxtpl's Jinja: {{ value }}, {%p … %} for whole paragraphs, {%tr … %} for table rows. What each template may
use is declared in templates/manifest.yaml (the test suite lints every .docx against it).

Layout of a court letter: the bilingual letterhead (Kazakh left, Russian right) with a rule under it, the
outgoing number and date, the addressee block on the right, the title centred, the body justified with a
first-line indent, the signature block, the executor in small print, the page number in the footer.
Times New Roman 14 pt, A4, margins 20/20/30/15 mm. "№" is always followed by a no-break space (U+00A0) so that
a number never starts a line on its own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
FONT = "Times New Roman"
BODY_PT = 14
SMALL_PT = 10
TEXT_WIDTH_MM = 165  # A4 210 mm minus 30 + 15 mm margins

Segment = str | tuple[str, dict]
LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)


# --- document set-up ------------------------------------------------------------------------------------------------

def _set_fonts(rpr_parent, size_pt: float, lang: str) -> None:
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), "kk-KZ" if lang == "kk" else "ru-RU")


def new_document(lang: str, title: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.footer_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element, BODY_PT, lang)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    doc.core_properties.title = title
    doc.core_properties.author = "Kenesshi"
    doc.core_properties.language = "kk-KZ" if lang == "kk" else "ru-RU"
    _page_number_footer(section)
    # python-docx's blank document starts with no paragraph; keep it that way.
    return doc


def _field_run(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (e.g. PAGE) as begin / instruction / separate / result / end runs."""
    def fld(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def _page_number_footer(section) -> None:
    footer = section.footer
    p = footer.paragraphs[0]
    p.alignment = CENTER
    _field_run(p, "PAGE", "1")
    for run in p.runs:
        run.font.size = Pt(SMALL_PT)


# --- building blocks ------------------------------------------------------------------------------------------------

def para(container, segments: Segment | list[Segment] = "", *, align=JUSTIFY, indent: bool = False,
         size: float | None = None, bold: bool = False, italic: bool = False, before: float = 0,
         after: float = 0, keep_next: bool = False) -> Paragraph:
    """A paragraph of runs; a segment is a string or (string, {"bold": True, ...})."""
    p = container.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if indent:
        pf.first_line_indent = Mm(12.5)
    if keep_next:
        pf.keep_with_next = True
    if isinstance(segments, (str, tuple)):
        segments = [segments]
    for seg in segments:
        text, style = (seg, {}) if isinstance(seg, str) else seg
        run = p.add_run(text)
        run.bold = style.get("bold", bold) or None
        run.italic = style.get("italic", italic) or None
        if size or style.get("size"):
            run.font.size = Pt(style.get("size", size))
    return p


def tag(container, text: str) -> Paragraph:
    """A paragraph holding only a {%p … %} tag (docxtpl removes the paragraph itself)."""
    return para(container, text, align=LEFT)


def body(container, segments: Segment | list[Segment]) -> Paragraph:
    return para(container, segments, align=JUSTIFY, indent=True)


def spaced(container, segments: Segment | list[Segment]) -> Paragraph:
    """A body paragraph with a little space after it (items of a list of cases)."""
    return para(container, segments, align=JUSTIFY, indent=True, after=4)


def blank(container) -> Paragraph:
    return para(container, "", align=LEFT)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _fixed_widths(table: Table, widths_mm: list[float]) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(w).twips)))


def layout_table(doc, widths_mm: list[float]) -> Table:
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _fixed_widths(table, widths_mm)
    return table


def first_paragraph(cell: _Cell, segments: Segment | list[Segment], **kw) -> Paragraph:
    """Write into the cell's existing empty paragraph (a cell always has one)."""
    p = cell.paragraphs[0]
    p.alignment = kw.get("align", LEFT)
    if isinstance(segments, (str, tuple)):
        segments = [segments]
    for seg in segments:
        text, style = (seg, {}) if isinstance(seg, str) else seg
        run = p.add_run(text)
        run.bold = style.get("bold", kw.get("bold", False)) or None
        if kw.get("size") or style.get("size"):
            run.font.size = Pt(style.get("size", kw.get("size")))
    return p


def bottom_rule(p: Paragraph) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "12"), ("w:space", "4"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def letterhead(doc) -> None:
    """Kazakh name on the left, Russian on the right, contacts under them, a double rule."""
    table = layout_table(doc, [80, 5, 80])
    first_paragraph(table.rows[0].cells[0], "{{ court.name_kk|upper }}", align=CENTER, bold=True, size=12)
    first_paragraph(table.rows[0].cells[2], "{{ court.name_ru|upper }}", align=CENTER, bold=True, size=12)
    contacts = para(doc, "{{ court.address }}{% if court.phone %}, тел. {{ court.phone }}{% endif %}"
                         "{% if court.email %}, e-mail: {{ court.email }}{% endif %}",
                    align=CENTER, size=SMALL_PT, before=4)
    bottom_rule(contacts)
    blank(doc)


def outgoing_line(doc) -> None:
    para(doc, "{{ out_date.short }} № {{ out_no }}", align=LEFT, after=6)


def addressee_block(doc, lines: list[Segment | list[Segment]]) -> None:
    """The addressee on the right half of the page. A line that is a {%p … %} tag stays a bare tag."""
    table = layout_table(doc, [75, 90])
    cell = table.rows[0].cells[1]
    first = True
    for line in lines:
        if first:
            first_paragraph(cell, line, align=LEFT, bold=not (isinstance(line, str) and line.startswith("{%p")))
            first = False
        else:
            para(cell, line, align=LEFT)
    blank(doc)


def title(doc, text: str, subtitle: str | None = None) -> None:
    para(doc, text, align=CENTER, bold=True, keep_next=True)
    if subtitle:
        para(doc, subtitle, align=CENTER, bold=True, keep_next=True)
    blank(doc)


def signature(doc, position: str, name: str = "{{ judge.initials_first }}", date: str | None = None) -> None:
    """Position on the left, name on the right (the signature goes between them); `date` under the position."""
    blank(doc).paragraph_format.keep_with_next = True
    table = layout_table(doc, [95, 70])
    first_paragraph(table.rows[0].cells[0], position, align=LEFT, bold=True)
    first_paragraph(table.rows[0].cells[1], name, align=RIGHT, bold=True)
    if date:
        para(table.rows[0].cells[0], date, align=LEFT, size=SMALL_PT, before=4)
    # the signature block never splits across two pages
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def executor(doc, lang: str) -> None:
    word = "Исп." if lang == "ru" else "Орынд."
    blank(doc)
    para(doc, f"{word}: {{{{ consultant.short }}}}{{% if consultant_phone %}}, тел. {{{{ consultant_phone }}}}"
              "{% endif %}", align=LEFT, size=SMALL_PT)


def data_table(doc, headers: list[str], cells: list[str], widths_mm: list[float], loop: str,
               empty: str | None = None, centred: tuple[int, ...] | None = None, size: float = 12,
               keep_with_next: bool = False) -> Table:
    """A bordered table: a header row, then one row per item of `loop` ("for x in xs"); with `empty`, a row
    saying so when there are no items. The rows holding only {%tr … %} tags are removed by docxtpl.
    `centred`: the columns of counts and shares (default: all but the first). `keep_with_next` keeps the
    table on the page of what follows it (a short last table and the signature under it)."""
    centred = tuple(range(1, len(headers))) if centred is None else centred
    collection = loop.split(" in ", 1)[1].strip()
    rows = [headers, [f"{{%tr {loop} %}}"], cells, ["{%tr endfor %}"]]
    if empty:
        rows += [[f"{{%tr if not {collection} %}}"], [empty], ["{%tr endif %}"]]
    table = doc.add_table(rows=len(rows), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, widths_mm)
    for i, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        for j, (cell, text) in enumerate(zip(row.cells, texts, strict=False)):
            # the first column is text; the others hold counts and shares, centred
            align = CENTER if i == 0 or (j in centred and i == 2) else LEFT
            p = first_paragraph(cell, text, align=align, bold=i == 0, size=size)
            p.paragraph_format.keep_with_next = keep_with_next or None
    return table


def heading(doc, text: str) -> None:
    para(doc, text, align=LEFT, bold=True, before=6, after=3, keep_next=True)


# --- the templates --------------------------------------------------------------------------------------------------

def return_complaint(doc, lang: str) -> None:
    letterhead(doc)
    outgoing_line(doc)
    addressee_block(doc, ["{{ addressee.dative }}", "{%p if addressee.address %}", "{{ addressee.address }}",
                          "{%p endif %}"])
    if lang == "ru":
        title(doc, "О возврате {{ terms.filing_gen }}")
        body(doc, "Возвращаем {{ terms.your_filing_acc }} (вх. № {{ reg_no }} от {{ filed_on }}) на "
                  "{{ acts.phrase }}{% if case_no %} по гражданскому делу № {{ case_no }}{% endif %}.")
        body(doc, "Основание возврата: {{ ground.text }} ({{ ground.basis }}).")
        tag(doc, "{%p if ground_details %}")
        body(doc, "{{ ground_details }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if ground.refile %}")
        body(doc, "Возврат не препятствует повторному обращению в суд кассационной инстанции после устранения "
                  "указанных недостатков.")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if ground.note %}")
        body(doc, "{{ ground.note }}")
        tag(doc, "{%p endif %}")
        blank(doc)
        para(doc, "Приложение: {{ terms.filing_nom }}{% if complaint_pages %} на {{ complaint_pages }} л."
                  "{% endif %}", align=LEFT)
        signature(doc, "Судья")
    else:
        title(doc, "{{ terms.filing_acc|ucfirst }} қайтару туралы")
        body(doc, "Сіздің {{ filed_on.loc }} түскен (кіріс № {{ reg_no }}){% if case_no %} № {{ case_no }} "
                  "азаматтық іс бойынша{% endif %} {{ acts.phrase_dat }} берілген {{ terms.your_filing_nom }} "
                  "қайтарылады.")
        body(doc, "Қайтару негізі: {{ ground.text }} ({{ ground.basis }}).")
        tag(doc, "{%p if ground_details %}")
        body(doc, "{{ ground_details }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if ground.refile %}")
        body(doc, "Көрсетілген кемшіліктер жойылғаннан кейін кассациялық сатыдағы сотқа қайта жүгінуге қайтару "
                  "кедергі келтірмейді.")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if ground.note %}")
        body(doc, "{{ ground.note }}")
        tag(doc, "{%p endif %}")
        blank(doc)
        para(doc, "Қосымша: {{ terms.filing_nom }}{% if complaint_pages %}, {{ complaint_pages }} парақ"
                  "{% endif %}.", align=LEFT)
        signature(doc, "Судья")
    executor(doc, lang)


PARTIES = ("{% for p in parties %}{% if p.role_label %}{{ p.role_label }} — {% endif %}{{ p.name }}"
           "{% if not loop.last %}; {% endif %}{% endfor %}")


def case_file_request(doc, lang: str) -> None:
    letterhead(doc)
    outgoing_line(doc)
    if lang == "ru":
        addressee_block(doc, ["{{ lower_court }}"])
        title(doc, "Об истребовании гражданского дела")
        body(doc, "В связи с поступлением {{ terms.filing_gen }} (вх. № {{ reg_no }} от {{ filed_on }}) на "
                  "{{ acts.phrase }} прошу направить в наш адрес гражданское дело № {{ case_no }} "
                  "{% if due_date %}в срок до {{ due_date }}{% else %}в кратчайший срок{% endif %}.")
        body(doc, "Стороны по делу: " + PARTIES + ".")
        tag(doc, "{%p if claim %}")
        body(doc, "Предмет спора: {{ claim }}.")
        tag(doc, "{%p endif %}")
    else:
        addressee_block(doc, ["{{ lower_court.dative }}"])
        title(doc, "Азаматтық істі талап ету туралы")
        body(doc, "{{ acts.phrase_dat|ucfirst }} берілген {{ terms.filing_gen }} ({{ filed_on.attr }} кіріс "
                  "№ {{ reg_no }}) түсуіне байланысты № {{ case_no }} азаматтық істі {% if due_date %}"
                  "{{ due_date.dat }} дейін{% else %}қысқа мерзімде{% endif %} біздің мекенжайымызға "
                  "жіберуіңізді сұраймын.")
        body(doc, "Іс бойынша тараптар: " + PARTIES + ".")
        tag(doc, "{%p if claim %}")
        body(doc, "Дау мәні: {{ claim }}.")
        tag(doc, "{%p endif %}")
    signature(doc, "Судья")
    executor(doc, lang)


def hearing_notice(doc, lang: str) -> None:
    letterhead(doc)
    outgoing_line(doc)
    addressee_block(doc, ["{{ addressee.dative }}", "{%p if addressee.address %}", "{{ addressee.address }}",
                          "{%p endif %}"])
    if lang == "ru":
        title(doc, "СУДЕБНОЕ ИЗВЕЩЕНИЕ")
        body(doc, "{{ court.name }} извещает Вас о том, что гражданское дело № {{ case_no }} по "
                  "{{ terms.filing_dat }} {{ filer.genitive }} на {{ acts.phrase }} будет рассмотрено в судебном "
                  "заседании.")
        tag(doc, "{%p if addressee.role_label %}")
        body(doc, "Ваше процессуальное положение: {{ addressee.role_label }}.")
        tag(doc, "{%p endif %}")
        body(doc, ["Дата и время судебного заседания: ", ("{{ hearing_date }}, {{ hearing_time.words }}",
                                                          {"bold": True}), "."])
        tag(doc, "{%p if online %}")
        body(doc, "Судебное заседание проводится в режиме видеоконференцсвязи{% if video_platform %} "
                  "({{ video_platform }}){% endif %}. Ссылка для подключения: {{ video_link }}{% if video_id %}; "
                  "идентификатор конференции: {{ video_id }}{% endif %}{% if video_password %}; код доступа: "
                  "{{ video_password }}{% endif %}.")
        body(doc, "Просим подключиться не позднее чем за 10 минут до начала заседания и иметь при себе документ, "
                  "удостоверяющий личность.")
        tag(doc, "{%p else %}")
        body(doc, "Место проведения: {{ hearing_address or court.address }}{% if hall %}, зал судебных "
                  "заседаний № {{ hall }}{% endif %}.")
        body(doc, "При себе необходимо иметь документ, удостоверяющий личность, а представителю — также документ, "
                  "подтверждающий полномочия.")
        tag(doc, "{%p endif %}")
    else:
        title(doc, "СОТТЫҢ ХАБАРЛАМАСЫ")
        body(doc, "{{ court.name }} № {{ case_no }} азаматтық іс {{ acts.phrase_dat }} берілген "
                  "{{ terms.filing_nom }} бойынша ({{ terms.filer }} — {{ filer.name }}) сот отырысында "
                  "қаралатынын Сізге хабарлайды.")
        tag(doc, "{%p if addressee.role_label %}")
        body(doc, "Іс бойынша мәртебеңіз: {{ addressee.role_label }}.")
        tag(doc, "{%p endif %}")
        body(doc, ["Сот отырысының күні мен уақыты: ", ("{{ hearing_date.nom }}, {{ hearing_time.words }}",
                                                        {"bold": True}), "."])
        tag(doc, "{%p if online %}")
        body(doc, "Сот отырысы бейнеконференцбайланыс режимінде өтеді{% if video_platform %} "
                  "({{ video_platform }}){% endif %}. Қосылу сілтемесі: {{ video_link }}{% if video_id %}; "
                  "конференция идентификаторы: {{ video_id }}{% endif %}{% if video_password %}; кіру коды: "
                  "{{ video_password }}{% endif %}.")
        body(doc, "Отырыс басталардан кемінде 10 минут бұрын қосылып, жеке басыңызды куәландыратын құжатты "
                  "дайын ұстауыңызды сұраймыз.")
        tag(doc, "{%p else %}")
        body(doc, "Өтетін орны: {{ hearing_address or court.address }}{% if hall %}, № {{ hall }} сот "
                  "отырыстары залы{% endif %}.")
        body(doc, "Өзіңізбен бірге жеке басыңызды куәландыратын құжатты, ал өкілге өкілеттігін растайтын "
                  "құжатты да алып келуіңізді сұраймыз.")
        tag(doc, "{%p endif %}")
    signature(doc, "Судья")
    executor(doc, lang)


def ruling_cover_letter(doc, lang: str) -> None:
    letterhead(doc)
    outgoing_line(doc)
    addressee_block(doc, ["{%p for a in addressees %}", ("{{ a.dative }}", {"bold": True}),
                          "{%p if a.address %}", "{{ a.address }}", "{%p endif %}", "{%p endfor %}"])
    if lang == "ru":
        title(doc, "О направлении копии судебного акта")
        body(doc, "Направляем копию {{ ruling_kind.gen }} {{ court.name_gen }} от {{ ruling_date }} по "
                  "гражданскому делу № {{ case_no }} для сведения.")
        blank(doc)
        para(doc, "Приложение: копия {{ ruling_kind.gen }} на {{ ruling_pages }} л.", align=LEFT)
    else:
        title(doc, "Сот актісінің көшірмесін жіберу туралы")
        body(doc, "{{ court.name_gen }} № {{ case_no }} азаматтық іс бойынша {{ ruling_date.attr }} "
                  "{{ ruling_kind.poss_gen }} көшірмесі мәлімет үшін жіберіледі.")
        blank(doc)
        para(doc, "Қосымша: {{ ruling_kind.gen }} көшірмесі, {{ ruling_pages }} парақ.", align=LEFT)
    signature(doc, "Судья")
    executor(doc, lang)


def case_return_letter(doc, lang: str) -> None:
    letterhead(doc)
    outgoing_line(doc)
    if lang == "ru":
        addressee_block(doc, ["{{ lower_court }}"])
        title(doc, "О возвращении гражданского дела")
        body(doc, "Возвращаем гражданское дело № {{ case_no }} в {{ volumes }} "
                  "{{ volumes|plural('томе', 'томах', 'томах') }}, поступившее для рассмотрения в кассационном "
                  "порядке.")
        body(doc, "По результатам кассационного рассмотрения {{ ruling_date }} вынесено {{ ruling_kind.nom }}"
                  "{% if outcome %}: судебные акты {{ outcome.label }}{% endif %}.")
        blank(doc)
        para(doc, "Приложение: гражданское дело № {{ case_no }} в {{ volumes }} т.{% if ruling_pages %}; копия "
                  "{{ ruling_kind.gen }} на {{ ruling_pages }} л.{% endif %}", align=LEFT)
    else:
        addressee_block(doc, ["{{ lower_court.dative }}"])
        title(doc, "Азаматтық істі қайтару туралы")
        body(doc, "Кассациялық тәртіппен қарау үшін түскен {{ volumes }} томнан тұратын № {{ case_no }} "
                  "азаматтық іс қайтарылады.")
        body(doc, "Кассациялық қарау нәтижесі бойынша {{ ruling_date.loc }} {{ ruling_kind.nom }} шығарылды"
                  "{% if outcome %} ({{ outcome.label }}){% endif %}.")
        blank(doc)
        para(doc, "Қосымша: № {{ case_no }} азаматтық іс, {{ volumes }} том{% if ruling_pages %}; "
                  "{{ ruling_kind.gen }} көшірмесі, {{ ruling_pages }} парақ{% endif %}.", align=LEFT)
    signature(doc, "Судья")
    executor(doc, lang)


def judge_memo(doc, lang: str) -> None:
    ru = lang == "ru"
    if ru:
        addressee_block(doc, [("Судье {{ court.name_gen }}", {"bold": False}), ("{{ judge.dative }}", {"bold": True})])
        title(doc, "СПРАВКА", "по {{ terms.filing_dat }} (вх. № {{ reg_no }} от {{ filed_on }})")
    else:
        addressee_block(doc, [("{{ court.name_gen }} судьясы", {"bold": False}),
                              ("{{ judge.dative }}", {"bold": True})])
        title(doc, "АНЫҚТАМА", "{{ filed_on.attr }} кіріс № {{ reg_no }} {{ terms.filing_nom }} бойынша")
    rows = [
        ("Заявитель" if ru else "Шағым беруші", "{{ filer.name }}"),
        ("Стороны" if ru else "Тараптар", PARTIES),
        ("Номер дела" if ru else "Іс нөмірі", "{{ case_no or '—' }}"),
        ("Категория" if ru else "Санаты", "{% if category %}{{ category.label }}{% else %}—{% endif %}"),
        ("Предмет спора" if ru else "Дау мәні", "{{ claim or '—' }}"),
        ("Цена иска" if ru else "Талап қою сомасы", "{% if claim_amount %}{{ claim_amount }}{% else %}—{% endif %}"),
        ("Обжалуемые акты" if ru else "Шағымданған актілер", "{{ acts.phrase }}"),
        ("Вступление в силу" if ru else "Заңды күшіне енген күні",
         "{% if entry_into_force %}{{ entry_into_force" + ("" if ru else ".nom") + " }}{% else %}—{% endif %}"),
        ("Последний день срока" if ru else "Шағымданудың соңғы күні",
         "{% if deadline %}{{ deadline" + ("" if ru else ".nom") + " }}{% else %}—{% endif %}"),
        ("Режим" if ru else "Тәртіп",
         "{% if regime.code == 'pre' %}ходатайство в Верховный Суд (до 01.07.2025){% else %}кассационная жалоба "
         "(с 01.07.2025){% endif %}" if ru else
         "{% if regime.code == 'pre' %}Жоғарғы Сотқа өтінішхат (01.07.2025 дейін){% else %}кассациялық шағым "
         "(01.07.2025 бастап){% endif %}"),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, [55, 110])
    for row, (label, value) in zip(table.rows, rows, strict=True):
        first_paragraph(row.cells[0], label, bold=True, size=11)
        first_paragraph(row.cells[1], value, size=11)
    heading(doc, "Проверки" if ru else "Тексерулер")
    data_table(doc, ["№", "Проверка" if ru else "Тексеру", "Результат" if ru else "Нәтижесі",
                     "Основание" if ru else "Негізі"],
               ["{{ loop.index }}", "{{ c.title }}{% if c.detail %} ({{ c.detail }}){% endif %}",
                "{{ c.status_label }}", "{{ c.basis }}"], [10, 75, 30, 50], "for c in checks", centred=(0, 2),
               size=11)
    tag(doc, "{%p if arguments %}")
    heading(doc, "Доводы жалобы" if ru else "Шағымның уәждері")
    body(doc, "{{ arguments }}")
    tag(doc, "{%p endif %}")
    heading(doc, "Предлагаемое действие" if ru else "Ұсынылатын әрекет")
    body(doc, "{{ proposed_action.label|ucfirst }}{% if proposed_ground %}: {{ proposed_ground.text }} "
              "({{ proposed_ground.basis }}){% endif %}.")
    heading(doc, "Сходные дела" if ru else "Ұқсас істер")
    tag(doc, "{%p if similar_cases %}")
    tag(doc, "{%p for s in similar_cases %}")
    body(doc, "{{ loop.index }}. № {{ s.reg_no }}{% if s.decided_on %}, " + ("{{ s.decided_on }}" if ru else
              "{{ s.decided_on.nom }}") + "{% endif %}{% if s.outcome %} — {{ s.outcome.label }}{% endif %}"
              "{% if s.note %}: {{ s.note }}{% endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    body(doc, "Сходных дел не найдено." if ru else "Ұқсас істер табылған жоқ.")
    tag(doc, "{%p endif %}")
    signature(doc, "Консультант" if ru else "Кеңесші", "{{ consultant.initials_first }}", date="{{ memo_date.short }}")


def press_release(doc, lang: str) -> None:
    ru = lang == "ru"
    letterhead(doc)
    para(doc, "{{ published_on.short }}", align=RIGHT, after=6)
    title(doc, "ПРЕСС-РЕЛИЗ" if ru else "БАСПАСӨЗ РЕЛИЗІ",
          "о рассмотрении гражданских дел" if ru else "азаматтық істерді қарау туралы")
    if ru:
        body(doc, "{{ period|ucfirst }} {{ court.name }} рассмотрел {{ total }} "
                  "{{ total|plural('гражданское дело', 'гражданских дела', 'гражданских дел') }}.")
    else:
        body(doc, "{{ period|ucfirst }} {{ court.name }} {{ total }} азаматтық істі қарады.")
    tag(doc, "{%p if by_outcome %}")
    heading(doc, "Результаты рассмотрения" if ru else "Қарау нәтижелері")
    data_table(doc, ["Результат" if ru else "Нәтиже", "Количество" if ru else "Саны"],
               ["{{ o.label|ucfirst }}", "{{ o.count }}"], [125, 40], "for o in by_outcome")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if cases %}")
    heading(doc, "Рассмотренные дела" if ru else "Қаралған істер")
    tag(doc, "{%p for c in cases %}")
    spaced(doc, [("Дело № {{ c.reg_no }}" if ru else "№ {{ c.reg_no }} іс", {"bold": True}),
               " ({{ c.category }}{% if c.region %}, {{ c.region }}{% endif %}). {{ c.summary }} ",
               ("Результат: " if ru else "Нәтижесі: ", {"italic": True}), ("{{ c.outcome }}.", {"italic": True})])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    blank(doc)
    para(doc, "Персональные данные участников дел обезличены." if ru else
         "Іске қатысушылардың дербес деректері иесіздендірілген.", align=JUSTIFY, italic=True, size=12)
    tag(doc, "{%p if press_contact or court.phone or court.email %}")
    para(doc, ("Пресс-служба: " if ru else "Баспасөз қызметі: ") +
         "{% if press_contact %}{{ press_contact }}{% else %}{% if court.phone %}тел. {{ court.phone }}{% endif %}"
         "{% if court.phone and court.email %}, {% endif %}{% if court.email %}e-mail: {{ court.email }}{% endif %}"
         "{% endif %}", align=LEFT, size=12)
    tag(doc, "{%p endif %}")


def _chart(doc, name: str) -> None:
    para(doc, "{{ " + name + " }}", align=CENTER, before=6, after=6)


def practice_review(doc, lang: str) -> None:
    ru = lang == "ru"
    para(doc, "{{ court.name|upper }}", align=CENTER, bold=True, size=12, after=12)
    if ru:
        title(doc, "ОБЗОР СУДЕБНОЙ ПРАКТИКИ", "по гражданским делам за {{ period }}")
    else:
        title(doc, "СОТ ПРАКТИКАСЫНА ШОЛУ", "{{ period_attr or period }} азаматтық істер бойынша")
    tag(doc, "{%p if topic %}")
    para(doc, "{{ topic }}", align=CENTER, italic=True, after=6)
    tag(doc, "{%p endif %}")
    heading(doc, "1. Общие сведения" if ru else "1. Жалпы мәліметтер")
    if ru:
        body(doc, "За {{ period }} {{ court.name }} рассмотрел {{ total }} {{ total|plural('дело', 'дела', 'дел') }}; "
                  "обжалованные судебные акты отменены или изменены по {{ changed }} "
                  "{{ changed|plural('делу', 'делам', 'делам') }} ({{ change_rate }}).")
    else:
        body(doc, "{{ (period_loc or period)|ucfirst }} {{ court.name }} {{ total }} істі қарады; {{ changed }} іс "
                  "бойынша шағымданған сот актілерінің күші жойылды немесе өзгертілді ({{ change_rate }}).")
    heading(doc, "2. Рассмотренные дела по категориям" if ru else "2. Санаттар бойынша қаралған істер")
    data_table(doc, ["Категория" if ru else "Санат", "Рассмотрено" if ru else "Қаралды",
                     "Отменено и изменено" if ru else "Күші жойылды және өзгертілді"],
               ["{{ r.label }}", "{{ r.count }}", "{{ r.changed }}"], [95, 30, 40], "for r in by_category",
               empty="нет данных" if ru else "деректер жоқ")
    _chart(doc, "chart_categories")
    heading(doc, "3. Рассмотренные дела по регионам" if ru else "3. Өңірлер бойынша қаралған істер")
    data_table(doc, ["Регион" if ru else "Өңір", "Рассмотрено" if ru else "Қаралды",
                     "Отменено и изменено" if ru else "Күші жойылды және өзгертілді"],
               ["{{ r.label }}", "{{ r.count }}", "{{ r.changed }}"], [95, 30, 40], "for r in by_region",
               empty="нет данных" if ru else "деректер жоқ")
    _chart(doc, "chart_regions")
    heading(doc, "4. Результаты рассмотрения" if ru else "4. Қарау нәтижелері")
    data_table(doc, ["Результат" if ru else "Нәтиже", "Количество" if ru else "Саны"],
               ["{{ r.label|ucfirst }}", "{{ r.count }}"], [125, 40], "for r in by_outcome",
               empty="нет данных" if ru else "деректер жоқ")
    _chart(doc, "chart_outcomes")
    heading(doc, "5. Типичные ошибки нижестоящих судов" if ru else "5. Төменгі тұрған соттардың типтік қателері")
    tag(doc, "{%p if typical_errors %}")
    tag(doc, "{%p for e in typical_errors %}")
    body(doc, "{{ loop.index }}) {{ e }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    body(doc, "Не выявлены." if ru else "Анықталған жоқ.")
    tag(doc, "{%p endif %}")
    heading(doc, "6. Примеры отменённых и изменённых судебных актов" if ru else
            "6. Күші жойылған және өзгертілген сот актілерінің мысалдары")
    tag(doc, "{%p if reversed_examples %}")
    tag(doc, "{%p for x in reversed_examples %}")
    spaced(doc, [("Дело № {{ x.reg_no }}" if ru else "№ {{ x.reg_no }} іс", {"bold": True}),
               " ({{ x.category }}{% if x.region %}, {{ x.region }}{% endif %}). {{ x.summary }} ",
               ("Результат: {{ x.outcome }}." if ru else "Нәтижесі: {{ x.outcome }}.", {"italic": True})])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    body(doc, "За период таких дел нет." if ru else "Кезеңде мұндай істер жоқ.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if recommendations %}")
    heading(doc, "7. Рекомендации" if ru else "7. Ұсынымдар")
    tag(doc, "{%p for rec in recommendations %}")
    body(doc, "{{ loop.index }}) {{ rec }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    signed_and_dated(doc, ru, "{{ compiled_on.short }}")


def signed_and_dated(doc, ru: bool, date: str) -> None:
    """The consultant's signature with the date under it when a consultant is given, else the date alone."""
    tag(doc, "{%p if consultant %}")
    signature(doc, "Консультант" if ru else "Кеңесші", "{{ consultant.initials_first }}", date=date)
    tag(doc, "{%p else %}")
    para(doc, date, align=LEFT, size=SMALL_PT, before=6)
    tag(doc, "{%p endif %}")


def statistics_report(doc, lang: str) -> None:
    ru = lang == "ru"
    para(doc, "{{ court.name|upper }}", align=CENTER, bold=True, size=12, after=12)
    if ru:
        title(doc, "СТАТИСТИЧЕСКИЙ ОТЧЁТ", "о рассмотрении гражданских дел в кассационном порядке за {{ period }}")
    else:
        title(doc, "СТАТИСТИКАЛЫҚ ЕСЕП", "{{ period_attr or period }} азаматтық істерді кассациялық тәртіппен "
                                         "қарау туралы")
    tag(doc, "{%p if movement %}")
    heading(doc, "Движение дел" if ru else "Істердің қозғалысы")
    data_table(doc, ["Показатель" if ru else "Көрсеткіш", "Количество" if ru else "Саны"],
               ["{{ m.label }}", "{{ m.count }}"], [125, 40], "for m in movement")
    tag(doc, "{%p endif %}")
    para(doc, ["Окончено дел за период: " if ru else "Кезеңде аяқталған істер: ", ("{{ total }}", {"bold": True}),
               "."], align=JUSTIFY, indent=True, before=6)
    heading(doc, "Результаты рассмотрения" if ru else "Қарау нәтижелері")
    data_table(doc, ["Результат" if ru else "Нәтиже", "Количество" if ru else "Саны", "Доля" if ru else "Үлесі"],
               ["{{ r.label|ucfirst }}", "{{ r.count }}", "{{ r.share }}"], [105, 30, 30], "for r in by_outcome",
               empty="нет данных" if ru else "деректер жоқ")
    heading(doc, "По категориям" if ru else "Санаттар бойынша")
    data_table(doc, ["Категория" if ru else "Санат", "Окончено" if ru else "Аяқталды",
                     "Отменено и изменено" if ru else "Күші жойылды және өзгертілді", "Доля" if ru else "Үлесі"],
               ["{{ r.label }}", "{{ r.count }}", "{{ r.changed }}", "{{ r.share }}"], [80, 25, 35, 25],
               "for r in by_category", empty="нет данных" if ru else "деректер жоқ")
    heading(doc, "По регионам" if ru else "Өңірлер бойынша")
    data_table(doc, ["Регион" if ru else "Өңір", "Окончено" if ru else "Аяқталды",
                     "Отменено и изменено" if ru else "Күші жойылды және өзгертілді", "Доля" if ru else "Үлесі"],
               ["{{ r.label }}", "{{ r.count }}", "{{ r.changed }}", "{{ r.share }}"], [80, 25, 35, 25],
               "for r in by_region", empty="нет данных" if ru else "деректер жоқ")
    tag(doc, "{%p if durations %}")
    heading(doc, "Сроки рассмотрения (от поступления до окончания)" if ru else
            "Қарау мерзімдері (түскен күннен бастап аяқталғанға дейін)")
    data_table(doc, ["Срок" if ru else "Мерзімі", "Количество" if ru else "Саны", "Доля" if ru else "Үлесі"],
               ["{{ r.label|ucfirst }}", "{{ r.count }}", "{{ r.share }}"], [105, 30, 30], "for r in durations",
               keep_with_next=True)
    tag(doc, "{%p endif %}")
    signed_and_dated(doc, ru, ("Отчёт составлен " if ru else "Есеп жасалған күн: ") + "{{ compiled_on.short }}")


BUILDERS = {
    "return_complaint": return_complaint,
    "case_file_request": case_file_request,
    "hearing_notice": hearing_notice,
    "ruling_cover_letter": ruling_cover_letter,
    "case_return_letter": case_return_letter,
    "judge_memo": judge_memo,
    "press_release": press_release,
    "practice_review": practice_review,
    "statistics_report": statistics_report,
}


def build(out_dir: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from assistant.documents.manifest import load_manifest

    manifest = load_manifest(ROOT / "templates")
    written = []
    for template_id, builder in BUILDERS.items():
        spec = manifest.template(template_id)
        for lang in ("kk", "ru"):
            doc = new_document(lang, spec.title_in(lang))
            builder(doc, lang)
            path = out_dir / lang / f"{template_id}.docx"
            path.parent.mkdir(parents=True, exist_ok=True)
            doc.save(path)
            written.append(path)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "templates")
    args = ap.parse_args()
    for path in build(args.out):
        print(path.relative_to(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
