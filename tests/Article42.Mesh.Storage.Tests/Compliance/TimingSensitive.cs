namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Tests that compare timings run alone, after the parallel ones, so neighbours do not skew them.</summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;
