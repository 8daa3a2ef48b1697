namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Observations of the small scenario written by hand (times in scenario seconds), with the figures they should
/// give worked out in <see cref="ReportFigureTests"/>.
/// </summary>
internal static class HandObservations
{
    public static readonly DateTimeOffset Startex = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private const string Activation = "A42-2026-0101";

    public static ExerciseObservations Create(string host = "test-host", int realJitterMs = 0) => new()
    {
        ExerciseId = "EX-SMALL",
        Seed = 7,
        StartexUtc = Startex,
        EndexUtc = Startex.AddSeconds(120),
        Host = host,
        MeshProfile = "embedded",
        Messages =
        [
            Message("M01", MessageKind.Inject, "EXCON", ["LT"], 0, Precedence.Priority, realJitterMs, injectId: "M01"),
            Message("M02", MessageKind.Invocation, "LT", ["ALL-MS"], 600, Precedence.Flash, realJitterMs, injectId: "M02"),
            Receipt("DE", "M02", 900), Receipt("PL", "M02", 1500),
            Message("ACK:DE", MessageKind.InvocationAck, "DE", ["LT"], 1000, Precedence.Immediate, realJitterMs),
            Message("ACK:PL", MessageKind.InvocationAck, "PL", ["LT"], 1600, Precedence.Immediate, realJitterMs),
            Message("SOL:DE", MessageKind.SolidarityStatement, "DE", ["ALL"], 1200, Precedence.Priority, realJitterMs),
            Message("M03", MessageKind.Rfa, "LT", ["ALL-MS"], 1800, Precedence.Immediate, realJitterMs, injectId: "M03", body: new RfaBody
            {
                RfaId = "RFA-1",
                Lines =
                [
                    new RfaLine { LineId = "L1", CategoryCode = "MIL.AIR.C-UAS", Description = "counter-drone teams", Quantity = 2, Unit = "team" },
                    new RfaLine { LineId = "L2", CategoryCode = "MED.EMT2", Description = "surgical field team", Quantity = 1, Unit = "team" },
                ],
            }),
            Receipt("DE", "M03", 2100), Receipt("PL", "M03", 2400),
            Message("OFFER", MessageKind.Offer, "PL", ["LT"], 2400, Precedence.Immediate, realJitterMs, body: new OfferBody
            {
                OfferId = "OF-PL-01",
                RfaId = "RFA-1",
                LineId = "L1",
                Resource = new ResourceLine { CategoryCode = "MIL.AIR.C-UAS", Description = "counter-drone team", Quantity = 2, Unit = "team" },
                NationalApproval = NationalApproval.Government,
            }),
            Message("M04", MessageKind.Rfi, "LT", ["DE", "HU"], 2400, Precedence.Priority, realJitterMs, injectId: "M04", body: new RfiBody { Question = "Same drones on your radars?" }),
            Receipt("LT", "OFFER", 3000), Receipt("DE", "M04", 3000),
            Message("DECISION", MessageKind.OfferDecision, "LT", ["PL"], 3600, Precedence.Immediate, realJitterMs, body: new OfferDecisionBody { OfferId = "OF-PL-01", Decision = OfferDecisionKind.Accept }),
            Receipt("PL", "DECISION", 3900),
            Message("ANSWER", MessageKind.RfiResponse, "DE", ["LT"], 4200, Precedence.Priority, realJitterMs, replyTo: "M04", body: new RfiResponseBody { Answer = "Yes." }),
            Message("COMMIT", MessageKind.Commitment, "PL", ["LT"], 6000, Precedence.Immediate, realJitterMs, body: new CommitmentBody { OfferId = "OF-PL-01" }),
            Receipt("LT", "COMMIT", 6300),
        ],
        Deliveries =
        [
            new ObservedDelivery("M02", "DE", DeliveryEvent.Delivered, TimeSpan.FromSeconds(600), Startex.AddMilliseconds(10_000 + 12 + realJitterMs)),
            new ObservedDelivery("M02", "PL", DeliveryEvent.Delivered, TimeSpan.FromSeconds(600), Startex.AddMilliseconds(10_000 + 15 + realJitterMs)),
            new ObservedDelivery("M04", "HU", DeliveryEvent.NotDelivered, TimeSpan.FromSeconds(2400), Startex.AddSeconds(45), NonDeliveryReason.Expired),
        ],
    };

    private static ObservedMessage Receipt(string from, string answered, long seconds) =>
        Message($"RECEIPT:{from}:{answered}", MessageKind.Receipt, from, [], seconds, Precedence.Immediate, 0, replyTo: answered, body: new ReceiptBody());

    private static ObservedMessage Message(string reference, MessageKind kind, string from, string[] to, long seconds, Precedence precedence, int realJitterMs,
        string? injectId = null, string? replyTo = null, MessageBody? body = null) => new()
        {
            Ref = reference,
            MsgId = reference,
            Kind = kind,
            From = from,
            To = [.. to],
            Precedence = precedence,
            ActivationId = kind is MessageKind.Inject or MessageKind.Receipt ? null : Activation,
            InReplyToRef = replyTo,
            InjectId = injectId,
            Body = body,
            Scenario = TimeSpan.FromSeconds(seconds),
            // 60x compression: a scenario second is 1/60 of a real one.
            Utc = Startex.AddMilliseconds(seconds * 1000 / 60 + realJitterMs),
        };
}
