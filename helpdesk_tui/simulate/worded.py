"""The `worded` candidate: the ideal's actions, in words the evidence rules were not built from.

It works every case exactly as `ideal` does (same plan, same timing rules,
same answer key), but every sentence it writes comes from the phrase bank in
`phrases/{nl,fr,en}.toml`, written by someone who had not read the language
layer's lexicons nor the scenarios' patterns:

- greetings by the customer's first name ("Hi Tom"), its own identification
  and closing questions, empathy (said by name, as the ideal does) and
  apologies of its own;
- restatements of the customer's facts through the bank's `restate`
  templates, with the facts' values (codes, names, numbers, content words),
  never the customer's sentences;
- solutions in the words of the case's KB article: the article sentences
  closest to what the answer key says must be done, none that tells another
  of the key's options, and the case's own details the article cannot know
  (a name, a number, the customer's words: "loket 5", "Els Vermeulen");
- progress updates that say who has the ticket and when the customer hears
  next; the second line's words passed on through `relay_second_line`.

What it still takes from the scenario: the canned closing reply (the one
canned reply the procedures ask for by name), and the words a hidden fact is
asked about (a fact is revealed only when its topic is asked, so the topic
goes into a bank question). Notes and transfer reasons, which no customer
reads, stay the ideal's.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from itertools import count
from pathlib import Path

from helpdesk_tui import language
from helpdesk_tui.customers.evidence_flags import content_stems
from helpdesk_tui.scenario.model import Incident, ProcedureStep, Scenario
from helpdesk_tui.simulate.jobs import Said, Style
from helpdesk_tui.simulate.scripted import ScriptedCandidate
from helpdesk_tui.simulate.texts import Texts, address_name, noun_with_article, sentences

BANK_DIR = Path(__file__).parent / "phrases"
BANK_B_DIR = Path(__file__).parent / "phrases_b"
"""The second bank (`worded-b`), by another writer, blind to the first (its README)."""
BANK_C_DIR = Path(__file__).parent / "phrases_c"
"""The third bank (`worded-c`), by a third writer, blind to the other two (its README)."""
BANK_D_DIR = Path(__file__).parent / "phrases_d"
"""The fourth bank (`worded-d`), by a fourth writer, blind to the other three (its README)."""
BANK_E_DIR = Path(__file__).parent / "phrases_e"
"""The fifth bank (`worded-e`), by a fifth writer, blind to the other four (its README)."""
BANK_F_DIR = Path(__file__).parent / "phrases_f"
"""The sixth bank (`worded-f`), by a sixth writer, blind to the other five (its README)."""
BANK_G_DIR = Path(__file__).parent / "phrases_g"
"""The seventh bank (`worded-g`), by a seventh writer, blind to the other six (its README)."""
BANK_H_DIR = Path(__file__).parent / "phrases_h"
"""The eighth bank (`worded-h`), by an eighth writer, blind to the other seven (its README)."""
BANK_I_DIR = Path(__file__).parent / "phrases_i"
"""The ninth bank (`worded-i`), by a ninth writer, blind to the other eight (its README)."""
BANK_J_DIR = Path(__file__).parent / "phrases_j"
"""The tenth bank (`worded-j`), by a tenth writer, blind to the other nine (its README)."""
BANK_K_DIR = Path(__file__).parent / "phrases_k"
"""The eleventh bank (`worded-k`), by an eleventh writer, blind to the other ten (its README)."""
BANK_L_DIR = Path(__file__).parent / "phrases_l"
"""The twelfth bank (`worded-l`), by a twelfth writer, blind to the other eleven (its README)."""
BANK_M_DIR = Path(__file__).parent / "phrases_m"
"""The thirteenth bank (`worded-m`), by a thirteenth writer, blind to the other twelve (its
README)."""
BANK_N_DIR = Path(__file__).parent / "phrases_n"
"""The fourteenth bank (`worded-n`), by a fourteenth writer, blind to the other thirteen: an
operator on a company script, whose greeting, identification, empathy, apology, hold and
closing are the same text for every customer (its README)."""
BANK_O_DIR = Path(__file__).parent / "phrases_o"
"""The fifteenth bank (`worded-o`), by a fifteenth writer, blind to the other fourteen: operators
writing in a second language, with a B1-B2 writer's slips (its README)."""
BANK_P_DIR = Path(__file__).parent / "phrases_p"
"""The sixteenth bank (`worded-p`), by a sixteenth writer, blind to the other fifteen: operators
trained to write plain language, short sentences with one idea each (its README)."""
SOLUTION_SENTENCES = 6
"""How many sentences of the article a solution message passes on."""

CLAUSES: dict[str, dict[str, str]] = {
    "en": {
        "action": "{who} is on your ticket {ticket}",
        "next": "you'll hear from me within {minutes} minutes",
        "passed": "I've handed ticket {ticket} to {group}",
        "passed_next": "they will contact you, and I'll follow it up",
        "received": "your message has reached the service desk",
        "received_next": "I'm looking into it right now",
    },
    "nl": {
        "action": "{who} behandelt uw ticket {ticket}",
        "next": "u hoort binnen {minutes} minuten van mij",
        "passed": "ik heb ticket {ticket} overgemaakt aan {group}",
        "passed_next": "zij nemen contact met u op en ik volg het op",
        "received": "uw bericht is bij de servicedesk aangekomen",
        "received_next": "ik bekijk het nu meteen",
    },
    "fr": {
        "action": "{who} traite votre ticket {ticket}",
        "next": "vous aurez de mes nouvelles dans {minutes} minutes",
        "passed": "j'ai confié le ticket {ticket} à {group}",
        "passed_next": "ils vous contacteront et je suis le dossier",
        "received": "votre message est bien arrivé au service d'assistance",
        "received_next": "je m'en occupe tout de suite",
    },
}
"""The clauses the bank's progress templates take ({action}, {next}), in each language."""


@cache
def bank(language: str, directory: Path = BANK_DIR) -> dict[str, list[str]]:
    """The phrase bank of one language in a bank's folder (English when there is none)."""
    path = directory / f"{language}.toml"
    if not path.is_file():
        path = directory / "en.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, list)}


class WordedTexts(Texts):
    """The ideal's choices of what to say, worded from the phrase bank."""

    def __init__(self, scenario: Scenario, style: Style, bank_dir: Path = BANK_DIR) -> None:
        super().__init__(scenario, style)
        self.plain_texts = Texts(scenario, style)
        self.bank = bank(self.language, bank_dir)
        self.clauses = CLAUSES.get(self.language, CLAUSES["en"])
        self._turns = count()

    def plain(self, text: str, novice: bool) -> str:
        """For a novice, a sentence with jargon is kept with its terms spelled out when dropping
        it would take the message's point away ("Si je vous ai bien compris, <facts>. Exact ?"
        must not shrink to "Exact ?")."""
        kept = super().plain(text, novice)
        if kept == text or len(kept.split()) * 2 >= len(text.split()):
            return kept
        for term, plain in self.glossary.items():
            text = re.sub(rf"\b{re.escape(term)}\w*", plain, text, flags=re.IGNORECASE)
        return text

    # ------------------------------------------------------------------ the bank

    def pick(self, purpose: str, **values: str) -> str:
        """The next template of a purpose (in turn, so customers do not all get the same one)."""
        templates = self.bank[purpose]
        return templates[next(self._turns) % len(templates)].format(**values)

    def phrase(self, key: str, **values: str) -> str:
        clause = self.clauses
        if key.startswith("empathy_"):
            key = "empathy"  # (evid15) the ideal's wordings in turn; a bank picks its own in turn
        if key == "greeting":
            return f"{self.pick('greeting_by_name', name=values.get('name', ''))} "
        mapping = {
            "identify": lambda: self.pick("identify"),
            "empathy": lambda: self._by_name(self.pick("empathy"), values.get("name", "")),
            "hold": lambda: self.pick("hold"),
            "check": lambda: self.pick("check"),
            "closing": lambda: self.pick("closing"),
            "paraphrase": lambda: _capital(
                self.pick("restate", summary=values["summary"].rstrip("."))
            ),
            "solution": lambda: self.pick("instruction", step=values["solution"]),
            "workaround": lambda: self.pick("instruction", step=values["solution"]),
            "relay": lambda: self.pick("relay_second_line", answer=values["question"]),
            "fixed": lambda: self.pick("relay_second_line", answer=values["text"]),
            "progress": lambda: self._progress(clause["action"], clause["next"], values),
            "waiting": lambda: self._progress(clause["action"], clause["next"], values),
            "transferred": lambda: self._progress(clause["passed"], clause["passed_next"], values),
            "email_ack": lambda: self._progress(
                clause["received"], clause["received_next"], values
            ),
            "ask": lambda: self.pick("clarifying_question", topic=self._topic(values["pattern"])),
            "ask_direct": lambda: self.pick(
                "clarifying_question", topic=self._topic(values["pattern"])
            ),
        }
        made = mapping.get(key)
        return made() if made is not None else self.plain_texts.phrase(key, **values)

    @staticmethod
    def _by_name(sentence: str, name: str) -> str:
        """Said to this customer, by name, as the ideal does: a sentence without the name,
        sent to three customers or more, is a stock phrase that calms no one (COM-6)."""
        if not name:
            return sentence
        return f"{name}, {sentence[:1].lower()}{sentence[1:]}"

    def _progress(self, action: str, after: str, values: dict[str, str]) -> str:
        return self.pick(
            "progress",
            action=action.format(**values).strip(),
            next=after.format(**values).strip(),
        )

    def _topic(self, pattern: str) -> str:
        return noun_with_article(self.language, pattern)

    # ------------------------------------------------------------------ the plan's questions

    def role(self, step: ProcedureStep) -> str:
        """What a procedure step is for is the scenario's business, not the wording's."""
        return self.plain_texts.role(step)

    def canned_for(self, patterns: tuple[str, ...]) -> Said | None:
        """The scenario's canned replies where a procedure step asks for one, but no canned
        greeting: the greeting is by the customer's name, in the candidate's words."""
        found = self.plain_texts.canned_for(patterns)
        if found is None or "greeting" in language.analyse(found[0], self.language).acts:
            return None
        return found

    def for_step(self, step: ProcedureStep, role: str, novice: bool, incident: Incident) -> Said:
        if role == "greeting":
            name = address_name(self.scenario.customer(incident.customer).name)
            return f"{self.phrase('greeting', name=name)}{self.pick('offer_help')}".strip(), None
        if role in ("identify", "check"):
            return self.phrase(role), None
        if role == "closing":
            return self.canned_for(step.patterns) or (self.phrase("closing"), None)
        return super().for_step(step, role, novice, incident)

    def question(self, pattern: str) -> str:
        if self._opens(pattern) == "noun":
            return self.pick("clarifying_question", topic=self._topic(pattern))
        return self.plain_texts.question(pattern)

    # ------------------------------------------------------------------ the solution

    def solution(self, incident: Incident, novice: bool) -> tuple[str, bool]:
        """The case's article's own sentences that say what the answer key says to do."""
        answer = incident.answer
        option = answer.fitting_option
        goal = option.text if option is not None else answer.solution
        article_id = self.target_article(incident)
        if article_id is None:
            return self.plain_texts.solution(incident, novice)
        body = self.scenario.article(article_id).body
        wanted = content_stems(goal, self.language)
        others = [
            content_stems(o.text, self.language) - wanted for o in answer.options if o is not option
        ]
        ranked = []
        for i, (fixing, sentence) in enumerate(_article_sentences(body)):
            mine = content_stems(sentence, self.language)
            shared = len(mine & wanted)
            if any(mine & other for other in others):
                continue  # it tells another way: one way is chosen, the others not offered
            if shared:
                ranked.append((not fixing, -shared, i, sentence))
        if not ranked:
            return self.plain_texts.solution(incident, novice)
        chosen = sorted(sorted(ranked)[:SOLUTION_SENTENCES], key=lambda r: r[2])
        text = " ".join(
            sentence
            for *_, sentence in chosen
            + [
                (None, s)
                for s in self._case_details(
                    option.text if option else answer.told, chosen, incident
                )
            ]
        )
        return self.plain(text, novice), option is not None

    def _case_details(self, told: str, chosen: list, incident: Incident) -> list[str]:
        """The sentences of what the customer is to be told that name this case's own details
        (which counter is free, whose approval), where the article's sentences, written for
        every case, do not (a table row is no sentence to pass on): an operator applies the
        article to the case in front of them. A detail is a number or a name (a capitalised
        word inside a sentence), or a word the customer's own facts use ("in de werkplaats"),
        that the chosen sentences do not have."""
        known: set[str] = set()
        for *_, sentence in chosen:
            known |= {w.casefold() for w in _WORD.findall(sentence)}
        theirs = {
            w.casefold() for f in incident.facts for w in _WORD.findall(f.answer) if len(w) >= 5
        }
        return [
            s
            for s in sentences(told)
            if (_details(s) | ({w.casefold() for w in _WORD.findall(s)} & theirs)) - known
        ]


def _details(sentence: str) -> set[str]:
    words = _WORD.findall(sentence)
    return {
        w.casefold()
        for i, w in enumerate(words)
        if any(c.isdigit() for c in w) or (i > 0 and w[:1].isupper() and not w.isupper())
    }


_WORD = re.compile(r"[^\W_][\w'’-]*")
_ITEM = re.compile(r"^\s*(?:[-*>]|\d+[.)])\s+")
_EMPHASIS = re.compile(r"[*_`]")


FIXING_HEADINGS = (
    "resolution", "solution", "fix", "workaround", "steps", "what to do",
    "oplossing", "oplossen", "stappen", "wat te doen", "résolution", "contournement", "étapes",
)  # fmt: skip
"""Headings of the part of an article that says what to do (its sentences come first)."""


def _article_sentences(body: str) -> list[tuple[bool, str]]:
    """An article's sentences, each with whether it stands under a "what to do" heading.

    Paragraphs and list items are joined across their wrapped lines; Markdown
    marks, headings and tables are taken off.
    """
    blocks: list[tuple[bool, list[str]]] = []
    fixing = False
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            fixing = any(h in stripped.casefold() for h in FIXING_HEADINGS)
        if not stripped or stripped.startswith(("#", "|")):
            blocks.append((fixing, []))
            continue
        if _ITEM.match(line) or not blocks:
            # a list item is a step of what to do, wherever the article puts it
            blocks.append((fixing, []))
        blocks[-1][1].append(_EMPHASIS.sub("", _ITEM.sub("", line)).strip())
    found = []
    for under, block in blocks:
        text = " ".join(part for part in block if part)
        found.extend((under, s) for s in _sentences(text) if len(s.split()) >= 4)
    return found


ABBREVIATIONS = re.compile(
    r"\b(e\.g|i\.e|bv|bijv|vb|o\.a|m\.a\.w|p\.ex|p\. ex|cf|nr|n°|dhr|mevr|dr)\.",
    re.IGNORECASE,
)
"""Abbreviations whose full stop ends no sentence: "(e.g. jamie.reid)" stays in its step."""
_HELD = "\u2024"  # one dot leader, put back after splitting


def _sentences(text: str) -> list[str]:
    held = ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + _HELD, text)
    return [s.replace(_HELD, ".") for s in sentences(held)]


class WordedPolicy(ScriptedCandidate):
    name = "worded"
    description = "the ideal's actions in words of its own (phrase bank, KB wording, names)"
    style = Style("worded")
    bank_dir = BANK_DIR

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.planner.t = WordedTexts(scenario, self.style, self.bank_dir)


class WordedBPolicy(WordedPolicy):
    """`worded` with the second phrase bank (`phrases_b/`): the same actions, another
    writer's words, so a figure says how the rules read more than one writer."""

    name = "worded-b"
    description = "worded with a second phrase bank, by another writer"
    style = Style("worded-b")
    bank_dir = BANK_B_DIR


class WordedCPolicy(WordedPolicy):
    """`worded` with the third phrase bank (`phrases_c/`): the same actions, a third
    writer's words (Irish English, Antwerp Dutch, Namur-Liège French)."""

    name = "worded-c"
    description = "worded with a third phrase bank, by a third writer"
    style = Style("worded-c")
    bank_dir = BANK_C_DIR


class WordedDPolicy(WordedPolicy):
    """`worded` with the fourth phrase bank (`phrases_d/`): the same actions, a fourth
    writer's words (Brussels English, Ghent and Limburg Dutch, Brussels and Mons French)."""

    name = "worded-d"
    description = "worded with a fourth phrase bank, by a fourth writer"
    style = Style("worded-d")
    bank_dir = BANK_D_DIR


class WordedEPolicy(WordedPolicy):
    """`worded` with the fifth phrase bank (`phrases_e/`): the same actions, a fifth
    writer's words (EU-institution English, Antwerp and Leuven Dutch, Liège and Brussels
    French)."""

    name = "worded-e"
    description = "worded with a fifth phrase bank, by a fifth writer"
    style = Style("worded-e")
    bank_dir = BANK_E_DIR


class WordedFPolicy(WordedPolicy):
    """`worded` with the sixth phrase bank (`phrases_f/`): the same actions, a sixth
    writer's words (a Kraków and Lisbon shared-service centre's non-native English, a
    Roeselare telecom back office's West-Flemish Dutch, a Namur one's French, each with a
    former teacher who says things twice)."""

    name = "worded-f"
    description = "worded with a sixth phrase bank, by a sixth writer"
    style = Style("worded-f")
    bank_dir = BANK_F_DIR


class WordedGPolicy(WordedPolicy):
    """`worded` with the seventh phrase bank (`phrases_g/`): the same actions, a seventh
    writer's words (a Lagos shared-service centre's Nigerian and Singaporean English, a
    Utrecht agent's and a Kortrijk letter-writer's Dutch, Verviers and Arlon French)."""

    name = "worded-g"
    description = "worded with a seventh phrase bank, by a seventh writer"
    style = Style("worded-g")
    bank_dir = BANK_G_DIR


class WordedHPolicy(WordedPolicy):
    """`worded` with the eighth phrase bank (`phrases_h/`): the same actions, an eighth
    writer's words (Glasgow and Cebu English, a bilingual Brussels agent's and an Aalst
    one-long-sentence agent's Dutch, Charleroi and Tournai French)."""

    name = "worded-h"
    description = "worded with an eighth phrase bank, by an eighth writer"
    style = Style("worded-h")
    bank_dir = BANK_H_DIR


class WordedIPolicy(WordedPolicy):
    """`worded` with the ninth phrase bank (`phrases_i/`): the same actions, a ninth
    writer's words (Cardiff and Denver English, a Leuven student's chat and a Mechelen
    agent's patient phone Dutch, Lausanne-born and Montréal French)."""

    name = "worded-i"
    description = "worded with a ninth phrase bank, by a ninth writer"
    style = Style("worded-i")
    bank_dir = BANK_I_DIR


class WordedJPolicy(WordedPolicy):
    """`worded` with the tenth phrase bank (`phrases_j/`): the same actions, a tenth
    writer's words (Mumbai-born Manchester and Johannesburg English, a Sint-Niklaas agent who
    tells what the screen will show and a Dendermonde trainee's Dutch, Parisian and
    Kinshasa-born Brussels French)."""

    name = "worded-j"
    description = "worded with a tenth phrase bank, by a tenth writer"
    style = Style("worded-j")
    bank_dir = BANK_J_DIR


class WordedKPolicy(WordedPolicy):
    """`worded` with the eleventh phrase bank (`phrases_k/`): the same actions, an eleventh
    writer's words (Brisbane-born night-shift and Leeds volunteer English, a Vilvoorde bank
    chat agent's and a Kempen digipunt volunteer's Dutch, Marseille-born and Dakar-born
    French)."""

    name = "worded-k"
    description = "worded with an eleventh phrase bank, by an eleventh writer"
    style = Style("worded-k")
    bank_dir = BANK_K_DIR


class WordedLPolicy(WordedPolicy):
    """`worded` with the twelfth phrase bank (`phrases_l/`): the same actions, a twelfth
    writer's words (a Newcastle apprentice's chat and a Bath legal secretary's formal phone
    English, a Genk apprentice's chat and an Ostend ex-purser's courteous Dutch, a Gaume
    ex-postmistress's long periods and a Brussels fintech agent's franglais)."""

    name = "worded-l"
    description = "worded with a twelfth phrase bank, by a twelfth writer"
    style = Style("worded-l")
    bank_dir = BANK_L_DIR


class WordedMPolicy(WordedPolicy):
    """`worded` with the thirteenth phrase bank (`phrases_m/`): the same actions, a thirteenth
    writer's words (a Kingston-born night-desk agent's chat and a Crewe ex-signaller's
    methodical phone English, a Lier ex-dispatcher's chat and a Tienen ex-school secretary's
    careful Dutch, a Nivelles ex-pharmacist's assistant's conditionals and a Lille-born chat
    agent's quick French)."""

    name = "worded-m"
    description = "worded with a thirteenth phrase bank, by a thirteenth writer"
    style = Style("worded-m")
    bank_dir = BANK_M_DIR


class WordedNPolicy(WordedPolicy):
    """`worded` with the fourteenth phrase bank (`phrases_n/`): the same actions, a fourteenth
    writer's words, and an operator on a company script (an outsourced Plymouth desk's and a
    ferry company's chat script in English, a Bruges IT provider's and a supermarket chain's in
    Dutch, a Walloon water company's and an Ardennes bank's in French): the scripted purposes
    have one line per company, said word for word to every customer, the rest is in the
    operator's own words."""

    name = "worded-n"
    description = "worded with a fourteenth phrase bank, an operator on a company script"
    style = Style("worded-n")
    bank_dir = BANK_N_DIR


class WordedOPolicy(WordedPolicy):
    """`worded` with the fifteenth phrase bank (`phrases_o/`): the same actions, a fifteenth
    writer's words, and operators writing in a second language (Spanish- and Romanian-born
    English, Polish- and French-born Dutch, Arabic- and Dutch-born French): competent work in
    sentences with a B1-B2 writer's slips, which the evidence must credit as a native's."""

    name = "worded-o"
    description = "worded with a fifteenth phrase bank, operators writing in a second language"
    style = Style("worded-o")
    bank_dir = BANK_O_DIR


class WordedPPolicy(WordedPolicy):
    """`worded` with the sixteenth phrase bank (`phrases_p/`): the same actions, a sixteenth
    writer's words, and operators trained to write plain language (a Wellington public
    agency's English, a Flemish city service's klare taal from Oudenaarde, a Walloon public
    service's langage clair from Mouscron): short sentences, one idea each, everyday words,
    the reason before the request and what happens next said out loud."""

    name = "worded-p"
    description = "worded with a sixteenth phrase bank, operators writing plain language"
    style = Style("worded-p")
    bank_dir = BANK_P_DIR


def _capital(text: str) -> str:
    """A message that opens with its summary ("{summary}, have I got that right?") opens
    with a capital, though the summary is a clause that goes after a colon."""
    return text[:1].upper() + text[1:]
