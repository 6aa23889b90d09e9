"""The figures of issue 13, per bundled scenario and per policy, from the assessment itself.

Each bundled scenario is played by every scripted candidate and assessed as
`report` would; the number of competencies whose evidence is favourable is
held against what the issue asks:

- ideal and worded: at least 21 of 22;
- worded-b, worded-c, worded-d, worded-e, worded-f, worded-g, worded-h, worded-i, worded-j,
  worded-k, worded-l, worded-m, worded-n, worded-o and worded-p (worded with a second, a third,
  a fourth, a fifth, a sixth, a seventh, an eighth, a ninth, a tenth, an eleventh, a twelfth, a
  thirteenth, a fourteenth, a fifteenth and a sixteenth independent phrase bank, the fourteenth
  an operator on a company script, the fifteenth operators writing in a second language, the
  sixteenth operators writing plain language): the same target,
  an expected failure on the scenarios where the language layer misreads their words;
- shotgun, macro, parrot (who never read the answer key): at most 4, and
  never favourable on the twelve competencies a trick must not buy;
- savvy (a cheater written blind from the published rules, branch evid14): at most 3, an
  expected failure where it buys more (each competency it still earns named, with why it
  cannot be refused without refusing a competent candidate); never more than measured;
- lawyer (a second cheater written blind from the same documents, branch evid17): the same cap
  and the same expected failures, each with what it earns (benchmarks/README.md, "A second
  cheater (branch evid17)"); never more than measured;
- forger (a third cheater written blind from the published docs, branch evid20): the same cap
  and the same expected failures (benchmarks/README.md, "A third cheater (branch evid20)");
  never more than measured;
- mimic (a fourth cheater written blind from the published docs, branch evid23): the same cap
  and the same expected failures (benchmarks/README.md, "A fourth cheater (branch evid23)");
  never more than measured;
- ghost (a fifth cheater written blind from the published docs, branch evid25): the same cap
  and the same expected failures (benchmarks/README.md, "A fifth cheater (branch evid25)");
  never more than measured;
- tailor (a sixth cheater written blind from the published docs, branch evid27): the same cap
  and the same expected failures (benchmarks/README.md, "A sixth cheater (branch evid27)");
  never more than measured;
- clerk (a seventh cheater written blind from the published docs, branch evid29): the same cap
  and the same expected failures (benchmarks/README.md, "A seventh cheater (branch evid29)");
  never more than measured;
- usher (an eighth cheater written blind from the published docs, branch evid31): the same cap
  and the same expected failures (benchmarks/README.md, "An eighth cheater (branch evid31)");
  never more than measured;
- broker (a ninth cheater written blind from the published docs, branch evid33): the same cap
  and the same expected failures (benchmarks/README.md, "A ninth cheater (branch evid33)");
  never more than measured;
- courier (a tenth cheater written blind from the published docs, branch evid34): the same cap
  (measured at or under it on all six: no expected failure) (benchmarks/README.md, "A tenth
  cheater (branch evid34)"); never more than measured;
- envoy (an eleventh cheater written blind from the published docs, branch evid36): the same cap
  (on rules 2.23 at or under it on all six: no expected failure) (benchmarks/README.md, "A
  formulaic cheater with a good search (branch evid37)"); never more than measured;
- herald (a twelfth cheater written blind from the published docs, rules 2.23 read, branch
  evid38): the same cap (over it on val-de-lesse, 7 of 22 on 2.23, 4 on 2.25: a strict expected
  failure until rules 2.26, 3 since) (benchmarks/README.md, "A twelfth cheater (branch evid38)",
  "herald's screen work and the article's title (branch evid43)"); never more than measured;
- prompter (a thirteenth cheater written blind from the published docs, branch evid42): the
  same cap (at or under it on all six: no expected failure) (benchmarks/README.md, "A thirteenth
  cheater (branch evid42)"); never more than measured;
- dispatcher (a seventeenth cheater written blind from the published docs, branch evid44, the
  first that games the process, not the words): the same cap (at or under it on all six: no
  expected failure) (benchmarks/README.md, "A cheater who games the process (branch evid44)");
  never more than measured;
- composite (branch evid46: the cheaters above run side by side, each customer to one trick):
  the same cap (over it on val-de-lesse, 5 of 22 on 2.28, 4 on 2.29: a strict expected failure) (benchmarks/README.md,
  "The tricks added up (branch evid46)"); never more than measured;
- naive: fewer than ideal, more than idle; idle: none.

`benchmarks/bench_evidence.py` prints the same table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import LazyMap, by_scenario, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, EvidenceStatus
from helpdesk_tui.assess.pipeline import verified_events
from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import RunResult

BUNDLED = sorted(
    p
    for p in paths.scenarios_dir().iterdir()
    if (p / "scenario.toml").is_file() and 'kind = "drill"' not in (p / "scenario.toml").read_text()
)
"""Drills train one group of competencies: the 22-competency figures do not apply to them."""
GAMING = ("shotgun", "macro", "parrot")
NEVER_BOUGHT = (
    "DATA-1", "DATA-2", "DATA-3", "COM-1", "COM-4", "COM-6",
    "SOL-1", "SOL-2", "SOL-5", "SOL-6", "SOL-7", "SOL-8",
)  # fmt: skip
WORDED_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded` does not reach 21 yet, with why (see docs/simulation.md).

An expected failure, strict: when a change makes worded reach 21, the test says so
and the entry must go."""

WORDED_B_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-b` does not reach 21 yet, with why (benchmarks/README.md,
"Evidence with a second blind phrase bank"). Strict expected failures: a layer that reads the
second bank better makes them pass, and the entry must go. Empty since layer 2.6 (branch
l-model7): the last three (en-calder-valley-exam, fr-haute-meuse-examen, fr-val-de-lesse-garde)
reach 21-22 (benchmarks/README.md "Layer 2.6")."""

WORDED_C_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-c` (the third blind bank, branch e-worded3) does not reach
21 yet, with why (benchmarks/README.md, "A third blind bank (branch e-worded3)"). Strict
expected failures, as for worded-b. Empty from branches cust11, evid12 and l-model8 (layer
2.7); rules 2.4 (evid13) sent en-calder-valley-exam down another path (20 of 22), which cust12
and layer 2.8 brought back to 22."""

WORDED_D_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-d` (the fourth blind bank, branch e-worded4) does not reach
21 yet, with why (benchmarks/README.md, "A fourth blind bank (branch e-worded4)"). Strict
expected failures, as for worded-b. Blind with layer 2.6 and rules 2.2: 21, 20, 19, 20, 17, 19
(calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe); after cust11, evid12
(whose task named the bank's two largest classes of miss, not its wordings) and l-model8
(which never saw the bank): 21, 21, 21, 20, 17, 22; after rules 2.4 (evid13: the closing
question read sentence by sentence, so 'Mis ik nog iets?' closing a restatement no longer
puts the closing step out of order on lindeveld): 20, 22, 21, 20, 21, 22. Layer 2.8 (branch
l-model9, which read the bank's nl-lindeveld misses and turned them into classes: "Mis ik nog
iets?" is the restatement's own question, "Wie heb ik aan de lijn?" identifies, "Zo lost ge het
op: ..." asks nothing; benchmarks/README.md "Layer 2.8"). Empty from branch cust13: Wayne's
`reassure` rule no longer hears the bank's stock opener "Tell me what's happening ...", so his
calm comes from the candidate's own words and COM-6 is favourable (en-calder-valley-exam 21).
Also empty since layer 2.9 (branch l-model10: the banks' sentences in training, margins 1.0):
22, 22, 21, 21, 22, 22."""

WORDED_E_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-e` (the fifth blind bank, branch e-worded5) does not reach
21 yet, with why (benchmarks/README.md, "A fifth blind bank (branch e-worded5)"). Strict
expected failures, as for worded-b. Blind with layer 2.7 and rules 2.3: 20, 21, 20, 21, 19, 19
(calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe). Empty since rules 2.4
(branch evid13, whose task named the bank's classes of miss): 21, 21, 22, 22, 22, 21 (the
closing question read sentence by sentence, a restatement that invites additions, an
identification in few words; benchmarks/README.md "Steps said in words (branch evid13)")."""

WORDED_F_SHORT: dict[str, str] = {
    "en-calder-valley-exam": "19 of 22 (layer 2.8, rules 2.4, blind): COM-4, 'Ok. Got it: "
    "{summary}. Confirm please?' is no restatement for Wayne and Sophie (worded-e's 'Summary so "
    "far: {summary}. Confirm?' with the same summary is); SOL-1, 'May I know who I am talking "
    "with?' does not identify (Lisa, Kirsty: the ticket comes before the identification); "
    "SOL-2, 'What can you say about the free counter?' (a question) gives Kyle the answer "
    "before the article is opened",
    "nl-lindeveld-examen": "18 of 22 (layer 2.8, rules 2.4, blind; 19 with layer 2.9, still blind to this bank): COM-4, COM-1, SOL-1, 'Wacht, "
    "ik zet het op een rijtje: {summary}. Ontbreekt er nog iets?' is no restatement and its "
    "question is read as the closing question, before the check (Marc); COM-1, SOL-1, 'Ziet ge "
    "nog iets van het probleem, of werkt alles nu?' is no check (Els); COM-6, 'Tom, wat een "
    "gedoe voor u.', 'Tom, da's stressy, ...' calm no one (Tom calms on a template); 20 since "
    "evid16: his reassurance rule no longer hears the restatement's 'begrijp ik het goed?' "
    "(a question), and the relayed news of the second line calms him",
    "nl-verhaeghe-dinsdag": "19 of 22 (layer 2.8, rules 2.4, blind): COM-4, 'Wacht, ik zet het op "
    "een rijtje: {summary}. Ontbreekt er nog iets?' is no restatement; COM-1, SOL-1, 'Ziet ge "
    "nog iets van het probleem, of werkt alles nu?' is no check (Kurt)",
}
"""Bundled scenarios where `worded-f` (the sixth blind bank, branch e-worded6) does not reach
21 yet, with why (benchmarks/README.md, "A sixth blind bank (branch e-worded6)"). Strict
expected failures, as for worded-b. Blind with layer 2.8 and rules 2.4: 19, 21, 19, 22, 18, 19
(calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe); northwind's one miss was
COM-5, "SSID" read as jargon in "What can you say about the exact message?", and haute-meuse's
DATA-2 and COM-1 the operator's own name ("Didier à l'appareil") taken for another customer's:
both fixed by the lead (an acronym is found as itself; the operator's own name is no addressee),
haute-meuse 21 since, northwind 21 (COM-4 on Raj now: the run took another path)."""
WORDED_G_SHORT: dict[str, str] = {
    "en-calder-valley-exam": "19 of 22 (layer 2.9, rules 2.6, blind): COM-1, SOL-1, 'Kindly "
    "confirm whether the problem is resolved.' is no check (Joanne, who answers it with a "
    "fallback); SOL-2, 'Kindly give me more details on the second till.' (a question about a "
    "hidden fact, asked in the polite imperative) is read as telling the till-2 solution "
    "before the article is opened (Lisa)",
    "en-northwind-monday": "20 of 22 (layer 2.9, rules 2.6, blind): COM-1, SOL-1, 'Kindly "
    "confirm whether the problem is resolved.' is no check (Tom, who answers it with a "
    "fallback)",
    "nl-lindeveld-examen": "19 of 22 (layer 2.9, rules 2.6, blind): COM-1, SOL-1, 'Mag ik nog "
    "iets vragen over {topic}?' (a clarifying question) is read as the closing question, "
    "before the check (Kevin, Ria); COM-4, '{summary}, klopt dat?' is no restatement (Dries, "
    "who answers 'Ja, dat klopt.'): 20 since rules 2.13 (bugs16), COM-4 favourable",
    "nl-verhaeghe-dinsdag": "20 of 22 (layer 2.9, rules 2.6, blind): COM-1, SOL-1, 'Mag ik nog "
    "iets vragen over andere planners?' is read as the closing question, before the check "
    "(Kurt)",
}
"""Bundled scenarios where `worded-g` (the seventh blind bank, branch e-worded7) does not reach
21 yet, with why (haute-meuse, 20 since rules 2.13, is 22 again on layer 2.16 and rules 2.22:
the lead's run at 18:24 UTC; which reading moved it is not traced) (benchmarks/README.md, "A seventh blind bank (branch e-worded7)"). Strict
expected failures, as for worded-b. Blind with layer 2.9 and rules 2.6: 19, 20, 21, 22, 19, 20
(calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe); haute-meuse's one miss,
COM-4 on Josiane, was the policy's summary echoing her words with the bank's frame ("... et la
petite flèche descend" + ", c'est ça hein ?"), not the bank's wording: 22 since evid19 (the plan
chooses the summary with its frame's words around it; worded's haute-meuse 21 -> 22 too)."""
WORDED_H_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-h` (the eighth blind bank, branch e-worded8, committed blind
as 0d359cf) does not reach 21: none. Measured once with layer 2.9 and rules 2.9: 22, 21, 22, 22,
21, 22 (calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe); 22 on all six with
rules 2.13 (branch bugs16, which fixed both misses in the readings, not the bank); the two misses were
in benchmarks/README.md, "An eighth blind bank (branch e-worded8)": northwind COM-6 (Grace
calmed by a greeting the customer reads as empathy but no sentence of which the evidence does;
Raj angered by the 'restart' in the second line's fix, relayed without 'good news'), lindeveld
COM-4 (Kevin: '{summary}. Heb ik dat goed?' with a summary that echoes his words)."""
WORDED_I_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-i` (the ninth blind bank, branch e-worded9, committed blind
as acf7c02) does not reach 21: none. Measured once with layer 2.9 and rules 2.11: 22, 21, 21, 22,
22, 22 (calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe); the two misses are
in benchmarks/README.md, "A ninth blind bank (branch e-worded9)": northwind COM-6 (Raj angered
by the 'restart' in the second line's fix, relayed without 'good news', as with worded-h),
haute-meuse COM-6 (Nathalie not calmed by 'ce genre de souci tombe toujours au mauvais moment,
hein', then calmed only by the KB solution)."""
WORDED_J_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-j` (the tenth blind bank, branch e-worded10, committed blind
as 577e839) does not reach 21, with why (benchmarks/README.md, "A tenth blind bank (branch
e-worded10)"). Strict expected failures, as for worded-b. Measured once with layer 2.13 and rules
2.16: 22, 22, 20, 22, 20, 22 (calder, northwind, haute-meuse, val-de-lesse, lindeveld,
verhaeghe); worded-i and worded 22 on all six the same hour. Every miss is the check step (COM-1
and SOL-1 read the same steps), in two of the bank's eleven check templates per language: a
check folded into a request that names the next step, and a French check without "?". Layer 2.15
(branch l-rules20) reads both forms (`LANG.check.zeg_het` / `fr.check.dites_le`,
`fr.check.votre_cote`): 22 on all six, so none is short any more (haute-meuse and lindeveld 20 ->
22: COM-1 and SOL-1 favourable, the check step read on Bernard, Dr Gobert, Jean-François, Ria and
Carine)."""
WORDED_K_SHORT = {
    "fr-haute-meuse-examen": "20 of 22 with layer 2.16 (branch l-rules21; 18 with rules 2.18 and "
    "layer 2.14, blind): the bank's checks folded into a request, 'Ca roule' left open, '{summary}, "
    "j'ai bon' and its plain empathy now read; two competencies still mixed (not traced)",
}
"""Bundled scenarios where `worded-k` (the eleventh blind bank, branch e-worded11, committed
blind as 797b155) does not reach 21, with why (benchmarks/README.md, "An eleventh blind bank
(branch e-worded11)"). Strict expected failures, as for worded-b. Measured once with layer 2.14
and rules 2.18: 18, 20, 18, 22, 19, 21 (calder, northwind, haute-meuse, val-de-lesse,
lindeveld, verhaeghe; verhaeghe's miss is COM-4); worded-j and worded the same hour: 22, 22, 20,
22, 20, 22 and 22 on all six. Most misses are the check step (COM-1 and SOL-1 read the same
steps): checks folded into a request that names the next step (the kind worded-j's misses
were) and one-word checks typed without "?"; then empathy in plain, unformulaic words (COM-6)
and a restatement typed without "?" (COM-4)."""

WORDED_L_SHORT = {
    "fr-val-de-lesse-garde": "18 of 22 (layer 2.17, rules 2.22; blind with 2.15: 18): COM-1 and "
    "SOL-1 mixed, no greeting sent to Dr Benali by the plan; COM-4, '{summary}, right ?' "
    "(franglais) is no restatement for Dr Benali; SOL-6, the update interval missed on T-1006 "
    "(the timetable, the same on main)",
    "nl-lindeveld-examen": "20 of 22 (layer 2.17, rules 2.22; blind with 2.15: 19): COM-1 and "
    "SOL-1 mixed, the closing question on Guido (the candidate took an earlier message for it, "
    "the assessment did not)",
}
"""Bundled scenarios where `worded-l` (the twelfth blind bank, branch e-worded12, committed
blind as 1652cb2) does not reach 21, with why (benchmarks/README.md, "A twelfth blind bank
(branch e-worded12)"). Strict expected failures, as for worded-b. Measured once with layer 2.15
and rules 2.20: 20, 20, 19, 18, 19, 20 (calder, northwind, haute-meuse, val-de-lesse, lindeveld,
verhaeghe); layer 2.17 (branch l-rules22): 21, 22, 21, 18, 20, 22; worded-k and worded the same hour: 18, 20, 18, 22, 19, 21 and 22 on all six. Most
misses are the identification and check steps (COM-1 and SOL-1 read the same steps; a ticket
made before an unread identification puts SOL-1's steps out of order): a request for
identifying data told as a statement or an imperative, a question without "?", a check folded
into "I want to be sure it works"; then restatements with a French or franglais tag (COM-4)
and French empathy without a cue word (COM-6)."""

WORDED_M_SHORT = {
    "en-calder-valley-exam": "18 of 22 (blind, rules 2.22, layer 2.16): COM-1 and SOL-1 mixed, "
    "the check step missing on Ben, Emma and Imran: checks about the customer's next task, 'Is "
    "it letting you finish what you started?', 'Does that let you get on with your day?' and "
    "'So, can you pick up where you left off', are not read as checks; COM-4, '{summary}, "
    "that's where things stand?' restates no key fact for Stephen, Rachel, Wayne and Michael "
    "and is a template for Sophie, as 'So what it comes down to is {summary}, yeah?' is for "
    "Natalie and Ryan (the rotation sent each to three customers or more); "
    "COM-6, Gary calmed only by stock or template phrases: 'you've got people depending on you "
    "and the system's letting you down, that's hard going.' is not credited",
    "en-northwind-monday": "20 of 22 (blind, rules 2.22, layer 2.16): COM-1 and SOL-1 mixed, the "
    "check step missing on Grace and Liam: 'Does that let you get on with your day?' and 'Can "
    "you get through the rest of your shift with that?' are not read as checks",
    "fr-haute-meuse-examen": "19 of 22 (blind, rules 2.22, layer 2.16): COM-1 and SOL-1 mixed, "
    "the check step missing on Cédric, Nathalie, Sophie, Valérie and Dr Gobert: 'Ça vous permet "
    "de finir ce que vous aviez commencé ?' and 'Pourriez-vous reprendre ce que vous faisiez ?' "
    "are not read as checks; COM-4, '{summary}, et vous ne pouvez plus avancer, hein ?' "
    "(Sylvie) and 'Si j'ai bien noté, {summary}, et vous êtes à l'arrêt en attendant.' (the "
    "shop's till) are not read as restatements",
    "fr-val-de-lesse-garde": "20 of 22 (blind, rules 2.22, layer 2.16): COM-4, 'Si j'ai bien "
    "noté, {summary}, et vous êtes à l'arrêt en attendant.' is no restatement (the PACS "
    "scanner); COM-6, Dr Benali calmed only by stock or template phrases: 'ça vous coûte une "
    "matinée entière, et vous n'en aviez pas de trop.' and 'quel début de journée, on ne "
    "souhaite ça à personne.' are not credited",
    "nl-lindeveld-examen": "18 of 22 (blind, rules 2.22, layer 2.16): COM-1 and SOL-1 mixed, the "
    "check step missing on Guido: 'Kun je de rest van je dienst zo verder?' is not read as a "
    "check; COM-4, '{summary}, is dat de stand van zaken?' is no restatement (Sarah); COM-6, "
    "Els and Rudi calmed only by empathy the rotation sent to three customers or more: 'als "
    "niemand verder kan, komt alles bij jou terecht.' and 'al die tijd eromheen werken is "
    "vermoeiend, dat geloof ik graag.'",
}
"""Bundled scenarios where `worded-m` (the thirteenth blind bank, branch e-worded13, committed
blind as bdc3819) does not reach 21, with why (benchmarks/README.md, "A thirteenth blind bank
(branch e-worded13)"). Strict expected failures, as for worded-b. Measured once with layer 2.16
and rules 2.22: 18, 20, 19, 20, 18, 22 (calder, northwind, haute-meuse, val-de-lesse,
lindeveld, verhaeghe); worded-l and worded the same hour: 20, 20, 19, 18, 19, 20 and 22 on all
six. Most misses are the check step (COM-1 and SOL-1 read the same steps): checks asked about
the customer's next task rather than the fault (the form the brief asked this bank to lean
on); then restatements with a tag that states the consequence or asks "is that where things
stand" (COM-4) and empathy told through the customer's situation (COM-6)."""

WORDED_N_SHORT = {
    "en-calder-valley-exam": "20 of 22 (blind, rules 2.23, layer 2.17): COM-4, '{summary}, is "
    "that a fair picture?' is not read as a restatement for Pauline (worded's 'So what's "
    "happening is that {summary}.' with the same summary is); COM-6, Wayne never calms on the "
    "scripted empathy 'Wayne, thank you for bearing with us, we appreciate this is causing you "
    "difficulty and we will do all we can to put it right.' (said twice; the line calmed 1 "
    "customer of 12 it was said to), so his calm comes from the relayed second-line answer: "
    "'calmed only by stock or template phrases'",
    "en-northwind-monday": "20 of 22 (blind, rules 2.23, layer 2.17): COM-4, '{summary}, is "
    "that a fair picture?' is not read as a restatement for Tom and Grace; COM-6, Grace never "
    "calms on the scripted empathy 'thank you for bearing with us, ...' (said twice), so her "
    "calm comes from the article's steps: 'calmed only by stock or template phrases'",
}
"""Bundled scenarios where `worded-n` (the fourteenth blind bank, an operator on a company
script, branch e-worded14, committed blind as 15526fe) does not reach 21, with why
(benchmarks/README.md, "A scripted operator, a fourteenth blind bank (branch e-worded14)").
Strict expected failures, as for worded-b. Measured once with layer 2.17 and rules 2.23 (main
6320c42): 20, 20, 22, 21, 21, 21 (calder, northwind, haute-meuse, val-de-lesse, lindeveld,
verhaeghe); worded-m and worded the same hour: 18, 20, 19, 20, 18, 22 and 22 on all six. No
item was refused because a scripted line (greeting, identification, empathy said by name,
apology, hold, closing) was the same for every customer; the misses are two restatement tags
not read as restatements ("{summary}, is that a fair picture?", "Ah ja, ik snap het:
{summary}, toch?" on lindeveld and verhaeghe, where one miss leaves 21) and one company's
English empathy line that the customers do not calm on (COM-6)."""

CHEATER_CAP = 3
"""Favourable competencies of 22 a cheater written from the published rules may buy."""


def above_cap(measured: dict[str, frozenset[str]]) -> dict[str, str]:
    """The scenarios where a cheater was measured above `CHEATER_CAP`, each with what it
    earned: strict expected failures of the cap, so a rule that refuses more makes one pass."""
    return {
        name: f"{len(got)} of 22 measured: {', '.join(sorted(got))}"
        for name, got in measured.items()
        if len(got) > CHEATER_CAP
    }


SAVVY_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset({"COM-2", "SOL-6"}),
    "fr-haute-meuse-examen": frozenset({"COM-2"}),
    "fr-val-de-lesse-garde": frozenset({"SIM-1"}),
    "nl-lindeveld-examen": frozenset({"COM-2"}),
    "nl-verhaeghe-dinsdag": frozenset({"SOL-5", "SOL-6"}),
}
"""What `savvy` earns with rules 2.10 (benchmarks/README.md, "Rote competencies (branch
evid19)"): 1, 5, 4, 1, 2, 5 (rules 2.7: 4, 6, 4, 5, 4, 5). Gone since: DATA-4 on all six (2.5),
calder's SOL-8 (evid15: the fitting option listed second), COM-2 on calder (2.7: facts told in
reply to its pasted answer no longer count), COM-6 on northwind and val-de-lesse (2.7: its
empathy goes to calm customers as to upset ones, a formula), SOL-8 on val-de-lesse and verhaeghe
(2.7: the option given before the key facts were out); SIM-2, SIM-3, COM-3 and COM-5 wherever no
contact took up its case (2.10: no hidden fact drawn by a question of its own that is not a
battery, no solution in its own words, no transfer to the key's group): calder, val-de-lesse,
lindeveld (SIM-3, COM-3; SIM-2 and COM-5 lean against there), northwind's SIM-3. What is left:
where one contact did take its case up, its `+` stand: northwind (Doris told her mailbox
problem in reply to its "what exactly happens, since when, ...?" in a wording no other customer
got; Raj's ticket transferred to the key's group), haute-meuse and verhaeghe (questions and
transfers of the same kind): a question about the problem that draws a fact, a right transfer,
is the job; SIM-1 on val-de-lesse (screen work in the call and the answer in it); SOL-5/SOL-6
(the second line's words relayed and noted; "<group> has it, next update within N minutes" on
the SLA's interval: evid19 measured SOL-6's news against what the customer was last told,
benchmarks/README.md); COM-2 (its battery drew every fact of one case before its answer;
refusing batteries costs worded-c, -e, -f COM-2, evid16); COM-6 on verhaeghe (named requests to
hold and progress notes, which every customer gets from a competent operator too).
Rules 2.12 (evid22): 0, 4, 1, 1, 1, 3. SOL-6 on calder and lindeveld (its updates on tickets
closed after a bounce with no other group: tests/assess/test_rules_2_12.py); SIM-2, SIM-3, COM-3
on haute-meuse and COM-5 on northwind, SIM-3 on verhaeghe (its greeting asks five things in one
sentence, "what exactly happens, since when, ...?": a checklist, and Marie-Thérèse's battery,
her hyphenated name had kept its words unique); COM-6 on verhaeghe (Kurt calmed by its
word-list "restatement"). Left above the cap: northwind (4), where Raj's ticket went to the
key's group and the group's question and answer were relayed: the job, on that contact.
Rules 2.17 (evid26): 0, 2, 1, 1, 1, 2. SIM-2 and COM-3 on northwind and SIM-2 on verhaeghe were
carried by one contact in ten, one in nine (Raj's transfer; a fact drawn by its greeting's
question): under the share of contacts that took up their case (`substance.ENGAGED_SHARE`)."""


LAWYER_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset({"COM-6"}),
    # layer 2.16 on rules 2.20 (l-rules21's tree): COM-6 on northwind went; on the merged tree
    # (rules 2.22, layer 2.16; the lead, 18:24 UTC) it is bought as before (1 of 22)
    "en-northwind-monday": frozenset({"COM-6"}),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset({"SIM-1", "COM-6", "SOL-2"}),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset(),
}
"""What `lawyer` earns with rules 2.10 and layer 2.9, measured once after its policy was
committed (8cea8bc) and never tuned on it (benchmarks/README.md, "A second cheater (branch
evid17)", "lawyer's holes (branch evid18)", "Rote competencies (branch evid19)"): 3, 1, 1, 4, 4,
0 (rules 2.9: 5, 5, 4, 8, 5, 4). DATA-4 on all six closed by rules 2.9 (evid18: one resolution
frame with the ticket id, the name, the time and the article id in it is the same resolution on
every ticket; tests/assess/test_lawyer_holes.py). SIM-2, SIM-3, COM-3 and COM-5 closed by rules
2.10 wherever no contact took up its case (tests/assess/test_rules_2_10.py). The holes left: on
calder and lindeveld a few calls took up their case (a question of the top article's that asked
for a hidden fact, a transfer to the key's group, the article's list holding the answer in a
sentence of its own), so the form of the messages counts there; COM-6 (one empathy formula
with the name and two of the customer's own words in it, so no sentence reaches three
customers); SOL-6 (three rotating frames "<group> has
it, next update within N minutes": evid19 measured news against what the customer was last told,
benchmarks/README.md); SOL-2 and SIM-1 on val-de-lesse (seven answered cases' look-ups; the top
article's first list pasted in the call holds the key's words).
Rules 2.12 (evid22): 3, 1, 0, 3, 3, 0, at or under the cap on all six: SOL-6 on haute-meuse,
val-de-lesse and lindeveld (it forwarded the second line's bounce and closed the ticket: its
updates had named a group that never handled the case). Rules 2.15 (evid24): lindeveld 2 (COM-5:
its engaged contact there was its answer in a passage of the article). Rules 2.17 (evid26): 1,
1, 0, 3, 0, 0: SIM-3 and COM-3 on calder and lindeveld stood on 2 of 32 contacts that took up
their case, under `substance.ENGAGED_SHARE`."""


FORGER_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset(),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset(),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset(),
}
"""What `forger` earns with rules 2.11 and layer 2.9 (measured by the lead after evid19's 2.10 and
evid21's 2.11 were joined: 5, 2, 4, 5, 4, 4; rules 2.10 took SIM-3 and COM-5 on northwind and
COM-5 on verhaeghe, contacts where it took up no case), its policy measured once after it was
committed (4d37a22) and never tuned on it (benchmarks/README.md, "A third cheater (branch
evid20)" and "forger's holes (branch evid21)"). DATA-4 on all six closed by rules 2.11 (evid21:
a ticket resolved when nothing of a solution had reached its customer, no word of the key told,
no transfer, no "it works", records a fix never given; forger closed every ticket as soon as it
had asked whether it worked, "Tom: locked account sorted, kb-password-reset-...", and on each
exam at least one such ticket had nothing of the key in its pasted article lines;
tests/assess/test_forger_holes.py). The holes left, for the evidence rules' owner: SOL-6 on four
(rotating "{group} has it, you hear from me within N minutes" inside the update interval: news
by a group name and a time); COM-6 on nl-verhaeghe (a "restatement" of word pairs with no sense,
"toch en versta, goed en veel, ... Klopt dat?", sets off the scenario's `herformulering` rule,
and its stock apology with a request to hold, by name, its `empathie` rule and the mood's
apology/hold calming). SIM-2, SIM-3, COM-3, COM-5: the job done by rote (answers within seconds,
the KB searched while the caller speaks, never interrupting, no word of its own that could be
jargon).
Rules 2.12 (evid22): 3, 2, 3, 1, 2, 3, at or under the cap on all six: SOL-6 on the four (tickets
closed at once with the second line's answer never passed on, or after a bounce), SIM-2, SIM-3,
COM-3, COM-5 where its only engagement was its frame question with the customer's word in the
slot ("depuis quand est-ce comme ça avec {word} ?", now a battery), COM-6 on verhaeghe (Kurt and
An calmed by its word-pair "restatement"). Rules 2.17 (evid26): none on all six: the rote four
stood on 1-6 contacts that took up their case of 8-28 (0.12-0.23), under
`substance.ENGAGED_SHARE`."""


MIMIC_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset({"SOL-6"}),  # SOL-5 gone on 2.29 (evid46)
    "en-northwind-monday": frozenset(),
    "fr-haute-meuse-examen": frozenset({"COM-2"}),
    "fr-val-de-lesse-garde": frozenset(),
    "nl-lindeveld-examen": frozenset({"SOL-6"}),
    "nl-verhaeghe-dinsdag": frozenset({"SIM-1"}),
}
"""What `mimic` (branch evid23, a fourth cheater written blind from the published documents,
committed 2bee67d before anything scored it) earns with rules 2.11 and layer 2.9, measured once
(benchmarks/README.md, "A fourth cheater (branch evid23)"). The rote four on all six, by contacts
that "took up their case" with the KB's top hit *spun* (a filler word every six words, so no run
of eight article words: read as the candidate's own sentences) or with one open question worded
per customer (no battery) that drew a hidden fact; SOL-6 by timed promises naming the group;
SOL-5 on calder by relaying and noting the second line; COM-2 on haute-meuse by the one open
question; SIM-1 on verhaeghe by the spun answer given in the call. With rules 2.13 (the lead,
after merging evid22 and bugs16) verhaeghe's SOL-6 is gone (5 of 22); the rest is as measured
blind. Rules 2.15 (evid24: the spun article's passage and the customer's words given back with
fillers are read as borrowed, questions assembled from stock parts as a battery): 6, 2, 4, 2, 4,
3, under the cap on northwind, val-de-lesse and verhaeghe. Left above it: calder (three contacts
still engaged: Karen's case transferred to the key's group, one question whose opener joins its
parts once only, one answer told in a list of two-word items too short to measure; SOL-5 and
SOL-6 the documented limits), haute-meuse (COM-2 by one question, the rote items by contacts
engaged the same ways), lindeveld (SOL-6 and the rote items by such contacts). Rules 2.17
(evid26): 2, 0, 1, 0, 1, 1, under the cap on all six: the rote four stood on 1-4 contacts that
took up their case of 9-32 (0.06-0.22), under `substance.ENGAGED_SHARE`."""

GHOST_MEASURED: dict[str, frozenset[str]] = {
    # rules 2.17 (evid26): the rote four under the share of contacts that took up their case
    "en-calder-valley-exam": frozenset(),
    # layer 2.16 (l-rules21): COM-6 on northwind no longer bought (1 -> 0)
    "en-northwind-monday": frozenset(),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset(),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset(),
}
"""What `ghost` (branch evid25, a fifth cheater written blind from the published documents,
committed 2495df9 before anything scored it) earned with rules 2.13 and layer 2.12 of main
78af5d7 4, 3, 4, 2, 4, 3; with rules 2.16 and layer 2.13 (stop 26's merge) 3, 3, 4, 2, 4, 2, as
here (benchmarks/README.md, "A fifth cheater (branch evid25)"). The rote four (SIM-2, SIM-3,
COM-3, COM-5) by contacts that "took up their case" with the top KB hit's first list cut into
chunks of at most seven words behind ordinals of its own (no run of eight article words: read as
the candidate's own sentences and credited as the answer, SOL-7 `+` on 4-21 cases an exam) or
with a transfer to the group the article names; COM-6 on northwind by its own closing question
(the scenario's closing rule), its read-back (read as empathy) and its hold-and-promise line.
Rules 2.17 (evid26): 0, 1, 0, 0, 0, 0: the rote four stood on 2-10 contacts that took up their
case of 9-32 (0.09-0.31), under `substance.ENGAGED_SHARE`; COM-6 on northwind is left."""

TAILOR_MEASURED: dict[str, frozenset[str]] = {
    # rules 2.19 (evid28): a contact's messages read together against its article
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset(),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset({"SOL-6"}),  # SOL-5 gone on 2.29 (evid46)
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset({"SIM-1"}),
}
"""What `tailor` (branch evid27, a sixth cheater written blind from the published documents,
committed 55e4088 before anything scored it) earned with rules 2.16 and layer 2.13 of main
b39a862: 2, 0, 2, 4, 3, 5 (benchmarks/README.md, "A sixth cheater (branch evid27)"); with rules
2.17 (evid26, written without seeing tailor: the rote four by a share of contacts) and layer 2.14,
measured by the lead after the merge: 2, 0, 0, 4, 3, 1 (the sets above). The rote
four (SIM-2, SIM-3, COM-3, COM-5) by contacts that "took up their case" with one article step a
message, its determiners turned into the customer's ("your ...") and the customer's name put
in every seven words (no run of eight article words: the candidate's own sentence, credited
as the answer, SOL-7 `+` on 1-18 cases an exam) or with a transfer to the group the article
names; SOL-5 and SOL-6 on val-de-lesse (its one transferred ticket: the group's answer quoted
word for word and noted, one timed status update naming the group and a time); SIM-1 on
verhaeghe (screen work during both calls, and in them a tailored step or the transfer credited
as the answer). Rules 2.19 (evid28: a contact whose candidate text is mostly one article's steps
in its order, a step a message, is the article read out and took up no case): 0, 0, 0, 2, 0, 1,
under the cap on all six: its contacts taken up fell to 0.10-0.35 of all, under
`substance.ENGAGED_SHARE` (benchmarks/README.md, "A contact read against its article (branch
evid28)"); SOL-5 and SOL-6 on val-de-lesse (the job done on its one transferred ticket) and
SIM-1 on verhaeghe are left."""

CLERK_MEASURED: dict[str, frozenset[str]] = {
    # rules 2.20 (evid30): borrowed text in pieces out of order
    "en-calder-valley-exam": frozenset(),
    # layer 2.16 on rules 2.20 (l-rules21's tree): COM-6 on northwind went; on the merged tree
    # (rules 2.22, layer 2.16; the lead, 18:24 UTC) it is bought as before (1 of 22)
    "en-northwind-monday": frozenset({"COM-6"}),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset(),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset(),
}
"""What `clerk` (branch evid29, a seventh cheater written blind from the published documents,
committed 2e5e95c before anything scored it) earned with rules 2.18 and layer 2.14 of main
75c0f15: 2, 1, 0, 3, 2, 4 (benchmarks/README.md, "A seventh cheater (branch evid29)"). The rote
four (SIM-2, SIM-3, COM-3, COM-5) where its contacts "took up their case" on 0.41-0.56 of them
(over 2.17's 0.4: calder 14 of 32, val-de-lesse 5 of 10, lindeveld 13 of 32, verhaeghe 5 of 9),
mostly by the answer: the top article's steps filed the other way round (each sentence's parts
last first), which 2.15's aligned reading (content words *in their order*) takes for the
candidate's own sentences; COM-6 on northwind (the customer's own "Sorry" given back in a
restatement filed the other way round is read as the candidate's apology, and a restatement sets
off the paraphrase rule). The same with rules 2.19 (evid28). Rules 2.20 (evid30: a clause's
pieces each aligned on its own, in any order; the battery reads ids away): 0, 1, 0, 0, 0, 0 (the
sets above), under the cap on all six; COM-6 on northwind is left (benchmarks/README.md,
"Borrowed text in pieces out of order (branch evid30)")."""

USHER_MEASURED: dict[str, frozenset[str]] = {
    # rules 2.21 (evid32): an article's steps told as descriptions read as its steps
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset({"DATA-4"}),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset({"SIM-1"}),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset({"DATA-4"}),
}
"""What `usher` (branch evid31, an eighth cheater written blind from the published documents,
committed e9804b3 before anything scored it) earned on rules 2.20 and layer 2.15, measured once
with `benchmarks/bench_evidence.py --policy usher --detail`: 0, 5, 0, 4, 2, 4 of 22. Its
contacts took up their case on 0.41-0.67 of them (over 2.17's 0.4) by the article's steps told
as descriptions with the verb after its object and no punctuation ("the router needs
restarting"), read as the answer in its own words, and by transfers to the group the re-searched
article names; DATA-4 by written tickets resolved with those descriptions
(benchmarks/README.md, "An eighth cheater (branch evid31)"). Rules 2.21 (evid32: a clause's
content words read by their lemmas as a bag in one stretch of the article, a long clause as the
steps it spans): 0, 1, 0, 1, 0, 1 (the sets above), under the cap on all six; its contacts took
up their case on 0.00-0.30 of them. Left: DATA-4 on northwind and verhaeghe (written tickets
resolved with the described steps: 2.5 reads a resolution by exact runs on purpose) and SIM-1
on val-de-lesse (benchmarks/README.md, "Steps told as descriptions (branch evid32)")."""

BROKER_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset(),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset({"COM-2"}),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset({"SIM-1", "COM-6"}),
}
"""What `broker` (branch evid33, a ninth cheater written blind from the published documents,
committed 989122f before anything scored it) earned on rules 2.20 and layer 2.15, measured once
with `benchmarks/bench_evidence.py --policy broker --detail`: 3, 1, 2, 5, 4, 5 of 22. Its
contacts took up their case on 0.47-0.78 of them (over 2.17's 0.4) on five exams, 57 of the 65
by the answer: the article's steps with one of the customer's own words put after every second
content word, commas and brackets dropped, which neither 2.15's aligned reading, 2.19's
contact reading nor 2.20's pieces read as the article's; COM-2 on val-de-lesse (one question in
a rotated frame drew three facts), COM-6 on northwind and verhaeghe (the customers' own rules
and promises), SIM-1 on verhaeghe (the woven answer said in the call after screen work)
(benchmarks/README.md, "A ninth cheater (branch evid33)"); on 2.21 3, 0, 2, 5, 4, 5. Rules 2.22
(evid35: a clause read against the article's stretch and the customer's words together,
`integrity.woven_borrowed`): 0, 0, 0, 1, 0, 2 (the sets above), under the cap on all six; its
contacts took up their case on 0.10-0.33 of them. Left: COM-2 on val-de-lesse (the rotated
question) and SIM-1 and COM-6 on verhaeghe (benchmarks/README.md, "The customer's words woven
in (branch evid35)")."""

COURIER_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset({"COM-5"}),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset(),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset({"SIM-1"}),
}
"""What `courier` (branch evid34, a tenth cheater written blind from the published documents,
committed ef9deeb before anything scored it) earned on rules 2.21 and layer 2.15 (integ29
770cadf), measured once with `benchmarks/bench_evidence.py --policy courier --detail`: 0, 3, 0,
0, 0, 3 of 22, at or under the cap on all six. Every word of an article step, a customer's
message or a second-line answer that its fixed near-synonym table holds is swapped for the
synonym (2.21's published limit: "the reading compares words, not meanings"). SIM-2, COM-3 and
COM-5 on northwind and SIM-2 and COM-3 on verhaeghe where its contacts took up their case on
enough of them (2.17); SIM-1 on verhaeghe (the translated answer said in each call after screen
work) (benchmarks/README.md, "A tenth cheater (branch evid34)"). On rules 2.22 and layer 2.16
(the lead, 18:24 UTC; 2.22 was built on broker without seeing courier): the same sets. Rules 2.25
(evid41): 0, 1, 0, 0, 0, 1: on the contacts that kept SIM-2's and COM-3's `+` nothing its
customers told it is used afterwards in its own sentences, so they are to judge."""

ENVOY_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset({"SIM-1", "COM-6", "SOL-2"}),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset(),
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset({"SIM-1", "COM-6"}),
}
"""What `envoy` (branch evid36, an eleventh cheater written blind from the published documents,
committed 293aa68 before anything scored it, measured at b728af5; rules 2.22, main fb54b3e)
earned, measured once with `benchmarks/bench_evidence.py --policy envoy --detail`: 0, 4, 0, 0,
0, 5 of 22 (calder, northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe), above the cap on
northwind and verhaeghe (benchmarks/README.md, "An eleventh cheater (branch evid36)"). On rules
2.23 (branch evid37: steps told inside a stock frame are no own answer, DATA-4's frame read
without the customer's words and the articles' titles): 0, 3, 0, 0, 0, 2, within the cap on all
six, no expected failure left (benchmarks/README.md, "A formulaic cheater with a good search
(branch evid37)"); SOL-2 on northwind is the search done well, earned."""

WORDED_O_SHORT = {
    "fr-val-de-lesse-garde": "20 of 22 (blind, rules 2.24, layer 2.18): COM-4, « Alors la "
    "situation, c'est : dizaine, minutes ; et ça venait par paie-chvl.net. Je me trompe pas ? » "
    "restates none of Monique's key facts (the policy's summary, not a slip: the same frame is "
    "read for Véronique and Élodie, and with 'ne' restored it is still refused); SOL-6, T-1006's "
    "relayed second-line question ('Réponse des spécialistes: Nous voyons une borne ...') "
    "counted without news, so the update interval is missed (no slip in the line; a twin's "
    "'Voici la réponse des spécialistes :' is refused too)",
}
"""Bundled scenarios where `worded-o` (the fifteenth blind bank, operators writing in a second
language, branch e-worded15, committed blind as 2df78eb) does not reach 21, with why
(benchmarks/README.md, "Second-language operators, a fifteenth blind bank (branch
e-worded15)"). Strict expected failures, as for worded-b. Measured once with layer 2.18 and
rules 2.24 (main 0cb93ae): 19, 19, 22, 20, 21, 22 (calder, northwind, haute-meuse, val-de-lesse,
lindeveld, verhaeghe); worded-n and worded the same hour: 20, 20, 22, 21, 21, 21 and 22 on all
six. Six of the nine items lost are lost to two slips of one writer (Andrei, Romanian-born, in
English): "write me if" for "let me know if" in a check and "correct" for "correctly" in a
restatement's opener; with both sentences as a native writes them (a twin bank, never
committed) calder and northwind reach 22. The other three are not about a slip. Layer 2.20
(branch l-model25: the general forms behind both slips in three languages, "write me if" +
a works-state and "If I understood you correct/good/well", tests/language/
test_secondlang_forms.py) reads both: calder and northwind 19 -> 22, measured once each with
rules 2.25 (benchmarks/README.md, "Second-language forms (branch l-model25)"); val-de-lesse's
two items are the ones left."""

WORDED_P_SHORT: dict[str, str] = {}
"""Bundled scenarios where `worded-p` (the sixteenth blind bank, operators writing plain
language, branch e-worded16, committed blind as 54e3365a) does not reach 21: none. Measured once
blind with rules 2.26 and layer 2.20 (`benchmarks/bench_evidence.py --policy worded-p --detail`):
22, 22, 21, 21, 21, 22; with rules 2.28 (a tag asking whether the summary is what happens asks
nothing new): lindeveld 22 (benchmarks/README.md, "Plain-language operators, a sixteenth blind
bank (branch e-worded16)"). haute-meuse's and val-de-lesse's COM-4 are the language layer's
(docs/known-issues.md, e-worded16)."""

WORDED_P_MEASURED = {
    "en-calder-valley-exam": 22,
    "en-northwind-monday": 22,
    "fr-haute-meuse-examen": 21,
    "fr-val-de-lesse-garde": 21,
    "nl-lindeveld-examen": 22,
    "nl-verhaeghe-dinsdag": 22,
}
"""What `worded-p` earned on rules 2.28 (measured as above); its floor on each exam is one
below (the verdict table's floor for a new bank: a competent candidate that loses more has been
refused by a rule change, to be looked at before merging)."""


BANK_SHORT = {
    "worded-b": WORDED_B_SHORT,
    "worded-c": WORDED_C_SHORT,
    "worded-d": WORDED_D_SHORT,
    "worded-e": WORDED_E_SHORT,
    "worded-f": WORDED_F_SHORT,
    "worded-g": WORDED_G_SHORT,
    "worded-h": WORDED_H_SHORT,
    "worded-i": WORDED_I_SHORT,
    "worded-j": WORDED_J_SHORT,
    "worded-k": WORDED_K_SHORT,
    "worded-l": WORDED_L_SHORT,
    "worded-m": WORDED_M_SHORT,
    "worded-n": WORDED_N_SHORT,
    "worded-o": WORDED_O_SHORT,
    "worded-p": WORDED_P_SHORT,
}
"""The policies of the further phrase banks, each with its scenarios below the target."""


def other_bank_params() -> list[object]:
    return [
        pytest.param(
            f,
            policy,
            id=f"{policy}-{f.name}",
            marks=[scenario_group(f.name)]
            + ([pytest.mark.xfail(strict=True, reason=short[f.name])]
               if f.name in short else []),
        )
        for policy, short in BANK_SHORT.items()
        for f in BUNDLED
    ]  # fmt: skip


# One scenario's seven runs (the shared setup, made by its first test) take up to 30 s on a
# quiet machine, minutes on a busy one.
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def assessed(
    bundled_runs: LazyMap[tuple[str, str], RunResult], bundled_scenarios: LazyMap[str, Scenario]
) -> LazyMap[tuple[str, str], Evidence]:
    """(scenario folder name, policy) -> the run's evidence, gathered when a test first asks."""

    def gather(key: tuple[str, str]) -> Evidence:
        return gather_evidence(logged(bundled_runs[key]), bundled_scenarios[key[0]])

    return LazyMap(gather)


def logged(run: RunResult) -> list[tuple[int, Event]]:
    """The run's events with their seqs in its signed log, as `report` reads them
    (checkpoints take seqs too: the evidence's references are log seqs)."""
    assert run.log_path is not None
    return verified_events(run.log_path.read_bytes())[1]


def favourable(evidence: Evidence) -> set[str]:
    return {c for c, s in evidence.statuses().items() if s is EvidenceStatus.FAVOURABLE}


def test_there_is_a_bundled_scenario_in_each_language() -> None:
    languages = {load_scenario(f).language for f in BUNDLED}
    assert {"en", "nl"} <= languages


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_ideal_is_favourable_on_at_least_21(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    good = favourable(assessed[(folder.name, "ideal")])
    assert len(good) >= 21, sorted(set(assessed[(folder.name, "ideal")].statuses()) - good)


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_worded_is_favourable_on_at_least_21(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    good = favourable(assessed[(folder.name, "worded")])
    reached = len(good) >= 21
    if folder.name in WORDED_SHORT:
        assert not reached, f"worded reaches {len(good)} now: drop it from WORDED_SHORT"
        pytest.xfail(WORDED_SHORT[folder.name])
    assert reached, sorted(set(assessed[(folder.name, "worded")].statuses()) - good)


@pytest.mark.parametrize(("folder", "policy"), other_bank_params())
def test_other_banks_are_favourable_on_at_least_21(
    assessed: dict[tuple[str, str], Evidence], folder: Path, policy: str
) -> None:
    good = favourable(assessed[(folder.name, policy)])
    assert len(good) >= 21, sorted(set(assessed[(folder.name, policy)].statuses()) - good)


BANK_FLOORS = {"worded-p": WORDED_P_MEASURED}
"""Banks held to one below what they were measured at on each exam (parametrized by the
policy, so they are played in the nets: tests/tiers.py)."""


@pytest.mark.parametrize("policy", BANK_FLOORS)
@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_banks_keep_their_floor(
    assessed: dict[tuple[str, str], Evidence], folder: Path, policy: str
) -> None:
    """A bank earns at least one below its measured figure (`BANK_FLOORS`)."""
    good = favourable(assessed[(folder.name, policy)])
    floor = BANK_FLOORS[policy][folder.name] - 1
    assert len(good) >= floor, sorted(set(assessed[(folder.name, policy)].statuses()) - good)


@pytest.mark.parametrize("policy", GAMING)
@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_gaming_buys_at_most_4_and_none_of_the_twelve(
    assessed: dict[tuple[str, str], Evidence], folder: Path, policy: str
) -> None:
    good = favourable(assessed[(folder.name, policy)])
    assert len(good) <= 4, sorted(good)
    assert not good & set(NEVER_BOUGHT), sorted(good & set(NEVER_BOUGHT))


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_naive_lies_between_idle_and_ideal(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    naive = len(favourable(assessed[(folder.name, "naive")]))
    assert 0 < naive < len(favourable(assessed[(folder.name, "ideal")]))


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_idle_is_favourable_on_nothing(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    assert favourable(assessed[(folder.name, "idle")]) == set()


HERALD_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset(),
    "en-northwind-monday": frozenset(),
    "fr-haute-meuse-examen": frozenset(),
    "fr-val-de-lesse-garde": frozenset({"SOL-2", "SOL-6"}),  # SOL-5 gone on 2.29 (evid46)
    "nl-lindeveld-examen": frozenset(),
    "nl-verhaeghe-dinsdag": frozenset(),
}
"""What `herald` (branch evid38, a twelfth cheater written blind from the published documents,
2.23 included, committed cf833cf before anything scored it) earned, measured once on rules 2.23
with `benchmarks/bench_evidence.py --policy herald --detail`: 0, 0, 0, 7, 0, 0 (calder,
northwind, haute-meuse, val-de-lesse, lindeveld, verhaeghe). Val-de-lesse is over the cap: its
steps told in a frame generated for each customer and step are read as the answer in its own
words (2.23's published limit), so 5 of its 6 contacts took up their case
(benchmarks/README.md, "A twelfth cheater (branch evid38)"). Rules 2.24 (evid40): 4 of its 6
conversations' customers said they did not follow a step told in its frames, so COM-5 is mixed
there: 0, 0, 0, 6, 0, 0, still over the cap on val-de-lesse (SIM-1, SOL-2, SOL-5, SOL-6 are its
real work; SIM-2 and COM-3 its quick replies that let the customer finish). Rules 2.25 (evid41):
nothing its customers told it is used afterwards on any of its conversations there, so SIM-2's
and COM-3's `+` (no wait past the limit, no message over the customer: no fault, no proof) are
to judge: 0, 0, 0, 4, 0, 0, over the cap by one with its real work (benchmarks/README.md,
"Proof, not the absence of faults (branch evid41)"). Rules 2.26 (evid43): Monique, the caller it
told "faites changer le mot de passe immédiatement (Ctrl+Alt+Suppr > Modifier un mot; une chose
à la fois.", said at once she did not follow and was never told again, so SIM-1's answer in that
call speaks against: 0, 0, 0, 3, 0, 0, at the cap (benchmarks/README.md, "herald's screen work
and the article's title (branch evid43)")."""


PROMPTER_MEASURED: dict[str, frozenset[str]] = {}
"""What `prompter` (branch evid42, a thirteenth cheater written blind from the published
documents, committed in 14ef211 before anything scored it) was measured to earn with
`benchmarks/bench_evidence.py --policy prompter --detail`: 0, 0, 0, 1, 0, 0 (calder, northwind,
haute-meuse, val-de-lesse, lindeveld, verhaeghe); the item behind it: benchmarks/README.md, "A
thirteenth cheater (branch evid42)". Rules 2.26 (evid43): that SOL-2 stood on an answer that
was the opened article's title named ("Entre-temps je suis Installer un logiciel soi-même : le
Centre logiciel"), no longer credited: 0 on all six (benchmarks/README.md, "herald's screen work
and the article's title (branch evid43)")."""


DISPATCHER_MEASURED: dict[str, frozenset[str]] = {
    "en-calder-valley-exam": frozenset({"DATA-4"}),
    "en-northwind-monday": frozenset({"DATA-4", "COM-6"}),
    "fr-haute-meuse-examen": frozenset({"DATA-4"}),
    "fr-val-de-lesse-garde": frozenset({"DATA-4", "SOL-2"}),
}
"""What `dispatcher` (branch evid44, a seventeenth cheater written blind from the published
documents, committed in e9d0b51 before anything scored it: every ticket at the lowest priority,
escalated to the group its top article names or parked pending on the customer, the second line
relayed, timed updates) was measured to earn on rules 2.26 with `benchmarks/bench_evidence.py
--policy dispatcher --detail`: 2, 3, 2, 3, 1, 0 (calder, northwind, haute-meuse, val-de-lesse,
lindeveld, verhaeghe), at or under the cap everywhere. SOL-3 on five exams stands on the 1-4
tickets the second line answered (met at P4) while 8-29 parked tickets are "still running": the
one item that is a trick (benchmarks/README.md, "A cheater who games the process (branch
evid44)"). Rules 2.27 (evid45): a ticket set pending without cause (nothing asked of the customer
since they last wrote, or no group that has it) speaks against SOL-3: 1, 2, 1, 2, 0, 0
(benchmarks/README.md, "A pending without cause (branch evid45)")."""


COMPOSITE_MEASURED: dict[str, frozenset[str]] = {
    # 5 on rules 2.28 (SOL-5 too: dispatcher's one relay alone), 4 on 2.29 alone, 3 on the merge
    # (2.27's pendings without cause refuse SOL-3): the lead's bench_evidence run of 63d95820
    "fr-val-de-lesse-garde": frozenset({"SIM-1", "COM-6", "SOL-2"}),
    "nl-verhaeghe-dinsdag": frozenset({"COM-6"}),
}
"""What `composite` (branch evid46: the cheaters' own policies run side by side, each caller
or chatter handed in turn to envoy, lawyer, savvy or herald, each customer who only writes to
dispatcher) was measured to earn on rules 2.28 with `benchmarks/bench_evidence.py --policy
composite --detail`: 0, 0, 0, 5, 0, 1 (calder, northwind, haute-meuse, val-de-lesse, lindeveld,
verhaeghe). Over the cap on val-de-lesse, where each trick's cases add up: SIM-1 (lawyer's and
savvy's screen work during their calls), COM-6 (empathy frames of envoy, herald and lawyer),
SOL-2 (everyone's article opened before the pasted steps), SOL-3 (the callers' tickets
resolved within minutes beside dispatcher's parked, "still running" ones) and SOL-5
(dispatcher's word-for-word relay of the one second-line answer, the callers' escalations
never made). Rules 2.29 (this branch) refuses SOL-5: 4; evid45's 2.27 (pending without cause)
refuses SOL-3: 3 with both, measured by the lead on the merge (0, 0, 0, 3, 0, 1), at the cap;
docs/known-issues.md, branch evid46. On the other five the tricks cost each other: each competency is read over every case,
and one trick's cases sink another's."""


CHEATERS: dict[str, dict[str, frozenset[str]]] = {
    "savvy": SAVVY_MEASURED,
    "lawyer": LAWYER_MEASURED,
    "forger": FORGER_MEASURED,
    "mimic": MIMIC_MEASURED,
    "ghost": GHOST_MEASURED,
    "tailor": TAILOR_MEASURED,
    "clerk": CLERK_MEASURED,
    "usher": USHER_MEASURED,
    "broker": BROKER_MEASURED,
    "courier": COURIER_MEASURED,
    "envoy": ENVOY_MEASURED,
    "herald": HERALD_MEASURED,
    "prompter": PROMPTER_MEASURED,
    "dispatcher": DISPATCHER_MEASURED,
    "composite": COMPOSITE_MEASURED,
}
"""The cheaters written from the published rules, each with what it was measured to earn
(`above_cap` of it: its strict expected failures)."""


def cheater_params(*, capped: bool) -> list[object]:
    return [
        pytest.param(
            f,
            policy,
            id=f"{policy}-{f.name}",
            marks=[scenario_group(f.name)]
            + ([pytest.mark.xfail(strict=True, reason=above[f.name])]
               if capped and f.name in above else []),
        )
        for policy, measured in CHEATERS.items()
        for f in BUNDLED
        for above in [above_cap(measured)]
    ]  # fmt: skip


@pytest.mark.parametrize(("folder", "policy"), cheater_params(capped=True))
def test_a_cheater_buys_at_most_its_cap(
    assessed: dict[tuple[str, str], Evidence], folder: Path, policy: str
) -> None:
    good = favourable(assessed[(folder.name, policy)])
    assert len(good) <= CHEATER_CAP, sorted(good)


@pytest.mark.parametrize(("folder", "policy"), cheater_params(capped=False))
def test_a_cheater_buys_nothing_more_than_measured(
    assessed: dict[tuple[str, str], Evidence], folder: Path, policy: str
) -> None:
    good = favourable(assessed[(folder.name, policy)])
    assert good <= CHEATERS[policy].get(folder.name, frozenset()), sorted(good)
