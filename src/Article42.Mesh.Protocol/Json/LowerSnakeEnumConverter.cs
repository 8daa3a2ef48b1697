using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>Writes and reads an enum as <c>lower_snake</c> names only; numbers are refused so files stay readable.</summary>
public sealed class LowerSnakeEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
