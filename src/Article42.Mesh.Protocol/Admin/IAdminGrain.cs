namespace Article42.Mesh.Protocol;

/// <summary>
/// The operators' view of the mesh (<c>a42 trace</c>, <c>a42 status</c>); one activation, key 0. Every call carries an
/// <see cref="OperatorProof"/> signed with the operator key; what it shows is filtered by the operator's clearance and
/// every read, allowed or refused, is written to the audit log (journal stream <c>admin/audit</c>).
/// </summary>
[Alias("a42.admin-grain")]
public interface IAdminGrain : IGrainWithIntegerKey
{
    /// <summary>One message's life: accepted, then per recipient delivered, handed out, acknowledged, dead-lettered.</summary>
    [Alias("trace")]
    ValueTask<TraceOutcome> TraceAsync(OperatorProof proof);

    /// <summary>Silos, gateways and their last heartbeat, backlog per participant, open activations.</summary>
    [Alias("status")]
    ValueTask<StatusOutcome> StatusAsync(OperatorProof proof);
}
