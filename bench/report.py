"""Summarizes bench/run.sh's measurements and rewrites the results section of bench/README.md.
Usage: report.py RESULTS_TSV README"""
import statistics
import sys
from collections import defaultdict

results_path, readme_path = sys.argv[1:3]
times = defaultdict(list)
memory = defaultdict(list)
edit = {}
stopped = {}
for line in open(results_path):
    name, size, *values = line.rstrip("\n").split("\t")
    if name == "edit":
        edit[size] = values[0]
        continue
    if values[0] == "timeout":
        stopped[(name, int(size))] = float(values[1])
        continue
    times[(name, int(size))].append(float(values[0]))
    memory[(name, int(size))].append(int(values[1]))

tools = ["infradsl", "kustomize", "helm", "jsonnet"]
sizes = sorted({size for _, size in list(times) + list(stopped)})
lines = ["| N (objects) | tool | wall time, median (min–max) | peak memory, median | ours / tool |", "|---|---|---|---|---|"]
for size in sizes:
    ours = statistics.median(times[("infradsl", size)])
    for tool in tools:
        sample = times.get((tool, size))
        if not sample:
            if (tool, size) in stopped:
                limit = stopped[(tool, size)]
                lines.append(f"| {size} ({15 * size}) | {tool} | > {limit:.0f} s (stopped) | — | < {ours / limit:.3f} |")
            continue
        median = statistics.median(sample)
        ratio = "—" if tool == "infradsl" else f"{ours / median:.2f}"
        lines.append(f"| {size} ({15 * size}) | {tool} | {median:.3f} s ({min(sample):.3f}–{max(sample):.3f}) | {statistics.median(memory[(tool, size)]) / 1024:.0f} MB | {ratio} |")
growth = []
if 100 in sizes and 1000 in sizes:
    growth.append("")
    growth.append("Growth from N=100 to N=1000 (10× the objects): " + ", ".join(
        f"{tool} {statistics.median(times[(tool, 1000)]) / statistics.median(times[(tool, 100)]):.1f}×" if (tool, 1000) in times
        else f"{tool} > {stopped[(tool, 1000)] / statistics.median(times[(tool, 100)]):.0f}× (stopped)"
        for tool in tools if (tool, 100) in times and ((tool, 1000) in times or (tool, 1000) in stopped)))
edit_lines = []
if edit:
    edit_lines = [
        "",
        "| edit-compile loop (`swift build --product gen`, debug) | seconds |",
        "|---|---|",
        f"| after changing one value in Production.swift | {edit.get('one value', '?')} |",
        f"| after adding one resource | {edit.get('one resource', '?')} |",
        f"| clean build of gen | {edit.get('clean build', '?')} |",
        f"| expressions over 100 ms to type-check | {edit.get('slow expressions', '?')} |",
    ]
table = "\n".join(lines + growth + edit_lines)
print(table)

readme = open(readme_path).read()
start, end = "<!-- results:start -->", "<!-- results:end -->"
before, rest = readme.split(start, 1)
_, after = rest.split(end, 1)
open(readme_path, "w").write(before + start + "\n" + table + "\n" + end + after)
