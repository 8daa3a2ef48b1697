using System.Diagnostics;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// <c>kubectl kustomize</c> (kustomize built into kubectl): renders an overlay offline, no cluster needed. The manifest
/// tests read the committed renderings (<c>k8s/rendered/</c>); only the test that re-renders and compares them needs
/// kubectl, and skips where it is missing (no package registry serves one recent enough: Debian's kubernetes-client
/// 1.20 is too old). That skip is on <c>.ci/allowed-skips</c>.
/// </summary>
public static class Kubectl
{
    public static async Task<string> KustomizeAsync(string directory)
    {
        var kubectl = Find();
        if (kubectl is null)
            Assert.Skip("kubectl not found on PATH (it renders k8s/overlays with its built-in kustomize; Debian's kubernetes-client 1.20 is too old for them)");
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {kubectl}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Deadline.Scaled(TimeSpan.FromSeconds(60)));
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"kubectl kustomize {directory} exited with {process.ExitCode}: {await error}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, "kubectl"))
            .FirstOrDefault(File.Exists);
}
