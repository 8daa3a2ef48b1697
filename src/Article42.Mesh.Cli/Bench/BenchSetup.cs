using System.Globalization;
using System.Net;

namespace Article42.Mesh.Cli.Bench;

/// <summary>What a bench run was asked to do, as its first line and its JSON document repeat it.</summary>
internal sealed record BenchSetup(
    IReadOnlyList<IPEndPoint> Endpoints,
    BenchRoster Roster,
    int SizeBytes,
    int EnvelopeBytes,
    int InFlight,
    PrecedenceMix Mix,
    TimeSpan Warmup,
    TimeSpan Duration)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"bench {string.Join(',', Roster.Senders)} -> {string.Join(',', Roster.Receivers)} at {string.Join(',', Endpoints)}: {SizeBytes}-byte text ({EnvelopeBytes}-byte envelopes), {InFlight} in flight, mix {Mix}, {Duration.TotalSeconds:0} s after {Warmup.TotalSeconds:0} s warm-up");
}
