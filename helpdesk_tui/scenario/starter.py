"""A small, valid starter scenario for authors (`helpdesk-exam scenario new`).

Authors learn a format fastest from a working example they can change. The
starter has one incident per channel kind that matters (a chat, a call that
must be transferred, a ticket waiting in the queue), names all 22
competencies between them, and passes `scenario validate` as written, in
English, Dutch or French.
"""

from __future__ import annotations

import json
from pathlib import Path
from string import Template

LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")

_TEXTS: dict[str, dict[str, str | list[str]]] = {
    "en": {
        "title": "Starter scenario",
        "description": "A starting point: a chat, a call to transfer and a ticket in the queue.",
        "group": "Network team",
        "gloss_vpn": "the secure connection to the office network",
        "greeting_title": "Greeting",
        "greeting": "Good morning, service desk, you're speaking with {agent}. How can I help?",
        "closing_title": "Closing question",
        "closing": "Is there anything else I can do for you?",
        "macro_title": "Ask for details, wait on the customer",
        "macro": "Thank you for your message. To look into it I need a little more: since when does it happen, and what exactly do you see on screen? Your ticket waits for your answer.",
        "procedure": "Customer contact",
        "step_greet": "Greet and introduce yourself",
        "greet_patterns": ["good morning", "hello", "service desk"],
        "step_ticket": "Register a ticket",
        "step_solve": "Give the solution or transfer",
        "step_close": "Ask if anything else is needed",
        "close_patterns": ["anything else"],
        "cat_printing": "Printing",
        "cat_network": "Network and VPN",
        "cat_accounts": "Accounts and passwords",
        "anna_persona": "Accountant in Finance, busy with the month-end closing.",
        "anna_department": "Finance",
        "marc_persona": "Sales manager; a client demo starts in 30 minutes.",
        "marc_department": "Sales",
        "printer_title": "Printer prints blank pages",
        "printer_msg1": "Hi, the printer next to my desk only prints empty pages.",
        "printer_msg2": "I need to print the invoices before noon!",
        "printer_ask": ["which printer", "what printer", "model"],
        "printer_fact": "It's the HP LaserJet next to the window.",
        "printer_when": ["tape", "try again"],
        "printer_reply": "Let me try... yes, it prints! Thank you.",
        "fallback": "Sorry, I don't quite follow. Can you say that differently?",
        "follow_up": "Hello? Is anyone there?",
        "printer_solution": "Remove the sealing tape from the new toner cartridge.",
        "printer_keywords": ["tape", "toner"],
        "vpn_title": "VPN does not connect before a client demo",
        "vpn_msg": "My VPN won't connect and my demo starts in half an hour!",
        "vpn_solution": "Transfer the ticket to the network team; offer the hotspot meanwhile.",
        "vpn_option_fit": "Use the phone's hotspot for the demo now.",
        "vpn_option_fit_keywords": ["hotspot"],
        "vpn_option_fit_why": "The demo starts soon: a workaround now beats a repair later.",
        "vpn_option_slow": "Wait for the network team to repair the VPN.",
        "vpn_option_slow_keywords": ["wait"],
        "vpn_option_slow_why": "Too slow for a demo in half an hour.",
        "second_line": "Which VPN client version does the user run?",
        "relay": ["version"],
        "news": "Any news about my VPN?",
        "locked_title": "Account locked",
        "locked_subject": "Locked out of my account",
        "locked_body": "I typed my password wrong three times and now I can't log in.",
        "locked_solution": "Check the user's identity, unlock the account and send a reset link.",
        "locked_keywords": ["unlock", "reset"],
        "kb_title": "Printer prints blank pages",
        "kb_tags": "printing, toner",
        "kb_body": "A new toner cartridge still has its **sealing tape**. Pull the tape out "
        "of the cartridge, put the cartridge back and print a test page.",
    },
    "nl": {
        "title": "Startscenario",
        "description": "Een vertrekpunt: een chat, een oproep om door te sturen en een ticket in de wachtrij.",
        "group": "Netwerkteam",
        "gloss_vpn": "de beveiligde verbinding met het kantoornetwerk",
        "greeting_title": "Begroeting",
        "greeting": "Goedemorgen, servicedesk, u spreekt met {agent}. Waarmee kan ik helpen?",
        "closing_title": "Afsluitende vraag",
        "closing": "Kan ik nog iets anders voor u doen?",
        "macro_title": "Details vragen, wachten op de klant",
        "macro": "Bedankt voor uw bericht. Om dit te bekijken heb ik nog wat meer nodig: sinds wanneer gebeurt het, en wat ziet u precies op het scherm? Uw ticket wacht op uw antwoord.",
        "procedure": "Klantcontact",
        "step_greet": "Begroet en stel je voor",
        "greet_patterns": ["goedemorgen", "goeiemorgen", "hallo", "servicedesk"],
        "step_ticket": "Registreer een ticket",
        "step_solve": "Geef de oplossing of stuur door",
        "step_close": "Vraag of er nog iets is",
        "close_patterns": ["nog iets"],
        "cat_printing": "Afdrukken",
        "cat_network": "Netwerk en VPN",
        "cat_accounts": "Accounts en wachtwoorden",
        "anna_persona": "Boekhouder bij Financiën, druk met de maandafsluiting.",
        "anna_department": "Financiën",
        "marc_persona": "Salesmanager; over 30 minuten begint een demo bij een klant.",
        "marc_department": "Verkoop",
        "printer_title": "Printer drukt lege pagina's af",
        "printer_msg1": "Hallo, de printer naast mijn bureau drukt alleen lege pagina's af.",
        "printer_msg2": "Ik moet de facturen voor de middag afdrukken!",
        "printer_ask": ["welke printer", "welk model", "model"],
        "printer_fact": "Het is de HP LaserJet bij het raam.",
        "printer_when": ["tape", "opnieuw"],
        "printer_reply": "Even proberen... ja, hij drukt af! Dank u wel.",
        "fallback": "Sorry, ik begrijp het niet goed. Kunt u het anders zeggen?",
        "follow_up": "Hallo? Is daar iemand?",
        "printer_solution": "Verwijder de beschermtape van de nieuwe tonercassette.",
        "printer_keywords": ["tape", "toner"],
        "vpn_title": "VPN maakt geen verbinding voor een demo",
        "vpn_msg": "Mijn VPN maakt geen verbinding en mijn demo begint over een half uur!",
        "vpn_solution": "Stuur het ticket door naar het netwerkteam; bied intussen de hotspot aan.",
        "vpn_option_fit": "Gebruik nu de hotspot van de telefoon voor de demo.",
        "vpn_option_fit_keywords": ["hotspot"],
        "vpn_option_fit_why": "De demo begint zo: nu een omweg is beter dan later een herstelling.",
        "vpn_option_slow": "Wacht tot het netwerkteam de VPN herstelt.",
        "vpn_option_slow_keywords": ["wachten"],
        "vpn_option_slow_why": "Te traag voor een demo over een half uur.",
        "second_line": "Welke versie van de VPN-client gebruikt de gebruiker?",
        "relay": ["versie"],
        "news": "Is er al nieuws over mijn VPN?",
        "locked_title": "Account geblokkeerd",
        "locked_subject": "Ik kan niet meer aanmelden",
        "locked_body": "Ik heb drie keer een fout wachtwoord getypt en nu kan ik niet aanmelden.",
        "locked_solution": "Controleer wie de gebruiker is, deblokkeer de account en stuur een resetlink.",
        "locked_keywords": ["deblokkeer", "reset"],
        "kb_title": "Printer drukt lege pagina's af",
        "kb_tags": "afdrukken, toner",
        "kb_body": "Een nieuwe tonercassette heeft nog haar **beschermtape**. Trek de tape uit "
        "de cassette, plaats de cassette terug en druk een testpagina af.",
    },
    "fr": {
        "title": "Scénario de départ",
        "description": "Un point de départ : un chat, un appel à transférer et un ticket en attente.",
        "group": "Équipe réseau",
        "gloss_vpn": "la connexion sécurisée au réseau du bureau",
        "greeting_title": "Salutation",
        "greeting": "Bonjour, service desk, {agent} à l'appareil. Que puis-je faire pour vous ?",
        "closing_title": "Question de clôture",
        "closing": "Puis-je faire autre chose pour vous ?",
        "macro_title": "Demander des précisions, attendre le client",
        "macro": "Merci pour votre message. Pour examiner cela, il me faut un peu plus : depuis quand cela se produit-il, et que voyez-vous exactement à l'écran ? Votre ticket attend votre réponse.",
        "procedure": "Contact client",
        "step_greet": "Saluer et se présenter",
        "greet_patterns": ["bonjour", "service desk"],
        "step_ticket": "Enregistrer un ticket",
        "step_solve": "Donner la solution ou transférer",
        "step_close": "Demander s'il y a autre chose",
        "close_patterns": ["autre chose"],
        "cat_printing": "Impression",
        "cat_network": "Réseau et VPN",
        "cat_accounts": "Comptes et mots de passe",
        "anna_persona": "Comptable aux Finances, occupée par la clôture mensuelle.",
        "anna_department": "Finances",
        "marc_persona": "Responsable commercial ; une démo client commence dans 30 minutes.",
        "marc_department": "Ventes",
        "printer_title": "L'imprimante imprime des pages blanches",
        "printer_msg1": "Bonjour, l'imprimante à côté de mon bureau n'imprime que des pages blanches.",
        "printer_msg2": "Je dois imprimer les factures avant midi !",
        "printer_ask": ["quelle imprimante", "quel modèle", "modèle"],
        "printer_fact": "C'est la HP LaserJet près de la fenêtre.",
        "printer_when": ["ruban", "réessayer"],
        "printer_reply": "J'essaie... oui, elle imprime ! Merci.",
        "fallback": "Pardon, je ne comprends pas bien. Pouvez-vous le dire autrement ?",
        "follow_up": "Allô ? Il y a quelqu'un ?",
        "printer_solution": "Retirer le ruban adhésif de la nouvelle cartouche de toner.",
        "printer_keywords": ["ruban", "toner"],
        "vpn_title": "Le VPN ne se connecte pas avant une démo",
        "vpn_msg": "Mon VPN ne se connecte pas et ma démo commence dans une demi-heure !",
        "vpn_solution": "Transférer le ticket à l'équipe réseau ; proposer le partage de connexion en attendant.",
        "vpn_option_fit": "Utiliser maintenant le partage de connexion du téléphone pour la démo.",
        "vpn_option_fit_keywords": ["partage de connexion"],
        "vpn_option_fit_why": "La démo commence bientôt : un contournement maintenant vaut mieux qu'une réparation plus tard.",
        "vpn_option_slow": "Attendre que l'équipe réseau répare le VPN.",
        "vpn_option_slow_keywords": ["attendre"],
        "vpn_option_slow_why": "Trop lent pour une démo dans une demi-heure.",
        "second_line": "Quelle version du client VPN l'utilisateur utilise-t-il ?",
        "relay": ["version"],
        "news": "Avez-vous des nouvelles de mon VPN ?",
        "locked_title": "Compte bloqué",
        "locked_subject": "Je ne peux plus me connecter",
        "locked_body": "J'ai tapé un mauvais mot de passe trois fois et je ne peux plus me connecter.",
        "locked_solution": "Vérifier l'identité de l'utilisateur, débloquer le compte et envoyer un lien de réinitialisation.",
        "locked_keywords": ["débloquer", "réinitialisation"],
        "kb_title": "L'imprimante imprime des pages blanches",
        "kb_tags": "impression, toner",
        "kb_body": "Une nouvelle cartouche de toner porte encore son **ruban adhésif**. Retirez "
        "le ruban, remettez la cartouche en place et imprimez une page de test.",
    },
}

_SCENARIO = Template(
    """\
# A starter scenario. Change it, then check it with:
#   helpdesk-exam scenario validate $folder
# Every field is explained in docs/scenario-format.md. Times are exam minutes
# unless a name ends in _seconds.
format = 1
id = $id
title = $title
language = $language
duration_minutes = 20
sla_profile = "standard"
description = $description

[[groups]]
id = "network"
name = $group

[glossary]
"VPN" = $gloss_vpn

[[canned]]
id = "greeting"
title = $greeting_title
text = $greeting

[[canned]]
id = "closing"
title = $closing_title
text = $closing

# A macro is a canned public reply that also sets the ticket's status (M in the exam).
[[macros]]
id = "ask-details"
title = $macro_title
text = $macro
status = "pending_customer"

[[procedures]]
id = "contact"
name = $procedure
steps = [
  { id = "greet", label = $step_greet, patterns = $greet_patterns },
  { id = "ticket", label = $step_ticket, event = "ticket_created" },
  { id = "solve", label = $step_solve, event = ["ticket_resolved", "ticket_transferred"] },
  { id = "close", label = $step_close, patterns = $close_patterns },
]

[[categories]]
id = "printing"
name = $cat_printing
procedure = "contact"

[[categories]]
id = "network"
name = $cat_network
procedure = "contact"

[[categories]]
id = "accounts"
name = $cat_accounts
procedure = "contact"

[[customers]]
id = "anna"
name = "Anna Peeters"
persona = $anna_persona
department = $anna_department
technical_level = "novice"
mood = "calm"
patience_minutes = 3

[[customers]]
id = "marc"
name = "Marc Dubois"
persona = $marc_persona
department = $marc_department
technical_level = "intermediate"
mood = "angry"
patience_minutes = 1.5

# --- a chat ---------------------------------------------------------------
[[incidents]]
id = "printer-blank"
title = $printer_title
customer = "anna"
channel = "chat"
at_minute = 1
competencies = ["SIM-2", "DATA-1", "DATA-4", "DATA-5", "COM-1", "COM-2", "COM-4", "COM-5", "SOL-1", "SOL-2", "SOL-7"]
fallback = $fallback

[[incidents.messages]]
after_seconds = 0
text = $printer_msg1

[[incidents.messages]]
after_seconds = 20
text = $printer_msg2

[[incidents.facts]]
id = "model"
ask = $printer_ask
answer = $printer_fact
key = true

[[incidents.rules]]
id = "thanks"
when = $printer_when
reply = $printer_reply
mood = "calmer"

[incidents.follow_up]
after_minutes = 3
text = $follow_up

[incidents.answer]
category = "printing"
impact = "low"
urgency = "medium"
kb_article = "kb-printer-blank-pages"
solution = $printer_solution
solution_keywords = $printer_keywords

# --- a call that must be transferred ----------------------------------------
[[incidents]]
id = "vpn-down"
title = $vpn_title
customer = "marc"
channel = "call"
at_minute = 3
competencies = ["SIM-1", "SIM-3", "DATA-3", "COM-3", "COM-6", "SOL-5", "SOL-6", "SOL-8"]

[[incidents.messages]]
after_seconds = 0
text = $vpn_msg

[incidents.news_request]
after_minutes = 6
text = $news

[incidents.answer]
category = "network"
impact = "medium"
urgency = "high"
solution = $vpn_solution
transfer_group = "network"

[[incidents.answer.options]]
id = "hotspot"
text = $vpn_option_fit
solution_keywords = $vpn_option_fit_keywords
fits = true
why = $vpn_option_fit_why

[[incidents.answer.options]]
id = "wait"
text = $vpn_option_slow
solution_keywords = $vpn_option_slow_keywords
fits = false
why = $vpn_option_slow_why

[incidents.second_line]
group = "network"
delay_minutes = 4
reply = $second_line
question = true
relay_patterns = $relay

# --- a ticket already waiting in the queue ----------------------------------
[[incidents]]
id = "locked-account"
title = $locked_title
customer = "anna"
channel = "queue"
at_minute = 0
age_minutes = 10
subject = $locked_subject
body = $locked_body
competencies = ["DATA-2", "SOL-3", "SOL-4"]

[incidents.answer]
category = "accounts"
impact = "low"
urgency = "high"
solution = $locked_solution
solution_keywords = $locked_keywords
"""
)

_ARTICLE = Template(
    """\
---
id: kb-printer-blank-pages
title: $kb_title
tags: $kb_tags
language: $language
---
# $kb_title

$kb_body
"""
)


def _toml(value: str | list[str]) -> str:
    """A TOML string or list of strings (JSON's escapes are valid TOML)."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def starter_files(scenario_id: str, language: str = "en") -> dict[str, str]:
    """The starter's files, relative path -> text."""
    texts = _TEXTS[language]
    values = {key: _toml(value) for key, value in texts.items()}
    values.update(id=_toml(scenario_id), language=_toml(language), folder=scenario_id)
    plain = {key: value for key, value in texts.items() if isinstance(value, str)}
    article = _ARTICLE.substitute(plain, language=language)
    return {
        "scenario.toml": _SCENARIO.substitute(values),
        "kb/printer-blank-pages.md": article,
    }


def write_starter(folder: Path, scenario_id: str, language: str = "en") -> list[Path]:
    """Write the starter into `folder` (which must not exist yet, or be empty)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(folder)
    written = []
    for relative, text in starter_files(scenario_id, language).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
