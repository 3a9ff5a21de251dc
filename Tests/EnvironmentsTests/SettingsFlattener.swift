import Foundation
import Yams

/// Turns a YAML document into `path → value` pairs that compare the way a reader of the settings
/// compares them: list items keyed by what identifies them (a port number, a name), scalar lists as
/// sets, `KEY=VALUE` lists as maps, and quantities by amount (`1000m` equals `1`).
enum SettingsFlattener {
    static func flatten(yaml: String) throws -> [String: String] {
        var result: [String: String] = [:]
        flatten(try Yams.load(yaml: yaml) as Any, path: "", into: &result)
        return result
    }

    static func flatten(_ node: Any, path: String, into result: inout [String: String]) {
        switch node {
        case let map as [String: Any] where map.isEmpty:
            result[path] = "empty"
        case is NSNull:
            result[path] = "empty"
        case let map as [String: Any]:
            for (key, value) in map { flatten(value, path: join(path, key), into: &result) }
        case let list as [Any]:
            flattenList(list, path: path, into: &result)
        default:
            result[path] = scalar(node)
        }
    }

    private static func flattenList(_ list: [Any], path: String, into result: inout [String: String]) {
        if let maps = list as? [[String: Any]] {
            for (index, map) in maps.enumerated() {
                let key = ["containerPort", "port", "name"].lazy.compactMap { map[$0].map(scalar) }.first ?? "\(index)"
                flatten(map, path: "\(path)[\(key)]", into: &result)
            }
            return
        }
        let strings = list.map(scalar)
        if !strings.isEmpty, strings.allSatisfy({ $0.contains("=") && !$0.contains(" ") && !$0.hasPrefix("-") }) {
            for entry in strings {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                result[join(path, parts[0])] = normalize(parts.count > 1 ? parts[1] : "")
            }
            return
        }
        for string in strings { result["\(path)[\(string)]"] = "present" }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func scalar(_ node: Any) -> String {
        switch node {
        case let bool as Bool: return bool ? "true" : "false"
        case let int as Int: return "\(int)"
        case let double as Double: return normalize("\(double)")
        case let string as String: return normalize(string)
        default: return "\(node)"
        }
    }

    /// Quantities by amount: `1000m` and `1` are both `1`; `2Gi` is `2147483648`.
    static func normalize(_ text: String) -> String {
        let factors: [(String, Double)] = [
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("m", 0.001), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("", 1),
        ]
        for (suffix, factor) in factors where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(number) else { continue }
            let amount = value * factor
            return amount == amount.rounded() ? String(Int64(amount)) : String(amount)
        }
        return text
    }
}
