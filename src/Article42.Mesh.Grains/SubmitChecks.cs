namespace Article42.Mesh.Grains;

/// <summary>
/// The checks of a submit that need nothing but the envelope, the registry and the clock: sender, kind, envelope
/// rules, signature (once, here, never again on retry) and the sender's own ceiling. Cheap checks run first.
/// </summary>
internal sealed class SubmitChecks(string participant, IRegistryHolder registries, SecurityOptions security, TimeProvider time)
{
    /// <summary>The checks of an envelope with no canonical form (a lone surrogate): validation names the text that holds it.</summary>
    public ImmutableArray<MeshError> Check(Envelope envelope) =>
        Check(envelope, registries.Current, registry => EnvelopeValidator.Validate(envelope, registry, time.GetUtcNow()),
            registry => EnvelopeSignatures.Verify(envelope, registry) is { } forged ? FormerKeyRefusals.OfEnvelope(envelope, registry) ?? forged : null);

    /// <summary>
    /// The checks of a document made at the edge against <paramref name="registry"/> (the one its acceptance records the
    /// key of: <see cref="AcceptingKey"/>): the size limit counts its bytes and the signature is verified over them, so
    /// nothing is encoded again (issue #18).
    /// </summary>
    public ImmutableArray<MeshError> Check(SignedDocument document, ParticipantRegistry registry) =>
        Check(document.Envelope, registry, registry => EnvelopeValidator.Validate(document, registry, time.GetUtcNow()),
            registry => EnvelopeSignatures.Verify(document, registry) is { } forged ? FormerKeyRefusals.OfDocument(document, registry) ?? forged : null);

    private ImmutableArray<MeshError> Check(Envelope envelope, ParticipantRegistry registry, Func<ParticipantRegistry, ImmutableArray<MeshError>> validate, Func<ParticipantRegistry, MeshError?> verify)
    {
        if (envelope.From != participant)
            return [new MeshError(ErrorCodes.SenderMismatch, "$.from", $"this session speaks for '{participant}', the envelope is from '{ValidationContext.Truncate(envelope.From ?? "")}'")];
        if (MessageCatalogue.IsDefined(envelope.Kind) && MessageCatalogue.Of(envelope.Kind).MeshOnly)
            return [new MeshError(ErrorCodes.MeshOnlyKind, "$.kind", $"{EnvelopeCodec.KindName(envelope.Kind)} is produced by the mesh only")];
        var errors = validate(registry);
        if (!errors.IsEmpty)
            return errors;
        if (security.VerifySignatures == SignatureCheck.Always && verify(registry) is { } forged)
            return [forged];
        var sender = registry.Find(participant)!;
        if (!SecurityPolicy.WithinSenderCeiling(envelope.Label, sender))
            return [new MeshError(ErrorCodes.AboveSenderCeiling, "$.label.level",
                $"'{participant}' is accredited up to {EnvelopeCodec.WireName(sender.AccreditationMax)} and cannot send {EnvelopeCodec.WireName(envelope.Label.Level)}")];
        return [];
    }
}
