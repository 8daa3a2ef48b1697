using System.Text.Json.Nodes;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Types a payload with the protocol's own strict codec: the payload is placed in a skeleton envelope of its
/// kind and the envelope is decoded, so unknown, missing and mistyped fields are refused exactly as the mesh
/// refuses them (paths under <c>$.payload</c>). Protocol keeps its JSON contract internal; this is the public way in.
/// </summary>
internal static class PayloadCodec
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (MessageBody? Body, ImmutableArray<MeshError> Errors) Decode(MessageKind kind, JsonObject payload)
    {
        var skeleton = EnvelopeSkeleton.Build(new SkeletonRequest(kind, ScenarioLoader.Excon, [ScenarioLoader.Excon], []), Epoch, Zero);
        var result = EnvelopeCodec.DecodeWithPayload(skeleton, payload);
        return result is { IsSuccess: true, Value: { } decoded } ? (decoded.Payload, []) : (null, result.Errors);
    }

    /// <summary>The body's own rules (required values, ranges, category codes, participants), under <c>$.payload</c>.</summary>
    public static IReadOnlyList<MeshError> Validate(MessageBody body, ParticipantRegistry registry)
    {
        var context = new ValidationContext(registry, Epoch);
        body.Validate(context, "$.payload");
        return context.Errors;
    }

    private static void Zero(Span<byte> bytes) => bytes.Clear();
}
