"""`python -m deepstep`: the app itself, with the same arguments."""
import os
import subprocess
import sys

from ._binary import BinaryNotFound, find


def main():
    try:
        binary = find()
    except BinaryNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    if sys.platform == "win32":
        return subprocess.call([binary, *sys.argv[1:]])
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
