"""Branch l-rules19: the forms the nineteenth writer (heldout17) showed the layer misreads.

Each form is one mechanism in the lexicons (layer 2.14), with near misses that must not carry
the act:

- the French tu-imperative of a first-group verb ("Ferme", "Clique", "Change", "Paye"), which
  the lemmatiser reads as the noun ("la ferme", "le change"): leading its clause before a
  determiner, a clitic or a negator it is the verb, so "Ferme la fenêtre" tells a step and the
  colloquial "Change-le pas" (postposed "pas" without "ne") tells one *not* to take; a noun
  leading a clause ("Commande livrée") stays a noun;
- the Scots negated auxiliaries ("dinnae", "cannae", "didnae"): "n't" in another spelling, so a
  step after them is negated as after "don't", and "Dinnae worry" reassures as "Don't worry";
- a clause said beside a negated step: a step of its own still counts ("Don't close it, just
  minimise it"), while the consequence the prohibition avoids does not ("..., anders moeten we
  opnieuw beginnen": a Dutch plural verb before its subject is finite, no infinitive), and
  French "donc" inside "ne ... pas" ("Ne fermez donc pas ...") does not end the negation.

Every sentence was written for this file (none is a message of a labelled set); the expected
acts are what the operator means, from issue 12's definitions, and for Scots its English twin.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse

# Told not to do it, nothing else to do: negated, no instruction.
ONLY_NEGATED = [
    ("fr", "Ferme pas la session, je travaille dessus."),
    ("fr", "Clique pas sur le lien du courriel, c'est de l'hameçonnage."),
    ("fr", "Efface-le pas, on en a besoin."),
    ("fr", "Vide pas la corbeille, ton fichier est dedans."),
    ("fr", "Paye-le surtout pas en ligne, c'est compris dans ton forfait."),
    ("fr", "Ne redémarrez donc pas le serveur ce soir."),
    ("en", "Dinnae restart the till while it's updating."),
    ("en", "Dinnae click the link in that email, it's a scam."),
    ("en", "Dinna unplug the printer, it's halfway through a job."),
    ("nl", "Niet afmelden, anders moeten we opnieuw beginnen."),
    ("nl", "Niks wissen, anders verliezen we de historiek."),
    ("nl", "Niet herstarten tijdens de update, anders beginnen we van voor af aan."),
]

# A step said beside a negated one: the step counts, the negated one is listed.
STEP_BESIDE_A_NEGATED_ONE = [
    ("fr", "Ferme pas Teams, redémarre juste l'ordi."),
    ("en", "Dinnae touch the router, reset the till instead."),
    ("en", "Don't close the window, just minimise it."),
    ("nl", "Sluit Outlook niet af, herstart alleen Teams."),
]

# The tu-imperative of a first-group verb tells a step.
TU_STEPS = [
    ("fr", "Ferme la fenêtre pis rouvre Outlook."),
    ("fr", "Clique sur Envoyer."),
    ("fr", "Change ton mot de passe dans le portail."),
    ("fr", "Copie le lien dans ton navigateur."),
]

# Near misses: the same words as nouns, a reassurance, a finite verb with its subject.
NO_STEP = [
    ("fr", "Commande livrée ce matin."),
    ("fr", "Demande de congé refusée par le système."),
    ("fr", "La ferme du voisin n'a plus de réseau."),
    ("fr", "Inquiète-toi pas, ça arrive à tout le monde."),
    ("en", "Dinnae worry, it happens tae everybody."),
    ("nl", "Dan proberen we het morgen opnieuw."),
]

# Scots and its English twin read alike (the twin is the reference, not the code under test).
TWINS = [
    ("Dinnae restart the till.", "Don't restart the till."),
    ("Ye cannae log in till the morning.", "You can't log in till the morning."),
    ("It didnae print this morning.", "It didn't print this morning."),
    ("Och, dinnae worry about it.", "Oh, don't worry about it."),
]


@pytest.mark.parametrize(("lang", "text"), ONLY_NEGATED)
def test_a_step_told_not_to_be_taken_is_negated_and_no_instruction(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts, got.explain()
    assert got.negated, got.explain()


@pytest.mark.parametrize(("lang", "text"), STEP_BESIDE_A_NEGATED_ONE)
def test_a_step_beside_a_negated_one_still_counts(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" in got.acts, got.explain()
    assert got.negated, got.explain()


@pytest.mark.parametrize(("lang", "text"), TU_STEPS)
def test_the_tu_imperative_of_a_first_group_verb_tells_a_step(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" in got.acts, got.explain()
    assert not got.negated


@pytest.mark.parametrize(("lang", "text"), NO_STEP)
def test_a_noun_a_reassurance_or_a_finite_verb_is_no_step(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts, got.explain()
    assert not got.negated, got.explain()


@pytest.mark.parametrize(("scots", "english"), TWINS)
def test_scots_negation_reads_as_its_english_twin(scots: str, english: str) -> None:
    a, b = analyse(scots, "en"), analyse(english, "en")
    assert a.acts == b.acts, (a.explain(), b.explain())
    assert bool(a.negated) == bool(b.negated), (a.negated, b.negated)
