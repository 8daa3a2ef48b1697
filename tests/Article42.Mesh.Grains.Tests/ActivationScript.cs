using System.Text.Json;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// Submits and insists on a refusal with <paramref name="code"/> that stores nothing (no entry under the message's id,
    /// the activation's stream as long as before), says the rule's sentence and names the activation's state at the time;
    /// returns the sentence.
    /// </summary>
    public async Task<string> RefusedAsync(string code, string from, MessageKind kind, string[] to, MessageBody? body = null, Func<Envelope, Envelope>? change = null)
    {
        var state = await SummaryOrNullAsync() is { } summary ? JsonNamingPolicy.SnakeCaseUpper.ConvertName(summary.State.ToString()) : "NOT_INVOKED";
        var rows = await mesh.Journal.GetVersionAsync($"activation/{ActivationId}");

        var (envelope, outcome) = await SubmitEnvelopeAsync(from, kind, to, body, change);

        Assert.True(outcome.Receipt is null, $"{from} {kind} was accepted, expected {code}");
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(code, error.Code);
        Assert.Matches(RuleSentences[code], error.Message);
        // The inventory rule binds the offerer's declaration across activations: its sentence names the declaration instead.
        if (code != ErrorCodes.InventoryExceeded)
            Assert.EndsWith($" (activation state {state})", error.Message, StringComparison.Ordinal);
        // The message is stored nowhere; the activation keeps one record of the refusal (who, which kind, the code and
        // the sentence), without the message or its id.
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
        var written = await mesh.Journal.ReadStreamAsync($"activation/{ActivationId}", rows + 1).ToListAsync();
        var refusal = Assert.Single(written);
        Assert.Equal(("refused", null), (refusal.Type, refusal.MessageId));
        using var record = JsonDocument.Parse(refusal.Payload);
        Assert.Equal((from, code, error.Message), (record.RootElement.GetProperty("from").GetString(), record.RootElement.GetProperty("code").GetString(), record.RootElement.GetProperty("message").GetString()));
        return error.Message;
    }

    /// <summary>The sentence of each activation rule (ActivationCase.Judge, and the offerer's inventory), by code.</summary>
    private static readonly Dictionary<string, Regex> RuleSentences = new()
    {
        [ErrorCodes.ActivationUnknown] = new("^activation [^ ]+ was never invoked"),
        [ErrorCodes.ModeMismatch] = new("^activation [^ ]+ is [a-z_]+ traffic; this message is [a-z_]+"),
        [ErrorCodes.ActivationClosed] = new("^activation [^ ]+ is [A-Z_]+: no [A-Z_]+ any more"),
        [ErrorCodes.WrongSenderKind] = new("^(the invoking state does not (acknowledge its own invocation|make offers to itself)|[A-Z_]+ comes from .*, not from '[^']+'|only a member state invokes Art. 42\\(7\\), not '[^']+'|CLOSEOUT_REPORT comes from the invoking state or the coordinating EU body)"),
        [ErrorCodes.NotInvoker] = new("^(activation [^ ]+ was invoked by [A-Z]+; '[^']+' cannot invoke it again|only the invoking state [A-Z]+ may send [A-Z_]+ in activation [^ ]+)"),
        [ErrorCodes.ActivationExists] = new("^activation [^ ]+ is already invoked \\([A-Z_]+\\); a new INVOCATION may only extend the legal basis to BOTH"),
        [ErrorCodes.StateForbids] = new("^activation [^ ]+ is [A-Z_]+(: no new (requests|offers)| already|: close-out follows a TERMINATION)"),
        [ErrorCodes.DuplicateId] = new("^(RFA [^ ]+ exists already; amend it with RFA_AMEND|offer [^ ]+ exists already)"),
        [ErrorCodes.RfaUnknown] = new("^(activation [^ ]+ has no RFA (line )?[^ ]+|RFA [^ ]+ has no line [^ ]+)"),
        [ErrorCodes.LineNotOpen] = new("^RFA line [^ ]+ is [A-Z_]+ and takes no offers"),
        [ErrorCodes.OfferUnknown] = new("^(no offer [^ ]+ was made to [A-Z]+ in activation [^ ]+|activation [^ ]+ has no offer [^ ]+)"),
        [ErrorCodes.OfferStateForbids] = new("^offer [^ ]+ is [A-Z_]+(; it was decided already|: no [A-Z_]+ now)"),
        [ErrorCodes.QuantityExceeded] = new("^offer [^ ]+ offers [0-9]+; [0-9]+ cannot be accepted"),
        [ErrorCodes.NotOfferer] = new("^offer [^ ]+ is [A-Z]+'s; '[^']+' cannot [A-Z_]+ it"),
        [ErrorCodes.AssetsDeployed] = new("^offer [^ ]+ of [A-Z]+ is still [A-Z_]+; close-out waits until every asset has RETURNED"),
        [ErrorCodes.InventoryExceeded] = new("^[A-Z]+ declared [0-9]+ of [^ ]+ and has [0-9]+ committed already; committing [0-9]+ more would exceed it"),
    };

    private async Task<ActivationSummary?> SummaryOrNullAsync() =>
        await mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IActivationGrain>(ActivationId).SummaryAsync();

    /// <summary>The activation's summary, asked from inside the silo (the method is silo-only).</summary>
    public async Task<ActivationSummary> SummaryAsync() => (await SummaryOrNullAsync())!;

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
