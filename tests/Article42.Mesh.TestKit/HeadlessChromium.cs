namespace Article42.Mesh.TestKit;

/// <summary>
/// Debian's Chromium, headless, for checks that a page renders in a real browser. Never downloads a browser: where
/// <c>/usr/bin/chromium</c> is missing the test skips with the reason, or fails when services are required (CI).
/// </summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>The DOM Chromium built from <paramref name="file"/>, serialized after loading.</summary>
    public static Task<string> DumpDomAsync(string file, TimeSpan timeout) =>
        DumpAsync(new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri, [], timeout);

    /// <summary>
    /// The DOM Chromium built from the page at <paramref name="url"/>, serialized once its scripts and their requests
    /// had <paramref name="settle"/> of (virtual) time: what a single-page application rendered from its data.
    /// </summary>
    public static Task<string> DumpDomAsync(Uri url, TimeSpan settle, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        return DumpAsync(url.AbsoluteUri, [$"--virtual-time-budget={(int)settle.TotalMilliseconds}"], timeout);
    }

    private static async Task<string> DumpAsync(string target, string[] options, TimeSpan timeout)
    {
        if (!File.Exists(Path))
            throw RequiredService.Unavailable($"{Path} is not installed (apt-get install chromium)");
        using var profile = new TempDirectory("a42-chromium-");
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", $"--user-data-dir={profile.Path}", .. options, "--dump-dom", target,
        ];
        return (await TestProcess.RunAsync(Path, arguments, timeout).ConfigureAwait(false)).Output;
    }
}
