"""`dispatcher`'s words: short process lines in three languages, a few wordings each.

Written blind (branch evid44) from the published documents. Every line names the customer and
the ticket, and each purpose has several wordings chosen by the customer's place in the exam,
so no text goes to three customers (the published template guard, docs/assessment.md 3b). None
of them says anything about a case: the dispatcher only moves tickets.
"""

from __future__ import annotations

import re

GREET = {
    "en": [
        "Hello {first}, service desk, Sam speaking. I have logged this as {ticket}.",
        "Good day {first}, Sam at the helpdesk. Your call is registered under {ticket}.",
        "Hi {first}, this is Sam from the service desk; I made ticket {ticket} for you.",
    ],
    "nl": [
        "Dag {first}, servicedesk, met Sam. Ik heb dit geregistreerd als {ticket}.",
        "Goeiedag {first}, Sam van de helpdesk. Uw melding staat onder {ticket}.",
        "Hallo {first}, u spreekt met Sam van de servicedesk; ik maakte ticket {ticket} aan.",
    ],
    "fr": [
        "Bonjour {first}, service desk, Sam à l'appareil. J'ai enregistré ceci sous {ticket}.",
        "Bonjour {first}, ici Sam du helpdesk. Votre demande porte le numéro {ticket}.",
        "Bonjour {first}, Sam du service desk ; j'ai créé le ticket {ticket} pour vous.",
    ],
}

ROUTED = {
    "en": [
        "{first}, {ticket} is now with the {group}; you will hear from me within {minutes} minutes.",
        "I have passed {ticket} to the {group}, {first}. Next update within {minutes} minutes.",
        "{first}, the {group} has {ticket} now, and I will get back to you in {minutes} minutes.",
    ],
    "nl": [
        "{first}, {ticket} ligt nu bij {group}; u hoort binnen {minutes} minuten van mij.",
        "Ik heb {ticket} doorgegeven aan {group}, {first}. Volgende update binnen {minutes} minuten.",
        "{first}, {group} heeft {ticket} nu, en ik kom binnen {minutes} minuten bij u terug.",
    ],
    "fr": [
        "{first}, {ticket} est maintenant chez {group} ; je reviens vers vous d'ici {minutes} "
        "minutes.",
        "J'ai transmis {ticket} à {group}, {first}. Prochain point d'ici {minutes} minutes.",
        "{first}, {group} a maintenant {ticket}, je vous recontacte dans {minutes} minutes.",
    ],
}

PARKED = {
    "en": [
        "{first}, I have put {ticket} on hold for now; you will hear from me within {minutes} "
        "minutes.",
        "{ticket} is parked on our side for the moment, {first}. Next update within {minutes} "
        "minutes.",
        "{first}, {ticket} waits with us for now, and I will get back to you in {minutes} minutes.",
    ],
    "nl": [
        "{first}, ik heb {ticket} voorlopig in de wacht gezet; u hoort binnen {minutes} minuten "
        "van mij.",
        "{ticket} staat even geparkeerd bij ons, {first}. Volgende update binnen {minutes} minuten.",
        "{first}, {ticket} wacht voorlopig bij ons, en ik kom binnen {minutes} minuten bij u terug.",
    ],
    "fr": [
        "{first}, j'ai mis {ticket} en attente pour l'instant ; je reviens vers vous d'ici "
        "{minutes} minutes.",
        "{ticket} est en attente chez nous pour le moment, {first}. Prochain point d'ici "
        "{minutes} minutes.",
        "{first}, {ticket} attend chez nous, je vous recontacte dans {minutes} minutes.",
    ],
}

CLOSING = {
    "en": [
        "Is there anything else I can help you with, {first}?",
        "Can I do anything else for you today, {first}?",
        "{first}, is there something else I can help you with?",
    ],
    "nl": [
        "Kan ik u nog ergens anders mee helpen, {first}?",
        "Kan ik vandaag nog iets anders voor u doen, {first}?",
        "{first}, kan ik u nog met iets anders helpen?",
    ],
    "fr": [
        "Puis-je vous aider pour autre chose, {first} ?",
        "Puis-je faire autre chose pour vous aujourd'hui, {first} ?",
        "{first}, puis-je vous aider pour autre chose ?",
    ],
}

BYE = {
    "en": ["Thank you {first}, have a good day.", "Goodbye {first}, take care."],
    "nl": ["Bedankt {first}, nog een fijne dag.", "Dag {first}, tot later."],
    "fr": ["Merci {first}, bonne journée.", "Au revoir {first}, bonne continuation."],
}

NOTED = {
    "en": [
        "{first}, noted on {ticket}; you will hear from me within {minutes} minutes.",
        "Thanks {first}, it is on {ticket}. Update within {minutes} minutes.",
    ],
    "nl": [
        "{first}, genoteerd op {ticket}; u hoort binnen {minutes} minuten van mij.",
        "Bedankt {first}, het staat op {ticket}. Update binnen {minutes} minuten.",
    ],
    "fr": [
        "{first}, c'est noté sur {ticket} ; je reviens vers vous d'ici {minutes} minutes.",
        "Merci {first}, c'est sur {ticket}. Prochain point d'ici {minutes} minutes.",
    ],
}

UPDATE = {
    "en": [
        "Update on {ticket}: the {group} has it; next update within {minutes} minutes.",
        "Status of {ticket}, {first}: still with the {group}. I will update you within {minutes} "
        "minutes.",
        "{first}, {ticket} is in the hands of the {group}; more within {minutes} minutes.",
    ],
    "nl": [
        "Update over {ticket}: {group} heeft het; volgende update binnen {minutes} minuten.",
        "Stand van {ticket}, {first}: nog bij {group}. Ik laat binnen {minutes} minuten weer "
        "van me horen.",
        "{first}, {ticket} is in handen van {group}; meer binnen {minutes} minuten.",
    ],
    "fr": [
        "Point sur {ticket} : {group} s'en occupe ; prochain point d'ici {minutes} minutes.",
        "État de {ticket}, {first} : toujours chez {group}. Je reviens vers vous d'ici {minutes} "
        "minutes.",
        "{first}, {ticket} est entre les mains de {group} ; plus d'ici {minutes} minutes.",
    ],
}

OUR_TEAM = {"en": "service desk", "nl": "de servicedesk", "fr": "le service desk"}

RELAY = {
    "en": "{first}, the {group} says: {text}",
    "nl": "{first}, {group} laat weten: {text}",
    "fr": "{first}, {group} nous dit : {text}",
}

RESOLVED = {
    "en": "Handled by the {group} ({ticket}): {text}",
    "nl": "Afgehandeld door {group} ({ticket}): {text}",
    "fr": "Traité par {group} ({ticket}) : {text}",
}

TRANSFER_REASON = {
    "en": "escalated to the specialists",
    "nl": "doorgezet naar de specialisten",
    "fr": "transmis aux spécialistes",
}

HOLD_REASON = {
    "en": "waiting for the customer",
    "nl": "wacht op de klant",
    "fr": "en attente du client",
}

# A second line's reply that hands the ticket back ("not for our team"): read blind, by a few
# words anyone would use.
BOUNCE = re.compile(
    r"\b(not for (us|our)|not our|wrong (team|group)|niet voor (ons|onze)|verkeerde|"
    r"pas pour (nous|notre)|pas de notre|mauvais(e)? (équipe|groupe))",
    re.IGNORECASE,
)

WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def stems(text: str) -> set[str]:
    """The first five letters of each word of four letters or more: enough to match a name."""
    return {w.lower()[:5] for w in WORD.findall(text) if len(w) >= 4}


def pick(options: list[str], index: int) -> str:
    return options[index % len(options)]
