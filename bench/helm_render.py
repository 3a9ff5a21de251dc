"""Renders the benchmark chart for every environment with the Helm v4 SDK, as `helm template` would.
Usage: helm_render.py CHART VALUES_DIR OUT_DIR"""
import os
import sys

import helm_python
import yaml

chart_dir, values_dir, out_dir = sys.argv[1:4]
chart = helm_python.Chart.load(chart_dir)
for environment in ("development", "staging", "production"):
    with open(os.path.join(values_dir, f"values-{environment}.yaml")) as handle:
        values = yaml.safe_load(handle)
    rendered = chart.render(values=values, name="bench", namespace=f"bench-{environment}")
    with open(os.path.join(out_dir, f"{environment}.yaml"), "w") as handle:
        handle.write("\n".join(rendered.values()))
