using System.Collections.Concurrent;

namespace Article42.Mesh.Load;

/// <summary>Why sends failed, by exception type and first line (a refusal's first error), so a run that refused traffic says why.</summary>
public static class Failures
{
    private static readonly ConcurrentDictionary<string, int> Seen = new(StringComparer.Ordinal);

    public static void Note(Exception exception)
    {
        // A refusal's message names the message id, which would make every refusal a reason of its own: its first error does not.
        var message = (exception is Gateway.MeshRefusedException { Errors: [var first, ..] } ? first.ToString() : exception.Message).Split('\n')[0];
        Seen.AddOrUpdate($"{exception.GetType().Name}: {message[..Math.Min(message.Length, 160)]}", 1, (_, n) => n + 1);
    }

    /// <summary>The reasons seen since the last call, most frequent first, and forgets them.</summary>
    public static IReadOnlyList<string> TakeAll()
    {
        var all = Seen.OrderByDescending(p => p.Value).Select(p => $"{p.Value} x {p.Key}").ToList();
        Seen.Clear();
        return all;
    }
}
