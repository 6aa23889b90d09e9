"""helpdesk-exam: a keyboard-first terminal exam environment for helpdesk operators."""

__version__ = "0.1.0"
