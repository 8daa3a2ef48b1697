namespace Article42.Mesh.Gateway.Tests;

/// <summary>Unsigned envelopes for tests: the gateway signs what it sends.</summary>
public static class Messages
{
    public static Envelope Draft(string from, string[] to, MessageKind kind = MessageKind.Sitrep, Classification label = Classification.Unclassified) =>
        EnvelopeSkeleton.Build(new SkeletonRequest(kind, from, [.. to], [], Label: label), DateTimeOffset.UtcNow);
}
