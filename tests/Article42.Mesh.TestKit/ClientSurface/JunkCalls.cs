using Article42.Mesh.Protocol;
using Orleans.Core.Internal;

namespace Article42.Mesh.TestKit;

/// <summary>
/// The hostile traffic of issue 16's refused-call cost tests, shared by the in-process and the real-process suites: call
/// number <c>i</c> is one call a plain client makes on a key nobody uses (<c>JUNK-i</c>, or integer key <c>i + 1</c>),
/// of one of the grain types in turn, including an unknown participant's <c>ChallengeAsync</c>, which is on the client
/// surface and so answered.
/// </summary>
public static class JunkCalls
{
    /// <summary>How many kinds of call there are: call <c>i</c> is of kind <c>i % Kinds</c>.</summary>
    public const int Kinds = 7;

    /// <summary>The refusal code call <paramref name="i"/> must get, or null when it must be answered (the unknown participant's challenge).</summary>
    public static string? ExpectedCode(int i) => i % Kinds == 0 ? null : ErrorCodes.OutsideClientSurface;

    /// <summary>
    /// Makes call <paramref name="i"/> through <paramref name="grains"/> (a plain client's factory) and returns the code of
    /// its refusal, or null when it was answered. Other failures propagate: they are not refusals.
    /// </summary>
    public static async Task<string?> CallAsync(IGrainFactory grains, int i)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var key = $"JUNK-{i}";
        try
        {
            switch (i % Kinds)
            {
                case 0:
                    _ = await grains.GetGrain<IParticipantGrain>(key).ChallengeAsync() ?? throw new InvalidOperationException($"{key} answered its challenge with nothing");
                    break;
                case 1:
                    await grains.GetGrain<IParticipantGrain>(key).DeliverAsync(new DeliveryBatch("FR", []));
                    break;
                case 2:
                    await grains.GetGrain<IParticipantGrain>(key).Cast<IGrainManagementExtension>().DeactivateOnIdle();
                    break;
                case 3:
                    await grains.GetGrain<IActivationGrain>(key).SummaryAsync();
                    break;
                case 4:
                    await grains.GetGrain<IExerciseGrain>(key).StatusAsync();
                    break;
                case 5:
                    await grains.GetGrain<IAdminGrain>(i + 1).StatusAsync(null!);
                    break;
                default:
                    await grains.GetGrain<IManagementGrain>(i + 1).GetHosts();
                    break;
            }
            return null;
        }
        catch (MeshCallRefusedException refused)
        {
            return refused.Error.Code;
        }
    }
}
