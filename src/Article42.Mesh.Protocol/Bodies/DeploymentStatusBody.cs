namespace Article42.Mesh.Protocol;

/// <summary>DEPLOYMENT_STATUS (LOGSITREP-like): where a committed capability is and how it is doing.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.deployment-status")]
public sealed record DeploymentStatusBody : MessageBody
{
    /// <summary>Wire field <c>offer_id</c>.</summary>
    [Id(0)] public string? OfferId { get; init; }
    /// <summary>Wire field <c>status</c>.</summary>
    [Id(1)] public DeploymentState? Status { get; init; }
    /// <summary>Wire field <c>location</c>.</summary>
    [Id(2)] public string? Location { get; init; }
    /// <summary>Wire field <c>personnel</c>.</summary>
    [Id(3)] public int? Personnel { get; init; }
    /// <summary>Wire field <c>equipment</c>.</summary>
    [Id(4)] public string? Equipment { get; init; }
    /// <summary>Wire field <c>issues</c>.</summary>
    [Id(5)] public string? Issues { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.RequireEnum(Status, $"{path}.status");
        context.OptionalText(Location, $"{path}.location");
        context.InRange(Personnel, 0, BodyChecks.MaxCount, $"{path}.personnel");
        context.OptionalText(Equipment, $"{path}.equipment");
        context.OptionalText(Issues, $"{path}.issues", Limits.LongText);
    }
}
