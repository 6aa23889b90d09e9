"""The eventlog package's names load their module on first use (report and verify start faster)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import helpdesk_tui.eventlog as eventlog


def test_importing_the_package_leaves_the_writer_and_recovery_unloaded() -> None:
    code = (
        "import sys, helpdesk_tui.eventlog;"
        "print(sorted(m for m in ('helpdesk_tui.eventlog.writer', 'helpdesk_tui.eventlog.recovery')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_exported_name_resolves_to_its_module_object() -> None:
    from helpdesk_tui.eventlog import verifier, writer

    for name in eventlog.__all__:
        assert getattr(eventlog, name) is not None
    assert eventlog.EventLogWriter is writer.EventLogWriter
    assert eventlog.verify_log is verifier.verify_log
    with pytest.raises(AttributeError):
        eventlog.no_such_name  # noqa: B018 - the lookup is the test
