"""kg: knowledge graphs from Chinese transport-administration documents.

Data flows one way: ingest -> structure -> extract -> resolve -> graph -> sinks.
The library API lives in :mod:`kg.pipeline`; the CLI in :mod:`kg.cli` is a thin
layer over it.
"""

__version__ = "0.1.0"
