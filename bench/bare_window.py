"""The baseline of bench_startup: a bare PySide6 QMainWindow, started as the app is started."""
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

import probe

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 720)
probe.run(app, window)
