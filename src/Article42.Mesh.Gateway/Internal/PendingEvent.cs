namespace Article42.Mesh.Gateway;

/// <summary>
/// An event waiting for the application, with what marks it as handed: its inbox message id, or its report feed position;
/// neither (<see cref="Local"/>) for the gateway's own events about its registry, which are yielded as they come.
/// </summary>
internal sealed record PendingEvent(MeshEvent Event, string? InboxMessageId, long ReportPosition)
{
    /// <summary>An event of the gateway's own, with no place in the inbox or the feed.</summary>
    public static PendingEvent Local(MeshEvent e) => new(e, null, -1);

    public bool IsLocal => InboxMessageId is null && ReportPosition < 0;
}
