"""``python -m kg.bench``: see :mod:`kg.bench`."""

from kg.bench import main

main()
