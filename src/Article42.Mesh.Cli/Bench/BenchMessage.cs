using Article42.Mesh.Load.Systems;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Bench;

/// <summary>The message of a bench run: the load generator's payload in drill mode, refused when its signed envelope would pass the mesh's limit.</summary>
internal static class BenchMessage
{
    public static BenchPayload Create(int textBytes)
    {
        var payload = textBytes <= Limits.EnvelopeBytes ? BenchPayload.Create(textBytes, MessageMode.Drill) : null;
        if (payload is { EnvelopeBytes: <= Limits.EnvelopeBytes })
            return payload;
        // The envelope grows byte for byte with the text; its fixed fields take the rest of the limit.
        var largest = Limits.EnvelopeBytes - (BenchPayload.Create(1, MessageMode.Drill).EnvelopeBytes - 1);
        throw new CliException(CliErrorCodes.BadOptionValue, "--size",
            $"expects a whole number of bytes from 1 to {largest}, so that the signed envelope stays within the mesh's {Limits.EnvelopeBytes}-byte limit, got {textBytes}");
    }
}
