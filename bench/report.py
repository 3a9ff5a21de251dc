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

ours_layouts = ["infradsl", "infradsl-stream"]
peers = ["kustomize", "helm", "jsonnet"]
tools = ours_layouts + peers
label = {"infradsl": "infradsl (files)", "infradsl-stream": "infradsl (stream)"}
sizes = sorted({size for _, size in list(times) + list(stopped)})
lines = ["| N (objects) | tool | wall time, median (min–max) | peak memory, median | files / tool | stream / tool |", "|---|---|---|---|---|---|"]
summary = ["", "Against the fastest peer (target: at most 0.5):", ""]
for size in sizes:
    ours = {layout: statistics.median(times[(layout, size)]) for layout in ours_layouts if (layout, size) in times}
    for tool in tools:
        sample = times.get((tool, size))
        if not sample:
            if (tool, size) in stopped:
                limit = stopped[(tool, size)]
                ratios = " | ".join(f"< {ours[layout] / limit:.3f}" if layout in ours else "—" for layout in ours_layouts)
                lines.append(f"| {size} ({15 * size}) | {label.get(tool, tool)} | > {limit:.0f} s (stopped) | — | {ratios} |")
            continue
        median = statistics.median(sample)
        ratios = "— | —" if tool in ours_layouts else " | ".join(f"{ours[layout] / median:.2f}" if layout in ours else "—" for layout in ours_layouts)
        lines.append(f"| {size} ({15 * size}) | {label.get(tool, tool)} | {median:.3f} s ({min(sample):.3f}–{max(sample):.3f}) | {statistics.median(memory[(tool, size)]) / 1024:.0f} MB | {ratios} |")
    finished = [(statistics.median(times[(peer, size)]), peer) for peer in peers if (peer, size) in times]
    if finished and ours:
        fastest, peer = min(finished)
        summary.append(f"- N={size}: fastest peer {peer} {fastest:.3f} s; " + ", ".join(
            f"{label[layout]} {ours[layout]:.3f} s = {ours[layout] / fastest:.2f}" for layout in ours_layouts if layout in ours))
growth = []
if 100 in sizes and 1000 in sizes:
    growth.append("")
    growth.append("Growth from N=100 to N=1000 (10× the objects): " + ", ".join(
        f"{label.get(tool, tool)} {statistics.median(times[(tool, 1000)]) / statistics.median(times[(tool, 100)]):.1f}×" if (tool, 1000) in times
        else f"{label.get(tool, tool)} > {stopped[(tool, 1000)] / statistics.median(times[(tool, 100)]):.0f}× (stopped)"
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
        "",
        "| binary size | MB |",
        "|---|---|",
        f"| `gen`, debug | {edit.get('gen size', '?')} |",
        f"| `bench-gen` (gen's rendering and writing), release, Swift runtime linked statically | {edit.get('release size', '?')} |",
    ]
table = "\n".join(lines + summary + growth + edit_lines)
print(table)

readme = open(readme_path).read()
start, end = "<!-- results:start -->", "<!-- results:end -->"
before, rest = readme.split(start, 1)
_, after = rest.split(end, 1)
open(readme_path, "w").write(before + start + "\n" + table + "\n" + end + after)
