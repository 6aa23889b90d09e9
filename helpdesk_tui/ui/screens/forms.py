"""The modal forms, loaded on first use.

The main screen reaches its forms through this module (`forms.TicketForm`...)
so their widgets (ChoiceField, TextArea, RadioSet) are imported when the candidate
first opens a form, not while the exam starts: start-up is measured against a
bare Textual app and every module counts.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "TicketForm": "ticket_form",
    "TransferForm": "ticket_actions",
    "PendingForm": "ticket_actions",
    "ResolveForm": "ticket_actions",
    "TextForm": "ticket_actions",
    "CannedPicker": "pickers",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(import_module(f"helpdesk_tui.ui.screens.{_WHERE[name]}"), name)
