"""One module per example of the tutorial; ``portproj/routing.py`` wires them."""
