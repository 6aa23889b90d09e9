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

And the forms said in the writer's register, each a list in the lexicons:

- a check in the tu-register or a regional English ("... pis dis-moi si tu vois ton cours",
  "Tu me dis quand t'as du son", "Lemme know if the dot moves", Indian English "Kindly revert
  once it is visible", "Please confirm if you are able to ... now"); the operator's own look
  ("je regarde si ...", "they will revert by EOD") is no check;
- the customer's place in their organisation asked in the tu-register or by "c'est pour quel"
  ("T'es à quel guichet ?", "Il s'agit de quelle société ?"): `identify`;
- the operator's news in the tu-register ("Je t'ai renvoyé l'invitation"): `progress`;
- regional farewells ("Ta-ra", "cheerio") close; "Can they see you now?" asks, no farewell;
- Scots spellings of the rules' words ("Are ye seeing yer emails noo?", "Haud on");
- commiseration as what happens to everyone ("Happens to the best of us", "I don't envy you",
  "Ocharme", "die vergeet iedereen").

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
    ("fr", "Ne partage ton code MFA avec personne, même pas avec ton chef."),
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
    ("fr", "L'imprimante fait avancer quelques étiquettes et mesure le format."),
    ("fr", "Il y a une personne à l'accueil qui attend son badge."),
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


# The writer's register: what the operator means, and its near misses.
REGISTER = [
    ("fr", "Redémarre ton portable pis dis-moi si le réseau revient.", {"check"}, set()),
    ("fr", "Tu me dis quand t'as l'image sur le projecteur.", {"check"}, set()),
    ("fr", "Attends, je regarde si ta licence est libre.", set(), {"check"}),
    ("en", "Lemme know if the printer wakes up.", {"check"}, set()),
    ("en", "Kindly revert once the shared folder is visible.", {"check"}, set()),
    ("en", "Please confirm if you are able to open the invoice now.", {"check"}, set()),
    ("en", "The network team will revert by end of day.", set(), {"check"}),
    ("en", "Kindly confirm if the error is in SAP or in the browser.", set(), {"check"}),
    ("fr", "T'es à quel étage, toi ?", {"identify"}, set()),
    ("fr", "Vous appelez de quelle agence ?", {"identify"}, set()),
    ("fr", "Il s'agit de quelle filiale, Namur ou Liège ?", {"identify"}, set()),
    ("fr", "Dans quelle salle se trouve le projecteur ?", set(), {"identify"}),
    ("fr", "Je t'ai remis tes droits sur le dossier Finances.", {"progress"}, set()),
    ("fr", "Je lui ai réinitialisé son mot de passe ce matin.", {"progress"}, set()),
    ("en", "Right, cheerio.", {"closing"}, set()),
    ("en", "Ta-ra then, love.", {"closing"}, set()),
    ("en", "Can they see you now?", set(), {"closing"}),
    ("en", "Are ye getting yer emails noo?", {"check"}, set()),
    ("en", "Haud on a wee minute.", {"hold"}, set()),
    ("en", "Happens to the best of us.", {"empathy"}, set()),
    ("en", "Ah, month-end, I don't envy you.", {"empathy"}, set()),
    ("en", "Bless your heart, three reboots already.", {"empathy"}, set()),
    ("nl", "Ocharme, al de derde keer deze week.", {"empathy"}, set()),
    ("nl", "Die wachtwoordregel vergeet iedereen, hoor.", {"empathy"}, set()),
    ("nl", "Het zuur van de batterij is gelekt.", set(), {"empathy"}),
    (
        "fr",
        "Essaie de relancer Teams pis dis-moi si le son revient.",
        {"instruction", "check"},
        set(),
    ),
    ("en", "Ring the till from your mobile, does it go through?", {"instruction"}, {"identify"}),
    ("en", "Can I have your mobile number?", {"identify"}, set()),
]


@pytest.mark.parametrize(("lang", "text", "has", "lacks"), REGISTER)
def test_the_writers_register_reads_as_meant(
    lang: str, text: str, has: set[str], lacks: set[str]
) -> None:
    got = analyse(text, lang)
    assert has <= got.acts, got.explain()
    assert not lacks & got.acts, got.explain()
