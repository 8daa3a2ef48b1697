namespace Article42.Mesh.Grains.Tests;

/// <summary><see cref="OperatorBoundsCompliance"/> on a throwaway PostgreSQL server: operator nonces are claimed in its journal.</summary>
public sealed class OperatorBoundsPostgresTests(PostgresAdminFixture mesh) : OperatorBoundsCompliance(mesh), IClassFixture<PostgresAdminFixture>;
