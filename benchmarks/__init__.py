"""The benchmark suite of issue 6: six measurements against their targets, run on demand (not tests).

    python -m benchmarks                  # everything (about 2-3 minutes), writes benchmarks/RESULTS.md
    python -m benchmarks wait import      # a subset, by name
    python -m benchmarks --quick          # smaller sizes (under a minute)

Names: ``overhead`` (1. client overhead per call), ``import`` (2. import cost), ``wait`` (3. waiting),
``pagination`` (4.), ``concurrency`` (5.), ``emulator`` (6. emulator throughput). Each figure is a
ratio or a count measured side by side in one run, printed with its target and PASS/FAIL; nothing here
asserts an absolute time.
"""
