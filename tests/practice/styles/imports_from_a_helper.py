# The function lives in a module beside this file.
from styles_helpers import backward_gradient  # noqa: F401
