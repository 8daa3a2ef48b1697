using System.Text;
using Article42.Mesh.Storage.Postgres;
using Npgsql;

namespace Article42.Mesh.Storage.Tests.Backends;

/// <summary>Each store is its own schema in the assembly's database, so tests never see each other's rows.</summary>
public sealed class PostgresBackend(PostgresFixture postgres) : JournalBackend
{
    private readonly string prefix = $"t{Guid.NewGuid():N}"[..12];

    public string ConnectionString => postgres.Require();

    public string SchemaOf(string store) => $"{prefix}_{store.ToLowerInvariant().Replace('-', '_')}";

    public override IReadOnlyList<string> CrashHelperArguments(string store) => ["postgres", ConnectionString, SchemaOf(store)];

    public override async Task<string> PlanAsync(string store, JournalQuery query, string streamOrQueueId)
    {
        var sql = new PostgresSql(SchemaOf(store));
        var (text, values) = query switch
        {
            JournalQuery.ReadStreamTail => (sql.ReadStream, new object[] { streamOrQueueId, 99_990L }),
            JournalQuery.FetchQueuedFirst => (sql.FetchQueuedFirst, [streamOrQueueId, 10L]),
            JournalQuery.FetchQueuedAfter => (sql.FetchQueuedAfter, [streamOrQueueId, 10L, 3, 50_000L]),
            JournalQuery.FindByMessageId => (sql.FindByMessageId, [streamOrQueueId]),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand($"ANALYZE {sql.Schema}.entries; ANALYZE {sql.Schema}.queue; ANALYZE {sql.Schema}.streams", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + text, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }

    public override bool UsesIndexOnly(string plan) =>
        plan.Contains("Index", StringComparison.Ordinal) && !plan.Contains("Seq Scan", StringComparison.Ordinal);

    protected override async Task<IMessageJournal> OpenCoreAsync(string store, TimeProvider? time) =>
        await PostgresJournal.OpenAsync(new PostgresJournalOptions(ConnectionString) { Schema = SchemaOf(store) }, time);
}
