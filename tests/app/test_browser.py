"""The app end to end in headless Chromium: `streamlit run app.py` in a subprocess, a PDF dropped into intake,
its suggested category, registration, the petition page and a drafted DOCX downloaded and opened with
python-docx. Screenshots of every page go to pytest's tmp_path and to /tmp/app_screens.

Needs Debian's Chromium at /usr/bin/chromium (never `playwright install`): skipped without it, failed with
KENESSHI_REQUIRE_SYSTEM_DEPS=1. Deselect with `-m "not browser"`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import views
from assistant.i18n import t
from tests import factories as f
from tests.app.conftest import ROOT
from tests.conftest import _need

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = Path("/tmp/app_screens")
START_TIMEOUT_S = 90
STEP_TIMEOUT_MS = 90_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, demo_db: Path) -> Iterator[str]:
    """The app on a free port, its KENESSHI_HOME holding a copy of the small demo registry."""
    _need(CHROMIUM.exists(), "Chromium (/usr/bin/chromium)")
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(demo_db, home / "kenesshi.sqlite3")
    port = _free_port()
    env = {**os.environ, "KENESSHI_HOME": str(home), "KENESSHI_DB_URL": f"sqlite:///{home / 'kenesshi.sqlite3'}",
           "KENESSHI_OCR": "off", "KENESSHI_LANG": "ru", "KENESSHI_JOBS": "1"}
    streamlit = Path(sys.executable).with_name("streamlit")
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([str(streamlit), "run", "app.py", "--server.port", str(port), "--server.headless",
                             "true"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the app did not start: {(tmp_path / 'server.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def settle(page, timeout_s: float = 90) -> None:
    """Wait until the script run that the last action started has finished (its running indicator came and
    went, or never showed because the run was quick)."""
    running = "[data-testid='stStatusWidget']"
    with contextlib.suppress(Exception):  # no indicator: the run was over before it would show
        page.wait_for_selector(running, state="attached", timeout=400)
    page.wait_for_selector(running, state="detached", timeout=timeout_s * 1000)
    page.wait_for_timeout(150)


def shoot(page, name: str, out: Path) -> None:
    """A screenshot of the whole page (the app scrolls inside its main block, so the viewport grows to fit)."""
    measure = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
    height, previous = page.evaluate(measure), -1
    for _ in range(20):  # charts and tables finish drawing after the run: wait until the page stops growing
        page.set_viewport_size({"width": 1400, "height": min(max(int(height), 900), 8000)})
        page.wait_for_timeout(300)
        height, previous = page.evaluate(measure), height
        if height == previous:
            break
    path = out / f"{name}.png"
    page.screenshot(path=str(path))
    SCREENS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, SCREENS / path.name)
    page.set_viewport_size({"width": 1400, "height": 900})


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def fill(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter" if box.evaluate("e => e.tagName") == "INPUT" else "Tab")
    settle(page)


def test_upload_register_open_and_draft(server: str, tmp_path: Path):
    playwright = pytest.importorskip("playwright.sync_api")
    expect = playwright.expect
    import docx

    shots = tmp_path / "screens"
    shots.mkdir()
    pdf = f.write_text_pdf(tmp_path / "жалоба.pdf", f.RU_PAGES)
    lang = "ru"
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        page.set_default_timeout(STEP_TIMEOUT_MS)
        page.goto(server + "/")
        page.get_by_role("heading", name=t("ui.intake_title", lang)).wait_for()

        # Intake: drop the PDF, see the suggestion, register.
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(pdf))
        page.get_by_text(t("app.intake.choose_category", lang)).wait_for()
        settle(page)
        expect(page.get_by_text(t("ui.category", lang)).first).to_be_visible()
        expect(page.locator(".kn-facts").get_by_text("Займ, банковский заём, кредит")).to_have_count(1)
        page.get_by_role("button", name=t("app.intake.register", lang)).click()
        done = page.get_by_text(re.compile(t("app.intake.registered", lang, reg_no="") + r"\S+"))
        done.wait_for()
        settle(page)
        reg_no = done.inner_text().split("№ ")[1].strip()
        expect(page.locator(".kn-facts").get_by_text(reg_no)).to_have_count(1)
        shoot(page, "1_intake", shots)

        # The petition page, through the link under the registration.
        page.get_by_role("link", name=t("app.intake.open_petition", lang, reg_no=reg_no)).click()
        page.get_by_role("heading", name=f"№ {reg_no}").wait_for()
        settle(page)
        expect(page.locator("mark.kn-parties").first).to_be_visible()
        shoot(page, "2_petition", shots)

        # Draft a document from a template and download it.
        layer = views.documents_layer()
        if not isinstance(layer, str):
            page.get_by_role("tab", name=t("app.petition.tab.draft", lang)).click()
            settle(page)
            template = next(c for c in views.template_choices(layer.load_manifest(), lang)
                            if c.id == "case_return_letter")
            choose(page, t("app.draft.template", lang), template.title)
            labels = {fl.name: f"{fl.label} *" if fl.required else fl.label for fl in template.fields}
            page.get_by_label(labels["volumes"], exact=True).wait_for()  # the fields of the chosen template
            # The PDF names the appellate court across a line break, so the court the file goes back to is
            # typed by the consultant (the app asks for it rather than guess).
            for name, value in (("out_no", "01-12/777"), ("volumes", "1"), ("ruling_date", "2026-03-02"),
                                ("consultant", "Сейтқали Ә."), ("lower_court", "Карагандинский областной суд")):
                fill(page, labels[name], value)
            page.get_by_role("button", name=t("app.draft.prepare", lang)).click()
            button = page.get_by_role("button", name=t("app.draft.download", lang))
            button.wait_for()
            with page.expect_download() as event:
                button.click()
            saved = tmp_path / event.value.suggested_filename
            event.value.save_as(saved)
            text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
            assert "01-12/777" in text and "3599-25-00-2а/1489" in text  # typed, and prefilled from the card
            shoot(page, "3_petition_draft", shots)

        # Every other page renders, in Kazakh as well (the switch is shared by the pages).
        for path, key, name in (("registry", "app.registry.title", "4_registry"),
                                ("press_release", "app.press.title", "5_press_release"),
                                ("analytics", "app.analytics.title", "6_analytics"),
                                ("settings", "app.settings.title", "7_settings")):
            page.get_by_role("link", name=t(f"app.nav.{'press' if path == 'press_release' else path}", lang)).click()
            page.get_by_role("heading", name=t(key, lang)).wait_for()
            settle(page)
            shoot(page, name, shots)
        page.get_by_text("Қазақша").click()
        page.get_by_role("heading", name=t("app.settings.title", "kk")).wait_for()
        page.get_by_role("link", name=t("app.nav.registry", "kk")).click()
        page.get_by_role("heading", name=t("app.registry.title", "kk")).wait_for()
        settle(page)
        shoot(page, "8_registry_kk", shots)
        page.goto(server + f"/petition?reg_no={reg_no}&lang=kk")
        page.get_by_role("heading", name=f"№ {reg_no}").wait_for()
        settle(page)
        expect(page.get_by_text(t("app.petition.tab.card", "kk")).first).to_be_visible()
        shoot(page, "9_petition_kk", shots)
        page.goto(server + "/?lang=kk")
        page.get_by_role("heading", name=t("ui.intake_title", "kk")).wait_for()
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
            str(f.write_docx(tmp_path / "шағым.docx", f.KK_PAGES)))
        page.get_by_text(t("app.intake.choose_category", "kk")).wait_for()
        settle(page)
        shoot(page, "10_intake_kk", shots)
        browser.close()
    assert len(list(shots.glob("*.png"))) >= 9
