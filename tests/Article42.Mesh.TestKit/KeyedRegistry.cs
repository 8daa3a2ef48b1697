using System.Security.Cryptography;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.TestKit;

/// <summary>The default participants with freshly generated keys, made once per test assembly.</summary>
public static class KeyedRegistry
{
    private static readonly Lazy<(ParticipantRegistry Registry, IReadOnlyDictionary<string, ECDsa> Keys)> Store = new(() =>
    {
        var keys = ParticipantRegistry.Default.Participants.ToDictionary(p => p.Id, _ => ParticipantKeys.Generate());
        var registry = new ParticipantRegistry(ParticipantRegistry.Default.Participants.Select(p => p with { PublicKey = ParticipantKeys.PublicKeyOf(keys[p.Id]) }));
        return (registry, keys);
    });

    /// <summary>The default participants, each with a public key.</summary>
    public static ParticipantRegistry Registry => Store.Value.Registry;

    /// <summary>The private key of a participant of <see cref="Registry"/>.</summary>
    public static ECDsa KeyOf(string participant) => Store.Value.Keys[participant];
}
