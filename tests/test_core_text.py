"""core.text: match keys."""
from core.text import match_key


def test_match_keys_are_computed_once_per_text():
    """The engine keys the same labels and titles for every question: a key is looked up, not
    normalised again (this halved the time per question)."""
    assert match_key("“三公”经费（合计）") == "三公经费(合计)"
    before = match_key.cache_info().hits
    match_key("“三公”经费（合计）")
    assert match_key.cache_info().hits == before + 1
