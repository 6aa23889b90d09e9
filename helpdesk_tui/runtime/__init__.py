"""A session's life from start (or resume) to seal, in plain classes: no Textual here.

Practice, exam and resume all run a session the same way: the log is written
first, a disk that refuses a write stops the exam clock until it takes writes
again (nothing acknowledged is lost, nothing unacknowledged is forgotten), a
hang-up or a kill leaves the log resumable, and the end is sealed. The UI
(`helpdesk_tui.ui.session_app`) shows these states; the commands wire them up.
"""
