"""One module per example of the tutorial; ``legacyproj/routing.py`` wires them."""
