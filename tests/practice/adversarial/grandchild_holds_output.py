# Right, but at import it forks a child that keeps the output pipe open for
# a minute, in the same process group; its pid goes to a file beside this one.
import os
import time


def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    return ((H + 2 * padding - dilation * (KH - 1) - 1) // stride + 1,
            (W + 2 * padding - dilation * (KW - 1) - 1) // stride + 1)


if os.fork() == 0:
    with open(__file__ + ".pids", "a") as f:
        f.write(str(os.getpid()) + "\n")
    time.sleep(60)
    os._exit(0)
