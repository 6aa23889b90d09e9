"""walk27: the centre starts the exam with a bundled scenario's id (`exam nl-verhaeghe-dinsdag`,
`sitting new --scenario nl-verhaeghe-dinsdag`), but `verify --scenario nl-verhaeghe-dinsdag`
was refused ("nl-verhaeghe-dinsdag does not exist; give the scenario's folder"), and a new
assessor does not know where the bundled folders are. An id is that folder now."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import bundled_scenario, simulated_log
from helpdesk_tui.cli import main


def test_verify_takes_a_bundled_scenarios_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = simulated_log(
        tmp_path / "nl.jsonl", "idle", scenario=bundled_scenario("nl-verhaeghe-dinsdag")
    )
    assert main(["verify", str(log), "--scenario", "nl-verhaeghe-dinsdag", "--lang", "en"]) == 0
    assert "matches --scenario" in capsys.readouterr().out
    # another bundled scenario's id is checked as its folder would be: it differs
    assert main(["verify", str(log), "--scenario", "en-northwind-monday", "--lang", "en"]) == 1
    assert "DIFFERS from --scenario" in capsys.readouterr().out
    # neither a folder nor an id: refused, naming it, in the language asked for (it was
    # English in every language: eventlog/binding.py's message)
    assert main(["verify", str(log), "--scenario", "no-such-scenario", "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert "no-such-scenario" in err and "Er is geen scenariomap" in err, err
    assert "nl-verhaeghe-dinsdag" in err  # the ids there are
