"""The messages of the first exam set: every phrase of the banks a-c, filled in.

Reads the phrase banks of the `worded` candidates (`helpdesk_tui/simulate/phrases/`,
`phrases_b/`, `phrases_c/`, one TOML file a language), takes every template of every
purpose in file order, and fills its placeholders with values of the kind the exam
fills in (a customer's first name, a ticket id, a problem in the customer's words made
second person, a step of a KB article, a time, the second line's reply) from the fixed
tables below, turning through each table so the values vary across phrases. The output
is deterministic: it depends on the banks and these tables only. It runs nothing of the
language layer (the set is labelled blind to it).

    python tests/language/exam1/build.py nl          # one message a line
    python tests/language/exam1/build.py nl --slots  # bank:purpose:index[,...]<TAB>message
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SIMULATE = ROOT / "helpdesk_tui" / "simulate"
BANKS = {"a": "phrases", "b": "phrases_b", "c": "phrases_c"}
LANGUAGES = ("nl", "fr", "en")

# What fills each placeholder, per language (see phrases/README.md, "What goes in a slot").
FILL: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "name": (
            "Tom",
            "Els",
            "mevrouw Peeters",
            "Jens",
            "Sofie",
            "meneer Claes",
            "Nathalie",
            "Bram",
            "Lotte",
            "Wim",
            "An",
        ),
        "topic": (
            "de foutmelding",
            "het lampje op de router",
            "de printer op uw verdieping",
            "uw wachtwoord",
            "de VPN-verbinding",
            "het tweede scherm",
            "uw mailbox",
            "de wifi in vergaderzaal 3",
            "de update van vanochtend",
            "uw badge",
        ),
        "summary": (
            "uw mails komen sinds vanochtend niet meer binnen",
            "uw printer drukt alleen lege bladzijden af",
            "u kunt sinds de update niet meer inloggen op Teams",
            "uw VPN valt om de tien minuten weg",
            "uw laptop start niet meer op na de update van gisteren",
            "uw tweede scherm blijft zwart sinds u van bureau bent veranderd",
            "uw wachtwoord wordt geweigerd, ook na het resetten",
            "de gedeelde map van de boekhouding is voor u verdwenen",
            "uw badge opent de deur van de garage niet meer",
            "Outlook loopt vast zodra u een bijlage opent",
            "de wifi valt weg in vergaderzaal 3",
            "u krijgt een foutmelding bij het afdrukken van facturen",
            "uw telefoon gaat niet over als klanten u bellen",
        ),
        "action": (
            "Sam van het netwerkteam behandelt uw ticket T-1004",
            "uw account is ontgrendeld",
            "ik heb uw melding T-1017 doorgegeven aan de tweede lijn",
            "de technieker heeft de printer op de tweede verdieping nagekeken",
            "uw wachtwoord is teruggezet",
            "ticket T-1023 ligt bij het team van de mailservers",
            "we hebben de fout gevonden in de instellingen van de VPN",
            "de nieuwe laptop is besteld",
            "uw melding is ontvangen en geregistreerd als T-1031",
        ),
        "next": (
            "u hoort binnen 15 minuten van mij",
            "zij bellen u voor 14:30",
            "ik bekijk het nu meteen",
            "de technieker komt morgen om 10:00 langs",
            "ik volg het op en bel u terug voor de middag",
            "zij nemen contact met u op en ik volg het op",
            "u krijgt een mail zodra het klaar is",
        ),
        "step": (
            "Herstart de router.",
            "Meld u af in Teams en meld u daarna opnieuw aan.",
            "Trek de netwerkkabel uit en steek hem na tien seconden terug in.",
            "Open Outlook in veilige modus door Ctrl ingedrukt te houden bij het opstarten.",
            "Zet de laptop niet uit terwijl de update loopt.",
            "Verwijder de printer in de instellingen en voeg hem opnieuw toe.",
            "Wis de cache van uw browser en laad de pagina opnieuw.",
            "Koppel het scherm los van het dockingstation en sluit het opnieuw aan.",
            "Kies in het VPN-programma de server Brussel en klik op Verbinden.",
            "Klik niet op de link in die mail en verwijder hem.",
            "Houd de aan-knop tien seconden ingedrukt tot de laptop uitgaat.",
        ),
        "answer": (
            "Uw mailbox zat vol. We hebben de oude mails gearchiveerd, nieuwe mails komen nu weer binnen.",
            "Welke versie van Windows staat er op uw laptop?",
            "Herstart uw laptop één keer, dan wordt het nieuwe certificaat geladen.",
            "Er was een storing op de mailserver. Die is opgelost sinds 11:20.",
            "Uw account was geblokkeerd na drie foute pogingen. Het is nu ontgrendeld.",
            "Reset uw wachtwoord niet opnieuw, de synchronisatie loopt nog tot 15:00.",
            "Sinds wanneer precies valt de VPN weg?",
            "De printer krijgt een nieuwe driver. Die wordt vannacht automatisch geïnstalleerd.",
            "Het probleem ligt bij de provider. Zij verwachten het tegen 16:00 op te lossen.",
        ),
    },
    "fr": {
        "name": (
            "Madame Lambert",
            "Julien",
            "Claire",
            "Monsieur Dubois",
            "Sophie",
            "Karim",
            "Madame Renard",
            "Lucas",
            "Amélie",
            "Thomas",
            "Nadia",
        ),
        "topic": (
            "le message d'erreur",
            "le voyant du routeur",
            "l'imprimante de votre étage",
            "votre mot de passe",
            "la connexion VPN",
            "le deuxième écran",
            "votre boîte mail",
            "le wifi de la salle de réunion",
            "la mise à jour de ce matin",
            "votre badge",
        ),
        "summary": (
            "vos mails n'arrivent plus depuis ce matin",
            "vous n'arrivez plus à imprimer",
            "votre VPN se coupe toutes les dix minutes",
            "votre imprimante sort des pages blanches depuis ce matin",
            "vous ne pouvez plus vous connecter à Teams depuis la mise à jour",
            "votre ordinateur portable ne démarre plus depuis hier",
            "votre deuxième écran reste noir depuis votre changement de bureau",
            "votre mot de passe est refusé, même après la réinitialisation",
            "le dossier partagé de la comptabilité a disparu de votre poste",
            "Outlook se fige dès que vous ouvrez une pièce jointe",
            "le wifi tombe dans la salle de réunion du troisième",
            "votre badge n'ouvre plus la porte du parking",
            "votre téléphone ne sonne pas quand les clients vous appellent",
        ),
        "action": (
            "Sam de l'équipe réseau traite votre ticket T-1004",
            "votre compte est débloqué",
            "j'ai transmis votre demande T-1017 au support de deuxième niveau",
            "le technicien a vérifié l'imprimante du deuxième étage",
            "votre mot de passe a été réinitialisé",
            "le ticket T-1023 est chez l'équipe des serveurs de messagerie",
            "nous avons trouvé l'erreur dans les réglages du VPN",
            "le nouvel ordinateur portable est commandé",
            "votre demande est enregistrée sous le numéro T-1031",
        ),
        "next": (
            "vous aurez de mes nouvelles dans 15 minutes",
            "ils vous appelleront avant 14h30",
            "je m'en occupe tout de suite",
            "le technicien passe demain à 10h",
            "je suis le dossier et je vous rappelle avant midi",
            "ils vous contacteront et je suis le dossier",
            "vous recevrez un mail dès que ce sera prêt",
        ),
        "step": (
            "Redémarrez le routeur.",
            "Déconnectez-vous de Teams, puis reconnectez-vous.",
            "Débranchez le câble réseau et rebranchez-le après dix secondes.",
            "Ouvrez Outlook en mode sans échec en maintenant la touche Ctrl au démarrage.",
            "N'éteignez pas l'ordinateur pendant la mise à jour.",
            "Supprimez l'imprimante dans les paramètres et ajoutez-la à nouveau.",
            "Videz le cache du navigateur et rechargez la page.",
            "Débranchez l'écran de la station d'accueil et rebranchez-le.",
            "Dans le logiciel VPN, choisissez le serveur Bruxelles et cliquez sur Connecter.",
            "Ne cliquez pas sur le lien de ce mail et supprimez-le.",
            "Maintenez le bouton d'alimentation enfoncé dix secondes jusqu'à l'arrêt du portable.",
        ),
        "answer": (
            "Votre boîte mail était pleine. Nous avons archivé les anciens mails, les nouveaux arrivent à nouveau.",
            "Quelle version de Windows est installée sur votre portable ?",
            "Redémarrez votre portable une fois, le nouveau certificat sera alors chargé.",
            "Il y avait une panne sur le serveur de messagerie. Elle est réglée depuis 11h20.",
            "Votre compte était bloqué après trois essais erronés. Il est débloqué maintenant.",
            "Ne réinitialisez pas votre mot de passe une nouvelle fois, la synchronisation tourne jusqu'à 15h.",
            "Depuis quand exactement le VPN se coupe-t-il ?",
            "L'imprimante reçoit un nouveau pilote. Il sera installé automatiquement cette nuit.",
            "Le problème vient du fournisseur. Il prévoit de le résoudre vers 16h.",
        ),
    },
    "en": {
        "name": (
            "Tom",
            "Sarah",
            "Mrs Patel",
            "James",
            "Emma",
            "Mr Hughes",
            "Priya",
            "Liam",
            "Chloe",
            "Daniel",
            "Grace",
        ),
        "topic": (
            "the error message",
            "the light on the router",
            "the printer on your floor",
            "your password",
            "the VPN connection",
            "the second screen",
            "your mailbox",
            "the Wi-Fi in meeting room 3",
            "this morning's update",
            "your badge",
        ),
        "summary": (
            "your VPN drops every ten minutes",
            "your emails haven't been coming in since this morning",
            "you can't print since this morning",
            "your printer only prints blank pages",
            "you can't sign in to Teams since the update",
            "your laptop won't start after yesterday's update",
            "your second screen stays black since you moved desks",
            "your password is refused, even after the reset",
            "the accounts team's shared folder has disappeared from your laptop",
            "Outlook freezes as soon as you open an attachment",
            "the Wi-Fi keeps dropping in meeting room 3",
            "your badge no longer opens the car park door",
            "your phone doesn't ring when customers call you",
        ),
        "action": (
            "Sam from the network team is on your ticket T-1004",
            "your account has been unlocked",
            "I've passed your ticket T-1017 to the second line",
            "the technician has checked the printer on the second floor",
            "your password has been reset",
            "ticket T-1023 is with the mail server team",
            "we've found the fault in the VPN settings",
            "the new laptop has been ordered",
            "your request is logged as T-1031",
        ),
        "next": (
            "you'll hear from me within 15 minutes",
            "they will call you before 14:30",
            "I'm looking into it right now",
            "the technician will come by tomorrow at 10:00",
            "I'll follow it up and call you back before noon",
            "they will contact you, and I'll follow it up",
            "you'll get an email as soon as it's ready",
        ),
        "step": (
            "Restart the router.",
            "Sign out of Teams and sign back in.",
            "Unplug the network cable and plug it back in after ten seconds.",
            "Open Outlook in safe mode by holding Ctrl while it starts.",
            "Do not switch off the laptop while the update is running.",
            "Remove the printer in Settings and add it again.",
            "Clear your browser's cache and reload the page.",
            "Disconnect the screen from the docking station and connect it again.",
            "In the VPN client, choose the Brussels server and click Connect.",
            "Don't click the link in that email; delete it.",
            "Hold the power button for ten seconds until the laptop switches off.",
        ),
        "answer": (
            "Your mailbox was full. We've archived the old emails, so new ones are coming in again.",
            "Which version of Windows is on your laptop?",
            "Restart your laptop once, then the new certificate will be loaded.",
            "There was an outage on the mail server. It has been fixed since 11:20.",
            "Your account was locked after three failed attempts. It is unlocked now.",
            "Don't reset your password again, the sync is running until 15:00.",
            "Since when exactly has the VPN been dropping?",
            "The printer is getting a new driver. It will be installed automatically tonight.",
            "The problem is on the provider's side. They expect to fix it by 16:00.",
        ),
    },
}


class Filler(dict):
    """The placeholder values, each taken in turn from its table as a template asks for it."""

    def __init__(self, tables: dict[str, tuple[str, ...]]) -> None:
        super().__init__()
        self.turns: dict[str, Iterator[int]] = {slot: count() for slot in tables}
        self.tables = tables

    def __missing__(self, slot: str) -> str:
        table = self.tables[slot]
        return table[next(self.turns[slot]) % len(table)]


def phrases(lang: str) -> list[tuple[str, str, int, str]]:
    """(bank, purpose, index in the purpose's list, filled text) for every phrase, in order."""
    filler = Filler(FILL[lang])
    out = []
    for bank, folder in BANKS.items():
        data = tomllib.loads((SIMULATE / folder / f"{lang}.toml").read_text(encoding="utf-8"))
        for purpose, templates in data.items():
            if purpose == "language":
                continue
            for index, template in enumerate(templates):
                text = template.format_map(_Once(filler))
                out.append((bank, purpose, index, text.strip()))
    return out


def messages(lang: str) -> list[tuple[str, str]]:
    """(where, text) for every distinct message, in the order of its first phrase.

    A slotless phrase that two banks (or one bank twice) wrote alike is one message (the
    set lists no text twice); ``where`` names every phrase it stands for, as
    ``bank:purpose:index`` joined by commas.
    """
    where: dict[str, list[str]] = {}
    for bank, purpose, index, text in phrases(lang):
        where.setdefault(" ".join(text.lower().split()), []).append(f"{bank}:{purpose}:{index}")
    out, seen = [], set()
    for _bank, _purpose, _index, text in phrases(lang):
        key = " ".join(text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append((",".join(where[key]), text))
    return out


class _Once(dict):
    """One template's values: a placeholder used twice in a template gets one value."""

    def __init__(self, filler: Filler) -> None:
        super().__init__()
        self.filler = filler

    def __missing__(self, slot: str) -> str:
        self[slot] = self.filler[slot]
        return self[slot]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in LANGUAGES:
        print(__doc__)
        return 2
    for where, text in messages(argv[0]):
        print(f"{where}\t{text}" if "--slots" in argv else text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
