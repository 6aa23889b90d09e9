"""courier's fixed tables: near-synonyms, persons, stop words, frames and its own sentences.

Written blind (branch evid34) from general helpdesk vocabulary, not from any scenario's KB or
key: a table a cheater would type up once and use on every exam.
"""

from __future__ import annotations


def _bag(text: str) -> frozenset[str]:
    """A set of words typed as one string."""
    return frozenset(text.split())


SYNONYMS: dict[str, dict[str, str]] = {
    "en": {
        "restart": "reboot", "restarts": "reboots", "restarting": "rebooting",
        "reboot": "restart", "click": "press", "clicks": "presses", "select": "pick",
        "choose": "pick", "open": "launch", "opens": "launches", "close": "shut",
        "account": "profile", "accounts": "profiles", "password": "passphrase",
        "passwords": "passphrases", "screen": "display", "monitor": "display",
        "computer": "machine", "pc": "machine", "laptop": "notebook", "check": "confirm",
        "checks": "confirms", "verify": "confirm", "wait": "hold on", "remove": "take out",
        "delete": "erase", "add": "put in", "enter": "type in", "type": "key in",
        "user": "person", "users": "people", "customer": "caller", "device": "gadget",
        "devices": "gadgets", "phone": "handset", "mobile": "handset", "settings": "options",
        "setting": "option", "sign": "log", "login": "logon", "unlock": "release",
        "reset": "renew", "message": "notice", "error": "fault", "errors": "faults",
        "printer": "copier", "print": "output", "cable": "lead", "cables": "leads",
        "network": "LAN", "connect": "hook up", "connection": "link", "disconnect": "unhook",
        "button": "key", "menu": "list", "window": "pane", "file": "document",
        "files": "documents", "folder": "directory", "drive": "share", "install": "set up",
        "update": "refresh", "updates": "refreshes", "ask": "request", "tell": "inform",
        "note": "record", "ticket": "case", "transfer": "hand over", "replace": "swap",
        "new": "fresh", "old": "previous", "again": "once more", "first": "initially",
        "then": "next", "make": "ensure", "sure": "certain", "use": "employ", "uses": "employs",
        "used": "employed", "search": "look up", "find": "locate", "show": "display",
        "shows": "displays", "app": "program", "application": "program", "mail": "e-mail",
        "email": "e-mail", "mailbox": "inbox", "power": "current", "plug": "socket",
        "turn": "switch", "working": "running", "works": "runs",
        "code": "PIN", "link": "hyperlink", "portal": "site", "admin": "management",
        "browser": "web client", "page": "site page", "slow": "sluggish", "fast": "quick",
        "minutes": "mins", "hours": "hrs", "team": "unit", "manager": "supervisor",
        "identity": "ID", "number": "no.", "recently": "lately", "issue": "problem",
        "problem": "issue", "fix": "repair", "fixed": "repaired", "test": "try",
        "sign-in": "logon", "cache": "temp files", "clear": "empty", "save": "store",
        "saved": "stored", "secure": "safe", "light": "lamp", "lights": "lamps",
        "router": "box", "modem": "box", "wifi": "wireless", "battery": "cell",
        "keyboard": "keys", "mouse": "pointer", "camera": "webcam", "headset": "earpiece",
    },
    "nl": {
        "herstart": "start opnieuw op", "herstarten": "opnieuw opstarten",
        "klik": "druk", "klikt": "drukt", "klikken": "drukken", "kies": "neem",
        "kiest": "neemt", "selecteer": "neem", "open": "start", "opent": "start",
        "openen": "starten", "sluit": "doe dicht", "account": "profiel", "accounts": "profielen",
        "wachtwoord": "paswoord", "paswoord": "wachtwoord", "scherm": "beeld",
        "computer": "toestel", "pc": "toestel", "laptop": "draagbare", "controleer": "bekijk",
        "controleren": "nakijken", "kijk": "zie", "wacht": "geduld", "verwijder": "haal weg",
        "verwijderen": "weghalen", "voeg": "zet", "toevoegen": "bijzetten", "typ": "tik",
        "typt": "tikt", "gebruiker": "persoon", "gebruikers": "mensen", "klant": "beller",
        "apparaat": "toestel", "apparaten": "toestellen", "telefoon": "gsm", "gsm": "telefoon",
        "instellingen": "opties", "instelling": "optie", "aanmelden": "inloggen",
        "meld": "log", "ontgrendel": "deblokkeer", "reset": "vernieuw", "bericht": "melding",
        "fout": "storing", "foutmelding": "storingsmelding", "printer": "afdrukker",
        "afdrukken": "printen", "kabel": "snoer", "kabels": "snoeren", "netwerk": "lan",
        "verbinding": "link", "verbind": "koppel", "knop": "toets", "menu": "lijst",
        "venster": "paneel", "bestand": "document", "bestanden": "documenten",
        "map": "directory", "schijf": "share", "installeer": "zet op", "installeren": "opzetten",
        "update": "vernieuwing", "vraag": "verzoek", "vragen": "verzoeken", "noteer": "schrijf op",
        "ticket": "dossier", "nieuw": "vers", "nieuwe": "verse", "oude": "vorige",
        "opnieuw": "nog eens", "eerst": "om te beginnen", "dan": "vervolgens",
        "zorg": "verzeker", "gebruik": "hanteer", "gebruikt": "hanteert", "zoek": "spoor",
        "zoeken": "opsporen", "toon": "laat zien", "toont": "laat zien", "app": "programma",
        "toepassing": "programma", "mail": "e-mail", "mailbox": "postvak", "stroom": "spanning",
        "stekker": "plug", "zet": "schakel", "werkt": "draait", "code": "pincode",
        "portaal": "site", "beheer": "administratie", "browser": "webclient",
        "pagina": "webpagina", "traag": "sloom", "snel": "vlug", "minuten": "min",
        "uur": "u", "team": "ploeg", "dienst": "afdeling", "leidinggevende": "chef",
        "identiteit": "id", "nummer": "nr", "probleem": "kwestie", "oplossen": "verhelpen",
        "test": "probeer", "testen": "proberen", "cache": "tijdelijke bestanden",
        "leeg": "wis", "opslaan": "bewaren", "lampje": "ledje", "router": "modem",
        "modem": "router", "wifi": "draadloos", "batterij": "accu", "toetsenbord": "klavier",
        "muis": "aanwijzer", "camera": "webcam", "headset": "koptelefoon",
        "stuur": "zend", "stuurt": "zendt", "doorsturen": "overmaken", "link": "koppeling",
    },
    "fr": {
        "redémarrez": "relancez", "redémarrer": "relancer", "redémarrage": "relance",
        "cliquez": "appuyez", "cliquer": "appuyer", "sélectionnez": "prenez",
        "choisissez": "prenez", "ouvrez": "lancez", "ouvrir": "lancer", "fermez": "quittez",
        "fermer": "quitter", "compte": "profil", "comptes": "profils",
        "mot": "code", "passe": "secret", "écran": "affichage", "ordinateur": "poste",
        "pc": "poste", "portable": "notebook", "vérifiez": "contrôlez", "vérifier": "contrôler",
        "contrôlez": "vérifiez", "attendez": "patientez", "attendre": "patienter",
        "supprimez": "effacez", "supprimer": "effacer", "ajoutez": "mettez",
        "ajouter": "mettre", "saisissez": "tapez", "entrez": "tapez", "tapez": "encodez",
        "utilisateur": "usager", "utilisateurs": "usagers", "client": "appelant",
        "appareil": "équipement", "appareils": "équipements", "téléphone": "gsm",
        "gsm": "téléphone", "paramètres": "réglages", "paramètre": "réglage",
        "connectez": "branchez", "connexion": "liaison", "déconnectez": "débranchez",
        "débloquez": "déverrouillez", "réinitialisez": "remettez à zéro", "message": "avis",
        "erreur": "anomalie", "erreurs": "anomalies", "imprimante": "copieur",
        "imprimer": "sortir", "câble": "cordon", "câbles": "cordons", "réseau": "lan",
        "bouton": "touche", "menu": "liste", "fenêtre": "volet", "fichier": "document",
        "fichiers": "documents", "dossier": "répertoire", "lecteur": "partage",
        "installez": "mettez en place", "installer": "mettre en place",
        "mise": "actualisation", "demandez": "priez", "demander": "prier", "notez": "consignez",
        "ticket": "dossier", "transférez": "passez", "remplacez": "changez",
        "nouveau": "neuf", "nouvelle": "neuve", "ancien": "précédent", "ancienne": "précédente",
        "encore": "de nouveau", "ensuite": "puis", "puis": "ensuite",
        "assurez": "veillez", "utilisez": "employez", "utiliser": "employer",
        "cherchez": "recherchez", "recherchez": "cherchez", "trouvez": "repérez",
        "affiche": "montre", "application": "programme", "logiciel": "programme",
        "courriel": "e-mail", "mail": "e-mail", "messagerie": "boîte", "courant": "alimentation",
        "prise": "fiche", "allumez": "mettez sous tension", "éteignez": "coupez",
        "fonctionne": "tourne", "code": "PIN", "lien": "hyperlien", "portail": "site",
        "navigateur": "client web", "page": "page web", "lent": "poussif", "rapide": "vif",
        "minutes": "min", "heures": "h", "équipe": "cellule", "service": "département",
        "responsable": "chef", "identité": "id", "numéro": "n°", "problème": "souci",
        "souci": "problème", "réparez": "corrigez", "testez": "essayez", "tester": "essayer",
        "cache": "fichiers temporaires", "videz": "purgez", "enregistrez": "sauvegardez",
        "voyant": "témoin", "routeur": "box", "box": "modem", "wifi": "sans-fil",
        "batterie": "accu", "clavier": "pavé", "souris": "pointeur", "caméra": "webcam",
        "casque": "écouteurs", "envoyez": "expédiez", "envoyer": "expédier",
    },
}  # fmt: skip
"""Near-synonyms: each word of a borrowed text that is a key here goes out as its value."""

PERSONS: dict[str, dict[str, str]] = {
    "en": {"i": "you", "my": "your", "me": "you", "mine": "yours", "i'm": "you're",
           "am": "are", "myself": "yourself", "we": "you", "our": "your"},
    "nl": {"ik": "u", "mijn": "uw", "me": "u", "mij": "u", "m'n": "uw", "we": "jullie",
           "wij": "jullie", "ons": "jullie", "onze": "jullie", "heb": "hebt", "ben": "bent"},
    "fr": {"je": "vous", "j'ai": "vous avez", "mon": "votre", "ma": "votre", "mes": "vos",
           "me": "vous", "moi": "vous", "suis": "êtes", "ai": "avez", "nous": "vous"},
}  # fmt: skip
"""The customer's first person turned into the second, for the restatement."""

STOP: dict[str, frozenset[str]] = {
    "en": _bag(
        "the and for with that this have has had not but are was were you your from they "
        "them what when where which who how can could would should will just also then than "
        "there here its it's into about again since still only some any all very more most "
        "been being does did doing don't can't won't isn't hello thanks thank please yes "
        "okay sorry hi good morning i'm i've i'd here one quick finally hope today right now "
        "already know need want like think really"
    ),
    "nl": _bag(
        "de het een en van voor met dat die dit deze niet maar zijn was waren u uw ik mijn "
        "wat wanneer waar wie hoe kan kunt kon zou zal wil ook dan daar hier nog al alle "
        "heel meer meest geen wel nu toch even hebben heeft heb had ben bent is op aan in "
        "uit bij naar over om te er ze hij zij we wij goedemorgen dag hallo dank bedankt "
        "alstublieft sorry ja nee oké hier vandaag zo snel echt graag moet weet"
    ),
    "fr": _bag(
        "les des une est pas que qui quoi pour avec dans sur par mais vous votre vos mon "
        "mes moi nous ils elles elle lui leur leurs quand comment plus tout tous toute "
        "toutes très aussi encore déjà bien fait faire être avoir suis sont était ont "
        "peut pouvez cette ces ceux celle bonjour merci oui non madame monsieur désolé "
        "j'ai n'arrive c'est ici aujourd'hui vraiment besoin veux sais"
    ),
}
"""Little words: never searched for, never a topic."""

FRAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "Hello {name}, thanks for reaching out, this is the service desk. Could you give me "
        "your full name and department, and tell me what exactly happens with the {topic}?",
        "Good morning {name}, service desk here. May I have your full name and your "
        "department? And what do you see when the {topic} acts up?",
        "Hi {name}, you're through to the helpdesk. Please tell me your full name and "
        "department; since when has the {topic} been giving trouble?",
        "Hello {name}, helpdesk speaking. First your full name and department, please. What "
        "does the {topic} do on your side right now?",
    ),
    "nl": (
        "Dag {name}, u spreekt met de servicedesk. Mag ik uw volledige naam en dienst? En wat "
        "gebeurt er precies met {topic}?",
        "Goeiemorgen {name}, de helpdesk hier. Wat is uw volledige naam en op welke dienst "
        "werkt u? Wat ziet u als {topic} het laat afweten?",
        "Hallo {name}, met de helpdesk. Geef mij eerst uw volledige naam en dienst, aub. "
        "Sinds wanneer hebt u last van {topic}?",
        "Dag {name}, servicedesk aan de lijn. Uw volledige naam en dienst, alstublieft. Wat "
        "doet {topic} op dit moment bij u?",
    ),
    "fr": (
        "Bonjour {name}, ici le service desk. Pouvez-vous me donner votre nom complet et votre "
        "service, et me dire ce qui se passe exactement avec {topic} ?",
        "Bonjour {name}, le helpdesk à l'appareil. Votre nom complet et votre service, s'il "
        "vous plaît ? Et que voyez-vous quand {topic} pose problème ?",
        "Bonjour {name}, vous êtes en ligne avec le support. Donnez-moi d'abord votre nom "
        "complet et votre service ; depuis quand avez-vous ce souci avec {topic} ?",
        "Bonjour {name}, support informatique. Votre nom complet et votre service, svp. Que "
        "fait {topic} chez vous en ce moment ?",
    ),
}
"""The opening: greeting by first name, identification, one open question on their word."""

TEXTS: dict[str, dict[str, object]] = {
    "en": {
        "it": "it",
        "restate": "So if I follow you: {text}. Did I get that right?",
        "lead": "Here is what we can do together.",
        "ordinals": ("First,", "Next,", "After that,", "Then,", "Finally,"),
        "check": "Does it work now?",
        "closing": "Is there anything else I can do for you?",
        "relay": "News from {group}: {text}",
        "noted": "Second line wrote: {text}",
        "team": "the team",
        "promise": "{group} has {ticket} now; you will hear from me within {minutes} minutes.",
        "reason": "Steps done with the customer did not help: {steps}",
        "solution": "Walked the customer through: {steps}. Article {article}.",
        "written": "Hello {name}, thank you for your message. {steps} Let me know if it works.",
    },
    "nl": {
        "it": "het",
        "restate": "Als ik u goed begrijp: {text}. Klopt dat?",
        "lead": "Dit kunnen we samen doen.",
        "ordinals": ("Eerst:", "Daarna:", "Vervolgens:", "Dan:", "Tot slot:"),
        "check": "Werkt het nu?",
        "closing": "Kan ik nog iets anders voor u doen?",
        "relay": "Nieuws van {group}: {text}",
        "noted": "Tweede lijn schreef: {text}",
        "team": "het team",
        "promise": "{group} heeft {ticket} nu; u hoort binnen {minutes} minuten van mij.",
        "reason": "De stappen met de klant hielpen niet: {steps}",
        "solution": "Met de klant overlopen: {steps}. Artikel {article}.",
        "written": "Dag {name}, bedankt voor uw bericht. {steps} Laat u mij weten of het werkt?",
    },
    "fr": {
        "it": "ça",
        "restate": "Si je vous suis bien : {text}. C'est bien ça ?",
        "lead": "Voici ce que nous pouvons faire ensemble.",
        "ordinals": ("D'abord,", "Ensuite,", "Après cela,", "Puis,", "Enfin,"),
        "check": "Est-ce que ça fonctionne maintenant ?",
        "closing": "Puis-je encore faire autre chose pour vous ?",
        "relay": "Des nouvelles de {group} : {text}",
        "noted": "La deuxième ligne a écrit : {text}",
        "team": "l'équipe",
        "promise": "{group} a repris {ticket} ; vous aurez de mes nouvelles dans {minutes} minutes.",
        "reason": "Les étapes faites avec le client n'ont pas aidé : {steps}",
        "solution": "Parcouru avec le client : {steps}. Article {article}.",
        "written": "Bonjour {name}, merci pour votre message. {steps} Dites-moi si ça fonctionne.",
    },
}
"""courier's own sentences."""

WORKS: dict[str, tuple[str, ...]] = {
    "en": (r"\bworks?\b", r"\bworking\b", r"\bfixed\b", r"\bsolved\b", r"\bthat did it\b",
           r"\bgreat\b", r"\bperfect\b", r"\bit'?s ok"),
    "nl": (r"\bwerkt\b", r"\bgelukt\b", r"\bopgelost\b", r"\bdat was het\b", r"\bsuper\b",
           r"\bperfect\b", r"\bin orde\b"),
    "fr": (r"\bfonctionne\b", r"\bmarche\b", r"\brésolu\b", r"\bréglé\b", r"\bparfait\b",
           r"\bc'est bon\b"),
}  # fmt: skip
"""A reply that says the fix worked."""

WORKS_NOT: dict[str, tuple[str, ...]] = {
    "en": (r"\bnot\b", r"n't\b", r"\bstill\b", r"\bno\b", r"\bhalf\b", r"\bsometimes\b"),
    "nl": (r"\bniet\b", r"\bnog steeds\b", r"\bgeen\b", r"\bnee\b", r"\bhalf\b", r"\bsoms\b"),
    "fr": (r"\bpas\b", r"\btoujours\b", r"\bnon\b", r"\bmoitié\b", r"\bparfois\b"),
}  # fmt: skip
"""A reply that says it did not (read first)."""
