"""Every bundled scenario, in every UI language, at 100 x 30 and 120 x 40 (issue 14,
findings 11 and 12): the footer never cuts a key from its label, and no English UI
text is left on a Dutch or French screen.

The full matrix (every scenario x language x size, 48 runs, about 4 minutes of
one core) runs with HELPDESK_EXAM_FULL_MATRIX=1. By default each UI language at
each size runs on the default scenario, and every other scenario runs once at the
small size in a language that turns with it (of the drills, which share their
exam's texts, one), so every language x size pair is still seen and the suite stays within its 5 minutes.

The English strings come from the catalogue (every msgid whose Dutch or French
translation differs from it); each screen's rendered text is scanned for the
literal parts of those strings. Scenario text (customers' words, ticket titles)
is in the scenario's own language and is not UI text: only fragments long
enough to be a UI phrase are looked for, and what the scenario itself says is
left out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from helpdesk_tui import i18n, paths
from helpdesk_tui.i18n.catalog import parse_po
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.ui.screens.form_base import FormScreen

from .conftest import make_rig, screen_text
from .pilot import at

BUNDLED = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())
SIZES = ((100, 30), (120, 40))
DEFAULT = "en-northwind-monday"


def cases() -> list[tuple[Path, str, tuple[int, int]]]:
    """The scenario x language x size runs (see the module's docstring)."""
    every = [(f, lang, size) for f in BUNDLED for lang in i18n.LANGUAGES for size in SIZES]
    if os.environ.get("HELPDESK_EXAM_FULL_MATRIX") == "1":
        return every
    drills = [f for f in BUNDLED if 'kind = "drill"' in (f / "scenario.toml").read_text()]
    others = [f for f in BUNDLED if f.name != DEFAULT and f not in drills[1:]]  # one drill
    turned = [(f, i18n.LANGUAGES[n % len(i18n.LANGUAGES)], SIZES[0]) for n, f in enumerate(others)]
    return [c for c in every if c[0].name == DEFAULT] + turned


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def english_fragments(language: str) -> set[str]:
    """Literal parts (12+ characters, two words or more) of UI strings that read
    differently in `language`."""
    po = i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    found: set[str] = set()
    for entry in parse_po(po.read_text("utf-8")):
        if not entry.msgid or entry.msgstr == entry.msgid:
            continue
        for part in PLACEHOLDER.split(entry.msgid):
            for line in part.split("\n"):
                line = line.strip(" :·()“”\"'.,")
                if len(line) >= 12 and " " in line and line not in entry.msgstr:
                    found.add(line)
    return found


def _as_words(fragment: str, text: str) -> bool:
    """`fragment` in `text` as whole words ("la conversation" holds "a conversation")."""
    return re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text) is not None


def scenario_words(folder: Path) -> str:
    """Everything the scenario and its KB say (in the scenario's language)."""
    return "\n".join(
        p.read_text("utf-8") for p in [folder / "scenario.toml", *folder.glob("kb/*.md")]
    )


async def visit(pilot, app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(where, text) of the screens a candidate meets in the first minutes."""
    seen = []
    await at(pilot, 5 * 60)
    seen.append(("main", screen_text(app)))
    for key in ("e", "r", "i", "t", "w", "s", "n", "p"):
        if key not in app.screen.active_bindings:
            continue
        await pilot.press("f2", key)
        await pilot.pause()
        if app.screen is not app.main:
            seen.append((key, screen_text(app)))
            await pilot.press("escape")
            await pilot.pause()
    await pilot.press("f1")
    await pilot.pause()
    seen.append(("help", screen_text(app)))
    await pilot.press("escape")
    for area in ("f4", "f5", "f3"):
        await pilot.press(area)
        await pilot.pause()
        seen.append((area, screen_text(app)))
    return seen


@pytest.mark.parametrize(
    ("folder", "language", "size"),
    cases(),
    ids=lambda v: (
        v.name if isinstance(v, Path) else f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v
    ),
)
async def test_every_screen_in_every_language_fits_and_is_translated(
    folder: Path, language: str, size: tuple[int, int]
) -> None:
    i18n.set_language(language)
    leftovers = english_fragments(language) if language != "en" else set()
    own = scenario_words(folder)
    rig = make_rig(load_scenario(folder))
    app = rig.app()
    problems = []
    async with app.run_test(size=size) as pilot:
        for where, text in await visit(pilot, app):
            for fragment in leftovers:
                if fragment in text and fragment not in own and _as_words(fragment, text):
                    problems.append(f"{where}: English left: {fragment!r}")
            if isinstance(app.screen, FormScreen):
                continue
        bar = app.main.query_one("#keys")
        entries = [entry.plain for entry, _key in bar._entries]
        for line in bar._lines:
            plain = line.plain
            assert len(plain.rstrip()) <= size[0]
            rest = plain.replace(" F1 " + i18n._("more keys") + "  ", "")
            while rest:
                entry = next((e for e in entries if rest.startswith(e)), None)
                assert entry is not None, f"a cut key label in the footer: {rest!r}"
                rest = rest[len(entry) :]
        if language != "en":  # short labels the fragment scan does not look for
            profile = rig.state.sla_profile
            for priority, targets in profile.priorities.items():
                label = rig.controller.priority_label(priority)
                assert not _as_words(targets.name, label), label  # "P4 Low" in Dutch
    assert problems == []
