using Article42.Mesh.Hosting.Connections;

namespace Article42.Mesh.IntegrationTests.Gateway;

/// <summary>One source address holds at most <c>Connections:MaxPerAddress</c> gateway connections on a silo (a real silo process).</summary>
public sealed class GatewayConnectionCapTests(CappedMesh mesh) : IClassFixture<CappedMesh>
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_connection_past_the_address_cap_is_closed_with_a_logged_reason_and_counted()
    {
        var before = await GatewayChecks.RefusedAsync(mesh.Ports, GatewayRefusal.AddressCap);
        var held = new List<RawGatewayConnection>();
        try
        {
            for (var i = 0; i < CappedMesh.MaxPerAddress; i++)
                held.Add(await RawGatewayConnection.OpenAsync(mesh.Ports.Gateway, Answer));
            Assert.All(held, connection => Assert.True(connection.Accepted));

            using var oneMore = await RawGatewayConnection.OpenAsync(mesh.Ports.Gateway, Answer);

            Assert.False(oneMore.Accepted);
            await GatewayChecks.LogsAsync(mesh.Silo, $"closed (address-cap): its address 127.0.0.1 already holds {CappedMesh.MaxPerAddress} connections (Connections:MaxPerAddress)");
            await GatewayChecks.CountsAsync(mesh.Ports, GatewayRefusal.AddressCap, before);
        }
        finally
        {
            held.ForEach(connection => connection.Dispose());
        }

        // The slots come back as the silo sees the connections end.
        await Deadline.UntilAsync(async () =>
        {
            using var probe = await RawGatewayConnection.OpenAsync(mesh.Ports.Gateway, Answer);
            return probe.Accepted;
        }, TimeSpan.FromSeconds(30), "a gateway connection accepted again");
        await GatewayChecks.FranceReachesGermanyAsync(mesh.Home, mesh.Ports.Gateway);
    }
}
