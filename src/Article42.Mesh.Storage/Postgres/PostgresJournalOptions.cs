namespace Article42.Mesh.Storage.Postgres;

/// <summary>Which PostgreSQL database and schema hold the journal.</summary>
public sealed record PostgresJournalOptions(string ConnectionString)
{
    /// <summary>The schema a journal uses unless told otherwise (<c>Journal:Schema</c> of a silo).</summary>
    public const string DefaultSchema = "a42";

    /// <summary>The schema the journal creates and owns; several journals can share a database under different schemas.</summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary>Rows one group commit may carry before the next writes wait for the next transaction.</summary>
    public int MaxGroupRows { get; init; } = 10_000;
}
