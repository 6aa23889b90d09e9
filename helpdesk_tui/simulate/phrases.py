"""What the scripted candidates say, in the scenario's language.

A scenario's canned replies come first (they are what a real candidate
would use, DATA-5); these sentences fill in where a scenario has none. Each
is written so the simulated customers recognise it with the built-in
patterns of `customers.dialogue` (empathy, progress, check, closing).
"""

from __future__ import annotations

AGENT_NAME = "Alex"
"""The `{agent}` in canned replies, for a simulated candidate."""

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Good morning, service desk, you're speaking with {agent}. How can I help you?",
        "identify": "Could I have your full name and your department, please?",
        "empathy": "I'm sorry about this, {name}, I understand how frustrating it is. I'll help you "
        "right away.",
        "empathy_1": "{name}, I understand, that's really frustrating with so much on your "
        "plate. Let's sort it out together.",
        "empathy_2": "I understand, {name}, that sounds very annoying and I'm sorry you're "
        "stuck with it. I'm on it now.",
        "empathy_3": "I understand how annoying this must be, {name}, especially right now.",
        "ask": "Could you tell me more about {pattern}?",
        "ask_direct": "{Pattern}, exactly?",
        "ask_step": "Could you tell me: {pattern}?",
        "ask_verb": "Did you {pattern}?",
        "ask_done": "Have you {pattern}?",
        "tell_verb": "Please {pattern} right away.",
        "ask_where": "Could you tell me what you see {pattern}?",
        "paraphrase": "So, if I understand you correctly: {summary}",
        "hold": "Thank you. One moment please, I'm looking into this for you.",
        "solution": "Here is what will fix it: {solution}",
        "workaround": "Here is what you can do right now: {solution}",
        "check": "Could you try it now and let me know whether it works?",
        "transferred": "I've passed your ticket {ticket} to our {group}. I'll follow it up and keep you "
        "informed of their progress.",
        "relay": "Our {group} asks: {question}",
        "fixed": "Good news from our {group}: {text}",
        "progress": "An update on your ticket {ticket}: {who} is working on it. I'll get back to you "
        "within {minutes} minutes.",
        "waiting": "Thank you for your patience. {who} is working on your ticket {ticket}; I'll get "
        "back to you within {minutes} minutes.",
        "desk": "the service desk",
        "closing": "Is there anything else I can do for you?",
        "email_ack": "Good morning, thank you for your message. We are looking into it and will keep "
        "you informed.",
        "note_answer": "Customer's answer to the {group}: {answer}",
        "note_facts": "Details from the customer: {facts}",
        "transfer_reason": "{title}. Tried so far: checked the knowledge base ({article}). For {group}.",
        "jargon": "It's probably the {term}.",
    },
    "nl": {
        "greeting": "Goedemorgen, servicedesk, u spreekt met {agent}. Waarmee kan ik u helpen?",
        "identify": "Mag ik uw volledige naam en uw afdeling, alstublieft?",
        "empathy": "Het spijt me, {name}, ik begrijp dat dit vervelend is. Ik help u meteen.",
        "empathy_1": "{name}, ik begrijp het, dat is echt frustrerend als u verder moet. We lossen "
        "het samen op.",
        "empathy_2": "Ik begrijp het, {name}, wat vervelend voor u, het spijt me dat u hiermee "
        "zit. Ik ga er meteen mee aan de slag.",
        "empathy_3": "Ik begrijp hoe lastig dit is, {name}, zeker nu.",
        "ask": "Kunt u me meer vertellen over {pattern}?",
        "ask_direct": "{Pattern}, precies?",
        "ask_step": "Kunt u me zeggen: {pattern}?",
        "ask_verb": "{Pattern}?",
        "ask_done": "{Pattern}?",
        "tell_verb": "U moet nu meteen {pattern}.",
        "ask_where": "Kunt u me zeggen wat u {pattern} ziet?",
        "paraphrase": "Dus als ik het goed begrijp: {summary}",
        "hold": "Dank u. Een moment alstublieft, ik kijk het voor u na.",
        "solution": "Dit lost het op: {solution}",
        "workaround": "Dit kunt u nu meteen doen: {solution}",
        "check": "Probeert u het nu opnieuw? Werkt het?",
        "transferred": "Ik heb uw ticket {ticket} doorgegeven aan {group}. Ik volg het op en houd u op "
        "de hoogte.",
        "relay": "{group} vraagt: {question}",
        "fixed": "Goed nieuws van {group}: {text}",
        "progress": "Een update over uw ticket {ticket}: {who} is ermee bezig. U hoort binnen "
        "{minutes} minuten van mij.",
        "waiting": "Bedankt voor uw geduld. {who} is bezig met uw ticket {ticket}; u hoort binnen "
        "{minutes} minuten van mij.",
        "desk": "de servicedesk",
        "closing": "Kan ik nog iets anders voor u doen?",
        "email_ack": "Goedemorgen, bedankt voor uw bericht. We zijn ermee bezig en houden u op de "
        "hoogte.",
        "note_answer": "Antwoord van de klant voor {group}: {answer}",
        "note_facts": "Gegevens van de klant: {facts}",
        "transfer_reason": "{title}. Al gedaan: kennisbank geraadpleegd ({article}). Nodig: {group}.",
        "jargon": "Het ligt waarschijnlijk aan de {term}.",
    },
    "fr": {
        "greeting": "Bonjour, service d'assistance, {agent} à l'appareil. Comment puis-je vous aider ?",
        "identify": "Puis-je avoir votre nom complet et votre service, s'il vous plaît ?",
        "empathy": "Je suis désolé, {name}, je comprends que c'est frustrant. Je vous aide tout de "
        "suite.",
        "empathy_1": "{name}, je comprends, c'est vraiment pénible pour vous. On va régler ça "
        "ensemble.",
        "empathy_2": "Je comprends, {name}, c'est très ennuyeux et je suis désolé que vous "
        "soyez bloqué. Je regarde ça tout de suite.",
        "empathy_3": "Je comprends tout à fait votre agacement, {name}, surtout maintenant.",
        "ask": "Pouvez-vous m'en dire plus sur {pattern} ?",
        "ask_direct": "{Pattern}, exactement ?",
        "ask_step": "Pouvez-vous me dire : {pattern} ?",
        "ask_verb": "Avez-vous dû {pattern} ?",
        "ask_done": "Avez-vous {pattern} ?",
        "tell_verb": "Il faut {pattern} tout de suite, s'il vous plaît.",
        "ask_where": "Pouvez-vous me dire ce que vous voyez {pattern} ?",
        "paraphrase": "Donc, si je comprends bien : {summary}",
        "hold": "Merci. Un instant s'il vous plaît, je regarde cela pour vous.",
        "solution": "Voici ce qui va régler le problème : {solution}",
        "workaround": "Voici ce que vous pouvez faire tout de suite : {solution}",
        "check": "Pouvez-vous essayer maintenant et me dire si ça marche ?",
        "transferred": "J'ai transmis votre ticket {ticket} à {group}. Je le suis et je vous tiens au "
        "courant.",
        "relay": "{group} demande : {question}",
        "fixed": "Bonne nouvelle de {group} : {text}",
        "progress": "Un point sur votre ticket {ticket} : {who} s'en occupe. Je reviens vers vous "
        "dans {minutes} minutes.",
        "waiting": "Merci de votre patience. {who} s'occupe de votre ticket {ticket} ; je reviens "
        "vers vous dans {minutes} minutes.",
        "desk": "le service d'assistance",
        "closing": "Puis-je faire autre chose pour vous ?",
        "email_ack": "Bonjour, merci pour votre message. Nous nous en occupons et vous tiendrons au "
        "courant.",
        "note_answer": "Réponse du client pour {group} : {answer}",
        "note_facts": "Informations du client : {facts}",
        "transfer_reason": "{title}. Déjà fait : base de connaissances consultée ({article}). "
        "Nécessite {group}.",
        "jargon": "C'est sans doute le {term}.",
    },
}

OPEN_QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("which", "what", "when", "where", "who", "how", "why", "since"),
    "nl": ("welk", "welke", "wat", "wanneer", "waar", "wie", "hoe", "waarom", "sinds"),
    "fr": ("quel", "quelle", "quels", "quelles", "quand", "ou", "qui", "comment", "pourquoi",
           "depuis", "combien"),
}  # fmt: skip
"""A fact's pattern that opens with one of these is asked as it stands: "Since when, exactly?"."""

YES_NO_STARTS: dict[str, tuple[str, ...]] = {
    "en": ("do", "did", "does", "is", "are", "was", "have", "has", "any", "anyone", "anything",
           "can", "could"),
    "nl": ("is", "heeft", "hebt", "bent", "kunt", "kan", "zijn", "werkt", "doet"),
    "fr": ("est", "avez", "etes", "pouvez", "y"),
}  # fmt: skip
"""... and one that opens with one of these gets just a question mark: "Anyone else?"."""

PRONOUNS: dict[str, tuple[str, ...]] = {
    "en": ("you", "it", "there", "they", "he", "she", "we"),
    "nl": ("u", "er", "je", "jij", "het", "ze", "hij", "zij", "we", "men", "jullie"),
    "fr": ("vous", "il", "elle", "on", "tu", "ils", "elles"),
}
"""A pattern whose second word is one of these opens with its verb: a yes-no question."""

DETERMINERS: dict[str, tuple[str, ...]] = {
    "en": ("the", "a", "an", "your", "my", "his", "her", "their", "our", "its", "this", "that",
           "these", "those"),
    "nl": ("de", "het", "een", "uw", "je", "jouw", "mijn", "zijn", "haar", "hun", "dit", "dat",
           "deze", "die"),
    "fr": ("le", "la", "les", "l", "un", "une", "votre", "vos", "mon", "ma", "mes", "son", "sa",
           "ses", "leur", "leurs", "ce", "cette", "ces"),
}  # fmt: skip
"""A pattern whose second word is one of these and whose first is none of `NOT_VERBS` opens
with a verb and its object ("changer votre mot de passe", "typed a code"): not a noun."""

NOT_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("on", "in", "at", "to", "from", "with", "for", "of", "by", "about", "into", "onto",
           "under", "over", "behind", "near", "next", "through", "without", "outside", "inside",
           "all", "just", "only", "both", "half", "and", "or", "not", "then"),
    "nl": ("op", "in", "aan", "van", "met", "voor", "naar", "bij", "uit", "over", "onder",
           "door", "tegen", "via", "om", "alle", "alleen", "enkel", "heel", "hele", "ook", "nog",
           "en", "of", "niet"),
    "fr": ("sur", "dans", "a", "de", "d", "en", "par", "pour", "avec", "sans", "sous", "chez",
           "vers", "depuis", "avant", "apres", "entre", "contre", "tous", "toutes", "tout",
           "toute", "seulement", "uniquement", "encore", "et", "ou", "pas", "plus"),
}  # fmt: skip
"""Words that come before a determiner without being a verb (prepositions, "all", "only")."""

PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "en": ("on", "in", "at", "from", "with", "under", "over", "behind", "near", "next",
           "through", "without", "outside", "inside", "into", "onto"),
    "nl": ("op", "in", "aan", "bij", "uit", "onder", "naast", "achter", "via", "buiten",
           "binnen", "tussen"),
    "fr": ("sur", "dans", "en", "par", "avec", "sans", "sous", "chez", "entre", "derrière",
           "derriere", "hors", "a"),
}  # fmt: skip
"""A pattern that opens with one of these is a place ("on the web", "in de browser", "sur
l'ancien", "à gauche dans outlook"): no noun, asked as what the customer sees there."""

INCOMPLETE_OPEN: dict[str, tuple[str, ...]] = {
    "en": ("do", "does", "did", "can", "could", "would", "will", "should"),
    "nl": ("waar", "wat", "wie", "waarom", "wanneer"),
    "fr": (),
}
"""An open pattern that is no sentence as it stands: English "what does the bar", "what
could someone" (an auxiliary, its subject, no verb), Dutch "waar staat" (a question word and a verb, no
subject). See `texts.Texts.complete`."""

DONE_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("ed",),
    "fr": ("é", "ée", "és", "ées", "i", "is", "it", "u", "ue", "us"),
}
"""A verb-first pattern whose verb ends so is a past participle: "Have you {pattern}?"."""
NOT_DONE_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("eed",)}
"""... unless it ends so ("need a phone")."""
INFINITIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("",),
    "fr": ("er", "ir", "re", "oir"),
}
"""... and one whose verb ends so an infinitive: "Did you {pattern}?". Dutch puts its
infinitive last; a Dutch pattern that opens with a verb opens with a finite one: yes-no."""


def phrase(language: str, key: str, **values: str) -> str:
    """A candidate sentence in `language` (English when the language has none)."""
    table = PHRASES.get(language, PHRASES["en"])
    text = table.get(key, PHRASES["en"][key])
    if "{Pattern}" in text:
        pattern = values.pop("pattern", "")
        values["Pattern"] = pattern[:1].upper() + pattern[1:]
    return text.format(agent=AGENT_NAME, **values)
