namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>One step of a random run against the mesh and its reference model (<see cref="DeliveryModelTests"/>).</summary>
public sealed record ModelOperation(ModelStep Step, int From, int To, int Precedence, int Count)
{
    public override string ToString() => Step switch
    {
        ModelStep.Submit => $"submit {From}->{To} p{Precedence}",
        ModelStep.Resubmit => $"resubmit #{Count}",
        ModelStep.Fetch => $"fetch {To} max {Count}",
        ModelStep.Acknowledge => $"ack {To} first {Count}",
        ModelStep.Crash => $"crash {From}",
        ModelStep.SubmitElsewhere => $"submit {From}->{To} p{Precedence} in the other cluster",
        _ => Step.ToString(),
    };
}

/// <summary>What a <see cref="ModelOperation"/> does.</summary>
public enum ModelStep
{
    Submit,
    Resubmit,
    Fetch,
    Acknowledge,
    Crash,

    /// <summary>A submit through the second cluster: a duplicate activation of the sender, and of the recipient through its lanes.</summary>
    SubmitElsewhere,
}
