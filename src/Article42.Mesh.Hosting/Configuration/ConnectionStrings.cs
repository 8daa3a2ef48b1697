using System.Text.RegularExpressions;
using Npgsql;
using StackExchange.Redis;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Checks connection strings by parsing them with their own client libraries, before anything connects.</summary>
internal static partial class ConnectionStrings
{
    public static string? CheckRedis(string? value, Action<string, string, string> error)
    {
        if (value is null)
            return null;
        try
        {
            if (ConfigurationOptions.Parse(value).EndPoints.Count > 0)
                return value;
            error(ConfigErrorCodes.BadConnectionString, ConfigKeys.Redis, "names no host (e.g. 127.0.0.1:6379)");
        }
        catch (ArgumentException ex)
        {
            error(ConfigErrorCodes.BadConnectionString, ConfigKeys.Redis, $"not a Redis connection string: {OneLine.Of(ex.Message)}");
        }
        return null;
    }

    public static string? CheckPostgres(string? value, Action<string, string, string> error)
    {
        if (value is null)
            return null;
        try
        {
            if (!string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(value).Host))
                return value;
            error(ConfigErrorCodes.BadConnectionString, ConfigKeys.Postgres, "names no Host (e.g. Host=127.0.0.1;Username=a42;Database=a42)");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            error(ConfigErrorCodes.BadConnectionString, ConfigKeys.Postgres, $"not a PostgreSQL connection string: {OneLine.Of(ex.Message)}");
        }
        return null;
    }

    public static bool IsSchemaName(string value) => SchemaName().IsMatch(value);

    // The journal's own rule (PostgresJournal refuses anything else).
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}\\z")]
    private static partial Regex SchemaName();
}
