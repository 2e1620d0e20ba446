"""Shared test set-up: offscreen Qt, a temporary document per test."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
