"""`%deepstep check [NAME]` in IPython and Jupyter."""
from IPython.core.magic import Magics, line_magic, magics_class


@magics_class
class DeepstepMagics(Magics):
    @line_magic
    def deepstep(self, line):
        """%deepstep check [NAME]: check the exercise function NAME defined
        in this notebook, or every exercise function defined here."""
        from . import _run, check

        words = line.split()
        if not words or words[0] != "check" or len(words) > 2:
            # In the learner's language, as the program words it.
            raise ValueError(_run(["practice", "cases"])["labels"]["magic_usage"])
        namespace = self.shell.user_ns
        if len(words) == 2:
            return check(words[1], namespace=namespace)
        return check(namespace=namespace)


def register(ipython):
    ipython.register_magics(DeepstepMagics)
