"""Keep the gettext catalogues in step with the source, without GNU gettext installed.

`python -m helpdesk_tui.i18n.catalog update` finds every `_("...")` and
`N_("...")` literal in the UI sources, adds new msgids to each `.po` (with an
empty msgstr for a translator to fill in), drops msgids no longer used, and
compiles every `.po` to its `.mo`. `check` reports what `update` would change
and exits non-zero, for CI. Compiling here (not with msgfmt) makes the `.mo`
bytes a pure function of the `.po`, so a test can prove they are up to date.
"""

from __future__ import annotations

import argparse
import ast
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

from helpdesk_tui.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent
SOURCES: tuple[str, ...] = (
    "ui",
    "core/reducer.py",
    "core/notices.py",
    "runtime/lifecycle.py",
    "runtime/coaching.py",
    "commands/practice.py",
    "commands/exam.py",
    "commands/resume.py",
)
"""Where translatable strings live, relative to the package."""
MARKERS = frozenset({"_", "N_", "Phrase"})

_HEADER = {
    "en": "English",
    "nl": "Dutch",
    "fr": "French",
}


@dataclass
class Entry:
    """One msgid, its translation and the comments kept with it."""

    msgid: str
    msgstr: str = ""
    comments: list[str] = field(default_factory=list)
    fuzzy: bool = False


# --------------------------------------------------------------------------- .po


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def _quote(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + out.replace("\n", "\\n") + '"'


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file (the header is the entry with msgid "")."""
    entries: list[Entry] = []
    comments: list[str] = []
    current: Entry | None = None
    target: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and target == "msgstr":
                entries.append(current)
                current, target = None, None
            comments.append(raw)
            continue
        if line.startswith("msgid "):
            if current is not None:
                entries.append(current)
            current = Entry(_unquote(line[6:]), comments=comments)
            current.fuzzy = any(c.startswith("#,") and "fuzzy" in c for c in comments)
            comments, target = [], "msgid"
        elif line.startswith("msgstr "):
            if current is None:
                raise ValueError(f"msgstr without msgid: {raw!r}")
            current.msgstr, target = _unquote(line[7:]), "msgstr"
        elif line.startswith('"') and current is not None and target:
            if target == "msgid":
                current.msgid += _unquote(line)
            else:
                current.msgstr += _unquote(line)
        else:
            raise ValueError(f"cannot read this .po line: {raw!r}")
    if current is not None:
        entries.append(current)
    return entries


def format_po(entries: list[Entry]) -> str:
    """A .po file's text: one blank line between entries, long strings kept on one line."""
    blocks: list[str] = []
    for entry in entries:
        lines = list(entry.comments)
        for key, value in (("msgid", entry.msgid), ("msgstr", entry.msgstr)):
            if "\n" in value:
                lines.append(f'{key} ""')
                lines.extend(_quote(part) for part in value.splitlines(keepends=True))
            else:
                lines.append(f"{key} {_quote(value)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def header_entry(language: str) -> Entry:
    msgstr = (
        "Project-Id-Version: helpdesk-exam\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\n"
    )
    return Entry("", msgstr, [f"# {_HEADER[language]} UI strings of helpdesk-exam."])


# --------------------------------------------------------------------------- .mo


def compile_mo(entries: list[Entry]) -> bytes:
    """GNU .mo bytes for the translated, non-fuzzy entries (as msgfmt writes them)."""
    pairs = sorted(
        (e.msgid.encode("utf-8"), e.msgstr.encode("utf-8"))
        for e in entries
        if e.msgstr and (not e.fuzzy or e.msgid == "")
    )
    count = len(pairs)
    ids = b"".join(k + b"\0" for k, _ in pairs)
    strs = b"".join(v + b"\0" for _, v in pairs)
    key_start = 7 * 4 + 16 * count
    value_start = key_start + len(ids)
    offsets: list[int] = []
    pos = 0
    for key, _ in pairs:
        offsets += [len(key), key_start + pos]
        pos += len(key) + 1
    pos = 0
    for _, value in pairs:
        offsets += [len(value), value_start + pos]
        pos += len(value) + 1
    head = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    return head + struct.pack(f"{len(offsets)}i", *offsets) + ids + strs


# --------------------------------------------------------------------------- extraction


def extract(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Every marked string literal in the UI sources, with where it is used."""
    found: dict[str, list[str]] = {}
    for source in SOURCES:
        root = package / source
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                msgid = _marked_literal(node)
                if msgid is not None:
                    # The file only, not the line: moving code must not make the catalogue stale.
                    where = path.relative_to(package.parent).as_posix()
                    places = found.setdefault(msgid, [])
                    if where not in places:
                        places.append(where)
    return found


def _marked_literal(node: ast.AST) -> str | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    if node.func.id not in MARKERS or len(node.args) != 1:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


# --------------------------------------------------------------------------- files


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def merged(language: str, used: dict[str, list[str]]) -> list[Entry]:
    """The catalogue of `language` holding exactly the used msgids, translations kept.

    English translates every msgid to itself, so it is always complete.
    """
    path = po_path(language)
    old = {e.msgid: e for e in parse_po(path.read_text("utf-8"))} if path.exists() else {}
    entries = [old.get("") or header_entry(language)]
    for msgid in sorted(used):
        previous = old.get(msgid)
        msgstr = previous.msgstr if previous else ""
        if language == "en":
            msgstr = msgid
        comments = [f"#: {' '.join(used[msgid][:3])}"]
        if previous:
            comments = [c for c in previous.comments if not c.startswith("#:")] + comments
        entries.append(Entry(msgid, msgstr, comments, previous.fuzzy if previous else False))
    return entries


def update(check_only: bool = False) -> list[str]:
    """Bring every catalogue up to date; return what was (or would be) changed."""
    used = extract()
    changed: list[str] = []
    for language in LANGUAGES:
        entries = merged(language, used)
        text = format_po(entries)
        mo = compile_mo(entries)
        for path, content in ((po_path(language), text.encode("utf-8")), (mo_path(language), mo)):
            if not path.exists() or path.read_bytes() != content:
                changed.append(str(path))
                if not check_only:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(content)
    return changed


def untranslated(language: str) -> list[str]:
    """msgids of a catalogue with no (or a fuzzy) translation."""
    entries = parse_po(po_path(language).read_text("utf-8"))
    return [e.msgid for e in entries if e.msgid and (not e.msgstr or e.fuzzy)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpdesk_tui.i18n.catalog")
    parser.add_argument("action", choices=("update", "check"))
    args = parser.parse_args(argv)
    changed = update(check_only=args.action == "check")
    for path in changed:
        print(("out of date: " if args.action == "check" else "wrote ") + path)
    missing = {lang: untranslated(lang) for lang in LANGUAGES if po_path(lang).exists()}
    for lang, ids in missing.items():
        for msgid in ids:
            print(f"{lang}: untranslated: {msgid!r}")
    return 1 if (args.action == "check" and changed) or any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
