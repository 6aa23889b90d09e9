"""The proctor's room view: every candidate of a sitting on one screen (`helpdesk-exam room`)."""
