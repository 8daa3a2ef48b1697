using Microsoft.Data.Sqlite;

namespace Article42.Mesh.Storage.Sqlite;

/// <summary>The write statements of one group, each prepared once and re-bound for every row.</summary>
internal sealed class SqliteCommands(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly List<SqliteCommand> _created = [];

    public SqliteCommand StreamVersion => field ??= Create(SqliteSql.StreamVersion, "$stream");

    public SqliteCommand SetStreamVersion => field ??= Create(SqliteSql.SetStreamVersion, "$stream", "$version");

    public SqliteCommand InsertEntry => field ??= Create(SqliteSql.InsertEntry, "$stream", "$version", "$type", "$payload", "$message_id", "$at", "$key_id");

    public SqliteCommand UpsertQueued => field ??= Create(SqliteSql.UpsertQueued, "$queue", "$sequence", "$precedence", "$payload", "$message_id", "$at", "$origin_stream", "$origin_version");

    public SqliteCommand RemoveQueued => field ??= Create(SqliteSql.RemoveQueued, "$queue", "$sequence");

    public SqliteCommand SaveSnapshot => field ??= Create(SqliteSql.SaveSnapshot, "$stream", "$version", "$state", "$at");

    public SqliteCommand GetClaim => field ??= Create(SqliteSql.GetClaim, "$message_id");

    public SqliteCommand InsertClaim => field ??= Create(SqliteSql.InsertClaim, "$message_id", "$owner", "$hash", "$at");

    public void Run(SqliteCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _created)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _created.Add(command);
        return command;
    }
}
