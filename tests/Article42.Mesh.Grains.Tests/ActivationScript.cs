using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>Plays one activation's protocol through real gateways: each line a message a participant submits.</summary>
public sealed class ActivationScript(MeshClusterFixture mesh, string activationId)
{
    private readonly Dictionary<string, TestGateway> _gateways = [];

    public string ActivationId { get; } = activationId;

    /// <summary>Submits a <paramref name="kind"/> from <paramref name="from"/> in this activation with the body <paramref name="body"/> (else the skeleton's).</summary>
    public async Task<SubmitOutcome> SubmitAsync(string from, MessageKind kind, string[] to, MessageBody? body = null, Func<Envelope, Envelope>? change = null) =>
        (await SubmitEnvelopeAsync(from, kind, to, body, change)).Outcome;

    /// <summary>Submits and insists on a receipt; returns the envelope sent.</summary>
    public async Task<Envelope> SendAsync(string from, MessageKind kind, string[] to, MessageBody? body = null, Func<Envelope, Envelope>? change = null)
    {
        var (envelope, outcome) = await SubmitEnvelopeAsync(from, kind, to, body, change);
        Assert.True(outcome.Receipt is not null, $"{from} {kind}: {string.Join("; ", outcome.Errors)}");
        return envelope;
    }

    private async Task<(Envelope Envelope, SubmitOutcome Outcome)> SubmitEnvelopeAsync(string from, MessageKind kind, string[] to, MessageBody? body, Func<Envelope, Envelope>? change)
    {
        var envelope = TestKeys.Signed(from, to, kind, e => (change ?? (x => x))(e with { ActivationId = ActivationId, Payload = body ?? e.Payload }));
        if (!_gateways.TryGetValue(from, out var gateway))
        {
            // Send-only: scripts never read inboxes, and must not supersede another test's consuming session.
            _gateways[from] = gateway = mesh.Gateway(from);
            await gateway.OpenAsync(consuming: false);
        }
        return (envelope, await gateway.SubmitAsync(envelope));
    }

    /// <summary>Submits and insists on a refusal with <paramref name="code"/>; returns its sentence.</summary>
    public async Task<string> RefusedAsync(string code, string from, MessageKind kind, string[] to, MessageBody? body = null, Func<Envelope, Envelope>? change = null)
    {
        var outcome = await SubmitAsync(from, kind, to, body, change);
        Assert.True(outcome.Receipt is null, $"{from} {kind} was accepted, expected {code}");
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(code, error.Code);
        return error.Message;
    }

    /// <summary>The activation's summary, asked from inside the silo (the method is silo-only).</summary>
    public async Task<ActivationSummary> SummaryAsync() =>
        (await mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IActivationGrain>(ActivationId).SummaryAsync())!;

    public static RfaBody Rfa(string rfaId, params (string Line, string Category, int Quantity)[] lines) => new()
    {
        RfaId = rfaId,
        Lines = [.. lines.Select(l => new RfaLine { LineId = l.Line, CategoryCode = l.Category, Description = "Needed.", Quantity = l.Quantity, Unit = "team", Priority = 1 })],
    };

    public static OfferBody Offer(string offerId, string? rfaId, string? lineId, string category, int quantity) => new()
    {
        OfferId = offerId,
        RfaId = rfaId,
        LineId = lineId,
        Unsolicited = rfaId is null,
        Resource = new ResourceLine { CategoryCode = category, Description = "Offered.", Quantity = quantity, Unit = "team" },
    };

    public static OfferDecisionBody Decision(string offerId, OfferDecisionKind decision, int? accepted = null) =>
        new() { OfferId = offerId, Decision = decision, AcceptedQuantity = accepted };

    public static InventoryDeclarationBody Inventory(string category, int quantity) =>
        new() { Items = [new InventoryItem { CategoryCode = category, Quantity = quantity, Unit = "team" }] };

    public static CommitmentBody Commitment(string offerId) => new() { OfferId = offerId };

    public static DeploymentStatusBody Deployment(string offerId, DeploymentState state) => new() { OfferId = offerId, Status = state };
}
