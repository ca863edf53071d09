"""Legacy Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice headless, then read as .docx.

Each conversion runs in a temporary folder with its own LibreOffice profile
(so conversions in parallel workers do not meet), macros disabled, and a
time limit; nothing is left behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kg.ingest.extracted import FormatError

#: how to get LibreOffice where it is missing (Debian and Ubuntu)
INSTALL_HINT = "apt-get install libreoffice-writer-nogui"
NOT_INSTALLED = f"LibreOffice is needed to read .doc and .wps files and is not installed ({INSTALL_HINT})"
#: seconds one conversion may take
TIMEOUT = 120
# a fresh profile that refuses to run any macro a document carries
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    """The LibreOffice program on PATH (``soffice`` or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, suffix: str, timeout: float = TIMEOUT) -> bytes:
    """The bytes of a .doc or .wps file converted to .docx by LibreOffice.

    Parameters
    ----------
    data : bytes
        The file's contents.
    suffix : str
        ``.doc`` or ``.wps``: LibreOffice is told the file's type by its name.
    timeout : float
        Seconds before the conversion is stopped.

    Raises
    ------
    FormatError
        LibreOffice is not installed, took too long, or made no .docx of the file.
    """
    program = soffice()
    if program is None:
        raise FormatError(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="kg-office-") as tmp:
        folder = Path(tmp)
        source = folder / f"document{suffix}"
        source.write_bytes(data)
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nodefault", "--convert-to", "docx", "--outdir", str(folder / "out"), str(source)]
        env = dict(os.environ, HOME=tmp)
        # its own session, so a time-out ends soffice.bin too and not only the launcher
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                cwd=tmp, env=env, start_new_session=True)
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise FormatError(f"LibreOffice did not convert the file within {timeout:g} s") from None
        target = folder / "out" / "document.docx"
        if proc.returncode != 0 or not target.is_file():
            said = " ".join(output.decode("utf-8", "replace").split())[-200:]
            raise FormatError(f"LibreOffice could not convert the file (exit {proc.returncode}{': ' + said if said else ''})")
        return target.read_bytes()
