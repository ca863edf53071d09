"""The bytecode of the kg that the benchmark's builds import, compiled before them as an install compiles it.

Python runs a module from the ``.pyc`` beside it (``__pycache__``) when that was written for the source as it is (its
modification time and size), and otherwise compiles the source, writing the ``.pyc`` only when
``PYTHONDONTWRITEBYTECODE`` is not set. With it set (as on the host this benchmark runs on) and kg run from a
checkout, every build, and every worker process it starts, compiles each kg module that has no ``.pyc`` or a stale
one, at each start: ~0.1 s of a one-document rebuild's main process and more of its worker's. ``pip install``
compiles kg's bytecode when it installs it, so an installed kg never pays that. The benchmark does the same before
its builds (``compileall`` over the package, writing ``__pycache__`` beside the sources as a run without the variable
would); ``--no-compile`` leaves the checkout as it is. The JSON's ``bytecode`` says what it found and did.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import time
from pathlib import Path


def without_bytecode(root: Path) -> list[str]:
    """The modules under ``root`` that Python would compile from source: no ``.pyc``, or one for another source."""
    found = []
    for src in sorted(root.rglob("*.py")):
        if "__pycache__" in src.parts:
            continue
        try:
            head = Path(importlib.util.cache_from_source(str(src))).read_bytes()[:16]
        except OSError:
            found.append(str(src.relative_to(root)))
            continue
        st = src.stat()
        if (head[:4] != importlib.util.MAGIC_NUMBER or int.from_bytes(head[4:8], "little") != 0
                or int.from_bytes(head[8:12], "little") != int(st.st_mtime) & 0xFFFFFFFF
                or int.from_bytes(head[12:16], "little") != st.st_size & 0xFFFFFFFF):
            found.append(str(src.relative_to(root)))
    return found


def compile_kg(enabled: bool = True) -> dict:
    """Byte-compile the kg package this process imports (the builds import the same one).

    Parameters
    ----------
    enabled : bool
        Compile; else only count the modules without bytecode.

    Returns
    -------
    dict
        What was found before and after (modules, modules without bytecode, seconds), for the benchmark's JSON.
    """
    import kg

    root = Path(kg.__file__).resolve().parent
    before = without_bytecode(root)
    report = {"package": str(root), "pythondontwritebytecode": os.environ.get("PYTHONDONTWRITEBYTECODE"),
              "modules": sum(1 for p in root.rglob("*.py") if "__pycache__" not in p.parts),
              "modules_without_bytecode": len(before), "compiled_before_builds": enabled}
    if enabled and before:
        t0 = time.perf_counter()
        compileall.compile_dir(str(root), quiet=1)
        report["compile_seconds"] = round(time.perf_counter() - t0, 2)
        report["modules_without_bytecode_after"] = len(without_bytecode(root))
    return report
