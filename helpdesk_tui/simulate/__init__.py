"""Headless runs of a scenario with a scripted candidate (`helpdesk-exam simulate`)."""
