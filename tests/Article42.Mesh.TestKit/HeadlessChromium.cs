using System.Diagnostics;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Debian's Chromium, headless, for checks that a page renders in a real browser. Never downloads a browser: where
/// <c>/usr/bin/chromium</c> is missing the test skips with the reason, or fails when services are required (CI).
/// </summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>The DOM Chromium built from <paramref name="file"/>, serialized after loading.</summary>
    public static async Task<string> DumpDomAsync(string file, TimeSpan timeout)
    {
        if (!File.Exists(Path))
            throw RequiredService.Unavailable($"{Path} is not installed (apt-get install chromium)");
        var profile = Directory.CreateTempSubdirectory("a42-chromium-").FullName;
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", $"--user-data-dir={profile}", "--dump-dom", new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri,
        })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Deadline.Scaled(timeout));
        await process.WaitForExitAsync(cancel.Token);
        Directory.Delete(profile, recursive: true);
        return await dom;
    }
}
