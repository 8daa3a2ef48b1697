using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>Writes and reads an enum as <c>UPPER_SNAKE</c> names only; numbers are refused so files stay readable.</summary>
public sealed class UpperSnakeEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false)
    where TEnum : struct, Enum;
