// The value layer is part of the library's API: a user of InfraDSL writes `.megabytes(512)` or reads
// a `Value` without importing it separately.
@_exported import InfraValues
