"""The README screenshot script still works: it captures Home on the demo data as a PNG."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "readme_screenshots.py"


def test_the_script_captures_a_screen_of_the_window_size(qapp, tmp_path):
    spec = importlib.util.spec_from_file_location("readme_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    [saved] = module.capture(tmp_path, only=["home"])
    image = QImage(str(saved))
    assert saved.name == "home.png" and (image.width(), image.height()) == module.SIZE
