"""The exam's own candidate sentences, filled in, one message a line (deterministic).

The exam2 set labels what the simulated candidates and the bundled scenarios give a
candidate to send, not what a free writer writes:

    (a) bank-d, bank-e: every template of every purpose of the phrase banks
        `helpdesk_tui/simulate/phrases_d/` and `phrases_e/` ({nl,fr,en}.toml);
    (b) scripted, gaming: the sentences of the scripted policies (`simulate/phrases.py`'s
        table, the clauses of `simulate/worded.py` inside a progress sentence) and the
        gaming policies' stock lines (`simulate/gaming.py`);
    (c) canned, kb: the bundled scenarios' canned replies and the numbered steps of their
        knowledge-base articles, one pasted step a message.

The placeholders are filled from the fixed tables below (values of the kind the exam fills
in: a first name, a ticket id, a problem in the customer's words, a KB step, a time), in
turn, so the same slot gets other values across templates. Nothing here imports the
language layer or the simulator: the Python tables are read with `ast`, the banks with
`tomllib`.

    python tests/language/exam2/build.py --lang nl            # source<TAB>slot<TAB>text
    python tests/language/exam2/build.py --convert            # drafts -> {lang}.jsonl, slots.tsv

`--convert` reads `drafts/{lang}.txt` (one `codes|text` line per message, in the build's
order; the text must be the built one), turns the act codes into the line format and
writes `{lang}.jsonl` and `slots.tsv`. It knows only the codes, nothing of the layer.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SIMULATE = ROOT / "helpdesk_tui" / "simulate"
SCENARIOS = ROOT / "scenarios"
LANGUAGES = ("nl", "fr", "en")
PURPOSES = (
    "greeting_by_name",
    "offer_help",
    "identify",
    "clarifying_question",
    "restate",
    "empathy",
    "apology",
    "progress",
    "instruction",
    "check",
    "closing",
    "hold",
    "relay_second_line",
)

# ---------------------------------------------------------------- the fixed tables

NAMES = {
    "nl": ["Els", "mevrouw Peeters", "Jan", "meneer Claes", "Sofie", "Wouter", "Dr Maes", "Annick"],
    "fr": ["Madame Lambert", "Julien", "Monsieur Dubois", "Chloé", "Nathalie", "Dr Lhoest", "Marc"],
    "en": ["Tom", "Mrs Okafor", "Priya", "Gareth", "Mr Hughes", "Aisha", "Dr Patel", "Callum"],
}
TOPICS = {
    "nl": ["de foutmelding", "het lampje op de router", "de printer", "uw wachtwoord",
           "het scherm", "de VPN-verbinding", "de mailbox", "de badgelezer",
           "het tijdstip van de storing", "de kaartlezer", "de gedeelde map"],
    "fr": ["le message d'erreur", "le voyant de la box", "l'imprimante", "votre mot de passe",
           "l'écran", "la connexion VPN", "la boîte mail", "le lecteur de badge",
           "l'heure de la panne", "le lecteur de carte", "le dossier partagé"],
    "en": ["the error message", "the light on the router", "the printer", "your password",
           "the screen", "the VPN connection", "the mailbox", "the badge reader",
           "the time it started", "the card reader", "the shared folder"],
}  # fmt: skip
SUMMARIES = {
    "nl": ["uw mails komen sinds vanochtend niet meer binnen",
           "de printer op de tweede verdieping drukt lege bladzijden af",
           "u kunt niet meer inloggen sinds u uw wachtwoord gewijzigd hebt",
           "uw VPN valt elke tien minuten weg; en thuis werkt het wel",
           "uw scherm blijft zwart als u de laptop in het dock zet",
           "u ziet de gedeelde map van de dienst niet meer",
           "de kaartlezer wordt niet gevonden sinds de update van gisteren",
           "uw badge werkt niet aan de ingang van gebouw B",
           "Teams start niet op en geeft foutcode 42"],
    "fr": ["vos mails n'arrivent plus depuis ce matin",
           "vous n'arrivez plus à imprimer sur l'imprimante du deuxième",
           "vous ne pouvez plus vous connecter depuis que vous avez changé votre mot de passe",
           "votre VPN décroche toutes les dix minutes ; et chez vous ça marche",
           "votre écran reste noir quand vous mettez le portable sur la station",
           "vous ne voyez plus le dossier partagé du service",
           "le lecteur de carte n'est plus reconnu depuis la mise à jour d'hier",
           "votre badge ne marche pas à l'entrée du bâtiment B",
           "Teams ne démarre plus et affiche le code 42"],
    "en": ["your emails haven't been coming in since this morning",
           "the printer on the second floor prints blank pages",
           "you can't sign in since you changed your password",
           "your VPN drops every ten minutes; and at home it works fine",
           "your screen stays black when you put the laptop in the dock",
           "you can't see the team's shared folder any more",
           "the card reader isn't found since yesterday's update",
           "your badge doesn't work at the entrance of building B",
           "Teams won't start and shows error code 42"],
}  # fmt: skip
STEPS = {
    "nl": ["Herstart de router en wacht twee minuten.",
           "Open Instellingen > Wi-Fi, kies het netwerk en tik op Vergeten.",
           "Klik rechtsboven op het tandwiel en kies Opnieuw aanmelden.",
           "Trek de kaartlezer uit, wacht vijf seconden en steek hem terug in.",
           "Sluit Outlook volledig af en open het opnieuw.",
           "Ga naar portaal.lindeveld.be en kies Wachtwoord wijzigen.",
           "Zet de laptop uit het dock, wacht tien seconden en zet hem er terug in.",
           "Klik in Teams op uw profielfoto en kies Afmelden. Meld u daarna opnieuw aan."],
    "fr": ["Redémarrez la box et attendez deux minutes.",
           "Ouvrez Réglages > Wi-Fi, choisissez le réseau et touchez Oublier.",
           "Cliquez sur la roue dentée en haut à droite et choisissez Se reconnecter.",
           "Débranchez le lecteur de carte, attendez cinq secondes et rebranchez-le.",
           "Fermez complètement Outlook et rouvrez-le.",
           "Allez sur portail.haute-meuse.be et choisissez Changer de mot de passe.",
           "Retirez le portable de la station, attendez dix secondes et remettez-le.",
           "Dans Teams, cliquez sur votre photo de profil et choisissez Se déconnecter. "
           "Reconnectez-vous ensuite."],
    "en": ["Restart the router and wait two minutes.",
           "Open Settings > Wi-Fi, choose the network and tap Forget.",
           "Click the cog at the top right and choose Sign in again.",
           "Unplug the card reader, wait five seconds and plug it back in.",
           "Close Outlook completely and open it again.",
           "Go to portal.northwind.co.uk and choose Change password.",
           "Take the laptop off the dock, wait ten seconds and put it back.",
           "In Teams, click your profile picture and choose Sign out. Then sign in again."],
}  # fmt: skip
WHO = {
    "nl": ["Werkplekbeheer", "mijn collega Pieter", "het netwerkteam", "de tweede lijn"],
    "fr": [
        "l'équipe Poste de travail",
        "mon collègue Thomas",
        "l'équipe réseau",
        "le second niveau",
    ],
    "en": ["Workplace & hardware", "my colleague Sam", "the network team", "second line"],
}
GROUPS = {
    "nl": ["Werkplekbeheer", "het netwerkteam", "Applicatiebeheer"],
    "fr": ["l'équipe Poste de travail", "l'équipe réseau", "l'équipe Applications"],
    "en": ["Workplace & hardware", "Network & systems", "Applications"],
}
TICKETS = ["T-1004", "T-1017", "T-1023", "T-1031", "T-1042", "T-1058"]
MINUTES = ["15", "20", "30", "10"]
ANSWERS = {  # the second line's reply: a question for the customer, or its news
    "nl": [
        "Kan de gebruiker laten weten of de fout op elke pc optreedt of alleen op de hare?",
        "We hebben de mailbox vergroot; de mails komen nu weer binnen.",
        "Welke versie van de VPN-client staat op de laptop?",
        "De badge is opnieuw geactiveerd. Hij werkt vanaf 14:30.",
        "Het dock krijgt een nieuwe firmware; een technieker komt morgen om 10:00 langs.",
    ],
    "fr": [
        "L'utilisateur peut-il nous dire si l'erreur apparaît sur tous les PC ou seulement "
        "sur le sien ?",
        "Nous avons agrandi la boîte mail ; les mails arrivent de nouveau.",
        "Quelle version du client VPN est installée sur le portable ?",
        "Le badge a été réactivé. Il fonctionne à partir de 14h30.",
        "La station reçoit un nouveau firmware ; un technicien passe demain à 10h.",
    ],
    "en": [
        "Can the user tell us whether the error shows on every PC or only on theirs?",
        "We've enlarged the mailbox; the emails are coming in again.",
        "Which version of the VPN client is on the laptop?",
        "The badge has been reactivated. It works from 14:30.",
        "The dock is getting new firmware; a technician is coming tomorrow at 10:00.",
    ],
}
PATTERNS = {  # a scenario's patterns, as `Texts.question` asks them (see `texts._opens`)
    "nl": {"ask": ["de foutmelding", "het lampje"], "ask_direct": ["sinds wanneer"],
           "ask_step": ["welke printer"], "ask_verb": ["hebt u het wachtwoord gewijzigd"],
           "ask_done": ["is de pc herstart"], "ask_where": ["op het scherm"],
           "tell_verb": ["uw wachtwoord wijzigen"]},
    "fr": {"ask": ["le message d'erreur", "le voyant"], "ask_direct": ["depuis quand"],
           "ask_step": ["quelle imprimante"], "ask_verb": ["changer votre mot de passe"],
           "ask_done": ["redémarré le PC"], "ask_where": ["sur l'écran"],
           "tell_verb": ["changer votre mot de passe"]},
    "en": {"ask": ["the error message", "the light"], "ask_direct": ["since when"],
           "ask_step": ["which printer"], "ask_verb": ["change your password"],
           "ask_done": ["restarted the PC"], "ask_where": ["on the screen"],
           "tell_verb": ["change your password"]},
}  # fmt: skip
CUSTOMER_WORDS = {  # what a customer wrote, as the parrot repeats it
    "nl": ["Mijn mails komen niet binnen sinds vanochtend.", "Ik kan niet meer printen."],
    "fr": ["Je n'arrive plus à imprimer depuis ce matin.", "Mes mails n'arrivent plus."],
    "en": ["My VPN drops every ten minutes.", "I can't print since this morning."],
}
JARGON = {"nl": ["DNS-cache"], "fr": ["pilote"], "en": ["DNS cache"]}
SKIPPED_SCRIPTED = frozenset({"desk", "note_answer", "note_facts", "transfer_reason"})
"""`phrases.py` keys that are no message to a customer (a ticket note, a fragment)."""
SKIPPED_STOCK = frozenset({"echo"})
"""`gaming.py`'s echo opener is sent only with the customer's words after it (built below)."""


class Turns:
    """Values in turn, per table: the same slot gets other values across templates."""

    def __init__(self) -> None:
        self.at: dict[str, int] = {}

    def next(self, name: str, values: list[str]) -> str:
        i = self.at.get(name, 0)
        self.at[name] = i + 1
        return values[i % len(values)]


def _dict_literal(path: Path, name: str) -> dict:
    """A module-level dict literal of a Python file, read without importing the module."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == name and node.value is not None:
            return ast.literal_eval(node.value)
    raise SystemExit(f"{name} not found in {path}")


def _clauses(lang: str, turns: Turns) -> tuple[str, str]:
    """A progress sentence's {action} and {next}, from worded.py's clauses, in turn."""
    table = _dict_literal(SIMULATE / "worded.py", "CLAUSES")[lang]
    pair = turns.next(
        "clause", [("action", "next"), ("passed", "passed_next"), ("received", "received_next")]
    )
    values = _values(lang, turns)
    return table[pair[0]].format(**values), table[pair[1]].format(**values)


def _values(lang: str, turns: Turns) -> dict[str, str]:
    return {
        "who": turns.next(f"who-{lang}", WHO[lang]),
        "group": turns.next(f"group-{lang}", GROUPS[lang]),
        "ticket": turns.next("ticket", TICKETS),
        "minutes": turns.next("minutes", MINUTES),
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def bank_messages(lang: str, bank: str, turns: Turns) -> list[tuple[str, str, str]]:
    templates = tomllib.loads((SIMULATE / f"phrases_{bank}" / f"{lang}.toml").read_text("utf-8"))
    out = []
    for purpose in PURPOSES:
        for template in templates[purpose]:
            values: dict[str, str] = {}
            if "{name}" in template:
                values["name"] = turns.next(f"name-{lang}", NAMES[lang])
            if "{topic}" in template:
                values["topic"] = turns.next(f"topic-{lang}", TOPICS[lang])
            if "{summary}" in template:
                values["summary"] = turns.next(f"summary-{lang}", SUMMARIES[lang])
            if "{step}" in template:
                values["step"] = turns.next(f"step-{lang}", STEPS[lang])
            if "{answer}" in template:
                values["answer"] = turns.next(f"answer-{lang}", ANSWERS[lang])
            if "{action}" in template:
                values["action"], values["next"] = _clauses(lang, turns)
            text = template.format(**values)
            if purpose == "empathy":  # said by name, as worded.py's _by_name does
                name = turns.next(f"name-{lang}", NAMES[lang])
                text = f"{name}, {text[:1].lower()}{text[1:]}"
            elif purpose == "restate":
                text = _capital(text)
            out.append((f"bank-{bank}", purpose, text))
    return out


def scripted_messages(lang: str, turns: Turns) -> list[tuple[str, str, str]]:
    table = _dict_literal(SIMULATE / "phrases.py", "PHRASES")[lang]
    out = []
    for key, template in table.items():
        if key in SKIPPED_SCRIPTED:
            continue
        patterns = PATTERNS[lang].get(key, [""])
        for pattern in patterns:
            values = {**_values(lang, turns), "agent": "Alex"}
            values["name"] = turns.next(f"name-{lang}", NAMES[lang])
            values["pattern"] = pattern
            values["Pattern"] = _capital(pattern)
            values["summary"] = turns.next(f"summary-{lang}", SUMMARIES[lang])
            values["solution"] = turns.next(f"step-{lang}", STEPS[lang])
            values["question"] = ANSWERS[lang][0]
            values["text"] = ANSWERS[lang][1]
            values["term"] = JARGON[lang][0]
            out.append(("scripted", key, template.format(**values)))
    stock = _dict_literal(SIMULATE / "gaming.py", "STOCK")[lang]
    for key, text in stock.items():
        if key not in SKIPPED_STOCK:
            out.append(("gaming", key, text))
    step = STEPS[lang][0]
    out.append(
        ("gaming", "parrot", f"{stock['empathy']} {stock['echo']} {CUSTOMER_WORDS[lang][0]}")
    )
    out.append(("gaming", "parrot-solution", f"{stock['empathy']} {stock['solution']} {step}"))
    out.append(("gaming", "shotgun-solution", f"{stock['solution']} {STEPS[lang][1]}"))
    return out


_NUMBERED = re.compile(r"^\s*\d+\.\s+")


def _plain(text: str) -> str:
    """A KB step as a candidate pastes it: the markdown emphasis gone, one line."""
    text = re.sub(r"\*\*|\*|`", "", text)
    return " ".join(text.split())


def kb_steps(body: str) -> list[str]:
    """The numbered steps of an article, each with its continuation lines."""
    steps: list[str] = []
    current: list[str] | None = None
    for line in body.splitlines():
        if _NUMBERED.match(line):
            if current:
                steps.append(_plain(" ".join(current)))
            current = [_NUMBERED.sub("", line)]
        elif current is not None and line.startswith("   ") and line.strip():
            current.append(line.strip())
        else:
            if current:
                steps.append(_plain(" ".join(current)))
            current = None
    if current:
        steps.append(_plain(" ".join(current)))
    return steps


def scenario_messages(lang: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    folders = sorted(SCENARIOS.glob(f"{lang}-*"))
    for folder in folders:
        data = tomllib.loads((folder / "scenario.toml").read_text("utf-8"))
        for canned in data.get("canned", []):
            text = canned["text"].replace("{agent}", "Alex")
            if text not in seen:
                seen.add(text)
                out.append(("canned", f"{folder.name}:{canned.get('id', '')}", text))
    for folder in folders:
        for article in sorted((folder / "kb").glob("*.md")):
            for step in kb_steps(article.read_text("utf-8")):
                if step not in seen:
                    seen.add(step)
                    out.append(("kb", f"{folder.name}:{article.stem}", step))
    return out


def messages(lang: str) -> list[tuple[str, str, str]]:
    """Every message of the set in one language: (source, slot, text), in the set's order."""
    turns = Turns()
    made = bank_messages(lang, "d", turns) + bank_messages(lang, "e", turns)
    made += scripted_messages(lang, turns)
    made += scenario_messages(lang)
    out: list[tuple[str, str, str]] = []
    where: dict[str, int] = {}
    for source, slot, text in made:  # a text the exam sends twice is one message
        if key(text) in where:
            i = where[key(text)]
            out[i] = (f"{out[i][0]}+{source}", f"{out[i][1]}+{slot}", out[i][2])
        else:
            where[key(text)] = len(out)
            out.append((source, slot, text))
    return out


CONVERSATION_PREFIX = "context"
"""As tests/language/heldout_selfcheck.py names them (this script runs without the package)."""


def key(text: str) -> str:
    """Two texts are the same message when they differ only in case and white space."""
    return " ".join(text.lower().split())


def other_sets(lang: str) -> set[str]:
    """The texts of every other labelled set in tests/language (their texts only: a text
    already there is left out of this set, so no set holds another's message). Not the sets of
    whole conversations (context1, context2, context_sample: no line holds a `text`), written
    after this one and read in context (heldout_selfcheck.CONVERSATION_PREFIX)."""
    texts: set[str] = set()
    for path in sorted(HERE.parent.glob(f"*/{lang}.jsonl")):
        if path.parent != HERE and not path.parent.name.startswith(CONVERSATION_PREFIX):
            for line in path.read_text("utf-8").splitlines():
                texts.add(key(json.loads(line)["text"]))
    return texts


# ---------------------------------------------------------------- the drafts' codes

CODES = {
    "g": "greeting",
    "o": "offer_help",
    "i": "identify",
    "q": "question",
    "r": "restate",
    "e": "empathy",
    "a": "apology",
    "p": "progress",
    "n": "instruction",
    "c": "check",
    "x": "closing",
    "h": "hold",
}
NEGATED = "!"
NONE = "-"
ORDER = list(CODES.values())


def parse_codes(codes: str, where: str) -> tuple[list[str], bool]:
    """`codes` is letters of CODES, `!` for a negated instruction, or `-` for no act."""
    codes = codes.strip()
    if codes == NONE:
        return [], False
    negated = NEGATED in codes
    letters = codes.replace(NEGATED, "")
    unknown = set(letters) - set(CODES)
    if unknown or len(set(letters)) != len(letters) or not codes:
        raise SystemExit(f"{where}: bad codes {codes!r}")
    acts = sorted((CODES[c] for c in letters), key=ORDER.index)
    return acts, negated


def convert(out: Path = HERE) -> None:
    """Write `{lang}.jsonl`, `slots.tsv` and `excluded.tsv` into `out` from the drafts."""
    slots = ["lang\tline\tsource\tslot"]
    excluded = ["lang\tsource\tslot\ttext"]
    for lang in LANGUAGES:
        built = messages(lang)
        taken = other_sets(lang)
        drafts = (HERE / "drafts" / f"{lang}.txt").read_text("utf-8").splitlines()
        if len(drafts) != len(built):
            raise SystemExit(f"{lang}: {len(drafts)} draft lines for {len(built)} messages")
        lines = []
        for number, (draft, (source, slot, text)) in enumerate(zip(drafts, built, strict=True), 1):
            codes, _, drafted = draft.partition("|")
            if drafted != text:
                raise SystemExit(f"{lang}:{number}: draft text differs: {drafted!r} != {text!r}")
            acts, negated = parse_codes(codes, f"{lang}:{number}")
            if key(text) in taken:
                excluded.append(f"{lang}\t{source}\t{slot}\t{text}")
                continue
            record = {"text": text, "acts": acts, "negated": negated}
            lines.append(json.dumps(record, ensure_ascii=False))
            slots.append(f"{lang}\t{len(lines)}\t{source}\t{slot}")
        (out / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (out / "slots.tsv").write_text("\n".join(slots) + "\n", "utf-8")
    (out / "excluded.tsv").write_text("\n".join(excluded) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--convert", action="store_true")
    parser.add_argument("--draft", action="store_true", help="print `|text` draft lines")
    args = parser.parse_args(argv)
    if args.convert:
        convert()
        return 0
    for lang in [args.lang] if args.lang else LANGUAGES:
        for source, slot, text in messages(lang):
            print(f"|{text}" if args.draft else f"{lang}\t{source}\t{slot}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
