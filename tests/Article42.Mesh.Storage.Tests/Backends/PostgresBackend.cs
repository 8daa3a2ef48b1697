using System.Text;
using System.Text.Json;
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

    public override async Task<long> QueuePayloadBytesAsync(string store)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT coalesce(sum(length(payload)), 0)::bigint FROM {SchemaOf(store)}.queue", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async Task<long> WorkAsync(string store, JournalQuery query, QueryArguments arguments)
    {
        var sql = new PostgresSql(SchemaOf(store));
        var (text, values) = query switch
        {
            JournalQuery.ReadStreamTail => (sql.ReadStream, new object[] { arguments.StreamOrQueueId, arguments.FromVersion }),
            JournalQuery.FetchQueuedFirst => (sql.FetchQueuedFirst, [arguments.StreamOrQueueId, (long)QueryArguments.PageSize]),
            JournalQuery.FetchQueuedAfter => (sql.FetchQueuedAfter, [arguments.StreamOrQueueId, (long)QueryArguments.PageSize, arguments.After?.Precedence ?? 0, arguments.After?.Sequence ?? 0L]),
            JournalQuery.FindByMessageId => (sql.FindByMessageId, [arguments.StreamOrQueueId]),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + text, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        return RowsExamined(plan.RootElement[0].GetProperty("Plan"));
    }

    public override bool UsesIndexOnly(string plan) =>
        plan.Contains("Index", StringComparison.Ordinal) && !plan.Contains("Seq Scan", StringComparison.Ordinal);

    /// <summary>
    /// Every row a plan node produced (per loop) or read and threw away (filter, index recheck), over the whole plan
    /// tree: what the server touched, which a sequential scan or a walk along an index makes grow with the table.
    /// </summary>
    private static long RowsExamined(JsonElement node)
    {
        var loops = node.TryGetProperty("Actual Loops", out var l) ? l.GetDouble() : 1;
        var rows = node.TryGetProperty("Actual Rows", out var r) ? r.GetDouble() * loops : 0;
        foreach (var removed in new[] { "Rows Removed by Filter", "Rows Removed by Index Recheck", "Rows Removed by Join Filter" })
        {
            if (node.TryGetProperty(removed, out var count))
                rows += count.GetDouble() * loops;
        }

        var children = node.TryGetProperty("Plans", out var plans) ? plans.EnumerateArray().Sum(RowsExamined) : 0;
        return (long)Math.Round(rows) + children;
    }

    protected override async Task<IMessageJournal> OpenCoreAsync(string store, TimeProvider? time) =>
        await PostgresJournal.OpenAsync(new PostgresJournalOptions(ConnectionString) { Schema = SchemaOf(store) }, time);
}
