namespace Article42.Mesh.Grains;

/// <summary>
/// Where the registry documents live in the journal (issue #21): the reserved stream <c>admin/registry</c>, one
/// entry per operator-signed document as received, newest last. No participant id can name it (ids have no '/').
/// </summary>
public static class RegistryJournal
{
    /// <summary>The stream of registry documents.</summary>
    public const string Stream = "admin/registry";

    /// <summary>The entry type of a registry document; payload: its UTF-8 JSON, signature included.</summary>
    public const string EntryType = "registry-document";

    /// <summary>Appends <paramref name="document"/> after the stream's newest entry; false when another append came first.</summary>
    public static async ValueTask<bool> TryAppendAsync(IMessageJournal journal, byte[] document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return await TryAppendAfterAsync(journal, await journal.GetVersionAsync(Stream, cancellationToken), document, cancellationToken);
    }

    /// <summary>Appends <paramref name="document"/> right after position <paramref name="newest"/>; false when the stream has moved on since.</summary>
    public static async ValueTask<bool> TryAppendAfterAsync(IMessageJournal journal, long newest, byte[] document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var result = await journal.AppendAsync(Stream, newest, [new JournalEntry(EntryType, document)], cancellationToken: cancellationToken);
        return result is AppendResult.Appended;
    }

    /// <summary>The newest document and its position in the stream, or null when there is none after <paramref name="afterPosition"/>.</summary>
    public static async ValueTask<(long Position, byte[] Document)?> NewestAfterAsync(IMessageJournal journal, long afterPosition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var newest = await journal.GetVersionAsync(Stream, cancellationToken);
        if (newest <= afterPosition)
            return null;
        await foreach (var entry in journal.ReadStreamAsync(Stream, newest, cancellationToken))
            return (entry.Version, entry.Payload);
        return null;
    }
}
