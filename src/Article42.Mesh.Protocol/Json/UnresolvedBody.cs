using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>A payload read but not yet typed by its envelope's kind; it never leaves the codec.</summary>
internal sealed record UnresolvedBody(JsonElement Element) : MessageBody
{
    public override void Validate(ValidationContext context, string path) =>
        context.Add(ErrorCodes.BodyKindMismatch, path, "the payload was not typed by the envelope's kind");
}
