using System.Text.Json.Nodes;

namespace Article42.Mesh.Exercises;

/// <summary>The payloads simulated participants write, in the protocol's JSON with scenario times as offsets.</summary>
internal static class Bodies
{
    public static JsonObject Inventory(ImmutableArray<Capability> capabilities) => new()
    {
        ["items"] = new JsonArray([.. capabilities.Select(c => (JsonNode)new JsonObject
        {
            ["category_code"] = c.CategoryCode,
            ["description"] = c.Description,
            ["quantity"] = c.Quantity,
            ["unit"] = c.Unit,
        })]),
    };

    public static JsonObject Receipt(string id, TimeSpan at) => new()
    {
        ["received_at"] = ScenarioTime.FormatOffset(at),
        ["authority"] = $"{id} duty officer",
    };

    public static JsonObject Wilco() => new() { ["response"] = "WILCO" };

    public static JsonObject InvocationAck(string id, TimeSpan at) => new()
    {
        ["receipt_time"] = ScenarioTime.FormatOffset(at),
        ["acknowledging_authority"] = $"{id} national crisis centre",
    };

    public static JsonObject Solidarity(string id, string invoker, SolidarityPosition position, bool neutralityCaveat) => new()
    {
        ["position"] = EnvelopeCodec.WireName(position),
        ["text"] = $"{id} stands with {invoker} and will aid and assist it by all the means in its power (Art. 42(7) TEU).",
        ["neutrality_caveat"] = neutralityCaveat,
    };

    public static JsonObject Offer(OfferPlan offer, NationalApproval approval) => new()
    {
        ["offer_id"] = offer.OfferId,
        ["rfa_id"] = offer.RfaId,
        ["line_id"] = offer.LineId,
        ["resource"] = new JsonObject
        {
            ["category_code"] = offer.CategoryCode,
            ["description"] = offer.Description,
            ["quantity"] = offer.Quantity,
            ["unit"] = offer.Unit,
        },
        ["national_approval"] = EnvelopeCodec.WireName(approval),
    };

    public static JsonObject Decision(DecisionPlan decision)
    {
        var json = new JsonObject
        {
            ["offer_id"] = decision.OfferId,
            ["decision"] = EnvelopeCodec.WireName(decision.Decision),
            ["reason"] = decision.Reason,
        };
        if (decision.AcceptedQuantity is { } quantity)
            json["accepted_quantity"] = quantity;
        return json;
    }

    public static JsonObject Commitment(string offerId, string id, NationalApproval approval)
    {
        var json = new JsonObject { ["offer_id"] = offerId, ["ntm_hours"] = 24 };
        if (approval != NationalApproval.None)
            json["approval_ref"] = $"{id}-{EnvelopeCodec.WireName(approval)}-{offerId}";
        return json;
    }

    public static JsonObject Reminder(string recipient, PlannedAction message) => new()
    {
        ["question"] = $"{recipient}: your receipt of {EnvelopeCodec.KindName(message.Kind)} {message.Ref} ({EnvelopeCodec.WireName(message.Precedence)}, the message this RFI is in reply to) is outstanding: please acknowledge it.",
    };

    public static JsonObject RfiAnswer(string id) => new()
    {
        ["answer"] = $"{id}: answer to the request for information, as far as is known at this time.",
        ["confidence"] = "medium",
    };
}
