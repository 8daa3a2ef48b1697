using System.Security.Cryptography;

namespace Article42.Mesh.Grains.Tests;

/// <summary>The keyed test registry and signed envelopes made from it.</summary>
public static class TestKeys
{
    public static ParticipantRegistry Registry => KeyedRegistry.Registry;

    public static ECDsa KeyOf(string participant) => KeyedRegistry.KeyOf(participant);

    /// <summary>A signed, valid envelope; <paramref name="change"/> edits it before signing.</summary>
    public static Envelope Signed(string from, string[] to, MessageKind kind = MessageKind.Sitrep, Func<Envelope, Envelope>? change = null)
    {
        var envelope = EnvelopeSkeleton.Build(new SkeletonRequest(kind, from, [.. to], []), DateTimeOffset.UtcNow);
        return EnvelopeSignatures.Sign((change ?? (e => e))(envelope), KeyOf(from));
    }
}
