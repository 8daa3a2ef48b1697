using System.Security.Cryptography;

using Article42.Mesh.TestKit;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>A fixed clock, a registry whose participants all have keys, and valid envelopes to start from.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The default participants, each with a public key.</summary>
    public static ParticipantRegistry Registry => KeyedRegistry.Registry;

    public static ECDsa KeyOf(string participant) => KeyedRegistry.KeyOf(participant);

    /// <summary>A valid envelope of <paramref name="kind"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Envelope Valid(MessageKind kind = MessageKind.Sitrep, string from = "FR", params string[] to) =>
        EnvelopeSkeleton.Build(new SkeletonRequest(kind, from, to.Length == 0 ? ["DE"] : [.. to], []), Now);

    public static Envelope Signed(Envelope envelope) => EnvelopeSignatures.Sign(envelope, KeyOf(envelope.From));

    public static ImmutableArray<MeshError> Validate(Envelope envelope) => EnvelopeValidator.Validate(envelope, Registry, Now);

    /// <summary>Every catalogue kind, with a sender and addressee the rules allow for it.</summary>
    public static TheoryData<MessageKind> AllKinds() => [.. Enum.GetValues<MessageKind>()];
}
