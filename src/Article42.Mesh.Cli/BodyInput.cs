using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>
/// <c>--body JSON|@FILE</c>: replaces a skeleton's payload with the given JSON object and judges the result with the
/// strict codec, so a wrong field is refused with its code and its path under <c>$.payload</c>.
/// </summary>
public static class BodyInput
{
    public static Envelope Apply(Envelope skeleton, string body)
    {
        var text = body.StartsWith('@') ? Encoding.UTF8.GetString(InputFiles.Read(body[1..])) : body;
        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException(ErrorCodes.MalformedJson, "--body", $"the body is not JSON: {ex.Message}");
        }
        if (payload is not JsonObject)
            throw new CliException(ErrorCodes.WrongType, "--body", "the body must be a JSON object (the payload of the message's kind)");
        var decoded = EnvelopeCodec.DecodeWithPayload(skeleton, (JsonObject)payload);
        return decoded.IsSuccess ? decoded.Value! : throw new CliException(decoded.Errors);
    }
}
