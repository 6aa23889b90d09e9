"""Keep the gettext catalogues in step with the source, without GNU gettext installed.

`python -m helpdesk_tui.i18n.catalog update` finds every `_("...")` and
`N_("...")` literal in the UI sources (and every `ngettext("...", "...", n)`: a
count's message, with one translation per plural form of the language), adds new msgids to each `.po` (with an
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
    "customers/causes.py",
    "runtime/lifecycle.py",
    "runtime/coaching.py",
    "commands",
    "cli.py",
    "i18n/argparse_text.py",
    "sitting/register.py",
    "sitting/hooks.py",
    "sitting/store.py",
    "eventlog/reader.py",
    "eventlog/keys.py",
    "eventlog/verifier.py",
    "eventlog/agreement.py",
    "eventlog/witness.py",
    "scenario/_check.py",
    "scenario/errors.py",
    "scenario/files.py",
    "scenario/kb_article.py",
    "scenario/loader.py",
    "scenario/observation.py",
    "scenario/sla_profile.py",
    "scenario/variation.py",
    "scenario/wording.py",
)
"""Where translatable strings live, relative to the package."""
SCENARIO_SOURCES: tuple[str, ...] = tuple(s for s in SOURCES if s.startswith("scenario/"))
"""The scenario checker's problems (`Phrase` templates, bugs24): `scenario validate`,
`practice` and `simulate` say them in the reader's language."""
HELP_SOURCES: tuple[str, ...] = ("commands", "cli.py")
"""Where a parser's `help=`, `description=` and `title=` literals are msgids too: every
verb's --help is shown in the user's language (`argparse_text.Parser`)."""
HELP_KEYWORDS = frozenset({"help", "description", "title"})
MARKERS = frozenset({"_", "N_", "Phrase"})
PLURAL_MARKER = "ngettext"
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}
"""gettext's rule per language: French counts 0 and 1 as one ("0 ouverte", "1 ouverte")."""

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
    msgid_plural: str = ""
    """A count's message (`ngettext`): its plural msgid; then `forms` hold its translations
    (msgstr[0], msgstr[1], ...) and `msgstr` is unused."""
    forms: list[str] = field(default_factory=list)

    def translated(self) -> bool:
        return bool(self.forms) and all(self.forms) if self.msgid_plural else bool(self.msgstr)


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
        elif line.startswith("msgid_plural ") and current is not None:
            current.msgid_plural, target = _unquote(line[13:]), "msgid_plural"
        elif line.startswith("msgstr[") and current is not None and current.msgid_plural:
            index, _bracket, value = line[7:].partition("] ")
            if index != str(len(current.forms)):
                raise ValueError(f"plural forms out of order: {raw!r}")
            current.forms.append(_unquote(value))
            target = "msgstr"
        elif line.startswith("msgstr "):
            if current is None:
                raise ValueError(f"msgstr without msgid: {raw!r}")
            current.msgstr, target = _unquote(line[7:]), "msgstr"
        elif line.startswith('"') and current is not None and target:
            if target == "msgid":
                current.msgid += _unquote(line)
            elif target == "msgid_plural":
                current.msgid_plural += _unquote(line)
            elif current.msgid_plural:
                current.forms[-1] += _unquote(line)
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
        if entry.msgid_plural:
            fields = [("msgid", entry.msgid), ("msgid_plural", entry.msgid_plural)]
            fields += [(f"msgstr[{n}]", form) for n, form in enumerate(entry.forms)]
        else:
            fields = [("msgid", entry.msgid), ("msgstr", entry.msgstr)]
        for key, value in fields:
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
        f"Plural-Forms: {PLURAL_FORMS[language]}\n"
    )
    return Entry("", msgstr, [f"# {_HEADER[language]} UI strings of helpdesk-exam."])


# --------------------------------------------------------------------------- .mo


def compile_mo(entries: list[Entry]) -> bytes:
    """GNU .mo bytes for the translated, non-fuzzy entries (as msgfmt writes them: a
    count's message as its two msgids and its forms, each joined by NUL)."""
    pairs = sorted(
        (
            "\0".join([e.msgid, e.msgid_plural] if e.msgid_plural else [e.msgid]).encode("utf-8"),
            "\0".join(e.forms if e.msgid_plural else [e.msgstr]).encode("utf-8"),
        )
        for e in entries
        if e.translated() and (not e.fuzzy or e.msgid == "")
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
    return scan(package)[0]


def scan(package: Path = PACKAGE) -> tuple[dict[str, list[str]], dict[str, str]]:
    """`extract`'s msgids, and the plural msgid of each count's message (`ngettext`)."""
    found: dict[str, list[str]] = {}
    plurals: dict[str, str] = {}
    for source in SOURCES:
        root = package / source
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            helps = source in HELP_SOURCES
            for node in ast.walk(tree):
                msgid = _marked_literal(node)
                for text in _help_literals(node) if helps else ():
                    _found_in(found, text, path, package)
                counted = _counted_literals(node)
                if counted is not None:
                    msgid, plurals[counted[0]] = counted
                if msgid is not None:
                    _found_in(found, msgid, path, package)
    return found, plurals


def _found_in(found: dict[str, list[str]], msgid: str, path: Path, package: Path) -> None:
    # The file only, not the line: moving code must not make the catalogue stale.
    where = path.relative_to(package.parent).as_posix()
    places = found.setdefault(msgid, [])
    if where not in places:
        places.append(where)


def _help_literals(node: ast.AST) -> list[str]:
    """A call's `help="..."`, `description="..."` and `title="..."` (argparse's)."""
    if not isinstance(node, ast.Call):
        return []
    return [
        k.value.value
        for k in node.keywords
        if k.arg in HELP_KEYWORDS
        and isinstance(k.value, ast.Constant)
        and isinstance(k.value.value, str)
        and k.value.value
    ]


def _marked_literal(node: ast.AST) -> str | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    if node.func.id not in MARKERS or len(node.args) != 1:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


def _counted_literals(node: ast.AST) -> tuple[str, str] | None:
    """`ngettext("{n} record", "{n} records", n)`: its singular and plural msgids."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    if node.func.id != PLURAL_MARKER or len(node.args) != 3:
        return None
    one, many = node.args[0], node.args[1]
    if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (one, many)):
        return one.value, many.value  # type: ignore[union-attr]
    return None


# --------------------------------------------------------------------------- files


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def merged(
    language: str, used: dict[str, list[str]], plurals: dict[str, str] | None = None
) -> list[Entry]:
    """The catalogue of `language` holding exactly the used msgids, translations kept;
    `plurals`: the plural msgid of each count's message (its forms kept when it had one).

    English translates every msgid to itself, so it is always complete.
    """
    plurals = plurals or {}
    path = po_path(language)
    old = {e.msgid: e for e in parse_po(path.read_text("utf-8"))} if path.exists() else {}
    entries = [header_entry(language)]
    for msgid in sorted(used):
        previous = old.get(msgid)
        plural = plurals.get(msgid, "")
        kept = previous is not None and previous.msgid_plural == plural
        msgstr = previous.msgstr if previous and kept else ""
        forms = list(previous.forms) if previous and kept and plural else []
        if plural and not forms:
            forms = ["", ""]  # every language of ours has two forms (PLURAL_FORMS)
        if language == "en":
            msgstr, forms = ("", [msgid, plural]) if plural else (msgid, [])
        comments = [f"#: {' '.join(used[msgid][:3])}"]
        if previous:
            comments = [c for c in previous.comments if not c.startswith("#:")] + comments
        fuzzy = previous.fuzzy if previous else False
        entries.append(Entry(msgid, msgstr, comments, fuzzy, plural, forms))
    return entries


def update(check_only: bool = False) -> list[str]:
    """Bring every catalogue up to date; return what was (or would be) changed."""
    used, plurals = scan()
    changed: list[str] = []
    for language in LANGUAGES:
        entries = merged(language, used, plurals)
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
    return [e.msgid for e in entries if e.msgid and (not e.translated() or e.fuzzy)]


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
