import InfraDSL

/// The checkov findings our output causes on purpose, each skipped on its object with the reason
/// (checkov reads `checkov.io/skip<n>: CHECK=reason` annotations). Kept in one place, so every
/// exception is reviewed together; anything else checkov finds fails the test command.
enum ScannerExceptions {
    /// One skipped check and why.
    struct Exception {
        let check: String
        let reason: String
    }

    /// The engine's StatefulSet.
    static func engine(_ stage: Stage) -> Labels {
        var exceptions: [Exception] = []
        if !LowLatency.capabilities(stage.config).isEmpty {
            exceptions.append(Exception(check: "CKV_K8S_25", reason: "SYS_NICE is the one capability added back after dropping all: the engine raises its threads' priority (performance.thread_priority)"))
        }
        if !stage.pinsImages { exceptions += developmentImages }
        return annotations(exceptions)
    }

    /// An application's Deployment (``Application``).
    static func application(_ stage: Stage) -> Labels {
        stage.pinsImages ? .none : annotations(developmentImages)
    }

    /// Development's own database and cache.
    static var developmentServices: Labels { annotations(developmentImages) }

    /// Development runs images by tag (a developer's build, the public PostgreSQL and Redis images),
    /// pulled once; staging and production run only images pinned by digest.
    private static let developmentImages = [
        Exception(check: "CKV_K8S_43", reason: "development runs images by tag; staging and production are pinned by digest, which gen promote requires"),
        Exception(check: "CKV_K8S_15", reason: "development pulls a tag once, so a developer's cluster keeps working offline; staging and production run digests, which never change"),
    ]

    private static func annotations(_ exceptions: [Exception]) -> Labels {
        Labels(exceptions.enumerated().map { ("checkov.io/skip\($0.offset + 1)", "\($0.element.check)=\($0.element.reason)") })
    }
}
