using System.Text.Json.Nodes;

namespace Article42.Mesh.Exercises;

/// <summary>What one simulated participant does about one message it receives, by the message's kind and its behaviour.</summary>
internal sealed class Reactions(Scenario scenario, int seed)
{
    private readonly Ledger _ledger = new(scenario);

    /// <summary>INVENTORY_DECLARATION at STARTEX from every participant with capabilities, so commitments can reserve them.</summary>
    public IEnumerable<PlannedAction> Inventories() =>
        scenario.Participants.Where(p => !p.Behaviour.Capabilities.IsEmpty && p.Behaviour.Online).Select(p => Send(
            p.Id, MessageKind.InventoryDeclaration, $"INVENTORY:{p.Id}", TimeSpan.Zero, [ScenarioLoader.Excon], null, null, null,
            Bodies.Inventory(p.Behaviour.Capabilities), "declares its capabilities at STARTEX"));

    public PlannedAction Silent(ScenarioParticipant participant, PlannedAction message) => Send(
        participant.Id, message.Kind, $"SILENT:{participant.Id}:{message.Ref}", message.At, [], null, message.Ref, message.ActivationId,
        new JsonObject(), $"stays silent on {message.Ref} ({EnvelopeCodec.KindName(message.Kind)})") with
    { Type = PlannedActionType.StaySilent, InjectId = message.InjectId };

    /// <summary>
    /// A reminder: an RFI from the originator to the recipient whose receipt is missing, in reply to the message (the
    /// reference the recipient needs to find it), asking for that receipt and for nothing of its own.
    /// </summary>
    public static PlannedAction Reminder(string originator, string recipient, PlannedAction message, TimeSpan at) => Send(
        originator, MessageKind.Rfi, $"REMINDER:{recipient}:{message.Ref}", at, [recipient], message.Ref, message.Ref, null,
        Bodies.Reminder(recipient, message), $"reminds {recipient} of its missing receipt for {message.Ref}") with
    { Reminds = message.Ref };

    public IEnumerable<PlannedAction> For(ScenarioParticipant participant, PlannedAction message, bool actionAddressee)
    {
        var id = participant.Id;
        var acks = AckRules.Requested(message.Kind, message.Precedence);
        var receiptAt = message.At + Delay(participant, message.Precedence, "receipt", message.Ref);
        if (actionAddressee && acks.Contains(AckType.Rn))
            yield return Reply(id, MessageKind.Receipt, "RECEIPT", receiptAt, message, Bodies.Receipt(id, receiptAt));
        if (actionAddressee && acks.Contains(AckType.Wilco))
        {
            var at = receiptAt + Delay(participant, message.Precedence, "wilco", message.Ref) / 3;
            yield return Reply(id, MessageKind.ActionAck, "WILCO", at, message, Bodies.Wilco());
        }
        // Only action addressees are asked to act; an invocation is acknowledged by everyone it reaches.
        if (!actionAddressee && message.Kind != MessageKind.Invocation)
            yield break;
        foreach (var reaction in KindReactions(participant, message, receiptAt))
            yield return reaction;
    }

    private IEnumerable<PlannedAction> KindReactions(ScenarioParticipant participant, PlannedAction message, TimeSpan receiptAt)
    {
        var id = participant.Id;
        var behaviour = participant.Behaviour;
        switch (message.Kind)
        {
            case MessageKind.Invocation:
                // The crisis centre that signs the receipt acknowledges formally soon after: a quarter of its reaction time again.
                var ackAt = receiptAt + Delay(participant, message.Precedence, "invocation-ack", message.Ref) / 4;
                yield return Send(id, MessageKind.InvocationAck, $"INVOCATION_ACK:{id}:{message.Ref}", ackAt, [message.Actor], null, message.Ref,
                    message.ActivationId, Bodies.InvocationAck(id, ackAt), $"acknowledges the invocation {message.Ref}");
                if (behaviour.Solidarity is { } position)
                {
                    var at = ackAt + Delay(participant, Precedence.Priority, "solidarity", message.Ref);
                    yield return Send(id, MessageKind.SolidarityStatement, $"SOLIDARITY:{id}:{message.Ref}", at, [ParticipantGroups.All], null, message.Ref,
                        message.ActivationId, Bodies.Solidarity(id, message.Actor, position, behaviour.NeutralityCaveat), $"states its solidarity with {message.Actor}");
                }
                break;
            case MessageKind.Rfa:
                foreach (var offer in _ledger.Offers(participant, message))
                {
                    var at = message.At + Delay(participant, Precedence.Immediate, "offer", offer.OfferId);
                    yield return Send(id, MessageKind.Offer, $"OFFER:{offer.OfferId}", at, [message.Actor], null, message.Ref,
                        message.ActivationId, Bodies.Offer(offer, behaviour.Approval), $"offers {offer.Quantity} {offer.CategoryCode} for {offer.RfaId}/{offer.LineId}");
                }
                break;
            case MessageKind.Offer when _ledger.IsInvoker(id, message.ActivationId):
                var decision = _ledger.Decide(message);
                if (decision is not null)
                {
                    var at = message.At + Jittered(behaviour.Decision, behaviour, "decision", id, message.Ref);
                    yield return Send(id, MessageKind.OfferDecision, $"DECISION:{decision.OfferId}", at, [message.Actor], null, message.Ref,
                        message.ActivationId, Bodies.Decision(decision), $"{EnvelopeCodec.WireName(decision.Decision)} offer {decision.OfferId}");
                }
                break;
            case MessageKind.OfferDecision when _ledger.Accepted(message) is { } offerId:
                var approval = behaviour.Approval == NationalApproval.None
                    ? Delay(participant, Precedence.Immediate, "commit", offerId)
                    : Jittered(behaviour.ApprovalDelay, behaviour, "approval", id, offerId);
                yield return Send(id, MessageKind.Commitment, $"COMMITMENT:{offerId}", message.At + approval, [message.Actor], null, message.Ref,
                    message.ActivationId, Bodies.Commitment(offerId, id, behaviour.Approval), $"commits offer {offerId} after {EnvelopeCodec.WireName(behaviour.Approval)} approval");
                break;
            case MessageKind.Rfi:
                var answerAt = message.At + Delay(participant, message.Precedence, "rfi", message.Ref);
                yield return Reply(id, MessageKind.RfiResponse, "RFI_RESPONSE", answerAt, message, Bodies.RfiAnswer(id)) with
                {
                    ActivationId = message.ActivationId,
                };
                break;
            case MessageKind.Inject:
                foreach (var expectation in scenario.Msel.First(i => i.Id == message.InjectId).Expectations
                    .Where(e => e.Respond is not null && e.Actors.Contains(id)))
                {
                    var respond = expectation.Respond!;
                    var at = message.At + Delay(participant, respond.Precedence, "respond", expectation.Id);
                    yield return Send(id, expectation.Kind!.Value, $"RESPOND:{id}:{expectation.Id}", at, respond.To, null, message.Ref,
                        respond.ActivationId, null, $"answers inject {message.InjectId} ({expectation.Id})") with
                    {
                        Info = respond.Info,
                        Precedence = respond.Precedence,
                        Label = respond.Label,
                        Payload = respond.Payload,
                        InjectId = message.InjectId,
                        ExpectationId = expectation.Id,
                    };
                }
                break;
        }
    }

    private TimeSpan Delay(ScenarioParticipant participant, Precedence precedence, string purpose, string key) =>
        Jittered(participant.Behaviour.ReactionTo(precedence), participant.Behaviour, purpose, participant.Id, key);

    private TimeSpan Jittered(TimeSpan time, Behaviour behaviour, string purpose, string actor, string key) =>
        ReactionTime.Draw(seed, time, behaviour.Jitter, behaviour.Spread, purpose, actor, key);

    private PlannedAction Reply(string actor, MessageKind kind, string prefix, TimeSpan at, PlannedAction message, JsonObject body) =>
        Send(actor, kind, $"{prefix}:{actor}:{message.Ref}", at, [message.Actor], message.Ref, message.Ref, null, body,
            $"{prefix.ToLowerInvariant().Replace('_', ' ')} for {message.Ref}") with
        { InjectId = message.InjectId };

    private static PlannedAction Send(string actor, MessageKind kind, string reference, TimeSpan at, ImmutableArray<string> to,
        string? inReplyTo, string? trigger, string? activation, JsonObject? body, string note) => new()
        {
            Sequence = 0,
            At = at,
            Actor = actor,
            Type = PlannedActionType.Send,
            Ref = reference,
            Kind = kind,
            To = to,
            Precedence = MessageCatalogue.Of(kind).DefaultPrecedence,
            ActivationId = activation,
            InReplyToRef = inReplyTo,
            TriggerRef = trigger,
            Payload = new PayloadTemplate(kind, body ?? []),
            Note = note,
        };
}
