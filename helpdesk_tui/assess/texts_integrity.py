"""The assessment's words for the rules that ask whether the job was done (`integrity.py`).

Kept apart from `texts.py` so the table of the older items stays readable;
`texts.py` folds these in, and its test checks the placeholders agree in all
three languages, as for every entry.
"""

from __future__ import annotations

T: dict[str, tuple[str, str, str]] = {
    "detail.scattershot": (
        "Article views in quick succession (5 or more articles, each within 30 s of the last): "
        "no one reads that fast, so none of them counts as looking the answer up.",
        "Artikels snel na elkaar geopend (5 of meer, telkens binnen 30 s): zo snel leest "
        "niemand, dus geen ervan telt als het antwoord opzoeken.",
        "Articles ouverts en rafale (5 ou plus, chacun à moins de 30\u00a0s du précédent)\u00a0: "
        "personne ne lit si vite, aucun ne compte comme recherche de la réponse.",
    ),
    "detail.wrong_recipient": (
        "A message to one customer that names another case's customer, ticket or detail.",
        "Een bericht aan een klant dat de klant, het ticket of een gegeven van een andere zaak noemt.",
        "Un message à un client qui nomme le client, le ticket ou un détail d'un autre dossier.",
    ),
    "scatter.burst": (
        "{n:article|articles} opened between {start} and {end}: scattershot, not credited",
        "{n:artikel|artikels} geopend tussen {start} en {end}: lukraak, niet meegeteld",
        "{n:article ouvert|articles ouverts} entre {start} et {end}\u00a0: au hasard, non comptés",
    ),
    "wrong.named": (
        "message to {customer} names '{named}' of case {other}: meant for someone else",
        "bericht aan {customer} noemt '{named}' van zaak {other}: voor iemand anders bedoeld",
        "message à {customer} qui nomme «\u00a0{named}\u00a0» du dossier {other}\u00a0: destiné à un autre",
    ),
    "how.stuffed": (
        "text pasted from several KB articles (not credited)",
        "tekst uit meerdere KB-artikels geplakt (niet meegeteld)",
        "texte collé de plusieurs articles KB (non compté)",
    ),
    "how.several": (
        "several options at once (not credited)",
        "meerdere opties tegelijk (niet meegeteld)",
        "plusieurs options à la fois (non compté)",
    ),
    "how.echo": (
        "the customer's own words repeated (not credited)",
        "de eigen woorden van de klant herhaald (niet meegeteld)",
        "les mots du client répétés (non compté)",
    ),
    "how.wrong_recipient": (
        "in a message meant for another customer (not credited)",
        "in een bericht voor een andere klant (niet meegeteld)",
        "dans un message destiné à un autre client (non compté)",
    ),
    "how.titled": (
        "only in the title of an article named (not credited)",
        "alleen in de titel van een genoemd artikel (niet meegeteld)",
        "seulement dans le titre d'un article nommé (non compté)",
    ),
    "how.not_followed": (
        "the customer said at once they did not follow it (not credited)",
        "de klant zei meteen dat die het niet volgde (niet meegeteld)",
        "le client a dit aussitôt ne pas suivre (non compté)",
    ),
    "sim1.answer_not_followed": (
        "Call {conv}: the answer told at {at}, the caller said they did not follow it, "
        "and it was not told again in the call",
        "Gesprek {conv}: het antwoord verteld om {at}, de beller zei het niet te volgen, "
        "en het werd in het gesprek niet opnieuw verteld",
        "Appel {conv}\u00a0: réponse dite à {at}, l'appelant a dit ne pas suivre, "
        "et elle n'a pas été redite pendant l'appel",
    ),
    "sol7.judge": (
        "{case}: the key's words only in a message that cannot count: {how} at {at}",
        "{case}: de woorden van de sleutel alleen in een bericht dat niet telt: {how} om {at}",
        "{case}\u00a0: les mots du corrigé seulement dans un message qui ne compte pas\u00a0: {how} à {at}",
    ),
    "sol8.judge": (
        "{case}: {how} at {at}; no single option was chosen (fitting: {fitting})",
        "{case}: {how} om {at}; geen enkele optie gekozen (passend: {fitting})",
        "{case}\u00a0: {how} à {at}\u00a0; aucune option choisie (adaptée\u00a0: {fitting})",
    ),
    "sol8.early": (
        "; given before the customer had told {facts} (chosen without knowing the case: to judge)",
        "; gegeven voordat de klant {facts} had verteld (gekozen zonder de zaak te kennen: te beoordelen)",
        "\u00a0; donnée avant que le client ait dit {facts} (choisie sans connaître le cas\u00a0: à juger)",
    ),
    "sol3.unsolved": (
        "; resolved without the answer reaching the customer",
        "; opgelost zonder dat het antwoord de klant bereikte",
        "\u00a0; résolu sans que la réponse parvienne au client",
    ),
    "sol3.parked_unasked": (
        "; pending on the customer at {at} without a question to them",
        "; om {at} in afwachting van de klant gezet zonder iets te vragen",
        "\u00a0; mis en attente du client à {at} sans rien lui demander",
    ),
    "sol3.parked_no_group": (
        "; pending on a third party at {at} while no group had it",
        "; om {at} in afwachting van derden gezet terwijl geen groep het had",
        "\u00a0; mis en attente d'un tiers à {at} sans qu'aucun groupe l'ait",
    ),
    "sol3.parked_sent_back": (
        "; pending on a third party at {at} after {group} had sent it back",
        "; om {at} in afwachting van derden gezet nadat {group} het had teruggestuurd",
        "\u00a0; mis en attente d'un tiers à {at} après que {group} l'a renvoyé",
    ),
    "sol3.parked_more": (
        ", and {n:more time|more times}",
        ", en nog {n:keer|keer}",
        ", et {n:autre fois|autres fois}",
    ),
    "sol3.parked_cause": (
        ": clocks stopped without cause",
        ": klokken zonder reden stilgezet",
        "\u00a0: horloges arrêtées sans motif",
    ),
    "sol5.bounced": (
        "{ticket}: {group} sent it back (wrong transfer) at {at}; nothing after counts",
        "{ticket}: {group} stuurde het terug (verkeerde overdracht) om {at}; niets daarna telt",
        "{ticket}\u00a0: {group} l'a renvoyé (mauvais transfert) à {at}\u00a0; rien ensuite ne compte",
    ),
    "sol5.passed_on": (
        "{ticket}: {group} replied at {at}; passed on to the customer: {relayed}; ticket updated: "
        "{updated}",
        "{ticket}: {group} antwoordde om {at}; doorgegeven aan de klant: {relayed}; ticket "
        "bijgewerkt: {updated}",
        "{ticket}\u00a0: {group} a répondu à {at}\u00a0; transmis au client\u00a0: {relayed}\u00a0; ticket mis à "
        "jour\u00a0: {updated}",
    ),
    "sol6.news": (
        "{ticket}: {n:update|updates} with news to {customer} ({plain} without news); update interval "
        "{kept}",
        "{ticket}: {n:update|updates} met nieuws aan {customer} ({plain} zonder nieuws); "
        "update-interval {kept}",
        "{ticket}\u00a0: {n:point|points} avec des nouvelles à {customer} ({plain} sans nouvelles)\u00a0; "
        "intervalle {kept}",
    ),
    "label.rules": ("Evidence rules", "Bewijsregels", "Règles de preuve"),
    "rules.line": (
        "{version} (sha256 {hash}); language layer {layer_version} (sha256 {layer_hash})",
        "{version} (sha256 {hash}); taallaag {layer_version} (sha256 {layer_hash})",
        "{version} (sha256 {hash})\u00a0; couche linguistique {layer_version} (sha256 {layer_hash})",
    ),
    "detail.childish": (
        "The glossary's plain explanations (meant for beginners) in what an expert customer was "
        "told: needlessly childish.",
        "De eenvoudige uitleg uit de woordenlijst (voor beginners) in wat een expert-klant te "
        "horen kreeg: onnodig kinderlijk.",
        "Les explications simples du glossaire (pour débutants) dans ce qu'on a dit à un client "
        "expert\u00a0: inutilement puéril.",
    ),
    "com5.childish": (
        "'{case}' ({customer}, expert): {n} of {sent:message|messages} explain {terms} as to a beginner",
        "'{case}' ({customer}, expert): {n} van {sent:bericht|berichten} leggen {terms} uit als aan een "
        "beginner",
        "«\u00a0{case}\u00a0» ({customer}, expert)\u00a0: sur {sent:message|messages}, {n:explique|expliquent} {terms} "
        "comme à un débutant",
    ),
    "com5.expert_none": (
        "'{case}' ({customer}, expert): no beginner's explanations in {sent:message|messages}",
        "'{case}' ({customer}, expert): geen uitleg voor beginners in {sent:bericht|berichten}",
        "«\u00a0{case}\u00a0» ({customer}, expert)\u00a0: aucune explication pour débutant dans {sent:message|messages}",
    ),
    "yes": ("yes", "ja", "oui"),
    "no": ("no", "nee", "non"),
    "sol6.bounced": (
        "; against: {group} sent the ticket back (not theirs) and it was closed without going to "
        "another group: the updates told of a handling that never happened",
        "; tegen: {group} stuurde het ticket terug (niet voor hen) en het werd afgesloten zonder "
        "naar een andere groep te gaan: de updates meldden een behandeling die er nooit was",
        "\u00a0; contre\u00a0: {group} a renvoyé le ticket (pas pour eux) et il a été clôturé sans "
        "passer à un autre groupe\u00a0: les points annonçaient un traitement qui n'a jamais eu lieu",
    ),
    "sol6.untold": (
        "; against: {group}'s answer was never passed on to the customer before the ticket was "
        "closed: told that someone had it, never told what came of it",
        "; tegen: het antwoord van {group} werd de klant nooit doorgegeven voor het ticket werd "
        "afgesloten: gehoord dat iemand ermee bezig was, nooit wat het opleverde",
        "\u00a0; contre\u00a0: la réponse de {group} n'a jamais été transmise au client avant la "
        "clôture du ticket\u00a0: on lui a dit que quelqu'un s'en occupait, jamais ce qu'il en est "
        "sorti",
    ),
    "sol6.kept_word": ("kept", "gehaald", "respecté"),
    "sol6.missed_word": ("missed", "gemist", "manqué"),
    "com1.greeting_template": (
        "; the greeting was a template sent to {n:customer|customers} (not credited)",
        "; de begroeting was een sjabloon aan {n:klant|klanten} (niet meegeteld)",
        "\u00a0; la salutation était un modèle envoyé à {n:client|clients} (non comptée)",
    ),
    "com4.echo": (
        "{case}: the customer's words copied back ('{words}'): an echo, not a restatement",
        "{case}: de woorden van de klant teruggekopieerd ('{words}'): een echo, geen herformulering",
        "{case}\u00a0: les mots du client recopiés («\u00a0{words}\u00a0»)\u00a0: un écho, pas une reformulation",
    ),
    "com4.restate": (
        "{case}: facts restated in the candidate's own words ({facts}) [{rule}]",
        "{case}: feiten in eigen woorden herhaald ({facts}) [{rule}]",
        "{case}\u00a0: faits reformulés avec ses propres mots ({facts}) [{rule}]",
    ),
    "com4.template": (
        "{case}: the restatement was a template sent to {n:customer|customers}",
        "{case}: de herformulering was een sjabloon aan {n:klant|klanten}",
        "{case}\u00a0: la reformulation était un modèle envoyé à {n:client|clients}",
    ),
    "com6.worse": (
        "; worse than at the start ({start}): calmed only part of the way (not credited)",
        "; slechter dan bij het begin ({start}): maar gedeeltelijk gekalmeerd (niet meegeteld)",
        "\u00a0; moins bien qu'au début ({start})\u00a0: calmé en partie seulement (non compté)",
    ),
    "com6.stock": (
        "; calmed only by stock or template phrases (not credited)",
        "; alleen gekalmeerd met standaardzinnen of sjablonen (niet meegeteld)",
        "\u00a0; calmé seulement par des phrases toutes faites (non compté)",
    ),
    "com6.formula": (
        "; calmed only by empathy the candidate also said to {n} of {calm} calm customers "
        "(said whatever the mood: not counted)",
        "; alleen gekalmeerd met empathie die ook naar {n} van {calm} kalme klanten ging "
        "(gezegd ongeacht de stemming: niet meegeteld)",
        "\u00a0; calmé seulement par une empathie dite aussi à {n:client calme|clients calmes} sur {calm} "
        "(dite quelle que soit l'humeur\u00a0: non comptée)",
    ),
    "data4.documentation": (
        "; the resolution does not document this case: {why}",
        "; de oplossing documenteert deze zaak niet: {why}",
        "\u00a0; la résolution ne documente pas ce dossier\u00a0: {why}",
    ),
    "data4.why_kb": (
        "text pasted from KB articles ({articles})",
        "tekst uit KB-artikels geplakt ({articles})",
        "texte collé d'articles KB ({articles})",
    ),
    "data4.why_pasted": (
        "{pct}% of it pasted from an article or from the ticket and the customer's own words",
        "{pct}% ervan geplakt uit een artikel of uit het ticket en de woorden van de klant",
        "{pct}\u00a0% collés d'un article ou du ticket et des mots du client",
    ),
    "data4.why_template": (
        "the same resolution on {n:ticket|tickets}",
        "dezelfde oplossing op {n:ticket|tickets}",
        "la même résolution sur {n:ticket|tickets}",
    ),
    "data4.why_frame": (
        "one frame of words on {n:ticket|tickets}, with only the ids, names, times, articles and "
        "groups filled in: it says nothing of this case",
        "één kader van woorden op {n:ticket|tickets}, met enkel de nummers, namen, tijden, artikels "
        "en groepen ingevuld: het zegt niets over dit geval",
        "un même cadre de mots sur {n:ticket|tickets}, où seuls les numéros, noms, heures, articles "
        "et groupes changent\u00a0: il ne dit rien de ce cas",
    ),
    "rote.unengaged": (
        "; to judge: the candidate's messages on this contact never took up its case (no hidden "
        "fact drawn by a question of their own, no step of its solution in their own words, no "
        "transfer to its group)",
        "; te beoordelen: de berichten van de kandidaat in dit contact gingen nooit op de zaak in "
        "(geen verborgen gegeven met een eigen vraag achterhaald, geen stap van de oplossing in "
        "eigen woorden, geen transfer naar de juiste groep)",
        "\u00a0; à juger\u00a0: les messages du candidat dans ce contact n'ont jamais abordé son "
        "dossier (aucun fait caché obtenu par une question de sa part, aucune étape de la "
        "solution dans ses mots, aucun transfert au bon groupe)",
    ),
    "rote.article_read": (
        "; to judge: what the candidate told on this contact was mostly {article}'s steps in its "
        "order, a step a message ({pct}% of their words): the article was read out, the case "
        "not taken up",
        "; te beoordelen: wat de kandidaat in dit contact zei, was grotendeels de stappen van "
        "{article} in hun volgorde, een stap per bericht ({pct}% van de woorden): het artikel "
        "werd voorgelezen, niet op de zaak ingegaan",
        "\u00a0; à juger\u00a0: ce que le candidat a dit dans ce contact, ce sont surtout les "
        "étapes de {article} dans leur ordre, une par message ({pct}\u00a0% de ses mots)\u00a0: "
        "l'article a été lu, le dossier pas abordé",
    ),
    "rote.few_engaged": (
        "; to judge: the candidate took up the case on only {engaged} of the {n:contact|contacts} "
        "they spoke to (under {pct}%): replies in time on a few cases handled show no habit of "
        "listening or adapting on the others",
        "; te beoordelen: de kandidaat ging maar in {engaged} van de {n:contact|contacten} op "
        "de zaak in (minder dan {pct}%): tijdige antwoorden op enkele behandelde zaken tonen "
        "geen gewoonte van luisteren of aanpassen bij de andere",
        "\u00a0; à juger\u00a0: le candidat n'a abordé le dossier que dans {engaged} des "
        "{n:contact|contacts} (moins de {pct}\u00a0%)\u00a0: des réponses à temps sur quelques "
        "dossiers traités ne montrent pas l'habitude d'écouter ou de s'adapter sur les autres",
    ),
    "proof.unheard": (
        "; to judge: nothing against it, nothing for it: no message of the candidate on this "
        "contact used a fact the customer told them (in a question, a step or a restatement "
        "after they said it), so that nothing went wrong proves no listening",
        "; te beoordelen: niets ertegen, niets ervoor: geen bericht van de kandidaat in dit "
        "contact gebruikte een gegeven dat de klant vertelde (in een vraag, een stap of een "
        "herformulering nadat de klant het zei), dus dat er niets misging, bewijst geen luisteren",
        "\u00a0; à juger\u00a0: rien contre, rien pour\u00a0: aucun message du candidat dans ce "
        "contact n'a repris un fait que le client lui a donné (dans une question, une étape ou "
        "une reformulation après qu'il l'a dit)\u00a0; qu'aucune faute n'ait eu lieu ne prouve "
        "pas l'écoute",
    ),
    "data4.why_unsolved": (
        "closed as resolved, but no solution reached the customer before it (no word of the "
        'answer key told, no transfer, no "it works" from them): it records a fix that was '
        "not given",
        "afgesloten als opgelost, maar er had de klant nog geen oplossing bereikt (geen woord "
        'van de antwoordsleutel gezegd, geen transfer, geen "het werkt" van de klant): het '
        "vermeldt een oplossing die niet gegeven werd",
        "clôturé comme résolu, mais aucune solution n'avait atteint le client (aucun mot de la "
        "clé de réponse dit, aucun transfert, pas de «\u00a0ça marche\u00a0» du client)\u00a0: "
        "elle consigne une solution qui n'a pas été donnée",
    ),
    "sim2.template": (
        "; {n:reply was|replies were} a template sent to several customers and do not end a wait",
        "; {n:antwoord was|antwoorden waren} een sjabloon aan meerdere klanten en beëindigen geen wachttijd",
        "\u00a0; {n:réponse était|réponses étaient} un modèle envoyé à plusieurs clients et ne terminent pas l'attente",
    ),
    "detail.not_followed": (
        "(rules 2.24) The customer said they did not follow a step the candidate told them "
        "(the scenario's 'I don't follow'), on a share of the contacts: the words were not "
        "fitted to them.",
        "(regels 2.24) De klant zei een stap die de kandidaat vertelde niet te volgen (het "
        "'ik begrijp het niet' van het scenario), op een deel van de contacten: de woorden "
        "waren niet op hen afgestemd.",
        "(règles 2.24) Le client a dit ne pas suivre une étape que le candidat lui a dite (le "
        "«\u00a0je ne comprends pas\u00a0» du scénario), sur une part des contacts\u00a0: les mots "
        "ne lui étaient pas adaptés.",
    ),
    "com5.not_followed": (
        "'{case}' ({customer}): {n:step was|steps were} answered with 'I don't follow' (so were "
        "{lost} of {contacts} contacts)",
        "'{case}' ({customer}): op {n:stap|stappen} antwoordde de klant 'ik volg niet' (zo ook "
        "{lost} van {contacts} contacten)",
        "«\u00a0{case}\u00a0» ({customer})\u00a0: {n:étape a reçu|étapes ont reçu} «\u00a0je ne suis "
        "pas\u00a0» pour réponse (comme {lost} contacts sur {contacts})",
    ),
}
