"""Holes the blind `lawyer` cheater found (branch evid17), closed with other cheaters' wordings.

Expected verdicts come from the competency text and docs/assessment.md, not from the code.
DATA-4 "closes a ticket" credits "a resolution that documents the case"; "the same resolution
on three tickets or more" documents none. One frame of words filled in with each ticket's id, the
customer's name, the time, the article and the group is the same resolution: only the
addresses changed, nothing is said about what was done for any one case (rules 2.9).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from helpdesk_tui.assess import integrity
from helpdesk_tui.scenario.model import Scenario

from .test_evidence import one, run

FRAMES = (
    # en
    "Ticket {t} for {n}: closed at {h} by the desk, see {a}; fix applied, user notified and "
    "happy, nothing left to do.",
    "{n} ({t}) sorted on {h} following {a}. Instructions sent, customer confirmed, case complete.",
    # nl
    "{t} van {n}: afgehandeld om {h} volgens {a}; oplossing doorgegeven, klant tevreden, "
    "dossier gesloten.",
    "Melding {t} ({n}) om {h} opgelost met {a}, stappen uitgelegd en bevestigd door de klant.",
    # fr
    "{t} pour {n} : réglé à {h} selon {a} ; consignes données, client satisfait, dossier clos.",
    "Demande {t} de {n} traitée à {h} avec {a}, étapes expliquées et confirmées par le client.",
)
"""Six cheaters' frames (not lawyer's), two per language: the slots are the only difference."""

OWN = (
    # en: three case notes in one style, each saying what was done for that case
    (
        "Anna: account unlocked in the directory after three wrong passwords, reset link sent.",
        "Bert: mailbox was full, old mail moved to the online archive; he can send again.",
        "Anna: blank pages came from the sealing tape left on the new toner; pulled out, prints.",
    ),
    (
        "Unlocked Anna's account (locked after three tries), mailed her a reset link at 10:05.",
        "Archived Bert's mail older than a year; mailbox under quota, sending works again.",
        "HP LaserJet 4250 printed empty pages: sealing tape still on the toner. Removed, fixed.",
    ),
    # nl
    (
        "Anna: account ontgrendeld na drie foute wachtwoorden, resetlink verstuurd.",
        "Bert: mailbox vol, oude mails naar het onlinearchief verplaatst; verzenden lukt weer.",
        "Anna: lege pagina's door de beschermstrip op de nieuwe toner; strip eruit, print weer.",
    ),
    (
        "Account van Anna vrijgegeven (drie keer fout), resetlink gemaild om 10:05.",
        "Mails van Bert ouder dan een jaar gearchiveerd; quotum in orde, verzenden werkt.",
        "HP LaserJet 4250 gaf blanco pagina's: tape nog op de toner. Verwijderd, opgelost.",
    ),
    # fr
    (
        "Anna : compte débloqué après trois mots de passe erronés, lien de réinitialisation envoyé.",
        "Bert : boîte pleine, anciens messages déplacés dans l'archive en ligne ; l'envoi remarche.",
        "Anna : pages blanches dues à la bande de protection du toner neuf ; retirée, ça imprime.",
    ),
    (
        "Compte d'Anna déverrouillé (trois essais ratés), lien de réinitialisation envoyé à 10:05.",
        "Messages de Bert de plus d'un an archivés ; quota respecté, l'envoi fonctionne.",
        "La HP LaserJet 4250 sortait des pages vides : bande encore sur le toner. Retirée, réglé.",
    ),
)
"""Competent candidates' resolutions in one personal style (two per language): what was done."""


def resolved(scenario: Scenario, texts: tuple[str, str, str]) -> dict[str, bool | None]:
    """Anna's queued ticket, Bert's e-mail and Anna's chat ticket resolved and closed with the
    three texts; DATA-4's verdict per ticket. Each customer is told the key's answer first
    (since 2.11 a ticket resolved before anything of a solution reached its customer is not
    documented, however worded: tests/assess/test_forger_holes.py), so only the wording counts."""
    steps = [
        (5, "ticket_opened", {"ticket_id": "T-0001"}),
        (20, "ticket_reply_added", {"ticket_id": "T-0001",
                                    "text": "Anna, your account is unlocked; use the reset link."}),
        (110, "message_sent", {"conversation_id": "chat-1",
                               "text": "Take the sealing tape off the new toner, then print."}),
        (155, "ticket_reply_added", {"ticket_id": "T-0002",
                                     "text": "Bert, please archive your older mail to make room."}),
        (26, "ticket_resolved", {"ticket_id": "T-0001", "kb_article": "kb-password-reset",
                                 "solution": texts[0]}),
        (27, "ticket_closed", {"ticket_id": "T-0001"}),
        (100, "ticket_created", {"ticket_id": "T-1001", "customer_id": "anna",
                                 "conversation_id": "chat-1", "title": "Printer prints blank pages",
                                 "description": "HP LaserJet 4250 prints empty pages.",
                                 "category": "printing", "impact": "low", "urgency": "medium"}),
        (122, "ticket_resolved", {"ticket_id": "T-1001", "kb_article": "kb-printer-blank-pages",
                                  "solution": texts[2]}),
        (131, "ticket_closed", {"ticket_id": "T-1001"}),
        (150, "ticket_opened", {"ticket_id": "T-0002"}),
        (160, "ticket_resolved", {"ticket_id": "T-0002", "solution": texts[1]}),
        (161, "ticket_closed", {"ticket_id": "T-0002"}),
    ]  # fmt: skip
    evidence = run(scenario, steps)
    return {
        t: one(evidence, "DATA-4", "ticket_closed", t).favourable
        for t in ("T-0001", "T-0002", "T-1001")
    }


def framed(frame: str) -> tuple[str, str, str]:
    return (
        frame.format(t="T-0001", n="Anna", h="0:00", a="kb-password-reset"),
        frame.format(t="T-0002", n="Bert", h="0:02", a="-"),
        frame.format(t="T-1001", n="Anna", h="0:02", a="kb-printer-blank-pages"),
    )


@pytest.mark.parametrize("frame", FRAMES)
def test_one_frame_filled_in_on_three_tickets_documents_none(
    scenario: Scenario, frame: str
) -> None:
    assert resolved(scenario, framed(frame)) == dict.fromkeys(("T-0001", "T-0002", "T-1001"), False)


@pytest.mark.parametrize("frame", FRAMES)
def test_one_frame_on_two_tickets_is_not_yet_a_template(scenario: Scenario, frame: str) -> None:
    texts = framed(frame)
    own = "Anna: blank pages came from the sealing tape on the new toner; pulled out, prints."
    got = resolved(scenario, (texts[0], texts[1], own))
    assert got == dict.fromkeys(("T-0001", "T-0002", "T-1001"), True)


@pytest.mark.parametrize("texts", OWN)
def test_case_notes_in_one_personal_style_document_their_cases(
    scenario: Scenario, texts: tuple[str, str, str]
) -> None:
    assert resolved(scenario, texts) == dict.fromkeys(("T-0001", "T-0002", "T-1001"), True)


# ---------------------------------------------------------------------- SOL-2
# The standard: "looks up the requested information in the information sources provided";
# docs/assessment.md: "the right KB article found and opened before answering". With no answer
# the look-up served nothing the customer received: there is no "before" to credit.

NOT_ANSWERS = (
    "One moment please, I am looking into it for you.",
    "Een ogenblikje, ik kijk het voor u na.",
    "Un instant, je regarde cela pour vous.",
    "Do you see any message on the screen?",
    "Ziet u een foutmelding op het scherm?",
    "Voyez-vous un message d'erreur à l'écran ?",
)
"""Messages that are no answer (a hold, a question), two per language."""
ANSWERS = (
    "Please pull the sealing tape out of the new toner and print again.",
    "The new toner still has its tape on: pull the tape off the toner and try once more.",
)
"""The key's answer for the blank pages (test scenario), in two wordings."""


def sol2_after(scenario: Scenario, text: str) -> bool | None:
    evidence = run(scenario, [
        (70, "kb_searched", {"query": "blank pages", "results": ["kb-printer-blank-pages"]}),
        (72, "kb_article_opened", {"article_id": "kb-printer-blank-pages"}),
        (80, "message_sent", {"conversation_id": "chat-1", "text": text}),
    ])  # fmt: skip
    return one(evidence, "SOL-2", "kb_before_answer", "printer-blank").favourable


@pytest.mark.parametrize("text", NOT_ANSWERS)
def test_an_article_opened_on_a_case_never_answered_is_not_credited(
    scenario: Scenario, text: str
) -> None:
    assert sol2_after(scenario, text) is None


@pytest.mark.parametrize("text", ANSWERS)
def test_an_article_opened_before_the_answer_is_credited(scenario: Scenario, text: str) -> None:
    assert sol2_after(scenario, text) is True


def stub_context(solutions: list[str]) -> SimpleNamespace:
    """Just what DATA-4's frame comparison reads: tickets with resolutions, no names or groups."""
    tickets = {
        f"T-{i:05d}": SimpleNamespace(id=f"T-{i:05d}", solution=s) for i, s in enumerate(solutions)
    }
    state = SimpleNamespace(tickets=tickets, groups={}, customers={})
    return SimpleNamespace(cache={}, scenario=None, state=state, case_by_ticket={})


def test_frames_past_the_bound_are_not_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """A log of thousands of tickets a candidate made must not cost the assessment minutes: past
    `FRAMES_COMPARED` distinct frames, the rest are not compared (so not counted as alike)."""
    alike = "Printer on floor {} fixed after the toner tape was removed and a test page printed."
    solutions = [alike.format(w) for w in ("one", "two", "three", "four")]
    monkeypatch.setattr(integrity, "FRAMES_COMPARED", 2)
    framed = integrity._framed_resolutions(stub_context(solutions))
    assert sorted(framed) == ["T-00000", "T-00001"]
    assert set(framed.values()) == {2}
    monkeypatch.setattr(integrity, "FRAMES_COMPARED", 4)
    assert set(integrity._framed_resolutions(stub_context(solutions)).values()) == {4}
