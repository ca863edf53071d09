"""The Cypher schema and query library: installed as the package data of ``kg.cypher`` (see kg/resources.py)."""
