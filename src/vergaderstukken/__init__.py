"""vergaderstukken: meeting documents from a secretariat's YAML files."""

__version__ = "0.1.0"
