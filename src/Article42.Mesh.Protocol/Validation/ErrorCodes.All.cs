using System.Reflection;

namespace Article42.Mesh.Protocol;

public static partial class ErrorCodes
{
    /// <summary>
    /// Every code the mesh produces (protocol, SDK, silo start-up, CLI), each once, in declaration order: the one
    /// registry, checked against the table of docs/reference/error-codes.md. Codes used elsewhere refer to these constants.
    /// </summary>
    public static ImmutableArray<string> All { get; } =
    [
        .. typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!),
    ];
}
