"""The test modules' asserts rewritten once by the xdist controller (`suite_speed.rewrite_test_modules_once`).

Each worker collects every module; before this, each rewrote all of them again (and with
PYTHONDONTWRITEBYTECODE, in every run). What a worker runs must be what pytest would have
rewritten itself: asserts that explain themselves, refused once the source changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from _pytest.assertion import rewrite
from suite_speed import (
    REWRITTEN_ENV,
    forget_rewritten,
    read_rewritten_from,
    rewrite_test_modules_once,
)

MODULE = """
def test_two_is_three():
    two = 2
    assert two == 3
"""


@pytest.fixture
def tests_folder(
    tmp_path: Path, pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A tests folder of its own: a test module, a conftest, a helper (not a test module)."""
    folder = tmp_path / "tests"
    folder.mkdir()
    (folder / "test_sums.py").write_text(MODULE)
    (folder / "conftest.py").write_text("import os\n")
    (folder / "helper.py").write_text("assert True\n")
    monkeypatch.setattr(pytestconfig, "args", [str(folder)])
    # pytest's own, as in the controller (a worker of this run reads the controller's folder)
    own = getattr(rewrite.get_cache_dir, "own", rewrite.get_cache_dir)
    monkeypatch.setattr(rewrite, "get_cache_dir", own)
    monkeypatch.delenv(REWRITTEN_ENV, raising=False)
    return folder


def _rewritten(pyc: Path, source: Path) -> object:
    code = rewrite._read_pyc(source, pyc)
    assert code is not None, f"no valid rewritten module at {pyc}"
    return code


def _message_of(code: object) -> str:
    namespace: dict[str, object] = {}
    exec(code, namespace)  # type: ignore[call-overload]
    with pytest.raises(AssertionError) as failed:
        namespace["test_two_is_three"]()  # type: ignore[operator]
    return str(failed.value)


@pytest.mark.parametrize("write_bytecode", [True, False])
def test_the_workers_find_the_modules_rewritten_as_pytest_would(
    tests_folder: Path,
    pytestconfig: pytest.Config,
    monkeypatch: pytest.MonkeyPatch,
    write_bytecode: bool,
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", not write_bytecode)
    folder = rewrite_test_modules_once(pytestconfig)
    try:
        assert (folder is None) is write_bytecode
        if folder is not None:
            assert os.environ[REWRITTEN_ENV] == folder  # what the workers inherit
            read_rewritten_from(folder)  # as a worker does (tests/conftest.py)
        source = (tests_folder / "test_sums.py").resolve()
        cache = rewrite.get_cache_dir(source)
        assert (cache == source.parent / "__pycache__") is write_bytecode
        pyc = cache / ("test_sums" + rewrite.PYC_TAIL)
        # a rewritten assert says what the values were; a plain one says nothing
        assert "assert 2 == 3" in _message_of(_rewritten(pyc, source))
        assert (cache / ("conftest" + rewrite.PYC_TAIL)).is_file()
        assert not (cache / ("helper" + rewrite.PYC_TAIL)).exists()  # pytest leaves it too
        source.write_text(MODULE + "\n# changed\n")
        assert rewrite._read_pyc(source, pyc) is None  # a changed source is rewritten again
    finally:
        forget_rewritten(folder)
    assert folder is None or not Path(folder).exists()
    assert REWRITTEN_ENV not in os.environ


def test_nothing_is_done_without_assertion_rewriting(
    tests_folder: Path, pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(pytestconfig.option, "assertmode", "plain")
    assert rewrite_test_modules_once(pytestconfig) is None
    assert REWRITTEN_ENV not in os.environ


def test_this_worker_read_its_modules_from_the_controllers_folder() -> None:
    """In the suite's own run (xdist, Python not writing bytecode) the workers were told."""
    if not os.environ.get("PYTEST_XDIST_WORKER") or not sys.dont_write_bytecode:
        pytest.skip("only an xdist worker that may not write bytecode reads the folder")
    folder = os.environ.get(REWRITTEN_ENV)
    assert folder, "the controller named no folder"
    here = Path(__file__).resolve()
    pyc = rewrite.get_cache_dir(here) / (here.stem + rewrite.PYC_TAIL)
    assert pyc.is_relative_to(folder)
    assert rewrite._read_pyc(here, pyc) is not None
