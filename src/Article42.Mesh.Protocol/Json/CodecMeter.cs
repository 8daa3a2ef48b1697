using System.Diagnostics.Metrics;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Counts of the envelope codec's work, so a test or a profiler can tell how often a message is encoded and decoded
/// on its way through the mesh (issue #18's per-message cost). The silo's telemetry does not export this meter;
/// with no listener a count costs one check.
/// </summary>
public static class CodecMeter
{
    /// <summary>The meter's name, for a <see cref="MeterListener"/>.</summary>
    public const string Name = "Article42.Mesh.Protocol.Codec";

    /// <summary>Instrument counting <see cref="EnvelopeCodec.Encode"/> calls (canonical bytes included).</summary>
    public const string Encodes = "a42.codec.envelope.encodes";

    /// <summary>Instrument counting strict <see cref="EnvelopeCodec.Decode(ReadOnlyMemory{byte})"/> calls.</summary>
    public const string Decodes = "a42.codec.envelope.decodes";

    /// <summary>Instrument counting canonical checks of received bytes (a serializer pass into a comparer, no bytes kept; issue #18).</summary>
    public const string CanonicalChecks = "a42.codec.envelope.canonical_checks";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> EncodeCounter = Meter.CreateCounter<long>(Encodes);
    private static readonly Counter<long> DecodeCounter = Meter.CreateCounter<long>(Decodes);
    private static readonly Counter<long> CanonicalCheckCounter = Meter.CreateCounter<long>(CanonicalChecks);

    internal static void Encoded() => EncodeCounter.Add(1);

    internal static void Decoded() => DecodeCounter.Add(1);

    internal static void CanonicalChecked() => CanonicalCheckCounter.Add(1);
}
