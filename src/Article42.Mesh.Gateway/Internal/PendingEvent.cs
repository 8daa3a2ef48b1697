namespace Article42.Mesh.Gateway;

/// <summary>An event waiting for the application, with what marks it as handed: its inbox message id, or its report feed position.</summary>
internal sealed record PendingEvent(MeshEvent Event, string? InboxMessageId, long ReportPosition);
