# Wrong on purpose: writes a reply in the harness's form straight to the
# output and leaves before the harness can answer.
import json
import os


def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    return 0, 0


os.write(1, ("DEEPSTEP-RESULT " + json.dumps({"results": [{"ok": {"num": 1.0}}] * 10}) + "\n").encode())
os._exit(0)
