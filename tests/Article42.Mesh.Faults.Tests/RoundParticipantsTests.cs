using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Runs;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// Rounds of a run never share a participant: the 30-minute long form of seed 2020 reused the 9 member-state trios
/// from round 9 on, and its fresh clients read the delivery reports of an earlier round's sends (25 rounds red).
/// </summary>
public sealed class RoundParticipantsTests
{
    private static readonly RoundParticipants Supply = new(FaultCluster.Registry);

    /// <summary>The last 30-minute long form had 33 rounds, at about a minute each at the least.</summary>
    private const int ThirtyMinutesOfRounds = 40;

    [Fact]
    public void No_two_rounds_of_a_thirty_minute_run_share_a_participant()
    {
        var seen = new Dictionary<string, int>();
        for (var round = 0; round < ThirtyMinutesOfRounds; round++)
        {
            var participants = Supply.For(round);
            Assert.Equal(RoundParticipants.PerRound, participants.Count);
            foreach (var participant in participants)
                Assert.True(seen.TryAdd(participant, round), $"{participant} plays in round {seen.GetValueOrDefault(participant)} and again in round {round}");
        }
    }

    [Fact]
    public void A_round_beyond_the_supply_is_refused_rather_than_given_an_earlier_rounds_participants()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Supply.For(Supply.Rounds));

        Assert.Equal("round", refused.ParamName);
    }
}
