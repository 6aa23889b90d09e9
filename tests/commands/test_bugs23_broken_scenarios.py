"""`scenario validate` on an author's broken files: one paragraph per problem naming the
file and the place, rc 2, no traceback, its frame in the reader's language.

bugs23's walk (benchmarks/README.md, "What users meet, left by bugs22"): under a Dutch
locale every problem was headed "error:" and counted "1 scenario checked: 1 error". The
Dutch and French words are written here as an author reads them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.scenario.starter import write_starter

FRAME = {
    "en": ("error:", "1 scenario checked: 1 error, 0 warnings."),
    "nl": ("fout:", "1 scenario nagekeken: 1 fout, 0 waarschuwingen."),
    "fr": ("erreur\u00a0:", "1 scénario vérifié\u00a0: 1 erreur, 0 avertissement."),
}


def _break(folder: Path, how: str) -> tuple[Path, str]:
    """Break the starter scenario one way; the file and the place the message must name."""
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    if how == "syntax":
        toml.write_text(text.replace('id = "demo"', "id = demo"), encoding="utf-8")
        return toml, "regel 6"  # the problem in Dutch too since bugs24
    if how == "type":
        toml.write_text(text.replace("duration_minutes = 20", 'duration_minutes = "20"'), "utf-8")
        return toml, "duration_minutes"
    if how == "duplicate":
        twice = '[[groups]]\nid = "network"\nname = "Network team"\n'
        toml.write_text(text.replace(twice, twice * 2), encoding="utf-8")
        return toml, "dubbele id 'network'"
    if how == "latin1":
        toml.write_bytes(text.replace('title = "', 'title = "Démo ').encode("latin-1"))
        return toml, "UTF-8"
    if how == "huge":
        with toml.open("ab") as f:
            f.truncate(50 * 1024 * 1024)  # a sparse 50 MB: nothing of it need be read
        return toml, "bytes"
    if how == "loop":
        os.symlink("..", folder / "kb" / "again")
        return folder / "kb" / "again", "symbolische link"
    for child in (folder / "kb").iterdir():  # "empty": nothing left in the folder
        child.unlink()
    (folder / "kb").rmdir()
    toml.unlink()
    return toml, "scenario.toml"


@pytest.mark.parametrize("how", ["syntax", "type", "duplicate", "latin1", "huge", "loop", "empty"])
def test_each_broken_file_is_named_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    folder = tmp_path / "demo"
    write_starter(folder, "demo")
    file, place = _break(folder, how)
    rc = main(["scenario", "validate", "--lang", "nl", str(folder)])
    out, err = capsys.readouterr()
    assert rc == 2 and "Traceback" not in out + err, out + err
    assert str(file) in out and place in out, out
    assert "  fout: " in out, out


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_frame_speaks_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    folder = tmp_path / "demo"
    write_starter(folder, "demo")
    _break(folder, "type")
    assert main(["scenario", "validate", "--lang", lang, str(folder)]) == 2
    out = capsys.readouterr().out
    kind, summary = FRAME[lang]
    assert f"  {kind} " in out and summary in out, out
