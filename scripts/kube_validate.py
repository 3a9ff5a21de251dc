"""Validates Kubernetes manifests: Kubernetes' own kinds with kubernetes-validate --strict, custom
resources with check-jsonschema against their CustomResourceDefinition's openAPIV3Schema.

kubernetes-validate knows only the API's own kinds; the custom resources we write (External
Secrets, Prometheus Operator) are checked against the CRDs in codegen/crds, made strict as
`kubectl --validate=strict` is (an object schema rejects fields it does not list, unless it
preserves unknown fields), with `x-kubernetes-int-or-string` and `nullable` as the API server reads
them.

Usage: kube_validate.py [--kubernetes-version V] FILE...   (exit 1 and the findings on any problem,
including a kubernetes-validate warning such as a kind it has no schema for)
       kube_validate.py --custom FILE   (exit 0 when every document of FILE is a custom resource)
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

import yaml

# YAML 1.1 resolves a plain `=` to its "value" type, which PyYAML cannot build; Kubernetes reads it
# as the string "=" (kubectl kustomize writes an AlertmanagerConfig's matchType that way).
yaml.SafeLoader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)


def strict(schema):
    """The openAPIV3Schema as a JSON Schema that rejects unlisted fields, recursively."""
    if not isinstance(schema, dict):
        return schema
    out = {key: value for key, value in schema.items() if not key.startswith("x-kubernetes-") and key not in ("nullable", "description")}
    if schema.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if "properties" in out:
        out["properties"] = {name: strict(child) for name, child in out["properties"].items()}
        if "additionalProperties" not in out and not schema.get("x-kubernetes-preserve-unknown-fields"):
            out["additionalProperties"] = False
    if isinstance(out.get("additionalProperties"), dict):
        out["additionalProperties"] = strict(out["additionalProperties"])
    if "items" in out:
        out["items"] = strict(out["items"])
    if schema.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    return out


def custom_schemas():
    """(apiVersion, kind) -> JSON Schema, for every served version of every CRD in codegen/crds."""
    schemas = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "codegen", "crds", "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            for crd in yaml.safe_load_all(handle):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                spec = crd["spec"]
                for version in spec["versions"]:
                    if version.get("served"):
                        schema = strict(version["schema"]["openAPIV3Schema"])
                        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
                        schemas[(f"{spec['group']}/{version['name']}", spec["names"]["kind"])] = schema
    return schemas


def documents(path):
    with open(path, encoding="utf-8") as handle:
        return [document for document in yaml.safe_load_all(handle) if document is not None]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kubernetes-version", default="1.32.0")
    parser.add_argument("--custom", action="store_true")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    schemas = custom_schemas()

    def is_custom(document):
        return (document.get("apiVersion"), document.get("kind")) in schemas

    if arguments.custom:
        found = [document for path in arguments.files for document in documents(path)]
        sys.exit(0 if found and all(is_custom(document) for document in found) else 1)

    problems = []
    with tempfile.TemporaryDirectory() as work:
        # Files of the API's own kinds only go to kubernetes-validate as they are (its messages then
        # name them); the own documents of a file that mixes in custom resources, as a stream of
        # their own.
        own_files, custom = [], {}
        for path in arguments.files:
            own, mixed = [], False
            for index, document in enumerate(documents(path)):
                if is_custom(document):
                    custom.setdefault((document["apiVersion"], document["kind"]), []).append((f"{path} (document {index + 1})", document))
                    mixed = True
                else:
                    own.append(document)
            if own and mixed:
                stream = os.path.join(work, f"own-{len(own_files)}.yaml")
                with open(stream, "w", encoding="utf-8") as handle:
                    yaml.safe_dump_all(own, handle, sort_keys=False)
                own_files.append((stream, path))
            elif own:
                own_files.append((path, path))
        if own_files:
            result = subprocess.run(
                [os.path.join(BIN, "kubernetes-validate"), "--strict", "-k", arguments.kubernetes_version, "--quiet",
                 *[checked for checked, _ in own_files]],
                capture_output=True, text=True)
            output = result.stdout + result.stderr
            if result.returncode != 0 or "WARN" in output:
                for checked, original in own_files:
                    output = output.replace(checked, original)
                problems.append(output)
        for (api_version, kind), found in sorted(custom.items()):
            schema_file = os.path.join(work, f"{kind}.schema.json")
            with open(schema_file, "w", encoding="utf-8") as handle:
                json.dump(schemas[(api_version, kind)], handle)
            instances = []
            for number, (_, document) in enumerate(found):
                instance = os.path.join(work, f"{kind}-{number}.json")
                with open(instance, "w", encoding="utf-8") as handle:
                    json.dump(document, handle)
                instances.append(instance)
            result = subprocess.run(
                [os.path.join(BIN, "check-jsonschema"), "--schemafile", schema_file, *instances], capture_output=True, text=True)
            if result.returncode != 0:
                output = result.stdout + result.stderr
                for number, (name, _) in enumerate(found):
                    output = output.replace(instances[number], name)
                problems.append(f"{api_version} {kind} against its CRD: {output}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
