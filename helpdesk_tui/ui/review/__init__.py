"""The assessor's review TUI (`helpdesk-exam review`) and the read-only panels it shares
with the live observer (`helpdesk-exam observe`)."""
