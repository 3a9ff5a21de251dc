"""Writes the contents of Prometheus Operator objects in the formats promtool and amtool check.

  monitoring_objects.py rules PROMETHEUSRULE.yaml OUT.yaml
      the PrometheusRule's spec (its rule groups) as a Prometheus rule file;
  monitoring_objects.py alertmanager ALERTMANAGERCONFIG.yaml OUT.yaml
      the AlertmanagerConfig as an Alertmanager configuration, the way the operator merges one
      into Alertmanager's: its route under the root route, restricted to the object's namespace,
      its receivers and inhibit rules; a Secret a receiver reads is a file path (amtool does not
      read it).
"""
import sys

import yaml

DURATIONS = {"groupWait": "group_wait", "groupInterval": "group_interval", "repeatInterval": "repeat_interval"}


def matcher(item):
    return f'{item["name"]}{item.get("matchType", "=")}"{item.get("value", "")}"'


def route(spec, namespace=None):
    out = {"receiver": spec["receiver"]} if "receiver" in spec else {}
    if "groupBy" in spec:
        out["group_by"] = spec["groupBy"]
    for key, name in DURATIONS.items():
        if key in spec:
            out[name] = spec[key]
    matchers = [matcher(item) for item in spec.get("matchers", [])]
    if namespace is not None:
        matchers.insert(0, f'namespace="{namespace}"')
    if matchers:
        out["matchers"] = matchers
    if "continue" in spec:
        out["continue"] = spec["continue"]
    if "routes" in spec:
        out["routes"] = [route(child) for child in spec["routes"]]
    return out


def secret_file(selector):
    return f'/etc/alertmanager/secrets/{selector["name"]}/{selector["key"]}'


def receiver(spec):
    out = {"name": spec["name"]}
    if "webhookConfigs" in spec:
        out["webhook_configs"] = [
            {**({"url": item["url"]} if "url" in item else {"url_file": secret_file(item["urlSecret"])}),
             "send_resolved": item.get("sendResolved", True)}
            for item in spec["webhookConfigs"]
        ]
    if "slackConfigs" in spec:
        out["slack_configs"] = [
            {"api_url_file": secret_file(item["apiURL"]), **({"channel": item["channel"]} if "channel" in item else {}),
             "send_resolved": item.get("sendResolved", False)}
            for item in spec["slackConfigs"]
        ]
    return out


def main():
    mode, source, target = sys.argv[1:4]
    with open(source, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    if mode == "rules":
        assert document["kind"] == "PrometheusRule", source
        out = {"groups": document["spec"]["groups"]}
    elif mode == "alertmanager":
        assert document["kind"] == "AlertmanagerConfig", source
        spec = document["spec"]
        namespace = document["metadata"]["namespace"]
        top = route(spec["route"], namespace)
        out = {
            "route": {"receiver": top["receiver"], "routes": [top]},
            "receivers": [receiver(item) for item in spec.get("receivers", [])],
        }
        if "inhibitRules" in spec:
            out["inhibit_rules"] = [
                {"source_matchers": [matcher(item) for item in rule.get("sourceMatch", [])],
                 "target_matchers": [matcher(item) for item in rule.get("targetMatch", [])],
                 "equal": rule.get("equal", [])}
                for rule in spec["inhibitRules"]
            ]
    else:
        sys.exit(f"unknown mode {mode}")
    with open(target, "w", encoding="utf-8") as handle:
        yaml.safe_dump(out, handle, sort_keys=False)


if __name__ == "__main__":
    main()
