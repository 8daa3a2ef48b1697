using Article42.Mesh.Storage.Tests.Backends;
using Article42.Mesh.Storage.Tests.Compliance;

namespace Article42.Mesh.Storage.Tests.Postgres;

public sealed class PostgresLargeStreamTests(PostgresFixture postgres) : LargeStreamCompliance(new PostgresBackend(postgres));
