"""Checks that a stream-layout manifests.yaml holds exactly the objects of the file-per-object
layout, in the order its kustomization.yaml lists them (the apply order).
Usage: stream_check.py STREAM KUBERNETES_DIR"""
import os
import sys

import yaml

stream_path, directory = sys.argv[1:3]
with open(stream_path) as handle:
    streamed = list(yaml.safe_load_all(handle))
with open(os.path.join(directory, "kustomization.yaml")) as handle:
    listed = yaml.safe_load(handle)["resources"]
expected = []
for name in listed:
    with open(os.path.join(directory, name)) as handle:
        expected.append(yaml.safe_load(handle))
if streamed != expected:
    for index, (got, want) in enumerate(zip(streamed, expected)):
        if got != want:
            sys.exit(f"document {index + 1} is {got.get('kind')}/{got['metadata']['name']}, expected {listed[index]}")
    sys.exit(f"{len(streamed)} documents, expected {len(expected)}")
print(f"{len(streamed)} documents")
