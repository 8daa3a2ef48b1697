using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// Every protocol list reads as empty when JSON leaves it out (docs/design/architecture.md): at the envelope level,
/// in the payload, inside list items, and lists of objects themselves. <c>to_action</c> is the one required list.
/// </summary>
public sealed class OmittedListTests
{
    [Theory]
    [MemberData(nameof(TestData.AllKinds), MemberType = typeof(TestData))]
    public void Leaving_out_every_list_of_values_keeps_the_objects_and_reads_each_list_as_empty(MessageKind kind)
    {
        var json = JsonNode.Parse(EnvelopeCodec.Encode(TestData.Valid(kind)))!.AsObject();
        var removed = RemoveLists(json, objectLists: false);

        var decoded = Decoded(json, kind, removed);
        Assert.Contains("to_info", removed);
        var objectItems = AssertListsEmpty(decoded, objectLists: false, "$");
        Assert.Equal(CountObjectItems(JsonNode.Parse(EnvelopeCodec.Encode(TestData.Valid(kind)))!), objectItems);
        EncodesAgain(decoded);
    }

    [Theory]
    [MemberData(nameof(TestData.AllKinds), MemberType = typeof(TestData))]
    public void Leaving_out_every_list_lists_of_objects_included_reads_each_as_empty(MessageKind kind)
    {
        var json = JsonNode.Parse(EnvelopeCodec.Encode(TestData.Valid(kind)))!.AsObject();
        var removed = RemoveLists(json, objectLists: true);

        var decoded = Decoded(json, kind, removed);
        Assert.Equal(0, AssertListsEmpty(decoded, objectLists: true, "$"));
        Assert.Null(decoded.AckRequest);
        EncodesAgain(decoded);
    }

    [Fact]
    public void The_action_addressees_are_the_one_required_list()
    {
        var json = JsonNode.Parse(EnvelopeCodec.Encode(TestData.Valid()))!.AsObject();
        json.Remove("to_action");

        var decoded = EnvelopeCodec.Decode(json.ToJsonString());

        Assert.False(decoded.IsSuccess);
        var error = Assert.Single(decoded.Errors);
        Assert.Equal((ErrorCodes.MissingField, "$.to_action"), (error.Code, error.Path));
    }

    private static Envelope Decoded(JsonObject json, MessageKind kind, List<string> removed)
    {
        Assert.NotEmpty(removed);
        var decoded = EnvelopeCodec.Decode(json.ToJsonString());
        Assert.True(decoded.IsSuccess, $"{kind} without [{string.Join(", ", removed)}]: {string.Join("; ", decoded.Errors)}");
        return decoded.Value!;
    }

    private static void EncodesAgain(Envelope decoded)
    {
        var again = EnvelopeCodec.Encode(decoded);
        var twice = EnvelopeCodec.Decode(again);
        Assert.True(twice.IsSuccess, string.Join("; ", twice.Errors));
        Assert.Equal(again, EnvelopeCodec.Encode(twice.Value!));
    }

    /// <summary>Removes every array but <c>to_action</c> (lists of objects only when <paramref name="objectLists"/>; otherwise their items lose their lists); returns the names removed.</summary>
    private static List<string> RemoveLists(JsonObject obj, bool objectLists)
    {
        var removed = new List<string>();
        foreach (var (name, child) in obj.ToList())
        {
            switch (child)
            {
                case JsonArray when name == "to_action":
                    break;
                case JsonArray array when !objectLists && array.Count > 0 && array.All(item => item is JsonObject):
                    foreach (var item in array.OfType<JsonObject>())
                        removed.AddRange(RemoveLists(item, objectLists));
                    break;
                case JsonArray:
                    obj.Remove(name);
                    removed.Add(name);
                    break;
                case JsonObject inner:
                    removed.AddRange(RemoveLists(inner, objectLists));
                    break;
            }
        }
        return removed;
    }

    private static int CountObjectItems(JsonNode node) => node switch
    {
        JsonObject obj => obj.Sum(p => p.Value is null ? 0 : CountObjectItems(p.Value)),
        JsonArray array => array.Count(i => i is JsonObject) + array.Sum(i => i is null ? 0 : CountObjectItems(i)),
        _ => 0,
    };

    /// <summary>
    /// Asserts that every list property of the decoded graph (but <c>ToAction</c>) is enumerable and empty, or, for lists of
    /// objects kept in the JSON, walks into their items. Returns how many list items of objects it walked into.
    /// </summary>
    private static int AssertListsEmpty(object value, bool objectLists, string path)
    {
        var walked = 0;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name is nameof(Envelope.ToAction))
                continue;
            var type = property.PropertyType;
            var at = $"{path}.{property.Name}";
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                var list = property.GetValue(value)!;
                Assert.False((bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(list)!, $"{at} reads as a default array");
                var items = ((IEnumerable)list).Cast<object>().ToList();
                if (!objectLists && items.Count > 0 && IsProtocolObject(type.GetGenericArguments()[0]))
                {
                    foreach (var (item, index) in items.Select((item, index) => (item, index)))
                        walked += 1 + AssertListsEmpty(item, objectLists, $"{at}[{index}]");
                }
                else
                {
                    Assert.True(items.Count == 0, $"{at} reads {items.Count} items after its list was left out");
                }
            }
            else if (IsProtocolObject(type) && property.GetValue(value) is { } child)
            {
                walked += AssertListsEmpty(child, objectLists, at);
            }
        }
        return walked;
    }

    private static bool IsProtocolObject(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(Envelope).Namespace;
}
