using Article42.Mesh.Storage.Tests.Backends;
using Article42.Mesh.Storage.Tests.Compliance;

namespace Article42.Mesh.Storage.Tests.Sqlite;

public sealed class SqliteClaimAndAppendTests() : ClaimAndAppendCompliance(new SqliteBackend());
