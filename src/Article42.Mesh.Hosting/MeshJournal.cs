using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Storage.Postgres;
using Article42.Mesh.Storage.Sqlite;

namespace Article42.Mesh.Hosting;

/// <summary>Opens the profile's journal: SQLite under the data directory in embedded, PostgreSQL elsewhere.</summary>
internal static class MeshJournal
{
    public static async Task<IMessageJournal> OpenAsync(MeshSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Profile != MeshProfile.Embedded)
        {
            var options = new PostgresJournalOptions(settings.Journal.Postgres!) { Schema = settings.Journal.Schema };
            return await PostgresJournal.OpenAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        try
        {
            DataDirectory.Create(settings.Paths.DataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationFailedException(new MeshError(ConfigErrorCodes.BadDirectory, ConfigKeys.DataDirectory, $"cannot create '{settings.Paths.DataDirectory}': {OneLine.Of(ex.Message)}"));
        }

        return await SqliteJournal.OpenAsync(new SqliteJournalOptions(settings.Paths.JournalPath)).ConfigureAwait(false);
    }

    /// <summary>Where the journal is, for the start-up lines (no password).</summary>
    public static string Describe(MeshSettings settings) =>
        settings.Profile == MeshProfile.Embedded
            ? $"sqlite {settings.Paths.JournalPath}"
            : $"postgres {Redacted(settings.Journal.Postgres!)} schema {settings.Journal.Schema}";

    private static string Redacted(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
