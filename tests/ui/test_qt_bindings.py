"""The Qt bindings must not lose references to None/True (PySide6 6.12 on CPython 3.11 does,
and the interpreter aborts after a few thousand edits): the reason for the pin in pyproject.toml.
Run in a child process so a bad binding fails this test instead of aborting the whole suite."""
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    class Emitter(QObject):
        changed = Signal(bool)
    emitter = Emitter()
    emitter.changed.connect(lambda value: None)
    none0, true0 = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        label.setText("x")      # a void Qt call
        emitter.changed.emit(True)
    print(sys.getrefcount(None) - none0, sys.getrefcount(True) - true0)
""")


def test_void_calls_and_emits_keep_reference_counts():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    lost_none, lost_true = (int(x) for x in proc.stdout.split())
    assert abs(lost_none) < 50 and abs(lost_true) < 50, (lost_none, lost_true)
