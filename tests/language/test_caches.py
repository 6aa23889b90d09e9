"""A pattern looked for in a text is answered once, and always as `find` answers it."""

from __future__ import annotations

import pytest

from helpdesk_tui.customers import dialogue
from helpdesk_tui.language import analyse, find, find_in

CASES = [
    ("kabel", "Is de beeldkabel goed aangesloten?", "nl"),
    ("redémarrer", "Ne pas redémarrer le PC !", "fr"),
    ("restart", "Please do not restart it.", "en"),
    ("restart", "Could you restart the laptop?", "en"),
    ("printer", "Hello Tom, how can I help?", "en"),
]


@pytest.mark.parametrize(("pattern", "text", "lang"), CASES)
def test_find_in_is_find_of_the_analysis(pattern: str, text: str, lang: str) -> None:
    assert find_in(pattern, text, lang) == find(pattern, analyse(text, lang))


def test_a_second_question_is_answered_from_the_cache() -> None:
    find_in.cache_clear()
    first = find_in("restart", "Could you restart the laptop?", "en")
    again = find_in("restart", "Could you restart the laptop?", "en")
    assert first is again and first is not None
    assert find_in.cache_info().hits == 1
    assert dialogue.heard("restart", "Please do not restart it.", "en") is False  # negated
    assert dialogue.mentioned("restart", "Please do not restart it.", "en") is True
    assert dialogue.words("Dag Tom, de beeldkabel!") == ("dag", "tom", "de", "beeldkabel")
