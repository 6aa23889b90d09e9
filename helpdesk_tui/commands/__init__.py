"""One module per `helpdesk-exam` subcommand; each has `register(subparsers)`."""
