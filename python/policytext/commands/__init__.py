"""One module per ``policytext`` subcommand; see ``policytext.cli``."""
