"""The live, read-only view of a running exam (`helpdesk-exam observe`)."""
