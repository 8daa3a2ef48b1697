namespace Article42.Mesh.Cli.Keys;

/// <summary>What a registry change prints: on stdout the version, the change and where it went (JSON with <c>--json</c>); on stderr a warning when it was not published.</summary>
public sealed record RegistryUpdateReport(RegistryChange Change, string RegistryPath, string? NotPublished)
{
    public void Print(bool json)
    {
        var version = Change.Next.Version;
        if (NotPublished is not null)
            Console.Error.WriteLine($"warning: not published, the trust store alone holds version {version}: {NotPublished}; 'a42 keys publish' publishes it once the mesh is reachable");
        Console.WriteLine(json ? Json() : Text());
    }

    private string Text()
    {
        var published = NotPublished is null ? $"published: every silo applies version {Change.Next.Version} within its Registry:PollInterval" : "published: no (no mesh reachable)";
        return $"registry version {Change.Next.Version}: {Change.Summary}\n  trust store: {RegistryPath}\n  {published}";
    }

    private string Json() => JsonLines.Write(writer =>
    {
        writer.WriteString("change", Change.Change);
        writer.WriteString("participant", Change.Participant);
        writer.WriteNumber("version", Change.Next.Version);
        writer.WriteString("registry", RegistryPath);
        writer.WriteBoolean("published", NotPublished is null);
        if (NotPublished is not null)
            writer.WriteString("not_published", NotPublished);
        foreach (var (name, value) in Change.Facts)
        {
            switch (value)
            {
                case null:
                    writer.WriteNull(name);
                    break;
                case IEnumerable<string> list when value is not string:
                    writer.WriteStartArray(name);
                    foreach (var item in list)
                        writer.WriteStringValue(item);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteString(name, value.ToString());
                    break;
            }
        }
    });
}
