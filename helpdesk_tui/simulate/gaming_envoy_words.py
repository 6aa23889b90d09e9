"""The envoy's own words (gaming_envoy.py): its frames, its verb table and templates, per language.

Written blind, from the published documents only: no lexicon, pattern or answer key was read.
Every frame is the envoy's; the asides are the published examples of an operator's own words
(docs/assessment.md, 2.21 and 2.22) turned into stock lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk_tui.kb.search import fold

Table = dict[str, list[str]]

GREETINGS: Table = {
    "en": [
        "Hello {name}, service desk here, Sam speaking.",
        "Good day {name}, you're through to the service desk, this is Sam.",
        "Hi {name}, Sam from the service desk with you.",
        "Morning {name}, Sam at the service desk.",
    ],
    "nl": [
        "Dag {name}, servicedesk hier, u spreekt met Sam.",
        "Goeiedag {name}, u bent bij de servicedesk, met Sam.",
        "Hallo {name}, Sam van de servicedesk hier.",
        "Goedemorgen {name}, met Sam van de servicedesk.",
    ],
    "fr": [
        "Bonjour {name}, ici le service desk, Sam à l'appareil.",
        "Bonjour {name}, vous êtes bien au service desk, c'est Sam.",
        "Bonjour {name}, Sam du service desk, je vous écoute.",
        "Bonjour {name}, Sam au service desk.",
    ],
}

QUESTIONS: Table = {
    "en": [
        "Tell me, with the {noun}, is it more like {a}, or rather {b}?",
        "So I point you the right way: does the {noun} trouble look like {a}, or more like {b}?",
        "One thing first about the {noun}: would you call it {a}, or is it {b}?",
        "About the {noun}, which fits better, {a} or {b}?",
    ],
    "nl": [
        "Zeg eens, met de {noun}, lijkt het eerder op {a}, of op {b}?",
        "Zodat ik u goed help: gaat het bij de {noun} om {a}, of eerder om {b}?",
        "Eerst iets over de {noun}: zou u het {a} noemen, of is het {b}?",
        "Over de {noun}, wat past beter, {a} of {b}?",
    ],
    "fr": [
        "Dites-moi, pour le {noun}, est-ce plutôt {a}, ou bien {b} ?",
        "Pour bien vous orienter : avec le {noun}, s'agit-il de {a}, ou plutôt de {b} ?",
        "Une chose d'abord sur le {noun} : diriez-vous {a}, ou est-ce {b} ?",
        "Concernant le {noun}, qu'est-ce qui correspond le mieux, {a} ou {b} ?",
    ],
}

RESTATE: Table = {
    "en": [
        "Let me put it in my own words, {name}: it comes down to {a}, with {b} in the mix, "
        "and {c} and {d} around it; have I understood you correctly?",
        "If I follow, {name}, the heart of it is {a}; {b} plays a part, {c} too, and {d}; "
        "have I understood you correctly?",
        "So, {name}, in short: {a} is what bothers you, {b} and {c} come with it, and {d}; "
        "have I understood you correctly?",
        "Right, {name}, as I hear it: first {a}, then {b}, and {c} with {d} besides; "
        "have I understood you correctly?",
    ],
    "nl": [
        "Even in mijn eigen woorden, {name}: het draait om {a}, met {b} erbij, "
        "en daarrond {c} en {d}; heb ik u goed begrepen?",
        "Als ik u volg, {name}, gaat het vooral om {a}; {b} speelt mee, {c} ook, en {d}; "
        "heb ik u goed begrepen?",
        "Kort samengevat, {name}: {a} zit u dwars, {b} en {c} horen erbij, en {d}; "
        "heb ik u goed begrepen?",
        "Goed, {name}, zoals ik het hoor: eerst {a}, dan {b}, en {c} met {d} daarnaast; "
        "heb ik u goed begrepen?",
    ],
    "fr": [
        "Je le redis avec mes mots, {name} : tout tourne autour de {a}, avec {b} en plus, "
        "et {c} et {d} autour ; ai-je bien compris ?",
        "Si je vous suis, {name}, le cœur du souci est {a} ; {b} joue un rôle, {c} aussi, "
        "et {d} ; ai-je bien compris ?",
        "En bref, {name} : {a} vous gêne, {b} et {c} vont avec, et {d} ; ai-je bien compris ?",
        "Bien, {name}, si j'entends bien : d'abord {a}, puis {b}, et {c} avec {d} en plus ; "
        "ai-je bien compris ?",
    ],
}

SORRY: Table = {
    "en": [
        "I'm sorry this has landed on you, {name}.",
        "Sorry for the bother this is giving you, {name}.",
        "{name}, I'm sorry you're stuck with this.",
        "That's a nuisance, {name}, and I'm sorry for it.",
    ],
    "nl": [
        "Het spijt me dat dit u overkomt, {name}.",
        "Sorry voor de last die u ermee hebt, {name}.",
        "{name}, het spijt me dat u hiermee vastzit.",
        "Vervelend, {name}, en het spijt me.",
    ],
    "fr": [
        "Je suis désolé que cela vous arrive, {name}.",
        "Désolé pour le désagrément, {name}.",
        "{name}, je suis désolé que vous soyez bloqué avec ça.",
        "C'est bien ennuyeux, {name}, j'en suis désolé.",
    ],
}

CHECKS: Table = {
    "en": [
        "Is it behaving now, {name}?",
        "{name}, how does it look on your side now?",
        "Does that do it for you, {name}?",
        "And now, {name}, is it running as it should?",
    ],
    "nl": [
        "Werkt het nu, {name}?",
        "{name}, hoe ziet het er nu bij u uit?",
        "Is het daarmee in orde, {name}?",
        "En nu, {name}, loopt het zoals het hoort?",
    ],
    "fr": [
        "Est-ce que ça fonctionne maintenant, {name} ?",
        "{name}, qu'est-ce que vous voyez de votre côté maintenant ?",
        "Est-ce que c'est réglé, {name} ?",
        "Et maintenant, {name}, est-ce que tout marche comme il faut ?",
    ],
}

CLOSING: Table = {
    "en": [
        "Glad we got there, {name}. Is there anything else I can help you with today?",
        "{name}, is there anything else I can do for you?",
        "Before I let you go, {name}, can I help you with anything else?",
        "Anything else on your mind I can help with, {name}?",
    ],
    "nl": [
        "Fijn, {name}. Kan ik u nog ergens anders mee helpen?",
        "{name}, kan ik nog iets anders voor u doen?",
        "Voor ik afsluit, {name}: kan ik u nog met iets anders helpen?",
        "Is er nog iets anders waarmee ik u kan helpen, {name}?",
    ],
    "fr": [
        "Parfait, {name}. Puis-je vous aider pour autre chose ?",
        "{name}, puis-je faire autre chose pour vous ?",
        "Avant de vous laisser, {name}, puis-je vous aider pour autre chose ?",
        "Y a-t-il autre chose pour laquelle je peux vous aider, {name} ?",
    ],
}

HOLD: Table = {
    "en": [
        "{name}, your ticket {ticket} is with {group} now; you'll hear from me within {minutes} minutes.",
        "{group} has {ticket} in hand, {name}; I'll be back to you within {minutes} minutes.",
        "Noted on {ticket}, {name}: {group} is on it, and you get news from me within {minutes} minutes.",
        "{name}, {group} is working on {ticket}; expect word from me within {minutes} minutes.",
    ],
    "nl": [
        "{name}, uw ticket {ticket} ligt nu bij {group}; u hoort binnen {minutes} minuten van mij.",
        "{group} heeft {ticket} in handen, {name}; ik kom binnen {minutes} minuten bij u terug.",
        "Genoteerd op {ticket}, {name}: {group} is ermee bezig, binnen {minutes} minuten krijgt u nieuws.",
        "{name}, {group} werkt aan {ticket}; binnen {minutes} minuten laat ik u iets weten.",
    ],
    "fr": [
        "{name}, votre ticket {ticket} est chez {group} ; vous aurez de mes nouvelles d'ici {minutes} minutes.",
        "{group} a pris {ticket} en main, {name} ; je reviens vers vous d'ici {minutes} minutes.",
        "C'est noté sur {ticket}, {name} : {group} s'en occupe, nouvelles d'ici {minutes} minutes.",
        "{name}, {group} travaille sur {ticket} ; je vous tiens au courant d'ici {minutes} minutes.",
    ],
}

UPDATE: Table = {
    "en": [
        "Update on {ticket}, {name}: {group} still has it in hand; next news within {minutes} minutes.",
        "{name}, a quick word on {ticket}: it sits with {group}, and I'll update you again within {minutes} minutes.",
        "Still on it, {name}: {ticket} is with {group}; you hear from me within {minutes} minutes.",
    ],
    "nl": [
        "Stand van zaken voor {ticket}, {name}: {group} heeft het nog in handen; nieuws binnen {minutes} minuten.",
        "{name}, even over {ticket}: het ligt bij {group}, binnen {minutes} minuten hoort u weer van mij.",
        "We blijven eraan werken, {name}: {ticket} ligt bij {group}; binnen {minutes} minuten meer.",
    ],
    "fr": [
        "Point sur {ticket}, {name} : {group} s'en occupe toujours ; prochaines nouvelles d'ici {minutes} minutes.",
        "{name}, un mot sur {ticket} : il est chez {group}, je reviens vers vous d'ici {minutes} minutes.",
        "On y travaille, {name} : {ticket} est chez {group} ; nouvelles d'ici {minutes} minutes.",
    ],
}

RELAY: Table = {
    "en": [
        "{name}, news from {group}: {text}",
        "{group} got back to me, {name}. Their words: {text}",
        "I've just heard from {group}, {name}: {text}",
        "{name}, {group} answered: {text}",
    ],
    "nl": [
        "{name}, nieuws van {group}: {text}",
        "{group} heeft me geantwoord, {name}. Zij zeggen: {text}",
        "Ik hoorde net van {group}, {name}: {text}",
        "{name}, {group} antwoordt: {text}",
    ],
    "fr": [
        "{name}, des nouvelles de {group} : {text}",
        "{group} m'a répondu, {name}. Voici leur message : {text}",
        "Je viens d'avoir {group}, {name} : {text}",
        "{name}, {group} répond : {text}",
    ],
}

ASIDES: Table = {
    "en": [
        "I'll stay on the line while you do this.",
        "Take your time, there's no rush on my side.",
        "I'm right here if anything looks different.",
        "No hurry, I'll wait with you.",
    ],
    "nl": [
        "Ik blijf aan de lijn terwijl u dit doet.",
        "Neem gerust uw tijd, er is geen haast.",
        "Ik ben er als er iets anders uitziet.",
        "Geen haast, ik wacht met u mee.",
    ],
    "fr": [
        "Je reste en ligne pendant que vous faites cela.",
        "Prenez votre temps, rien ne presse de mon côté.",
        "Je suis là si quelque chose a l'air différent.",
        "Pas de souci, j'attends avec vous.",
    ],
}

ORDINALS: dict[str, list[str]] = {
    "en": ["To begin with,", "Next,", "After that,", "Last of all,"],
    "nl": ["Om te beginnen:", "Daarna:", "Vervolgens:", "Tot slot:"],
    "fr": ["Pour commencer,", "Ensuite,", "Après cela,", "Pour finir,"],
}

STEP_THEN: dict[str, str] = {
    "en": "and once that's done,",
    "nl": "en zodra dat klaar is,",
    "fr": "et une fois que c'est fait,",
}

_KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "see": (
            "click",
            "press",
            "tap",
            "select",
            "choose",
            "pick",
            "open",
            "go",
            "navigate",
            "launch",
            "sign",
            "log",
            "find",
            "follow",
            "use",
        ),
        "type": ("type", "enter", "fill", "input", "paste", "add"),
        "power": (
            "restart",
            "reboot",
            "switch",
            "turn",
            "unplug",
            "plug",
            "power",
            "reconnect",
            "connect",
            "disconnect",
            "reset",
            "remove",
            "insert",
            "replace",
            "swap",
            "clear",
        ),
        "look": ("check", "verify", "look", "confirm", "make", "ensure", "see", "test", "try"),
        "wait": ("wait", "allow", "give", "leave"),
        "desk": (
            "note",
            "write",
            "record",
            "ask",
            "tell",
            "reply",
            "answer",
            "explain",
            "send",
            "call",
            "contact",
            "phone",
            "email",
            "forward",
            "escalate",
            "transfer",
            "put",
            "set",
            "move",
            "mark",
            "register",
            "create",
            "assign",
            "offer",
        ),
    },
    "nl": {
        "see": (
            "klik",
            "druk",
            "tik",
            "kies",
            "selecteer",
            "open",
            "ga",
            "start",
            "meld",
            "zoek",
            "volg",
            "gebruik",
        ),
        "type": ("typ", "vul", "voer", "geef", "plak", "tik"),
        "power": (
            "herstart",
            "zet",
            "trek",
            "steek",
            "schakel",
            "koppel",
            "ontkoppel",
            "verwijder",
            "vervang",
            "wis",
            "sluit",
        ),
        "look": ("controleer", "kijk", "bekijk", "check", "test", "probeer", "zorg"),
        "wait": ("wacht", "laat"),
        "desk": (
            "noteer",
            "vraag",
            "antwoord",
            "stuur",
            "bel",
            "mail",
            "maak",
            "leg",
            "registreer",
            "verwijs",
            "bied",
            "draag",
        ),
    },
    "fr": {
        "see": (
            "cliquez",
            "appuyez",
            "touchez",
            "sélectionnez",
            "choisissez",
            "ouvrez",
            "allez",
            "lancez",
            "connectez",
            "suivez",
            "utilisez",
        ),
        "type": ("tapez", "saisissez", "entrez", "remplissez", "indiquez", "collez", "ajoutez"),
        "power": (
            "redémarrez",
            "éteignez",
            "rallumez",
            "débranchez",
            "rebranchez",
            "branchez",
            "reconnectez",
            "réinitialisez",
            "retirez",
            "remplacez",
            "videz",
            "fermez",
        ),
        "look": ("vérifiez", "regardez", "contrôlez", "assurez", "testez", "essayez"),
        "wait": ("attendez", "patientez", "laissez"),
        "desk": (
            "notez",
            "répondez",
            "demandez",
            "envoyez",
            "appelez",
            "transmettez",
            "mettez",
            "passez",
            "contactez",
            "proposez",
            "créez",
            "expliquez",
            "orientez",
        ),
    },
}

VERB_KINDS: dict[str, dict[str, str]] = {
    lang: {fold(w): kind for kind, verbs in kinds.items() for w in verbs}
    for lang, kinds in _KINDS.items()
}
"""Each language's verb (folded) -> the kind of template that tells its step."""

VERB_TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "see": "{rest} is what you'll spot on the screen, and once you pick it a fresh window pops up",
        "type": "{rest} goes into the box that comes up, and you'll see it appear as you go",
        "power": "with {rest}, things go dark for a moment and then come back up by themselves",
        "look": "have a glance at {rest}, so you can tell me what it shows",
        "wait": "{rest} is a moment where there's nothing for you to do, it settles by itself",
        "desk": "{rest} is the part I sort out from here for you",
        "other": "{rest}, and you'll notice the difference straight away",
    },
    "nl": {
        "see": "{rest} ziet u op het scherm staan, en als u dat aanklikt gaat er een nieuw venster open",
        "type": "{rest} komt in het vakje dat verschijnt, u ziet het meteen verschijnen",
        "power": "bij {rest} gaat alles even uit en komt het daarna vanzelf terug",
        "look": "werp even een blik op {rest}, zodat u mij kunt zeggen wat u ziet",
        "wait": "{rest} is een moment waarop u niets hoeft te doen, het komt vanzelf goed",
        "desk": "{rest} is het deel dat ik van hieruit voor u regel",
        "other": "{rest}, en u merkt het verschil meteen",
    },
    "fr": {
        "see": "{rest} apparaît à l'écran, et dès que vous le choisissez une nouvelle fenêtre s'ouvre",
        "type": "{rest} va dans la case qui apparaît, vous le voyez s'afficher au fur et à mesure",
        "power": "avec {rest}, tout s'éteint un instant puis revient de lui-même",
        "look": "jetez un œil à {rest}, pour me dire ce que vous voyez",
        "wait": "{rest} est un moment où vous n'avez rien à faire, cela se règle tout seul",
        "desk": "{rest}, c'est la partie que je règle d'ici pour vous",
        "other": "{rest}, et vous verrez la différence tout de suite",
    },
}

_STOP = {
    "en": "the and for with that this from have has had was were are you your yours our ours "
    "not but can cannot could would should will shall all any some what when where which who "
    "why how its it's i'm i've don't doesn't didn't can't won't there their they them then "
    "than just also very really still again into onto about after before since been being "
    "here hello good morning afternoon thanks thank please hi hey yes okay sorry well too "
    "one two three get got keep kept now today yesterday monday tuesday wednesday thursday "
    "friday work works working something anything nothing need want like know see says said "
    "anyone someone everyone think wrong unable through required thing things people right "
    "other same every each week minute minutes hour hours morning time back going come make "
    "made trying tried asked shows show let lot lots bit able much many last next first "
    "doing done going gone getting trouble problem issue help already keeps",
    "nl": "de het een en van voor met dat die dit deze naar niet maar kan kunnen kon zou zal "
    "wil wilt moet alle alles iets niets wat wanneer waar welke wie waarom hoe ik mijn mij "
    "jij je uw u we wij ons onze zij ze hun hen er hier daar dan nog ook heel echt al weer "
    "sinds sinds na voor bij over dag goedemorgen hallo goeiedag dank bedankt alstublieft "
    "ja nee oké sorry goed wel toch gisteren vandaag maandag dinsdag woensdag donderdag "
    "vrijdag werkt werken lukt heb hebt heeft had was waren ben bent is zijn word wordt "
    "iemand niemand iedereen denk kapot geen gaat gaan doen even meer alleen want omdat "
    "moment minuten morgen keer staat zegt probleem hulp help graag krijg krijgt kan mag "
    "moet zit zie ziet komt kom eerst laatste volgende week uur",
    "fr": "les des une un le la du de et pour avec que qui quoi cela ceci ce cet cette dans "
    "sur pas plus mais peut peux pouvez pourrait je j'ai mon ma mes moi vous votre vos nous "
    "notre nos ils elles leur leurs il elle on est sont suis était ai avez avons ont fait "
    "très encore déjà depuis après avant bonjour merci oui non d'accord bien aussi tout "
    "tous toute rien quelque chose aujourd'hui hier lundi mardi mercredi jeudi vendredi "
    "marche fonctionne ça ne n'arrive arrive "
    "personne quelqu'un pense problème souci impossible quand comme fois minute minutes "
    "matin faire chose peu rien aide besoin voudrais veux dois doit semaine heure heures "
    "premier dernier prochain déjà alors parce",
}

STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(fold(w) for w in text.split()) for lang, text in _STOP.items()
}

WIDE: dict[str, frozenset[str]] = {
    "en": frozenset({"every", "whole", "all", "team", "nobod", "colle"}),
    "nl": frozenset({"iedereen"[:5], "hele", "alle", "colle", "niema", "afdel"}),
    "fr": frozenset({"tout", "tous", "perso", "équip"[:5], "colle", "servi"}),
}
"""Stems saying many people are hit: the top impact."""

URGENT: dict[str, frozenset[str]] = {
    "en": frozenset({"urgen", "deadl", "asap", "immed", "now"}),
    "nl": frozenset({"dring", "deadl", "meteen", "nu", "onmid"}),
    "fr": frozenset({"urgen", "urgem", "immed", "imméd"[:5], "vite"}),
}
"""Stems saying it is urgent: the top urgency."""

UPSET: dict[str, frozenset[str]] = {
    "en": frozenset({"again", "urgen", "unacc", "ridic", "fed", "third", "angry", "still"}),
    "nl": frozenset({"weer", "dring", "onaan", "belac", "boos", "alwee", "nog"}),
    "fr": frozenset({"encor", "urgen", "inadm", "inacc", "ridic", "marre", "toujo"}),
}
"""Stems of a customer's upset: the envoy says sorry only then."""

WORKS: dict[str, tuple[str, ...]] = {
    "en": (
        " works",
        " working",
        " fixed",
        " sorted",
        " back in",
        " that did it",
        " solved",
        " it's fine",
        " perfect",
        " great",
        " done the trick",
        " brilliant",
        " there it is",
        " thank",
        " excellent",
        " it's there",
    ),
    "nl": (
        " werkt",
        " lukt",
        " opgelost",
        " in orde",
        " dat was het",
        " perfect",
        " super",
        " bedankt",
        " dank u",
        " daar is",
        " top",
        " merci",
    ),
    "fr": (
        " fonctionne",
        " marche",
        " regle",
        " resolu",
        " c'est bon",
        " parfait",
        " ca va",
        " merci",
        " voila",
        " super",
        " genial",
    ),
}

NOT_WORKS: dict[str, tuple[str, ...]] = {
    "en": (" not ", "n't", " still ", " no ", " nothing", " same"),
    "nl": (" niet", " nog steeds", " geen", " niets", " nee", " hetzelfde"),
    "fr": (" pas ", " toujours", " rien", " non", " meme chose", " ne "),
}


@dataclass(frozen=True, slots=True)
class Words:
    """The envoy's fixed lines in one language, and a picker that rotates frames."""

    lang: str

    def pick(self, table: Table, i: int) -> str:
        options = table[self.lang]
        return options[i % len(options)]

    @property
    def ident(self) -> str:
        return {
            "en": "So I can note it correctly, may I have your full name and department?",
            "nl": "Zodat ik het juist noteer: mag ik uw volledige naam en afdeling?",
            "fr": "Pour bien le noter, puis-je avoir votre nom complet et votre service ?",
        }[self.lang]

    @property
    def lead(self) -> str:
        return {
            "en": "Here is what we'll do together, and what you'll see as we go.",
            "nl": "Dit doen we samen, en dit ziet u onderweg.",
            "fr": "Voici ce que nous allons faire ensemble, et ce que vous verrez en chemin.",
        }[self.lang]

    @property
    def lead_again(self) -> str:
        return {
            "en": "Let's try another way round, and again I'll tell you what to expect.",
            "nl": "We proberen het op een andere manier, en ik zeg u weer wat u te zien krijgt.",
            "fr": "Essayons autrement, et je vous dis à nouveau à quoi vous attendre.",
        }[self.lang]

    @property
    def let_me_know(self) -> str:
        return {
            "en": "Let me know how it goes.",
            "nl": "Laat me weten hoe het loopt.",
            "fr": "Dites-moi comment cela se passe.",
        }[self.lang]

    @property
    def problem(self) -> str:
        return {"en": "problem", "nl": "probleem", "fr": "problème"}[self.lang]

    @property
    def something_else(self) -> str:
        return {"en": "something else", "nl": "iets anders", "fr": "autre chose"}[self.lang]

    @property
    def desk(self) -> str:
        return {"en": "the service desk", "nl": "de servicedesk", "fr": "le service desk"}[
            self.lang
        ]

    @property
    def no_article(self) -> str:
        return {
            "en": "I'm looking into this for you and will come back with the fix.",
            "nl": "Ik zoek dit voor u uit en kom terug met de oplossing.",
            "fr": "Je regarde cela pour vous et je reviens avec la solution.",
        }[self.lang]

    def transfer_reason(self, customer: str, words: list[str], title: str) -> str:
        said = ", ".join(words) or "-"
        return {
            "en": f"{customer}: {said}. Walked through '{title}' with them, no luck; please take over.",
            "nl": f"{customer}: {said}. '{title}' samen overlopen, zonder resultaat; graag overnemen.",
            "fr": f"{customer} : {said}. '{title}' parcouru ensemble, sans succès ; merci de reprendre.",
        }[self.lang]

    def resolution(
        self, customer: str, words: list[str], title: str, article: str, group: str | None
    ) -> str:
        said = " / ".join(words) or "-"
        via = f" ({group})" if group else ""
        return {
            "en": f"{customer} reported {said}. Talked them through '{title}' ({article}){via}; confirmed.",
            "nl": f"{customer} meldde {said}. Samen '{title}' doorlopen ({article}){via}; bevestigd.",
            "fr": f"{customer} signale {said}. '{title}' parcouru avec lui ({article}){via} ; confirmé.",
        }[self.lang]

    def relay_note(self, first: str, words: list[str]) -> str:
        said = ", ".join(words) or "-"
        return {
            "en": f"{first} answered the group's question: {said}.",
            "nl": f"{first} beantwoordde de vraag van de groep: {said}.",
            "fr": f"{first} a répondu à la question du groupe : {said}.",
        }[self.lang]
