"""The second core (assess.prime) changes how fast a long log's report is made, never what it says.

With a worker, the messages are analysed in another process and the
checkpoints' signatures are checked there while the evidence is gathered.
The reports (JSON and HTML) must be the very same as without it, a signature
that does not check must refuse the log with the very same words, and a worker
that dies must cost nothing but time. MIN_TEXTS is lowered so the bundled
scenarios' logs (a few dozen messages) get a worker.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bundled_kit import on_scenario_runs, scenario_group

from helpdesk_tui.assess import pipeline, prime
from helpdesk_tui.assess.evidence import EvidenceGatherer
from helpdesk_tui.assess.model import Provenance
from helpdesk_tui.assess.pipeline import Refused, assess_log
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_json import render_json
from helpdesk_tui.eventlog.verifier import verify_bytes

analyse_module = importlib.import_module("helpdesk_tui.language.analyse")

LOGS = [
    ("nl-lindeveld-examen", "ideal"),
    ("en-calder-valley-exam", "ideal"),
    ("fr-haute-meuse-examen", "naive"),
]
CALDER = scenario_group("en-calder-valley-exam")
LINDEVELD = scenario_group("nl-lindeveld-examen")
HAUTE_MEUSE = scenario_group("fr-haute-meuse-examen")
"""A test that reads one of these runs goes with its scenario's xdist group, where it is
played once, not again on another worker (some 2 s of CPU a run)."""


def _cold() -> None:
    """As in a new process: no analysis cached from an earlier test, nor any reading made from
    one (bugs17: `customers.telling`'s caches, kept from a review earlier in the process, let
    DATA-4 pass without analysing and the test below pass or fail by the order of the tests)."""
    analyse_module._analyse.cache_clear()
    for name, module in list(sys.modules.items()):
        if name.startswith(("helpdesk_tui.assess", "helpdesk_tui.customers")):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                    value.cache_clear()


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> list[prime.Primer]:
    """Every log gets a worker; the primers made are kept to look at."""
    made: list[prime.Primer] = []
    real = prime.Primer.__init__

    def init(self: prime.Primer, data: bytes, lang: str) -> None:
        real(self, data, lang)
        made.append(self)

    monkeypatch.setattr(prime, "MIN_TEXTS", 1)
    monkeypatch.setattr(prime, "_may_fork", lambda: True)  # pytest runs a helper thread
    monkeypatch.setattr(prime.Primer, "__init__", init)
    return made


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the functions the evidence had worked out in a forked child."""
    made: list[str] = []
    real = prime.Forked.__init__

    def init(self: prime.Forked, function: Any, *args: Any) -> None:
        real(self, function, *args)
        made.append(function.__name__)

    monkeypatch.setattr(prime.Forked, "__init__", init)
    return made


def _reports(log: Path, first: Provenance | None = None) -> tuple[Provenance, str, str]:
    """The JSON and HTML reports; with `first`, stamped with its generation time (the one
    thing two runs may differ in), after checking the rest of the provenance is the same."""
    assessed = assess_log(log, None)
    provenance = assessed.provenance
    if first is not None:
        provenance = replace(provenance, generated=first.generated)
        assert provenance == first
    evidence = assessed.evidence
    return provenance, render_json(evidence, provenance), render_html(evidence, provenance)


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(LOGS))
def test_a_report_made_with_a_worker_is_the_one_made_without(
    sim_logs: dict[tuple[str, str], Path],
    scenario_id: str,
    policy: str,
    workers: list[prime.Primer],
    forks: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = sim_logs[(scenario_id, policy)]
    _cold()
    with_worker = _reports(log)
    assert len(workers) == 1 and workers[0].primed > 0, "the worker made no analysis"
    assert workers[0].deferred, "no signature was left to the worker"
    assert not analyse_module._primed, "the worker's analyses outlived the report"
    assert forks == ["measured_apart"], "nothing was measured in a child"
    monkeypatch.setattr(prime, "MIN_TEXTS", 10**9)
    _cold()
    alone = _reports(log, with_worker[0])
    assert len(workers) == 1 and forks == ["measured_apart"]
    assert with_worker == alone


def _bad_seal_signature(log: Path, out: Path) -> Path:
    """The log with its seal's signature swapped for a checkpoint's: still canonical JSON,
    the hash chain intact (nothing follows the seal), only the signature is wrong."""
    lines = log.read_bytes().split(b"\n")[:-1]
    records = [json.loads(line) for line in lines]
    checkpoint = next(r for r in records if r["type"] == "log.checkpoint")
    seal = records[-1]
    assert seal["type"] == "log.seal"
    lines[-1] = lines[-1].replace(seal["data"]["sig"].encode(), checkpoint["data"]["sig"].encode())
    out.write_bytes(b"\n".join(lines) + b"\n")
    return out


@CALDER
def test_a_bad_deferred_signature_refuses_the_log_in_the_same_words(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    log = _bad_seal_signature(sim_logs[("en-calder-valley-exam", "ideal")], tmp_path / "bad.jsonl")
    fault = verify_bytes(log.read_bytes(), None).fault
    assert fault is not None and fault.kind == "bad-signature"
    deferred = verify_bytes(log.read_bytes(), None, defer_signatures=True)
    assert deferred.status == "ok", "the deferred run alone cannot see it: the worker must"
    with pytest.raises(Refused) as with_worker:
        assess_log(log, None)
    assert workers, "no worker was started"
    unverified = assess_log(log, None, unverified=True)
    monkeypatch.setattr(prime, "MIN_TEXTS", 10**9)
    with pytest.raises(Refused) as alone:
        assess_log(log, None)
    assert str(with_worker.value) == str(alone.value)
    assert fault.message in str(alone.value)
    plain = assess_log(log, None, unverified=True)
    assert unverified.provenance.problem == plain.provenance.problem
    assert not unverified.provenance.verified
    assert render_json(unverified.evidence, plain.provenance) == render_json(
        plain.evidence, plain.provenance
    )


@CALDER
def test_a_failure_after_the_verification_asks_the_worker_without_waiting(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An assessment that fails after the log verified (here: its scenario does not load)
    asks the worker about the signatures before it ever met it: the worker, told to stop,
    answers (perf27: nothing told it to, and the report waited WAIT_S, 30 s, then checked
    them itself). The refusal is the one the scenario's failure gives."""
    checked_here: list[int] = []
    real_ok = prime.signatures_ok

    def spied(deferred: list[tuple[bytes, dict[str, Any]]]) -> bool:
        checked_here.append(os.getpid())
        return real_ok(deferred)

    def fails(*_args: object) -> None:
        raise Refused("the scenario does not load")

    log = sim_logs[("en-calder-valley-exam", "ideal")]
    monkeypatch.setattr(prime, "WAIT_S", 10.0)
    monkeypatch.setattr(prime, "signatures_ok", spied)  # the worker forks before it is read
    monkeypatch.setattr(pipeline, "_load", fails)
    with pytest.raises(Refused, match="the scenario does not load"):
        assess_log(log, None)
    assert workers and workers[0].deferred, "no signature was left to the worker"
    assert os.getpid() not in checked_here, "the worker's answer was not had"


def test_the_tables_are_at_hand_once_a_process_wrote_them_to_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`tables_at_hand` looks for the very file `language.compiled` writes and reads: with it
    the report loads the tables before the fork (the worker inherits them), without it the
    worker builds them while the report verifies (perf27)."""
    from collections import Counter

    from helpdesk_tui.language import lemmas

    monkeypatch.setenv("HELPDESK_EXAM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lemmas, "load_counts", Counter())  # as a process that loaded none
    assert not prime.tables_at_hand("en")
    subprocess.run(
        [sys.executable, "-c", "from helpdesk_tui.language import lemmas; lemmas.load('en')"],
        check=True,
        timeout=300,
        env={**os.environ, "HELPDESK_EXAM_CACHE_DIR": str(tmp_path)},
    )
    assert prime.tables_at_hand("en")
    assert not prime.tables_at_hand("fr")


def _dies(*_args: object) -> None:
    os._exit(3)


@LINDEVELD
def test_a_worker_that_dies_costs_only_time(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    log = sim_logs[("nl-lindeveld-examen", "ideal")]
    _cold()
    alone = _reports(log)
    monkeypatch.setattr(prime, "_work", _dies)
    _cold()
    assert _reports(log, alone[0]) == alone
    assert workers and workers[-1].primed == 0
    bad = _bad_seal_signature(log, tmp_path / "bad.jsonl")
    with pytest.raises(Refused, match="signature does not match"):
        assess_log(bad, None)


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(LOGS))
def test_an_exam_log_starts_no_worker(
    sim_logs: dict[tuple[str, str], Path], scenario_id: str, policy: str
) -> None:
    """150 minutes of an exam: a few dozen messages, not worth a process (issue 16: < 1 s)."""
    data = sim_logs[(scenario_id, policy)].read_bytes()
    texts, lang = prime.message_texts(data)
    assert 0 < len(texts) < prime.MIN_TEXTS and lang == scenario_id[:2]
    assert prime.start(data) is None


def running(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """This thread and threads of these names, as `threading.enumerate` tells `prime`."""
    me = threading.current_thread()
    others = [threading.Thread(name=name) for name in names]
    monkeypatch.setattr(prime.threading, "enumerate", lambda: [me, *others])


def test_no_worker_is_forked_from_a_threaded_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review TUI (Textual's threads) assesses logs too: no fork there."""
    running(monkeypatch, "some-worker")
    assert not prime._may_fork()
    running(monkeypatch)
    assert prime._may_fork()


def test_an_event_logs_fsync_thread_does_not_stop_the_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that wrote an exam's log keeps its fsync thread (p-keys8); the child never
    touches it, so `report --html --json` still renders on two cores (a test worker that had
    written exams lost the fork, and test_report_cmd's byte comparison with it)."""
    running(monkeypatch, "log-fsync", "log-fsync")
    assert prime._may_fork()
    running(monkeypatch, "log-fsync", "some-worker")
    assert not prime._may_fork()


@LINDEVELD
def test_what_was_printed_before_the_fork_is_printed_once(
    sim_logs: dict[tuple[str, str], Path],
) -> None:
    """stdout to a pipe is block-buffered: a forked child that flushed its copy of what
    the report had not written yet would print it twice (class-report prints a line per
    log). multiprocessing flushes before it forks; this keeps it so."""
    log = sim_logs[("nl-lindeveld-examen", "ideal")]
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from helpdesk_tui.assess import prime\n"
        "from helpdesk_tui.assess.pipeline import assess_log\n"
        "prime.MIN_TEXTS = 1\n"
        "made = []\n"
        "real = prime.Primer.__init__\n"
        "prime.Primer.__init__ = lambda self, *a: (real(self, *a), made.append(self))[0]\n"
        "print('printed before the report')\n"
        f"assess_log(Path({str(log)!r}), None)\n"
        "print('workers', len(made))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.splitlines() == ["printed before the report", "workers 1"]


def _pid(*_args: object) -> int:
    return os.getpid()


def test_forked_works_it_out_in_a_child() -> None:
    assert prime.Forked(_pid).get() != os.getpid()
    assert prime.Forked(sorted, [3, 1, 2]).get() == [1, 2, 3]


def _fails_in_a_child(parent: int) -> str:
    if os.getpid() != parent:
        raise RuntimeError("only in the child")
    return "worked out here"


def _dies_in_a_child(parent: int) -> str:
    if os.getpid() != parent:
        os._exit(3)
    return "worked out here"


def test_a_child_that_fails_or_dies_costs_only_time() -> None:
    """Its answer is then the parent's own, and an error met there is raised there."""
    assert prime.Forked(_fails_in_a_child, os.getpid()).get() == "worked out here"
    assert prime.Forked(_dies_in_a_child, os.getpid()).get() == "worked out here"
    with pytest.raises(ZeroDivisionError):
        prime.Forked(divmod, 1, 0).get()


@CALDER
def test_the_fold_is_made_before_the_worker_is_met(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fold needs no analysis: made while the worker still analyses, the report is
    left fewer messages to analyse itself when it meets the worker."""
    seen: list[str] = []
    feed_all, finish = EvidenceGatherer.feed_all, prime.Primer.finish

    def folding(self: EvidenceGatherer, events: Any) -> EvidenceGatherer:
        seen.append("fold")
        return feed_all(self, events)

    def meeting(self: prime.Primer) -> None:
        seen.append("finish")
        finish(self)

    log = sim_logs[("en-calder-valley-exam", "ideal")]  # played on first use: before counting
    monkeypatch.setattr(EvidenceGatherer, "feed_all", folding)
    monkeypatch.setattr(prime.Primer, "finish", meeting)
    _cold()
    assess_log(log, None)
    assert workers and seen == ["fold", "finish"]


@CALDER
def test_what_needs_no_analysis_is_measured_before_the_worker_is_met(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],
    forks: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cases, their marks, the SLA rows, the moods and the latencies read no analysis:
    measured while the worker still analyses, they leave the report fewer messages to analyse
    itself. DATA reads the candidate's sentences since rules 2.11 (DATA-4), so it comes after
    the meeting, with the worker's analyses. The child that measures apart forks after the
    meeting, so it has the worker's analyses."""
    seen: list[str] = []
    evidence_module = importlib.import_module("helpdesk_tui.assess.evidence")
    finish, analysed, mark_cases = (
        prime.Primer.finish,
        analyse_module._analyse,
        evidence_module.mark_cases,
    )

    def meeting(self: prime.Primer) -> None:
        seen.append(f"finish after {len(forks)} forks")
        finish(self)

    def analysing(text: str, lang: str) -> Any:
        seen.append("analysis")
        return analysed(text, lang)

    def marking(ctx: Any) -> None:
        seen.append("mark cases")
        mark_cases(ctx)

    def noting(name: str) -> Any:
        measure = getattr(evidence_module, name)

        def noted(*args: Any) -> Any:
            seen.append(name)
            return measure(*args)

        return noted

    log = sim_logs[("en-calder-valley-exam", "ideal")]  # played on first use: before counting
    _cold()
    monkeypatch.setattr(prime.Primer, "finish", meeting)
    monkeypatch.setattr(analyse_module, "_analyse", analysing)
    monkeypatch.setattr(evidence_module, "mark_cases", marking)
    for name in ("latencies", "data_items", "sim_items"):
        monkeypatch.setattr(evidence_module, name, noting(name))
    assess_log(log, None)
    assert workers and forks == ["measured_apart"]
    # the latencies read times and actions; DATA the sentences, SIM the answers (analyses)
    before = ["mark cases", "latencies", "finish after 0 forks"]
    assert seen[:3] == before, seen[:6]
    assert "data_items" in seen[3:] and "sim_items" in seen[3:]


@HAUTE_MEUSE
def test_a_slow_worker_is_met_half_way_and_the_report_is_the_same(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker finds the texts itself; a report that meets it before it is done finds
    the same texts and analyses them from the last, so both halves are made once."""
    log = sim_logs[("fr-haute-meuse-examen", "naive")]
    _cold()
    alone = _reports(log)
    parent, analyse = os.getpid(), prime.analyse

    def slow_in_the_worker(text: str, lang: str) -> Any:
        if os.getpid() != parent:
            time.sleep(0.05)
        return analyse(text, lang)

    monkeypatch.setattr(prime, "analyse", slow_in_the_worker)
    _cold()
    assert _reports(log, alone[0]) == alone
    texts, _ = prime.message_texts(log.read_bytes())
    assert workers and workers[-1].primed < len(texts), "the report analysed none itself"


@CALDER
@pytest.mark.parametrize("bad", [False, True])
def test_the_worker_checks_signatures_sent_while_it_analyses(
    sim_logs: dict[tuple[str, str], Path], tmp_path: Path, bad: bool
) -> None:
    """The report sends the deferred signatures as soon as it has verified the rest; the
    worker checks them between two analyses and answers after its analyses, with the
    same answer the report would reach itself."""
    log = sim_logs[("en-calder-valley-exam", "ideal")]
    if bad:
        log = _bad_seal_signature(log, tmp_path / "bad.jsonl")
    data = log.read_bytes()
    deferred = verify_bytes(data, None, defer_signatures=True).deferred_signatures
    assert deferred, "nothing was deferred"
    progress, total = multiprocessing.Value("i", 0), multiprocessing.Value("i", -1)
    receive, results = multiprocessing.Pipe(duplex=False)
    jobs, send = multiprocessing.Pipe(duplex=False)
    send.send(deferred)  # before the first analysis: checked inside the loop
    _cold()
    seen: list[bool] = []
    real = prime.signatures_ok

    def checked(signed: Any) -> bool:
        seen.append(progress.value < total.value)  # still analysing
        return real(signed)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prime, "signatures_ok", checked)
        args = (data, "en", progress, total, _AskedWhenDone(), results, jobs)
        worker = threading.Thread(target=prime._work, args=args)  # the pipe must be read
        worker.start()
        assert receive.poll(60), "the worker sent nothing"
        made = receive.recv()
        assert receive.poll(60), "the worker gave no answer about the signatures"
        answer = receive.recv()
        worker.join(60)
    assert seen == [True], "the signatures were not checked between two analyses"
    assert progress.value == total.value > 0, "the analyses did not all go on"
    assert sum(len(pickle.loads(b)) for b in made) == total.value
    assert answer is (not bad)
    assert real(deferred) is (not bad)


class _AskedWhenDone:
    """A `stop` the report sets as soon as the worker is done: not set while it analyses,
    set when it waits to be asked (`prime._await_stop`)."""

    def is_set(self) -> bool:
        return False

    def wait(self, _timeout: float) -> bool:
        return True


def test_a_worker_done_first_waits_to_be_asked_and_takes_the_signatures_meanwhile(
    sim_logs: dict[tuple[str, str], Path],
) -> None:
    """sec16: a worker that had analysed everything before the report had verified sent its
    analyses at once; more than a pipe holds, it blocked until the report read them, while
    the report was blocked sending it the deferred signatures (more than a pipe holds too):
    both waited for ever (`review` of a padded 200,000-record log at load 44: 2,111
    signatures, 1.2 MB). Here the report sends them only once the worker is done, as a slow
    verification does; the worker is forked, as the report forks it."""
    data = sim_logs[("en-calder-valley-exam", "ideal")].read_bytes()
    deferred = verify_bytes(data, None, defer_signatures=True).deferred_signatures
    assert deferred, "nothing was deferred"
    deferred = deferred * max(1, 1_200_000 // len(pickle.dumps(deferred)))
    context = multiprocessing.get_context("fork")
    progress, total = context.Value("i", 0, lock=False), context.Value("i", -1, lock=False)
    receive, results = context.Pipe(duplex=False)
    jobs, send = context.Pipe(duplex=False)
    stop, done = context.Event(), context.Event()
    real_analyse = prime.analyse

    def analysed(text: str, lang: str) -> Any:
        """An analysis of 20 kB: a log of thousands of messages in a few dozen texts."""
        if progress.value + 1 == total.value:
            done.set()  # the last text: the worker is done
        return (real_analyse(text, lang), "x" * 20_000)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prime, "analyse", analysed)  # before the fork: the child has it
        args = (data, "en", progress, total, stop, results, jobs)
        worker = context.Process(target=prime._work, args=args, daemon=True)
        worker.start()
    try:
        assert done.wait(60), "the worker did not finish its analyses"
        # Before sec16 the worker now sent its analyses at once (the pipe is full at
        # once: `poll` is true); since, it waits to be asked (2 s pass, nothing comes).
        sent_at_once = receive.poll(2)
        sender = threading.Thread(target=send.send, args=(deferred,), daemon=True)
        sender.start()  # the report, done verifying: it sends the signatures
        sender.join(30)
        assert not sender.is_alive(), "the report and the worker wait for each other"
        stop.set()  # the report asks for the analyses
        assert receive.poll(30), "the worker sent nothing"
        made = receive.recv()
        assert receive.poll(30), "the worker gave no answer about the signatures"
        answer = receive.recv()
    finally:
        worker.terminate()
        worker.join(5)
    assert not sent_at_once
    assert len(b"".join(made)) > 65_536, "the analyses fit a pipe: the test shows nothing"
    assert sum(len(pickle.loads(b)) for b in made) == total.value > 0
    assert answer is True
