namespace Article42.Mesh.Protocol;

/// <summary>Writes private key files readable and writable by their owner only (mode 600), replacing what is there.</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, string text)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(text);
    }
}
