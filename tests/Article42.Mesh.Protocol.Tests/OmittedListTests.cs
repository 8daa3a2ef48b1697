using System.Text.Json.Nodes;

namespace Article42.Mesh.Protocol.Tests;

public sealed class OmittedListTests
{
    [Theory]
    [MemberData(nameof(TestData.AllKinds), MemberType = typeof(TestData))]
    public void A_payload_that_leaves_out_its_lists_decodes_to_empty_lists_that_encode_again(MessageKind kind)
    {
        var json = JsonNode.Parse(EnvelopeCodec.Encode(TestData.Valid(kind)))!.AsObject();
        RemoveArrays(json["payload"]!);
        var decoded = EnvelopeCodec.Decode(json.ToJsonString());
        if (!decoded.IsSuccess)
            return;
        var again = EnvelopeCodec.Encode(decoded.Value!);
        Assert.True(EnvelopeCodec.Decode(again).IsSuccess);
    }

    private static void RemoveArrays(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                if (child is JsonArray array)
                {
                    foreach (var item in array.OfType<JsonObject>())
                        RemoveArrays(item);
                    if (array.All(item => item is not JsonObject))
                        obj.Remove(name);
                }
                else if (child is not null)
                {
                    RemoveArrays(child);
                }
            }
        }
    }
}
