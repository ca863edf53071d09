"""Sinks: where the graph goes (files, Neo4j, the embedded store). Sinks never import kg.extract."""
