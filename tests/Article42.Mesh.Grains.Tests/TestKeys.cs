using System.Security.Cryptography;

namespace Article42.Mesh.Grains.Tests;

/// <summary>The default participants with freshly generated keys, shared by every test of the assembly.</summary>
public static class TestKeys
{
    private static readonly Lazy<(ParticipantRegistry Registry, IReadOnlyDictionary<string, ECDsa> Keys)> Store = new(() =>
    {
        var keys = ParticipantRegistry.Default.Participants.ToDictionary(p => p.Id, _ => ParticipantKeys.Generate());
        var registry = new ParticipantRegistry(ParticipantRegistry.Default.Participants.Select(p => p with { PublicKey = ParticipantKeys.PublicKeyOf(keys[p.Id]) }));
        return (registry, keys);
    });

    public static ParticipantRegistry Registry => Store.Value.Registry;

    public static ECDsa KeyOf(string participant) => Store.Value.Keys[participant];

    /// <summary>A signed, valid envelope; <paramref name="change"/> edits it before signing.</summary>
    public static Envelope Signed(string from, string[] to, MessageKind kind = MessageKind.Sitrep, Func<Envelope, Envelope>? change = null)
    {
        var envelope = EnvelopeSkeleton.Build(new SkeletonRequest(kind, from, [.. to], []), DateTimeOffset.UtcNow);
        return EnvelopeSignatures.Sign((change ?? (e => e))(envelope), KeyOf(from));
    }
}
