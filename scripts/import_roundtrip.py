#!/usr/bin/env python3
"""Checks the round trip of `gen import`: the objects a package it wrote renders equal the objects of
the manifests it was imported from (parsed, as YAML 1.2).

    import_roundtrip.py --namespace NS --objects OBJECTS.jsonl MANIFEST_PATH...
    import_roundtrip.py --namespace NS --rendered DIR MANIFEST_PATH...

`--objects` reads the package's `--objects` output (one JSON object per line), which must hold every
input object and nothing else; `--rendered` reads the YAML files one environment's render wrote
(`out/<env>/kubernetes`), each of which must equal its input object.

The input objects are compared as an environment holds them: a namespaced object without a
namespace is in NS; a cluster-scoped one has none; status, the API server's metadata and kubectl's
last-applied annotation are left out (the import reports each); a null value is an absent one.
"""
import argparse
import json
import os
import sys

from ruamel.yaml import YAML

CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "ClusterSecretStore"}
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"


def plain(value):
    """ruamel's values as plain Python, nulls left out."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def as_environment_holds_it(obj, namespace):
    obj = dict(obj)
    obj.pop("status", None)
    metadata = {k: v for k, v in obj.get("metadata", {}).items() if k in ("name", "namespace", "labels", "annotations")}
    annotations = {k: v for k, v in metadata.get("annotations", {}).items() if k != LAST_APPLIED}
    if annotations:
        metadata["annotations"] = annotations
    else:
        metadata.pop("annotations", None)
    if obj["kind"] in CLUSTER_SCOPED:
        metadata.pop("namespace", None)
    else:
        metadata.setdefault("namespace", namespace)
    obj["metadata"] = metadata
    return obj


def manifest_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for directory, _, names in sorted(os.walk(path)):
            for name in sorted(names):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(directory, name)


def input_objects(paths, namespace):
    yaml = YAML(typ="safe")
    objects = {}
    for path in manifest_files(paths):
        with open(path, encoding="utf-8") as stream:
            for document in yaml.load_all(stream):
                document = plain(document)
                if not isinstance(document, dict) or "kind" not in document:
                    continue
                items = document.get("items", []) if document["kind"].endswith("List") else [document]
                for item in items:
                    item = as_environment_holds_it(item, namespace)
                    objects[key(item)] = item
    return objects


def key(obj):
    metadata = obj.get("metadata", {})
    return (obj["kind"], metadata.get("namespace", ""), metadata.get("name", ""))


def difference(left, right, path=""):
    if isinstance(left, dict) and isinstance(right, dict):
        for name in sorted(set(left) | set(right)):
            if name not in left or name not in right:
                return f"{path}.{name}: only in the {'input' if name in left else 'rendering'}"
            found = difference(left[name], right[name], f"{path}.{name}")
            if found:
                return found
        return None
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return f"{path}: {len(left)} items in the input, {len(right)} rendered"
        for index, (a, b) in enumerate(zip(left, right)):
            found = difference(a, b, f"{path}[{index}]")
            if found:
                return found
        return None
    if type(left) is not type(right) or left != right:
        return f"{path}: {left!r} in the input, {right!r} rendered"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--namespace", required=True)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--objects")
    source.add_argument("--rendered")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    expected = input_objects(args.paths, args.namespace)
    rendered = {}
    if args.objects:
        with open(args.objects, encoding="utf-8") as stream:
            for line in stream:
                obj = json.loads(line)
                rendered[key(obj)] = obj
    else:
        yaml = YAML(typ="safe")
        for name in sorted(os.listdir(args.rendered)):
            if name == "kustomization.yaml":
                continue
            with open(os.path.join(args.rendered, name), encoding="utf-8") as stream:
                obj = plain(yaml.load(stream))
                rendered[key(obj)] = obj

    problems = []
    for object_key, obj in sorted(rendered.items()):
        if object_key not in expected:
            problems.append(f"{'/'.join(object_key)}: rendered, but in no input manifest")
            continue
        found = difference(expected[object_key], obj)
        if found:
            problems.append(f"{'/'.join(object_key)}: {found}")
    if args.objects:
        problems += [f"{'/'.join(k)}: in the input, not rendered" for k in sorted(set(expected) - set(rendered))]
    for problem in problems:
        print(f"import round trip: {problem}", file=sys.stderr)
    if problems or not rendered:
        print(f"import round trip: {len(problems)} difference(s) in {len(rendered)} object(s)", file=sys.stderr)
        sys.exit(1)
    print(f"import round trip: {len(rendered)} object(s) equal their input")


if __name__ == "__main__":
    main()
