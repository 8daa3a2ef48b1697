namespace Article42.Mesh.Storage;

/// <summary>Both backends store instants as microseconds since the Unix epoch: one format, PostgreSQL's precision.</summary>
internal static class UnixMicros
{
    public static long From(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset To(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);
}
