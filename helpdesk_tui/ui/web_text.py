"""What `deploy/serve.py` (practice in a browser) tells a visitor it turns away or closes.

Kept here, inside the package, so the catalogue (`i18n.catalog`) finds the msgids and a
Dutch or French class reads its own language (`serve.py --lang`, else the server's
locale): until sec24 these were English only. No Textual here: serve.py imports it
before textual-serve starts anything.
"""

from __future__ import annotations

from helpdesk_tui.i18n import N_

FULL_TEXT = N_(
    "All {n} practice places on this server are taken. Close a practice tab you no longer "
    "use, or try again in a few minutes. (The person who runs this server can allow more "
    "with serve.py --max-sessions.)"
)
"""What a visitor past the cap reads: on the page, and in the tab's terminal."""
IDLE_TEXT = N_(
    "This practice session was closed after {n} min without a key; its log is kept. "
    "Open the page again to start a new session."
)
"""What a tab closed for its quiet reads in its terminal."""
STARTS_TEXT = N_(
    "{n} practice sessions were started from your address in the last minute, the most "
    "this server allows. Wait a minute, then open the page again. (The person who runs "
    "this server can allow more with serve.py --starts-per-minute.)"
)
"""What a visitor reads when their address has started its sessions for the minute."""
TAB_CLOSED = "the browser tab was closed"
"""The interruption's reason when textual-serve ends a tab's practice (its `quit` packet);
worded for the reader by `ui.format.PAUSE_REASON_LABELS`."""
TAB_IDLE = "tab_idle"
"""The meta packet serve.py sends a tab's practice before it closes the tab for its quiet,
so the log can say why (Textual's web driver passes over types it does not know)."""
TAB_IDLE_CLOSED = "the browser tab was closed after a time without a key"
"""The interruption's reason for a tab closed that way."""
