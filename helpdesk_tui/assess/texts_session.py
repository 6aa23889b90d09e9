"""The assessment's words for how the session went (`course.py`): the "Session" part.

Kept apart from `texts.py` like `texts_integrity.py`; `texts.py` folds these in, and
its test checks the placeholders agree in all three languages.
"""

from __future__ import annotations

T: dict[str, tuple[str, str, str]] = {
    "section.session": ("Session", "Sessie", "Session"),
    "session.smooth": (
        "Not interrupted: no resume, pause, stop by the proctor, wrong proctor code, blocked key "
        "or dropped terminal input on the record.",
        "Niet onderbroken: geen hervatting, pauze, stop door de toezichter, foute "
        "toezichterscode, geblokkeerde toets of weggelaten terminalinvoer in de log.",
        "Sans interruption\u00a0: aucune reprise, pause, arrêt par le surveillant, code "
        "surveillant erroné, touche bloquée ni saisie du terminal écartée dans le journal.",
    ),
    "session.resumed": (
        "Resumed from the log at {at} (exam time), {wall}, after {down} down",
        "Hervat vanuit de log op {at} (examentijd), {wall}, na {down} onderbreking",
        "Reprise depuis le journal à {at} (temps d'examen), {wall}, après {down} d'arrêt",
    ),
    "session.pause": (
        "Paused {who} at {at} (exam time), from {start} to {end} ({length})",
        "Gepauzeerd {who} op {at} (examentijd), van {start} tot {end} ({length})",
        "En pause {who} à {at} (temps d'examen), de {start} à {end} ({length})",
    ),
    "session.pause_open": (
        "Paused {who} at {at} (exam time), from {start}, never resumed",
        "Gepauzeerd {who} op {at} (examentijd), vanaf {start}, nooit hervat",
        "En pause {who} à {at} (temps d'examen), depuis {start}, jamais reprise",
    ),
    "session.too_small": (
        "Terminal smaller than 80 x 24 ({size}) at {at} (exam time) for {length}; the exam "
        "went on under the notice",
        "Terminal kleiner dan 80 x 24 ({size}) op {at} (examentijd), {length} lang; het examen "
        "liep door onder de melding",
        "Terminal plus petit que 80 x 24 ({size}) à {at} (temps d'examen) pendant {length}\u00a0; "
        "l'examen a continué sous l'avis",
    ),
    "session.too_small_open": (
        "Terminal smaller than 80 x 24 ({size}) from {at} (exam time) to the end of the log",
        "Terminal kleiner dan 80 x 24 ({size}) vanaf {at} (examentijd) tot het einde van de log",
        "Terminal plus petit que 80 x 24 ({size}) de {at} (temps d'examen) à la fin du journal",
    ),
    "session.by_proctor": ("by the proctor", "door de toezichter", "par le surveillant"),
    "session.by_instructor": ("by the instructor", "door de instructeur", "par le formateur"),
    "session.proctor_suspend": (
        "by the proctor's stop (the program closed, resumable)",
        "door de stop van de toezichter (programma gesloten, hervatbaar)",
        "par l'arrêt du surveillant (programme fermé, reprise possible)",
    ),
    "session.interrupted": (
        "by an interruption ({why})",
        "door een onderbreking ({why})",
        "par une interruption ({why})",
    ),
    "session.wrong_codes": (
        "{n:wrong proctor code|wrong proctor codes}, at {times}",
        "{n:foute toezichterscode|foute toezichterscodes}, op {times}",
        "{n:code surveillant erroné|codes surveillant erronés}, à {times}",
    ),
    "session.early_codes": (
        "{n:proctor code|proctor codes} typed during the wait after a wrong one (not "
        "checked), at {times}",
        "{n:toezichterscode|toezichterscodes} getypt tijdens de wachttijd na een foute (niet "
        "nagekeken), op {times}",
        "{n:code surveillant tapé|codes surveillant tapés} pendant l'attente après un code "
        "erroné (non vérifiés), à {times}",
    ),
    "session.proctor_stop": (
        "Ended by the proctor at {at} (exam time), {wall}",
        "Beëindigd door de toezichter op {at} (examentijd), {wall}",
        "Terminé par le surveillant à {at} (temps d'examen), {wall}",
    ),
    "session.blocked": (
        "{n:blocked key or action|blocked keys or actions}: {first}",
        "{n:geblokkeerde toets of actie|geblokkeerde toetsen of acties}: {first}",
        "{n:touche ou action bloquée|touches ou actions bloquées}\u00a0: {first}",
    ),
    "session.dropped": (
        "{n:kind of terminal input dropped|kinds of terminal input dropped} (the first of "
        "each is logged): {first}",
        "{n:soort terminalinvoer weggelaten|soorten terminalinvoer weggelaten} (de eerste van "
        "elke soort staat in de log): {first}",
        "{n:type de saisie du terminal écarté|types de saisie du terminal écartés} (le premier "
        "de chaque type est journalisé)\u00a0: {first}",
    ),
    "session.disk_faults": (
        "{n:disk fault|disk faults}, at {times}",
        "{n:schijffout|schijffouten}, op {times}",
        "{n:erreur disque|erreurs disque}, à {times}",
    ),
    "session.more": ("and {n} more", "en nog {n}", "et {n} de plus"),
    "session.what.quit": ("quit", "afsluiten", "quitter"),
    "session.what.suspend": ("suspend", "pauzeren (suspend)", "suspendre"),
    "session.what.command palette": (
        "command palette",
        "opdrachtenpalet",
        "palette de commandes",
    ),
    "session.what.screenshot": ("screenshot", "schermafdruk", "capture d'écran"),
    "session.what.save a file": ("save a file", "een bestand opslaan", "enregistrer un fichier"),
    "session.what.invalid input bytes": (
        "unreadable input bytes",
        "onleesbare invoerbytes",
        "octets de saisie illisibles",
    ),
    "session.what.input flood": (
        "a flood of keys or a paste cut short",
        "een vloed van toetsen of een ingekorte plakactie",
        "un flot de touches ou un collage tronqué",
    ),
    "session.what.terminal sequence": (
        "a terminal sequence",
        "een terminalreeks",
        "une séquence de terminal",
    ),
}
