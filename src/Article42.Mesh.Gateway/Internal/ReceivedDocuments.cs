namespace Article42.Mesh.Gateway;

/// <summary>
/// What the gateway hands the application of a fetched message (issue #18): the envelope decoded strictly from the
/// signed document the mesh stored at acceptance (<see cref="InboxMessage.Document"/>), so the application sees what
/// the signature is verified over, not the silo's copy of it. A message from a silo that predates the document is
/// handed as it came.
/// </summary>
internal static class ReceivedDocuments
{
    /// <summary>
    /// <paramref name="message"/> with the envelope its document decodes to; <c>Intact</c> is false when the document
    /// does not decode strictly (damaged where it is stored or on the way), and the message is then handed as it came.
    /// </summary>
    public static (InboxMessage Message, bool Intact) Open(InboxMessage message) =>
        message.Document is not { } document
            ? (message, true)
            : SignedDocuments.Read(document) is { IsSuccess: true, Value: { } read }
                ? (message with { Envelope = read.Envelope }, true)
                : (message, false);
}
