namespace Article42.Mesh.Protocol;

/// <summary>
/// The delivery rule of docs/design/domain.md §4.3: a message reaches a recipient only if its level is at most the
/// recipient's accreditation ceiling and the recipient is in <c>releasable_to</c> (empty: everyone).
/// </summary>
public static class SecurityPolicy
{
    /// <summary>True when the sender's own systems are accredited for the label it applies.</summary>
    public static bool WithinSenderCeiling(SecurityLabel label, Participant sender) => label.Level <= sender.AccreditationMax;

    /// <summary>True when <paramref name="recipient"/> may receive a message carrying <paramref name="label"/>.</summary>
    public static bool MayDeliver(SecurityLabel label, Participant recipient, ParticipantRegistry registry) =>
        label.Level <= recipient.AccreditationMax && IsReleasableTo(label, recipient.Id, registry);

    /// <summary>True when the label's release list covers the participant, directly or through a group.</summary>
    public static bool IsReleasableTo(SecurityLabel label, string participantId, ParticipantRegistry registry) =>
        label.ReleasableTo.IsDefaultOrEmpty
        || label.ReleasableTo.Contains(participantId)
        || registry.Expand(label.ReleasableTo.Where(ParticipantGroups.IsGroup), sender: "").Contains(participantId);
}
