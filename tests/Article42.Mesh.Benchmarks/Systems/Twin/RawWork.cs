namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>The raw twin's work: none. Every message carries the same opaque bytes, as long as a signed envelope.</summary>
internal sealed class RawWork(BenchPayload payload) : ITwinWork
{
    public string Kind => "raw";

    public byte[] Seal(string from, string messageId, IReadOnlyList<string> to, Precedence precedence) => payload.RawBytes;

    public void Admit(string participant, byte[] bytes)
    {
        // Nothing to check: the raw twin trusts its callers.
    }

    public void Open(byte[] bytes)
    {
        // Nothing to decode: the raw twin's application takes bytes.
    }
}
