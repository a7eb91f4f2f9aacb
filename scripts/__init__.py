"""Scripts run from a checkout (``python -m scripts.screenshots``); not part of the package."""
