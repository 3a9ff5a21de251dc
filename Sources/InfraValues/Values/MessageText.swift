/// Text from a user's file quoted in a finding, kept to a readable length: a minified manifest's
/// value or line can be tens of thousands of characters.
package enum MessageText {
    /// The longest quoted value kept whole.
    static let limit = 80

    /// `text`, or its first 60 characters and how long it is.
    package static func quoted(_ text: String) -> String {
        text.count <= limit ? text : "\(text.prefix(60))… (\(text.count) characters)"
    }

    /// A whole message of someone else's (a parser's) cut at 300 characters.
    package static func cut(_ text: String) -> String {
        text.count <= 300 ? text : "\(text.prefix(300))… (cut)"
    }
}
