"""The Textual UI of the exam: apps, screens, widgets and their .tcss files.

Textual paints changes on a frame timer (60 a second by default), so a key
press waits up to a frame before it shows. The exam asks for 120 frames a
second (frames are only drawn when something changed, so an idle exam costs
nothing); `TEXTUAL_FPS` in the environment still wins. Set here, before any
module of this package imports Textual, which reads it once.
"""

import os

os.environ.setdefault("TEXTUAL_FPS", "120")
