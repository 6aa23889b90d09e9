"""scenario/ and kb/ never import Textual: they run in reports, CI and tests without a UI."""

from __future__ import annotations

import subprocess
import sys


def test_scenario_and_kb_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import helpdesk_tui.scenario.loader, helpdesk_tui.scenario.starter\n"
        "import helpdesk_tui.kb.search, helpdesk_tui.commands.scenario\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
