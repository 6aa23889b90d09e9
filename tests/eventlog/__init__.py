"""Tests of the signed event log (helpdesk_tui.eventlog)."""
