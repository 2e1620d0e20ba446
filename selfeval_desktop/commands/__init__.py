"""One module per headless command; each has ``register(subparsers)`` setting ``run``."""

COMMAND_MODULES = ["score", "check", "demo", "finalize", "verify", "print_cmd", "import_xlsx", "export_xlsx",
                   "aggregate", "backups"]
