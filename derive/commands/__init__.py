"""CLI command modules; each defines register(app). See derive.cli.COMMAND_MODULES."""
