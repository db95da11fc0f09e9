"""The web app in a real browser: python app.py over a temporary store built from the samples,
driven by Playwright (PyPI) through Debian's chromium.

Skipped when /usr/bin/chromium or playwright is missing. The app serves a copy of the session
sample store (conftest), or of APP_TEST_STORE when set (it must hold exactly the two samples).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.app import AppNotReady, free_port, wait_ready

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ANSWER_TIMEOUT_MS = 90_000
UPLOAD_TIMEOUT_MS = 300_000
# entity-encoded in the export: the reader unescapes it into a literal "<script>" row label
PAYLOAD = "&lt;script&gt;window.&#95;&#95;pwned=1&lt;/script&gt;"

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed "
                       "(apt-get install -y chromium fonts-noto-cjk)"),
    pytest.mark.timeout(900),
]


def mini_disclosure(department: str, payload: bool = False) -> str:
    """A small valid text export cut from the 阳泉 sample (cover, 公开09/10表, the 三公 说明),
    renamed to another department; indexing it embeds only a few chunks."""
    src = (SAMPLES / "yangquan-minzheng-2024-juesuan.txt").read_text(encoding="utf-8").splitlines()
    start = src.index("财政拨款“三公”经费支出决算表", 100)  # the table, not the contents page
    end = next(i for i in range(start, len(src)) if src[i].startswith("注：本表反映部门本年度政府采购"))
    expl = src.index("九、财政拨款“三公”经费支出决算情况说明", end)
    lines = src[:6] + src[start:end + 1] + ["", "第三部分 情况说明", ""] + src[expl:expl + 5]
    text = "\n".join(lines).replace("阳泉市民政局", department) + "\n"
    if payload:
        text = text.replace("(一) 车辆数合计(辆)\t", f"(一) 车辆数合计(辆){PAYLOAD}\t", 1)
    return text


@pytest.fixture(scope="session")
def app_store(sample_store, tmp_path_factory) -> Path:
    """A private copy of the session's sample store (uploads in these tests change it)."""
    store = tmp_path_factory.mktemp("app") / "store"
    shutil.copytree(os.environ.get("APP_TEST_STORE") or sample_store, store)
    return store


@pytest.fixture(scope="session")
def app_url(app_store, tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("applog") / "app.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "app.py", "--store", str(app_store), "--port", str(port)],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_ready(url, proc, timeout=180)
    except AppNotReady as exc:
        proc.kill()
        pytest.fail(f"{exc}:\n{log.read_text()}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(app_url)
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def text_of(page, selector: str) -> str:
    page.wait_for_selector(selector, state="attached", timeout=30_000)
    return page.eval_on_selector(selector, "el => el.innerText")


def wait_text(page, selector: str, needle: str, timeout: int = ANSWER_TIMEOUT_MS) -> str:
    """Wait until the element's rendered text contains ``needle`` (innerText, not get_by_text:
    Gradio keeps hidden copies of some content)."""
    page.wait_for_function("([sel, needle]) => { const el = document.querySelector(sel);"
                           " return !!el && el.innerText.includes(needle); }", arg=[selector, needle],
                           timeout=timeout)
    return text_of(page, selector)


def ask(page, question: str, expect: str) -> str:
    """Type a question, send it, and wait for its chat turn (the answer card) to contain
    ``expect``; returns that turn's text and the evidence cards' below it."""
    turns = page.eval_on_selector_all("#chat .message", "els => els.length")
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('#chat .message').length > n", arg=turns,
                           timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_function("needle => { const all = document.querySelectorAll('#chat .message');"
                           " return all.length && all[all.length - 1].innerText.includes(needle); }",
                           arg=expect, timeout=ANSWER_TIMEOUT_MS)
    last = page.eval_on_selector_all("#chat .message", "els => els[els.length - 1].innerText")
    return last + "\n" + text_of(page, "#answer")


def upload(page, path: Path) -> str:
    page.locator("#upload input[type=file]").set_input_files(str(path))
    # the download link appears once the file is on the server
    page.wait_for_selector(f'#upload a[download="{path.name}"]', timeout=60_000)
    page.locator("#add-file").click()
    page.wait_for_function("() => /[✓✗]/.test(document.querySelector('#upload-status')?.innerText || '')",
                           timeout=UPLOAD_TIMEOUT_MS)
    return text_of(page, "#upload-status")


def test_lookup_shows_figure_and_cited_row(page):
    text = ask(page, "阳泉市民政局2024年三公经费多少", "12.02")
    assert "12.02万元" in text.replace("\n", "")
    assert "财政拨款“三公”经费支出决算表" in text and "公开09表" in text
    assert "yangquan-minzheng-2024-juesuan.txt" in text and "阳泉市民政局" in text
    # the cited cell is marked in the evidence row
    hit = page.eval_on_selector("#answer .qa-card td.qa-hit", "el => el.innerText")
    assert hit.strip() == "12.02"
    # the side panel opened the whole table with the cited row highlighted
    side = wait_text(page, "#source-panel", "财政拨款“三公”经费支出决算表")
    assert "公务接待费" in side
    assert page.eval_on_selector_all("#source-panel tr.qa-hit-row", "els => els.length") == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "answer.png"), full_page=True)
    # clicking the sentence citation opens its section text in the side panel
    page.locator("#answer .qa-card").nth(1).click()
    side = wait_text(page, "#source-panel", "情况说明")
    assert "过紧日子" in side
    assert page.eval_on_selector_all("#source-panel mark.qa-hit", "els => els.length") >= 1
    # the cited rows download as CSV
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    data = Path(info.value.path()).read_text(encoding="utf-8-sig")
    header, *lines = data.splitlines()
    assert header.startswith("document,department,year,table_code,table_title,row_code,row_label,column,value,unit")
    assert any("公开09表" in line and "决算数/合计" in line and ",12.02,万元," in line for line in lines)


def test_follow_up_uses_history(page):
    ask(page, "阳泉市民政局2024年三公经费多少", "12.02")
    text = ask(page, "临汾市民政局呢？", "28,452.82")
    assert "临汾市民政局" in text and "2019" in text
    chat = text_of(page, "#chat")
    assert "12.02" in chat and "28,452.82" in chat


def test_unknown_department_is_refused(page):
    text = ask(page, "太原市民政局2024年三公经费多少", "库中没有")
    assert "12.02" not in text


def test_filters_scope_the_question(page):
    page.locator("#dept-filter input").click()
    page.get_by_role("option", name="阳泉市民政局").click()
    text = ask(page, "三公经费多少", "12.02")
    assert "阳泉市民政局" in text
    assert "阳泉市民政局 三公经费多少" in text_of(page, "#chat")


def test_structure_question_draws_a_chart_and_lists_its_parts(page):
    text = ask(page, "阳泉市民政局2024年支出结构", "社会保障和就业支出")
    assert "社会保障和就业支出" in text
    page.wait_for_selector("#chart canvas, #chart svg", timeout=30_000)  # Gradio's own plot
    items = wait_text(page, "#items", "社会保障和就业支出", timeout=30_000)
    assert "%" in items
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "structure.png"), full_page=True)
    # a row of the list opens its cited table in the side panel
    page.locator("#items").get_by_text("其他支出", exact=True).locator("visible=true").first.click()
    page.wait_for_function("() => (document.querySelector('#source-panel tr.qa-hit-row')?.innerText || '')"
                           ".includes('其他支出')", timeout=30_000)


def test_example_buttons_ask_their_question(page):
    page.locator("#examples button", has_text="阳泉民政局24年有几辆车").click()
    text = wait_text(page, "#chat", "25")
    assert "辆" in text and "车辆数" in text


def test_documents_panel_lists_the_store(page):
    docs = wait_text(page, "#documents", "临汾市民政局", timeout=30_000)
    assert "阳泉市民政局" in docs and "临汾市民政局" in docs and "yangquan-minzheng-2024-juesuan.txt" in docs


def test_upload_makes_a_document_searchable(page, tmp_path):
    path = tmp_path / "ceshi-minzheng-2024.txt"
    path.write_text(mini_disclosure("测试市民政局"), encoding="utf-8")
    status = upload(page, path)
    assert "✓" in status and "测试市民政局" in status, status
    wait_text(page, "#documents", "测试市民政局", timeout=30_000)
    text = ask(page, "测试市民政局2024年三公经费多少", "12.02")
    assert "测试市民政局" in text and "ceshi-minzheng-2024.txt" in text


def test_upload_of_a_bad_file_shows_the_error(page, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这只是一段普通文字，不是预算公开文件。\n", encoding="utf-8")
    status = upload(page, path)
    assert "✗" in status and "notes.txt" in status, status


def test_script_in_a_document_is_shown_as_text(page, tmp_path):
    path = tmp_path / "zhuru-minzheng-2024.txt"
    path.write_text(mini_disclosure("注入市民政局", payload=True), encoding="utf-8")
    status = upload(page, path)
    assert "✓" in status, status
    text = ask(page, "注入市民政局2024年有几辆车", "25")
    assert "<script>window.__pwned=1</script>" in text  # visible as text in the evidence
    assert "<script>" in text_of(page, "#chat")
    side = wait_text(page, "#source-panel", "<script>")
    assert "window.__pwned=1" in side
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.eval_on_selector_all("#answer script, #source-panel script, #chat script", "els => els.length") == 0


def test_an_upload_changes_no_other_sessions_answers(browser, app_url, tmp_path):
    """Session A uploads a copy of the 阳泉 sample with its 三公 figure changed; A is answered
    from its own upload (and told so), B still from the shared library."""
    from conftest import changed_yangquan

    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
    try:
        a, b = (c.new_page() for c in contexts)
        for page in (a, b):
            page.goto(app_url)
            page.wait_for_selector("#question textarea")
        status = upload(a, changed_yangquan(tmp_path))
        assert "✓" in status and "只有你能看到" in status, status
        mine = ask(a, "阳泉市民政局2024年三公经费多少", "99.99")
        assert "你本次上传的文件" in mine and "a-yangquan-minzheng-2024-juesuan.txt" in mine
        assert "你上传的" in text_of(a, "#documents")
        theirs = ask(b, "阳泉市民政局2024年三公经费多少", "12.02")
        assert "99.99" not in theirs and "上传" not in theirs
        assert "a-yangquan-minzheng-2024-juesuan.txt" not in text_of(b, "#documents")
    finally:
        for c in contexts:
            c.close()
