using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Strict decoding: before anything is deserialized, the document is walked against the generated contract
/// and every unknown, duplicate, missing or mistyped field is reported with its path, all at once. Input of
/// any shape (random, truncated, oversized, deeply nested) ends as errors, never as an exception.
/// </summary>
internal static partial class StrictJson
{
    private const int MaxErrors = 100;
    private static readonly ConcurrentDictionary<Type, string[]> EnumNames = new();

    /// <summary>Decodes <paramref name="utf8"/>; <paramref name="bodyTypeOf"/> types a payload from the root document.</summary>
    public static DecodeResult<T> Decode<T>(ReadOnlyMemory<byte> utf8, JsonTypeInfo<T> typeInfo, Func<JsonElement, Type?>? bodyTypeOf = null)
        where T : class
    {
        if (utf8.Length > Limits.EnvelopeBytes)
            return DecodeResult<T>.Failed(ErrorCodes.TooLarge, "$", $"{utf8.Length} bytes is more than the limit of {Limits.EnvelopeBytes}");
        if (utf8.Span.StartsWith("\uFEFF"u8))
            utf8 = utf8[3..];
        // JsonDocument checks UTF-8 only when a string is read, which would throw mid-walk: check it all first.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
            return DecodeResult<T>.Failed(ErrorCodes.MalformedJson, "$", "not valid UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = Limits.JsonDepth });
        }
        catch (JsonException ex)
        {
            // The reader has no error kind to switch on; its depth message is the one that names the configured maximum.
            return ex.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                ? DecodeResult<T>.Failed(ErrorCodes.TooDeep, "$", $"nesting is deeper than {Limits.JsonDepth} levels")
                : DecodeResult<T>.Failed(ErrorCodes.MalformedJson, "$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); truncated or not JSON");
        }
        using (document)
        {
            if (!EscapesAreValid(utf8.Span))
                return DecodeResult<T>.Failed(ErrorCodes.MalformedJson, "$", "a string holds an escape that is not valid text (a lone surrogate)");
            var root = document.RootElement;
            var errors = new List<MeshError>();
            if (root.ValueKind != JsonValueKind.Object)
                errors.Add(new MeshError(ErrorCodes.WrongType, "$", "expected a JSON object"));
            else
                new Walker(errors, root, bodyTypeOf).Walk(root, typeInfo, "$");
            if (errors.Count > 0)
                return DecodeResult<T>.Failed(errors);
            try
            {
                return new DecodeResult<T>(root.Deserialize(typeInfo), []);
            }
            catch (JsonException ex)
            {
                // The walk checks every shape the contract has; this is the net beneath it.
                return DecodeResult<T>.Failed(ErrorCodes.WrongType, ex.Path ?? "$", "value has the wrong type or format");
            }
        }
    }

    private sealed class Walker(List<MeshError> errors, JsonElement root, Func<JsonElement, Type?>? bodyTypeOf)
    {
        public void Walk(JsonElement element, JsonTypeInfo typeInfo, string path)
        {
            var options = typeInfo.Options;
            var type = typeInfo.Type;
            var underlying = Nullable.GetUnderlyingType(type);
            if (element.ValueKind == JsonValueKind.Null)
            {
                if (type.IsValueType && underlying is null)
                    Error(ErrorCodes.WrongType, path, "must not be null");
                return;
            }
            if (underlying is not null)
            {
                Walk(element, options.GetTypeInfo(underlying), path);
                return;
            }
            if (type == typeof(MessageBody))
            {
                if (bodyTypeOf?.Invoke(root) is { } bodyType)
                    Walk(element, options.GetTypeInfo(bodyType), path);
                return;
            }
            switch (typeInfo.Kind)
            {
                case JsonTypeInfoKind.Object:
                    WalkObject(element, typeInfo, path);
                    break;
                case JsonTypeInfoKind.Enumerable when element.ValueKind != JsonValueKind.Array:
                    Error(ErrorCodes.WrongType, path, "expected an array");
                    break;
                case JsonTypeInfoKind.Enumerable:
                    var itemInfo = options.GetTypeInfo(typeInfo.ElementType!);
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                        Walk(item, itemInfo, $"{path}[{index++}]");
                    break;
                default:
                    CheckLeaf(element, typeInfo, path);
                    break;
            }
        }

        private void WalkObject(JsonElement element, JsonTypeInfo typeInfo, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(ErrorCodes.WrongType, path, "expected an object");
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var childPath = Child(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    Error(ErrorCodes.DuplicateField, childPath, "field appears more than once");
                    continue;
                }
                var info = typeInfo.Properties.FirstOrDefault(p => p.Name == property.Name && IsWireField(p));
                if (info is null)
                    Error(ErrorCodes.UnknownField, childPath, $"unknown field '{ValidationContext.Truncate(property.Name)}'");
                else
                    Walk(property.Value, typeInfo.Options.GetTypeInfo(info.PropertyType), childPath);
            }
            foreach (var missing in typeInfo.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
                Error(ErrorCodes.MissingField, Child(path, missing.Name), "required field is missing");
        }

        // A [JsonIgnore] member (Envelope.IsTraining) is still listed in the contract, under its snake-case name, with
        // neither getter nor setter: it is never written, so on input it is as unknown as any invented field.
        private static bool IsWireField(JsonPropertyInfo property) => property.Get is not null || property.Set is not null;

        private void CheckLeaf(JsonElement element, JsonTypeInfo typeInfo, string path)
        {
            var type = typeInfo.Type;
            var kind = element.ValueKind;
            if (type == typeof(string) && kind != JsonValueKind.String)
                Error(ErrorCodes.WrongType, path, "expected a string");
            else if (type == typeof(bool) && kind is not (JsonValueKind.True or JsonValueKind.False))
                Error(ErrorCodes.WrongType, path, "expected true or false");
            else if (type == typeof(int) && !(kind == JsonValueKind.Number && element.TryGetInt32(out _)))
                Error(ErrorCodes.WrongType, path, "expected a whole number (32-bit)");
            else if (type == typeof(long) && !(kind == JsonValueKind.Number && element.TryGetInt64(out _)))
                Error(ErrorCodes.WrongType, path, "expected a whole number (64-bit)");
            else if (type == typeof(DateTimeOffset))
                CheckTime(element, path);
            else if (type.IsEnum)
                CheckEnum(element, typeInfo, path);
        }

        private void CheckTime(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.String)
                Error(ErrorCodes.WrongType, path, UtcMillisecondsConverter.ExpectedTime);
            else if (!UtcMillisecondsConverter.TryParse(element.GetString()!, out _, out var error))
                Error(ErrorCodes.WrongType, path, error);
        }

        private void CheckEnum(JsonElement element, JsonTypeInfo typeInfo, string path)
        {
            var names = EnumNames.GetOrAdd(typeInfo.Type, _ => [.. Enum.GetValues(typeInfo.Type).Cast<object>()
                .Select(value => JsonSerializer.Serialize(value, typeInfo).Trim('"'))]);
            if (element.ValueKind != JsonValueKind.String || !names.Contains(element.GetString(), StringComparer.Ordinal))
            {
                var given = element.ValueKind == JsonValueKind.String ? $"'{ValidationContext.Truncate(element.GetString()!)}'" : element.ValueKind.ToString().ToLowerInvariant();
                Error(ErrorCodes.WrongType, path, $"{given} is not one of {string.Join(", ", names)}");
            }
        }

        private void Error(string code, string path, string message)
        {
            if (errors.Count < MaxErrors)
                errors.Add(new MeshError(code, path, message));
        }
    }

    /// <summary>
    /// A syntactically valid document can still escape a lone surrogate (<c>"\ud800"</c>), which only fails when the
    /// string is read; read every escaped string once here so the walk never meets one.
    /// </summary>
    private static bool EscapesAreValid(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Limits.JsonDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                    _ = reader.GetString();
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Child(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{ValidationContext.Truncate(name).Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}\\z")]
    private static partial Regex PlainName();
}
