"""KB articles: the header, its mistakes (each with its line), and a kb/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.scenario.errors import ScenarioInvalid
from helpdesk_tui.scenario.kb_article import (
    header_value,
    load_kb_article,
    load_kb_folder,
    parse_kb_article,
)

GOOD = """---
id: kb-printer-blank-pages
title: Printer prints blank pages
tags: printing, toner, hp
language: en
---
# Printer prints blank pages

Pull the **sealing tape** out.
"""


def test_a_good_article(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(GOOD, encoding="utf-8")
    article = load_kb_article(path)
    assert article.id == "kb-printer-blank-pages"
    assert article.title == "Printer prints blank pages"
    assert article.tags == ("printing", "toner", "hp")
    assert article.language == "en"
    assert article.body.startswith("# Printer prints blank pages\n\nPull")
    assert article.path == path


def test_lenient_header_forms() -> None:
    text = '\ufeff---\nID: "kb-x"\ntitle: \'Quoted\'\n# a comment\n\ntags: [a, "b", ]\n---\nBody\n'
    article, problems = parse_kb_article(text, Path("x.md"), default_language="nl")
    assert problems == []
    assert article is not None
    assert (article.id, article.title, article.tags, article.language) == (
        "kb-x",
        "Quoted",
        ("a", "b"),
        "nl",
    )


@pytest.mark.parametrize(
    ("text", "field", "line", "fragment"),
    [
        ("# no header\n", "header", 1, "does not start with '---'"),
        ("", "header", 1, "does not start with '---'"),
        ("---\nid: kb-x\ntitle: T\n", "header", 1, "is not closed — add a line '---'"),
        (
            "---\nid: kb-x\njust words\ntitle: T\nlanguage: en\n---\nB\n",
            "header",
            3,
            "is not 'key: value'",
        ),
        (
            "---\nid: kb-x\ntitle: T\ntitle: U\nlanguage: en\n---\nB\n",
            "title",
            4,
            "is given twice (first on line 3)",
        ),
        ("---\ntitle: T\nlanguage: en\n---\nB\n", "id", 1, "add a header line 'id: kb-...'"),
        ("---\nid: kb x\ntitle: T\nlanguage: en\n---\nB\n", "id", 2, "'kb x' is not a valid id"),
        ("---\nid: kb-x\nlanguage: en\n---\nB\n", "title", 1, "add a header line 'title: ...'"),
        (
            "---\nid: kb-x\ntitle: T\n---\nB\n",
            "language",
            1,
            "missing — add a header line 'language: en'",
        ),
        (
            "---\nid: kb-x\ntitle: T\nlanguage: de\n---\nB\n",
            "language",
            4,
            "'de' is not a language",
        ),
    ],
    ids=[
        "no fence",
        "empty",
        "unclosed",
        "bad line",
        "twice",
        "no id",
        "bad id",
        "no title",
        "no language",
        "bad language",
    ],
)
def test_header_mistakes(text: str, field: str, line: int, fragment: str) -> None:
    article, problems = parse_kb_article(text, Path("x.md"))
    assert article is None
    problem = next(p for p in problems if p.field_path == field)
    assert problem.is_error
    assert problem.line == line
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("text", "field", "line", "fragment"),
    [
        (
            "---\nid: kb-x\ntitel: T\ntitle: T\nlanguage: en\n---\nB\n",
            "titel",
            3,
            "(did you mean 'title'?)",
        ),
        ("---\nid: kb-x\ntitle: T\nlanguage: en\n---\n\n", "body", 5, "after the closing '---'"),
    ],
    ids=["unknown key", "empty body"],
)
def test_header_warnings(text: str, field: str, line: int, fragment: str) -> None:
    article, problems = parse_kb_article(text, Path("x.md"))
    assert article is not None
    assert [(p.severity, p.field_path, p.line) for p in problems] == [("warning", field, line)]
    assert fragment in problems[0].message


def test_load_raises_with_the_problems(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"---\nid: \xff\n")
    with pytest.raises(ScenarioInvalid) as caught:
        load_kb_article(path)
    assert caught.value.problems[0].line == 2
    assert "is not UTF-8" in caught.value.problems[0].message


def test_quotes_inside_a_title_are_kept() -> None:
    text = '---\nid: kb-x\ntitle: "Foo" and "Bar"\nlanguage: en\n---\nB\n'
    article, _ = parse_kb_article(text, Path("x.md"))
    assert article is not None and article.title == '"Foo" and "Bar"'


def test_a_folder_of_articles(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text(GOOD)
    (tmp_path / "a.md").write_text(GOOD.replace("kb-printer-blank-pages", "kb-a"))
    (tmp_path / "notes.txt").write_text("ignored")
    (tmp_path / "dir.md").mkdir()
    kb = load_kb_folder(tmp_path)
    assert [a.id for a in kb.articles] == ["kb-a", "kb-printer-blank-pages"]
    # a folder named like an article is refused by name, not passed over (bugs17)
    assert [(p.file.name, p.is_error) for p in kb.problems] == [("dir.md", True)]
    assert kb.ids == {"kb-a", "kb-printer-blank-pages"}


def test_a_broken_article_still_gives_its_id(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nid: kb-broken\n---\nB\n")
    kb = load_kb_folder(tmp_path)
    assert kb.articles == ()
    assert kb.ids == {"kb-broken"}
    assert {p.field_path for p in kb.problems} == {"title", "language"}


@pytest.mark.parametrize(
    ("make", "fragment"), [("missing", "does not exist"), ("file", "is a file")]
)
def test_a_kb_folder_that_is_not_a_folder(tmp_path: Path, make: str, fragment: str) -> None:
    target = tmp_path / "kb"
    if make == "file":
        target.write_text("x")
    kb = load_kb_folder(target)
    assert kb.articles == ()
    assert kb.problems[0].is_error and fragment in kb.problems[0].message


def test_an_unreadable_kb_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, pattern: str) -> list[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "glob", refuse)
    kb = load_kb_folder(tmp_path)
    assert (
        kb.problems[0].message
        == "cannot be read (Permission denied) — check the folder's permissions"
    )


def test_header_value(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(GOOD + "\nlanguage: fr\n")
    assert header_value(path, "language") == ("en", 5)
    assert header_value(path, "missing") == (None, None)
    assert header_value(tmp_path / "none.md", "id") == (None, None)
