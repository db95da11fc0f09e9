"""python app.py [--store DIR] [--port N] [--host 127.0.0.1] [--uploads-shared] [--auth USER:PASS]
[--auth-file PATH] [--max-upload-mb N] [--concurrency N]: the web chat over a store.

A thin Gradio front end: questions go to ``QAEngine.ask`` (with the earlier questions of the
conversation), answers are laid out by ``qa.render``; uploads go through ``ingest_paths`` into
the uploading session's own store (read with the shared library by that session only, deleted
when it ends), or with --uploads-shared into the shared store and its index. Several questions
are answered at once; a failure reaches the user as a plain message. No network: analytics off,
no share link, bound to the given host.
"""
# (no ``from __future__ import annotations``: Gradio reads the handlers' type hints, gr.Request
# among them, at run time)
import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no DNS at start-up
# Gradio's per-endpoint statistics (a pandas summary of up to 10,000 past requests) are rebuilt
# after every request by default: under load that costs more than answering
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "1000")

import argparse
import functools
import io
import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from core.config import STORE_HELP, default_store

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "data" / "samples"
EXAMPLES = ["阳泉市民政局2024年三公经费多少", "临汾市民政局2019年本年收入合计是多少", "阳泉民政局24年有几辆车",
            "阳泉民政局收入为什么比上年下降", "阳泉市民政局2024年支出结构"]
UPLOAD_TYPES = [".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".text"]
MAX_UPLOAD_MB = 50
# questions answered at once: one slow answer (an LLM call, a long search) must not hold up the
# rest, but answering is mostly Python, one core at a time, and more threads only contend for it
# (on 2 cores, 4 gave the lowest p95 under 20 clients: bench/load.py)
ANSWER_THREADS = 4

CSS = """
.qa-evidence-title{margin-top:12px;font-weight:600}
.qa-card{border:1px solid var(--border-color-primary);border-radius:8px;padding:8px 10px;margin:8px 0;cursor:pointer}
.qa-card:hover{border-color:#2563eb;box-shadow:0 0 0 1px #2563eb}
.qa-card-head{font-weight:600;margin-bottom:4px}
.qa-n{color:#2563eb}
.qa-unit-tag{font-weight:400;font-size:.85em;margin-left:10px;color:var(--body-text-color-subdued)}
.qa-where,.qa-source-meta{font-size:.85em;color:var(--body-text-color-subdued);margin-top:4px}
.qa-quote{margin:4px 0;padding:4px 10px;border-left:3px solid #94a3b8;white-space:pre-wrap}
.qa-scroll{overflow-x:auto;max-width:100%}
.qa-table{border-collapse:collapse;font-size:13px;margin:0}
.qa-table th,.qa-table td{border:1px solid var(--border-color-primary);padding:3px 6px;vertical-align:top;min-width:3.5em}
.qa-table thead th{background:var(--background-fill-secondary);font-weight:600;font-size:12px;text-align:center;min-width:4.5em}
.qa-table thead th.qa-label-head{min-width:9em}
.qa-table th.qa-label,.qa-table th.qa-label-head{position:sticky;left:0;z-index:1;background:var(--background-fill-primary)}
.qa-table thead th.qa-label-head{background:var(--background-fill-secondary)}
.qa-table tr.qa-hit-row>*{background:#fef9c3;color:#111}
.qa-table thead th.qa-hit-group{background:#fef3c7;color:#111}
.qa-table th.qa-label{text-align:left;font-weight:400;min-width:9em}
.qa-num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.qa-table .qa-hit{background:#fde68a !important;color:#111 !important;font-weight:700}
.qa-group th{text-align:left;background:var(--background-fill-secondary);font-weight:600}
mark.qa-hit{background:#fde68a;color:#111}
.qa-source-title{font-weight:700;font-size:1.05em}
.qa-section-text{white-space:pre-wrap;line-height:1.7;margin-top:6px}
.qa-note{font-size:.85em;margin-top:6px;color:var(--body-text-color-subdued)}
.qa-warning{font-size:.85em;color:#b45309}
.qa-empty{color:var(--body-text-color-subdued);padding:8px}
"""

# Scripts we own (the HTML they act on is escaped text built by qa.render): a click on an
# evidence card selects that citation in the picker, which opens it in the side panel; tables
# wider than their box scroll sideways to the cited cell, the side panel down to the cited row.
REVEAL_JS = """
const reveal = () => {
  element.querySelectorAll('.qa-scroll').forEach((box) => {
    const hit = box.querySelector('td.qa-hit');
    if (!hit || box.scrollWidth <= box.clientWidth) return;
    const cell = hit.getBoundingClientRect(), view = box.getBoundingClientRect();
    const label = box.querySelector('th.qa-label');
    const left = view.left + (label ? label.getBoundingClientRect().width : 0);
    if (cell.right > view.right) box.scrollLeft += cell.right - view.right + 24;
    else if (cell.left < left) box.scrollLeft -= left - cell.left + 24;
  });
};
"""
CARD_CLICK_JS = REVEAL_JS + """
element.addEventListener('click', (event) => {
  const card = event.target.closest('[data-cite]');
  if (!card) return;
  const inputs = document.querySelectorAll('#cite-picker input[type=radio]');
  const input = inputs[Number(card.dataset.cite)];
  if (input) input.click();
});
watch('value', () => setTimeout(reveal, 50));
"""
SCROLL_TO_HIT_JS = REVEAL_JS + """
const scrollToHit = () => {
  reveal();
  const hit = element.querySelector('.qa-hit-row, mark.qa-hit');
  if (!hit) return;
  let box = hit.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 4 && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (!box) return;
  const offset = hit.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTop += offset - box.clientHeight / 3;
};
watch('value', () => setTimeout(scrollToHit, 50));
"""


def log(message: str) -> None:
    print(message, flush=True)


def ensure_store(store_dir: Path, samples: Path = SAMPLES) -> None:
    """Build the store from the bundled samples when it does not exist yet."""
    from core.store import DB_NAME

    if (store_dir / DB_NAME).exists():
        return
    from ingest.pipeline import expand, ingest_paths

    paths = expand([str(samples)])
    log(f"首次启动：数据库 {store_dir / DB_NAME} 不存在，正在从 {samples} 的 {len(paths)} 份示例文件建立"
        f"（解析并建立检索索引，约需一两分钟）……")
    t0 = time.perf_counter()
    result = ingest_paths(paths, store_dir, progress=False, out=sys.stdout)
    if not result.written:
        raise SystemExit(f"无法建立数据库：{'; '.join(f'{p.name}: {e}' for p, e in result.failed) or '没有示例文件'}")
    build_index_safely(store_dir)
    log(f"数据库已建立：{len(result.written)} 份文件（{time.perf_counter() - t0:.1f} 秒）")


def build_index_safely(store_dir: Path, embedder=None) -> str:
    """Update the retrieval index; on any failure return the reason (lookups still work)."""
    try:
        from index.build import build_index

        build_index(store_dir, progress=False, embedder=embedder)
        return ""
    except Exception as exc:  # a missing or broken embedding model must not stop the app
        reason = f"{type(exc).__name__}: {exc}"
        log(f"警告：检索索引未能建立（{reason}）；查数功能不受影响，叙述类问题按全文检索回答。")
        return reason


class Sessions:
    """Each session's own uploads: a store in a folder of its own, read together with the shared
    library by that session only, deleted when the session ends (its tab closes) or, for an API
    client that has no tab to close, once it has been idle for ``IDLE_S``."""
    IDLE_S = 3 * 3600

    def __init__(self, root: Path):
        self.root = root
        self.lock = threading.Lock()
        self.engines: dict[str, object] = {}  # session hash -> QAEngine over shared + own
        self.folders: dict[str, Path] = {}
        self.used: dict[str, float] = {}

    def folder(self, session: str) -> Path:
        """The session's store folder (a fresh name: the hash comes from the client)."""
        with self.lock:
            if session not in self.folders:
                self.folders[session] = Path(tempfile.mkdtemp(prefix="session-", dir=self.root)) / "store"
            self.used[session] = time.monotonic()
            return self.folders[session]

    def keep(self, session: str, engine) -> None:
        """The session's engine over the shared library and its store; sessions long idle go."""
        self.sweep()
        with self.lock:
            self.engines[session] = engine

    def engine(self, session: str):
        with self.lock:
            if session in self.engines:
                self.used[session] = time.monotonic()
            return self.engines.get(session)

    def end(self, session: str) -> None:
        with self.lock:
            self.engines.pop(session, None)
            self.used.pop(session, None)
            folder = self.folders.pop(session, None)
        if folder is not None:
            shutil.rmtree(folder.parent, ignore_errors=True)

    def sweep(self) -> None:
        """End the sessions idle for longer than ``IDLE_S``."""
        now = time.monotonic()
        for session in [s for s, t in list(self.used.items()) if now - t > self.IDLE_S]:
            self.end(session)


class Service:
    """The shared engine behind the UI and each session's own uploads. An upload joins the
    uploading session's collection, or with ``uploads_shared`` the shared library (the engine
    is then recreated for everyone)."""

    def __init__(self, store_dir: Path, warm: bool = True, uploads_shared: bool = False,
                 max_upload_mb: int = MAX_UPLOAD_MB):
        from index.embedding import Embedder

        self.store_dir = store_dir
        self.uploads_shared = uploads_shared
        self.max_upload_mb = max_upload_mb
        self.lock = threading.Lock()
        self.embedder = Embedder(threads=1)  # questions answered at once each encode on a core of their own
        self.files = Path(tempfile.mkdtemp(prefix="budget-qa-"))
        self.sessions = Sessions(self.files)
        self.engine = self._load()
        if warm:  # load the embedding model while nobody waits on it
            threading.Thread(target=self._warm, daemon=True).start()

    def _load(self):
        from qa.engine import QAEngine

        return QAEngine(self.store_dir, embedder=self.embedder)

    def _warm(self) -> None:
        time.sleep(3)
        try:
            self.engine.lib.retrievers()
        except Exception as exc:  # noqa: BLE001 - the engine falls back without an index
            log(f"检索模型预热失败：{exc}")

    def engine_for(self, session: str):
        """The session's engine: over the shared library and its own uploads, if it has any."""
        return self.sessions.engine(session) or self.engine

    def add(self, path: Path, progress, session: str) -> tuple[bool, str]:
        if path.stat().st_size > self.max_upload_mb * 2 ** 20:
            return False, f"文件超过 {self.max_upload_mb} MB 的上限"
        from ingest.pipeline import ingest_paths

        with self.lock:  # one file parsed at a time
            progress(0.1, desc="解析文件")
            out = io.StringIO()
            store = self.store_dir if self.uploads_shared else self.sessions.folder(session)
            result = ingest_paths([path], store, progress=False, out=out)
            if result.failed:
                return False, result.failed[0][1]
            if self.uploads_shared:
                problem = self._reload_shared(progress)
            else:  # no index of its own: a question about a few documents reads all their sentences
                problem = ""
                self.sessions.keep(session, self.engine.with_own(store))
        doc = result.written[0]
        message = (f"已加入{'共享文件库' if self.uploads_shared else '你的文件（只有你能看到，关闭页面后删除）'}："
                   f"{doc.source}（{doc.department} {doc.year}年{doc.scope}{doc.kind}，{len(doc.tables)}张表，"
                   f"{len(doc.facts())}个数据）")
        if doc.doc_id in result.replaced:
            message += "；该文件已在库中，已用新解析结果替换"
        if problem:
            message += f"。检索索引未更新（{problem}），查数仍可用"
        return True, message

    def _reload_shared(self, progress) -> str:
        """Index the shared store again and recreate the engine everyone asks; the index's
        problem, if any."""
        progress(0.4, desc="更新检索索引")
        problem = build_index_safely(self.store_dir, self.embedder)
        progress(0.9, desc="重新加载")
        self.engine = self._load()
        return problem

    def csv_file(self, text: str) -> str:
        folder = Path(tempfile.mkdtemp(dir=self.files))
        path = folder / "cited_rows.csv"
        path.write_text(text, encoding="utf-8-sig")
        return str(path)


def guarded(fn):
    """A handler whose failure reaches the user as a plain message, its traceback only the log
    (``gr.Error`` messages, meant for users, pass as they are)."""
    import gradio as gr

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception:  # noqa: BLE001 - whatever broke, the user gets a sentence, not its text
            log(traceback.format_exc())
            raise gr.Error("服务器内部错误（已记入日志），请换个问法或稍后再试。") from None
    return run


def build_ui(service: Service):
    import gradio as gr

    from qa import render

    @guarded
    def respond(message, chat, asked, answer_state, dept, year, request: gr.Request):
        message = (message or "").strip()
        if not message:
            return (gr.skip(),) * 10
        engine = service.engine_for(request.session_hash)
        question = render.scoped_question(message, dept, year, engine.lib.resolver, engine.lib.latest_year)
        answer = engine.ask(question, list(asked or []))
        chat = list(chat or []) + [{"role": "user", "content": render.md(question)},
                                   {"role": "assistant", "content": render.chat_markdown(answer)}]
        labels = [(render.citation_label(i, c), str(i - 1)) for i, c in enumerate(answer.citations, start=1)]
        first = answer.citations[0] if answer.citations else None
        rows = render.csv_rows(answer, engine.docs)
        download = (gr.update(value=service.csv_file(render.csv_text(answer, engine.docs)), visible=True)
                    if rows else gr.update(value=None, visible=False))
        return ("", chat, list(asked or []) + [question], answer, render.evidence_block_html(answer, engine.docs),
                gr.update(choices=labels, value=labels[0][1] if labels else None, visible=bool(labels)),
                render.source_html(first, engine.docs), download, items_update(answer), chart_update(answer, engine.docs))

    def items_update(answer):
        rows = render.items_rows(answer)
        return gr.update(value=rows or None, visible=bool(rows))

    def chart_update(answer, docs):
        """Gradio's own bar plot of a breakdown, a ranking or a list, else of a structure."""
        import pandas as pd

        title, unit, bars = render.chart_bars(answer, docs)
        if not bars:
            return gr.update(value=None, visible=False)
        value = f"数值（{unit}）" if unit else "数值"
        frame = pd.DataFrame({"项目": [b[0] for b in bars], value: [b[1] for b in bars]})
        return gr.update(value=frame, x="项目", y=value, title=title, visible=True)

    @guarded
    def open_item(answer, evt: gr.SelectData, request: gr.Request):
        """A row of the list opens its cited table in the side panel."""
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        if answer is None or not isinstance(row, int) or not 0 <= row < len(answer.items):
            return gr.skip()
        return render.source_html(answer.items[row].citation, service.engine_for(request.session_hash).docs)

    @guarded
    def open_citation(choice, answer, request: gr.Request):
        if answer is None or choice in (None, ""):
            return gr.skip()
        i = int(choice)
        c = answer.citations[i] if 0 <= i < len(answer.citations) else None
        return render.source_html(c, service.engine_for(request.session_hash).docs)

    def clear():
        return ([], [], None, render.evidence_block_html(None, {}), gr.update(choices=[], value=None, visible=False),
                render.source_html(None, {}), gr.update(value=None, visible=False),
                gr.update(value=None, visible=False), gr.update(value=None, visible=False))

    @guarded
    def upload(path, request: gr.Request, progress=gr.Progress()):
        if not path:
            return "请先选择文件。", gr.skip(), gr.skip(), gr.skip()
        ok, message = service.add(Path(path), progress, request.session_hash)
        text = f"✓ {message}" if ok else f"✗ 无法加入 {Path(path).name}：{message}"
        engine = service.engine_for(request.session_hash)
        depts, years = render.filter_choices(engine.infos)
        return (render.md(text), render.documents_html(engine.infos, engine.lib.own_ids),
                gr.update(choices=depts), gr.update(choices=years))

    @guarded
    def api_ask(question: str, history: list[str] | None = None, request: gr.Request = None) -> dict:
        """The answer as JSON (for scripts and the benchmark), over the caller's session's documents."""
        history = [] if history is None else history
        if not isinstance(question, str) or not isinstance(history, list) or \
                not all(isinstance(h, str) for h in history):
            raise gr.Error("参数有误：question 应为字符串，history 应为字符串列表（之前的问题）。")
        return service.engine_for(request.session_hash).ask(question, history).to_json()

    def end_session(request: gr.Request):
        service.sessions.end(request.session_hash)

    depts, years = render.filter_choices(service.engine.infos)
    with gr.Blocks(title="预算决算公开问答") as demo:
        gr.Markdown("## 部门预算/决算公开问答\n答案中的每个数字都来自库中文件的表格或原文，并附出处；"
                    "点击出处或逐项表格的一行，可在右侧查看整张原表。")
        asked = gr.State([])
        answer_state = gr.State(None)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                with gr.Row():
                    dept = gr.Dropdown(depts, value=render.ALL, label="部门筛选", elem_id="dept-filter", scale=2)
                    year = gr.Dropdown(years, value=render.ALL, label="年度筛选", elem_id="year-filter", scale=1)
                chat = gr.Chatbot(label="对话", elem_id="chat", height=320, latex_delimiters=[],
                                  feedback_options=None, buttons=["copy"])
                with gr.Row():
                    box = gr.Textbox(placeholder="例如：阳泉市民政局2024年三公经费多少", show_label=False,
                                     elem_id="question", scale=5, autofocus=True)
                    send = gr.Button("提问", variant="primary", elem_id="ask", scale=1, min_width=80)
                    reset = gr.Button("清空对话", elem_id="clear", scale=1, min_width=80)
                with gr.Row(elem_id="examples"):
                    example_buttons = [gr.Button(q, size="sm", elem_classes=["example"]) for q in EXAMPLES]
                items = gr.Dataframe(headers=render.ITEMS_HEADERS, label="逐项（点击一行，在右侧查看原表）",
                                     elem_id="items", interactive=False, visible=False, wrap=True)
                chart = gr.BarPlot(label="图表", elem_id="chart", visible=False, sort="-y")
                answer_view = gr.HTML(render.evidence_block_html(None, {}), elem_id="answer", js_on_load=CARD_CLICK_JS)
                with gr.Row():
                    picker = gr.Radio([], label="出处（选择后在右侧显示原表/原文）", elem_id="cite-picker",
                                      visible=False, scale=4)
                    download = gr.DownloadButton("下载引用行 CSV", elem_id="download-csv", visible=False, scale=1)
            with gr.Column(scale=2, min_width=360):
                gr.Markdown("### 原表 / 原文")
                source = gr.HTML(render.source_html(None, {}), elem_id="source-panel", js_on_load=SCROLL_TO_HIT_JS,
                                 max_height=720)
                with gr.Accordion("文件库", open=True, elem_id="library"):
                    docs_view = gr.HTML(render.documents_html(service.engine.infos), elem_id="documents")
                    file = gr.File(label=f"添加公开文件（PDF 或文本导出，不超过 {service.max_upload_mb} MB）",
                                   file_types=UPLOAD_TYPES, type="filepath", elem_id="upload")
                    gr.Markdown("上传的文件加入共享文件库，所有用户都能查到。" if service.uploads_shared else
                                "上传的文件只在你的会话中可查，别人看不到；关闭页面后删除。", elem_id="upload-note")
                    add = gr.Button("加入文件库", elem_id="add-file")
                    status = gr.Markdown(elem_id="upload-status")

        outputs = [box, chat, asked, answer_state, answer_view, picker, source, download, items, chart]
        inputs = [box, chat, asked, answer_state, dept, year]
        box.submit(respond, inputs, outputs, api_name="respond")
        send.click(respond, inputs, outputs, api_visibility="private")
        for button, q in zip(example_buttons, EXAMPLES):
            button.click(lambda q=q: q, None, box, api_visibility="private").then(
                respond, inputs, outputs, api_visibility="private")
        reset.click(clear, None, [chat, asked, answer_state, answer_view, picker, source, download, items, chart],
                    api_visibility="private")
        items.select(open_item, [answer_state], source, api_visibility="private")
        picker.input(open_citation, [picker, answer_state], source, api_visibility="private")
        add.click(upload, file, [status, docs_view, dept, year], api_name="upload", concurrency_limit=1)
        gr.api(api_ask, api_name="ask")
        demo.unload(end_session)
    return demo


def read_logins(pairs: list[str], files: list[str]) -> list[tuple[str, str]]:
    """``user:pass`` pairs, given on the command line or one a line in files (# comments)."""
    lines = list(pairs)
    for name in files:
        lines += [ln.strip() for ln in Path(name).read_text(encoding="utf-8").splitlines()
                  if ln.strip() and not ln.lstrip().startswith("#")]
    logins = [tuple(line.split(":", 1)) for line in lines]
    bad = [line for line, pair in zip(lines, logins) if len(pair) != 2 or not all(pair)]
    if bad:
        raise ValueError(f"登录信息应为 用户名:密码，无法读取 {len(bad)} 项")
    return logins


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python app.py", description="部门预算/决算公开问答（网页）")
    parser.add_argument("--store", default=default_store(), help=STORE_HELP + "；不存在时用示例文件建立")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--no-warmup", action="store_true", help="不在启动后预先加载检索模型")
    parser.add_argument("--uploads-shared", action="store_true",
                        help="上传的文件加入共享文件库（所有用户可见）；默认只加入上传者本次会话")
    parser.add_argument("--max-upload-mb", type=int, default=MAX_UPLOAD_MB, help=f"上传文件大小上限（默认 {MAX_UPLOAD_MB}）")
    parser.add_argument("--auth", action="append", default=[], metavar="USER:PASS", help="要求登录（可重复）")
    parser.add_argument("--auth-file", action="append", default=[], metavar="PATH",
                        help="要求登录：文件中每行一个 用户名:密码")
    parser.add_argument("--concurrency", type=int, default=ANSWER_THREADS, help=f"同时回答的问题数（默认 {ANSWER_THREADS}）")
    args = parser.parse_args(argv)
    try:
        logins = read_logins(args.auth, args.auth_file)
    except (OSError, ValueError) as exc:
        parser.error(str(exc))

    t0 = time.perf_counter()
    store_dir = Path(args.store)
    ensure_store(store_dir)
    from core.store import StoreError

    try:
        service = Service(store_dir, warm=not args.no_warmup, uploads_shared=args.uploads_shared,
                          max_upload_mb=args.max_upload_mb)
    except StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    demo = build_ui(service)
    log(f"库中 {len(service.engine.infos)} 份文件；界面就绪（{time.perf_counter() - t0:.1f} 秒），"
        f"打开 http://{args.host}:{args.port}" + ("（需登录）" if logins else ""))
    try:
        demo.queue(default_concurrency_limit=args.concurrency).launch(
            server_name=args.host, server_port=args.port, share=False, css=CSS, show_error=False, footer_links=[],
            quiet=False, auth=logins or None, max_file_size=f"{args.max_upload_mb}mb")
    finally:
        shutil.rmtree(service.files, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
