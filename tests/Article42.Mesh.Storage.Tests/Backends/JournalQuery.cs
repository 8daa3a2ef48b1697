namespace Article42.Mesh.Storage.Tests.Backends;

/// <summary>The journal's hot queries whose plans must stay index look-ups however long a stream or queue grows.</summary>
public enum JournalQuery
{
    ReadStreamTail,
    FetchQueuedFirst,
    FetchQueuedAfter,
    FindByMessageId,
}
