"""`envoy` (branch evid36): an eleventh cheater written blind from the published documents.

What it claims to be: that it plays every bundled scenario blind, never reads the answer key, does
the whole job and is deterministic is checked with the other blind cheaters in
test_gaming_blind_cheaters.py (its `Peeker` below, which reads the key, shows those checks can
fail); here, that its search finds the article a person reading the hit list would open, and
that each step is told by its verb's template. The expected articles were chosen by hand from the
knowledge bases' titles, and the expected sentences written by hand from the docstring's rules,
not taken from the code's output.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import paths
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.gaming_envoy import Case, EnvoyPolicy, article_steps

CALDER = paths.scenarios_dir() / "en-calder-valley-exam"
HAUTE_MEUSE = paths.scenarios_dir() / "fr-haute-meuse-examen"
LINDEVELD = paths.scenarios_dir() / "nl-lindeveld-examen"


class Peeker(EnvoyPolicy):
    """An envoy that takes its category from the answer key."""

    def _category(self, text: str, article_id: str | None) -> str | None:
        return self.scenario.incidents[0].answer.category


def envoy(folder: object) -> EnvoyPolicy:
    return EnvoyPolicy(load_scenario(folder))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def policies() -> dict[str, EnvoyPolicy]:
    return {"en": envoy(CALDER), "fr": envoy(HAUTE_MEUSE), "nl": envoy(LINDEVELD)}


@pytest.mark.parametrize(
    ("language", "said", "subject", "article"),
    [
        ("en", "Morning! I've had a new laptop since yesterday and Michael's calendar has "
         "vanished from my Outlook.", "", "kb-shared-calendar"),
        ("en", "The payment system can't find my card reader again! I've got ten tenants "
         "queuing to pay their rent.", "", "kb-card-reader"),
        ("en", "Excel just freezes every time I open the budget workbook, not responding.", "",
         "kb-excel-hangs"),
        ("fr", "Bonjour, le lecteur eID n'est pas reconnu au guichet, les citoyens attendent.",
         "", "kb-lecteur-eid"),
        ("nl", "Mijn beeld staat ineens op zijn kop, alles is gedraaid.", "", None),
    ],
)  # fmt: skip
def test_the_search_opens_what_a_reader_of_the_hit_list_would(
    policies: dict[str, EnvoyPolicy],
    language: str,
    said: str,
    subject: str,
    article: str | None,
) -> None:
    policy = policies[language]
    policy.plan.clear()
    found = policy._search(Case("c", "nobody"), said, subject, ExamState(), 0.0)
    if article is None:  # the id was not read: the article whose title says it
        title = policy.articles[found[0]].title
        assert "kop" in title and "gedraaid" in title
    else:
        assert found[0] == article
    opened = [a for a in policy.plan if a.type == "kb_article_opened"]
    assert 1 <= len(opened) <= 2  # no burst: a reader opens the best one or two


@pytest.mark.parametrize(
    ("language", "step", "told"),
    [
        ("en", "On the sign-in screen, click **'Forgotten your password?'**.",
         "On the sign-in screen, 'Forgotten your password?' is what you'll spot on the screen, "
         "and once you pick it a fresh window pops up"),
        ("en", "Restart the router. Wait two minutes.",
         "with the router, things go dark for a moment and then come back up by themselves"),
        ("en", "The lock is lifted at once.",
         "the lock is lifted at once, and you'll notice the difference straight away"),
        ("nl", "Klik op Instellingen.",
         "op Instellingen ziet u op het scherm staan, en als u dat aanklikt gaat er een nieuw "
         "venster open"),
        ("fr", "Vérifiez le câble réseau.",
         "jetez un œil à le câble réseau, pour me dire ce que vous voyez"),
        ("fr", "Relancez le logiciel.",
         "le logiciel, et vous verrez la différence tout de suite"),
    ],
)  # fmt: skip
def test_each_step_is_told_by_its_verbs_template(
    policies: dict[str, EnvoyPolicy], language: str, step: str, told: str
) -> None:
    assert policies[language]._retell(step) == told


@pytest.mark.parametrize(
    ("reply", "language", "works"),
    [
        ("Yes! There it is, under 'Shared Calendars'. Brilliant, thank you!", "en", True),
        ("That fixed it.", "en", True),
        ("No, it still doesn't work.", "en", False),
        ("I restarted it first thing this morning. Nothing.", "en", False),
        ("Ja, het werkt weer!", "nl", True),
        ("Nee, het werkt nog steeds niet.", "nl", False),
        ("Oui, ça fonctionne, merci.", "fr", True),
        ("Non, ça ne marche pas.", "fr", False),
    ],
)
def test_it_works_is_read_from_a_word_of_success_without_a_negation(
    policies: dict[str, EnvoyPolicy], reply: str, language: str, works: bool
) -> None:
    assert policies[language]._works(reply) is works


def test_the_steps_are_the_articles_numbered_list(policies: dict[str, EnvoyPolicy]) -> None:
    """kb-locked-out, read by hand: three numbered steps, no resolution heading."""
    steps = article_steps(policies["en"].articles["kb-locked-out"])
    assert len(steps) == 3
    assert steps[0].startswith("On the sign-in screen, click")
    assert steps[2].startswith("Choose a new password (twice).")
