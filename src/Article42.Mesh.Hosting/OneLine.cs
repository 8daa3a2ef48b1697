namespace Article42.Mesh.Hosting;

/// <summary>Errors at the edge are one line: exception messages may hold several.</summary>
internal static class OneLine
{
    public static string Of(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
