namespace Article42.Mesh.Docs.Tests;

/// <summary>One thing wrong in one file, printed as <c>path:line: message</c> so an editor can jump to it.</summary>
public sealed record Offence(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
