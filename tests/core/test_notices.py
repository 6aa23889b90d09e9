"""The notices' closed set of message ids, and reading the English text of schema-1 logs."""

from __future__ import annotations

import pytest

from helpdesk_tui.core import notices
from helpdesk_tui.core.phrase import Phrase

VALUES = {"ticket": "T-1004", "name": "Anne-Sophie Martin", "title": "VPN: down", "group": "Réseau"}


@pytest.mark.parametrize("template", notices.TEMPLATES)
def test_an_old_english_text_is_read_back_as_its_template_and_values(template: str) -> None:
    values = {k: v for k, v in VALUES.items() if k in notices.placeholders(template)}
    english = template.format(**values)
    phrase = notices.notice_phrase({"text": english})
    assert isinstance(phrase, Phrase)
    assert (phrase.template, phrase.values) == (template, values)


def test_a_text_no_template_made_stays_as_it_was() -> None:
    phrase = notices.notice_phrase({"text": "New e-mail without a sender"})
    assert not isinstance(phrase, Phrase)
    assert phrase == "New e-mail without a sender"


def test_a_logged_message_is_its_phrase() -> None:
    data = {"msgid": notices.NEW_CHAT, "values": {"name": "Tom"}}
    phrase = notices.notice_phrase(data)
    assert phrase == "New chat from Tom"
    assert phrase.say(lambda s: {"New chat from {name}": "Nouveau chat de {name}"}[s]) == (
        "Nouveau chat de Tom"
    )
