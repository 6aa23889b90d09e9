"""The assessment's words in English, Dutch and French.

Assessors read reports in the scenario's language (or `--lang`). The UI's
gettext catalogues serve the candidate's screens; the assessment has its own
small table because its sentences carry figures and ids in fixed places, and
a test checks every entry has the same placeholders in all three languages.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Any

from helpdesk_tui.assess.texts_integrity import T as INTEGRITY_TEXTS
from helpdesk_tui.assess.texts_problems import T as PROBLEM_TEXTS
from helpdesk_tui.assess.texts_session import T as SESSION_TEXTS

LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")

T: dict[str, tuple[str, str, str]] = {
    # --- how each kind of item is measured (the item's detail) ----------------
    "detail.screen_during_call": (
        "Ticket edits, KB searches and article views made while the call was live.",
        "Ticketwijzigingen, KB-zoekopdrachten en geopende artikels terwijl het gesprek liep.",
        "Modifications de tickets, recherches et articles KB consultés pendant l'appel.",
    ),
    "detail.call_answer": (
        "The answer key's solution said in the call, after screen work during the same call.",
        "De oplossing uit de antwoordsleutel in het gesprek gegeven, na schermwerk tijdens dat gesprek.",
        "La solution du corrigé donnée pendant l'appel, après un travail à l'écran pendant cet appel.",
    ),
    "detail.reply_latency": (
        "From each unanswered customer message to the candidate's next message; the limit is the "
        "customer's patience. 'While busy': other chats or active tickets were open at the time.",
        "Van elk onbeantwoord klantbericht tot het volgende bericht van de kandidaat; de grens is "
        "het geduld van de klant. 'Terwijl bezig': er stonden toen andere chats of tickets open.",
        "De chaque message client sans réponse au message suivant du candidat\u00a0; la limite est la "
        "patience du client. «\u00a0En charge\u00a0»\u00a0: d'autres chats ou tickets étaient ouverts.",
    ),
    "detail.actions_during_speech": (
        "Keyboard or mouse actions (not messages) while the customer in the call was still speaking.",
        "Toetsenbord- of muisacties (geen berichten) terwijl de klant in het gesprek nog sprak.",
        "Actions au clavier ou à la souris (hors messages) pendant que le client parlait encore.",
    ),
    "detail.ticket_created": (
        "A ticket the candidate registered: description, category, impact and urgency filled in, "
        "compared with the answer key at the end of the exam.",
        "Een ticket dat de kandidaat aanmaakte: beschrijving, categorie, impact en urgentie "
        "ingevuld, op het einde vergeleken met de antwoordsleutel.",
        "Un ticket créé par le candidat\u00a0: description, catégorie, impact et urgence remplis, "
        "comparés au corrigé en fin d'examen.",
    ),
    "detail.ticket_missing": (
        "A chat or call of the scenario for which no ticket was registered.",
        "Een chat of gesprek uit het scenario waarvoor geen ticket werd aangemaakt.",
        "Un chat ou appel du scénario pour lequel aucun ticket n'a été créé.",
    ),
    "detail.ticket_updated": (
        "Field updates to a ticket, and whether category, impact and urgency end as the answer "
        "key has them (tickets that arrived with wrong fields must be corrected).",
        "Wijzigingen aan een ticket, en of categorie, impact en urgentie eindigen zoals in de "
        "antwoordsleutel (tickets die met foute velden binnenkwamen moeten verbeterd worden).",
        "Mises à jour d'un ticket, et si catégorie, impact et urgence finissent comme dans le "
        "corrigé (les tickets arrivés avec des champs erronés doivent être corrigés).",
    ),
    "detail.transfer": (
        "A transfer and its group, against the group(s) the answer key transfers to.",
        "Een transfer en de groep, vergeleken met de groep(en) uit de antwoordsleutel.",
        "Un transfert et son groupe, comparés au(x) groupe(s) du corrigé.",
    ),
    "detail.transfer_missing": (
        "The answer key transfers this incident; no ticket of it was transferred.",
        "De antwoordsleutel transfereert dit incident; geen enkel ticket ervan werd getransfereerd.",
        "Le corrigé transfère cet incident\u00a0; aucun de ses tickets n'a été transféré.",
    ),
    "detail.ticket_closed": (
        "A ticket resolved with a solution and then closed by the candidate.",
        "Een ticket opgelost met een oplossing en daarna afgesloten door de kandidaat.",
        "Un ticket résolu avec une solution puis clôturé par le candidat.",
    ),
    "detail.tool_kb": (
        "Knowledge-base searches and article views, and how many incidents with a KB article in "
        "the answer key got a look-up.",
        "Zoekopdrachten en geopende artikels in de kennisbank, en hoeveel incidenten met een "
        "KB-artikel in de antwoordsleutel opgezocht werden.",
        "Recherches et articles consultés dans la base de connaissances, et combien d'incidents "
        "ayant un article KB au corrigé ont été recherchés.",
    ),
    "detail.tool_canned": (
        "Messages inserted from the scenario's canned replies.",
        "Berichten ingevoegd uit de standaardantwoorden van het scenario.",
        "Messages insérés depuis les réponses types du scénario.",
    ),
    "detail.tool_transfer": (
        "Uses of the transfer form, against the incidents the answer key transfers.",
        "Gebruik van het transferformulier, tegenover de incidenten die de antwoordsleutel transfereert.",
        "Utilisations du formulaire de transfert, face aux incidents que le corrigé transfère.",
    ),
    "detail.tool_links": (
        "Tickets tied to their chat or call (at creation or with a link).",
        "Tickets gekoppeld aan hun chat of gesprek (bij het aanmaken of met een koppeling).",
        "Tickets liés à leur chat ou appel (à la création ou par un lien).",
    ),
    "detail.contact_steps": (
        "The procedure's spoken steps (greeting, identification, closing question...) found in the "
        "candidate's messages to this customer, by the scenario's patterns, and their order.",
        "De gesproken stappen van de procedure (begroeting, identificatie, slotvraag...) gevonden "
        "in de berichten aan deze klant, volgens de patronen van het scenario, en hun volgorde.",
        "Les étapes orales de la procédure (salutation, identification, question finale...) "
        "trouvées dans les messages au client, selon les motifs du scénario, et leur ordre.",
    ),
    "detail.clarifying_questions": (
        "Questions (messages with '?') before the first answer, transfer or resolution, and the "
        "scenario's hidden facts the customer revealed in reply.",
        "Vragen (berichten met '?') vóór het eerste antwoord, de transfer of de oplossing, en de "
        "verborgen feiten uit het scenario die de klant daarop prijsgaf.",
        "Questions (messages avec «\u00a0?\u00a0») avant la première réponse, le transfert ou la résolution, "
        "et les faits cachés du scénario que le client a révélés.",
    ),
    "detail.interruptions": (
        "Messages sent while the customer was still typing (chat) or speaking (call).",
        "Berichten verstuurd terwijl de klant nog typte (chat) of sprak (gesprek).",
        "Messages envoyés pendant que le client tapait (chat) ou parlait (appel).",
    ),
    "detail.paraphrase": (
        "A message after a key fact came out that repeats at least two of its significant words. "
        "A hint only: confirm in the transcript that it restates the problem.",
        "Een bericht na een kernfeit dat minstens twee van zijn betekenisvolle woorden herhaalt. "
        "Enkel een aanwijzing: bevestig in het transcript dat het probleem herformuleerd wordt.",
        "Un message, après un fait clé, qui en reprend au moins deux mots significatifs. Un "
        "indice seulement\u00a0: vérifiez dans la transcription qu'il reformule le problème.",
    ),
    "detail.jargon": (
        "Glossary terms in messages to a customer whose technical level is novice.",
        "Termen uit de woordenlijst in berichten aan een klant met technisch niveau beginner.",
        "Termes du glossaire dans les messages à un client de niveau débutant.",
    ),
    "detail.mood": (
        "The customer's mood over the exam; favourable when it ended calmer than its worst.",
        "De stemming van de klant tijdens het examen; gunstig als ze rustiger eindigde dan op het slechtste moment.",
        "L'humeur du client pendant l'examen\u00a0; favorable si elle finit plus calme qu'au pire moment.",
    ),
    "detail.procedure_steps": (
        "Every step of the category's procedure (words and actions), where each first shows, in order.",
        "Elke stap van de procedure van de categorie (woorden en acties), waar ze eerst voorkomt, in volgorde.",
        "Chaque étape de la procédure de la catégorie (paroles et actions), sa première occurrence, dans l'ordre.",
    ),
    "detail.kb_before_answer": (
        "An article the answer key accepts, opened before the answer was given.",
        "Een artikel dat de antwoordsleutel aanvaardt, geopend vóór het antwoord gegeven werd.",
        "Un article accepté par le corrigé, ouvert avant que la réponse soit donnée.",
    ),
    "detail.sla": (
        "First-response and resolution deadlines of the ticket's priority, with the clock paused "
        "while pending; the margin is the time to spare, or how late.",
        "Termijnen voor eerste reactie en oplossing volgens de prioriteit, met de klok stil tijdens "
        "wachten; de marge is de tijd over, of hoeveel te laat.",
        "Délais de première réponse et de résolution selon la priorité, horloge arrêtée en "
        "attente\u00a0; la marge est le temps restant, ou le retard.",
    ),
    "detail.priority_order": (
        "Inversions: an action on a ticket while another ticket with a higher priority had "
        "arrived and not been touched yet (each pair counted once).",
        "Inversies: een actie op een ticket terwijl een ander ticket met hogere prioriteit al "
        "binnen was en nog niet aangeraakt (elk paar één keer geteld).",
        "Inversions\u00a0: une action sur un ticket alors qu'un autre ticket de priorité plus haute "
        "était arrivé et pas encore traité (chaque paire comptée une fois).",
    ),
    "detail.inversion": (
        "One priority inversion: the ticket worked on and the higher-priority ticket that waited.",
        "Eén prioriteitsinversie: het behandelde ticket en het ticket met hogere prioriteit dat wachtte.",
        "Une inversion de priorité\u00a0: le ticket traité et le ticket plus prioritaire qui attendait.",
    ),
    "detail.priority_set": (
        "The priority the candidate's impact and urgency give, against the answer key's.",
        "De prioriteit die impact en urgentie van de kandidaat opleveren, tegenover die van de antwoordsleutel.",
        "La priorité issue de l'impact et de l'urgence du candidat, face à celle du corrigé.",
    ),
    "detail.follow_up": (
        "After a transfer: the group's reply, the candidate's next action on the case, and "
        "whether a question from the group was relayed to the customer.",
        "Na een transfer: het antwoord van de groep, de volgende actie van de kandidaat, en of "
        "een vraag van de groep aan de klant doorgegeven werd.",
        "Après un transfert\u00a0: la réponse du groupe, l'action suivante du candidat, et si une "
        "question du groupe a été relayée au client.",
    ),
    "detail.progress_updates": (
        "Messages to a customer left waiting (pending, transferred or asking for news), and "
        "whether the SLA's update interval was kept.",
        "Berichten aan een wachtende klant (in afwachting, getransfereerd of vragend naar nieuws), "
        "en of het update-interval van de SLA gehaald werd.",
        "Messages à un client en attente (en attente, transféré ou demandant des nouvelles), et si "
        "l'intervalle de mise à jour du SLA a été respecté.",
    ),
    "detail.answer": (
        "The answer key's solution (all its keywords), an accepted alternative, the right "
        "transfer group or an accepted article on the resolution.",
        "De oplossing uit de antwoordsleutel (al haar sleutelwoorden), een aanvaard alternatief, "
        "de juiste transfergroep of een aanvaard artikel bij de oplossing.",
        "La solution du corrigé (tous ses mots clés), une alternative acceptée, le bon groupe de "
        "transfert ou un article accepté à la résolution.",
    ),
    "detail.solution_option": (
        "Which of the scenario's possible solutions the candidate gave first, and whether it is "
        "the one that fits the urgency and impact.",
        "Welke van de mogelijke oplossingen de kandidaat eerst gaf, en of die past bij de urgentie en impact.",
        "Laquelle des solutions possibles le candidat a donnée en premier, et si elle convient à "
        "l'urgence et à l'impact.",
    ),
    "detail.flag": (
        "Flagged by the simulation while the exam ran, for the assessor to look at.",
        "Tijdens het examen gemarkeerd door de simulatie, om na te kijken.",
        "Signalé par la simulation pendant l'examen, à examiner par l'évaluateur.",
    ),
    # --- SIM ----------------------------------------------------------------
    "sim1.screen": (
        "Call {conv} ({customer}): {n:screen action|screen actions} while the call was live",
        "Gesprek {conv} ({customer}): {n:schermactie|schermacties} tijdens het gesprek",
        "Appel {conv} ({customer})\u00a0: {n:action|actions} à l'écran pendant l'appel",
    ),
    "sim1.screen_none": (
        "Call {conv} ({customer}): no screen work while the call was live",
        "Gesprek {conv} ({customer}): geen schermwerk tijdens het gesprek",
        "Appel {conv} ({customer})\u00a0: aucun travail à l'écran pendant l'appel",
    ),
    "sim1.answer_after_screen": (
        "Call {conv}: the answer was given in the call after {n:screen action|screen actions}",
        "Gesprek {conv}: het antwoord werd in het gesprek gegeven na {n:schermactie|schermacties}",
        "Appel {conv}\u00a0: réponse donnée pendant l'appel après {n:action|actions} à l'écran",
    ),
    "sim1.answer_no_screen": (
        "Call {conv}: the answer was given without screen work during the call",
        "Gesprek {conv}: het antwoord werd gegeven zonder schermwerk tijdens het gesprek",
        "Appel {conv}\u00a0: réponse donnée sans travail à l'écran pendant l'appel",
    ),
    "sim1.unanswered": (
        "Call {conv} ({customer}): nothing said in it by the candidate; "
        "{n:screen action|screen actions} while it was live",
        "Gesprek {conv} ({customer}): de kandidaat zei er niets in; "
        "{n:schermactie|schermacties} terwijl het liep",
        "Appel {conv} ({customer})\u00a0: le candidat n'y a rien dit\u00a0; "
        "{n:action|actions} à l'écran pendant qu'il était en cours",
    ),
    "sim1.answer_judge": (
        "Call {conv}: the key's words only in a message that cannot count: {how} at {at}",
        "Gesprek {conv}: de woorden van de sleutel alleen in een bericht dat niet telt: {how} om {at}",
        "Appel {conv}\u00a0: les mots du corrigé seulement dans un message qui ne compte pas\u00a0: {how} à {at}",
    ),
    "sim1.answer_none": (
        "Call {conv}: the answer key's solution was not given in the call",
        "Gesprek {conv}: de oplossing uit de antwoordsleutel werd niet in het gesprek gegeven",
        "Appel {conv}\u00a0: la solution du corrigé n'a pas été donnée pendant l'appel",
    ),
    "sim2.latency": (
        "Chat {conv} ({customer}): median reply {median}, longest wait {longest}, {over} of "
        "{n:wait|waits} over the {limit} limit, {busy:reply|replies} while busy",
        "Chat {conv} ({customer}): mediaan antwoordtijd {median}, langste wachttijd {longest}, "
        "{over} van {n:wachttijd|wachttijden} boven de grens van {limit}, {busy:antwoord|antwoorden} terwijl bezig",
        "Chat {conv} ({customer})\u00a0: réponse médiane {median}, attente max {longest}, {over} sur "
        "{n:attente|attentes} au-delà de {limit}, {busy:réponse|réponses} en charge",
    ),
    "sim3.typing": (
        "Call {conv}: {n:keyboard action|keyboard actions} while the customer was speaking",
        "Gesprek {conv}: {n:toetsenbordactie|toetsenbordacties} terwijl de klant sprak",
        "Appel {conv}\u00a0: {n:action|actions} au clavier pendant que le client parlait",
    ),
    "sim3.typing_none": (
        "Call {conv}: no keyboard work while the customer was speaking",
        "Gesprek {conv}: geen toetsenbordwerk terwijl de klant sprak",
        "Appel {conv}\u00a0: aucune action au clavier pendant que le client parlait",
    ),
    # --- DATA ---------------------------------------------------------------
    "data.fields_ok": (
        "complete, matches the answer key",
        "volledig, komt overeen met de antwoordsleutel",
        "complet, conforme au corrigé",
    ),
    "data.fields_complete": ("complete", "volledig", "complet"),
    "field.description": ("description", "beschrijving", "description"),
    "field.category": ("category", "categorie", "catégorie"),
    "field.impact": ("impact", "impact", "impact"),
    "field.urgency": ("urgency", "urgentie", "urgence"),
    "data.missing": ("missing: {fields}", "ontbreekt: {fields}", "manquant\u00a0: {fields}"),
    "data.differs": (
        "differs from the key: {fields}",
        "wijkt af van de sleutel: {fields}",
        "diffère du corrigé\u00a0: {fields}",
    ),
    "data.differs_one": (
        "{field} {actual} (key: {expected})",
        "{field} {actual} (sleutel: {expected})",
        "{field} {actual} (corrigé\u00a0: {expected})",
    ),
    "data1.created": (
        "{ticket} created for '{case}': {fields}",
        "{ticket} aangemaakt voor '{case}': {fields}",
        "{ticket} créé pour «\u00a0{case}\u00a0»\u00a0: {fields}",
    ),
    "channel.chat": ("chat", "chat", "chat"),
    "channel.call": ("call", "oproep", "appel"),
    "channel.email": ("e-mail", "e-mail", "e-mail"),
    "channel.queue": ("queue", "wachtrij", "file"),
    "data1.missing": (
        "No ticket was created for '{case}' ({channel})",
        "Geen ticket aangemaakt voor '{case}' ({channel})",
        "Aucun ticket créé pour «\u00a0{case}\u00a0» ({channel})",
    ),
    "data2.updated": (
        "{ticket}: {n:update|updates}; {fields}",
        "{ticket}: {n:wijziging|wijzigingen}; {fields}",
        "{ticket}\u00a0: {n:mise à jour|mises à jour}\u00a0; {fields}",
    ),
    "data2.never_corrected": (
        "{ticket} arrived with wrong fields and was never updated; {fields}",
        "{ticket} kwam binnen met foute velden en werd nooit gewijzigd; {fields}",
        "{ticket} est arrivé avec des champs erronés et n'a jamais été mis à jour\u00a0; {fields}",
    ),
    "data3.transfer_ok": (
        "{ticket} transferred to {group}, as the answer key does",
        "{ticket} getransfereerd naar {group}, zoals in de antwoordsleutel",
        "{ticket} transféré à {group}, comme le prévoit le corrigé",
    ),
    "data3.transfer_wrong": (
        "{ticket} transferred to {group}; the answer key transfers to {expected}",
        "{ticket} getransfereerd naar {group}; de antwoordsleutel transfereert naar {expected}",
        "{ticket} transféré à {group}\u00a0; le corrigé transfère à {expected}",
    ),
    "data3.transfer_no_category": (
        "{ticket} transferred to {group}, as the answer key does, but without a category: "
        "the group did not get what kind of problem it is",
        "{ticket} getransfereerd naar {group}, zoals in de antwoordsleutel, maar zonder "
        "categorie: de groep kreeg niet mee wat voor probleem het is",
        "{ticket} transféré à {group}, comme le prévoit le corrigé, mais sans catégorie\u00a0: "
        "le groupe ne sait pas de quel problème il s'agit",
    ),
    "data3.transfer_needless": (
        "{ticket} transferred to {group}; the answer key solves it at first line",
        "{ticket} getransfereerd naar {group}; de antwoordsleutel lost het op in eerste lijn",
        "{ticket} transféré à {group}\u00a0; le corrigé le résout en première ligne",
    ),
    "data3.transfer_unknown": (
        "{ticket} transferred to {group} (no answer key for this ticket)",
        "{ticket} getransfereerd naar {group} (geen antwoordsleutel voor dit ticket)",
        "{ticket} transféré à {group} (pas de corrigé pour ce ticket)",
    ),
    "data3.missing": (
        "'{case}' was not transferred; the answer key transfers to {expected}",
        "'{case}' werd niet getransfereerd; de antwoordsleutel transfereert naar {expected}",
        "«\u00a0{case}\u00a0» n'a pas été transféré\u00a0; le corrigé transfère à {expected}",
    ),
    "data4.closed": (
        "{ticket} resolved and closed: {solution}",
        "{ticket} opgelost en afgesloten: {solution}",
        "{ticket} résolu et clôturé\u00a0: {solution}",
    ),
    "data4.resolved_only": (
        "{ticket} resolved but not closed: {solution}",
        "{ticket} opgelost maar niet afgesloten: {solution}",
        "{ticket} résolu mais pas clôturé\u00a0: {solution}",
    ),
    "data4.reopened": (
        "{ticket} was resolved, then reopened and not resolved again",
        "{ticket} werd opgelost, heropend en niet opnieuw opgelost",
        "{ticket} a été résolu, rouvert puis pas résolu à nouveau",
    ),
    "data5.kb": (
        "Knowledge base: {searches:search|searches}, {opened:article|articles} opened; {served} of "
        "{expected:incident|incidents} with a KB article looked up",
        "Kennisbank: {searches:zoekopdracht|zoekopdrachten}, {opened:artikel|artikels} geopend; "
        "{served} van {expected:incident|incidenten} met een KB-artikel opgezocht",
        "Base de connaissances\u00a0: {searches:recherche|recherches}, {opened:article ouvert|articles ouverts}\u00a0; "
        "{served} sur {expected:incident|incidents} avec un article KB consulté",
    ),
    "data5.canned": (
        "Canned replies: used {used:time|times} ({expected} offered)",
        "Standaardantwoorden: {used} keer gebruikt ({expected} beschikbaar)",
        "Réponses types\u00a0: utilisées {used} fois ({expected:proposée|proposées})",
    ),
    "data5.transfer": (
        "Transfer form: used {used:time|times}; the answer key transfers {expected:incident|incidents}",
        "Transferformulier: {used} keer gebruikt; de antwoordsleutel transfereert {expected:incident|incidenten}",
        "Formulaire de transfert\u00a0: utilisé {used} fois\u00a0; le corrigé transfère {expected:incident|incidents}",
    ),
    "data5.links": (
        "Ticket links: {used:ticket|tickets} tied to a conversation; {expected:conversation needs|conversations need} one",
        "Ticketkoppelingen: {used:ticket|tickets} gekoppeld aan een gesprek; {expected:gesprek heeft|gesprekken hebben} er een nodig",
        "Liens de tickets\u00a0: {used:ticket lié|tickets liés} à une conversation\u00a0; {expected:conversation en a|conversations en ont} besoin",
    ),
    # --- COM ----------------------------------------------------------------
    "proc.in_order": ("in order", "in volgorde", "dans l'ordre"),
    "proc.out_of_order": (
        "out of order: {steps}",
        "niet in volgorde: {steps}",
        "dans le désordre\u00a0: {steps}",
    ),
    "com1.steps": (
        "'{case}': {found} of {total:contact step|contact steps}, {order}; missing: {missing}",
        "'{case}': {found} van {total:contactstap|contactstappen}, {order}; ontbreekt: {missing}",
        "«\u00a0{case}\u00a0»\u00a0: {found:étape|étapes} de contact sur {total}, {order}\u00a0; manquant\u00a0: {missing}",
    ),
    "com2.questions": (
        "'{case}': {asked:question|questions} before the solution; {revealed} of {facts:hidden fact|hidden facts} elicited",
        "'{case}': {asked:vraag|vragen} vóór de oplossing; {revealed} van {facts:verborgen feit|verborgen feiten} achterhaald",
        "«\u00a0{case}\u00a0»\u00a0: {asked:question|questions} avant la solution\u00a0; {revealed:fait caché obtenu|faits cachés obtenus} sur {facts}",
    ),
    "com3.interrupted": (
        "{conv}: {n} of {sent:message|messages} sent while the customer was still typing or speaking",
        "{conv}: {n} van {sent:bericht|berichten} verstuurd terwijl de klant nog typte of sprak",
        "{conv}\u00a0: {n:message envoyé|messages envoyés} sur {sent} pendant que le client tapait ou parlait",
    ),
    "com3.none": (
        "{conv}: none of {sent:message|messages} interrupted the customer",
        "{conv}: geen van de {sent:bericht|berichten} onderbrak de klant",
        "{conv}\u00a0: aucun message sur {sent} n'a interrompu le client",
    ),
    "com4.restated": (
        "'{case}': a message restates the key facts ({facts}); confirm in the transcript",
        "'{case}': een bericht herformuleert de kernfeiten ({facts}); bevestig in het transcript",
        "«\u00a0{case}\u00a0»\u00a0: un message reformule les faits clés ({facts})\u00a0; à confirmer dans la transcription",
    ),
    "com4.none": (
        "'{case}': no message restated the key facts that came out",
        "'{case}': geen bericht herformuleerde de achterhaalde kernfeiten",
        "«\u00a0{case}\u00a0»\u00a0: aucun message n'a reformulé les faits clés obtenus",
    ),
    "com4.no_facts": (
        "'{case}': the key facts never came out, so nothing could be restated",
        "'{case}': de kernfeiten kwamen nooit boven, dus er viel niets te herformuleren",
        "«\u00a0{case}\u00a0»\u00a0: les faits clés ne sont jamais apparus, rien à reformuler",
    ),
    "com5.jargon": (
        "'{case}' ({customer}, novice): {n} of {sent:message|messages} use jargon: {terms}",
        "'{case}' ({customer}, beginner): {n} van {sent:bericht|berichten} met vakjargon: {terms}",
        "«\u00a0{case}\u00a0» ({customer}, débutant)\u00a0: {n:message|messages} sur {sent} avec du jargon\u00a0: {terms}",
    ),
    "com5.none": (
        "'{case}' ({customer}, novice): no jargon in {sent:message|messages}",
        "'{case}' ({customer}, beginner): geen vakjargon in {sent:bericht|berichten}",
        "«\u00a0{case}\u00a0» ({customer}, débutant)\u00a0: aucun jargon dans {sent:message|messages}",
    ),
    "com6.mood": (
        "{customer}: {path}; ended {end}",
        "{customer}: {path}; eindigde {end}",
        "{customer}\u00a0: {path}\u00a0; a fini {end}",
    ),
    # --- reconcile's outcome line (commands/reconcile.py) ----------------------
    "reconcile.pass": (
        "outcome: PASS — both assessors marked all 22 competencies proven",
        "uitslag: GESLAAGD — beide beoordelaars vonden alle 22 competenties bewezen",
        "résultat\u00a0: RÉUSSI — les deux évaluateurs ont jugé les 22 compétences prouvées",
    ),
    "reconcile.not_passed": (
        "outcome: NOT PASSED — {reasons}",
        "uitslag: NIET GESLAAGD — {reasons}",
        "résultat\u00a0: NON RÉUSSI — {reasons}",
    ),
    "reconcile.not_proven_both": (
        "not proven according to both: {ids}",
        "volgens beide niet bewezen: {ids}",
        "non prouvé selon les deux\u00a0: {ids}",
    ),
    "reconcile.not_observed_both": (
        "not observed by either assessor: {ids}",
        "door geen van beide beoordelaars waargenomen: {ids}",
        "observé par aucun des deux évaluateurs\u00a0: {ids}",
    ),
    "reconcile.agree": ("agree", "eens", "d'accord"),
    "reconcile.discuss": ("DISCUSS", "BESPREKEN", "À DISCUTER"),
    "reconcile.agreement": (
        "agreement: {agreed} of {total} (p_o = {observed}, p_e = {expected}); Cohen's kappa: "
        "{kappa}",
        "overeenstemming: {agreed} van {total} (p_o = {observed}, p_e = {expected}); kappa van "
        "Cohen: {kappa}",
        "accord\u00a0: {agreed} sur {total} (p_o = {observed}, p_e = {expected})\u00a0; kappa de "
        "Cohen\u00a0: {kappa}",
    ),
    "reconcile.kappa_undefined": (
        "undefined (both assessors gave every competency the same verdict (chance agreement is 1))",
        "onbepaald (beide beoordelaars gaven elke competentie hetzelfde oordeel (toevallige "
        "overeenstemming is 1))",
        "indéfini (les deux évaluateurs ont donné le même verdict à chaque compétence (l'accord "
        "dû au hasard vaut 1))",
    ),
    "reconcile.signed_by": (
        "{name}: {assessor}, signed by {signer}",
        "{name}: {assessor}, ondertekend door {signer}",
        "{name}\u00a0: {assessor}, signé par {signer}",
    ),
    "reconcile.not_signed": (
        "{name}: {assessor}, not signed",
        "{name}: {assessor}, niet ondertekend",
        "{name}\u00a0: {assessor}, non signé",
    ),
    "reconcile.discuss_list": (
        "to discuss: {ids}",
        "te bespreken: {ids}",
        "à discuter\u00a0: {ids}",
    ),
    "reconcile.discuss_row": (
        "  {id}: A {a} ({comment_a}); B {b} ({comment_b})",
        "  {id}: A {a} ({comment_a}); B {b} ({comment_b})",
        "  {id}\u00a0: A {a} ({comment_a})\u00a0; B {b} ({comment_b})",
    ),
    "reconcile.written": (
        "decision written to {path}",
        "beslissing geschreven naar {path}",
        "décision écrite dans {path}",
    ),
    "reconcile.unwritable": (
        "{path} cannot be written ({why}).",
        "{path} kan niet geschreven worden ({why}).",
        "{path} ne peut pas être écrit ({why}).",
    ),
    "reconcile.unreadable": (
        "{path} cannot be read ({why}).",
        "{path} kan niet gelezen worden ({why}).",
        "{path} ne peut pas être lu ({why}).",
    ),
    "reconcile.other_log": (
        "{path} is not the log the verdicts judge: it hashes to {found}..., the verdicts name "
        "{named}...; give the exact log file the assessors saw.",
        "{path} is niet de log die de oordelen beoordelen: hij hasht naar {found}..., de "
        "oordelen noemen {named}...; geef de exacte log die de beoordelaars zagen.",
        "{path} n'est pas le journal que jugent les verdicts\u00a0: son empreinte est "
        "{found}..., les verdicts nomment {named}...\u00a0; donnez le fichier journal exact "
        "que les évaluateurs ont vu.",
    ),
    "verdict.proven": ("proven", "bewezen", "prouvé"),
    "verdict.not_proven": ("not_proven", "niet bewezen", "non prouvé"),
    "verdict.not_observed": ("not_observed", "niet waargenomen", "non observé"),
    "reconcile.to_discuss": (
        "{n} to discuss",
        "{n} te bespreken",
        "{n} à discuter",
    ),
    "mood.calm": ("calm", "kalm", "calme"),
    "mood.irritated": ("irritated", "geïrriteerd", "irrité"),
    "mood.angry": ("angry", "boos", "en colère"),
    # --- SOL ----------------------------------------------------------------
    "sol1.steps": (
        "'{case}' ({procedure}): {found} of {total:step|steps}, {order}; missing: {missing}",
        "'{case}' ({procedure}): {found} van {total:stap|stappen}, {order}; ontbreekt: {missing}",
        "«\u00a0{case}\u00a0» ({procedure})\u00a0: {found:étape|étapes} sur {total}, {order}\u00a0; manquant\u00a0: {missing}",
    ),
    "sol2.before": (
        "'{case}': article {article} opened at {at}, before the answer",
        "'{case}': artikel {article} geopend om {at}, vóór het antwoord",
        "«\u00a0{case}\u00a0»\u00a0: article {article} ouvert à {at}, avant la réponse",
    ),
    "sol2.after": (
        "'{case}': article {article} opened at {at}, only after the answer",
        "'{case}': artikel {article} pas geopend om {at}, na het antwoord",
        "«\u00a0{case}\u00a0»\u00a0: article {article} ouvert à {at}, seulement après la réponse",
    ),
    "sol2.no_answer": (
        "'{case}': article {article} opened at {at}, but no answer was ever given",
        "'{case}': artikel {article} geopend om {at}, maar er kwam nooit een antwoord",
        "«\u00a0{case}\u00a0»\u00a0: article {article} ouvert à {at}, mais aucune réponse n'a "
        "jamais été donnée",
    ),
    "sol2.never": (
        "'{case}': the article {article} was never opened",
        "'{case}': het artikel {article} werd nooit geopend",
        "«\u00a0{case}\u00a0»\u00a0: l'article {article} n'a jamais été ouvert",
    ),
    "sla.met": ("met, {margin} to spare", "gehaald, {margin} marge", "respecté, {margin} d'avance"),
    "sla.late": ("{late} late", "{late} te laat", "{late} de retard"),
    "sla.overdue": (
        "not given, {late} overdue",
        "niet gegeven, {late} over tijd",
        "non atteint, {late} de dépassement",
    ),
    "sla.running": (
        "still running, {left} left",
        "loopt nog, resterende tijd {left}",
        "en cours, {left} restant",
    ),
    "sol3.sla": (
        "{ticket} ({priority}): first response {first}; resolution {resolution}",
        "{ticket} ({priority}): eerste reactie {first}; oplossing {resolution}",
        "{ticket} ({priority})\u00a0: première réponse {first}\u00a0; résolution {resolution}",
    ),
    "sol3.update_missed": (
        "; update interval missed",
        "; update-interval gemist",
        "\u00a0; intervalle de mise à jour dépassé",
    ),
    "sol4.inversions": (
        "{n:priority inversion|priority inversions} in {actions:ticket action|ticket actions}",
        "{n:prioriteitsinversie|prioriteitsinversies} in {actions:ticketactie|ticketacties}",
        "{n:inversion|inversions} de priorité sur {actions:action|actions} de ticket",
    ),
    "sol4.none": (
        "No priority inversion in {actions:ticket action|ticket actions}",
        "Geen prioriteitsinversie in {actions:ticketactie|ticketacties}",
        "Aucune inversion de priorité sur {actions:action|actions} de ticket",
    ),
    "sol4.inversion": (
        "{ticket} ({priority}) worked on at {at} while {waiting} ({waiting_priority}) waited since {since}",
        "{ticket} ({priority}) behandeld om {at} terwijl {waiting} ({waiting_priority}) wachtte sinds {since}",
        "{ticket} ({priority}) traité à {at} alors que {waiting} ({waiting_priority}) attendait depuis {since}",
    ),
    "sol4.priority_ok": (
        "{ticket}: priority {priority}, as the answer key's impact and urgency give",
        "{ticket}: prioriteit {priority}, zoals impact en urgentie uit de antwoordsleutel geven",
        "{ticket}\u00a0: priorité {priority}, comme l'impact et l'urgence du corrigé",
    ),
    "sol4.priority_wrong": (
        "{ticket}: priority {priority}; the answer key's impact and urgency give {expected}",
        "{ticket}: prioriteit {priority}; impact en urgentie uit de antwoordsleutel geven {expected}",
        "{ticket}\u00a0: priorité {priority}\u00a0; l'impact et l'urgence du corrigé donnent {expected}",
    ),
    "sol5.acted": (
        "{ticket}: {group} replied at {at}; acted on after {after}",
        "{ticket}: {group} antwoordde om {at}; opgevolgd na {after}",
        "{ticket}\u00a0: {group} a répondu à {at}\u00a0; suivi après {after}",
    ),
    "sol5.ignored": (
        "{ticket}: {group} replied at {at}; not acted on",
        "{ticket}: {group} antwoordde om {at}; niet opgevolgd",
        "{ticket}\u00a0: {group} a répondu à {at}\u00a0; pas de suite donnée",
    ),
    "sol5.relayed": (
        "; the question was relayed to the customer",
        "; de vraag werd aan de klant doorgegeven",
        "\u00a0; la question a été relayée au client",
    ),
    "sol5.not_relayed": (
        "; the question was not relayed to the customer",
        "; de vraag werd niet aan de klant doorgegeven",
        "\u00a0; la question n'a pas été relayée au client",
    ),
    "sol5.checked": (
        "{ticket}: no reply from {group} yet; the candidate looked at the ticket again",
        "{ticket}: nog geen antwoord van {group}; de kandidaat bekeek het ticket opnieuw",
        "{ticket}\u00a0: pas encore de réponse de {group}\u00a0; le candidat a revu le ticket",
    ),
    "sol5.waiting": (
        "{ticket}: no reply from {group} yet; not looked at again",
        "{ticket}: nog geen antwoord van {group}; niet opnieuw bekeken",
        "{ticket}\u00a0: pas encore de réponse de {group}\u00a0; pas revu",
    ),
    "sol5.resolved_unescalated": (
        "{ticket}: resolved at {at} without a transfer; the answer key sends it to {group}",
        "{ticket}: om {at} opgelost zonder transfer; de antwoordsleutel stuurt het naar {group}",
        "{ticket}\u00a0: résolu à {at} sans transfert\u00a0; le corrigé l'envoie à {group}",
    ),
    "sol6.chased": (
        "{ticket}: {customer} chased for news at {at}, after {minutes} min without an update",
        "{ticket}: {customer} vroeg om {at} zelf naar nieuws, na {minutes} min zonder update",
        "{ticket}\u00a0: {customer} a relancé pour avoir des nouvelles à {at}, après {minutes}\u00a0min sans mise à jour",
    ),
    "sol6.chase_avoided": (
        "{ticket}: {n:update|updates} to {customer} before {minutes} min passed without one; no chase needed",
        "{ticket}: {n:update|updates} aan {customer} voor er {minutes} min zonder verstreken; geen herinnering nodig",
        "{ticket}\u00a0: {n:mise à jour|mises à jour} à {customer} avant {minutes}\u00a0min sans nouvelles\u00a0; aucune relance nécessaire",
    ),
    "sol6.kept": (
        "{ticket}: {n:update|updates} to the waiting customer ({news:request|requests} for news); interval kept",
        "{ticket}: {n:update|updates} aan de wachtende klant ({news:vraag|vragen} naar nieuws); interval gehaald",
        "{ticket}\u00a0: {n:mise à jour|mises à jour} au client en attente ({news:demande|demandes} de nouvelles)\u00a0; intervalle respecté",
    ),
    "sol6.missed": (
        "{ticket}: {n:update|updates} to the waiting customer ({news:request|requests} for news); interval missed",
        "{ticket}: {n:update|updates} aan de wachtende klant ({news:vraag|vragen} naar nieuws); interval gemist",
        "{ticket}\u00a0: {n:mise à jour|mises à jour} au client en attente ({news:demande|demandes} de nouvelles)\u00a0; intervalle dépassé",
    ),
    "how.key": ("the key's solution", "de oplossing uit de sleutel", "la solution du corrigé"),
    "how.alternative": (
        "an accepted alternative",
        "een aanvaard alternatief",
        "une alternative acceptée",
    ),
    "how.transfer": (
        "transfer to the right group",
        "transfer naar de juiste groep",
        "transfert au bon groupe",
    ),
    "how.article": (
        "resolved with an accepted article",
        "opgelost met een aanvaard artikel",
        "résolu avec un article accepté",
    ),
    "how.option": (
        "one of the possible solutions",
        "een van de mogelijke oplossingen",
        "une des solutions possibles",
    ),
    "sol7.given": (
        "'{case}': answer given at {at} ({how})",
        "'{case}': antwoord gegeven om {at} ({how})",
        "«\u00a0{case}\u00a0»\u00a0: réponse donnée à {at} ({how})",
    ),
    "sol7.not_given": (
        "'{case}': the answer key's solution was not given",
        "'{case}': de oplossing uit de antwoordsleutel werd niet gegeven",
        "«\u00a0{case}\u00a0»\u00a0: la solution du corrigé n'a pas été donnée",
    ),
    "sol8.fits": (
        "'{case}': chose '{option}', the solution that fits ({why})",
        "'{case}': koos '{option}', de passende oplossing ({why})",
        "«\u00a0{case}\u00a0»\u00a0: a choisi «\u00a0{option}\u00a0», la solution adaptée ({why})",
    ),
    "sol8.misfit": (
        "'{case}': chose '{option}'; '{fitting}' fits the urgency and impact ({why})",
        "'{case}': koos '{option}'; '{fitting}' past bij de urgentie en impact ({why})",
        "«\u00a0{case}\u00a0»\u00a0: a choisi «\u00a0{option}\u00a0»\u00a0; «\u00a0{fitting}\u00a0» convient à l'urgence et à l'impact ({why})",
    ),
    "sol8.none": (
        "'{case}': none of the possible solutions was given ('{fitting}' fits)",
        "'{case}': geen van de mogelijke oplossingen werd gegeven ('{fitting}' past)",
        "«\u00a0{case}\u00a0»\u00a0: aucune des solutions possibles n'a été donnée («\u00a0{fitting}\u00a0» convient)",
    ),
    "flag.summary": (
        "Flag '{flag}': {reason}",
        "Markering '{flag}': {reason}",
        "Signal «\u00a0{flag}\u00a0»\u00a0: {reason}",
    ),
    # --- the simulation's flags: their names and reasons (details.key) --------
    "flag.name.clarifying_question": (
        "clarifying question",
        "verhelderende vraag",
        "question de clarification",
    ),
    "flag.name.paraphrase": ("paraphrase", "parafrase", "reformulation"),
    "flag.name.interruption": ("interruption", "onderbreking", "interruption"),
    "flag.name.jargon": ("jargon", "jargon", "jargon"),
    "flag.name.relayed_question": ("relayed question", "doorgegeven vraag", "question relayée"),
    "flag.reason.question": (
        "asked a question: {quote}",
        "stelde een vraag: {quote}",
        "a posé une question\u00a0: {quote}",
    ),
    "flag.reason.question.reveals": (
        "revealed hidden fact {facts}: {quote}",
        "bracht verborgen feit {facts} aan het licht: {quote}",
        "a fait apparaître le fait caché {facts}\u00a0: {quote}",
    ),
    "flag.reason.paraphrase": (
        "restates {n} of the customer's words ({words})",
        "herhaalt {n:woord|woorden} van de klant ({words})",
        "reprend {n:mot|mots} du client ({words})",
    ),
    "flag.reason.paraphrase.facts": (
        "restates {n} of the customer's words ({words}); key facts {facts}",
        "herhaalt {n:woord|woorden} van de klant ({words}); kernfeiten {facts}",
        "reprend {n:mot|mots} du client ({words})\u00a0; faits clés {facts}",
    ),
    "flag.reason.interruption.typing": (
        "sent while the customer was still typing ({seconds} s left)",
        "verstuurd terwijl de klant nog typte (nog {seconds} s)",
        "envoyé pendant que le client écrivait encore (encore {seconds}\u00a0s)",
    ),
    "flag.reason.interruption.speaking": (
        "sent while the customer was still speaking ({seconds} s left)",
        "verstuurd terwijl de klant nog sprak (nog {seconds} s)",
        "envoyé pendant que le client parlait encore (encore {seconds}\u00a0s)",
    ),
    "flag.reason.jargon": (
        "jargon to a novice: {terms}",
        "jargon tegen een beginner: {terms}",
        "jargon face à un novice\u00a0: {terms}",
    ),
    "flag.reason.relayed": (
        "relayed the {group} question to the customer (matched '{pattern}')",
        "gaf de vraag van groep {group} door aan de klant ('{pattern}' gevonden)",
        "a relayé au client la question du groupe {group} («\u00a0{pattern}\u00a0» trouvé)",
    ),
    # --- reports -------------------------------------------------------------
    "report.title": (
        "Assessment evidence",
        "Bewijsmateriaal voor de beoordeling",
        "Éléments de preuve pour l'évaluation",
    ),
    "report.notice": (
        "Evidence only, measured from the log: the two assessors decide each competency. "
        "Numbers in brackets are log records (seq) to look at.",
        "Enkel bewijsmateriaal, gemeten uit de log: de twee beoordelaars beslissen over elke "
        "competentie. Getallen tussen haakjes zijn records (seq) om na te kijken.",
        "Éléments de preuve mesurés dans le journal uniquement\u00a0: les deux évaluateurs décident de "
        "chaque compétence. Les nombres entre crochets sont les enregistrements (seq) à consulter.",
    ),
    "report.unverified": ("UNVERIFIED", "NIET GEVERIFIEERD", "NON VÉRIFIÉ"),
    "report.unverified_why": (
        "UNVERIFIED: {why} Nothing here counts as exam evidence.",
        "NIET GEVERIFIEERD: {why} Niets hiervan telt als examenbewijs.",
        "NON VÉRIFIÉ\u00a0: {why} Rien ici ne vaut preuve d'examen.",
    ),
    "report.no_answer_key": (
        "No answer key: the scenario was not available, so answer-key items are missing.",
        "Geen antwoordsleutel: het scenario was niet beschikbaar, dus items uit de sleutel ontbreken.",
        "Pas de corrigé\u00a0: le scénario n'était pas disponible, les éléments du corrigé manquent.",
    ),
    "label.candidate": ("Candidate", "Kandidaat", "Candidat"),
    "label.scenario": ("Scenario", "Scenario", "Scénario"),
    "label.session": ("Session", "Sessie", "Session"),
    "label.mode": ("Mode", "Modus", "Mode"),
    "mode.practice": ("practice", "oefenen", "entraînement"),
    "mode.exam": ("exam", "examen", "examen"),
    "ended.completed": ("completed", "voltooid", "terminée"),
    "ended.time-up": ("time up", "tijd om", "temps écoulé"),
    "ended.proctor-stopped": (
        "stopped by the proctor",
        "gestopt door de toezichter",
        "arrêtée par le surveillant",
    ),
    "ended.handed-in": ("handed in", "ingeleverd", "remis"),
    "ended.interrupted": ("interrupted", "onderbroken", "interrompue"),
    "label.exam_time": ("Exam time", "Examentijd", "Durée d'examen"),
    "label.practice_time": ("Practice time", "Oefentijd", "Durée d'entraînement"),
    "label.records": ("Events", "Gebeurtenissen", "Événements"),
    "label.log": ("Log", "Log", "Journal"),
    "label.verification": ("Verification", "Verificatie", "Vérification"),
    "label.generated": ("Generated", "Aangemaakt", "Généré"),
    "label.key": ("Signed by", "Ondertekend door", "Signé par"),
    "keykind.per-session": (
        "per-session",
        "eigen sleutel van de sessie",
        "clé propre à la session",
    ),
    "keykind.exam-centre": (
        "exam-centre",
        "sleutel van het examencentrum",
        "clé du centre d'examen",
    ),
    "not_exam.per-session": (
        "CANNOT COUNT AS AN EXAM LOG: it is signed with its own per-session practice key, "
        "not with an exam centre's key.",
        "KAN NIET ALS EXAMENLOG TELLEN: het is ondertekend met een eigen oefensleutel van "
        "de sessie, niet met de sleutel van een examencentrum.",
        "NE PEUT PAS COMPTER COMME JOURNAL D'EXAMEN\u00a0: il est signé avec une clé "
        "d'entraînement propre à la session, non avec la clé d'un centre d'examen.",
    ),
    "not_exam.format-1": (
        "CANNOT COUNT AS AN EXAM LOG: format 1, its checkpoints are signed with the exam-centre "
        "key itself (no forward security), so whoever held that key could have re-signed it. "
        "Its integrity was checked all the same.",
        "KAN NIET ALS EXAMENLOG TELLEN: formaat 1, de controlepunten zijn ondertekend met "
        "de sleutel van het examencentrum zelf (geen voorwaartse beveiliging), dus wie die "
        "sleutel had, kon het opnieuw ondertekenen. De integriteit werd toch nagekeken.",
        "NE PEUT PAS COMPTER COMME JOURNAL D'EXAMEN\u00a0: format 1, ses points de contrôle "
        "sont signés avec la clé du centre d'examen elle-même (sans sécurité persistante), "
        "donc quiconque détenait cette clé a pu le signer à nouveau. Son intégrité a tout de "
        "même été vérifiée.",
    ),
    "label.language_layer": ("Language layer", "Taallaag", "Couche linguistique"),
    "layer.same": (
        "{layer}, as during the exam",
        "{layer}, dezelfde als tijdens het examen",
        "{layer}, la même que pendant l'examen",
    ),
    "layer.differs": (
        "{layer}; the exam ran with {exam}: the customers may have read some words differently",
        "{layer}; het examen liep met {exam}: de klanten kunnen sommige woorden anders gelezen hebben",
        "{layer}\u00a0; l'examen a tourné avec {exam}\u00a0: les clients ont pu lire certains mots autrement",
    ),
    "layer.exam_unknown": (
        "{layer} (the log does not say which one the exam ran with)",
        "{layer} (de log zegt niet met welke het examen liep)",
        "{layer} (le journal ne dit pas avec laquelle l'examen a tourné)",
    ),
    # a practice log's layer is compared with the practice's, not an exam's (bugs22's walk)
    "layer.same.practice": (
        "{layer}, as during the practice",
        "{layer}, dezelfde als tijdens het oefenen",
        "{layer}, la même que pendant l'entraînement",
    ),
    "layer.differs.practice": (
        "{layer}; the practice ran with {exam}: the customers may have read some words differently",
        "{layer}; het oefenen liep met {exam}: de klanten kunnen sommige woorden anders gelezen hebben",
        "{layer}\u00a0; l'entraînement a tourné avec {exam}\u00a0: les clients ont pu lire certains mots autrement",
    ),
    "layer.exam_unknown.practice": (
        "{layer} (the log does not say which one the practice ran with)",
        "{layer} (de log zegt niet met welke het oefenen liep)",
        "{layer} (le journal ne dit pas avec laquelle l'entraînement a tourné)",
    ),
    "label.hints": ("Hints used", "Gebruikte hints", "Indices utilisés"),
    "label.ended": ("Ended", "Beëindigd", "Fin"),
    "label.of": ("{used} of {total}", "{used} van {total}", "{used} sur {total}"),
    "verify.ok": ("intact and sealed", "intact en verzegeld", "intact et scellé"),
    "verify.unsealed": (
        "intact but not sealed",
        "intact maar niet verzegeld",
        "intact mais non scellé",
    ),
    "verify.bad": ("FAILED", "MISLUKT", "ÉCHEC"),
    "verify.skipped": ("not verified", "niet geverifieerd", "non vérifié"),
    "section.competencies": ("Competencies", "Competenties", "Compétences"),
    "section.sla": ("SLA per ticket", "SLA per ticket", "SLA par ticket"),
    "section.timeline": ("SLA timeline", "SLA-tijdlijn", "Chronologie SLA"),
    "section.latency": (
        "Reply latency per conversation",
        "Antwoordtijd per gesprek",
        "Délai de réponse par conversation",
    ),
    "section.inversions": ("Priority inversions", "Prioriteitsinversies", "Inversions de priorité"),
    "section.moods": ("Customer moods", "Stemming van de klanten", "Humeur des clients"),
    "section.details": (
        "Evidence per competency",
        "Bewijs per competentie",
        "Preuves par compétence",
    ),
    "col.id": ("Id", "Id", "Id"),
    "col.competency": ("Competency", "Competentie", "Compétence"),
    "col.evidence": ("Evidence", "Bewijs", "Preuves"),
    "col.for": ("for", "voor", "pour"),
    "col.against": ("against", "tegen", "contre"),
    "col.judge": ("to judge", "te beoordelen", "à juger"),
    "col.headline": ("First finding", "Eerste vaststelling", "Premier constat"),
    "col.ticket": ("Ticket", "Ticket", "Ticket"),
    "col.priority": ("Prio", "Prio", "Prio"),
    "col.arrival": ("Arrival", "Binnen", "Arrivée"),
    "col.first_response": ("First response", "Eerste reactie", "1re réponse"),
    "col.transfer": ("Transfer", "Transfer", "Transfert"),
    "col.resolution": ("Resolution", "Oplossing", "Résolution"),
    "col.result": ("Result", "Resultaat", "Résultat"),
    "col.conversation": ("Conversation", "Gesprek", "Conversation"),
    "col.customer": ("Customer", "Klant", "Client"),
    "col.waits": ("Waits", "Wachttijden", "Attentes"),
    "col.median": ("Median", "Mediaan", "Médiane"),
    "col.longest": ("Longest", "Langste", "Max"),
    "col.limit": ("Limit", "Grens", "Limite"),
    "col.over": ("Over limit", "Boven grens", "Hors limite"),
    "col.busy": ("While busy", "Terwijl bezig", "En charge"),
    "col.at": ("At", "Om", "À"),
    "col.worked_on": ("Worked on", "Behandeld", "Traité"),
    "col.waiting": ("Waiting", "Wachtend", "En attente"),
    "col.since": ("Since", "Sinds", "Depuis"),
    "col.moods": ("Mood over time", "Stemming doorheen de tijd", "Humeur au fil du temps"),
    "col.records": ("Records", "Records", "Enreg."),
    "col.student": ("Student", "Student", "Étudiant"),
    "col.sla_met": ("SLA met", "SLA gehaald", "SLA respecté"),
    "col.median_reply": ("Median reply", "Mediaan antwoord", "Réponse médiane"),
    "status.favourable": ("speaks for", "pleit voor", "favorable"),
    "status.mixed": ("mixed", "gemengd", "mitigé"),
    "status.unfavourable": ("speaks against", "pleit tegen", "défavorable"),
    "status.to_confirm": ("to judge", "te beoordelen", "à juger"),
    "status.not_observed": ("not observed", "niet waargenomen", "non observé"),
    "result.met": ("met", "gehaald", "respecté"),
    "result.breached": ("breached", "overschreden", "dépassé"),
    "result.running": ("running", "loopt", "en cours"),
    "legend.arrival": ("arrival", "binnenkomst", "arrivée"),
    "legend.first_response": ("first response", "eerste reactie", "première réponse"),
    "legend.transfer": ("transfer", "transfer", "transfert"),
    "legend.resolution": ("resolution", "oplossing", "résolution"),
    "legend.fr_deadline": (
        "first-response deadline",
        "termijn eerste reactie",
        "échéance 1re réponse",
    ),
    "legend.res_deadline": ("resolution deadline", "termijn oplossing", "échéance résolution"),
    "legend.update_deadline": ("update deadline", "termijn update", "échéance mise à jour"),
    "timeline.update_due": (
        "update due {at}: {result}",
        "update nodig om {at}: {result}",
        "mise à jour due à {at}\u00a0: {result}",
    ),
    "legend.paused": ("clock paused", "klok gepauzeerd", "horloge en pause"),
    "legend.late": ("red: late", "rood: te laat", "rouge\u00a0: en retard"),
    "class.title": ("Class overview", "Klasoverzicht", "Vue d'ensemble de la classe"),
    "class.refused": (
        "log refused: {why}",
        "log geweigerd: {why}",
        "journal refusé\u00a0: {why}",
    ),
    "class.refused_of": (
        "log of {student} refused: {why}",
        "log van {student} geweigerd: {why}",
        "journal de {student} refusé\u00a0: {why}",
    ),
    "class.refused_mark": ("refused", "geweigerd", "refusé"),
    "class.claimed": (
        "‼ {n:log claims|logs claim} student {student}: {logs}",
        "‼ {n:log gebruikt|logs gebruiken} student {student}: {logs}",
        "‼ {n:journal utilise|journaux utilisent} l'identifiant de l'étudiant {student}\u00a0: {logs}",
    ),
    "class.legend": (
        "+ speaks for, - speaks against, ± mixed, ? to judge, · not observed",
        "+ pleit voor, - pleit tegen, ± gemengd, ? te beoordelen, · niet waargenomen",
        "+ favorable, - défavorable, ± mitigé, ? à juger, · non observé",
    ),
}


T.update(INTEGRITY_TEXTS)
T.update(PROBLEM_TEXTS)
T.update(SESSION_TEXTS)
T.update(
    {
        # French puts a no-break space before : ; ? ! (the UI's `labelled` does the same)
        "join.semicolon": ("; ", "; ", "\u00a0; "),
        "join.labelled": ("{label}: {value}", "{label}: {value}", "{label}\u00a0: {value}"),
    }
)


PLURAL_RULES: dict[str, Callable[[float], bool]] = {
    "en": lambda n: n != 1,
    "nl": lambda n: n != 1,
    "fr": lambda n: n > 1,
}
"""Whether a count takes the plural form: the UI catalogue's rules (`catalog.PLURAL_FORMS`);
French counts 0 and 1 as one ("0 recherche", "1 recherche", "2 recherches")."""


class _Counting(string.Formatter):
    """Formats `{n:one|other}` as the count and its noun in the form the count takes."""

    def __init__(self, lang: str) -> None:
        self.plural = PLURAL_RULES.get(lang, PLURAL_RULES["en"])

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" not in format_spec:
            return super().format_field(value, format_spec)
        one, other = format_spec.split("|", 1)
        many = not isinstance(value, int | float) or self.plural(value)
        return f"{value} {other if many else one}"


_COUNTING = {lang: _Counting(lang) for lang in LANGUAGES}


def channel_name(lang: str, channel: str) -> str:
    """How a report names a channel ("(call)" was left in English in the Dutch and French
    reports, qa-play9); an unknown one as it is."""
    key = f"channel.{channel}"
    return tr(lang, key) if key in T else channel


def tr(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (English for an unknown language), filled in.

    A count's field names its noun's two forms, `{n:search|searches}`, and comes out as
    "1 search" or "2 searches" by the language's plural rule (French: "1 recherche").
    """
    texts = T[key]
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    text = texts[index]
    if not values:
        return text
    text = _unquoted_fields(text, values)
    if "|" in text:
        return _COUNTING[LANGUAGES[index]].vformat(text, (), values)
    return text.format(**values)


_QUOTES = ("'", "\u2018", "\u2019", '"', "\u201c", "«")


def _unquoted_fields(text: str, values: dict[str, object]) -> str:
    """A field the template quotes ('{case}', « {case} ») whose value already starts with a
    quote is left unquoted: a case titled "'Mijn pc wil niet opstarten': ..." was shown
    "''Mijn pc wil niet opstarten' ...'" (qa-sitting10)."""
    for name, value in values.items():
        if isinstance(value, str) and value.startswith(_QUOTES):
            field = "{" + name + "}"
            text = text.replace(f"'{field}'", field).replace(f"«\u00a0{field}\u00a0»", field)
    return text


def not_an_exam_banner(reason: str | None, lang: str) -> str | None:
    """Why a log cannot count as an exam log (`VerifyResult.not_an_exam_reason`), in `lang`;
    the English is `verify`'s, word for word."""
    key = f"not_exam.{reason}"
    return tr(lang, key) if key in T else None


def key_shown(key: str, lang: str) -> str:
    """The report's "Signed by" value, "fingerprint (kind)", with the kind in `lang`."""
    fingerprint, _, kind = key.rpartition(" (")
    label = f"keykind.{kind.removesuffix(')')}"
    if not fingerprint or not kind.endswith(")") or label not in T:
        return key
    return f"{fingerprint} ({tr(lang, label)})"


def flag_name(flag: str, lang: str) -> str:
    """A simulation flag's name in `lang` (the log's name when it has no wording)."""
    key = f"flag.name.{flag}"
    return tr(lang, key) if key in T else flag


def flag_reason(flag: dict[str, object], lang: str) -> str:
    """A flag's reason in `lang`, from its `details`; a log without them keeps its English."""
    details = flag.get("details")
    key = f"flag.reason.{details.get('key')}" if isinstance(details, dict) else ""
    if key not in T:
        return str(flag.get("reason", ""))
    values = {k: v for k, v in details.items() if k != "key"}
    if isinstance(values.get("seconds"), int | float):
        seconds = f"{values['seconds']:.1f}"
        values["seconds"] = seconds if lang == "en" else seconds.replace(".", ",")
    try:
        return tr(lang, key, **values)
    except (KeyError, IndexError):
        return str(flag.get("reason", ""))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def short(text: str, limit: int = 90) -> str:
    """One line of at most `limit` characters: a quote in a summary, not the whole text."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


DURATIONS: dict[str, tuple[str, str, str]] = {
    "en": ("{s}s", "{m}m{s:02d}s", "{h}h{m:02d}m"),
    "nl": ("{s}s", "{m}m{s:02d}s", "{h}u{m:02d}m"),
    "fr": ("{s}\u00a0s", "{m}\u00a0min\u00a0{s:02d}\u00a0s", "{h}\u00a0h\u00a0{m:02d}\u00a0min"),
}
"""A duration's forms (seconds; minutes and seconds; hours and minutes) in each language:
French puts a (no-break) space before its units and writes "min" ("après 18s d'arrêt" in
bugs13's French report), Dutch writes the hour "u"."""


def duration(seconds: float, lang: str = "en") -> str:
    """A span of exam time people read at a glance: 45s, 4m05s, 1h02m (in `lang`'s units:
    French 45 s, 4 min 05 s, 1 h 02 min; Dutch 1u02m)."""
    sign = "-" if seconds < 0 else ""
    whole = int(round(abs(seconds)))
    short, middle, long = DURATIONS.get(lang, DURATIONS["en"])
    if whole < 60:
        return sign + short.format(s=whole)
    if whole < 3600:
        return sign + middle.format(m=whole // 60, s=whole % 60)
    return sign + long.format(h=whole // 3600, m=whole % 3600 // 60)


PERCENT: dict[str, str] = {"en": "{p}%", "nl": "{p}%", "fr": "{p}\u00a0%"}
"""A share in each language: French puts a no-break space before "%" as before its other
units and its colon (U+00A0, which every terminal font has; bugs19)."""


def percent(share: float, lang: str = "en") -> str:
    """`share` (0..1) as a whole percentage in `lang`'s typography: 80%, French 80 %."""
    return PERCENT.get(lang, PERCENT["en"]).format(p=f"{share * 100:.0f}")


def clock(seconds: float) -> str:
    """A moment on the exam clock, h:mm:ss (negative: before the exam started)."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
