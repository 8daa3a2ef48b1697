namespace Article42.Mesh.Protocol;

/// <summary>Rules on who sends and who receives: known ids, groups, no self-addressing, EXCON only in training, the fan-out limit.</summary>
internal static class EnvelopeAddressing
{
    public const string ExerciseControl = "EXCON";

    public static void Check(Envelope envelope, ValidationContext context)
    {
        if (string.IsNullOrEmpty(envelope.From))
            context.Add(ErrorCodes.MissingValue, "$.from", "a sender is required");
        else
            context.KnownParticipant(envelope.From, "$.from");
        if (envelope.From == ExerciseControl && !envelope.IsTraining)
            context.Add(ErrorCodes.ExerciseMarking, "$.from", "EXCON sends exercise and drill traffic only");

        if (envelope.ToAction.IsDefaultOrEmpty)
            context.Add(ErrorCodes.NoActionAddressee, "$.to_action", "at least one action addressee is required");
        CheckAddressees(envelope, envelope.ToAction, "$.to_action", context);
        CheckAddressees(envelope, envelope.ToInfo, "$.to_info", context);

        context.Defined<Precedence>(envelope.PrecedenceAction, "$.precedence_action");
        context.Defined(envelope.PrecedenceInfo, "$.precedence_info");
        if (envelope.PrecedenceInfo > envelope.PrecedenceAction)
            context.Add(ErrorCodes.InfoAboveAction, "$.precedence_info",
                $"info precedence {EnvelopeCodec.WireName(envelope.PrecedenceInfo.Value)} is above action precedence {EnvelopeCodec.WireName(envelope.PrecedenceAction)}");

        var recipients = context.Registry.Expand(envelope.ToAction.Concat(envelope.ToInfo), envelope.From);
        if (recipients.Length > Limits.Recipients)
            context.Add(ErrorCodes.TooManyRecipients, "$.to_action", $"{recipients.Length} recipients after group expansion is more than {Limits.Recipients}");
        else if (recipients.IsEmpty && !envelope.ToAction.IsDefaultOrEmpty)
            context.Add(ErrorCodes.NoActionAddressee, "$.to_action", "the addressees expand to no recipient other than the sender");
    }

    private static void CheckAddressees(Envelope envelope, ImmutableArray<string> addressees, string path, ValidationContext context) =>
        context.Items(addressees, path, (name, itemPath) =>
        {
            if (ParticipantGroups.IsGroup(name))
                return;
            context.KnownParticipant(name, itemPath);
            if (name == envelope.From)
                context.Add(ErrorCodes.AddressedToSelf, itemPath, $"'{name}' is the sender; a participant does not address itself");
            if (name == ExerciseControl && !envelope.IsTraining)
                context.Add(ErrorCodes.ExerciseMarking, itemPath, "EXCON receives exercise and drill traffic only");
        });
}
