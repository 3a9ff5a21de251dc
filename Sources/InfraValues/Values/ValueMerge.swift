extension Value {
    /// Returns this document with `replacement` set at `path`, creating intermediate objects as
    /// needed. An object at the path is merged key by key (the replacement wins); anything else is
    /// replaced. Used by the escape hatch.
    ///
    /// - Throws: ``ValuePathError`` when the path crosses a value that is not an object.
    public func setting(_ replacement: Value, at path: [String]) throws(ValuePathError) -> Value {
        guard let head = path.first else { return merged(with: replacement) }
        guard case .object(var fields) = self else {
            throw ValuePathError(segment: head)
        }
        let child = fields[head] ?? .emptyObject
        do {
            fields.set(head, try child.setting(replacement, at: Array(path.dropFirst())))
        } catch {
            throw ValuePathError(segment: "\(head).\(error.segment)")
        }
        return .object(fields)
    }

    private func merged(with replacement: Value) -> Value {
        guard case .object(var mine) = self, case .object(let theirs) = replacement else {
            return replacement
        }
        for (key, value) in theirs {
            mine.set(key, (mine[key] ?? .emptyObject).merged(with: value))
        }
        return .object(mine)
    }
}

/// A path of the escape hatch crossed a field that is not an object.
public struct ValuePathError: Error, Sendable {
    /// The dotted path up to the field that is not an object.
    public let segment: String
}
