using System.Text.Json;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Reads what an <c>a42 listen</c> process printed.</summary>
public static class ListenOutput
{
    /// <summary>The message ids of the received envelopes, in printed order (report lines are skipped).</summary>
    public static List<string> MessageIds(IEnumerable<string> output) => [.. Envelopes(output).Select(e => e.MessageId)];

    /// <summary>Each received envelope: whose inbox, its id and kind.</summary>
    public static IEnumerable<(string Participant, string MessageId, string Kind)> Envelopes(IEnumerable<string> output)
    {
        foreach (var line in output.Where(l => l.StartsWith('{')))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("envelope", out var envelope))
                continue;
            yield return (document.RootElement.GetProperty("participant").GetString()!, envelope.GetProperty("msg_id").GetString()!, envelope.GetProperty("kind").GetString()!);
        }
    }
}
