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
        var run = await TestProcess.RunAsync(kubectl!, ["kustomize", directory], TimeSpan.FromSeconds(60));
        return run.ExitCode == 0
            ? run.Output
            : throw new InvalidOperationException($"kubectl kustomize {directory} exited with {run.ExitCode}: {run.Errors}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, "kubectl"))
            .FirstOrDefault(File.Exists);
}
