using Article42.Mesh.Load.Systems;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// The message of a bench run: the load generator's payload (a SITREP whose situation text is <c>--size</c> bytes) in
/// drill mode. A size the mesh would refuse on every send is refused here instead: the situation is one text field, at
/// most <see cref="Limits.LongText"/> characters, which keeps the signed envelope well within <see cref="Limits.EnvelopeBytes"/>.
/// </summary>
internal static class BenchMessage
{
    public static BenchPayload Create(int textBytes)
    {
        if (textBytes > Limits.LongText)
            throw new CliException(CliErrorCodes.BadOptionValue, "--size",
                $"expects a whole number of bytes from 1 to {Limits.LongText}, the longest text a SITREP's situation may hold (its signed envelope then stays within the mesh's {Limits.EnvelopeBytes}-byte limit), got {textBytes}");
        var payload = BenchPayload.Create(textBytes, MessageMode.Drill);
        return payload.EnvelopeBytes <= Limits.EnvelopeBytes ? payload
            : throw new InvalidOperationException($"a bench envelope of {payload.EnvelopeBytes} bytes is over the mesh's limit: Limits.LongText no longer fits in Limits.EnvelopeBytes");
    }
}
