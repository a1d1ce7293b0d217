"""Finding the deepstep binary that `pip install` put beside this package,
as ruff's package finds its own: $DEEPSTEP_BIN, then the environment's
scripts folders, then PATH."""
import os
import shutil
import sys
import sysconfig

NAME = "deepstep" + (".exe" if sys.platform == "win32" else "")

# The one thing the package must say without the binary, which holds every
# other sentence deepstep shows.
MISSING = {
    "en": "The deepstep program was not found (looked in {where}). Install it with `pip install deepstep` "
    "or `cargo install --path .`, or set DEEPSTEP_BIN to its path.",
    "ko": "deepstep 프로그램을 찾지 못했습니다 ({where}에서 찾았습니다). `pip install deepstep` 또는 "
    "`cargo install --path .`로 설치하거나, DEEPSTEP_BIN에 그 경로를 지정하세요.",
}


class BinaryNotFound(FileNotFoundError):
    pass


def places():
    """Where to look, in order."""
    found = []
    override = os.environ.get("DEEPSTEP_BIN")
    if override:
        return [override]
    for scheme in (None, sysconfig.get_preferred_scheme("user") if hasattr(sysconfig, "get_preferred_scheme") else None):
        try:
            scripts = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        except KeyError:
            continue
        if scripts:
            found.append(os.path.join(scripts, NAME))
    found.append(os.path.join(os.path.dirname(sys.executable), NAME))
    on_path = shutil.which("deepstep")
    if on_path:
        found.append(on_path)
    return found


def find(lang="en"):
    """The binary's path, or BinaryNotFound saying where it looked."""
    looked = places()
    for path in looked:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    where = ", ".join(looked) or "PATH"
    raise BinaryNotFound(MISSING.get(lang, MISSING["en"]).format(where=where))
