namespace Article42.Mesh.Grains;

/// <summary>
/// The checks of a submit that need nothing but the envelope, the registry and the clock: sender, kind, envelope
/// rules, signature (once, here, never again on retry) and the sender's own ceiling. Cheap checks run first.
/// </summary>
internal sealed class SubmitChecks(string participant, IRegistryHolder registries, SecurityOptions security, TimeProvider time)
{
    public ImmutableArray<MeshError> Check(Envelope envelope)
    {
        if (envelope.From != participant)
            return [new MeshError(ErrorCodes.SenderMismatch, "$.from", $"this session speaks for '{participant}', the envelope is from '{ValidationContext.Truncate(envelope.From ?? "")}'")];
        if (MessageCatalogue.IsDefined(envelope.Kind) && MessageCatalogue.Of(envelope.Kind).MeshOnly)
            return [new MeshError(ErrorCodes.MeshOnlyKind, "$.kind", $"{EnvelopeCodec.KindName(envelope.Kind)} is produced by the mesh only")];
        var registry = registries.Current;
        var errors = EnvelopeValidator.Validate(envelope, registry, time.GetUtcNow());
        if (!errors.IsEmpty)
            return errors;
        if (security.VerifySignatures == SignatureCheck.Always && EnvelopeSignatures.Verify(envelope, registry) is { } forged)
            return [KeyRevocation.OfEnvelope(envelope, registry) ?? forged];
        var sender = registry.Find(participant)!;
        if (!SecurityPolicy.WithinSenderCeiling(envelope.Label, sender))
            return [new MeshError(ErrorCodes.AboveSenderCeiling, "$.label.level",
                $"'{participant}' is accredited up to {EnvelopeCodec.WireName(sender.AccreditationMax)} and cannot send {EnvelopeCodec.WireName(envelope.Label.Level)}")];
        return [];
    }
}
