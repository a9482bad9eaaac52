"""The Qt bindings must not drop references to ``None``.

PySide6 6.12.0's abi3 wheel on Python 3.11 dropped one reference to ``None`` on every call
that returns nothing (``setText``, ``setRowHidden`` …) and on every ``index.data()`` that
finds nothing; after some thousands of them Python aborted with "deallocating None" (seen
in Rota's Assign someone search on a large group). Python 3.12 and later never free
``None``; on 3.11 this test fails on such a build, so it is never shipped (pyproject pins
PySide6 below 6.12).
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel

CALLS = 2000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None cannot be freed from 3.12 on")
def test_calls_returning_nothing_keep_none_alive(qapp) -> None:
    label = QLabel()
    model = QStandardItemModel(3, 3)
    index = model.index(1, 1, QModelIndex())
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        index.data(Qt.ItemDataRole.ToolTipRole)  # nothing there: None back
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"{lost} references to None lost in {CALLS} calls"
