namespace Article42.Mesh.Hosting.Connections;

/// <summary>What <see cref="FrameInspector"/> decided about the frame at the start of the buffer.</summary>
/// <param name="Length">Bytes of the frame that passes; 0 while more bytes are needed or when refused.</param>
/// <param name="Reason">The refusal's <see cref="GatewayRefusal"/> reason; null unless refused.</param>
/// <param name="Sentence">Why, for the log.</param>
internal readonly record struct FrameVerdict(long Length, string? Reason, string? Sentence)
{
    public static FrameVerdict NeedMore => default;

    public static FrameVerdict Pass(long length) => new(length, null, null);

    public static FrameVerdict Refuse(string reason, string sentence) => new(0, reason, sentence);
}
