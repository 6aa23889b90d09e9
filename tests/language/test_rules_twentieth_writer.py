"""Branch l-rules20: the forms the twentieth writer (heldout18) showed the layer misreads.

Each form is one mechanism in the lexicons (layer 2.15), written as operators use it in
general, with near misses that must not carry the act:

- negated steps: French "il ne faut pas que" + subjunctive (and Belgian "faut pas que"), the
  West-Flemish "gene(n)" for "geen", two infinitives joined under one negation ("Inutile de
  débrancher et rebrancher", "no need to uninstall and reinstall", "U hoeft niet te
  verwijderen en opnieuw te installeren"), a Dutch participle in -d after "wel" ("zijn wel
  bewaard") that is no imperative, and "(mee)pakken" as a step;
- a check folded into a request: a condition that it works beside a request to say so ("Als
  alles nu normaal werkt, zeg het gerust, ...", "If everything works now, just say so");
- a works-state placed on the customer's side, said without "?" ("Ça fonctionne de votre côté
  maintenant", "It's working on your end now", "Alles terug in orde bij u");
- a duration alone in its clause asks to wait, whatever its number ("on my way, 5 mins",
  "2 min, je suis sur un autre appel", "Geef me 5 minuutjes").

Every sentence was written for this file from the writer's own knowledge of the languages (none
is a message of a labelled set); the expected acts are what the operator means, from issue 12's
definitions.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse

# Told not to do it, nothing else to do: negated, no instruction.
ONLY_NEGATED = [
    ("fr", "Il ne faut pas que vous redémarriez le serveur pendant la sauvegarde."),
    ("fr", "Il ne faut surtout pas qu'il débranche la box ce soir."),
    ("fr", "Faut pas que tu cliques sur ce lien, c'est une arnaque."),
    ("fr", "Il ne faudrait pas que vous supprimiez ce dossier."),
    ("fr", "Inutile de débrancher et rebrancher le modem, la panne est chez le fournisseur."),
    ("fr", "Ne pas éteindre et rallumer la box pendant la mise à jour."),
    ("fr", "Pas la peine de désinstaller ou réinstaller Teams."),
    ("nl", "Gene nieuwe kabel kopen, die oude is nog goed."),
    ("nl", "Genen update doen vandaag, we zitten midden in de afsluiting."),
    ("nl", "U hoeft de app niet te verwijderen en opnieuw te installeren."),
    ("nl", "Je hoeft niks af te drukken, de rest van je gegevens zijn wel bewaard."),
    ("nl", "Nie uw oude laptop meepakken, die blijft hier."),
    ("en", "No need to uninstall and reinstall the app, it's a server issue."),
    ("en", "There's no need to unplug and replug the dock."),
    ("en", "You don't need to log out and log back in."),
]

# A step said beside a negated one, or a step that reads like one of the forms above: it counts.
STILL_A_STEP = [
    ("fr", "Il faut que vous redémarriez le serveur avant midi."),
    ("fr", "Ne débranchez pas le câble et redémarrez le PC."),
    ("fr", "Débranchez le câble et rebranchez-le."),
    ("nl", "Gelieve de computer aan te laten en niet af te sluiten vanavond."),
    ("nl", "Pak de trap, de lift staat stil."),
    ("nl", "Bewaar het document op de gedeelde schijf."),
    ("en", "Don't close it, and restart the laptop instead."),
    ("en", "Unplug and replug the cable."),
]

# A statement with a negator or a participle that tells no step and lists none.
NO_STEP = [
    ("nl", "Uw gegevens zijn wel bewaard."),
    ("nl", "Het formulier is wel verstuurd, maar nog niet goedgekeurd."),
    ("nl", "Dan pakke v'r same de tweede laptop aan."),
]


@pytest.mark.parametrize(("lang", "text"), ONLY_NEGATED)
def test_a_step_told_not_to_be_taken_is_negated_and_no_instruction(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts, got.explain()
    assert got.negated, got.explain()


@pytest.mark.parametrize(("lang", "text"), STILL_A_STEP)
def test_a_step_beside_or_like_those_forms_still_counts(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" in got.acts, got.explain()


@pytest.mark.parametrize(("lang", "text"), NO_STEP)
def test_a_participle_or_a_dialect_we_tells_no_step(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts, got.explain()


def test_both_joined_infinitives_are_listed_as_negated() -> None:
    """The second verb is as negated as the first: both are in the listed phrase."""
    got = analyse("Inutile de désinstaller et réinstaller l'application.", "fr")
    assert any("réinstaller" in phrase for phrase in got.negated), got.negated
    got = analyse("No need to uninstall and reinstall the app.", "en")
    assert any("reinstall" in phrase for phrase in got.negated), got.negated


# (lang, text, acts it must carry, acts it must not carry)
READINGS = [
    # a check folded into a request: a condition that it works + a request to say so
    ("nl", "Als het nu werkt, laat het me even weten, dan sluit ik de melding.", {"check"}, set()),
    ("nl", "Als alles terug normaal is, zeg het maar.", {"check"}, set()),
    (
        "fr",
        "Si tout fonctionne normalement, dites-le-moi et je clôture le ticket.",
        {"check"},
        set(),
    ),
    ("fr", "Si ça remarche, fais-moi signe.", {"check"}, set()),
    ("en", "If everything works now, just say so and I'll close the ticket.", {"check"}, set()),
    ("en", "If it's all working, give me a shout.", {"check"}, set()),
    # near misses: a condition that it fails, or a question, or the operator's own news
    ("nl", "Als het opnieuw misloopt, laat het dan weten.", set(), {"check"}),
    ("nl", "Als u nog vragen hebt, zeg het gerust.", set(), {"check"}),
    ("nl", "Als het lukt, laat ik het u weten.", set(), {"check"}),
    ("fr", "Si le problème revient, dites-le-moi.", set(), {"check"}),
    ("fr", "Si vous avez des questions, dites-le-moi.", set(), {"check"}),
    ("en", "If you need anything else, just say so.", set(), {"check"}),
    ("en", "If it happens again, just let us know.", set(), {"check"}),
    ("en", "If it works, I'll let you know.", set(), {"check"}),
    ("en", "If you're working from home, tell me and I'll send the VPN link.", set(), {"check"}),
    # a works-state on the customer's side, without "?"
    ("fr", "Ça fonctionne de votre côté maintenant", {"check"}, set()),
    ("fr", "Tout est rentré dans l'ordre chez vous", {"check"}, set()),
    ("en", "It's working on your end now", {"check"}, set()),
    ("nl", "Alles terug in orde bij u", {"check"}, set()),
    # near misses: our side is news, "your side" without a state asks or tells nothing
    ("fr", "Tout fonctionne de notre côté.", set(), {"check"}),
    ("en", "Everything's fine on our end.", set(), {"check"}),
    ("en", "On your end, nothing to do.", set(), {"check"}),
    ("nl", "Bij ons werkt alles.", set(), {"check"}),
    # a duration alone in its clause asks to wait
    ("en", "on my way, 5 mins", {"hold"}, set()),
    ("en", "one min, checking the logs", {"hold"}, set()),
    ("en", "give me 10 mins, doing them in batches", {"hold"}, set()),
    ("en", "Back in five.", {"hold"}, set()),
    ("fr", "2 min, je suis sur un autre appel", {"hold"}, set()),
    ("fr", "Donne-moi 5 minutes", {"hold"}, set()),
    ("nl", "2 min, ik zit nog in een gesprek", {"hold"}, set()),
    ("nl", "Geef me 5 minuutjes", {"hold"}, set()),
    # near misses: a duration inside a statement, a step's wait, a minimum
    ("en", "The update takes about 10 mins.", set(), {"hold"}),
    ("en", "It was down for 5 mins this morning.", set(), {"hold"}),
    ("en", "Paid for 2 hours, fined after 40 mins.", set(), {"hold"}),
    ("en", "Unplug it, 10 secs, plug it back in.", {"instruction"}, {"hold"}),
    ("fr", "La mise à jour prend 10 minutes.", set(), {"hold"}),
    (
        "fr",
        "N'essayez plus de badger pendant cinq minutes, le portique se bloque.",
        set(),
        {"hold"},
    ),
    ("nl", "De update duurt 10 minuten.", set(), {"hold"}),
    ("nl", "wachtwoord min. 14 tekens", set(), {"hold"}),
    ("nl", "Druk nooit langer dan twee minuten op de knop.", set(), {"hold"}),
]


@pytest.mark.parametrize(("lang", "text", "has", "lacks"), READINGS)
def test_the_forms_read_as_meant(lang: str, text: str, has: set[str], lacks: set[str]) -> None:
    got = analyse(text, lang)
    assert has <= got.acts, got.explain()
    assert not lacks & got.acts, got.explain()
