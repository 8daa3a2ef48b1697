namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Journal</c>: the PostgreSQL journal of the cluster profiles (null in the embedded profile, which keeps a SQLite journal under <see cref="PathSettings.DataDirectory"/>) and its schema.</summary>
public sealed record JournalSettings(string? Postgres, string Schema);
