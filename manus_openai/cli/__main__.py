"""``python -m manus_openai.cli``: the same as the ``manus`` console script."""

from manus_openai.cli import main

main()
