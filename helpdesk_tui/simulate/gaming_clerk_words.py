"""The words `clerk` (gaming_clerk.py) files with, per language: its own small lexicon.

Written blind like the policy: from the published documents only, never from the language
layer's lexicons. Stop words (to find a customer's "nouns"), the places where a sentence may
be cut and its parts filed in the other order, the persons turned, a synonym per common noun,
and the clerk's own sentences (all but the closing question cite the ticket's id, as a clerk
cites a file).
"""

from __future__ import annotations

from dataclasses import dataclass


def _set(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class ClerkWords:
    """One language's words for the clerk."""

    stop: frozenset[str]
    cuts: frozenset[str]
    """Words before which a sentence is cut into parts (conjunctions, prepositions)."""
    determiners: frozenset[str]
    """Words a noun follows: the clerk's question is about the customer's last such noun."""
    persons: dict[str, str]
    synonyms: dict[str, str]
    greetings: tuple[str, ...]
    """Greetings the customer may open with; the clerk greets them back in the same word."""
    default_greeting: str
    opening: tuple[str, ...]
    """{greeting} {first} {ref}: the greeting, the file opened, the identification asked."""
    ask: tuple[str, ...]
    """{noun} {ref}: the question about the customer's own last noun."""
    restate: tuple[str, ...]
    """{ref} {text}: the customer's clauses, filed in the other order, given back."""
    answer_lead: tuple[str, ...]
    check: tuple[str, ...]
    closing: tuple[str, ...]
    summary: str
    """{ref} {problem} {step} {article}: the resolution."""
    works: frozenset[str]
    negations: frozenset[str]
    resolution_heads: tuple[str, ...]
    """Headings under which an article lists what to do."""


EN = ClerkWords(
    stop=_set(
        "the a an and or but if then than that this these those with from into onto for "
        "about over under again also just still very really some any all each every "
        "there here what when where which who whom whose why how have has had having "
        "been being were was are is am be do does did doing done can could would should "
        "will shall might must may not no yes please thanks thank hello good morning "
        "afternoon evening they them their your yours mine our ours its it's i'm i've "
        "i'd i'll we're you're don't doesn't didn't can't won't isn't wasn't aren't "
        "since because while after before until only even though something anything "
        "nothing everything like right now today know think want need going get got "
        "keep keeps kept make makes made says said tell told"
    ),
    cuts=_set(
        "and then but so because when while after before since from with via for "
        "in on at into onto under"
    ),
    determiners=_set("the my a an this that our your his her"),
    persons={
        "i": "you",
        "i'm": "you're",
        "i've": "you've",
        "i'd": "you'd",
        "i'll": "you'll",
        "my": "your",
        "me": "you",
        "mine": "yours",
        "myself": "yourself",
        "we": "you",
        "our": "your",
        "us": "you",
        "am": "are",
    },
    synonyms={
        "printer": "print device",
        "laptop": "notebook",
        "computer": "machine",
        "screen": "display",
        "monitor": "display",
        "error": "fault",
        "message": "notice",
        "password": "passcode",
        "account": "login",
        "phone": "handset",
        "email": "mail",
        "mail": "e-mail",
        "network": "connection",
        "internet": "connection",
        "problem": "issue",
        "issue": "problem",
        "application": "program",
        "app": "program",
        "file": "document",
        "files": "documents",
        "folder": "directory",
        "meeting": "session",
        "colleague": "co-worker",
        "colleagues": "co-workers",
        "office": "workplace",
        "morning": "start of the day",
        "button": "key",
        "light": "lamp",
        "cable": "lead",
        "system": "setup",
    },
    greetings=("good morning", "good afternoon", "good evening", "morning", "hello", "hiya", "hi"),
    default_greeting="Hello",
    opening=(
        "{greeting} {first}, service desk here. I have opened file {ref} for this. "
        "Could I have your full name and your department for the file?",
        "{greeting} {first}. File {ref} is open for you now. "
        "For the record, may I have your full name and which department you are in?",
        "{greeting} {first}, you are through to the service desk, file {ref}. "
        "Can you give me your full name and department, please?",
        "{greeting} {first}, I have put this on file {ref}. "
        "To complete the record, what is your full name and department?",
    ),
    ask=(
        "Re {ref}: and the {noun}, when did that start?",
        "On file {ref}, about the {noun}: what does it do exactly when it goes wrong?",
        "For {ref}, the {noun} you mention: what do you see on it right now?",
        "Noting it under {ref}: has anything changed around the {noun} lately?",
        "{ref} again: the {noun}, is it every time or only now and then?",
        "Still on {ref}: with the {noun}, what did you already try yourself?",
        "For the {ref} record: since when is the {noun} like this?",
        "Under {ref}, one thing about the {noun}: what happened just before?",
    ),
    restate=(
        "For file {ref}, so: {text}. Is that right?",
        "Let me note this on {ref}: {text}. Have I got that right?",
        "On {ref} I now have: {text}. Is that correct?",
        "Filed under {ref}: {text}. Did I get that right?",
    ),
    answer_lead=(
        "Here is what to do for {ref}:",
        "For {ref}, the steps are these:",
        "On file {ref}, please do this:",
        "This is the way forward for {ref}:",
    ),
    check=(
        "Does it work now?",
        "Is it working now?",
        "Can you tell me whether it works now?",
        "Is that sorted now?",
    ),
    closing=(
        "Is there anything else I can help you with, {first}?",
        "{first}, can I help you with anything else?",
        "Anything else I can do for you today, {first}?",
        "Is there something else I can help with, {first}?",
    ),
    summary="Summary {ref}: {problem}. Given: {step}. Article {article}.",
    works=_set("works working worked fixed sorted back fine great perfect brilliant yes"),
    negations=_set("not no never n't still nothing doesn't don't didn't isn't won't"),
    resolution_heads=("resolution", "solution", "what to do", "fix", "steps", "workaround"),
)

NL = ClerkWords(
    stop=_set(
        "de het een en of maar als dan dat deze die dit met van voor naar over onder "
        "ook nog al wel niet geen heel erg echt wat wanneer waar welke wie waarom hoe "
        "heb hebt heeft hebben had was waren ben bent is zijn wordt worden werd kan kunt "
        "kunnen zou zouden moet moeten mag mogen wil wilt willen doe doet doen gedaan "
        "ik mij mijn me we wij ons onze u uw jij je jouw ze zij hun hem haar er hier daar "
        "dus want omdat terwijl sinds nadat voordat tot alleen zelfs iets niets alles "
        "goedemorgen goeiemorgen dag hallo hoi bedankt dank alstublieft graag nu vandaag "
        "even gewoon weer terug zo toch eens hoor"
    ),
    cuts=_set(
        "en dan maar want omdat als wanneer terwijl sinds na voor van met via in op naar bij"
    ),
    determiners=_set("de het een mijn onze die dat deze dit uw"),
    persons={
        "ik": "u",
        "mijn": "uw",
        "me": "u",
        "mij": "u",
        "we": "u",
        "wij": "u",
        "ons": "uw",
        "onze": "uw",
        "heb": "hebt",
        "ben": "bent",
        "kan": "kunt",
        "wil": "wilt",
    },
    synonyms={
        "printer": "afdrukker",
        "laptop": "draagbare pc",
        "computer": "toestel",
        "pc": "computer",
        "scherm": "beeldscherm",
        "fout": "storing",
        "foutmelding": "melding",
        "melding": "boodschap",
        "wachtwoord": "paswoord",
        "paswoord": "wachtwoord",
        "account": "login",
        "gsm": "telefoon",
        "telefoon": "toestel",
        "mail": "e-mail",
        "netwerk": "verbinding",
        "internet": "verbinding",
        "probleem": "kwestie",
        "programma": "toepassing",
        "toepassing": "programma",
        "bestand": "document",
        "map": "folder",
        "collega": "medewerker",
        "collega's": "medewerkers",
        "kantoor": "werkplek",
        "kabel": "snoer",
        "lampje": "lichtje",
        "knop": "toets",
        "kassa": "kassatoestel",
    },
    greetings=("goedemorgen", "goeiemorgen", "goedemiddag", "goeiedag", "dag", "hallo", "hoi"),
    default_greeting="Dag",
    opening=(
        "{greeting} {first}, de servicedesk hier. Ik heb dossier {ref} voor u geopend. "
        "Mag ik voor het dossier uw volledige naam en uw afdeling?",
        "{greeting} {first}. Dossier {ref} staat voor u open. "
        "Voor de registratie: wat is uw volledige naam en bij welke afdeling werkt u?",
        "{greeting} {first}, u spreekt met de servicedesk, dossier {ref}. "
        "Kunt u mij uw volledige naam en afdeling geven?",
        "{greeting} {first}, ik heb dit onder dossier {ref} gezet. "
        "Om het dossier af te maken: uw volledige naam en afdeling, alstublieft?",
    ),
    ask=(
        "Voor {ref}: en de {noun}, sinds wanneer is dat zo?",
        "In dossier {ref}, over de {noun}: wat gebeurt er precies als het misgaat?",
        "Voor {ref}, de {noun} die u noemt: wat ziet u er nu op?",
        "Ik noteer het onder {ref}: is er de laatste tijd iets veranderd aan de {noun}?",
        "Nog eens {ref}: de {noun}, is dat elke keer of maar af en toe?",
        "Nog over {ref}: wat hebt u zelf al geprobeerd met de {noun}?",
        "Voor het dossier {ref}: vanaf wanneer doet de {noun} dit?",
        "Onder {ref}, één ding over de {noun}: wat gebeurde er net daarvoor?",
    ),
    restate=(
        "Voor dossier {ref} dus: {text}. Klopt dat?",
        "Ik noteer in {ref}: {text}. Heb ik dat goed?",
        "In {ref} staat nu: {text}. Is dat juist?",
        "Genoteerd onder {ref}: {text}. Klopt dat zo?",
    ),
    answer_lead=(
        "Dit moet u doen voor {ref}:",
        "Voor {ref} zijn dit de stappen:",
        "In dossier {ref}, doe alstublieft het volgende:",
        "Zo gaan we verder met {ref}:",
    ),
    check=(
        "Werkt het nu?",
        "Lukt het nu?",
        "Kunt u me zeggen of het nu werkt?",
        "Is het nu in orde?",
    ),
    closing=(
        "Kan ik u nog met iets anders helpen, {first}?",
        "{first}, kan ik nog iets voor u doen?",
        "Is er nog iets anders waarmee ik u kan helpen, {first}?",
        "Mag ik u nog ergens anders mee helpen, {first}?",
    ),
    summary="Samenvatting {ref}: {problem}. Gegeven: {step}. Artikel {article}.",
    works=_set("werkt lukt gelukt opgelost terug orde ja top super prima merci"),
    negations=_set("niet geen nog steeds nooit niets"),
    resolution_heads=("oplossing", "wat te doen", "stappen", "aanpak", "werkwijze", "omweg"),
)

FR = ClerkWords(
    stop=_set(
        "le la les un une des du de d' et ou mais si alors que qui quoi quand où quel "
        "quelle quels quelles comment pourquoi avec sans pour par sur sous dans chez "
        "vers aussi encore déjà très bien pas plus rien tout tous toute toutes ce cette "
        "ces cet il elle ils elles je j' me m' moi mon ma mes nous notre nos vous votre "
        "vos leur leurs son sa ses est sont était étaient suis es être ai as avons avez "
        "ont avait fait faire peut pouvez peux pouvons doit dois devez veux voulez "
        "bonjour bonsoir salut merci madame monsieur aujourd'hui maintenant depuis "
        "parce puis donc comme ça cela ceci y en ne n' qu' c'est c' l' s' là ici"
    ),
    cuts=_set("et puis mais car parce quand lorsque depuis après avant avec pour dans sur par via"),
    determiners=_set("le la les un une mon ma mes notre nos ce cette ces du des l"),
    persons={
        "je": "vous",
        "j'": "vous ",
        "me": "vous",
        "m'": "vous ",
        "moi": "vous",
        "mon": "votre",
        "ma": "votre",
        "mes": "vos",
        "nous": "vous",
        "notre": "votre",
        "nos": "vos",
    },
    synonyms={
        "imprimante": "appareil d'impression",
        "ordinateur": "poste",
        "pc": "ordinateur",
        "portable": "ordinateur portable",
        "écran": "moniteur",
        "erreur": "anomalie",
        "message": "avis",
        "mot": "terme",
        "compte": "accès",
        "téléphone": "appareil",
        "gsm": "téléphone",
        "mail": "courriel",
        "courriel": "e-mail",
        "réseau": "connexion",
        "internet": "connexion",
        "problème": "souci",
        "souci": "problème",
        "logiciel": "programme",
        "application": "programme",
        "fichier": "document",
        "dossier": "répertoire",
        "collègue": "collaborateur",
        "collègues": "collaborateurs",
        "bureau": "poste de travail",
        "câble": "cordon",
        "voyant": "témoin",
        "bouton": "touche",
    },
    greetings=("bonjour", "bonsoir", "salut", "allô", "allo"),
    default_greeting="Bonjour",
    opening=(
        "{greeting} {first}, ici le service desk. J'ai ouvert le dossier {ref} pour vous. "
        "Pour le dossier, puis-je avoir votre nom complet et votre service ?",
        "{greeting} {first}. Le dossier {ref} est ouvert à votre nom. "
        "Pour l'enregistrement, quel est votre nom complet et dans quel service travaillez-vous ?",
        "{greeting} {first}, vous êtes au service desk, dossier {ref}. "
        "Pouvez-vous me donner votre nom complet et votre service ?",
        "{greeting} {first}, j'ai noté cela sous le dossier {ref}. "
        "Pour compléter la fiche, votre nom complet et votre service, s'il vous plaît ?",
    ),
    ask=(
        "Pour {ref} : et le {noun}, depuis quand est-ce ainsi ?",
        "Au dossier {ref}, à propos du {noun} : que se passe-t-il exactement quand ça bloque ?",
        "Pour {ref}, le {noun} dont vous parlez : que voyez-vous dessus en ce moment ?",
        "Je le note sous {ref} : quelque chose a-t-il changé autour du {noun} récemment ?",
        "Encore {ref} : le {noun}, c'est à chaque fois ou seulement de temps en temps ?",
        "Toujours sur {ref} : qu'avez-vous déjà essayé vous-même avec le {noun} ?",
        "Pour la fiche {ref} : à partir de quand le {noun} fait-il cela ?",
        "Sous {ref}, une chose sur le {noun} : que s'est-il passé juste avant ?",
    ),
    restate=(
        "Pour le dossier {ref}, donc : {text}. C'est bien ça ?",
        "Je note au {ref} : {text}. Ai-je bien compris ?",
        "Au {ref} j'ai maintenant : {text}. Est-ce exact ?",
        "Noté sous {ref} : {text}. C'est correct ?",
    ),
    answer_lead=(
        "Voici ce qu'il faut faire pour {ref} :",
        "Pour {ref}, voici les étapes :",
        "Au dossier {ref}, faites ceci s'il vous plaît :",
        "Pour avancer sur {ref}, voici la marche à suivre :",
    ),
    check=(
        "Est-ce que ça fonctionne maintenant ?",
        "Ça marche maintenant ?",
        "Pouvez-vous me dire si ça fonctionne à présent ?",
        "Est-ce réglé maintenant ?",
    ),
    closing=(
        "Puis-je vous aider pour autre chose, {first} ?",
        "{first}, y a-t-il autre chose que je puisse faire pour vous ?",
        "Avez-vous besoin d'autre chose, {first} ?",
        "Est-ce que je peux encore vous aider pour autre chose, {first} ?",
    ),
    summary="Résumé {ref} : {problem}. Donné : {step}. Article {article}.",
    works=_set("marche fonctionne remarche fonctionne réglé résolu oui parfait super top"),
    negations=_set("pas plus jamais rien toujours non"),
    resolution_heads=(
        "résolution",
        "solution",
        "que faire",
        "étapes",
        "marche à suivre",
        "contournement",
    ),
)

WORDS: dict[str, ClerkWords] = {"en": EN, "nl": NL, "fr": FR}
"""The clerk's words by the scenario's language (English for any other)."""
