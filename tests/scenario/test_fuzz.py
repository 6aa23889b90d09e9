"""Mutated scenario files never make validation raise, and validate agrees with load.

Authors save half-edited files; assessors run `validate` on whatever they were
sent. Whatever the bytes, validation must return problems (or none), never an
exception, and "no errors" must mean the scenario loads.
A deep run: `FUZZ_EXAMPLES=5000 pytest tests/scenario/test_fuzz.py`.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk_tui.scenario.errors import Problem
from helpdesk_tui.scenario.loader import check_scenario
from scenario.kit import SLA_DIR, VALID, toml_dumps

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),  # raise it for a deep run
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TARGETS = ("scenario.toml", "sla_profiles/standard.toml", "kb/vpn-reset.md")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fresh(workdir: Path) -> Path:
    """A fresh copy of the valid scenario and its SLA profile under workdir."""
    shutil.rmtree(workdir / "scn", ignore_errors=True)
    shutil.rmtree(workdir / "sla_profiles", ignore_errors=True)
    shutil.copytree(VALID, workdir / "scn")
    shutil.copytree(SLA_DIR, workdir / "sla_profiles")
    return workdir


def target_path(workdir: Path, target: str) -> Path:
    if target.startswith("sla_profiles"):
        return workdir / target
    return workdir / "scn" / target


def check(workdir: Path) -> None:
    scenario, problems = check_scenario(workdir / "scn", workdir / "sla_profiles")
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.severity in ("error", "warning")
        assert problem.message.strip()
        assert problem.line is None or problem.line >= 1
        assert str(problem)
    has_errors = any(p.is_error for p in problems)
    assert (scenario is None) == has_errors, "\n".join(map(str, problems))


# --- byte- and line-level damage --------------------------------------------------


@FUZZ
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_byte_flips(workdir: Path, target: str, data: st.DataObject) -> None:
    fresh(workdir)
    path = target_path(workdir, target)
    raw = bytearray(path.read_bytes())
    flips = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), min_size=1, max_size=8
        )
    )
    for position, byte in flips:
        raw[position] = byte
    path.write_bytes(bytes(raw))
    check(workdir)


@FUZZ
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_deleted_and_duplicated_lines(workdir: Path, target: str, data: st.DataObject) -> None:
    fresh(workdir)
    path = target_path(workdir, target)
    lines = path.read_text(encoding="utf-8").split("\n")
    edits = data.draw(
        st.lists(
            st.tuples(st.booleans(), st.integers(0, len(lines) - 1), st.integers(0, len(lines))),
            min_size=1,
            max_size=6,
        )
    )
    for delete, source, destination in edits:
        if not lines:
            break
        source %= len(lines)
        if delete:
            del lines[source]
        else:
            lines.insert(destination % (len(lines) + 1), lines[source])
    path.write_text("\n".join(lines), encoding="utf-8")
    check(workdir)


@FUZZ
@given(target=st.sampled_from(TARGETS[:2]), data=st.data())
def test_swapped_values(workdir: Path, target: str, data: st.DataObject) -> None:
    fresh(workdir)
    path = target_path(workdir, target)
    lines = path.read_text(encoding="utf-8").split("\n")
    assignments = [i for i, line in enumerate(lines) if " = " in line and not line.startswith(" ")]
    pairs = data.draw(
        st.lists(
            st.tuples(st.sampled_from(assignments), st.sampled_from(assignments)),
            min_size=1,
            max_size=4,
        )
    )
    for a, b in pairs:
        key_a, _, value_a = lines[a].partition(" = ")
        key_b, _, value_b = lines[b].partition(" = ")
        lines[a], lines[b] = f"{key_a} = {value_b}", f"{key_b} = {value_a}"
    path.write_text("\n".join(lines), encoding="utf-8")
    check(workdir)


# --- random values at random field paths --------------------------------------------

SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "chat",
            "queue",
            "high",
            "anna",
            "P1",
            "SOL-8",
            "kb-vpn-reset",
            "network",
            "ticket_created",
        ]
    ),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates().map(lambda d: d if d.year > 0 else date(2000, 1, 1)),
    st.datetimes(max_value=datetime(9999, 1, 1)),
)
KEYS = st.one_of(
    st.sampled_from(["id", "text", "answer", "messages", "steps", "high", "P1"]),
    st.text(min_size=1, max_size=6),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(KEYS, children, max_size=3),
    ),
    max_leaves=6,
)


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a dict or list inside node (the places a value can be set)."""
    found = [path]
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    for key, child in items:
        if isinstance(child, dict | list):
            found += _containers(child, (*path, key))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        node = node[key]
    return node


@FUZZ
@given(target=st.sampled_from(TARGETS[:2]), data=st.data())
def test_random_values_at_random_paths(workdir: Path, target: str, data: st.DataObject) -> None:
    fresh(workdir)
    path = target_path(workdir, target)
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        container = _get(document, data.draw(st.sampled_from(_containers(document))))
        value = data.draw(VALUES)
        if isinstance(container, dict):
            keys = [*container.keys(), "new_key"]
            container[data.draw(st.sampled_from(keys))] = value
        elif container:
            container[data.draw(st.integers(0, len(container) - 1))] = value
    try:
        text = toml_dumps(document)
    except TypeError:
        return  # a value our tiny writer cannot express (a list mixing tables and text)
    path.write_text(text, encoding="utf-8")
    check(workdir)


@FUZZ
@given(text=st.text(max_size=200))
def test_any_text_as_an_article(workdir: Path, text: str) -> None:
    fresh(workdir)
    (workdir / "scn" / "kb" / "vpn-reset.md").write_text(text, encoding="utf-8")
    check(workdir)


# --- hostile files: links, FIFOs, devices, sizes, paths out, huge integers ----------
# Each case damages the fresh copy and names the file the error must be about and a
# fragment of the message (taken from what an author must be told, not from the code).


def _link_article_to(target: str) -> Callable[[Path], Path]:
    def damage(scn: Path) -> Path:
        article = scn / "kb" / "vpn-reset.md"
        article.unlink()
        article.symlink_to(target)
        return article

    return damage


def _fifo_article(scn: Path) -> Path:
    article = scn / "kb" / "vpn-reset.md"
    article.unlink()
    os.mkfifo(article)
    return article


def _fifo_note(scn: Path) -> Path:
    note = scn / "notes"
    os.mkfifo(note)
    return note


def _fifo_scenario(scn: Path) -> Path:
    (scn / "scenario.toml").unlink()
    os.mkfifo(scn / "scenario.toml")
    return scn / "scenario.toml"


def _big_article(scn: Path) -> Path:
    article = scn / "kb" / "vpn-reset.md"
    article.write_bytes(article.read_bytes() + b"x" * (300 * 1024))
    return article


def _kb_folder_link(scn: Path) -> Path:
    shutil.move(scn / "kb", scn.parent / "kb-elsewhere")
    (scn / "kb").symlink_to(scn.parent / "kb-elsewhere")
    return scn / "kb"


def _set_line(key: str, value: str) -> Callable[[Path], Path]:
    def damage(scn: Path) -> Path:
        path = scn / "scenario.toml"
        lines = path.read_text(encoding="utf-8").split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key} ="))
        lines[at] = f"{key} = {value}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    return damage


def _profile_link_out(scn: Path) -> Path:
    (scn / "mine.toml").symlink_to("/etc/passwd")
    _set_line("sla_profile", '"mine.toml"')(scn)
    return scn / "mine.toml"


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "article linked to /dev/zero": (_link_article_to("/dev/zero"), "is a symbolic link"),
    "article linked out of the folder": (_link_article_to("/etc/hostname"), "is a symbolic link"),
    "article is a FIFO": (_fifo_article, "is a FIFO (named pipe)"),
    "a FIFO beside the articles": (_fifo_note, "is a FIFO (named pipe)"),
    "scenario.toml is a FIFO": (_fifo_scenario, "is a FIFO (named pipe)"),
    "a 300 KB article": (_big_article, "at most 262,144 bytes are read"),
    "kb/ is a link": (_kb_folder_link, "is a symbolic link"),
    "a 5000-digit integer": (_set_line("duration_minutes", "9" * 5000), "thousands of digits"),
    "a 400-digit integer": (_set_line("duration_minutes", "9" * 400), "400 digits"),
    "SLA profile up the tree": (
        _set_line("sla_profile", '"../../../../etc/passwd"'),
        "no SLA profile",
    ),
    "SLA profile absolute": (_set_line("sla_profile", '"/etc/passwd"'), "no SLA profile"),
    "SLA profile linked out": (_profile_link_out, "is a symbolic link"),
}


@pytest.mark.timeout(20)
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_refused_with_the_file_named_and_never_read(
    workdir: Path, case: str
) -> None:
    """No traceback, no hang on a FIFO, no endless read, nothing outside the folder."""
    fresh(workdir)
    damage, fragment = HOSTILE[case]
    bad = damage(workdir / "scn")
    check(workdir)
    scenario, problems = check_scenario(workdir / "scn", workdir / "sla_profiles")
    assert scenario is None
    named = [p for p in problems if p.is_error and fragment in p.message]
    assert named, "\n".join(map(str, problems))
    assert any(p.file in (bad, workdir / "scn" / "scenario.toml") for p in named)


def test_too_many_bytes_of_articles_in_all(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpdesk_tui.scenario import kb_article

    fresh(workdir)
    monkeypatch.setattr(kb_article, "KB_MAX_BYTES", 100)
    check(workdir)
    problems = check_scenario(workdir / "scn", workdir / "sla_profiles")[1]
    assert any("at most 100 in all" in p.message for p in problems)
