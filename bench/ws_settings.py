"""Settings for the server that bench_websockets.py starts: the project's own settings, with the
channel layer chosen by BENCH_CHANNEL_LAYER ("inprocess", Alongside's layer, which is the
project's default without Redis; or "stock", Channels' InMemoryChannelLayer, for comparison)."""

import os

from config.settings import *  # noqa: F403

LAYERS = {
    "inprocess": "alongside.core.channel_layer.InProcessChannelLayer",
    "stock": "channels.layers.InMemoryChannelLayer",
}
CHANNEL_LAYERS = {"default": {"BACKEND": LAYERS[os.environ.get("BENCH_CHANNEL_LAYER", "inprocess")]}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
