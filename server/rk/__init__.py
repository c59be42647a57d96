"""ruhr-kg: the linked-open-data knowledge graph of the Ruhr-Konferenz."""

__version__ = "0.1.0"
