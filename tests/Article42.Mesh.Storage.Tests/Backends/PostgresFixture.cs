using Article42.Mesh.TestKit;
using Npgsql;

namespace Article42.Mesh.Storage.Tests.Backends;

/// <summary>
/// Starts the assembly's PostgreSQL server once. A machine without PostgreSQL must not fail the SQLite tests,
/// so a failure to start is kept and thrown from <see cref="Require"/> in the tests that need the server.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? server;
    private Exception? startFailure;

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        try
        {
            server = await PostgresServer.StartAsync(fsync: false);
            ConnectionString = await server.CreateDatabaseAsync("journal");
        }
        catch (Exception error) when (error is ServiceUnavailableException or InvalidOperationException or TimeoutException or NpgsqlException)
        {
            startFailure = error;
        }
    }

    /// <summary>The connection string to the tests' database; skips (or, in CI, fails) the test without a server.</summary>
    public string Require() =>
        startFailure switch
        {
            null => ConnectionString,
            ServiceUnavailableException unavailable => throw new ServiceUnavailableException(unavailable.Message, unavailable),
            _ => throw new InvalidOperationException($"The PostgreSQL test server did not start: {startFailure.Message}", startFailure),
        };

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
