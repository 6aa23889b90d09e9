"""Which measurement a report was made with: the evidence rules' version and hash.

Two assessors who compare reports of the same log must know they were served
the same measurement. The hash covers the source of every module that
decides what an item says (the rules) and the language layer's own hash (its
code and word lists, `language.layer_hash`), so any change to either gives a
new hash; `RULES_VERSION` is bumped by hand when a rule changes meaning.
Every report (terminal, HTML, JSON) prints all three.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from helpdesk_tui.language import LAYER_VERSION, layer_hash

RULES_VERSION = "2.29"
"""2.0: evidence that needs the job done (issue 13): the answer is what reached the customer,
KB credit only for the case's articles outside scattershot bursts, templates, echoes, stuffed
answers, wrong recipients, SOL-5 relay and bounce, SOL-6 news.
2.1 (qa-play9): SIM-1 speaks against a call never answered (its screen work was for something
else), and says "to judge" where the key's words came only in a message that cannot count.
2.2 (bugs10): COM-2 counts "Do you still see ...?" asked before any solution or step as a
clarifying question (a check needs something proposed: `customers.dialogue.acts_in_turn`,
which the customer's answer uses too); COM-6 gives no "+" to a customer who ended worse than
they started, calmer than at their worst or not.
2.3 (evid12): COM-4 reads a restatement in context (`customers.dialogue.restates_in_turn`, which
the customer's "Yes, exactly." uses too): a message that gives the customer's words back and
asks nothing new but whether it is right ("..., is that right?", or no opener at all) is one;
COM-6 credits every act the customer's mood calms on (`customers.mood.calming_in`: an apology
and a request to hold too, not only empathy and progress). The customers' modules that read
the candidate's words for these items are hashed with the rules.
2.4 (evid13): the closing question is read sentence by sentence, as the customer reads it
(`customers.dialogue.asks_closing`): not in a clarifying question, a restatement's invitation
to add, or a greeting's or empathy's thanks before anything was proposed (COM-1, SOL-1); COM-4
reads a restatement that ends by inviting the customer to add something as one.
Also in 2.4 (cust12): COM-6 credits a calmer nudge only from the candidate's own sentences
(`integrity.own_sentences`: not stock, not pasted from an article, not the customer's words
given back; none in a message mostly borrowed from either): a dialogue rule counts only when its
words are in them, so a stock "sorry, I understand" or a pasted article that sets off a rule
buys nothing.
2.5 (evid14): DATA-4 speaks against a resolution that is three quarters or more pasted
(`integrity.PASTED_RESOLUTION_SHARE`: runs of an article, or of the ticket's own title,
description and the customer's words): one article with the title in front documents the
article, not what was done for this case (a cheater who read only the published rules, `savvy`,
closed every ticket so).
2.6 (evid15): a procedure step that tells (its patterns carry a telling act and no asking act:
`procedures.telling_acts`) is not done by a sentence that asks for data or about the problem
and tells nothing the step tells (`procedures.says_step`): "And the best number to call you
back on?" is no `inform` step (COM-1, SOL-1).
2.7 (evid16): COM-6 does not credit empathy from a candidate who says it to calm, never-upset
customers as readily as to upset ones (`integrity.empathy_to_everyone`: three such customers or
more and a quarter of the calm ones spoken to): a formula said whatever the mood; SOL-8 gives
`?` to the fitting option given before the case's key facts were out (`measure_sol.
key_facts_not_out`): chosen without knowing the case; COM-2 counts the facts revealed before
the answer in words (`measure_com.answer_in_words`), as 3b always said: not what the customer
tells in reply to a pasted answer (a transfer is no answer in words).
2.8 (ctx-read1): one reading in context for the customers and the evidence
(`customers.in_context.read_at` at a `Place` of the *case*: every customer-facing action to
the incident's customer before the message, every conversation and ticket reply, and what the
customer said in the incident's conversations). A procedure's check step (COM-1, SOL-1) reads
`check` there, no longer the message alone: "Do you still see the error?" before any step or
fix is a clarifying question, not the check step. A fix reported by the operator ("Update:
it's fixed.": `progress` with a word of `in_context.FIXED`) is proposed like a step; after
either, a short yes/no question about the symptom is the check ("Is it still dropping?"); a
bare "Dag!"/"Salut !" after the candidate spoke takes leave (closing, no greeting step).
2.9 (evid18): DATA-4 speaks against a resolution whose frame stands on three tickets or more
(`integrity.resolution_frame`: words with a digit, KB article ids, customers' and groups' names
read away as slots; two frames alike at `FRAME_SIMILARITY` of their words): one sentence filled in
with each ticket's id, name, time and article documents no case (the blind cheater `lawyer`).
Also in 2.9: SOL-2 gives no "+" for an article opened on a case that was never answered ("before
the answer" with no answer is vacuous): the item is to judge. Also in 2.9 (bugs14): DATA-3 does
not credit a transfer of a ticket with no category (the transfer form now asks for it).
2.10 (evid19): SIM-2, SIM-3, COM-3 and COM-5, measured on the form of the messages, give `+`
only on contacts that took up their case (`substance.engagement`: a hidden fact drawn by a
question about the problem in the candidate's own sentences that is not a battery put to two
customers or more, the case's answer in their own sentences, or the case transferred to the
key's group); elsewhere the `+` is `?`, to judge: replies in time, never over the customer and
free of jargon that take nothing of the case up (the cheaters `savvy` and `lawyer`: stock
frames, the customer's words, pasted articles) show no listening, adapting or following.
2.11 (evid21): DATA-4 speaks against a ticket resolved when nothing of a solution had reached its
customer (`integrity.closed_unsolved`: no word of the answer key told in a sentence that tells,
as the simulated customer hears a solution, no transfer, no "it works" from the customer, before
the ticket's last resolution): the resolution records a fix that was never given, however it is
worded (the blind cheater `forger` closed tickets as soon as it had asked whether it worked, with
notes too short for the 2.9 frame rule).
2.12 (evid22): SOL-6 speaks against the updates on a transferred ticket whose wait ended untold
(`measure_sol._wait_ended_untold`): the second line's last reply before the ticket was closed
was its answer and no message passed it on to the customer, or was a bounce ("not for our
team") and the ticket went to no other group: "<group> has it, you hear from me within N
minutes" told of a handling whose outcome never reached the customer, or that never happened
(the blind cheater `forger` closed such tickets at once; `lawyer` relayed the bounce and
closed). 2.10's battery also reads a question's frame (`substance._frame`: the customers'
names, the words the customer had said before it and one- and two-letter words read away):
one frame with each customer's word in its slot ("depuis quand est-ce comme ça avec
{scanner} ?") put to two customers or more asks about no one's case. COM-6 does not credit a
calming set off by a message that lists words (`measure_com.word_list`: four items or more,
most of one or two words, "toch en versta, goed en veel, ... Klopt dat?"): the customer's
restatement rule heard a restatement of nothing understood, and a fact told in reply to one was
not asked for (2.10). A question sentence of five items or more (`integrity.checklist`: "what
exactly happens, since when, do you see an error message, what have you tried, and are
colleagues affected?") is the intake form asked of everyone, no question about the problem
(2.10). Customers' hyphenated names are read away in batteries as `words` splits them.
2.13 (bugs16): one reading of the calming acts, sentence by sentence, for the
customer's mood and COM-6 (`customers.mood.calming_in`): a message read whole carried `empathy`
none of its sentences did ("Morning Grace, Morag here on the IT desk. Tell me what's going on and
we'll get it sorted."), so the customer calmed and COM-6 found nothing that calmed her. COM-4 (and
the customer's "Yes, exactly."): an act the act model alone gives a restatement, read from the
customer's own words ("u hebt de kabel al uitgetrokken ..." read as `instruction` by "kabel"),
does not keep "{summary}. Heb ik dat goed?" from restating (`dialogue._theirs`). COM-6: a
customer calmed by the rule that listens for a fix, answering the second line's fix relayed in
other words (`in_context.heard_as_fix`), is calmed by the candidate's words. DATA-4
(`integrity.closed_unsolved`): the customer's "it works" is read in their words
(`in_context.confirms_fix`: "Let me try... it connects!", "het werkt terug", "ça remarche"; not
negated, not a question, not in a condition), in answer to a message that asked whether it works
or put a step, a fix or the solution to them, not only the simulated customer's own line.
2.14 (ctx-read2, issue 12): the one reading in context reads three more kinds of turn at their
place (`customers.in_context`), for the customer and the evidence alike: a restatement typed
as a question that only gives the customer's words back asks nothing (COM-2 no longer counts
"So Outlook won't start at all?" as a clarifying question; it stays `restate`); after the
customer reported a step done or its result ("gedaan", "c'est fait", "it's back"), something
was proposed and a short yes/no question about it is the check ("Kunt ge inloggen?", "Vous
êtes connectée ?", "And your phone?"), not an identification or a step, for COM-1 and SOL-1's
check step too; an act-less statement about a thing the customer named, after the candidate's
first message, that neither forbids a step nor wishes well, is a finding told (`progress`) for
a procedure step, as the customer acknowledges it. Also in 2.14 (ctx-read3): the finding is one
reading for every reader of progress (`in_context.finding_at`): the customer's reply, the mood
(`in_context.calming_at`), COM-6's calming from the candidate's own sentences and SOL-6's news;
the thing named is the customer's own word or lemma, not its first letters ("wachten" is no
"wachtwoord"), not the name or title the message addresses them by ("Kyle, honestly, ...",
"Dr Gobert, ..."), not the people around them ("mensen", "people"); the evidence keeps a
Flemish elision's apostrophe ("Dan is 't lint op.": `telling.unquoted`), as the customer does.
2.15 (evid24): borrowed text is also read as content words in their
order (`integrity.aligned_share`: the longest common subsequence of a clause's content stems with
one stretch of the source, over the clause's; rapidfuzz's LCS, as 2.9's frame rule): a clause
`BORROWED_SHARE_ALIGNED` of whose words are an article's or the customer's in order is theirs,
whatever short words were put between, dropped or turned (the blind cheater `mimic`: a filler
every few words, articles dropped, my -> your). An article's passage (`KB_PASSAGE_CLAUSES`
clauses or more; one step quoted stays the operator's) is no own sentence; clauses of either
count in `BORROWED_SHARE`, so a message mostly made of them has none (2.10's engagement, COM-6);
the case's answer told (2.10) is not in a sentence that gives the customer's words back. 2.10's
battery also reads a question assembled from stock parts (`substance._assembled`: two parts or
more, `ASSEMBLED_SHARE` of its frame in runs put to other customers). Not for COM-4's echo nor
DATA-4's pasted resolution: competent restatements and resolutions fell with it
(benchmarks/README.md, "Borrowed text with inserted words (branch evid24)").
2.16 (bugs17): DATA-4 reads the customer's "it works" in more of its forms and refuses more of
its negations (`in_context.confirms_fix`: "Het werkt nog.", "That did it", "I'm back in", "Ik kan
weer ...", "Je peux de nouveau ..." confirm; "It worked on Thursday.", "Nothing works.", "Ça
marche plus.", "Ça marche à moitié." do not; "dat was het", "c'est bon", "all good" stay out,
customers answer the closing question with them); DATA is measured after the report's
second-core worker is met (the same items, no sentence analysed twice).
2.17 (evid26, issue 12): SIM-2, SIM-3, COM-3 and COM-5 keep a `+` only where the candidate took up
the case (2.10's engagement) on `substance.ENGAGED_SHARE` (0.4) of the contacts or more
(`substance.enough_engaged`: the cases of the key they wrote or spoke to, or handed on; 2.7's
reading of a habit, `integrity.a_share`); below it every `+` of the four is `?`, the engaged
contacts' too, with the share said: one transfer to the right group or one answer cut into
pieces among thirty contacts answered by rote is one case handled, not a way of working (the
blind cheaters `mimic` and `ghost`). Measured: competent banks and naive 0.53-0.88 of their
contacts, cheaters and tricks 0.00-0.33 (benchmarks/bench_engaged.py; benchmarks/README.md,
"The rote four by a share of contacts (branch evid26)").
2.18 (bugs18): DATA-4's and the customer's "it works" (`in_context.confirms_fix`) reads praise of
the fix as a confirmation ("Super, dat was het!"; "Nee, dat was het." stays out) and refuses a
fix that works partly or sometimes ("It only half works.", "Het werkt maar half.") or on someone
else's machine ("Bij mijn collega werkt het wel."); no verdict of the 20 policies moved on the
six exams (benchmarks/README.md, "Leftovers fixed (branch bugs18)").
2.19 (evid28, issue 12): a contact's messages are read together against its article
(`integrity.contact_reading`): where two steps or more of one article, in the article's order,
came in two messages or more (2.15's aligned reading, clause by clause) and are
`CONTACT_ARTICLE_SHARE` (0.5) or more of what the candidate told on the contact (its content
words, the customers' names, questions and frames said to three customers or more left out),
the article was read out a step a message: those steps are the article's passage, no own
sentences (`aligned_clauses`: 2.10's engagement, COM-6's calming), and the contact did not take
up its case (`substance.engagement`, also for 2.17's share; the rote items say so,
`rote.article_read`). One step quoted, or steps quoted inside a walk-through mostly of one's own,
stay the operator's (the blind cheater `tailor`: 0.10-0.50 of its contacts taken up before).
Measured: no contact of the scripted competent candidates reads so (benchmarks/bench_contact.py;
benchmarks/README.md, "A contact read against its article (branch evid28)").
2.20 (evid30, issue 12): borrowed text in pieces out of order. 2.15's aligned reading reads a
clause's pieces (cut at its commas, brackets and dashes, `integrity._PIECE`) each in its order
and the pieces in any order, in one stretch of the article or of what the customer said, no word
of it counted twice (`integrity._found`): an article's step given back last part first ("Click
'Forgotten your password?', on the sign-in screen") is the step borrowed, as in its order
(the blind cheater `clerk`: its answers, the article's steps filed the other way round, were read
as its own sentences and took up 0.41-0.56 of its contacts). 2.19's contact reading takes an
article's steps in whatever order they come over the contact, and no clause that is what the
customer had said, read as one text (`integrity._given_back`: a restatement of two of their
messages is theirs, whatever article says the same). 2.10's battery reads a question
without the tickets' ids and words with a digit, as without the customers' names ("Re T-1004:
...": a stock question made unique by the file number is the same stock question). Measured on
every scripted bank and cheater: clerk 2, 1, 0, 3, 2, 4 -> 0, 1, 0, 0, 0, 0 of 22, no other
status of the 24 policies on the six exams moved (benchmarks/bench_evidence.py;
benchmarks/README.md, "Borrowed text in pieces out of order (branch evid30)").
2.21 (evid32, issue 12): an article's steps told as descriptions. 2.15's aligned reading of a
clause (and 2.19's of a contact, and the customer's words given back) reads the clause's content
words as a bag, each by its lemma's stem, in one stretch of the article or of what the customer
said no longer than the clause and half again (`integrity.aligned_share`, `_lemma_stems`): the
order of the words, where the clause is cut and the form of its verbs no longer matter, so 2.15's
reading in order and 2.20's pieces in any order are special cases of it. An article's step
"Restart the router" told "the router needs restarting", "de bedoeling is dat u de router
herstart", "le routeur est à redémarrer" is the step borrowed. A borrowed clause long enough to
hold two steps counts as the article's steps it spans (`_steps_spanned`: its clauses that give it
three stems or more, when they are three or more), so the whole list in one clause with no
punctuation is a passage as the same steps one a sentence are (the blind cheater `usher`: 0, 5,
0, 4, 2, 4 of 22, its described steps read as its own answer on 0.41-0.67 of its contacts).
Measured on every scripted bank and cheater: usher 0, 5, 0, 4, 2, 4 -> the figures in
benchmarks/README.md, "Steps told as descriptions (branch evid32)"; no competent verdict
moved.
2.22 (evid35, issue 12): the customer's own words woven into an article's steps. 2.21's bag
reading takes a clause's stems from one source made of two: the article's best stretch and, for
the stems it does not hold, everything the customer had said before (`integrity.woven_borrowed`,
`WOVEN_SHARE`); a clause nearly all of whose stems are found there, of which the article gives at
least as many as the customer's words do, is borrowed from the article, and two such clauses in a
message are a passage as before. A clause the customer's words alone give most of is their words
given back (2.15's reading), not the article's. The blind cheater `broker` put one of the
customer's content words after every second word of each step: a third of each clause the
customer's, under 2.15's share against either source alone (3, 0, 2, 5, 4, 5 of 22 on 2.21).
Measured on every scripted bank and cheater on the six exams: the figures in
benchmarks/README.md, "The customer's words woven in (branch evid35)"; no competent verdict
moved.
2.23 (evid37, issue 12): steps told inside a stock frame. 2.10's answer in the candidate's own
sentences is not a sentence told by rote (`substance.told_by_rote`): read without the words of
the case's articles and of what its customer said, the names, ids and little words (and an
article's little words beside its pasted ones, `_told_words`), what is left, `TOLD_MIN_WORDS`
words or more, lies `TOLD_SHARE` or more in runs of three the candidate told to `TOLD_OTHERS`
other customers or more: one sentence per kind of step ("{step} is what you'll spot on the
screen, and once you pick it a fresh window pops up"), filled with each customer's steps, is
a template, as 2.10's battery and 2.15's assembled question are for questions (the blind
cheater `envoy`: its steps told so took up 4 of verhaeghe's 9 contacts, over 2.17's share).
DATA-4's frame (2.9) is compared with the articles' titles and the words the ticket's
customer had said read away too (`integrity.told_frame`; 2.9's reading still decides whether
a resolution is long enough to be a frame): "{name} reported {three of their words}. Talked
them through '{title}' (kb-...); confirmed." is one frame on every ticket. Measured on every
scripted bank and cheater on the six exams: benchmarks/README.md, "A formulaic cheater with a
good search (branch evid37)".
2.24 (evid40, issue 12): COM-5 asks for words fitted to the customer; the glossary reads jargon,
not a step wrapped in words of no use to them. Where the customer answered a step told them (an
`instruction` sentence that is no check) with their scenario's "I don't follow" (the incident's
fallback, else the simulator's built-in line), on `measure_com.NOT_FOLLOWED_SHARE` (0.4) of the
contacts written to or more and at least `NOT_FOLLOWED_LEAST` (2), COM-5 has an item against on
each such contact (`measure_com.not_followed_items`), whatever the customer's level (the blind
cheater `herald`: steps in a frame made for each customer, "Vu ce que fait secrétariat: il faut
suivre ceci : ...; une chose à la fois.", lost 4 of val-de-lesse's 6 contacts). Measured on every
scripted bank and cheater on the six exams: competent banks 0-0.17 of their contacts; benchmarks/
README.md, "What an assessor reads in herald's answers (branch evid40)".
2.25 (evid41, issue 12): proof, not the absence of faults. SIM-2 (no chat waiting past its limit)
and COM-3 (no message over the customer) are measured as a fault that did not happen; a `+` of
either (`proof.BY_ABSENCE`) now needs the contact to show the customer was heard
(`proof.heard`): something the customer told (one of their messages, or a hidden fact once out)
used afterwards in one of the candidate's own sentences, `proof.HEARD_STEMS` of its content stems
that the screen does not hold (the case's articles, the second line's replies, the customers'
names and departments), not in a word list (2.12). Elsewhere the `+` is
`?`: "nothing against it, nothing for it", to judge (the blind cheater `herald` answered every
chat at once and let every customer finish, and used nothing they told it: SIM-2 and COM-3 on
val-de-lesse: 6 -> 4 of 22; courier 3 -> 1 on northwind and verhaeghe). Measured on the scripted
banks and cheaters first (competent banks show it on 0.50-1.00 of their conversations, per
contact), then gated (no competent verdict moved): benchmarks/README.md, "Proof, not the absence
of faults (branch evid41)".
2.26 (evid43, issue 12): the answer reaches the customer as something they can do
(`reach.py`). The key's words only inside a knowledge-base article's title named in the message
("Meanwhile I am following Mailbox full: use the Online Archive": the blind cheater `prompter`)
and a message the customer answered with "I don't follow" before the candidate wrote again are hits
not credited (`solutions.NOT_CREDITED`: SOL-7 to judge, and SOL-2's and COM-2's "before the
answer", SOL-3's "answer given" and 2.10's "took up its case" with them); told again in words the customer took in, the answer
counts from there. In a call, an answer the caller said they did not follow and never heard
again speaks against SIM-1's "answer in the call" (`measure_sim._call_answer`), as an answer given
only after the call does (the blind cheater `herald`: val-de-lesse 4 -> 3 of 22, prompter 1 -> 0).
Measured first on every scripted candidate of the six exams, then gated: benchmarks/README.md,
"herald's screen work and the article's title (branch evid43)".
2.27 (evid45): a ticket set pending without cause is not "still running" (`parking.py`). Pending
on the customer needs something asked of them (a question, an instruction or a check, a sentence
ending in "?", "I would need ...", "let me know ...") in their conversation or a reply on the
ticket since they last wrote; pending on a third party needs a group that has the ticket
(transferred, not sent back since). Otherwise SOL-3 is against on that ticket, its item saying
when ("pending on the customer at 0:10:42 without a question to them"). The blind cheater
`dispatcher` parked 8-29 tickets an exam so, and SOL-3 was favourable on five exams of six; no
competent bank sets a ticket pending on the six exams. Measured: benchmarks/README.md, "A pending
without cause (branch evid45)".
2.28 (e-worded16, issue 12; 2.27 is evid45's, written beside it): a confirmation question that
asks whether the summary before it is what happens ("In gewone woorden: X. Is dat wat er
gebeurt?", "Dit simplement : X. C'est bien ce qui se passe ?": the blind bank worded-p) asks
nothing new, as "klopt dat?" does (`customers.dialogue.CONFIRMING_TAGS`, the whole asking clause
only). worded-p lindeveld 21 -> 22 (haute-meuse stays 21, lost to the layer's act model); every
cheater the same on the ten bundled scenarios: benchmarks/README.md, "Plain-language operators, a sixteenth blind bank (branch
e-worded16)".
2.29 (evid46; 2.27 is evid45's, written beside it): a case the answer key sends to the second
line (a transfer group, no alternative or option solved where it stands) that the candidate
resolved without ever transferring it speaks against SOL-5 ("resolved at 0:18:44 without a
transfer; the answer key sends it to IT Security"): there was an escalation to follow up. The
composite cheater (its callers "solved" with pasted steps, one honest relay on a written ticket)
had SOL-5 favourable on that relay alone on val-de-lesse (5 of 22 -> 4). No competent bank
resolves such a case unescalated on the six exams. Measured: benchmarks/README.md, "The tricks
added up (branch evid46)"."""

RULE_MODULES = (
    "cases.py", "context.py", "evidence.py", "integrity.py", "measure_com.py",
    "measure_data.py", "measure_sim.py", "measure_sol.py", "parking.py", "procedures.py",
    "proof.py", "reach.py", "solutions.py", "substance.py", "tracker.py", "wording.py",
)  # fmt: skip
"""The modules whose code decides what an evidence item says (texts and reports do not)."""
CUSTOMER_RULE_MODULES = (
    "content_words.py", "dialogue.py", "evidence_flags.py", "in_context.py", "mood.py",
    "telling.py",
)  # fmt: skip
"""(2.3) The customers' modules the items read a message through (the customer's reading:
restatement, calming acts, a check's place), hashed with the rules."""


@cache
def rules_hash() -> str:
    """SHA-256 (hex) over the rule modules' source, in a fixed order, and the layer's hash."""
    here = Path(__file__).parent
    digest = hashlib.sha256(b"helpdesk-exam evidence rules\n")
    for name in RULE_MODULES:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    customers = here.parent / "customers"
    for name in CUSTOMER_RULE_MODULES:
        digest.update(b"customers/" + name.encode() + b"\0" + (customers / name).read_bytes())
        digest.update(b"\0")
    digest.update(layer_hash().encode())
    return digest.hexdigest()


def rules_stamp() -> dict[str, str]:
    """What a report prints about the measurement it used."""
    return {
        "version": RULES_VERSION,
        "hash": rules_hash(),
        "layer_version": LAYER_VERSION,
        "layer_hash": layer_hash(),
    }
