using Article42.Mesh.Storage.Tests.Backends;

// One throwaway PostgreSQL server for the whole assembly; every test works in its own schema.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
