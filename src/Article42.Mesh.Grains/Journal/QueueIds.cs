namespace Article42.Mesh.Grains;

/// <summary>
/// Queue names. Each sender has one outbox queue per recipient, so a recipient that is down holds back only its
/// own deliveries; each participant has one inbox queue.
/// </summary>
internal static class QueueIds
{
    public static string Outbox(string sender, string recipient) => $"out/{sender}/{recipient}";

    public static string Inbox(string participant) => $"in/{participant}";
}
