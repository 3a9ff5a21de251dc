"""Proves a generated Helm chart with Helm itself (the helm-python-sdk, Helm v4, no binary).

Usage: helm_check.py CHART_DIR VALUES_FILE MANIFEST_DIR NAMESPACE RENDER_OUT_DIR

1. `helm lint --strict` with the environment's values file passes.
2. `helm template` (Chart.render) with that values file gives exactly the objects of MANIFEST_DIR,
   compared as parsed objects (a ConfigMap entry holding YAML is compared parsed). The rendered
   objects are written to RENDER_OUT_DIR for kubernetes-validate.
3. values.schema.json rejects a wrong type, a missing required value, a bad quantity and a values
   file that leaves out one of the environment's choices.
Prints one JSON object; exits 1 if anything failed.
"""
import json
import os
import sys

import helm_python
import yaml


def objects_in(texts):
    found = {}
    for text in texts:
        for document in yaml.safe_load_all(text):
            if document:
                found[(document["kind"], document["metadata"]["name"])] = document
    return found


def normalize(obj):
    if obj.get("kind") == "ConfigMap":
        data = obj.get("data") or {}
        for key, value in list(data.items()):
            try:
                parsed = yaml.safe_load(value)
            except yaml.YAMLError:
                continue
            if isinstance(parsed, dict):
                data[key] = parsed
    return obj


def merged(base, change):
    """`base` with `change` laid over it; None removes a key (as Helm does)."""
    result = dict(base)
    for key, value in change.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


def main():
    chart_dir, values_file, manifest_dir, namespace, out_dir = sys.argv[1:6]
    with open(values_file) as handle:
        environment_values = yaml.safe_load(handle)
    result = {"lint": [], "missing": [], "extra": [], "different": [], "schema_accepted": [], "rendered": 0}

    lint = helm_python.lint(chart_dir, environment_values, strict=True, namespace=namespace, kube_version="1.32.0")
    result["lint"] = [m for m in lint.get("messages", []) if m.get("severity", 0) >= 2] + [{"error": e} for e in lint.get("errors", [])]

    chart = helm_python.Chart.load(chart_dir)
    rendered = chart.render(values=environment_values, name="hft-trading", namespace=namespace)
    os.makedirs(out_dir, exist_ok=True)
    for path, text in sorted(rendered.items()):
        if text.strip():
            with open(os.path.join(out_dir, os.path.basename(path)), "w") as handle:
                handle.write(text)
    ours = objects_in(rendered.values())
    result["rendered"] = len(ours)

    manifests = []
    for name in sorted(os.listdir(manifest_dir)):
        if name.endswith(".yaml") and name != "kustomization.yaml":
            with open(os.path.join(manifest_dir, name)) as handle:
                manifests.append(handle.read())
    expected = objects_in(manifests)
    result["missing"] = sorted("/".join(key) for key in expected.keys() - ours.keys())
    result["extra"] = sorted("/".join(key) for key in ours.keys() - expected.keys())
    for key in sorted(expected.keys() & ours.keys()):
        if normalize(expected[key]) != normalize(ours[key]):
            result["different"].append("/".join(key))

    # Each bad value must be rejected by the values schema itself, at the value's own path: any other
    # error (a template error, a crash) would leave the schema untested.
    bad_values = {
        "wrong type": ({"config": {"database": {"pool_size": "many"}}}, "/config/database/pool_size"),
        "missing required value": ({"config": {"database": {"host": None}}}, "/config/database"),
        "bad quantity": ({"config": {"resources": {"memory": {"request": "8 Gi"}}}}, "/config/resources/memory/request"),
    }
    choices = sorted(environment_values.get("objects", {}))
    if choices:
        bad_values["missing environment choice"] = ({"objects": {choices[0]: None}}, "/objects")
    for mistake, (values, path) in bad_values.items():
        try:
            chart.render(values=merged(environment_values, values), name="hft-trading", namespace=namespace)
            result["schema_accepted"].append(mistake)
        except helm_python.HelmValuesError as error:
            message = str(error)
            if "don't meet the specifications of the schema" not in message or f"at '{path}'" not in message:
                result["schema_accepted"].append(f"{mistake}: rejected for another reason: {message[:300]}")
        except helm_python.HelmError as error:
            result["schema_accepted"].append(f"{mistake}: failed outside the schema: {str(error)[:300]}")

    print(json.dumps(result, sort_keys=True))
    failed = result["lint"] or result["missing"] or result["extra"] or result["different"] or result["schema_accepted"] or not result["rendered"]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
