"""How SLA levels and priorities read, per language and per use.

A level is one word in the profile ("low") but several on screen: French says
"impact bas" and "urgence basse", because impact is masculine and urgence
feminine; a priority reads "Basse" (la priorité). So a label is looked up by
language, use (impact, urgency or priority) and key (a level, or a priority
id), in this order: the labels the scenario or its SLA profile gives, then the
built-in ones below (the bundled profile's words: high / medium / low and the
priority names Critical / High / Medium / Normal / Low), then the key as written.

Pure data and one function: the UI, the review, the observer and the reports
all use it, so a ticket reads the same on every screen.
"""

from __future__ import annotations

from collections.abc import Mapping

LABEL_USES: tuple[str, ...] = ("impact", "urgency", "priority")
"""What a label is for: an impact level, an urgency level, a priority."""
LABEL_LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")
MAX_LABEL = 40
"""A level or priority label fits a form's choice box."""

Labels = Mapping[str, Mapping[str, Mapping[str, str]]]
"""language -> use -> key (level, or priority id) -> label."""

_LEVELS_EN = {"high": "high", "medium": "medium", "low": "low"}
_LEVELS_NL = {"high": "hoog", "medium": "gemiddeld", "low": "laag"}

BUILT_IN: Labels = {
    "en": {
        "impact": _LEVELS_EN,
        "urgency": _LEVELS_EN,
        "priority": {
            "Critical": "Critical",
            "High": "High",
            "Medium": "Medium",
            "Normal": "Normal",
            "Low": "Low",
        },
    },
    "nl": {
        "impact": _LEVELS_NL,
        "urgency": _LEVELS_NL,
        "priority": {
            "Critical": "Kritiek",
            "High": "Hoog",
            "Medium": "Gemiddeld",
            "Normal": "Normaal",
            "Low": "Laag",
        },
    },
    "fr": {
        "impact": {"high": "haut", "medium": "moyen", "low": "bas"},
        "urgency": {"high": "haute", "medium": "moyenne", "low": "basse"},
        "priority": {
            "Critical": "Critique",
            "High": "Haute",
            "Medium": "Moyenne",
            "Normal": "Normale",
            "Low": "Basse",
        },
    },
}
"""The words of the bundled profile in each language. Built-in priority labels are
keyed by the priority's own (English) name, since profiles name their ids freely."""


def sla_label(
    labels: Labels, use: str, key: str, language: str, priority_name: str | None = None
) -> str | None:
    """The label of `key` for `use` in `language`: the given labels, else the built-in
    ones (for a priority: by its `priority_name`); None when neither has one."""
    own = labels.get(language, {}).get(use, {}).get(key)
    if own:
        return own
    built_in = BUILT_IN.get(language, {}).get(use, {})
    return built_in.get(priority_name if use == "priority" and priority_name else key)


def merge_labels(base: Labels, over: Labels) -> dict[str, dict[str, dict[str, str]]]:
    """`over`'s labels on top of `base`'s (a scenario's on top of its profile's)."""
    merged: dict[str, dict[str, dict[str, str]]] = {}
    for source in (base, over):
        for language, uses in source.items():
            for use, table in uses.items():
                merged.setdefault(language, {}).setdefault(use, {}).update(table)
    return merged
