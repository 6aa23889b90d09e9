"""The runtime is plain Python: it never imports Textual nor the UI (it is shared by
practice, exam, resume and the crash benchmark, none of which should need a screen)."""

from __future__ import annotations

from tests.test_import_hygiene import modules_on_disk, probe


def test_the_runtime_never_imports_textual() -> None:
    result = probe("helpdesk_tui.runtime")
    assert result["forbidden"] == [], f"helpdesk_tui.runtime pulls in {result['forbidden']}"
    assert set(result["imported"]) == modules_on_disk("runtime")
