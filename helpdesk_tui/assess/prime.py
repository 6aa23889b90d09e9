"""Read a long log's chat messages on the second core while this process verifies the log.

The first analysis of each distinct message (language layer) is a fifth of the
CPU of `report` on a 5-hour, 100,000-record log, and it does not depend on the
verification: `analyse(text, lang)` is a pure function of the text. So for a
log with many messages a forked worker finds them and analyses them from the
first, while this process verifies, reads and folds the log and makes the
measurements that read no analysis; when this process is done with that, it
analyses them too, from the last, until the two meet (on an idle machine the
worker is usually done by then). The worker's analyses
are then handed to the layer (`language.analyse.prime`), which answers with
them instead of analysing again.

Nothing here decides anything. The worker only makes analyses this process
would make itself, with the same code (a fork of it), so the report is the
same byte for byte (tests/assess/test_prime.py). If the worker fails, is slow
or cannot start, its analyses are simply not used and each message is analysed
when the evidence asks for it, as without a worker. Errors in the log surface as
always, from the verifier in this process.

Only for logs with at least MIN_TEXTS messages (a 150-minute exam has a few
dozen: starting a process would cost more than it saves), only where
fork is available, on a machine with two cores or more, and only in a process
with one thread (forking a threaded process, such as the review TUI, is unsafe).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from helpdesk_tui.assess.wording import _unquoted, sentences
from helpdesk_tui.eventlog.records import parse_json
from helpdesk_tui.eventlog.verifier import signatures_ok
from helpdesk_tui.language import acts_model, compiled, lemmas
from helpdesk_tui.language.analyse import analyse, prime, unprime
from helpdesk_tui.language.model import LANGUAGES, Analysis

T = TypeVar("T")

MIN_TEXTS = 400
"""Messages (records, counted by their type's bytes) below which no worker is started."""
MESSAGE = b'"type":"message_sent"'
REPLY = b'"type":"ticket_reply_added"'
STARTED = b'"type":"session_started"'
BATCH = 256
"""The worker pickles its analyses this many at a time as it makes them, so what is
left to pickle when the report meets it (the report waits for that) is one batch, not
3,000 analyses (0.2 s)."""
WAIT_S = 30.0
"""How long to wait for the worker's analyses once it was told to stop (it stops
after the message it is reading, a few milliseconds)."""


def message_texts(data: bytes) -> tuple[list[str], str | None]:
    """The distinct texts the evidence will analyse, and the log's language (None if unknown).

    The chat messages and the replies on tickets (what reached a customer), as sent
    and without quotes around words, and each of their sentences when there are
    several (the answer key is looked for sentence by sentence: `customers.telling`).
    Found by the record type's bytes, without parsing the other records; a line
    that does not parse is skipped (the verifier names it)."""
    lang = _language(data)
    texts: dict[str, None] = {}
    seen: set[str] = set()  # a text sent again adds nothing: its sentences are in already
    for marker in (MESSAGE, REPLY):
        at = data.find(marker)
        while at >= 0:
            record, end = _record_at(data, at)
            message = record.get("data") if type(record) is dict else None
            text = message.get("text") if type(message) is dict else None
            if type(text) is str and text not in seen:
                seen.add(text)
                texts[text] = None
                texts[_unquoted(text)] = None
                for sentence in sentences(text):
                    texts[_unquoted(sentence)] = None
            at = data.find(marker, end)
    return list(texts), lang


def _language(data: bytes) -> str | None:
    at = data.find(STARTED)
    if at < 0:
        return None
    record, _ = _record_at(data, at)
    event = record.get("data") if type(record) is dict else None
    lang = event.get("language") if type(event) is dict else None
    return lang if lang in LANGUAGES else None


def _record_at(data: bytes, at: int) -> tuple[Any, int]:
    """The record on the line holding offset `at` (None if it does not parse), and the line's end."""
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    end = len(data) if end < 0 else end
    try:
        return parse_json(data[start:end]), end
    except ValueError:
        return None, end


class Primer:
    """A worker analysing the log's messages from the first; `finish()` meets it from the last.

    The worker finds the message texts itself (`message_texts`, a tenth of a second
    on a 100,000-record log), so this process goes straight on to verify; it looks
    for them only if it meets a worker that has not finished. The worker also
    checks the signatures the verifier deferred (`check_signatures`, sent as soon as
    the rest of the log is verified), between two analyses or after them."""

    def __init__(self, data: bytes, lang: str) -> None:
        context = multiprocessing.get_context("fork")
        self.data: bytes | None = data
        """The log, for `finish` (let go of there: the measurements after it are the peak)."""
        self.lang = lang
        self.progress: Any = context.Value("i", 0, lock=False)
        self.total: Any = context.Value("i", -1, lock=False)
        """How many texts the worker found (-1 until it has)."""
        self.stop = context.Event()
        self.receive, results = context.Pipe(duplex=False)
        jobs, self.send = context.Pipe(duplex=False)
        self.worker = context.Process(
            target=_work,
            args=(data, lang, self.progress, self.total, self.stop, results, jobs),
            daemon=True,
        )
        self.worker.start()
        results.close()
        jobs.close()
        self.primed = 0
        self.deferred: list[tuple[bytes, dict[str, Any]]] | None = None
        """The signatures the verifier left for later (None: it checked them all)."""
        self.sent = False

    def finish(self) -> None:
        """Analyse from the last text until the worker's progress is reached, then take the
        worker's analyses into the layer. Never raises for a worker's failure."""
        data, self.data = self.data, None
        warm(self.lang)  # loaded already, unless they were not at hand at the fork (`warm`)
        texts: list[str] = []
        if data is not None and (self.total.value < 0 or self.progress.value < self.total.value):
            texts, _ = message_texts(data)  # the same list, in the worker's order
        del data  # before the analyses are unpickled: the peak of a long log's assessment
        own = len(texts)
        while self.progress.value < own:
            own -= 1
            analyse(texts[own], self.lang)
        self.stop.set()
        try:
            if self.receive.poll(WAIT_S):
                batches: list[bytes] = self.receive.recv()
                for batch in batches:
                    analyses: list[Analysis] = pickle.loads(batch)
                    prime(analyses)
                    self.primed += len(analyses)
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # the worker died: each message is analysed when asked for
        self.check_signatures()

    def check_signatures(self) -> None:
        """Hand the deferred signatures to the worker (it checks them while this process
        gathers the evidence)."""
        if self.deferred and not self.sent:
            try:
                self.send.send(self.deferred)
                self.sent = True
            except (OSError, ValueError):
                pass  # the worker is gone: signatures_hold checks them here

    def signatures_hold(self) -> bool:
        """Whether every deferred signature checks: the worker's answer, else checked here."""
        if not self.deferred:
            return True
        if self.sent:
            # Asked before `finish` (the assessment failed after the verification: a scenario
            # that does not load, a refused event), the worker has not been told to stop, and
            # it answers only once it is: it sends its analyses, then the answer (perf27: the
            # report waited WAIT_S, 30 s, for it, then checked the signatures itself).
            self.stop.set()
            try:
                while self.receive.poll(WAIT_S):
                    answer = self.receive.recv()
                    if type(answer) is bool:
                        return answer
            except (EOFError, OSError, pickle.UnpicklingError):
                pass
        return signatures_ok(self.deferred)

    def close(self) -> None:
        """End the worker (ours) and forget its analyses."""
        self.stop.set()
        self.send.close()
        self.receive.close()
        self.worker.join(1.0)
        if self.worker.is_alive():
            self.worker.terminate()
            self.worker.join()
        unprime()


def _work(
    data: bytes,
    lang: str,
    progress: Any,
    total: Any,
    stop: Any,
    results: Connection,
    jobs: Connection,
) -> None:
    """In the worker: find the texts, analyse them until told to stop, send what was made,
    then the answer about the signatures it is given.

    The signatures come when the report has verified the rest of the log, usually
    while this worker is still analysing: it checks them between two texts, so
    that work is shared out like the analyses (the report meets the worker sooner
    by half of it) instead of running beside the report's measurements."""
    made: list[bytes] = []
    batch: list[Analysis] = []
    checked: list[bool | None] = []
    # An analysis that raises: the report analyses that text itself and says what failed.
    with contextlib.suppress(Exception):
        warm(lang)  # inherited, unless they were not at hand at the fork (`warm`)
        texts, _ = message_texts(data)
        total.value = len(texts)
        for index, text in enumerate(texts):
            if stop.is_set():
                break
            if not checked and jobs.poll():
                _check(jobs, checked)
            batch.append(analyse(text, lang))
            progress.value = index + 1
            if len(batch) == BATCH:
                made.append(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
                batch = []
    with contextlib.suppress(Exception):
        made.append(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
        _await_stop(stop, jobs, checked)
    with contextlib.suppress(OSError):  # the report is gone (`close` without `finish`)
        results.send(made)
    with contextlib.suppress(Exception):  # no answer: the report checks them itself
        if not checked and jobs.poll(WAIT_S):
            _check(jobs, checked)
        if checked and checked[0] is not None:
            results.send(checked[0])


STOP_POLL_S = 0.05
"""How often a worker done before it is asked looks for the report's signatures."""


def _await_stop(stop: Any, jobs: Connection, checked: list[bool | None]) -> None:
    """Done before the report asked: wait to be asked (`stop`), taking the signatures if
    they come meanwhile.

    Its analyses are sent only then. Sent at once, more than a pipe holds (64 KB: a few
    hundred analyses) blocked the worker until the report read them, and the report,
    which reads them only when it is done, was itself blocked sending the signatures
    (more than a pipe holds too) to the worker that no longer read: both waited for ever
    (sec16: `review` of a padded 200,000-record log at load 44, a worker faster than the
    verification). Ends as well when the report is gone (its process id changes)."""
    parent = os.getppid()
    while not stop.wait(STOP_POLL_S):
        if not checked and jobs.poll():
            _check(jobs, checked)
        if os.getppid() != parent:
            return


def _check(jobs: Connection, checked: list[bool | None]) -> None:
    """Check the signatures the report sent; None when that failed (no answer is sent: the
    report then checks them itself)."""
    try:
        checked.append(signatures_ok(jobs.recv()))
    except Exception:
        checked.append(None)


def start(data: bytes) -> Primer | None:
    """A Primer for this log, or None when a worker would not pay (or cannot be had)."""
    if data.count(MESSAGE) < MIN_TEXTS or (os.cpu_count() or 1) < 2:
        return None
    if not _may_fork():
        return None
    lang = _language(data)
    if lang is None:
        return None
    if tables_at_hand(lang):
        warm(lang)  # a few hundredths, which the worker then need not spend (`warm`)
    try:
        return Primer(data, lang)
    except OSError:
        return None


def tables_at_hand(lang: str) -> bool:
    """Whether the language's lemma tables are loaded in this process or would be read from
    the cache (`language.compiled`, the file `cached_tables` reads), not built. Here, not in
    `compiled` or `lemmas`: their source is the cache's key, and a change to it would have
    every machine build its tables again. A name that no longer matches only costs the
    fork-first path (tests/assess/test_prime.py checks it matches)."""
    if any(loaded == lang for loaded, _ in lemmas.load_counts):
        return True
    folder, source = compiled.cache_dir(), compiled.source_file(lang)
    if folder is None or source is None:
        return False
    try:
        name = compiled.key(lang, source.read_bytes()).hex()[:32]
    except OSError:
        return False
    return (folder / f"lemmas-{lang}-{name}.bin").is_file()


def warm(lang: str) -> None:
    """The language's lexicon, lemma tables and act model loaded now (each only once).

    Before the fork when the packed tables are in the cache (`language.compiled`): read in
    0.07-0.09 s, which the worker inherits instead of spending them (perf21). Not when they
    would have to be built (0.5 s: the first report on a machine, or after an update of
    simplemma or of the code that packs them): this process was then alone on the two cores
    for that long before the worker started (perf27). The worker then builds them first
    thing, and writes them to the cache, and this process loads them when it meets the
    worker (`Primer.finish`), a second later: read from what the worker wrote, while the
    worker goes on analysing."""
    lemmas.load(lang)
    acts_model.table(lang)


def may_fork() -> bool:
    """Whether a `Forked` child may be had here: two cores or more, one thread, fork."""
    return (os.cpu_count() or 1) >= 2 and _may_fork()


QUIET_THREADS = frozenset({"log-fsync"})
"""Threads a fork may leave behind: an event log's fsync thread (`eventlog.writer._Syncer`)
holds only its own condition and descriptor, which the child never touches. A process that
wrote an exam's log (a test worker, one day a server) keeps one per open writer."""


def _may_fork() -> bool:
    """No other thread that could hold a lock the child needs (a fork copies only the
    calling one, with whatever locks the others held), and a platform that forks."""
    me = threading.current_thread()
    others = [t for t in threading.enumerate() if t is not me and t.name not in QUIET_THREADS]
    return not others and "fork" in multiprocessing.get_all_start_methods()


class Forked(Generic[T]):
    """`function(*args)` worked out in a forked child while this process does other work.

    The child is a copy of this process at the moment of the fork, so it needs
    nothing sent and makes what this process would have made; its answer comes
    back pickled. `get()` never raises for the child's failure: an error, a
    death or no answer within WAIT_S means working it out here, as without a
    child. Only for the report's own process (the caller checked `_may_fork`).
    """

    def __init__(self, function: Callable[..., T], *args: Any) -> None:
        self.function, self.args = function, args
        self.process: Any = None
        try:
            context = multiprocessing.get_context("fork")
            self.receive, answer = context.Pipe(duplex=False)
            self.process = context.Process(target=_call, args=(function, args, answer), daemon=True)
            self.process.start()
            answer.close()
        except OSError:
            self.process = None

    def get(self) -> T:
        """The child's answer, else the function's own."""
        if self.process is not None:
            try:
                if self.receive.poll(WAIT_S):
                    done, value = self.receive.recv()
                    if done:
                        return value
            except (EOFError, OSError, pickle.UnpicklingError):
                pass  # the child died: worked out here
            finally:
                self._end()
        return self.function(*self.args)

    def _end(self) -> None:
        self.receive.close()
        self.process.join(1.0)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.process = None


def _call(function: Callable[..., Any], args: tuple[Any, ...], answer: Connection) -> None:
    """In the child: the function's value, or (False, None) if it raised (the parent
    then works it out itself and meets the error there, as without a child)."""
    try:
        value = (True, function(*args))
    except Exception:
        value = (False, None)
    answer.send(value)
