using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>Reads command input from a file or standard input, never more than the codec would accept plus one byte.</summary>
public static class InputFiles
{
    public static byte[] Read(string fileOrDash)
    {
        if (fileOrDash != "-" && !File.Exists(fileOrDash))
            throw new CliException(CliErrorCodes.NoSuchFile, fileOrDash, "no such file");
        using var stream = fileOrDash == "-" ? Console.OpenStandardInput() : File.OpenRead(fileOrDash);
        var buffer = new byte[Limits.EnvelopeBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        return buffer[..total];
    }

    /// <summary>Reads and strictly decodes an envelope; every decoding error is a refusal.</summary>
    public static Envelope ReadEnvelope(string fileOrDash)
    {
        var result = EnvelopeCodec.Decode(Read(fileOrDash));
        return result.IsSuccess ? result.Value! : throw new CliException(result.Errors);
    }
}
