using System.Text.Json;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary>What <c>a42 status</c> prints of the silos' registry versions (issue #21): each silo's, and a flag when they differ.</summary>
public sealed class StatusRegistryOutputTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Silos_on_different_registry_versions_are_flagged_in_text_and_json()
    {
        var status = Status(3, 2);

        var text = OperatorOutput.StatusText(status);
        Assert.Contains("silo        10.0.0.5:11111@1 a Active since 2026-12-07T08:00:00.000Z, registry version 3", text, StringComparison.Ordinal);
        Assert.Contains("registry    MISMATCH: the silos apply versions 3, 2", text, StringComparison.Ordinal);
        var json = JsonDocument.Parse(OperatorOutput.StatusJson(status)).RootElement;
        Assert.True(json.GetProperty("registry_mismatch").GetBoolean());
        Assert.Equal([3, 2], json.GetProperty("silos").EnumerateArray().Select(s => s.GetProperty("registry_version").GetInt32()));
    }

    [Fact]
    public void Silos_on_the_same_registry_version_are_not_flagged()
    {
        var status = Status(3, 3);

        Assert.DoesNotContain("MISMATCH", OperatorOutput.StatusText(status), StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(OperatorOutput.StatusJson(status)).RootElement.GetProperty("registry_mismatch").GetBoolean());
    }

    private static MeshStatus Status(long first, long second) => new(At,
        [new SiloSummary("10.0.0.5:11111@1", "a", "Active", At, first), new SiloSummary("10.0.0.6:11111@1", "b", "Active", At, second)],
        [], []);
}
