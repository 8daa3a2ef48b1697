using Article42.Mesh.Storage.Tests.Backends;
using Article42.Mesh.Storage.Tests.Compliance;

namespace Article42.Mesh.Storage.Tests.Postgres;

public sealed class PostgresClaimAndAppendTests(PostgresFixture postgres) : ClaimAndAppendCompliance(new PostgresBackend(postgres));
