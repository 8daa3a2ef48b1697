using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// schemas/canonical-members.md, made from the codec's own contract: the member order of the envelope, the label, the
/// trace and every payload (with the objects they hold), each member's JSON type and every enum's wire names.
/// </summary>
internal static class CanonicalMembers
{
    public static string Describe()
    {
        var text = new StringBuilder("""
            # Canonical member order

            Generated from the codec's contract by `CanonicalMembersTests` (which fails when this file and the code differ);
            part of [canonical-json.md](canonical-json.md). Members are written in the order listed; a member whose value
            is null is left out; a list is always written, `[]` when empty. Payloads are typed by the envelope's `kind`.

            """.ReplaceLineEndings("\n"));
        var roots = new[] { typeof(Envelope) }.Concat(MessageCatalogue.All.Select(info => info.BodyType).Distinct());
        var done = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        var enums = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var type))
        {
            if (!done.Add(type))
                continue;
            var info = MeshJsonContext.Default.GetTypeInfo(type)!;
            text.Append('\n').Append("## ").Append(Heading(type)).Append("\n\n");
            var number = 0;
            foreach (var member in info.Properties.Where(p => p.AttributeProvider?.IsDefined(typeof(JsonIgnoreAttribute), false) != true))
                text.Append(++number).Append(". `").Append(member.Name).Append("`: ").Append(Kind(member.PropertyType, pending, enums)).Append('\n');
        }
        text.Append("\n## Enum wire names\n\n");
        foreach (var (name, type) in enums)
            text.Append("- ").Append(name).Append(": ").AppendJoin(", ", Enum.GetValues(type).Cast<object>().Select(v => $"`{Wire(v, type)}`")).Append('\n');
        return text.ToString();
    }

    private static string Heading(Type type)
    {
        var kinds = MessageCatalogue.All.Where(info => info.BodyType == type).Select(info => EnvelopeCodec.KindName(info.Kind)).ToList();
        return kinds.Count == 0 ? type.Name : $"{type.Name} (payload of {string.Join(", ", kinds)})";
    }

    private static string Kind(Type type, Queue<Type> pending, SortedDictionary<string, Type> enums)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return "string";
        if (type == typeof(int) || type == typeof(long))
            return "integer";
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(DateTimeOffset))
            return "time";
        if (type == typeof(MessageBody))
            return "object: the payload of the envelope's kind";
        if (type.IsEnum)
        {
            enums[type.Name] = type;
            return $"enum {type.Name}";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            return "list of " + Kind(type.GetGenericArguments()[0], pending, enums);
        pending.Enqueue(type);
        return $"object {type.Name}";
    }

    private static string Wire(object value, Type type) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo)MeshJsonContext.Default.GetTypeInfo(type)!).Trim('"');
}
