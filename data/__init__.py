"""The data files kg ships: installed as the package data of ``kg.data`` (see kg/resources.py)."""
