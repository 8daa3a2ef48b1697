namespace Article42.Mesh.Protocol;

/// <summary>
/// W3C trace context of the gateway's send span. It travels in the envelope so a retry after a crash
/// still joins the message's trace; it is not signed, because the mesh may re-parent it.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.trace-context")]
public sealed record TraceContext
{
    /// <summary>Wire field <c>traceparent</c>.</summary>
    [Id(0)] public string Traceparent { get; init; } = "";
    /// <summary>Wire field <c>tracestate</c>.</summary>
    [Id(1)] public string? Tracestate { get; init; }
}
