using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// A test's artefacts folder under the system's temporary folder (histories, timeline, silo logs), created by whoever
/// writes into it: removed when the test did not fail, kept when it failed, for whoever reads the red run. Dispose it
/// from the test class's <c>Dispose</c>: xunit knows the test's result only after the test method has returned.
/// </summary>
public sealed class FailureArtefacts(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}{Guid.NewGuid():N}");

    public void Dispose()
    {
        // No result known (disposed outside xunit's clean-up) keeps the folder: deleting the evidence of a red run is worse.
        if (TestContext.Current.TestState is { Result: not TestResult.Failed })
            TempDirectory.Delete(Path);
    }
}
