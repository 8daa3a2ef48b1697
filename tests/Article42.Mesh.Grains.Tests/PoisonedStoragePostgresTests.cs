namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="PoisonedStorageCompliance"/> on a throwaway PostgreSQL server: its rows that do not decode are dead-lettered <c>CORRUPT</c> too.</summary>
public sealed class PoisonedStoragePostgresTests(PostgresLoggedClusterFixture mesh) : PoisonedStorageCompliance(mesh), IClassFixture<PostgresLoggedClusterFixture>;
