"""The assessment's words for why a log or its answer key cannot be trusted
(`problems.py`): the UNVERIFIED stamp's reasons and the kinds of fault `verify` names.

Kept apart from `texts.py` like `texts_integrity.py`; `texts.py` folds these in, and
its test checks the placeholders agree in all three languages. The English of the
"problem.*" entries is, word for word, what the pipeline composed before.
"""

from __future__ import annotations

T: dict[str, tuple[str, str, str]] = {
    "problem.add_unverified": (
        "Add --unverified to report anyway, stamped UNVERIFIED.",
        "Voeg --unverified toe om toch te rapporteren, met de stempel NIET GEVERIFIEERD.",
        "Ajoutez --unverified pour produire le rapport malgré tout, marqué NON VÉRIFIÉ.",
    ),
    "problem.unsealed": (
        "{log} is intact but has no seal: the session never ended properly, and {signed}{torn}.",
        "{log} is intact maar niet verzegeld: de sessie werd nooit goed afgesloten, en "
        "{signed}{torn}.",
        "{log} est intact mais non scellé\u00a0: la session ne s'est jamais terminée "
        "normalement, et {signed}{torn}.",
    ),
    "problem.unsigned": (
        "its last {n} record(s) are not signed",
        "de laatste {n:record is|records zijn} niet ondertekend",
        "ses {n:dernier enregistrement n'est pas signé|derniers enregistrements ne sont pas signés}",
    ),
    "problem.all_signed": (
        "though every complete record is signed",
        "al is elk volledig record ondertekend",
        "bien que chaque enregistrement complet soit signé",
    ),
    "problem.torn": (
        "; its last line ({bytes} bytes) is torn, a write that never finished",
        "; de laatste regel ({bytes} bytes) is afgebroken, een schrijfactie die nooit af raakte",
        "\u00a0; sa dernière ligne ({bytes}\u00a0octets) est tronquée, une écriture jamais terminée",
    ),
    "problem.bad": (
        "{log} does not verify: {fault}",
        "{log} is niet intact: {fault}",
        "{log} n'est pas intact\u00a0: {fault}",
    ),
    "problem.left_out": (
        "{n} record(s) the exam would have refused were left out of this report (the first: "
        "seq {seq}, {why}).",
        "{n:record|records} die het examen geweigerd zou hebben, werden uit dit rapport "
        "weggelaten (het eerste: seq {seq}, {why}).",
        "{n:enregistrement que l'examen aurait refusé a été écarté|enregistrements que "
        "l'examen aurait refusés ont été écartés} de ce rapport (le premier\u00a0: seq {seq}, "
        "{why}).",
    ),
    "problem.refused_records": (
        "{log} verifies, but holds {n} record(s) the exam could not have written (the first: "
        "seq {seq}, {why}): its key signed what no exam logs; they are left out.",
        "{log} is intact, maar {n:record erin kan|records erin kunnen} niet door het examen "
        "geschreven zijn (het eerste: seq {seq}, {why}): de sleutel ondertekende wat geen "
        "examen logt; ze zijn weggelaten.",
        "{log} est intact, mais {n:enregistrement n'a pas pu être écrit|enregistrements "
        "n'ont pas pu être écrits} par l'examen (le premier\u00a0: seq {seq}, {why})\u00a0: sa clé "
        "a signé ce qu'aucun examen n'enregistre\u00a0; ils sont écartés.",
    ),
    "problem.no_answer_key": (
        "The answer key is missing: {where}; give the scenario folder the log was sat on with "
        "--scenario DIR.",
        "De antwoordsleutel ontbreekt: {where}; geef de scenariomap waarop het examen werd "
        "afgelegd met --scenario DIR.",
        "Le corrigé manque\u00a0: {where}\u00a0; indiquez le dossier du scénario de l'examen "
        "avec --scenario DIR.",
    ),
    "problem.where.no_file": (
        "{folder} has no {file}",
        "{folder} bevat geen {file}",
        "{folder} ne contient pas de {file}",
    ),
    "problem.where.no_bundled": (
        "no bundled scenario has the id '{id}' (in {root})",
        "geen meegeleverd scenario heeft de id '{id}' (in {root})",
        "aucun scénario fourni n'a l'identifiant «\u00a0{id}\u00a0» (dans {root})",
    ),
    "problem.scenario_differs": (
        "The scenario folder {folder} is not the one the log was sat on: its files hash to "
        "{found}..., the log's header binds {bound}... (a different version or an edited "
        "answer key).",
        "De scenariomap {folder} is niet die waarop het examen werd afgelegd: de bestanden "
        "hashen naar {found}..., de header van de log bindt {bound}... (een andere versie "
        "of een gewijzigde antwoordsleutel).",
        "Le dossier de scénario {folder} n'est pas celui de l'examen\u00a0: ses fichiers ont "
        "pour empreinte {found}..., l'en-tête du journal lie {bound}... (une autre version ou "
        "un corrigé modifié).",
    ),
    # --- the kinds of fault `verify` names (eventlog.verifier.FaultKind) -------------
    "fault.broken-hash-link": (
        "its hash link to the record before it is broken: a record was changed, removed or "
        "inserted",
        "de hashkoppeling met het vorige record is verbroken: een record werd gewijzigd, "
        "verwijderd of ingevoegd",
        "son lien de hachage avec l'enregistrement précédent est rompu\u00a0: un enregistrement "
        "a été modifié, supprimé ou inséré",
    ),
    "fault.bad-signature": (
        "a signature does not check: the records it covers were changed",
        "een handtekening klopt niet: de records die ze dekt werden gewijzigd",
        "une signature n'est pas valide\u00a0: les enregistrements qu'elle couvre ont été modifiés",
    ),
    "fault.signed-with-another-key": (
        "it is signed with another key than the one expected",
        "het is ondertekend met een andere sleutel dan verwacht",
        "il est signé avec une autre clé que celle attendue",
    ),
    "fault.missing-seq": (
        "records were removed (a seq number is missing)",
        "er werden records verwijderd (een seq-nummer ontbreekt)",
        "des enregistrements ont été supprimés (un numéro seq manque)",
    ),
    "fault.duplicated-seq": (
        "a record is there twice (a seq number is used again)",
        "een record staat er twee keer (een seq-nummer komt opnieuw voor)",
        "un enregistrement figure deux fois (un numéro seq est réutilisé)",
    ),
    "fault.reordered-seq": (
        "records were swapped",
        "records werden van plaats verwisseld",
        "des enregistrements ont été intervertis",
    ),
    "fault.inserted-record": (
        "a record was inserted",
        "er werd een record ingevoegd",
        "un enregistrement a été inséré",
    ),
    "fault.from-another-session": (
        "a record belongs to another session",
        "een record hoort bij een andere sessie",
        "un enregistrement appartient à une autre session",
    ),
    "fault.signature-for-another-position": (
        "a signature belongs to another position in the log",
        "een handtekening hoort bij een andere plaats in de log",
        "une signature appartient à une autre position dans le journal",
    ),
    "fault.seal-count-wrong": (
        "the seal does not count the records before it",
        "de verzegeling telt de records ervoor niet juist",
        "le sceau ne compte pas correctement les enregistrements qui le précèdent",
    ),
    "fault.records-after-seal": (
        "records follow the seal",
        "er volgen records na de verzegeling",
        "des enregistrements suivent le sceau",
    ),
    "fault.header-edited": (
        "the header was changed, or does not match the key given",
        "de header werd gewijzigd, of past niet bij de opgegeven sleutel",
        "l'en-tête a été modifié, ou ne correspond pas à la clé donnée",
    ),
    "fault.header-missing": (
        "the header is missing or not valid",
        "de header ontbreekt of is ongeldig",
        "l'en-tête manque ou n'est pas valide",
    ),
    "fault.scenario-hash-differs": (
        "the scenario's files are not the ones the exam was sat on",
        "de bestanden van het scenario zijn niet die waarop het examen werd afgelegd",
        "les fichiers du scénario ne sont pas ceux de l'examen",
    ),
    "fault.malformed-record": (
        "a line is not a valid record",
        "een regel is geen geldig record",
        "une ligne n'est pas un enregistrement valide",
    ),
    "fault.exam-time-goes-back": (
        "the exam time goes back",
        "de examentijd gaat achteruit",
        "le temps d'examen recule",
    ),
    "fault.cut-after-witnessed": (
        "the log was cut short of what the witness cosigned",
        "de log werd ingekort tot voor wat de getuige mee ondertekende",
        "le journal a été coupé en deçà de ce que le témoin a contresigné",
    ),
    "fault.witness-head-differs": (
        "the witness cosigned another head: the log was re-signed",
        "de getuige ondertekende een andere kop: de log werd opnieuw ondertekend",
        "le témoin a contresigné une autre tête\u00a0: le journal a été signé à nouveau",
    ),
    "fault.fork": (
        "two logs for one session (a fork)",
        "twee logs voor één sessie (een vork)",
        "deux journaux pour une même session (une bifurcation)",
    ),
    "fault.witness-changed": (
        "the witness file was changed",
        "het getuigenbestand werd gewijzigd",
        "le fichier du témoin a été modifié",
    ),
}
