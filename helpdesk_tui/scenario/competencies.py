"""The 22 competencies of the helpdesk-operator standard, with their names in EN, NL and FR.

The ids are stable (`standard/competencies.md`): scenarios, logs and reports use
them, so they are never renumbered. The standard is published in Dutch,
English and French, and reports speak the assessor's language, hence the
three names. The Dutch names are the original wording of the certificate.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")


@dataclass(frozen=True, slots=True)
class Competency:
    """One competency (or group, when `group` equals `id`) and its names."""

    id: str
    group: str
    en: str
    nl: str
    fr: str

    def name(self, language: str = "en") -> str:
        """The name in `language` (en, nl or fr); English for any other language."""
        return {"en": self.en, "nl": self.nl, "fr": self.fr}.get(language, self.en)


GROUPS: tuple[Competency, ...] = (
    Competency("SIM", "SIM", "Acts simultaneously", "simultaan handelen", "Agir simultanément"),
    Competency(
        "DATA",
        "DATA",
        "Manages data in a helpdesk system",
        "gegevens beheren in een helpdesk systeem",
        "Gérer des données dans un système de helpdesk",
    ),
    Competency(
        "COM",
        "COM",
        "Uses communication techniques",
        "communicatietechnieken gebruiken",
        "Utiliser des techniques de communication",
    ),
    Competency(
        "SOL",
        "SOL",
        "Handles questions solution-oriented, by procedure",
        "vragen probleemoplossingsgericht behandelen volgens de procedures en processen",
        "Traiter les questions de façon orientée solution, selon les procédures et les processus",
    ),
)

COMPETENCIES: tuple[Competency, ...] = (
    Competency(
        "SIM-1",
        "SIM",
        "listens to or talks with the customer while following the information on screen",
        "luistert naar of praat met de klant en volgt tegelijkertijd de informatie die "
        "verschijnt op het scherm",
        "écoute le client ou parle avec lui tout en suivant les informations qui "
        "apparaissent à l'écran",
    ),
    Competency(
        "SIM-2",
        "SIM",
        "communicates in writing with the customer while following the information on screen",
        "communiceert schriftelijk met de klant en volgt tegelijkertijd de informatie die "
        "verschijnt op het scherm",
        "communique par écrit avec le client tout en suivant les informations qui "
        "apparaissent à l'écran",
    ),
    Competency(
        "SIM-3",
        "SIM",
        "listens to or talks with the customer while operating keyboard or mouse and headset",
        "luistert naar of praat met de klant en hanteert tegelijkertijd het klavier of de "
        "muis en de headset",
        "écoute le client ou parle avec lui tout en manipulant le clavier ou la souris et "
        "le casque",
    ),
    Competency("DATA-1", "DATA", "creates a ticket", "maakt een ticket aan", "crée un ticket"),
    Competency("DATA-2", "DATA", "updates a ticket", "update een ticket", "met à jour un ticket"),
    Competency(
        "DATA-3", "DATA", "transfers a ticket", "transfereert een ticket", "transfère un ticket"
    ),
    Competency("DATA-4", "DATA", "closes a ticket", "sluit een ticket af", "clôture un ticket"),
    Competency(
        "DATA-5",
        "DATA",
        "uses the tools that fit the assignment",
        "gebruikt hulpmiddelen in functie van de opdracht",
        "utilise les outils adaptés à la mission",
    ),
    Competency(
        "COM-1",
        "COM",
        "communicates with the customer according to the procedures and processes",
        "communiceert tijdens het contact met de klant volgens de procedures en processen",
        "communique avec le client, pendant le contact, selon les procédures et les processus",
    ),
    Competency(
        "COM-2",
        "COM",
        "asks clarifying questions to get to the core of the problem",
        "stelt vragen ter verduidelijking om tot de kern van het beschreven probleem te komen",
        "pose des questions de clarification pour cerner le cœur du problème décrit",
    ),
    Competency(
        "COM-3",
        "COM",
        "lets the customer finish explaining the problem",
        "laat de klant uitpraten om zijn/haar probleem uiteen te zetten",
        "laisse le client terminer l'exposé de son problème",
    ),
    Competency(
        "COM-4",
        "COM",
        "paraphrases what the customer says to state the problem clearly",
        "herformuleert wat de klant zegt om het probleem duidelijk te stellen",
        "reformule les propos du client pour formuler clairement le problème",
    ),
    Competency(
        "COM-5",
        "COM",
        "adapts word choice to the customer's level",
        "past woordkeuze aan aan het niveau van de klant",
        "adapte son vocabulaire au niveau du client",
    ),
    Competency("COM-6", "COM", "calms the customer", "kalmeert de klant", "calme le client"),
    Competency(
        "SOL-1",
        "SOL",
        "handles the customer's question as the procedures prescribe",
        "behandelt de vraag van de klant zoals voorgeschreven in de procedures en processen",
        "traite la question du client comme le prescrivent les procédures et les processus",
    ),
    Competency(
        "SOL-2",
        "SOL",
        "looks up the requested information in the information sources provided",
        "zoekt door de klant gevraagde informatie op in ter beschikking gestelde informatiebronnen",
        "recherche les informations demandées par le client dans les sources d'information "
        "mises à disposition",
    ),
    Competency(
        "SOL-3",
        "SOL",
        "handles a ticket within the time margins of the SLA",
        "behandelt een ticket volgens de tijdsmarges zoals voorgeschreven in de SLA",
        "traite un ticket dans les délais prescrits par le SLA",
    ),
    Competency(
        "SOL-4",
        "SOL",
        "handles tickets by the priorities of the SLA",
        "behandelt een ticket volgens prioriteiten zoals voorgeschreven in de SLA",
        "traite un ticket selon les priorités prescrites par le SLA",
    ),
    Competency(
        "SOL-5",
        "SOL",
        "follows up that the ticket is handled as the procedures prescribe "
        "(incl. transferred tickets)",
        "volgt op of de behandeling van het ticket gebeurt zoals voorgeschreven",
        "vérifie que le ticket est traité comme le prescrivent les procédures "
        "(y compris les tickets transférés)",
    ),
    Competency(
        "SOL-6",
        "SOL",
        "gives the customer feedback on the progress towards a solution",
        "geeft de klant feedback in verband met de vordering van een oplossing",
        "informe le client de l'avancement vers une solution",
    ),
    Competency(
        "SOL-7",
        "SOL",
        "answers the customer's question",
        "geeft een antwoord op de vraag van de klant",
        "répond à la question du client",
    ),
    Competency(
        "SOL-8",
        "SOL",
        "when several solutions are possible, gives the one that fits the urgency and impact",
        "geeft een oplossing die aangepast is aan de dringendheid en de impact van de "
        "probleemsituatie",
        "propose une solution adaptée à l'urgence et à l'impact de la situation",
    ),
)

COMPETENCY_IDS: tuple[str, ...] = tuple(c.id for c in COMPETENCIES)
"""SIM-1..3, DATA-1..5, COM-1..6, SOL-1..8, in the standard's order."""

_BY_ID: dict[str, Competency] = {c.id: c for c in (*GROUPS, *COMPETENCIES)}


def competency(competency_id: str) -> Competency:
    """The competency (or group: SIM, DATA, COM, SOL) with this id; KeyError if unknown."""
    try:
        return _BY_ID[competency_id]
    except KeyError:
        raise KeyError(f"unknown competency id {competency_id!r}") from None


def short_name(competency_id: str, language: str = "en") -> str:
    """The competency's name in en, nl or fr (English for any other language)."""
    return competency(competency_id).name(language)
