"""Checks that every tool produced the same objects, compared parsed: the race is only fair if so.
Usage: compare.py OURS_DIR NAME=PATH...   (a PATH is a YAML/JSON stream file or a directory of them)"""
import json
import os
import sys

import yaml


def load(path):
    files = []
    if os.path.isdir(path):
        for root, _, names in os.walk(path):
            files += [os.path.join(root, n) for n in names if n.endswith((".yaml", ".json")) and n != "kustomization.yaml"]
    else:
        files = [path]
    objects = {}
    for file in sorted(files):
        with open(file) as handle:
            for document in yaml.load_all(handle, Loader=yaml.CSafeLoader):
                if isinstance(document, list):
                    documents = document
                else:
                    documents = [document]
                for item in documents:
                    if item:
                        key = (item["metadata"].get("namespace", ""), item["kind"], item["metadata"]["name"])
                        objects[key] = item
    return objects


def main():
    ours = load(os.path.join(sys.argv[1]))
    failures = 0
    for argument in sys.argv[2:]:
        name, path = argument.split("=", 1)
        theirs = load(path)
        missing = ours.keys() - theirs.keys()
        extra = theirs.keys() - ours.keys()
        different = [key for key in ours.keys() & theirs.keys() if ours[key] != theirs[key]]
        status = "same" if not (missing or extra or different) else "DIFFERENT"
        print(f"{name}: {len(theirs)} objects, {status}" + (f" (missing {len(missing)}, extra {len(extra)}, different {len(different)}; e.g. {sorted(different or missing or extra)[0]})" if status != "same" else ""))
        failures += status != "same"
    print(f"ours: {len(ours)} objects")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
