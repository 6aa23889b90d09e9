"""A restatement in sentences: what the customer said, turned to the second person and cut.

A scripted candidate restates the customer's problem (COM-4) from what the customer said:
for each key fact, the clause of the customer's answer that carries most of it, with the
persons turned ("J'ai changé mon mot de passe" -> "vous avez changé votre mot de passe",
"I left it on my desk" -> "you left it on your desk", "ik ben gisteren ..." -> "u bent
gisteren ..."), and cut where it would give back `ECHO_RUN_WORDS` of the customer's words
in a row (the assessment's echo): at a preposition or a conjunction, so what is left is
still a clause. A fragment without a verb ("Depuis ce matin.") goes before the next
sentence ("depuis ce matin, vous avez changé votre mot de passe"). Deterministic: the same
answer always gives the same clause.

The turning is a small table per language (pronouns, possessives, the verb after "I") and a
few rules: a regular verb gets its ending (Dutch -t, French -ez from the -er infinitive the
language layer's lemmas give: "je m'appelle" -> "vous vous appelez"), and a Dutch
subordinate clause turns its verb at its end ("zoals ik de cover altijd plaats" -> "zoals u
de cover altijd plaatst"). Not a grammar: an irregular verb the table does not know keeps
its form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.content_words import content_stems

WORDS_TURNED: dict[str, dict[str, str]] = {
    "en": {
        "i": "you", "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
        "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you",
        "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll",
        "our": "your", "ours": "yours", "us": "you", "ourselves": "yourselves",
    },
    "nl": {
        "ik": "u", "mij": "u", "me": "u", "mijn": "uw", "m'n": "uw", "mezelf": "uzelf",
        "mijzelf": "uzelf", "we": "jullie", "wij": "jullie", "ons": "jullie", "onze": "jullie",
    },
    "fr": {
        "je": "vous", "j'": "vous", "me": "vous", "m'": "vous ", "moi": "vous", "mon": "votre",
        "ma": "votre", "mes": "vos", "nous": "vous", "notre": "votre", "nos": "vos",
    },
}  # fmt: skip
"""First-person words and what they become said to the customer."""

SUBJECTS: dict[str, frozenset[str]] = {
    "en": frozenset({"i"}),
    "nl": frozenset({"ik"}),
    "fr": frozenset({"je", "j'", "nous"}),
}
"""The first-person subjects whose verb changes with them."""

VERBS_TURNED: dict[str, dict[str, str]] = {
    "en": {"am": "are", "was": "were", "'m": "'re"},
    "nl": {
        "ben": "bent", "heb": "hebt", "kan": "kunt", "wil": "wilt", "zal": "zult",
        "ga": "gaat", "doe": "doet", "sta": "staat", "zie": "ziet", "kom": "komt",
        "werk": "werkt", "denk": "denkt", "krijg": "krijgt", "vind": "vindt", "hoor": "hoort",
        "probeer": "probeert", "gebruik": "gebruikt", "zoek": "zoekt", "klik": "klikt",
        "typ": "typt", "druk": "drukt", "sluit": "sluit", "moet": "moet", "mag": "mag",
        "weet": "weet", "zit": "zit", "was": "was", "had": "had",
    },
    "fr": {
        "suis": "êtes", "ai": "avez", "vais": "allez", "fais": "faites", "peux": "pouvez",
        "dois": "devez", "sais": "savez", "vois": "voyez", "veux": "voulez", "étais": "étiez",
        "avais": "aviez", "crois": "croyez", "mets": "mettez", "prends": "prenez",
        "viens": "venez", "dis": "dites", "reçois": "recevez", "sommes": "êtes",
        "avons": "avez", "allons": "allez", "faisons": "faites", "disons": "dites",
        "écris": "écrivez", "lis": "lisez", "finis": "finissez", "choisis": "choisissez",
        "sors": "sortez", "pars": "partez", "dors": "dormez", "connais": "connaissez",
    },
}  # fmt: skip
"""The verb after a first-person subject, said to the customer (the irregular ones)."""


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


OBJECT_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"just", "also", "already", "never", "really", "only", "still", "then"}),
    "nl": frozenset(),
    "fr": frozenset({"ne", "n'", "me", "m'", "le", "la", "l'", "les", "lui", "leur", "y", "en"}),
}
"""Words between a subject and its verb ("je ne l'ai", "I just changed")."""

FILLERS = frozenset(
    _words(
        "ah oh euh eh hmm bon ben well yes no yeah oui non ja nee allee allez tja "
        "nou ok okay so dus donc alors voila voilà hein"
    )
)
"""Words a spoken answer opens with that a restatement leaves out ("Ah, hier soir ...")."""

BREAK_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        _words(
            "on in at to from with for of by about into onto under over behind near through "
            "without and or but because so since when while which that who after before"
        )
    ),
    "nl": frozenset(
        _words(
            "op in aan van met voor naar bij uit over onder door tegen via om en of maar want "
            "omdat dus toen terwijl als dat die wanneer sinds na"
        )
    ),
    "fr": frozenset(
        _words(
            "sur dans à a de du des d en par pour avec sans sous chez vers avant après apres "
            "entre contre et ou mais parce car donc quand puisque qui que qu depuis"
        )
    ),
}
"""A clause is cut before one of these (a preposition or a conjunction), never inside a
noun phrase."""

AND = {"en": "and", "nl": "en", "fr": "et"}
"""Two items of the customer's list joined ("a 14 MB PDF and 24 pages")."""
ECHO_RUN_WORDS = 6
"""The customer's words in a row that make a copy (the assessment's echo)."""
FRAGMENT_WORDS = 4
"""A sentence this short goes before the next one ("Depuis ce matin. J'ai ...")."""

_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_QUOTE = re.compile(r"(?<![\w])['‘’\"“”«»]+|['‘’\"“”«»]+(?![\w])")
_ELISION = re.compile(r"^([jmnl]['’])(.+)$", re.IGNORECASE)
_EDGE = re.compile(r"^(\W*)(.*?)([^\w'’]*)$")


def runs(text: str, size: int = ECHO_RUN_WORDS) -> set[tuple[str, ...]]:
    w = dialogue.words(text)
    return {w[i : i + size] for i in range(len(w) - size + 1)}


def turn_persons(sentence: str, language: str) -> str:
    """The sentence said back to its speaker: first person turned to the second."""
    words_turned = WORDS_TURNED.get(language, {})
    verbs = VERBS_TURNED.get(language, {})
    subjects = SUBJECTS.get(language, frozenset())
    between = OBJECT_WORDS.get(language, frozenset())
    tokens = _split_elisions(sentence.split(), language)
    out: list[str] = []
    verb_due = False
    verb_last: set[int] = set()  # Dutch subordinate clauses: the verb at their end
    for i, raw in enumerate(tokens):
        lead, core, tail = _EDGE.match(raw).groups()  # type: ignore[union-attr]
        low = core.casefold().replace("’", "'")
        if i in verb_last and not core[:1].isupper():  # "als ik Teams open": a name stays
            out.append(f"{lead}{verbs.get(low) or _regular(low, language) or core}{tail}")
            continue
        if low in words_turned:
            out.append(f"{lead}{words_turned[low]}{tail}")
            if language == "nl" and low in subjects and _subordinate(tokens, i):
                verb_last.add(_final_verb(tokens, i + 1, verbs))  # "zoals ik ... plaats"
                verb_due = False
                continue
            inverted = language == "nl" and not _opens_clause(tokens, i)
            verb_due = (low in subjects and not inverted) or (verb_due and low in between)
            continue
        following = dialogue.words(tokens[i + 1])[:1] if i + 1 < len(tokens) else ()
        if language == "nl" and low in verbs and following == ("ik",):
            out.append(f"{lead}{verbs[low]}{tail}")  # inverted: "heb ik" -> "hebt u"
            continue
        if verb_due and language == "fr" and low == "vous":
            out.append(f"{lead}nous{tail}")  # "je vous appelle": the helpdesk, said back
            continue
        if verb_due and low in between:
            out.append(raw)
            continue
        if verb_due:
            verb_due = False
            if language == "fr" and low == "suis" and _ends_clause(tokens, i):
                out.append(f"{lead}suivez{tail}")  # "les bénéficiaires que je suis": suivre
                continue
            turned = verbs.get(low) or _regular(low, language)
            if turned is not None:
                out.append(f"{lead}{turned}{tail}")
                continue
        out.append(raw)
    text = re.sub(r"(?i)\b([nlts]|qu|d)' ", r"\1'", " ".join(out)).replace("vous  ", "vous ")
    return re.sub(r"\bne (?=[aeiouéèêh])", "n'", text)


NL_CLAUSE_OPENERS = frozenset({"en", "maar", "want", "of", "dus", "ja", "nee"})


def _opens_clause(tokens: list[str], i: int) -> bool:
    """Does the Dutch subject at `i` open its clause (its verb follows: "ik heb"), rather than
    follow its verb ("gisteren heb ik", "zie ik")?"""
    if i == 0 or tokens[i - 1].endswith((",", ";", ":", ".", "!", "?", "…")):
        return True
    return tokens[i - 1].casefold() in NL_CLAUSE_OPENERS


NL_SUBORDINATORS = frozenset(
    _words(
        "als alsof zoals omdat dat wanneer toen terwijl sinds nadat voordat voor of waar hoe wat "
        "die waarmee waarop waarin tot zodra zodat hoewel indien"
    )
)
"""Words that open a Dutch subordinate clause: its finite verb stands at its end ("zoals ik
de cover altijd plaats", "dat ik iets doms gedaan heb")."""

_CLAUSE_END = (",", ";", ":", ".", "!", "?", "…")


def _subordinate(tokens: list[str], i: int) -> bool:
    return i > 0 and tokens[i - 1].casefold().strip(_PUNCT) in NL_SUBORDINATORS


def _ends_clause(tokens: list[str], i: int) -> bool:
    return i + 1 == len(tokens) or tokens[i].endswith(_CLAUSE_END)


def _final_verb(tokens: list[str], start: int, verbs: dict[str, str]) -> int:
    """The finite verb of the Dutch subordinate clause that starts at `start`: a verb of the
    table in it ("... kan doen", "... gedaan heb"), else its last word ("... altijd plaats"),
    or the modal before a last infinitive ("... mails moest verwijderen"); -1 for none."""
    end = start
    while end < len(tokens):
        if end > start and tokens[end].casefold() in {"maar", "want"}:
            break  # not "en"/"of": "omdat ik mijn laptop en mijn gsm kwijt ben"
        end += 1
        if tokens[end - 1].endswith(_CLAUSE_END):
            break
    words = [t.casefold().strip(_PUNCT) for t in tokens[start:end]]
    for at, word in enumerate(words):
        if word in verbs:
            return start + at
    if len(words) >= 2 and words[-1].endswith("en") and words[-2] in NL_PAST_MODALS:
        return start + len(words) - 2
    return start + len(words) - 1 if words else -1


NL_PAST_MODALS = frozenset(_words("moest kon wilde zou mocht ging hoefde durfde kwam bleef"))
"""Past forms before an infinitive at the end of a Dutch clause (they take no -t)."""


def _split_elisions(tokens: Iterable[str], language: str) -> list[str]:
    """French "j'ai" -> "j'", "ai"; "m'a" -> "m'", "a" (the parts are turned apart)."""
    if language != "fr":
        return list(tokens)
    out: list[str] = []
    for token in tokens:
        m = _ELISION.match(token)
        if m:
            out += [m.group(1).replace("’", "'"), m.group(2)]
        else:
            out.append(token)
    return out


NL_NOT_VERBS = frozenset(
    _words(
        "niet nog ook al wel dan toen nu echt even gewoon zelf alleen gisteren vandaag net maar "
        "er het de een dat die dit daar hier toch eigenlijk misschien ineens nooit altijd soms "
        "vaak meestal zo heel zeker denk zag kreeg ging stond zat kwam liep viel bleef deed wist "
        "dacht kocht vond nam gaf sprak las schreef zei trok brak"
    )
)
"""Words after Dutch "ik" that are no present-tense verb to give a -t (adverbs, past tenses)."""


def _regular(verb: str, language: str) -> str | None:
    """A regular verb said to the customer: French "vous" (-e, -ais, -ai, -ons), Dutch "u"
    (the stem gets its -t: "bewaar" -> "bewaart", "verbind" -> "verbindt"); else None."""
    if language == "fr":
        if verb.endswith("e") and (infinitive := _fr_er_infinitive(verb)) is not None:
            return infinitive[:-2] + "ez"  # "appelle" -> "appelez", "espère" -> "espérez"
        for end, new in (("ais", "iez"), ("ons", "ez"), ("ai", "ez"), ("e", "ez"), ("ds", "dez")):
            if verb.endswith(end) and len(verb) > len(end) + 1:
                return verb[: -len(end)] + new
    if language == "nl" and verb.isalpha() and len(verb) >= 3 and verb not in NL_NOT_VERBS:
        return verb if verb.endswith(("t", "e")) else f"{verb}t"
    return None


def _fr_er_infinitive(verb: str) -> str | None:
    """The -er infinitive of a French present form, with its accents ("appelle" -> "appeler",
    "espère" -> "espérer"), from the language layer's lemmas; None for another verb."""
    from helpdesk_tui.language.lemmas import _accent_index, lemma

    found = lemma(verb, "fr")
    if not found.endswith("er") or found == "aller" or len(found) < 4:
        return None
    return _accent_index("fr").get(found) or found


OPENING_WORDS = FILLERS | frozenset(
    _words("and but because so et mais parce car donc en maar want omdat dus")
)
"""Words a clause does not open with once it stands alone after a colon or "and"."""


def _strip(sentence: str) -> str:
    """No quotes, no filler or conjunction opening it, no final punctuation."""
    text = _QUOTE.sub("", sentence).strip()
    while True:
        first = text.split(" ", 1)
        opening = dialogue.words(first[0])
        if len(first) == 2 and opening and opening[0] in OPENING_WORDS:
            text = first[1].lstrip(" ,;:")
            continue
        break
    return text.rstrip(" .!…;:,")


def pieces(answer: str, language: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The answer's clauses in the second person: each sentence (a question left out), a
    short fragment joined to the sentence after it, and each sentence's comma parts."""
    said = [s for s in _SENTENCE.split(" ".join(answer.split())) if s and not s.endswith("?")]
    stripped = [_strip(s) for s in said]
    stripped = [s for s in stripped if dialogue.words(s)]
    found: list[str] = []
    for i, sentence in enumerate(stripped):
        turned = turn_persons(sentence, language)
        if len(dialogue.words(sentence)) <= FRAGMENT_WORDS and i + 1 < len(stripped):
            after = _lower_first(turn_persons(stripped[i + 1], language), names)
            found.append(f"{_lower_first(turned, names)}, {after}")
        found.append(turned)
        parts = [p for p in (_strip(p) for p in re.split(r"[,;:]", turned)) if dialogue.words(p)]
        found += [p for p in parts if len(dialogue.words(p)) >= 2]
        and_ = AND.get(language, AND["en"])
        found += [f"{a} {and_} {b}" for a, b in zip(parts, parts[1:], strict=False)]
    return list(dict.fromkeys(_lower_first(p, names) for p in found))


def _lower_first(text: str, names: frozenset[str]) -> str:
    """A clause goes after a colon: its first letter lower case, unless it is a name or a
    code ("Zebra", "PRN-LAB-03", "Outlook": `names_in`)."""
    first = text.split(" ", 1)[0]
    plain = first[1:] == first[1:].lower() and not any(c.isdigit() for c in first)
    if first and plain and first.strip(_PUNCT).casefold() not in names:
        return text[:1].lower() + text[1:]
    return text


_PUNCT = "'\"«»“”‘’.,;:!?()"


def names_in(texts: Iterable[str]) -> frozenset[str]:
    """Words written capitalised in mid-sentence (names, products): never lowered."""
    found: set[str] = set()
    for text in texts:
        tokens = text.split()
        for before, word in zip(tokens, tokens[1:], strict=False):
            core = word.strip(_PUNCT)
            if core[:1].isupper() and not before.endswith((".", "!", "?", ":")):
                found.add(core.casefold())
    return frozenset(found)


def cuts(
    piece: str, language: str, theirs: set[tuple[str, ...]], ok: Callable[[str], bool]
) -> list[str]:
    """The piece and its shorter forms that give back no run of `ECHO_RUN_WORDS` of the
    customer's words and that `ok` accepts: cut before a break word (a preposition, a
    conjunction), or with one stretch left out between two such places ("you traded the
    old one [in] at the shop on Saturday"); the longest first."""
    tokens = piece.split()
    breaks = BREAK_WORDS.get(language, BREAK_WORDS["en"])
    places = [i for i in range(1, len(tokens)) if _plain(tokens[i]) in breaks] + [len(tokens)]
    spans = [(0, end, end, end) for end in places]
    spans += [(0, a, b, end) for a in places for b in places for end in places if a < b < end]
    found: dict[str, None] = {}
    for start, a, b, end in spans:
        kept = tokens[start:a] + tokens[b:end]
        if len(kept) < 2 or _plain(kept[-1]) in breaks:
            continue
        text = " ".join(kept).rstrip(" ,;:")
        if text in found or runs(text) & theirs or not ok(text):
            continue
        found[text] = None
    return sorted(found, key=lambda t: (" ".join(tokens).startswith(t) is False, -len(t)))


def _plain(token: str) -> str:
    """A token as the break words list it: lower case, accents kept ("à" is no "a"),
    an elided article's apostrophe dropped ("qu'il" -> "qu")."""
    return re.split(r"['’]", token.strip(_PUNCT).casefold(), maxsplit=1)[0]


def best_clause(
    answer: str,
    language: str,
    theirs: set[tuple[str, ...]],
    ok: Callable[[str], bool],
    names: frozenset[str] = frozenset(),
) -> str | None:
    """The clause of the answer that restates most of it (its content words, then the
    shorter), with two of its content words at least (the assessment's rule for a fact
    restated); None when no clause does without an echo."""
    mine = content_stems(answer, language)
    best: tuple[tuple[int, int], str] | None = None
    for piece in pieces(answer, language, names):
        for text in cuts(piece, language, theirs, ok):
            shared = len(content_stems(text, language) & mine)
            if shared < 2:
                continue
            score = (shared + (text == piece), -len(text))  # a whole clause is worth a word
            if best is None or score > best[0]:
                best = (score, text)
    return best[1] if best else None
