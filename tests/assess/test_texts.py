"""The text table: three languages that agree on their placeholders; time formats."""

from __future__ import annotations

import re

import pytest
from every_case import assert_every_case

from helpdesk_tui.assess.texts import LANGUAGES, T, clock, duration, placeholders, tr


def has_three_languages_with_the_same_placeholders(key: str) -> None:
    texts = T[key]
    assert len(texts) == len(LANGUAGES)
    assert all(t.strip() for t in texts), texts
    assert placeholders(texts[1]) == placeholders(texts[0]) == placeholders(texts[2]), texts


def test_every_text_has_three_languages_with_the_same_placeholders() -> None:
    """Every key checked in one test (tests/every_case.py): each failing key is listed."""
    assert_every_case(sorted(T), has_three_languages_with_the_same_placeholders)


def test_a_text_table_check_names_every_failing_key() -> None:
    """The one-test form still fails, and says which keys: two broken texts, two lines."""
    broken = {
        "a.missing": ("{n} found", "{n} gevonden", "trouvé"),
        "b.empty": ("x", " ", "x"),
        "c.fine": ("{n}", "{n}", "{n}"),
    }
    with pytest.MonkeyPatch.context() as patch:
        for key, texts in broken.items():
            patch.setitem(T, key, texts)
        with pytest.raises(AssertionError) as failed:
            assert_every_case(sorted(broken), has_three_languages_with_the_same_placeholders)
    message = str(failed.value)
    assert message.startswith("2 of 3 cases fail:")
    assert "'a.missing': " in message and "'b.empty': " in message
    assert "c.fine" not in message


def test_an_unknown_language_falls_back_to_english() -> None:
    assert tr("de", "status.favourable") == tr("en", "status.favourable") == "speaks for"
    assert tr("nl", "status.favourable") == "pleit voor"


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0s"), (45.4, "45s"), (65, "1m05s"), (3725, "1h02m"), (-90, "-1m30s")]
)
def test_durations(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_clock_times() -> None:
    assert clock(0) == "0:00:00" and clock(3725.9) == "1:02:05" and clock(-120) == "-0:02:00"


FRENCH_WRONG = re.compile(
    r"[ \u202f][:;?!»]|«[ \u202f]|[^\s\u00a0][;?!»]|[^\s\u00a0\d]:(?=\s|$)|^[:;]"
)
"""French puts a no-break space (U+00A0) before : ; ? ! and » and after «, as the UI's
catalogue does (tests/i18n/test_catalogues.py): a plain or narrow space there is wrong,
and so is none; a text appended to another (starting with its ";") brings its own space."""
SIGNS = {"class.legend": "± mitigé, ? à juger"}
"""Where a mark is a sign in a legend, not punctuation: "?" stands for "to judge"."""


def puts_a_no_break_space_before_its_high_marks(key: str) -> None:
    text = T[key][LANGUAGES.index("fr")].replace(SIGNS.get(key, "\0"), "")
    prose = re.sub(r"\{[^{}]*\}", "{}", text)  # a field's format spec is not prose
    assert FRENCH_WRONG.findall(prose) == [], text


def test_french_puts_a_no_break_space_before_its_high_marks() -> None:
    assert_every_case(sorted(T), puts_a_no_break_space_before_its_high_marks)


def test_the_french_check_sees_a_plain_space_before_a_colon() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(T, "z.wrong", ("a: b", "a: b", "a : b"))
        with pytest.raises(AssertionError, match="'z.wrong': "):
            assert_every_case(["z.wrong"], puts_a_no_break_space_before_its_high_marks)


def test_the_french_report_joins_its_own_parts_with_french_marks() -> None:
    assert tr("fr", "join.semicolon").join(["a", "b"]) == "a\u00a0; b"
    assert tr("fr", "join.labelled", label="Refusé", value="x") == "Refusé\u00a0: x"
    assert tr("en", "join.labelled", label="Refused", value="x") == "Refused: x"
    assert tr("nl", "join.semicolon").join(["a", "b"]) == "a; b"


# ---------------------------------------------------------------------- counts


def _plural_index(lang: str, n: int) -> int:
    """gettext's own reading of the UI catalogue's plural rule for `lang`."""
    import gettext

    from helpdesk_tui.i18n.catalog import PLURAL_FORMS

    rule = PLURAL_FORMS[lang].split("plural=")[1].rstrip(";")
    return int(gettext.c2py(rule)(n))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reports_plural_rule_is_the_catalogues(lang: str) -> None:
    from helpdesk_tui.assess.texts import PLURAL_RULES

    assert [int(PLURAL_RULES[lang](n)) for n in range(5)] == [
        _plural_index(lang, n) for n in range(5)
    ]


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 search, 1 article opened", "2 searches, 2 articles opened"),
        ("nl", "1 zoekopdracht, 1 artikel geopend", "2 zoekopdrachten, 2 artikels geopend"),
        ("fr", "1 recherche, 1 article ouvert", "2 recherches, 2 articles ouverts"),
    ],
)
def test_one_search_is_singular_in_every_language(lang: str, one: str, two: str) -> None:
    values = {"opened": 1, "served": 1, "expected": 1}
    assert one in tr(lang, "data5.kb", searches=1, **values)
    assert two in tr(lang, "data5.kb", searches=2, **{**values, "opened": 2})


def test_french_counts_zero_as_one() -> None:
    assert "0 recherche," in tr("fr", "data5.kb", searches=0, opened=0, served=0, expected=0)


COUNT_FIELD = re.compile(r"\{(\w+)\}\s+(\w+[sn])\b")
"""A bare count before a plural noun: "{n} messages" reads "1 messages" for one."""
COUNTS = {"n", "searches", "opened", "served", "expected", "sent", "total", "actions", "news",
          "over", "busy", "used", "plain", "found", "asked", "revealed"}  # fmt: skip
"""The fields that are counts in the report's texts."""
NO_NOUN = {"van", "fois", "sans"}
"""Words after a count that are not its noun, or do not change with it."""


def glues_no_count_to_a_plural_noun(key: str) -> None:
    for text in T[key]:
        found = [(f, w) for f, w in COUNT_FIELD.findall(text) if f in COUNTS and w not in NO_NOUN]
        assert found == [], text


def test_no_count_is_glued_to_a_plural_noun() -> None:
    assert_every_case(sorted(T), glues_no_count_to_a_plural_noun)


def formats_every_count_field_in_every_language(case: tuple[str, int]) -> None:
    key, n = case
    for lang in LANGUAGES:
        text = T[key][LANGUAGES.index(lang)]
        values = {name: n for name in placeholders(text)}
        if values:
            assert "|" not in tr(lang, key, **values), lang


def test_every_count_field_formats_in_every_language() -> None:
    """Each key with 0, 1 and 2 in every field (tests/every_case.py: one test, every failure named)."""
    assert_every_case(
        [(key, n) for key in sorted(T) for n in (0, 1, 2)],
        formats_every_count_field_in_every_language,
    )


def test_a_target_still_running_cannot_be_read_as_late() -> None:
    """qa-sitting10: the Dutch "oplossing loopt nog, 14m00s over" (time left) beside "1m00s
    over tijd" (late): the running target's words share no word of lateness with them."""
    from helpdesk_tui.assess.texts import tr

    late_words = {
        "en": {"overdue", "late"},
        "nl": {"over", "laat"},
        "fr": {"dépassement", "retard"},
    }
    for lang, words in late_words.items():
        running = tr(lang, "sla.running", left="14m00s")
        assert not set(running.replace(",", " ").split()) & words, running
        assert "14m00s" in running


def test_a_case_title_in_quotes_is_not_quoted_again() -> None:
    """qa-sitting10: "''Mijn pc wil niet opstarten' ...'"; a title without quotes keeps the
    report's."""
    from helpdesk_tui.assess.texts import tr

    quoted = "'Mijn pc wil niet opstarten': pc draait"
    assert (
        tr("nl", "sol2.never", case=quoted, article="kb-7")
        == "'Mijn pc wil niet opstarten': pc draait: het artikel kb-7 werd nooit geopend"
    )
    assert tr("fr", "sol2.never", case=quoted, article="kb-7").startswith(quoted + "\u00a0:")
    assert tr("en", "sol2.never", case="Printer jam", article="kb-7") == (
        "'Printer jam': the article kb-7 was never opened"
    )
