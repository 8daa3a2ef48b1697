namespace Article42.Mesh.Protocol;

/// <summary>MATCH_PROPOSAL: the hub's advisory pairing of offers with RFA lines, and the gaps left; decisions stay national.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.match-proposal")]
public sealed record MatchProposalBody : MessageBody
{
    /// <summary>Wire field <c>allocations</c>.</summary>
    [Id(0)] public ImmutableArray<Allocation> Allocations { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Needs no offer covers, one sentence each.</summary>
    [Id(1)] public ImmutableArray<string> Gaps { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>note</c>.</summary>
    [Id(2)] public string? Note { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        if (Allocations.IsDefaultOrEmpty && Gaps.IsDefaultOrEmpty)
            context.Inconsistent($"{path}.allocations", "a match proposal holds at least one allocation or gap");
        context.Items(Allocations, $"{path}.allocations", (allocation, itemPath) => context.RequirePresent(allocation, itemPath)?.Validate(context, itemPath));
        context.Texts(Gaps, $"{path}.gaps", Limits.LineText);
        context.OptionalText(Note, $"{path}.note", Limits.LongText);
    }
}
