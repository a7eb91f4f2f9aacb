"""Performance benchmarks for planner-tui: ``python -m benchmarks`` runs them all.

Benchmarks are not tests: they measure, print a table of figures against their targets and
write the results as JSON. Every figure that has a floor is a ratio against a minimal Textual
app measured in the same run, the same way, because these machines are noisy.
"""
