using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A cluster whose legality hook refuses every TERMINATION, standing in for the activation grains.</summary>
public sealed class RefusingTerminationsFixture : MeshClusterFixture
{
    protected override void Services(IServiceCollection services) => services.AddSingleton<IMessageLegality, RefuseTerminations>();

    private sealed class RefuseTerminations : IMessageLegality
    {
        public ValueTask<MeshError?> JudgeAsync(Envelope envelope) => ValueTask.FromResult(envelope.Kind == MessageKind.Termination
            ? new MeshError("A42-ACT-999", "$.kind", "test rule: no termination in this state")
            : null);
    }
}

public sealed class LegalityHookTests(RefusingTerminationsFixture mesh) : IClassFixture<RefusingTerminationsFixture>
{
    [Fact]
    public async Task Submit_asks_the_legality_hook_and_a_refusal_stores_nothing()
    {
        var termination = TestKeys.Signed("FR", [ParticipantGroups.All], MessageKind.Termination);
        var outcome = await mesh.Gateway("FR").SubmitAsync(termination);
        Assert.Equal("A42-ACT-999", Assert.Single(outcome.Errors).Code);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(termination.MsgId));
        Assert.NotNull((await mesh.Gateway("FR").SubmitAsync(TestKeys.Signed("FR", ["DE"]))).Receipt);
    }
}
