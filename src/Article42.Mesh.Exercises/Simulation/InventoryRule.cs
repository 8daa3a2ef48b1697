namespace Article42.Mesh.Exercises;

/// <summary>
/// The mesh's inventory rule (A42-ACT-013) replayed for a dry run: a commitment may not exceed what the offerer
/// declared minus what it has committed in any activation. Without it a dry run would hide the competition
/// between two activations for one capability.
/// </summary>
internal static class InventoryRule
{
    public static ImmutableArray<ObservedMessage> Apply(ImmutableArray<ObservedMessage> messages)
    {
        var declared = new Dictionary<(string, string), int>();
        var committed = new Dictionary<(string, string), int>();
        var offers = new Dictionary<(string?, string), (string Code, int Quantity)>();
        var accepted = new Dictionary<(string?, string), int>();
        var result = ImmutableArray.CreateBuilder<ObservedMessage>();
        foreach (var message in messages.OrderBy(m => m.Scenario).ThenBy(m => m.Ref, StringComparer.Ordinal))
        {
            switch (message.Body)
            {
                case InventoryDeclarationBody inventory:
                    foreach (var item in inventory.Items)
                        declared[(message.From, item.CategoryCode!)] = item.Quantity ?? 0;
                    break;
                case OfferBody { OfferId: { } id } offer:
                    offers[(message.ActivationId, id)] = (offer.Resource?.CategoryCode ?? "", offer.Resource?.Quantity ?? 0);
                    break;
                case OfferDecisionBody { OfferId: { } id, Decision: OfferDecisionKind.Accept or OfferDecisionKind.Partial } decision when offers.TryGetValue((message.ActivationId, id), out var made):
                    accepted[(message.ActivationId, id)] = decision.AcceptedQuantity ?? made.Quantity;
                    break;
                case CommitmentBody { OfferId: { } id } when offers.TryGetValue((message.ActivationId, id), out var offered):
                    var key = (message.From, offered.Code);
                    var quantity = accepted.GetValueOrDefault((message.ActivationId, id));
                    var have = declared.GetValueOrDefault(key);
                    var taken = committed.GetValueOrDefault(key);
                    if (taken + quantity > have)
                    {
                        result.Add(message with
                        {
                            Refusal = new MeshError(ErrorCodes.InventoryExceeded, "$.payload.offer_id",
                                $"{message.From} declared {have} of {offered.Code} and has {taken} committed already; committing {quantity} more would exceed it"),
                        });
                        continue;
                    }
                    committed[key] = taken + quantity;
                    break;
            }
            result.Add(message);
        }
        return result.ToImmutable();
    }
}
