"""Settings every command shares, read in one place so `python -m …`, `budgetqa` and app.py agree."""
from __future__ import annotations

import os

STORE_ENV = "BUDGETQA_STORE"


def default_store() -> str:
    """The store a command uses when not told: $BUDGETQA_STORE, else ./store."""
    return os.environ.get(STORE_ENV) or "store"


STORE_HELP = f"数据库目录（默认取环境变量 {STORE_ENV}，否则 ./store）"
