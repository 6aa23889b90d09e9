"""What a walk through the program in nl, fr and en found wrong on its screens (bugs18).

Each expectation is what a reader of that language needs, written by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.ui.keymap import KEYS, display_keys

ALSO = {"en": {"j", "o"}, "nl": {"y", "o"}, "fr": {"y", "j"}}
"""The yes key is shown as y, j (Dutch) or o (French); its help says which others work too."""


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_yes_keys_help_names_the_other_two_keys(language: str) -> None:
    i18n.set_language(language)
    key = next(k for k in KEYS if k.id == "confirm.yes")
    shown = display_keys(key)
    aside = re.search(r"\(([^)]*)\)", i18n._(key.help))
    assert aside is not None
    named = set(re.findall(r"\b([a-z])\b", aside.group(1)))
    assert named == ALSO[language], (shown, aside.group(1))
    assert shown not in named


FOLLOWING = {"en": "following the candidate", "nl": "volgt de kandidaat", "fr": "suit le candidat"}
"""What the observer's header says while it follows the candidate: a whole phrase or nothing
("suit le" alone was seen at 120 x 40 in French: the line wrapped into a hidden second row)."""


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("size", [(100, 30), (120, 40)], ids=["100", "120"])
async def test_the_observers_header_is_one_line_cut_with_an_ellipsis(
    tmp_path, language: str, size: tuple[int, int]
) -> None:
    from helpdesk_tui.eventlog import EventLogWriter, Signer
    from helpdesk_tui.eventlog.follow import LogFollower
    from helpdesk_tui.ui.observe.app import ObserveApp

    from .review.logs import WALL_START, bound, bound_header, screen_text, simulated_events

    path = tmp_path / "live.jsonl"
    writer = EventLogWriter.create(path, bound_header(), Signer.ephemeral())
    for event in simulated_events("ideal")[:20]:
        writer.append(bound(writer, event))
    i18n.set_language(language)
    app = ObserveApp(LogFollower(path, recheck_every=0), None, poll_interval=None,
                     wall_clock=lambda: WALL_START)  # fmt: skip
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            header = screen_text(app).splitlines()[0]
    finally:
        writer.close()
    words = FOLLOWING[language].split()
    for end in range(1, len(words)):  # never a phrase cut at a word's edge without a mark
        cut = " ".join(words[:end])
        assert not re.search(re.escape(cut) + r"\s{2,}", header), header
    assert FOLLOWING[language] in header or "…" in header, header


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("reason", ["completed", "time-up", "handed-in"])
def test_the_last_line_of_a_practice_names_its_end_once(language: str, reason: str) -> None:
    """French said "La séance est terminée (terminée)" when a practice was stopped."""
    from helpdesk_tui.ui.format import end_reason_label

    i18n.set_language(language)
    line = i18n._("The session ended ({reason}); the log is sealed.").format(
        reason=end_reason_label(reason)
    )
    words = re.findall(r"\w{4,}", line.lower())
    assert len(words) == len(set(words)), line
