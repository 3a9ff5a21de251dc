"""Parses HCL files with python-hcl2 and prints their values as JSON, strings decoded.

python-hcl2 keeps string tokens as written (quotes and escapes included); this decodes them per
the HCL spec: \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN, and the template escapes $${ and %%{.
Every file read here is literal data, so a string token holding an unescaped template sequence (${
or %{, which HCL would interpolate) is an error: the parser's own value cannot tell "${x}" written
plainly from "\\u0024{x}", so the raw token is where a lost escape shows.
Usage: hcl_parse.py FILE...  ->  {"FILE": {...}, ...}
"""
import json
import re
import sys

import hcl2

ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{|\$\{|%\{', re.S)
SIMPLE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def decode_quoted(body):
    def replace(match):
        text = match.group(0)
        if text == "$${":
            return "${"
        if text == "%%{":
            return "%{"
        if text in ("${", "%{"):
            raise ValueError("unescaped template sequence " + text + " in the string token \"" + body + "\"")
        code = match.group(1)
        if code[0] in "uU":
            return chr(int(code[1:], 16))
        if code in SIMPLE:
            return SIMPLE[code]
        raise ValueError("unknown escape \\" + code)
    return ESCAPE.sub(replace, body)


HEREDOC_TEMPLATE = re.compile(r'\$\$\{|%%\{|\$\{|%\{')


def decode_heredoc(body):
    def replace(match):
        text = match.group(0)
        if len(text) == 2:
            raise ValueError("unescaped template sequence " + text + " in the heredoc " + repr(body))
        return text[1:]
    return HEREDOC_TEMPLATE.sub(replace, body)


def decode(value):
    if isinstance(value, dict):
        return {decode(key) if isinstance(key, str) else key: decode(item) for key, item in value.items() if key != "__is_block__"}
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, str):
        if value.startswith('"<<EOT\n') and value.endswith('EOT"'):
            return decode_heredoc(value[len('"<<EOT\n'):-len('EOT"')])
        if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
            return decode_quoted(value[1:-1])
        return value
    return value


def main():
    result = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            result[path] = decode(hcl2.load(handle))
    print(json.dumps(result, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main()
