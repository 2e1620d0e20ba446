"""One module per tab of the window."""
