"""Knowledge-base articles: Markdown files with a small header (see docs/kb-format.md).

```
---
id: kb-printer-blank-pages
title: Printer prints blank pages
tags: printing, toner, hp
language: en
---
# Printer prints blank pages
...
```

The header is deliberately not YAML: five `key: value` lines are all an
author needs, and a tiny parser can give an exact line for every mistake.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.scenario._check import ID_PATTERN, At, Checker, did_you_mean, read_text
from helpdesk_tui.scenario.errors import Problem, ScenarioInvalid
from helpdesk_tui.scenario.files import (
    ARTICLE_MAX_BYTES,
    KB_MAX_BYTES,
    KB_MAX_FILES,
    UnsafeFile,
    read_bounded,
)
from helpdesk_tui.scenario.model import KbArticle

LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")
HEADER_KEYS: tuple[str, ...] = ("id", "title", "tags", "language")
_FENCE = "---"
_HEADER_HELP = Phrase(
    "an article starts with a line '---', then {lines} lines, then a closing '---' line and "
    "the Markdown text",
    lines="'id: ...', 'title: ...', 'tags: ...', 'language: ...'",
)
"""The header's lines are values, not words: they stay as written in every language."""


def load_kb_article(path: Path, default_language: str | None = None) -> KbArticle:
    """The article in `path`; raises ScenarioInvalid with every problem when it has errors."""
    article, problems = check_kb_article(path, default_language)
    if article is None:
        raise ScenarioInvalid(problems)
    return article


def check_kb_article(
    path: Path, default_language: str | None = None
) -> tuple[KbArticle | None, list[Problem]]:
    """The article (None when it has errors) and every problem found, warnings included."""
    checker = Checker(path)
    text = read_text(path, checker, Phrase("KB article (Markdown)"), ARTICLE_MAX_BYTES)
    if text is None:
        return None, checker.problems
    return parse_kb_article(text, path, default_language)


def parse_kb_article(
    text: str, path: Path, default_language: str | None = None
) -> tuple[KbArticle | None, list[Problem]]:
    """Parse an article's text; `default_language` fills a missing `language:` line."""
    chk = Checker(path, text)
    lines = text.removeprefix("\ufeff").split("\n")
    if not lines or lines[0].strip() != _FENCE:
        chk.add(
            At().key("header"),
            Phrase("does not start with '---' — {help}", help=_HEADER_HELP),
            line=1,
        )
        return None, chk.problems
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == _FENCE), None)
    if close is None:
        chk.add(
            At().key("header"),
            Phrase("is not closed — add a line '---' after the header; {help}", help=_HEADER_HELP),
            line=1,
        )
        return None, chk.problems
    fields, lines_of = _header_fields(chk, lines[1:close])
    body = "\n".join(lines[close + 1 :]).strip("\n")
    article = _article(chk, fields, lines_of, body, path, default_language)
    if not body.strip():
        chk.add(
            At().key("body"),
            Phrase("is empty — write the article's text after the closing '---'"),
            "warning",
            line=close + 1,
        )
    return (None if chk.has_errors else article), chk.problems


def _header_fields(chk: Checker, header: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """`key: value` pairs of the header, and the line of each (1-based, counting the fence)."""
    fields: dict[str, str] = {}
    lines_of: dict[str, int] = {}
    for offset, raw in enumerate(header):
        line = offset + 2
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, sep, value = stripped.partition(":")
        key = key.strip().lower()
        if not sep or not key:
            chk.add(
                At().key("header"),
                Phrase(
                    "line {line} is not {form} — {help}",
                    form="'key: value'",
                    line=repr(stripped),
                    help=_HEADER_HELP,
                ),
                line=line,
            )
            continue
        if key in fields:
            chk.add(
                At().key(key),
                Phrase("is given twice (first on line {line}) — keep one", line=lines_of[key]),
                line=line,
            )
            continue
        if key not in HEADER_KEYS:
            chk.add(
                At().key(key),
                Phrase(
                    "unknown header field '{key}' is ignored{close} — the header fields are: {known}",
                    key=key,
                    close=did_you_mean(key, HEADER_KEYS),
                    known=", ".join(HEADER_KEYS),
                ),
                "warning",
                line=line,
            )
        fields[key] = _unquote(value.strip())
        lines_of[key] = line
    return fields, lines_of


def _unquote(value: str) -> str:
    quote = value[:1]
    if len(value) >= 2 and quote in "\"'" and value[-1] == quote and quote not in value[1:-1]:
        return value[1:-1].strip()
    return value


def _tags(value: str) -> tuple[str, ...]:
    """`printing, toner` (or YAML-style `[printing, toner]`) as a tuple of tags."""
    inner = value.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    return tuple(t for t in (_unquote(p.strip()) for p in inner.split(",")) if t)


def _article(
    chk: Checker,
    fields: dict[str, str],
    lines_of: dict[str, int],
    body: str,
    path: Path,
    default_language: str | None,
) -> KbArticle | None:
    header_line = 1
    article_id = fields.get("id", "")
    title = fields.get("title", "")
    language = fields.get("language") or default_language or ""
    if not article_id:
        chk.add(
            At().key("id"),
            Phrase(
                "missing — add a header line {line} (letters, digits, '-')", line="'id: kb-...'"
            ),
            line=lines_of.get("id", header_line),
        )
    elif not ID_PATTERN.fullmatch(article_id):
        chk.add(
            At().key("id"),
            Phrase(
                "'{ident}' is not a valid id — use letters, digits, '-' and '_' only, e.g. kb-printer-blank-pages",
                ident=article_id,
            ),
            line=lines_of["id"],
        )
    if not title:
        chk.add(
            At().key("title"),
            Phrase(
                "missing — add a header line {line} with the article's title", line="'title: ...'"
            ),
            line=lines_of.get("title", header_line),
        )
    if language not in LANGUAGES:
        shown = (
            Phrase("'{language}' is not a language", language=language)
            if language
            else Phrase("missing")
        )
        chk.add(
            At().key("language"),
            Phrase(
                "{shown} — add a header line {line} (en, nl or fr)",
                shown=shown,
                line="'language: en'",
            ),
            line=lines_of.get("language", header_line),
        )
    if chk.has_errors:
        return None
    return KbArticle(article_id, title, _tags(fields.get("tags", "")), language, body, path)


class KbFolder(NamedTuple):
    """The articles of a kb/ folder that loaded, every problem, and every id seen.

    `ids` includes articles that have errors but a readable id, so a scenario
    that names such an article is not told the article is unknown as well.
    """

    articles: tuple[KbArticle, ...]
    problems: list[Problem]
    ids: frozenset[str]


def load_kb_folder(folder: Path, default_language: str | None = None) -> KbFolder:
    """Every `*.md` article in `folder` (by file name), and the problems of all of them.

    Articles with errors are left out; two articles with the same id are an error.
    """
    chk = Checker(folder)
    try:
        refuse_special_folder(folder)
    except UnsafeFile as exc:
        chk.add(At(), exc.args[0])
        return KbFolder((), chk.problems, frozenset())
    if not folder.is_dir():
        what = Phrase("is a file") if folder.exists() else Phrase("does not exist")
        chk.add(
            At(),
            Phrase(
                "{what} — a scenario needs a kb/ folder holding its articles as *.md files (see docs/kb-format.md)",
                what=what,
            ),
        )
        return KbFolder((), chk.problems, frozenset())
    try:
        named = sorted(folder.glob("*.md"))
    except OSError as exc:
        chk.add(
            At(),
            Phrase(
                "cannot be read ({error}) — check the folder's permissions",
                error=exc.strerror or str(exc),
            ),
        )
        return KbFolder((), chk.problems, frozenset())
    files = [p for p in named if not _is_folder(p)]
    chk.problems.extend(Problem(p, "", None, FOLDER_AS_ARTICLE) for p in named if _is_folder(p))
    if not files:
        chk.warning(At(), Phrase("has no articles — add the scenario's articles as *.md files"))
    if len(files) > KB_MAX_FILES:
        chk.add(
            At(),
            Phrase(
                "holds {count} articles — at most {most}; keep the articles the scenario's "
                "incidents need",
                count=len(files),
                most=KB_MAX_FILES,
            ),
        )
        return KbFolder((), chk.problems, frozenset())
    total = sum(_size(file) for file in files)
    if total > KB_MAX_BYTES:
        chk.add(
            At(),
            Phrase(
                "holds {total:,} bytes of articles — at most {most:,} in all; shorten or "
                "remove articles",
                total=total,
                most=KB_MAX_BYTES,
            ),
        )
        return KbFolder((), chk.problems, frozenset())
    problems = chk.problems
    articles: list[KbArticle] = []
    first_file: dict[str, Path] = {}
    ids: set[str] = set()
    for file in files:
        article, found = check_kb_article(file, default_language)
        problems.extend(found)
        if article is None:
            seen, _ = header_value(file, "id")
            ids.update([seen] if seen else [])
            continue
        ids.add(article.id)
        if article.id in first_file:
            problems.append(
                Problem(
                    file,
                    "id",
                    header_value(file, "id")[1],
                    Phrase(
                        "duplicate id '{ident}' — already used by {file}; each article needs its own id",
                        ident=article.id,
                        file=first_file[article.id].name,
                    ),
                )
            )
            continue
        first_file[article.id] = file
        articles.append(article)
    return KbFolder(tuple(articles), problems, frozenset(ids))


def header_value(path: Path, key: str) -> tuple[str | None, int | None]:
    """The value and line of `key:` in an article's header (None, None when absent).

    For messages about articles that parsed (or about a broken one's id).
    """
    try:
        text = read_bounded(path, ARTICLE_MAX_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError, UnsafeFile):
        return None, None
    lines = text.removeprefix("\ufeff").split("\n")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == _FENCE:
            break
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == key:
            return _unquote(value.strip()) or None, number
    return None, None


def refuse_special_folder(folder: Path) -> None:
    """`kb/` must be the scenario's own folder, not a link to somewhere else."""
    try:
        mode = os.lstat(folder).st_mode
    except OSError:
        return  # missing: reported by the caller
    if stat.S_ISLNK(mode):
        raise UnsafeFile(
            Phrase("is a symbolic link — kb/ must be a folder inside the scenario folder")
        )


FOLDER_AS_ARTICLE = Phrase(
    "is a folder — every *.md entry of kb/ is read as an article, so it must be a file "
    "(an article's Markdown text, docs/kb-format.md): rename the folder (without .md), "
    "or move it out of kb/"
)
"""A folder named like an article was passed over without a word (bugs17): an author who
meant it to hold articles would never learn they are not read."""


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _size(path: Path) -> int:
    """Size on disk without following a link (a link is refused when read)."""
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0
