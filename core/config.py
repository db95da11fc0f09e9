"""Settings every command shares, read in one place so `python -m …`, `budgetqa` and app.py agree."""
from __future__ import annotations

import os
from datetime import date

STORE_ENV = "BUDGETQA_STORE"


def default_store() -> str:
    """The store a command uses when not told: $BUDGETQA_STORE, else ./store."""
    return os.environ.get(STORE_ENV) or "store"


STORE_HELP = f"数据库目录（默认取环境变量 {STORE_ENV}，否则 ./store）"


TODAY_ENV = "BUDGETQA_TODAY"


def current_year() -> int:
    """The year "今年" means: that of $BUDGETQA_TODAY (an ISO date, so that an evaluation written on a
    day reads its questions as of that day), else of today's date."""
    said = os.environ.get(TODAY_ENV, "")
    try:
        return date.fromisoformat(said).year if said else date.today().year
    except ValueError:
        return date.today().year
