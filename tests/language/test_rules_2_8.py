"""Layer 2.8: the classes the fourth blind phrase bank (`worded-d`) showed the layer misreading
on nl-lindeveld-examen, and the known misreadings of layers 2.6 and 2.7 (docs/known-issues.md,
the cust11, l-model7 and evid12 entries), each with near misses.

Every sentence below was written for this file in the forms of those misses (the bank's own
wording is one sentence of each class at most; none is a message of a labelled set). The
expected acts come from issue 12's act definitions and the label guides
(tests/language/heldout/README.md and the corpus's), not from the layer:

- `restate` "restates the customer's problem"; the label guide: "a restatement ending in a tag
  ('..., right?') stays `restate`": the question that asks whether the summary is complete ("Mis
  ik nog iets?", "Ai-je oublié quelque chose ?", "Did I miss anything?") is the restatement's
  own, not the closing "anything else I can do?" (`closing` + `offer_help` in the guide), and an
  invitation to correct it ("ge zegt maar als ik iets vergeet", "dites-moi si j'oublie quelque
  chose", "stop me if I get anything wrong") asks the customer to do nothing to the system
  (`instruction`), to say whether it works (`check`) or to tell the problem (`offer_help`);
- `question` is asked by form: a Dutch main clause puts its verb before the subject after a
  fronted adverb ("Zo lost ge het op:", "Dan krijgt ge ...", "Nu ziet ge ...") without asking;
  such a declarative that announces steps or facts with a colon is no question (a construction
  of Dutch only: French and English do not invert after "so"/"then");
- `identify` "asks who the customer is": "Wie heb ik aan de lijn?", "Qui ai-je au bout du fil ?",
  "Who am I speaking with?", and the bare list of data "Pour vous identifier : nom, prénom et
  matricule, s'il vous plaît."; asking the customer to give their data to someone else ("Vous
  pouvez leur donner votre identifiant.") asks the operator nothing, so is not `identify`;
- `empathy` "acknowledges the customer's feelings or situation"; the guide: "sorry to hear that"
  / "spijtig dat" is `empathy`, not `apology`, which is "for the service or their own mistake".
  Sympathy with the customer's situation ("sorry dat ge daarmee zit", "désolée que vous ayez
  autant de soucis avec ça", "Sorry that you're stuck with this printer, Anna.") is `empathy`
  only; sorry that the customer had to wait is the service's doing: `apology`. The customer's
  mood calms on both (customers/mood.py EMPATHY_ACTS);
- `closing` "ends the conversation": "fijn dat ge belt" at the start welcomes (the guide:
  "thanks for getting in touch" at the start is a greeting);
- `instruction` "tells the customer to do something": waiting until a device does something is
  a step ("Wacht tot het lampje groen wordt.", heldout4's and heldout7's writers label it so).

Both the rules alone and the layer (rules and act model) are held to them.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.customers.mood import EMPATHY_ACTS
from helpdesk_tui.language import analyse
from helpdesk_tui.language.acts_model import question_gated
from helpdesk_tui.language.analyse import rules_analysis
from tests.language.both_readings import has as _has
from tests.language.both_readings import lacks as _lacks

# ------------------------------------------------------------------ the restatement's own question

CONFIRMED = [
    # the bank's
    (
        "nl",
        "Ik zet het even op een rijtje: uw laptop start niet op sinds de update. Mis ik nog iets?",
    ),
    ("nl", "Even samenvatten: de printer drukt alleen blanco pagina's af. Ben ik iets vergeten?"),
    ("nl", "Samengevat: Outlook vraagt elk uur uw wachtwoord, Teams ook. Heb ik iets gemist?"),
    (
        "nl",
        "Dus als ik het goed heb: de badge werkt niet meer aan de parking. Vergeet ik nog iets?",
    ),
    ("nl", "Als ik u goed volg, valt de wifi weg in de vergaderzaal. Mis ik iets?"),
    # the bank's
    (
        "fr",
        "Bon, je fais le point : l'imprimante n'imprime plus depuis lundi. Il me manque quelque chose ?",
    ),
    (
        "fr",
        "Je résume : Outlook redemande le mot de passe toutes les heures. Ai-je oublié quelque chose ?",
    ),
    ("fr", "Si je comprends bien, le badge ne marche plus au parking. J'oublie quelque chose ?"),
    ("fr", "En résumé : l'écran reste noir avec la station. Est-ce que j'ai raté quelque chose ?"),
    # the bank's
    (
        "en",
        "Right, just to be sure: the second-floor printer prints blank pages. Did I miss anything?",
    ),
    ("en", "Let me sum up: Outlook asks for your password every hour. Have I missed anything?"),
    ("en", "So, in short: your badge stopped working at the car park. Did I leave anything out?"),
    (
        "en",
        "If I follow you, the screen stays black when you dock the laptop. Am I missing something?",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CONFIRMED)
def test_a_restatement_asking_whether_it_is_complete_restates_and_does_not_close(
    lang: str, text: str
) -> None:
    _has(text, lang, "restate")
    _lacks(text, lang, "closing", "offer_help")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Is er nog iets dat ik voor u kan doen?"),
        ("nl", "Kan ik u nog ergens anders mee helpen?"),
        ("fr", "Puis-je faire autre chose pour vous ?"),
        ("fr", "Je peux encore vous aider pour autre chose ?"),
        ("en", "Is there anything else I can do for you?"),
        ("en", "Anything else I can help you with today?"),
    ],
)
def test_the_closing_question_still_closes_and_offers_help(lang: str, text: str) -> None:
    """Near misses: "anything else?" at the end is `offer_help` and `closing` (the guide)."""
    _has(text, lang, "closing")
    _has(text, lang, "offer_help")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Ik zet het even op een rijtje: de printer drukt niets meer af sinds maandag."),
        ("nl", "Ik zet alles even op een rijtje: Teams valt weg zodra u uw scherm deelt."),
        ("fr", "Bon, je fais le point : votre portable ne sort plus de veille depuis hier."),
        ("fr", "Faisons le point : Outlook redemande le mot de passe toutes les heures."),
        ("en", "Just checking I got everything: the scanner stops after one page since Monday."),
        ("en", "Let me check I've got everything: Teams drops the call when you share a screen."),
    ],
)
def test_putting_it_all_in_a_row_announces_a_restatement(lang: str, text: str) -> None:
    """worded-d's openers "Ik zet het even op een rijtje:", "Bon, je fais le point :", "Just
    checking I got everything:" announce the summary after them."""
    _has(text, lang, "restate")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Ik zet het even op een rijtje en bel u straks terug."),
        ("fr", "Je fais le point avec mon collègue et je vous rappelle."),
        ("en", "Just checking I got everything."),
    ],
)
def test_without_a_summary_after_it_the_opener_restates_nothing(lang: str, text: str) -> None:
    _lacks(text, lang, "restate")


# ------------------------------------------------------------------ an invitation to correct it

CORRECT_ME = [
    # cust11's
    (
        "nl",
        "Goed, ik vat het even samen en ge zegt maar als ik iets vergeet: de printer drukt niets af.",
    ),
    (
        "nl",
        "Even samenvatten: Outlook vraagt elk uur uw wachtwoord. Zeg het maar als ik iets verkeerd heb.",
    ),
    (
        "nl",
        "Ik vat het samen, en corrigeer me als het niet klopt: uw laptop start niet op na de update.",
    ),
    ("fr", "Je reprends, dites-moi si j'oublie quelque chose : Outlook redemande le mot de passe."),
    ("fr", "Je résume : le badge ne marche plus au parking. Dites-moi si j'ai mal compris."),
    ("fr", "En résumé, et arrêtez-moi si je me trompe : l'écran reste noir avec la station."),
    ("en", "Let me sum up, and stop me if I get anything wrong: the printer prints blank pages."),
    (
        "en",
        "So, in short, and tell me if I missed something: Outlook asks for your password hourly.",
    ),
    (
        "en",
        "Let me sum up: the badge stopped working at the car park. Tell me if I've got it wrong.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CORRECT_ME)
def test_an_invitation_to_correct_a_restatement_asks_for_no_step(lang: str, text: str) -> None:
    _has(text, lang, "restate")
    _lacks(text, lang, "instruction", "check", "offer_help")


@pytest.mark.parametrize(
    ("lang", "text", "act"),
    [
        ("nl", "Zeg het maar.", "offer_help"),
        ("fr", "Redémarrez et dites-moi si ça marche.", "check"),
        ("fr", "Arrêtez le service et dites-moi si ça marche.", "instruction"),
        ("en", "Restart it and tell me if it works now.", "check"),
        ("en", "Stop the sync and tell me when it's done.", "instruction"),
    ],
)
def test_telling_whether_it_works_is_still_asked(lang: str, text: str, act: str) -> None:
    """Near misses: "dites-moi si ça marche" after a step is `check`, an imperative a step."""
    _has(text, lang, act)


# ------------------------------------------------------------------ a fronted adverb, no question

FRONTED = [
    # the bank's (nl-lindeveld-examen T-1023's solution, read as a question by 2.7)
    (
        "Zo lost ge het op: Het wolkje rechtsonder toont de toestand: een gebruiker pauzeert de "
        "synchronisatie soms tijdens een presentatie of bij een trage verbinding; ze hervat na 2, "
        "8 of 24 uur vanzelf. Het pauzeteken: de synchronisatie staat op pauze sinds de presentatie."
    ),
    "Zo lost ge het op: de synchronisatie staat sinds de presentatie op pauze en hervat na 8 of 24 uur.",
    "Dan krijgt ge een nieuw venster: het toont de agenda's van uw team of van uw afdeling.",
    "Nu ziet ge het pauzeteken op het wolkje: de synchronisatie staat nog op pauze sinds vanmorgen.",
    "Daarna vraagt Outlook opnieuw uw wachtwoord: dat is normaal na een wijziging of een reset.",
    "Zo doet u dat: de printer wacht vanaf 17 uur op de nachtrun of op een handmatige start.",
]


@pytest.mark.parametrize("text", FRONTED)
def test_a_declarative_after_a_fronted_adverb_asks_nothing(text: str) -> None:
    _lacks(text, "nl", "question")


@pytest.mark.parametrize(
    ("text", "gated"),
    [
        ("De printer staat sinds maandag op pauze of in slaap.", True),
        ("Het duurt 2, 8 of 24 uur.", True),
        ("Kijk eens of het nu werkt.", False),  # "of" as "whether", before its subject
        ("Sinds wanneer doet hij dat.", False),  # a preposition before a question word
        ("Ik weet niet wanneer het begon.", False),
    ],
)
def test_the_question_gate_reads_of_and_sinds_as_cues_only_where_they_can_ask(
    text: str, gated: bool
) -> None:
    """(2.8) A statement ended with "." asks only by a cue: Dutch "of" as "whether" (before a
    subject), "sinds"/"vanaf" only before a question word ("sinds wanneer")."""
    assert question_gated(rules_analysis(text, "nl")) is gated


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Zo werkt het nu?", "check"),
        ("Sinds wanneer staat de synchronisatie op pauze?", "question"),
        ("Ziet ge het wolkje rechtsonder in de taakbalk?", "question"),
    ],
)
def test_a_dutch_question_still_asks(text: str, act: str) -> None:
    _has(text, "nl", act)


# ------------------------------------------------------------------ who is on the line

WHO = [
    ("nl", "Wie heb ik aan de lijn?"),  # the bank's
    ("nl", "Wie heb ik aan de telefoon?"),
    ("nl", "Met wie heb ik het genoegen?"),
    ("nl", "Wie heb ik aan de lijn, als ik vragen mag?"),
    ("fr", "Pour vous identifier : nom, prénom et matricule, s'il vous plaît."),  # the bank's
    ("fr", "Qui ai-je au bout du fil ?"),
    ("fr", "C'est de la part de qui ?"),
    ("fr", "Pour l'identification : votre nom et votre service, s'il vous plaît."),
    ("en", "Who am I speaking with?"),  # the bank's
    ("en", "Who do I have on the line?"),
    ("en", "Who's calling, please?"),
    ("en", "To identify you: name, surname and staff number, please."),
]


@pytest.mark.parametrize(("lang", "text"), WHO)
def test_asking_who_is_on_the_line_identifies(lang: str, text: str) -> None:
    _has(text, lang, "identify")
    _lacks(text, lang, "question")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Wie heeft de printer het laatst gebruikt?"),
        ("fr", "Qui a installé ce logiciel sur votre poste ?"),
        ("en", "Who else is affected by the outage?"),
    ],
)
def test_asking_who_did_something_is_a_question(lang: str, text: str) -> None:
    _has(text, lang, "question")
    _lacks(text, lang, "identify")


THIRD_PARTY = [
    ("fr", "Vous pouvez leur donner votre identifiant."),  # cust11's
    ("fr", "Donnez votre matricule au technicien quand il arrive."),
    ("fr", "Vous pouvez lui communiquer votre numéro de badge à l'entrée."),
    ("nl", "U kunt hun uw gebruikersnaam geven."),
    ("nl", "Geef uw personeelsnummer aan de technieker als hij langskomt."),
    ("nl", "Geef hem gerust uw badgenummer aan de ingang."),
    ("en", "You can give them your username."),
    ("en", "Give the technician your staff number when he arrives."),
    ("en", "Just give him your badge number at the door."),
]


@pytest.mark.parametrize(("lang", "text"), THIRD_PARTY)
def test_giving_ones_data_to_someone_else_is_no_identification(lang: str, text: str) -> None:
    _lacks(text, lang, "identify")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Pouvez-vous me donner votre identifiant ?"),
        ("nl", "Kunt u mij uw gebruikersnaam geven?"),
        ("en", "Can you give me your username?"),
    ],
)
def test_giving_ones_data_to_the_operator_is_identification(lang: str, text: str) -> None:
    _has(text, lang, "identify")


# ------------------------------------------------------------------ sympathy with the situation

SYMPATHY = [
    ("nl", "An, wat een gedoe, sorry dat ge daarmee zit."),  # the bank's
    ("nl", "Sorry dat je daarmee zit, Jan."),
    ("nl", "Sorry dat u zoveel last hebt van die printer."),
    ("nl", "Het spijt me dat ge met dat probleem zit."),
    ("fr", "Grégory, désolée que vous ayez autant de soucis avec ça."),  # the bank's
    ("fr", "Désolé que vous ayez tous ces problèmes avec l'imprimante."),
    ("fr", "Je suis désolée que vous soyez bloqué avec ça."),
    ("fr", "Désolé que ça vous arrive encore."),
    ("en", "Sorry that you're stuck with this printer, Anna."),  # evid12's, the bank's form
    ("en", "Sorry you're stuck with this, Tom."),
    ("en", "Sorry that you're having so much trouble with the VPN."),
    ("en", "I'm sorry you're dealing with this."),
    ("en", "Sorry that this keeps happening to you."),
]


@pytest.mark.parametrize(("lang", "text"), SYMPATHY)
def test_sympathy_with_the_customers_situation_is_empathy(lang: str, text: str) -> None:
    _has(text, lang, "empathy")
    _lacks(text, lang, "apology")


WAITED = [
    ("nl", "Sorry dat ge moest wachten."),  # the bank's apology
    ("nl", "Sorry dat ik u zo lang heb laten wachten."),
    ("nl", "Het spijt me dat u zo lang hebt moeten wachten op een antwoord."),
    ("fr", "Désolée que vous ayez dû attendre."),
    ("fr", "Je suis désolée que vous ayez attendu si longtemps."),
    ("en", "Sorry that you had to wait so long."),
    ("en", "Sorry that I kept you waiting."),
    ("en", "Sorry you were kept waiting."),
]


@pytest.mark.parametrize(("lang", "text"), WAITED)
def test_sorry_that_the_customer_waited_is_an_apology(lang: str, text: str) -> None:
    _has(text, lang, "apology")
    _lacks(text, lang, "empathy")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Sorry voor het wachten, ik begrijp dat het vervelend is."),
        ("fr", "Désolée pour l'attente, je comprends que c'est frustrant."),
        ("en", "Sorry for the wait, I know it's frustrating."),
    ],
)
def test_an_apology_beside_empathy_keeps_both(lang: str, text: str) -> None:
    """Near misses: the apology gives way only on its own words ("empathy@same")."""
    _has(text, lang, "apology")
    _has(text, lang, "empathy")


@pytest.mark.parametrize(
    ("lang", "text"), SYMPATHY[:1] + SYMPATHY[4:5] + SYMPATHY[8:9] + WAITED[:1]
)
def test_the_customers_mood_calms_on_sympathy_and_on_an_apology(lang: str, text: str) -> None:
    assert set(analyse(text, lang).acts) & EMPATHY_ACTS


# ------------------------------------------------------------------ a welcome is no goodbye

WELCOME = [
    # cust11's
    (
        "nl",
        "Dag Sarah, fijn dat ge belt. Wat is er allemaal aan de hand, vertel maar van in het "
        "begin, dan noteer ik alles.",
    ),
    ("nl", "Fijn dat u belt, wat kan ik voor u doen?"),
    ("nl", "Goeiemorgen, fijn dat je ons contacteert."),
    ("fr", "Content que vous appeliez, qu'est-ce qui se passe ?"),
    ("fr", "Bonjour, ravie que vous nous contactiez. Racontez-moi tout depuis le début."),
    ("en", "Glad you called, what's going on?"),
    ("en", "Nice that you got in touch, how can I help?"),
]


@pytest.mark.parametrize(("lang", "text"), WELCOME)
def test_glad_that_the_customer_called_is_no_closing(lang: str, text: str) -> None:
    _lacks(text, lang, "closing")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Fijn dat het weer werkt, nog een fijne dag!"),
        ("nl", "Fijn dat het weer werkt."),
        ("fr", "Contente que ça remarche, bonne journée !"),
        ("en", "Glad that it works again, have a good day."),
    ],
)
def test_glad_that_it_works_still_closes(lang: str, text: str) -> None:
    _has(text, lang, "closing")


# ------------------------------------------------------------------ waiting until a device does something


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Wacht tot het lampje groen wordt."),  # l-model7's
        ("nl", "Wacht tot de laptop volledig opgestart is."),
        ("nl", "Wacht tot het scherm zwart wordt en druk dan op de knop."),
        ("fr", "Attendez que le voyant passe au vert."),
        ("fr", "Attendez que l'ordinateur ait fini de redémarrer."),
        ("en", "Wait until the light turns green."),
        ("en", "Wait until the laptop has fully restarted."),
    ],
)
def test_waiting_until_a_device_does_something_is_a_step(lang: str, text: str) -> None:
    """(2.8) The rule is `firm`: the act model, whose words "wacht" and "tot" weigh against the
    deferrals of the sets, may not take its instruction away."""
    _has(text, lang, "instruction")
    assert analyse(text, lang).negated == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Pas encore uw wachtwoord veranderen, wacht tot ik het zeg."),
        ("nl", "Installeer de update nog niet, wacht tot morgen."),
        ("en", "Don't install the update yet, wait until I tell you."),
    ],
)
def test_waiting_for_the_operators_word_beside_a_negated_step_tells_nothing(
    lang: str, text: str
) -> None:
    """Near misses: waiting for the operator or a day postpones the negated step (heldout4,
    heldout6, heldout8: no act): the firm rule does not match there."""
    analysis = analyse(text, lang)
    assert "instruction" not in analysis.acts, analysis.explain()
    assert analysis.negated


# ------------------------------------------------------------------ heldout10's negated steps given

PUT_OFF = [
    ("nl", "Wis je cache niet, dat lost niks op."),
    ("nl", "Reset uw modem niet, het helpt toch niet."),
    ("nl", "Herstart je laptop niet, die update loopt nog."),
    ("nl", "Stop effe met klikken op Vernieuwen, anders blokkeert je account."),
    ("nl", "Stop efkes met opnieuw inloggen, ik kijk het na."),
    ("fr", "Attendez avant de rebrancher la box, je vous dis quand."),
    ("fr", "N'effacez pas l'application, ça ne sert à rien."),
    ("en", "Wait before you restart it, the update is still running."),
    ("en", "Hold on before you reinstall it, I'm checking something first."),
    ("en", "Wait before plugging the dock back in."),
]


@pytest.mark.parametrize(("lang", "text"), PUT_OFF)
def test_a_step_prohibited_or_put_off_is_negated_not_given(lang: str, text: str) -> None:
    """heldout10's three negated steps counted as given, as classes: a prohibition whose comma
    is followed by "dat"/"het" (the comma ends it: no contrast "niet de gewone"), "stop effe
    met", and "wait before you ..." (the label guide: a step the customer is told not to do
    yet is negated; the writers of heldout5 and heldout10 label "Attendez avant de ..." so, with
    no `hold`: the wait is the step's, not the operator's)."""
    analysis = analyse(text, lang)
    assert "instruction" not in analysis.acts, analysis.explain()
    assert "instruction" not in rules_analysis(text, lang).acts
    assert analysis.negated, analysis.explain()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Gebruik de usb-c-poort niet de gewone."),
        ("nl", "Wacht tot het lampje groen is, en haal dan de kaart eruit."),
        ("en", "Wait a minute, then plug it back in."),
    ],
)
def test_a_step_beside_it_is_still_given(lang: str, text: str) -> None:
    _has(text, lang, "instruction")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Here is what you can do right now: carry on issuing at till 2 on the trade counter: "
            "it runs the same stores system and prints issue notes.",
        ),
        ("en", "That's why the badge works at the front door but not at the car park."),
        ("nl", "Dit is wat u doet: klik op het wolkje en kies Hervatten."),
        ("fr", "Voici comment faire : cliquez sur le nuage et choisissez Reprendre."),
    ],
)
def test_a_question_word_after_a_copula_opens_no_question(lang: str, text: str) -> None:
    """(2.8) "Here is what", "That's why", "Dit is wat", "Voici comment" open a free relative
    (the question gate: the model may not add `question` to such a statement)."""
    assert question_gated(rules_analysis(text, lang))
    _lacks(text, lang, "question")
