// The engine's config is part of what the environments define: their users (gen, the tests) see
// `AppConfig` through `import Environments`.
@_exported import EngineConfig
