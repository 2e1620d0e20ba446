"""绩效自评助手 (selfeval-desktop): project performance self-evaluation for budget units."""
__version__ = "0.1.0"
